package handover_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"kamdesk/app/handover"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

func picture(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 9), uint8(y * 13), 77, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func workspace(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true, NoBackup: true,
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestHandoverCarriesPhotos: a person's photo travels in the bundle as an
// attachment does and arrives byte for byte; taking the bundle's side
// of a person whose photo differs gives them the bundle's photo and
// deletes theirs.
func TestHandoverCarriesPhotos(t *testing.T) {
	src := workspace(t)
	a := dossier.Account{Name: "Northbridge", Tier: dossier.TierKey}
	if err := src.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	pic := picture(20, 30)
	anna := dossier.Person{AccountID: a.ID, Name: "Anna Keller", Type: dossier.Executive, Level: dossier.Advocate}
	if err := src.SavePersonWithPhoto(&anna, "anna.png", pic); err != nil {
		t.Fatal(err)
	}
	b, err := handover.Gather(src, a.ID, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), 4)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Files[anna.Photo.FileID], pic) || b.Count().Attachments != 1 {
		t.Fatalf("the bundle's files: %d, want her photo", len(b.Files))
	}
	back, err := read(encode(t, b))
	if err != nil {
		t.Fatal(err)
	}

	dst := workspace(t)
	plan, err := handover.Compare(dst, back, today)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Import(dst, handover.Choice{All: handover.TakeNone}); err != nil {
		t.Fatal(err)
	}
	got, err := dst.Person(anna.ID)
	if err != nil || got.Photo == nil || *got.Photo != *anna.Photo {
		t.Fatalf("imported: %+v (%v), want her photo %+v", got.Photo, err, anna.Photo)
	}
	if data, err := dst.File(got.Photo.Attachment); err != nil || !bytes.Equal(data, pic) {
		t.Fatalf("her photo in the workspace: %d bytes, %v", len(data), err)
	}

	// Here she gets another photo; the bundle's wins when taken.
	mine := got
	if err := dst.SavePersonWithPhoto(&mine, "other.png", picture(8, 8)); err != nil {
		t.Fatal(err)
	}
	plan, err = handover.Compare(dst, back, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Conflicts) != 1 || plan.Conflicts[0].Changes[0].Field != "photo" {
		t.Fatalf("conflicts: %+v, want her photo", plan.Conflicts)
	}
	if err := plan.Import(dst, handover.Choice{All: handover.TakeTheirs}); err != nil {
		t.Fatal(err)
	}
	if got, _ := dst.Person(anna.ID); got.Photo == nil || got.Photo.SHA256 != anna.Photo.SHA256 {
		t.Errorf("after taking theirs: %+v", got.Photo)
	}
	if _, err := dst.File(mine.Photo.Attachment); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the photo replaced: %v, want it deleted", err)
	}
}
