package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// TestImportPeoplePhotosAllOrNothing: a failure while an import writes,
// after its photos were written, leaves neither people nor photo files:
// in one transaction, and in the write batches of an import too large for
// one (the photos written first are deleted again).
func TestImportPeoplePhotosAllOrNothing(t *testing.T) {
	for _, c := range []struct {
		step   string
		people int
	}{{"photos written", 3}, {"people batch", 3000}} {
		t.Run(c.step, func(t *testing.T) {
			s, err := Open(t.TempDir(), Options{NoGC: true, NoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			a := dossier.Account{Name: "Northwind", Tier: dossier.TierKey}
			if err := s.SaveAccount(&a); err != nil {
				t.Fatal(err)
			}
			pic := photoBytes(t)
			ph, err := dossier.NewPhoto("", pic)
			if err != nil {
				t.Fatal(err)
			}
			add := make([]dossier.Person, c.people)
			for i := range add {
				add[i] = dossier.Person{AccountID: a.ID, Name: fmt.Sprintf("Person %d", i), Notes: fmt.Sprintf("%0400d", i),
					Type: dossier.OtherType, Level: dossier.Doubter}
				if i%100 == 0 {
					p := ph
					add[i].Photo = &p
				}
			}
			failed := errors.New("the disk went away")
			reached := false
			importFault = func(step string) error {
				if step == c.step {
					reached = true
					return failed
				}
				return nil
			}
			defer func() { importFault = func(string) error { return nil } }()
			if err := s.ImportPeople(add, nil, map[string][]byte{ph.SHA256: pic}); !errors.Is(err, failed) || !reached {
				t.Fatalf("ImportPeople = %v (step reached: %v), want the failure", err, reached)
			}
			var files []string
			s.db.View(func(txn *badger.Txn) error { files = fileIDs(txn); return nil })
			if len(files) > 0 {
				t.Errorf("after the failed import %d photo files are left: %q", len(files), files[:min(3, len(files))])
			}
			if ps, err := s.PeopleSummariesOf(a.ID); err != nil || len(ps) != 0 {
				t.Errorf("after the failed import the account holds %d people (%v)", len(ps), err)
			}
		})
	}
}
