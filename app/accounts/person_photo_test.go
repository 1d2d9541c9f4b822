package accounts

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// gradient is an invented w×h picture: red grows to the right, green
// downwards, so that its orientation can be told.
func gradient(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 60, 255})
		}
	}
	return img
}

func pngOf(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, gradient(w, h)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// writeFile writes data into a file of the test's folder and returns its
// path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPersonPhotoChooseSaveRemove: a photo chosen from a file shows in
// the frame, its aspect kept, and is an unsaved change until Save saves
// it with the person, byte for byte; the person's screen shows it again;
// Remove takes it off at the next save and its file goes.
func TestPersonPhotoChooseSaveRemove(t *testing.T) {
	d, _, st, s := openPerson(t, "northbridge-david-okafor")
	if s.photo.picture.Image != nil || s.photo.about.FullText() != "No photo" || !s.photo.remove.Disabled() {
		t.Fatalf("David has no photo yet, the screen shows %q", s.photo.about.FullText())
	}
	pic := pngOf(60, 40)
	s.photo.choosePath(writeFile(t, "david.png", pic))
	img := s.photo.picture.Image
	if img == nil || img.Bounds().Dx() != 60 || img.Bounds().Dy() != 40 || s.photo.empty.Visible() {
		t.Fatalf("the chosen photo is not shown as it is: %v", img)
	}
	if got := s.photo.about.FullText(); got != "PNG image, 60×40 pixels, 1 KB" {
		t.Errorf("the photo is described as %q", got)
	}
	if !s.Dirty() {
		t.Fatal("a photo chosen is not an unsaved change")
	}
	if p, _ := st.Person("northbridge-david-okafor"); p.Photo != nil {
		t.Fatal("the photo was saved before Save")
	}
	test.Tap(s.save)
	p, err := st.Person("northbridge-david-okafor")
	if err != nil || p.Photo == nil || p.Photo.Name != "david.png" {
		t.Fatalf("after Save: %+v, %v", p.Photo, err)
	}
	if b, err := st.File(p.Photo.Attachment); err != nil || !bytes.Equal(b, pic) {
		t.Fatalf("the photo saved: %d bytes, %v", len(b), err)
	}

	d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
	s = d.Current().(*personScreen)
	if img := s.photo.picture.Image; img == nil || img.Bounds().Dx() != 60 || s.Dirty() {
		t.Fatalf("the screen opened again shows %v (dirty %v)", img, s.Dirty())
	}
	test.Tap(s.photo.remove)
	if !s.Dirty() || s.photo.picture.Image != nil || s.photo.about.FullText() != "No photo" {
		t.Fatalf("after Remove: dirty %v, %q", s.Dirty(), s.photo.about.FullText())
	}
	test.Tap(s.save)
	if q, _ := st.Person("northbridge-david-okafor"); q.Photo != nil {
		t.Fatalf("after removing and saving the photo is %+v", q.Photo)
	}
	if _, err := st.File(p.Photo.Attachment); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the removed photo's file: %v, want it deleted", err)
	}
}

// TestPersonPhotoRefusesWhatIsNoImage: a file that is no image is not
// taken: the photo field says why, the photo shown stays, nothing counts
// as changed and the other edits save as ever.
func TestPersonPhotoRefusesWhatIsNoImage(t *testing.T) {
	_, _, st, s := openPerson(t, "northbridge-david-okafor")
	s.photo.choosePath(writeFile(t, "minutes.txt", []byte("Minutes of the meeting, not a picture.")))
	want := "minutes.txt: is not a JPEG, PNG or GIF image"
	if got := s.fields.MessageOf("photo"); got != want {
		t.Fatalf("the photo field says %q, want %q", got, want)
	}
	if s.Dirty() || s.photo.chosen != nil || s.photo.about.FullText() != "No photo" {
		t.Fatal("a file that is no image was taken")
	}
	uitest.Retype(s.phone, "+44 113 496 0999")
	if got := s.fields.MessageOf("photo"); got != want {
		t.Errorf("after typing elsewhere the photo field says %q", got)
	}
	test.Tap(s.save)
	if p, _ := st.Person("northbridge-david-okafor"); p.Phone != "+44 113 496 0999" || p.Photo != nil {
		t.Errorf("after Save: phone %q, photo %+v", p.Phone, p.Photo)
	}
}

