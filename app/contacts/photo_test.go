package contacts_test

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"slices"
	"strings"
	"testing"

	"kamdesk/app/contacts"
	"kamdesk/dossier"
)

// tinyPNG is an invented w×h picture, a gradient, as a PNG.
func tinyPNG(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, gradient(w, h)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func tinyJPEG(w, h int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, gradient(w, h), nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func gradient(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	return img
}

// photos is every photo the tests store, by SHA-256: what the store
// would read back.
var photos = map[string][]byte{}

// storedPhoto is data's Photo as the store keeps it, under the file ID id.
func storedPhoto(id string, data []byte) *dossier.Photo {
	ph, err := dossier.NewPhoto("portrait.png", data)
	if err != nil {
		panic(err)
	}
	ph.FileID = id
	photos[ph.SHA256] = data
	return &ph
}

// photoBytes gives Write the bytes of the stored photos.
func photoBytes(t *testing.T) func(*dossier.Photo) ([]byte, error) {
	return func(ph *dossier.Photo) ([]byte, error) {
		if b, ok := photos[ph.SHA256]; ok {
			return b, nil
		}
		t.Errorf("Write asked for a photo never stored: %+v", ph)
		return nil, dossier.ErrNotFound
	}
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// folded writes s as lines of 60 characters, each after the first
// starting with a space (folded as vCard folds).
func folded(s string) string {
	var out []string
	for len(s) > 60 {
		out = append(out, s[:60])
		s = s[60:]
	}
	return strings.Join(append(out, s), "\r\n ")
}

// TestPhotoForms: the photo of a card in each form address books write
// it is kept, byte for byte, with its kind and size.
func TestPhotoForms(t *testing.T) {
	png, jpg := tinyPNG(20, 10), tinyJPEG(16, 24)
	for _, c := range []struct {
		name, photo string
		want        []byte
	}{
		{"vCard 2.1, bare parameters, lines not indented",
			"PHOTO;JPEG;ENCODING=BASE64:" + strings.Join(chunks(b64(jpg), 70), "\r\n") + "\r\n", jpg},
		{"vCard 3.0, ENCODING=b", "PHOTO;ENCODING=b;TYPE=PNG:" + folded(b64(png)), png},
		{"vCard 3.0, TYPE says JPEG of a PNG", "PHOTO;ENCODING=b;TYPE=JPEG:" + folded(b64(png)), png},
		{"Apple's itemN group", "item1.PHOTO;ENCODING=b;TYPE=JPEG:" + folded(b64(jpg)) + "\r\nitem1.X-ABLabel:_$!<Work>!$_", jpg},
		{"vCard 4.0, data: URI", "PHOTO:" + folded("data:image/png;base64,"+b64(png)), png},
		{"vCard 4.0, MEDIATYPE", "PHOTO;MEDIATYPE=image/jpeg:" + folded("data:image/jpeg;base64,"+b64(jpg)), jpg},
		{"a data: URI with an escaped comma", "PHOTO:data:image/png;base64\\," + folded(b64(png)), png},
		{"base64 without its padding", "PHOTO;ENCODING=b;TYPE=PNG:" + folded(strings.TrimRight(b64(png), "=")), png},
		{"a link first, the picture second", "PHOTO;VALUE=uri:https://photos.example/anna.jpg\r\nPHOTO;ENCODING=b:" + folded(b64(jpg)), jpg},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\n" + c.photo + "\r\nEND:VCARD\r\n"
			cards, err := contacts.Read("x.vcf", []byte(text))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			p := cards[0].Person.Photo
			if p == nil || !bytes.Equal(cards[0].Photo, c.want) {
				t.Fatalf("photo %+v of %d bytes, want the %d written", p, len(cards[0].Photo), len(c.want))
			}
			want, _ := dossier.NewPhoto("", c.want)
			if *p != want || p.FileID != "" {
				t.Errorf("photo %+v, want %+v", *p, want)
			}
			if ign := cards[0].Ignored; len(ign) > 0 && !strings.HasPrefix(c.name, "a link") {
				t.Errorf("not kept: %q", ign)
			}
		})
	}
}

func chunks(s string, n int) []string {
	var out []string
	for len(s) > n {
		out, s = append(out, s[:n]), s[n:]
	}
	return append(out, s)
}

// TestPhotoNotKept: a photo kamdesk cannot keep (a link it cannot fetch
// offline, an image of another kind, one too large, a second photo) is
// listed as not kept, and the card is imported.
func TestPhotoNotKept(t *testing.T) {
	huge := func() []byte { // a GIF whose header says 6000×5000 pixels
		var b bytes.Buffer
		gif.Encode(&b, gradient(2, 2), nil)
		g := b.Bytes()
		binary.LittleEndian.PutUint16(g[6:], 6000)
		binary.LittleEndian.PutUint16(g[8:], 5000)
		return g
	}()
	heic := append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 40)...)
	bmp := append([]byte("BM"), make([]byte, 60)...)
	for _, c := range []struct{ name, photo, want string }{
		{"vCard 4.0 link", "PHOTO:https://lh3.googleusercontent.example/contacts/anna-photo-2026.jpg", "PHOTO https://lh3.googleusercontent.example/contacts/anna-photo-2…"},
		{"vCard 3.0 link", "PHOTO;VALUE=uri:http://photos.example/a.jpg", "PHOTO http://photos.example/a.jpg"},
		{"vCard 2.1 link", "PHOTO;VALUE=URL;TYPE=JPEG:http://photos.example/a.jpg", "PHOTO http://photos.example/a.jpg"},
		{"HEIC", "PHOTO;ENCODING=b;TYPE=HEIC:" + b64(heic), "PHOTO image/heic"},
		{"HEIC said by its type only", "PHOTO:data:image/heic;base64," + b64([]byte("not sniffable")), "PHOTO image/heic"},
		{"bitmap", "PHOTO;ENCODING=b;TYPE=JPEG:" + b64(bmp), "PHOTO image/bmp"},
		{"too many pixels", "PHOTO;ENCODING=b;TYPE=GIF:" + b64(huge), "PHOTO GIF 6000×5000, 1 KB"},
		{"a second photo", "PHOTO;ENCODING=b:" + b64(tinyPNG(4, 4)) + "\r\nPHOTO;ENCODING=b:" + b64(tinyPNG(5, 5)), "PHOTO"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\n" + c.photo + "\r\nEND:VCARD\r\n"
			cards, err := contacts.Read("x.vcf", []byte(text))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if !slices.Contains(cards[0].Ignored, c.want) {
				t.Errorf("not kept: %q, want %q among them", cards[0].Ignored, c.want)
			}
			if (cards[0].Person.Photo != nil) != (c.name == "a second photo") {
				t.Errorf("photo %+v", cards[0].Person.Photo)
			}
		})
	}
}

