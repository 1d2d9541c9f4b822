package cli_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/i18n"
	"kamdesk/app/store"
)

// portrait is an invented 24×16 PNG.
func portrait() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 24, 16))
	for y := range 16 {
		for x := range 24 {
			img.Set(x, y, color.RGBA{uint8(x * 10), uint8(y * 15), 200, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestPhotoThroughVCards: a person's photo is written by person export as
// a vCard 4.0 data: URI, and imported from that file into a fresh
// workspace it is the same photo, byte for byte; account show, person
// privacy and the JSON of a person say what it is.
func TestPhotoThroughVCards(t *testing.T) {
	dir := demo(t)
	pic := portrait()
	withStore(t, dir, func(s *store.Store) {
		p, err := s.Person("northbridge-anna-keller")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SavePersonWithPhoto(&p, "anna.png", pic); err != nil {
			t.Fatal(err)
		}
	})
	file := filepath.Join(t.TempDir(), "anna.vcf")
	mustRun(t, dir, "person", "export", "northbridge-anna-keller", "-o", file)
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), "\r\nPHOTO;MEDIATYPE=image/png:data:image/png;base64,iVBOR") {
		t.Fatalf("the card has no photo as a data: URI:\n%s", data)
	}

	fresh := t.TempDir()
	acct := emptyAccount(t, fresh)
	out := mustRun(t, fresh, "person", "import", file, "--account", acct)
	if !strings.Contains(out, "1 added") || strings.Contains(out, "not kept") {
		t.Fatalf("import said:\n%s", out)
	}
	got := peopleOf(t, fresh, acct)
	if len(got) != 1 || got[0].Photo == nil {
		t.Fatalf("imported %+v", got)
	}
	withStore(t, fresh, func(s *store.Store) {
		b, err := s.File(got[0].Photo.Attachment)
		if err != nil || !bytes.Equal(b, pic) {
			t.Errorf("the photo imported: %d bytes (%v), want the %d exported", len(b), err, len(pic))
		}
	})

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"account", "show", "northbridge"}, "  Photo: PNG image, 24×16 pixels, 1 KB\n"},
		{[]string{"person", "privacy", "northbridge-anna-keller"}, "PNG image, 24×16 pixels, 1 KB"},
	} {
		if out := mustRun(t, dir, c.args...); !strings.Contains(out, c.want) {
			t.Errorf("%v does not say %q:\n%s", c.args, c.want, out)
		}
	}
	var people []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, dir, "person", "list", "--account", "northbridge", "--json")), &people); err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		ph, _ := p["photo"].(map[string]any)
		if (p["id"] == "northbridge-anna-keller") != (ph != nil) ||
			ph != nil && (ph["type"] != "image/png" || ph["width"] != 24.0 || ph["size"] != float64(len(pic))) {
			t.Errorf("%s: photo %v", p["id"], p["photo"])
		}
	}
}

// TestAccountShowInTheUsersLanguage: the labels of a person's facts in
// account show are translated as the account's are.
func TestAccountShowInTheUsersLanguage(t *testing.T) {
	dir := demo(t)
	t.Cleanup(func() { i18n.SetLanguage("en") })
	out := mustRun(t, dir, "--lang", "ru", "account", "show", "northbridge")
	for _, english := range []string{"  Phone:", "  Type:", "  Department:"} {
		if strings.Contains(out, english) {
			t.Errorf("account show in Russian says %q:\n%s", english, out)
		}
	}
}
