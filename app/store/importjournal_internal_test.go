package store

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// photoBytes is an invented picture, a PNG of 200×100 greys.
func photoBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLargeImportIsAllOrNothing: an import too large for one transaction
// (write batches) that a crash cuts short after its people were written
// is undone when the workspace opens again, even by a command that only
// reads: neither the new people nor the photos stay, and a person it
// filled in is as they were. One that fails at that point is undone at
// once.
func TestLargeImportIsAllOrNothing(t *testing.T) {
	for _, crash := range []bool{true, false} {
		t.Run(fmt.Sprintf("crash %v", crash), func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, Options{NoGC: true, NoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			a := dossier.Account{Name: "Northwind", Tier: dossier.TierKey}
			if err := s.SaveAccount(&a); err != nil {
				t.Fatal(err)
			}
			ada := dossier.Person{AccountID: a.ID, Name: "Ada Lind", Notes: "before", Type: dossier.OtherType, Level: dossier.Doubter}
			if err := s.SavePerson(&ada); err != nil {
				t.Fatal(err)
			}
			pic := photoBytes(t)
			ph, err := dossier.NewPhoto("", pic)
			if err != nil {
				t.Fatal(err)
			}
			add := make([]dossier.Person, 3000)
			for i := range add {
				add[i] = dossier.Person{AccountID: a.ID, Name: fmt.Sprintf("Person %d", i), Notes: fmt.Sprintf("%0400d", i),
					Type: dossier.OtherType, Level: dossier.Doubter}
				if i%100 == 0 {
					p := ph
					add[i].Photo = &p
				}
			}
			filled := ada
			filled.Notes, filled.Email = "after", "ada@northwind.example"
			failed := errors.New("the disk went away")
			importFault = func(step string) error {
				if step != "people written" {
					return nil
				}
				if crash {
					panic("the laptop's battery ran out")
				}
				return failed
			}
			defer func() { importFault = func(string) error { return nil } }()
			err = func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("crashed: %v", r)
					}
				}()
				return s.ImportPeople(add, []dossier.Person{filled}, map[string][]byte{ph.SHA256: pic})
			}()
			if err == nil {
				t.Fatal("the import did not stop")
			}
			if crash {
				// The process died here: what the batches wrote is on disk.
				if ps, _ := s.PeopleSummariesOf(a.ID); len(ps) < 3000 {
					t.Fatalf("%d people after the batches, want them written before the crash", len(ps))
				}
			}
			s.Close()

			r, err := Open(dir, Options{NoGC: true, NoBackup: true, ForReading: true})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			ps, err := r.People(a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) != 1 || ps[0].Notes != "before" || ps[0].Email != "" {
				t.Fatalf("after the import was cut short: %d people (%+v…), want Ada alone, as she was", len(ps), ps[0])
			}
			var files []string
			r.db.View(func(txn *badger.Txn) error { files = fileIDs(txn); return nil })
			if len(files) > 0 || r.importing() {
				t.Fatalf("%d photo files left, journal left %v", len(files), r.importing())
			}
		})
	}
}
