package store_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestImportPeopleAllOrNothing: one bad person and nothing is written; a
// good import adds and updates, keeps free IDs, draws new ones for taken
// IDs (a record's and one in the bin) and makes the managers follow.
func TestImportPeopleAllOrNothing(t *testing.T) {
	now := fixedNow
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true, Now: func() time.Time { now = now.Add(time.Second); return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := newAccount(t, s, "Northwind")
	old := newPerson(t, s, a.ID, "Olga Old", "")
	gone := newPerson(t, s, a.ID, "Gone Person", "")
	if _, err := s.DeletePerson(gone.ID); err != nil {
		t.Fatal(err)
	}
	person := func(id, name, boss string) dossier.Person {
		return dossier.Person{ID: id, AccountID: a.ID, Name: name, ReportsTo: boss, Type: dossier.OtherType, Level: dossier.Doubter}
	}

	bad := []dossier.Person{person("p-1", "Ann", ""), person("p-2", "Bob", "p-1")}
	bad[1].Email = "not an address"
	upd := old
	upd.Position = "Head of IT"
	if err := s.ImportPeople(bad, []dossier.Person{upd}, nil); !errors.Is(err, dossier.ErrInvalid) {
		t.Fatalf("ImportPeople(bad e-mail) = %v, want ErrInvalid", err)
	}
	if ps, _ := s.People(a.ID); len(ps) != 1 || ps[0].Position != "" {
		t.Fatalf("after a refused import the account holds %+v, want Olga alone, unchanged", ps)
	}

	// p-2's ID is Olga's, p-3's is in the bin: both get others, and
	// whoever reports to them follows.
	add := []dossier.Person{person("p-1", "Ann", ""), person(old.ID, "Bob", "p-1"),
		person(gone.ID, "Cid", ""), person("p-4", "Dee", gone.ID)}
	if err := s.ImportPeople(add, []dossier.Person{upd}, nil); err != nil {
		t.Fatal(err)
	}
	if add[1].ID == old.ID || add[2].ID == gone.ID || add[0].ID != "p-1" {
		t.Fatalf("IDs after import: %s %s %s, want p-1 and two new ones", add[0].ID, add[1].ID, add[2].ID)
	}
	if add[3].ReportsTo != add[2].ID || add[0].ReportsTo != "" || add[1].ReportsTo != "p-1" {
		t.Fatalf("managers after import: %+v", add)
	}
	ps, err := s.People(a.ID)
	if err != nil || len(ps) != 5 {
		t.Fatalf("People = %d, %v; want 5", len(ps), err)
	}
	if got, _ := s.Person(old.ID); got.Position != "Head of IT" {
		t.Fatalf("updated person: %+v", got)
	}
	// The update was made from an older read: refused.
	if err := s.ImportPeople(nil, []dossier.Person{old}, nil); !errors.Is(err, dossier.ErrConflict) {
		t.Fatalf("stale update = %v, want ErrConflict", err)
	}
	// The one to update was deleted meanwhile: refused too.
	if err := s.ImportPeople(nil, []dossier.Person{gone}, nil); !errors.Is(err, dossier.ErrConflict) {
		t.Fatalf("update of a deleted one = %v, want ErrConflict", err)
	}
}

// TestImportPeopleTooManyForOneTransaction: 3,000 people do not fit one
// Badger transaction of this store's size; they are written all the same.
func TestImportPeopleTooManyForOneTransaction(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Big")
	add := make([]dossier.Person, 3000)
	for i := range add {
		add[i] = dossier.Person{AccountID: a.ID, Name: fmt.Sprintf("Person %d", i), Notes: fmt.Sprintf("%0400d", i),
			Type: dossier.OtherType, Level: dossier.Doubter, ID: store.NewID("p", "person")}
	}
	if err := s.ImportPeople(add, nil, nil); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.PeopleSummariesOf(a.ID); len(ps) != len(add) {
		t.Fatalf("%d people saved, want %d", len(ps), len(add))
	}
}
