package store_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// photo is an invented w×h PNG of noise drawn from seed: its bytes are
// found nowhere else, and compress to nothing less.
func photo(_ testing.TB, w, h int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.UintN(256))
	}
	for x := range w {
		img.Set(x, 0, color.NRGBA{0, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an image in memory always encodes
	}
	return b.Bytes()
}

// TestPersonPhotoSaveReplaceRemove: a photo is saved with its person,
// read back byte for byte, replaced (the old file goes) and removed (its
// file goes); what is no image is refused naming the photo, and nothing
// is saved.
func TestPersonPhotoSaveReplaceRemove(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Northwind")
	first, second := photo(t, 30, 40, 1), photo(t, 20, 20, 2)

	p := dossier.Person{AccountID: a.ID, Name: "Olga Ivanova", Type: dossier.Executive, Level: dossier.Buyer}
	if err := s.SavePersonWithPhoto(&p, "olga.png", first); err != nil {
		t.Fatal(err)
	}
	if p.ID == "" || p.Photo == nil || p.Photo.FileID == "" || p.Photo.Type != "image/png" || p.Photo.Width != 30 || p.Photo.Height != 40 {
		t.Fatalf("saved: %+v, photo %+v", p, p.Photo)
	}
	got, err := s.Person(p.ID)
	if err != nil || got.Photo == nil || *got.Photo != *p.Photo {
		t.Fatalf("read back: %+v (%v), want the photo %+v", got.Photo, err, p.Photo)
	}
	if b, err := s.File(got.Photo.Attachment); err != nil || !bytes.Equal(b, first) {
		t.Fatalf("the photo's bytes: %d bytes, %v; want the %d saved", len(b), err, len(first))
	}
	if sums, _ := s.PeopleSummariesOf(a.ID); len(sums) != 1 || sums[0].Photo == nil || *sums[0].Photo != *p.Photo {
		t.Errorf("the summary keeps %+v, want the photo's reference", sums)
	}

	old := *p.Photo
	p.Position = "CFO"
	if err := s.SavePersonWithPhoto(&p, "", second); err != nil {
		t.Fatal(err)
	}
	if p.Photo.FileID == old.FileID || p.Photo.Name != "photo.png" {
		t.Fatalf("the new photo %+v", p.Photo)
	}
	if _, err := s.File(old.Attachment); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the replaced photo's file: %v, want it deleted", err)
	}
	if b, err := s.File(p.Photo.Attachment); err != nil || !bytes.Equal(b, second) {
		t.Errorf("the new photo's bytes: %v", err)
	}

	for _, bad := range [][]byte{[]byte("no image at all"), nil} {
		q := p
		q.Position = "Changed"
		err := s.SavePersonWithPhoto(&q, "x.gif", bad)
		if fe := dossier.ProblemsOf(err).For("photo"); fe == nil || fe.Text() != "is not a JPEG, PNG or GIF image" {
			t.Errorf("a photo of %q: %v, want the photo refused", bad, err)
		}
		if again, _ := s.Person(p.ID); again.Position != "CFO" || *again.Photo != *p.Photo {
			t.Errorf("after a refused photo the person is %+v", again)
		}
	}

	kept := *p.Photo
	p.Photo = nil
	if err := s.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.File(kept.Attachment); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the removed photo's file: %v, want it deleted", err)
	}
	if sums, _ := s.PeopleSummariesOf(a.ID); sums[0].Photo != nil {
		t.Errorf("the summary still has a photo: %+v", sums[0].Photo)
	}

	// A photo that names no stored file is refused.
	p.Photo = &kept
	if err := s.SavePerson(&p); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("a photo whose file is gone: %v, want ErrNotFound", err)
	}
}