// TestPhotoProblems: a PHOTO that claims to be base64 and is not, or
// whose bytes are no image, stops the import, named by file, line and
// property, as every bad property does.
func TestPhotoProblems(t *testing.T) {
	for _, c := range []struct{ name, photo, want string }{
		{"not base64", "PHOTO;ENCODING=b;TYPE=JPEG:this is *not* base64!", "x.vcf:4: PHOTO: bad base64 data"},
		{"data: URI not base64", "PHOTO:data:image/png;base64,@@@@", "x.vcf:4: PHOTO: bad base64 data"},
		{"data: URI without data", "PHOTO:data:image/png;base64", "x.vcf:4: PHOTO: not a data: URI"},
		{"no image", "PHOTO;ENCODING=b;TYPE=JPEG:" + b64([]byte("Hello, this is text.")), "x.vcf:4: PHOTO: photo: is not a JPEG, PNG or GIF image"},
		{"a cut PNG", "PHOTO:data:image/png;base64," + b64(tinyPNG(8, 8)[:12]), "x.vcf:4: PHOTO: photo: is not a JPEG, PNG or GIF image"},
		{"unknown encoding", "PHOTO;ENCODING=X-UUE:begin 644", "x.vcf:4: PHOTO: unknown ENCODING X-UUE"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\n" + c.photo + "\r\nEND:VCARD\r\n"
			cards, err := contacts.Read("x.vcf", []byte(text))
			probs := contacts.ProblemsOf(err)
			if len(probs) == 0 || !strings.HasPrefix(probs[0].Error(), c.want) || cards != nil {
				t.Fatalf("Read = %d cards, %v; want the problem %q", len(cards), err, c.want)
			}
			if !errors.Is(err, dossier.ErrInvalid) {
				t.Errorf("the problem %v does not match ErrInvalid", err)
			}
		})
	}
}

