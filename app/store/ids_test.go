package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// openFast opens a workspace without synced writes: for tests that write
// a great many records to check something other than durability.
func openFast(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir, store.WithoutSync(store.Options{Now: func() time.Time { return fixedNow }, NoGC: true}))
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestManyRecordsOfOneNameAllKept creates 100,000 events with the same
// title on one account: every create is acknowledged with its own ID and
// every one is in the workspace afterwards. With four random characters
// per ID (32⁴ suffixes) and writes that did not check the ID was free,
// thousands were silently overwritten.
func TestManyRecordsOfOneNameAllKept(t *testing.T) {
	// The longest test here (over a minute under -race): it runs beside the
	// other long ones (crash, damage, disk full), one core each.
	t.Parallel()
	const n = 100_000
	s := openFast(t, t.TempDir())
	acct := newAccount(t, s, "Northbridge Construction Group")
	ids := make(map[string]bool, n)
	for i := range n {
		e := dossier.Event{AccountID: acct.ID, Kind: dossier.EventCall, Date: dossier.MustDate("2026-11-20"),
			Title: "Call", Text: fmt.Sprint(i)}
		if err := s.SaveEvent(&e); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		if ids[e.ID] {
			t.Fatalf("event %d was given the ID %s of an earlier event", i, e.ID)
		}
		ids[e.ID] = true
	}
	events, err := s.Events(acct.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != n {
		t.Fatalf("the workspace holds %d events, want %d", len(events), n)
	}
	texts := make(map[string]bool, n)
	for _, e := range events {
		if !ids[e.ID] {
			t.Fatalf("event %s was never acknowledged", e.ID)
		}
		texts[e.Text] = true
	}
	if len(texts) != n {
		t.Errorf("%d distinct event texts kept, want %d: some events replaced others", len(texts), n)
	}
}

// script is a random source that hands out fixed blocks of bytes in turn,
// so that tests can make the store draw an ID that is taken.
type script struct{ blocks [][]byte }

func (s *script) Read(p []byte) (int, error) {
	if len(s.blocks) == 0 {
		return 0, errors.New("script: no more random bytes")
	}
	n := copy(p, s.blocks[0])
	s.blocks = s.blocks[1:]
	return n, nil
}

func block(b byte) []byte { return bytes.Repeat([]byte{b}, 8) }

// TestTakenIDIsDrawnAgain forces the draws: a new record that draws the
// ID of a live record, or of a record in the bin, draws again instead of
// overwriting it, and undoing the deletion brings the old record back.
func TestTakenIDIsDrawnAgain(t *testing.T) {
	s := open(t, t.TempDir())
	acct := newAccount(t, s, "Castellan Private Bank")
	x, y, z := block(0), block(1), block(2)
	defer store.SetIDRand(&script{blocks: [][]byte{x, x, y, x, y, z}})()

	first := dossier.Person{AccountID: acct.ID, Name: "Elena Varga", Phone: "+36 1 555 0101", Type: dossier.HR, Level: dossier.Doubter}
	if err := s.SavePerson(&first); err != nil {
		t.Fatal(err)
	}
	second := dossier.Person{AccountID: acct.ID, Name: "Elena Varga", Phone: "+36 1 555 0202", Type: dossier.HR, Level: dossier.Doubter}
	if err := s.SavePerson(&second); err != nil {
		t.Fatal(err)
	}
	if second.ID == first.ID {
		t.Fatalf("both people were given %s", first.ID)
	}
	if got, _ := s.Person(first.ID); got.Phone != first.Phone {
		t.Fatalf("the first person was overwritten: phone %q, want %q", got.Phone, first.Phone)
	}

	// first goes to the bin; the next draws are x (in the bin), y (live),
	// then z, which is free.
	entry, err := s.DeletePerson(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	third := dossier.Person{AccountID: acct.ID, Name: "Elena Varga", Phone: "+36 1 555 0303", Type: dossier.HR, Level: dossier.Doubter}
	if err := s.SavePerson(&third); err != nil {
		t.Fatal(err)
	}
	if third.ID == first.ID || third.ID == second.ID {
		t.Fatalf("the third person was given %s, the ID of a record in the bin or alive", third.ID)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Person(first.ID); err != nil || got.Phone != first.Phone {
		t.Errorf("after undo: %+v, %v; want the first person back", got, err)
	}
	people, _ := s.People(acct.ID)
	if len(people) != 3 {
		t.Errorf("%d people, want 3", len(people))
	}
}

// TestCreateAndUpdateAreDistinct: updating a record that is not there and
// creating one under an ID that is taken are conflicts, and neither
// changes what is stored.
func TestCreateAndUpdateAreDistinct(t *testing.T) {
	s := open(t, t.TempDir())
	acct := newAccount(t, s, "Halden Hotels")

	gone := dossier.Account{ID: "halden-deleted", Name: "Halden (deleted)", Tier: dossier.TierKey}
	if err := s.SaveAccount(&gone); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("SaveAccount of an ID not in the workspace = %v, want ErrConflict", err)
	}
	if _, err := s.Account("halden-deleted"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the update created the account: %v", err)
	}

	twin := dossier.Account{ID: acct.ID, Name: "Someone else", Tier: dossier.TierOther}
	if err := s.CreateAccount(&twin); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("CreateAccount of a taken ID = %v, want ErrConflict", err)
	}
	if got, _ := s.Account(acct.ID); got.Name != acct.Name {
		t.Errorf("the create overwrote the account: %q", got.Name)
	}

	// The same rules for every kind of record.
	checks := []struct {
		what   string
		update func() error
		create func() error
	}{
		{"person", func() error {
			return s.SavePerson(&dossier.Person{ID: "nobody", AccountID: acct.ID, Name: "Nobody", Type: dossier.HR, Level: dossier.Doubter})
		}, func() error {
			p := dossier.Person{AccountID: acct.ID, Name: "Ida Holm", Type: dossier.HR, Level: dossier.Doubter}
			if err := s.SavePerson(&p); err != nil {
				return err
			}
			return s.CreatePerson(&dossier.Person{ID: p.ID, AccountID: acct.ID, Name: "Other", Type: dossier.HR, Level: dossier.Doubter})
		}},
		{"team member", func() error {
			return s.SaveTeamMember(&dossier.TeamMember{ID: "nobody", Name: "Nobody"})
		}, func() error {
			m := dossier.TeamMember{Name: "Mara Lindqvist"}
			if err := s.SaveTeamMember(&m); err != nil {
				return err
			}
			return s.CreateTeamMember(&dossier.TeamMember{ID: m.ID, Name: "Other"})
		}},
		{"reference", func() error {
			return s.SaveReference(&dossier.Reference{ID: "nobody", Client: "X", Project: "Y"})
		}, func() error {
			r := dossier.Reference{Client: "Kelsey Rowe Homes", Project: "Site cabins"}
			if err := s.SaveReference(&r); err != nil {
				return err
			}
			return s.CreateReference(&dossier.Reference{ID: r.ID, Client: "X", Project: "Y"})
		}},
		{"event", func() error {
			return s.SaveEvent(&dossier.Event{ID: "nobody", AccountID: acct.ID, Kind: dossier.EventCall,
				Date: dossier.MustDate("2026-11-20"), Title: "Call"})
		}, func() error {
			e := dossier.Event{AccountID: acct.ID, Kind: dossier.EventCall, Date: dossier.MustDate("2026-11-20"), Title: "Call"}
			if err := s.SaveEvent(&e); err != nil {
				return err
			}
			return s.CreateEvent(&dossier.Event{ID: e.ID, AccountID: acct.ID, Kind: dossier.EventCall,
				Date: dossier.MustDate("2026-11-21"), Title: "Other"})
		}},
		{"promise", func() error {
			return s.SavePromise(&dossier.Promise{ID: "nobody", AccountID: acct.ID, Text: "Send the plan",
				Made: dossier.MustDate("2026-11-20"), Due: dossier.MustDate("2026-11-27"), Status: dossier.PromiseOpen})
		}, func() error {
			p := dossier.Promise{AccountID: acct.ID, Text: "Send the plan", Made: dossier.MustDate("2026-11-20"), Due: dossier.MustDate("2026-11-27"), Status: dossier.PromiseOpen}
			if err := s.SavePromise(&p); err != nil {
				return err
			}
			return s.CreatePromise(&dossier.Promise{ID: p.ID, AccountID: acct.ID, Text: "Other",
				Made: dossier.MustDate("2026-11-20"), Due: dossier.MustDate("2026-11-28"), Status: dossier.PromiseOpen})
		}},
		{"section", func() error {
			return s.SaveSection(&proposal.Section{ID: "nobody", Title: "X", Kind: proposal.KindOther, Language: "en", Audiences: proposal.Weights{proposal.HR: 50}, Body: "x"})
		}, func() error {
			sec := proposal.Section{Title: "Why us", Kind: proposal.KindOther, Language: "en", Audiences: proposal.Weights{proposal.HR: 50}, Body: "Because."}
			if err := s.SaveSection(&sec); err != nil {
				return err
			}
			return s.CreateSection(&proposal.Section{ID: sec.ID, Title: "Other", Kind: proposal.KindOther, Language: "en", Audiences: proposal.Weights{proposal.HR: 50}, Body: "x"})
		}},
		{"proposal", func() error {
			return s.SaveProposal(&proposal.Proposal{ID: "nobody", AccountID: acct.ID, Title: "X", Language: "en", Status: proposal.Draft})
		}, func() error {
			p := proposal.Proposal{AccountID: acct.ID, Title: "Quarterly renewal", Language: "en", Status: proposal.Draft}
			if err := s.SaveProposal(&p); err != nil {
				return err
			}
			return s.CreateProposal(&proposal.Proposal{ID: p.ID, AccountID: acct.ID, Title: "Other", Language: "en", Status: proposal.Draft})
		}},
	}
	for _, c := range checks {
		if err := c.update(); !errors.Is(err, dossier.ErrConflict) {
			t.Errorf("update of a %s not in the workspace = %v, want ErrConflict", c.what, err)
		}
		if err := c.create(); !errors.Is(err, dossier.ErrConflict) {
			t.Errorf("create of a %s under a taken ID = %v, want ErrConflict", c.what, err)
		}
	}
}

// TestAttachmentsNeverShareBytes: the files of 1,000 events are all
// readable, each with its own bytes; and a file ID drawn twice is drawn
// again rather than written over another event's file.
func TestAttachmentsNeverShareBytes(t *testing.T) {
	s := openFast(t, t.TempDir())
	acct := newAccount(t, s, "Polar Freight Logistics")
	var events []dossier.Event
	for i := range 1000 {
		a, err := s.PutFile("minutes.txt", strings.NewReader(fmt.Sprintf("minutes of meeting %d", i)))
		if err != nil {
			t.Fatal(err)
		}
		e := dossier.Event{AccountID: acct.ID, Kind: dossier.EventMeeting, Date: dossier.MustDate("2026-11-20"),
			Title: "Meeting", Attachments: []dossier.Attachment{a}}
		if err := s.SaveEvent(&e); err != nil {
			t.Fatal(err)
		}
		events = append(events, e)
	}
	files := map[string]bool{}
	for i, e := range events {
		a := e.Attachments[0]
		if files[a.FileID] {
			t.Fatalf("event %d shares file %s with another event", i, a.FileID)
		}
		files[a.FileID] = true
		got, err := s.File(a)
		if err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		if want := fmt.Sprintf("minutes of meeting %d", i); string(got) != want {
			t.Fatalf("event %d's file holds %q, want %q", i, got, want)
		}
	}

	defer store.SetIDRand(&script{blocks: [][]byte{block(7), block(7), block(8)}})()
	a1, err := s.PutFile("a.txt", strings.NewReader("first"))
	if err != nil {
		t.Fatal(err)
	}
	a2, err := s.PutFile("b.txt", strings.NewReader("second"))
	if err != nil {
		t.Fatal(err)
	}
	if a1.FileID == a2.FileID {
		t.Fatalf("two files were given the ID %s", a1.FileID)
	}
	if got, err := s.File(a1); err != nil || string(got) != "first" {
		t.Errorf("first file reads %q, %v", got, err)
	}
}

// TestBinnedIDsKeptFromOlderWorkspaces: a workspace of schema 1 (before
// tombs) gets a tomb for every record in its bin when it is opened, so
// the records waiting there keep their IDs.
func TestBinnedIDsKeptFromOlderWorkspaces(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	acct := newAccount(t, s, "Castellan Private Bank")
	defer store.SetIDRand(&script{blocks: [][]byte{block(3), block(3), block(4)}})()
	p := dossier.Person{AccountID: acct.ID, Name: "Samuel Hart", Type: dossier.HR, Level: dossier.Doubter}
	if err := s.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	entry, err := s.DeletePerson(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Make it a schema-1 workspace: no tombs.
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		if err := txn.Delete([]byte("gone/person/" + p.ID)); err != nil {
			return err
		}
		return txn.Set([]byte("meta/schema"), binary.BigEndian.AppendUint32(nil, 1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	s = open(t, dir)
	q := dossier.Person{AccountID: acct.ID, Name: "Samuel Hart", Type: dossier.HR, Level: dossier.Doubter}
	if err := s.SavePerson(&q); err != nil {
		t.Fatal(err)
	}
	if q.ID == p.ID {
		t.Fatalf("the new person took the ID %s of the person in the bin", p.ID)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Person(p.ID); err != nil {
		t.Errorf("undo did not bring the person back: %v", err)
	}
}