// TestPhotosSurviveTheSweepAndThePurge: the sweep of unused files at
// open keeps the photos of people and of people in the bin; undoing the
// deletion brings the person back with their photo; emptying the bin
// deletes the photo of the person it held.
func TestPhotosSurviveTheSweepAndThePurge(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	a := newAccount(t, s, "Theta")
	live := dossier.Person{AccountID: a.ID, Name: "Live Person", Type: dossier.HR, Level: dossier.Buyer}
	gone := dossier.Person{AccountID: a.ID, Name: "Binned Person", Type: dossier.HR, Level: dossier.Buyer}
	for i, p := range []*dossier.Person{&live, &gone} {
		if err := s.SavePersonWithPhoto(p, "p.png", photo(t, 8, 8, uint64(i))); err != nil {
			t.Fatal(err)
		}
	}
	orphan, err := s.PutFile("cancelled.pdf", bytes.NewReader([]byte("cancelled")))
	if err != nil {
		t.Fatal(err)
	}
	entry, err := s.DeletePerson(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = open(t, dir)
	s.WaitForSweep()
	for _, p := range []dossier.Person{live, gone} {
		if _, err := s.File(p.Photo.Attachment); err != nil {
			t.Errorf("the photo of %s after the sweep: %v", p.Name, err)
		}
	}
	if _, err := s.File(orphan); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("an unused file after reopening: %v, want it swept", err)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if back, err := s.Person(gone.ID); err != nil || back.Photo == nil {
		t.Fatalf("restored: %+v, %v", back, err)
	}
	entry, err = s.DeletePerson(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Purge(entry.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.File(gone.Photo.Attachment); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the photo of a person purged from the bin: %v, want it deleted", err)
	}
	if _, err := s.File(live.Photo.Attachment); err != nil {
		t.Errorf("the photo of the other person after the purge: %v", err)
	}
}

// TestImportPeoplePhotos: an import stores each new photo under a file of
// its own (two cards with the same picture included) with the people,
// and fills the photo of an updated person; a photo whose bytes did not
// come, or are no image, stops the import and nothing is written.
func TestImportPeoplePhotos(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Northwind")
	old := newPerson(t, s, a.ID, "Olga Old", "")
	pic := photo(t, 16, 12, 3)
	card, err := dossier.NewPhoto("", pic)
	if err != nil {
		t.Fatal(err)
	}
	person := func(name string) dossier.Person {
		c := card
		return dossier.Person{AccountID: a.ID, Name: name, Type: dossier.OtherType, Level: dossier.Doubter, Photo: &c}
	}
	upd := old
	c := card
	upd.Photo = &c

	for _, bad := range []map[string][]byte{nil, {card.SHA256: []byte("no image")}} {
		add := []dossier.Person{person("Ann"), person("Bob")}
		if err := s.ImportPeople(add, []dossier.Person{upd}, bad); !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("ImportPeople with the photos %v = %v, want ErrInvalid", bad, err)
		}
		if add[0].Photo.FileID != "" || add[0].ID != "" {
			t.Errorf("a refused import changed the caller's people: %+v", add[0])
		}
	}
	if ps, _ := s.People(a.ID); len(ps) != 1 || ps[0].Photo != nil {
		t.Fatalf("after refused imports the account holds %+v", ps)
	}

	add := []dossier.Person{person("Ann"), person("Bob")}
	if err := s.ImportPeople(add, []dossier.Person{upd}, map[string][]byte{card.SHA256: pic}); err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	for _, id := range []string{add[0].ID, add[1].ID, old.ID} {
		p, err := s.Person(id)
		if err != nil || p.Photo == nil {
			t.Fatalf("%s: %+v, %v; want a photo", id, p, err)
		}
		files[p.Photo.FileID] = true
		if b, err := s.File(p.Photo.Attachment); err != nil || !bytes.Equal(b, pic) {
			t.Errorf("the photo of %s: %v", p.Name, err)
		}
	}
	if len(files) != 3 {
		t.Errorf("three people share %d photo files, want one each", len(files))
	}
	if card.FileID != "" || add[0].Photo.FileID == "" {
		t.Error("the import changed the caller's Photo, or did not give the saved people theirs")
	}
}

// TestBackupKeepsPhotos: a backup restored into a new folder gives the
// photo back byte for byte.
func TestBackupKeepsPhotos(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Northwind")
	pic := photo(t, 12, 12, 4)
	p := dossier.Person{AccountID: a.ID, Name: "Olga", Type: dossier.HR, Level: dossier.Buyer}
	if err := s.SavePersonWithPhoto(&p, "olga.png", pic); err != nil {
		t.Fatal(err)
	}
	file := t.TempDir() + "/backup.kbak"
	if _, err := s.BackUpTo(file); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := store.Restore(dir, file, nil); err != nil {
		t.Fatal(err)
	}
	r := open(t, dir)
	got, err := r.Person(p.ID)
	if err != nil || got.Photo == nil {
		t.Fatalf("restored: %+v, %v", got, err)
	}
	if b, err := r.File(got.Photo.Attachment); err != nil || !bytes.Equal(b, pic) {
		t.Errorf("the restored photo: %v", err)
	}
}