// TestPhotoThumbnailTurnsAndShrinks: a phone's portrait, stored lying on
// its side with an EXIF orientation, is shown upright; a large picture is
// made small, its aspect kept.
func TestPhotoThumbnailTurnsAndShrinks(t *testing.T) {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, gradient(800, 400), nil); err != nil {
		t.Fatal(err)
	}
	plain := b.Bytes()
	// APP1 with an EXIF directory of one entry: Orientation = 6 (turn
	// clockwise to view).
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00")
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(app1)+2))
	turned := append(append(append([]byte{}, plain[:2]...), append(seg, app1...)...), plain[2:]...)

	for _, c := range []struct {
		name string
		data []byte
		w, h int
	}{{"landscape", plain, 192, 96}, {"portrait on its side", turned, 96, 192}, {"small", pngOf(30, 50), 30, 50}} {
		img, err := thumbnail(c.data, 2*thumbSize)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := img.Bounds(); got.Dx() != c.w || got.Dy() != c.h {
			t.Errorf("%s: %dx%d, want %dx%d", c.name, got.Dx(), got.Dy(), c.w, c.h)
		}
		if c.name == "portrait on its side" {
			// Turned clockwise: the top left corner is the stored
			// picture's bottom left (green, no red), the top right its
			// top left (neither).
			r, g, _, _ := img.At(0, 0).RGBA()
			r2, g2, _, _ := img.At(c.w-1, 0).RGBA()
			if g < 0xC000 || r > 0x4000 || g2 > 0x4000 || r2 > 0x4000 {
				t.Errorf("the top corners are r=%x g=%x and r=%x g=%x: not turned clockwise", r, g, r2, g2)
			}
		}
	}
}

// TestImportPreviewShowsPhotos: the preview says a new card comes with
// its photo and that filling in a person adds the photo they lack; the
// import saves it.
func TestImportPreviewShowsPhotos(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	s, err := NewDossier(q, st, "northbridge")
	if err != nil {
		t.Fatal(err)
	}
	tomasz := dossier.Person{AccountID: "northbridge", Name: "Tomasz Lis", Type: dossier.Technical, Level: dossier.Buyer}
	if err := st.SavePerson(&tomasz); err != nil {
		t.Fatal(err)
	}
	pic := base64.StdEncoding.EncodeToString(pngOf(24, 32))
	cards := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tomasz Lis\r\nEMAIL:tomasz.lis@northbridge.example\r\nPHOTO;ENCODING=b;TYPE=PNG:" + pic + "\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Priya Natarajan\r\nPHOTO:data:image/png;base64," + pic + "\r\nEND:VCARD\r\n"
	imp := s.importFrom("cards.vcf", func() ([]byte, error) { return []byte(cards), nil })
	q.Run()
	imp.choice[0] = "merge"
	imp.changed()
	imp.list.Refresh()
	got := uitest.Texts(w.Canvas().Overlays().Top())
	for _, want := range []string{"Fills in: E-mail, Photo", "Photo: PNG image, 24×32 pixels, 1 KB"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview does not say %q:\n%s", want, got)
		}
	}
	test.Tap(imp.run)
	q.Run()
	for _, p := range must(st.People("northbridge")) {
		if (p.Name == "Tomasz Lis" || p.Name == "Priya Natarajan") && p.Photo == nil {
			t.Errorf("%s was imported without the photo", p.Name)
		}
	}
}

// TestDossierShowsThePhoto: a person's photo shows beside their name in
// the account's dossier, not only on their screen.
func TestDossierShowsThePhoto(t *testing.T) {
	d, _, _, s := openPerson(t, "northbridge-david-okafor")
	s.photo.choosePath(writeFile(t, "david.png", pngOf(60, 40)))
	test.Tap(s.save)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	ds, ok := d.Current().(*dossierScreen)
	if !ok {
		t.Fatalf("account/northbridge is %T", d.Current())
	}
	ds.selectPerson("northbridge-david-okafor")
	var found image.Image
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *canvas.Image:
			if o.Image != nil {
				found = o.Image
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(ds.detail)
	if found == nil || found.Bounds().Dx() != 60 || found.Bounds().Dy() != 40 {
		t.Fatalf("David's dossier shows no photo (%v)", found)
	}
}