// TestPlanPhoto: a new card brings its photo; a merge fills the photo
// of a person who has none and never replaces one; a different photo
// is shown as a difference, the same one is not.
func TestPlanPhoto(t *testing.T) {
	mine, theirs := tinyPNG(10, 10), tinyJPEG(8, 8)
	existing := []dossier.Person{
		{ID: "anna", AccountID: "acme", Name: "Anna Berg", Type: dossier.Finance, Level: dossier.Buyer},
		{ID: "bela", AccountID: "acme", Name: "Béla Kiss", Type: dossier.Finance, Level: dossier.Buyer, Photo: storedPhoto("file-bela", mine)},
		{ID: "cleo", AccountID: "acme", Name: "Cleo Marr", Type: dossier.Finance, Level: dossier.Buyer, Photo: storedPhoto("file-cleo", theirs)},
	}
	card := func(name string, photo []byte) string {
		return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name + "\r\nPHOTO;ENCODING=b:" + b64(photo) + "\r\nEND:VCARD\r\n"
	}
	cards, err := contacts.Read("x.vcf", []byte(card("Anna Berg", theirs)+card("Béla Kiss", theirs)+card("Cleo Marr", theirs)+card("Dora New", mine)))
	if err != nil {
		t.Fatal(err)
	}
	plan := contacts.MakePlan("acme", cards, existing, nil, contacts.OnMatchMerge, counter())
	want := []struct {
		action contacts.Action
		diffs  int
		filled []string
	}{{contacts.Merge, 1, []string{"photo"}}, {contacts.Skip, 1, nil}, {contacts.Skip, 0, nil}, {contacts.Add, 0, nil}}
	for i, w := range want {
		it := plan.Items[i]
		if it.Action != w.action || len(it.Differences) != w.diffs || !slices.Equal(it.Filled, w.filled) {
			t.Errorf("card %d: %s, differences %+v, filled %q; want %s, %d, %q", i, it.Action, it.Differences, it.Filled, w.action, w.diffs, w.filled)
		}
	}
	if d := plan.Items[0].Differences; len(d) == 1 && (d[0].Field != "photo" || d[0].Kamdesk != "" || !strings.HasPrefix(d[0].Card, "JPEG 8×8, ")) {
		t.Errorf("the difference of Anna's photo: %+v", d[0])
	}
	if len(plan.Updated) != 1 || plan.Updated[0].Photo == nil || plan.Updated[0].Photo.FileID != "" {
		t.Fatalf("updated: %+v", plan.Updated)
	}
	if len(plan.Added) != 1 || plan.Added[0].Photo == nil {
		t.Fatalf("added: %+v", plan.Added)
	}
	if len(plan.Photos) != 2 || !bytes.Equal(plan.Photos[plan.Updated[0].Photo.SHA256], theirs) || !bytes.Equal(plan.Photos[plan.Added[0].Photo.SHA256], mine) {
		t.Errorf("the plan's photos: %d, want Anna's and Dora's", len(plan.Photos))
	}
	if existing[0].Photo != nil {
		t.Error("planning changed the person it read")
	}
}
