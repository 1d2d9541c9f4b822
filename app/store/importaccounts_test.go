package store_test

import (
	"errors"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestImportAccountsAllOrNothing: one bad account (or an owner who is no
// team member) and nothing is written, neither the new accounts nor the
// filled-in one; a good import adds and updates in one go, keeps free
// IDs and draws new ones for taken IDs (a record's and one in the bin);
// an update made from an older read is refused.
func TestImportAccountsAllOrNothing(t *testing.T) {
	now := fixedNow
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true, Now: func() time.Time { now = now.Add(time.Second); return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	old := newAccount(t, s, "Northwind")
	gone := newAccount(t, s, "Gone Ltd")
	if _, err := s.DeleteAccount(gone.ID); err != nil {
		t.Fatal(err)
	}
	upd := old
	upd.Industry = "Logistics"
	acct := func(id, name string) dossier.Account {
		return dossier.Account{ID: id, Name: name, Tier: dossier.TierOther}
	}

	for _, c := range []struct {
		what string
		bad  dossier.Account
		want error
	}{
		{"a bad tier", dossier.Account{ID: "b-2", Name: "Bad", Tier: "gold"}, dossier.ErrInvalid},
		{"an owner who is no team member", dossier.Account{ID: "b-2", Name: "Bad", Tier: dossier.TierKey, Owner: "nobody"}, dossier.ErrNotFound},
	} {
		if err := s.ImportAccounts([]dossier.Account{acct("a-1", "Ann Ltd"), c.bad}, []dossier.Account{upd}); !errors.Is(err, c.want) {
			t.Fatalf("ImportAccounts(%s) = %v, want %v", c.what, err, c.want)
		}
		as, _ := s.Accounts()
		if got, _ := s.Account(old.ID); len(as) != 1 || got.Industry != "" {
			t.Fatalf("after a refused import (%s) the workspace holds %+v, want Northwind alone, unchanged", c.what, as)
		}
	}

	add := []dossier.Account{acct("a-1", "Ann Ltd"), acct(old.ID, "Bob Ltd"), acct(gone.ID, "Cid Ltd")}
	if err := s.ImportAccounts(add, []dossier.Account{upd}); err != nil {
		t.Fatal(err)
	}
	if add[0].ID != "a-1" || add[1].ID == old.ID || add[2].ID == gone.ID || add[1].ID == "" || add[2].ID == "" {
		t.Fatalf("IDs after import: %s %s %s, want a-1 and two new ones", add[0].ID, add[1].ID, add[2].ID)
	}
	if as, err := s.Accounts(); err != nil || len(as) != 4 {
		t.Fatalf("Accounts = %d, %v; want 4", len(as), err)
	}
	if got, _ := s.Account(old.ID); got.Industry != "Logistics" || got.Name != "Northwind" {
		t.Fatalf("updated account: %+v", got)
	}
	if err := s.ImportAccounts(nil, []dossier.Account{old}); !errors.Is(err, dossier.ErrConflict) {
		t.Fatalf("stale update = %v, want ErrConflict", err)
	}
	// The one to update was deleted meanwhile: refused too.
	if err := s.ImportAccounts(nil, []dossier.Account{gone}); !errors.Is(err, dossier.ErrConflict) {
		t.Fatalf("update of a deleted one = %v, want ErrConflict", err)
	}
}
