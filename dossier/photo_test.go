package dossier_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"kamdesk/dossier"
)

// picture is an invented w×h image, a gradient.
func picture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255})
		}
	}
	return img
}

func encoded(t *testing.T, kind string, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch kind {
	case "png":
		err = png.Encode(&b, picture(w, h))
	case "jpeg":
		err = jpeg.Encode(&b, picture(w, h), nil)
	case "gif":
		err = gif.Encode(&b, picture(w, h), nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestNewPhoto(t *testing.T) {
	for _, c := range []struct {
		kind, name, wantType, wantName string
	}{
		{"jpeg", "Anna.JPEG", "image/jpeg", "Anna.JPEG"},
		{"jpeg", "portrait.png", "image/jpeg", "portrait.jpg"},
		{"png", "", "image/png", "photo.png"},
		{"gif", "a/b/c.gif", "image/gif", "c.gif"},
	} {
		data := encoded(t, c.kind, 40, 30)
		p, err := dossier.NewPhoto(c.name, data)
		if err != nil {
			t.Fatalf("%s: %v", c.kind, err)
		}
		if p.Type != c.wantType || p.Name != c.wantName || p.Width != 40 || p.Height != 30 || p.Size != int64(len(data)) ||
			len(p.SHA256) != 64 || p.FileID != "" {
			t.Errorf("%s %q: %+v, want %s %q 40×30 of %d bytes", c.kind, c.name, p, c.wantType, c.wantName, len(data))
		}
		p.FileID = "file-abcdefgh"
		person := dossier.Person{AccountID: "acme", Name: "Bo", Type: dossier.OtherType, Level: dossier.Opponent, Photo: &p}
		checkValid(t, person.Validate())
	}
	p, _ := dossier.NewPhoto("x.png", encoded(t, "png", 640, 480))
	if got, want := p.Describe(), "PNG 640×480, "; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, " KB") {
		t.Errorf("Describe() = %q, want %q… KB", got, want)
	}

	// A GIF whose header declares 6000×5000 pixels.
	huge := encoded(t, "gif", 2, 2)
	binary.LittleEndian.PutUint16(huge[6:], 6000)
	binary.LittleEndian.PutUint16(huge[8:], 5000)
	for _, c := range []struct {
		name string
		data []byte
		text string
	}{
		{"text", []byte("this is no image"), "is not a JPEG, PNG or GIF image"},
		{"empty", nil, "is not a JPEG, PNG or GIF image"},
		{"cut PNG", encoded(t, "png", 4, 4)[:20], "is not a JPEG, PNG or GIF image"},
		{"bitmap", append([]byte("BM"), make([]byte, 60)...), "is not a JPEG, PNG or GIF image"},
		{"too large", append(encoded(t, "png", 4, 4), make([]byte, dossier.MaxPhoto)...), "is larger than 10 MB, the limit for a photo"},
		{"too many pixels", huge, "is 6000×5000 pixels, more than the 25 megapixels a photo may have"},
	} {
		p, err := dossier.NewPhoto("x", c.data)
		checkOnlyField(t, err, "photo", c.text)
		if sized := !strings.Contains(c.text, "is not"); sized != (p.Type != "") {
			t.Errorf("%s: the photo returned with the problem is %+v", c.name, p)
		}
	}
}

func TestPersonPhotoValidate(t *testing.T) {
	good := func() *dossier.Photo {
		return &dossier.Photo{Attachment: dossier.Attachment{FileID: "file-abcdefgh", Name: "photo.jpg", Size: 1000, SHA256: strings.Repeat("a", 64)},
			Type: "image/jpeg", Width: 10, Height: 10}
	}
	for _, c := range []struct {
		name   string
		change func(p *dossier.Photo)
		text   string
	}{
		{"no file", func(p *dossier.Photo) { p.FileID = "" }, "is not a stored file"},
		{"bad file", func(p *dossier.Photo) { p.FileID = "../x" }, "is not a stored file"},
		{"unsafe name", func(p *dossier.Photo) { p.Name = "a/b.jpg" }, "not safe"},
		{"a PDF", func(p *dossier.Photo) { p.Type = "application/pdf" }, "is not a JPEG, PNG or GIF image"},
		{"no pixels", func(p *dossier.Photo) { p.Width = 0 }, "is not a JPEG, PNG or GIF image"},
		{"too large", func(p *dossier.Photo) { p.Size = dossier.MaxPhoto + 1 }, "is larger than 10 MB"},
		{"too many pixels", func(p *dossier.Photo) { p.Width, p.Height = 10000, 3000 }, "more than the 25 megapixels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := validPerson()
			p.Photo = good()
			checkValid(t, p.Validate())
			c.change(p.Photo)
			checkOnlyField(t, p.Validate(), "photo", c.text)
		})
	}
	p := validPerson()
	p.Photo = good()
	if s := p.Summary(); s.Photo == nil || *s.Photo != *p.Photo {
		t.Errorf("the summary's photo is %+v, want the person's", s.Photo)
	}
	facts := dossier.Facts(p)
	if last := facts[len(facts)-1]; last.Field != "photo" || last.Value != "JPEG 10×10, 1 KB" {
		t.Errorf("the last fact is %+v, want the photo", last)
	}
}
