package store_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// batchOf is account acct of s with what it uses, as a handover carries
// it.
func batchOf(t *testing.T, s *store.Store, acct string) store.Batch {
	t.Helper()
	a, err := s.Account(acct)
	if err != nil {
		t.Fatal(err)
	}
	b := store.Batch{Accounts: []dossier.Account{a}, Files: map[string][]byte{}}
	b.People, _ = s.People(acct)
	b.Events, _ = s.Events(acct)
	b.Promises, _ = s.Promises(acct)
	b.Proposals, _ = s.Proposals(acct)
	b.Team, _ = s.Team()
	b.References, _ = s.References()
	b.Sections, _ = s.Sections()
	for _, p := range b.Proposals {
		for _, sd := range p.Sendings {
			snap, err := s.Snapshot(p.ID, sd.ID)
			if err != nil {
				t.Fatal(err)
			}
			b.Sent = append(b.Sent, snap)
		}
	}
	for _, e := range b.Events {
		for _, at := range e.Attachments {
			b.Files[at.FileID], _ = s.File(at)
		}
	}
	return b
}

// TestPutAddsAndReplacesInOneBatch: Put brings an account with its
// people, timeline (an attachment too), promises and proposals with their
// sent copies into an empty workspace; a second Put replaces a changed
// person; a batch with one bad record writes nothing at all.
func TestPutAddsAndReplacesInOneBatch(t *testing.T) {
	from := open(t, t.TempDir())
	if _, err := from.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), export.Snapshot); err != nil {
		t.Fatal(err)
	}
	ev, _ := from.Events("northbridge")
	at, err := from.PutFile("notes.txt", strings.NewReader(strings.Repeat("minutes ", 100_000)))
	if err != nil {
		t.Fatal(err)
	}
	ev[0].Attachments = append(ev[0].Attachments, at)
	if err := from.SaveEvent(&ev[0]); err != nil {
		t.Fatal(err)
	}
	b := batchOf(t, from, "northbridge")
	if len(b.Sent) == 0 || len(b.Files) != 1 {
		t.Fatalf("the sample's northbridge has %d sent copies, %d files", len(b.Sent), len(b.Files))
	}
	to := open(t, t.TempDir())
	if err := to.Put(b); err != nil {
		t.Fatal(err)
	}
	got := batchOf(t, to, "northbridge")
	if len(got.People) != len(b.People) || len(got.Events) != len(b.Events) || len(got.Promises) != len(b.Promises) ||
		len(got.Proposals) != len(b.Proposals) || len(got.Sent) != len(b.Sent) || len(got.Files) != 1 {
		t.Fatalf("after Put: %d people, %d events, %d promises, %d proposals, %d sent copies, %d files",
			len(got.People), len(got.Events), len(got.Promises), len(got.Proposals), len(got.Sent), len(got.Files))
	}
	if string(got.Files[at.FileID]) != string(b.Files[at.FileID]) {
		t.Error("the attachment's bytes differ")
	}
	sums, err := to.PeopleSummariesOf("northbridge")
	if err != nil || len(sums) != len(b.People) {
		t.Errorf("summaries after Put: %d, %v; want %d", len(sums), err, len(b.People))
	}

	p := b.People[0]
	p.Position = "Chief Handover Officer"
	if err := to.Put(store.Batch{People: []dossier.Person{p}}); err != nil {
		t.Fatal(err)
	}
	if q, _ := to.Person(p.ID); q.Position != p.Position {
		t.Errorf("replaced person: %q, want %q", q.Position, p.Position)
	}

	p.Position = "Changed"
	bad := b.People[1]
	bad.AccountID = "nowhere"
	err = to.Put(store.Batch{People: []dossier.Person{p, bad}})
	if !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("a batch with a person of a missing account: %v", err)
	}
	if q, _ := to.Person(p.ID); q.Position != "Chief Handover Officer" {
		t.Errorf("a refused batch changed %s: %q", p.ID, q.Position)
	}
}

// TestPutAddsSendingsAndKeepsThem: a proposal handed over with a sending
// the workspace lacks replaces the stored one with the sending added and
// its copy written; one that would drop a sending on record, or adds one
// without its copy, is refused and nothing changes; notes get fresh IDs.
func TestPutAddsSendingsAndKeepsThem(t *testing.T) {
	from := open(t, t.TempDir())
	draft := draftOf(t, from, "castellan")
	to := open(t, t.TempDir())
	if err := to.Put(batchOf(t, from, "castellan")); err != nil {
		t.Fatal(err)
	}
	p, snap, _ := sendCastellan(t, from, today)
	if len(p.Sendings) != 1 {
		t.Fatalf("sent: %+v", p.Sendings)
	}

	if err := to.Put(store.Batch{Proposals: []proposal.Proposal{p}}); !errors.Is(err, dossier.ErrNotFound) || !strings.Contains(err.Error(), "no sent copy") {
		t.Errorf("a sending without its copy: %v", err)
	}
	note := dossier.Event{AccountID: p.AccountID, Kind: dossier.EventNote, Date: today, Title: "Taken from a handover bundle"}
	if err := to.Put(store.Batch{Proposals: []proposal.Proposal{p}, Sent: []proposal.Snapshot{snap}, Notes: []dossier.Event{note, note}}); err != nil {
		t.Fatal(err)
	}
	got, _ := to.Proposal(p.ID)
	if len(got.Sendings) != 1 || got.Sendings[0].ID != snap.ID || got.Status != proposal.Sent {
		t.Fatalf("after Put: %s, %+v", got.Status, got.Sendings)
	}
	if c, err := to.Snapshot(p.ID, snap.ID); err != nil || !bytes.Equal(c.Files[0].HTML, snap.Files[0].HTML) {
		t.Errorf("the copy of the sending added: %v", err)
	}
	events, _ := to.Events(p.AccountID)
	notes := 0
	for _, e := range events {
		if e.Title == note.Title {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("%d notes written, want 2", notes)
	}

	draft.Title = "Renamed in the other workspace"
	if err := to.Put(store.Batch{Proposals: []proposal.Proposal{draft}}); !errors.Is(err, dossier.ErrConflict) || !strings.Contains(err.Error(), "cannot be removed") {
		t.Errorf("a proposal that drops a sending: %v", err)
	}
	if after, _ := to.Proposal(p.ID); after.Title != got.Title || len(after.Sendings) != 1 {
		t.Errorf("a refused Put changed the proposal: %q, %d sendings", after.Title, len(after.Sendings))
	}
}

// TestPutRefusesAnEntryWithoutItsSentCopy: a timeline entry that records
// a sending is put only with the copy it opens, in the batch or the
// workspace; without it the batch is refused, naming the entry, and
// nothing is written.
func TestPutRefusesAnEntryWithoutItsSentCopy(t *testing.T) {
	from := open(t, t.TempDir())
	draftOf(t, from, "castellan")
	to := open(t, t.TempDir())
	if err := to.Put(batchOf(t, from, "castellan")); err != nil {
		t.Fatal(err)
	}
	p, snap, ev := sendCastellan(t, from, today)
	people, _ := from.People("castellan")
	person := people[0]
	person.Position = "Head of Handovers"

	err := to.Put(store.Batch{People: []dossier.Person{person}, Events: []dossier.Event{ev}})
	if !errors.Is(err, dossier.ErrNotFound) || !strings.Contains(err.Error(), ev.Title) || !strings.Contains(err.Error(), snap.ID) {
		t.Errorf("an entry without its sent copy: %v", err)
	}
	if got := eventOf(t, to, ev); got != nil {
		t.Errorf("the refused entry was written: %+v", got)
	}
	if q, _ := to.Person(person.ID); q.Position == person.Position {
		t.Error("a refused batch changed the person")
	}
	if err := to.Put(store.Batch{Proposals: []proposal.Proposal{p}, Sent: []proposal.Snapshot{snap}, Events: []dossier.Event{ev}}); err != nil {
		t.Fatalf("the entry with its copy: %v", err)
	}
	if got := eventOf(t, to, ev); got == nil || got.Sent != p.ID+"/"+snap.ID {
		t.Errorf("the entry with its copy: %+v", got)
	}
}

// eventOf is the event of s with ev's ID, or nil.
func eventOf(t *testing.T, s *store.Store, ev dossier.Event) *dossier.Event {
	t.Helper()
	events, err := s.Events(ev.AccountID)
	if err != nil {
		t.Fatal(err)
	}
	for i := range events {
		if events[i].ID == ev.ID {
			return &events[i]
		}
	}
	return nil
}
