package store_test

import (
	"bytes"
	"errors"
	"sync"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestUnusedAttachmentsAreSweptOnOpen: a file attached in an editor that
// was cancelled is gone after the next open; files of live events and of
// events in the bin stay.
func TestUnusedAttachmentsAreSweptOnOpen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	a := newAccount(t, s, "Theta")
	live, _ := s.PutFile("live.pdf", bytes.NewReader([]byte("live")))
	binned, _ := s.PutFile("binned.pdf", bytes.NewReader([]byte("binned")))
	orphan, _ := s.PutFile("cancelled.pdf", bytes.NewReader([]byte("cancelled")))
	e1 := dossier.Event{AccountID: a.ID, Kind: dossier.EventDocument, Date: dossier.MustDate("2026-11-01"), Title: "Live", Attachments: []dossier.Attachment{live}}
	e2 := dossier.Event{AccountID: a.ID, Kind: dossier.EventDocument, Date: dossier.MustDate("2026-11-02"), Title: "Binned", Attachments: []dossier.Attachment{binned}}
	for _, e := range []*dossier.Event{&e1, &e2} {
		if err := s.SaveEvent(e); err != nil {
			t.Fatal(err)
		}
	}
	entry, err := s.DeleteEvent(e2.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = open(t, dir)
	s.WaitForSweep()
	if b, err := s.File(live); err != nil || string(b) != "live" {
		t.Errorf("file of a live event: %q, %v", b, err)
	}
	if b, err := s.File(binned); err != nil || string(b) != "binned" {
		t.Errorf("file of an event in the bin: %q, %v", b, err)
	}
	if _, err := s.File(orphan); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("unused file after reopening: %v, want it swept (ErrNotFound)", err)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(a.ID)
	if len(evs) != 2 {
		t.Fatalf("events after undo = %d, want 2", len(evs))
	}
	if b, err := s.File(binned); err != nil || string(b) != "binned" {
		t.Errorf("file of the restored event: %q, %v", b, err)
	}
}

// TestSweepRunsAfterTheOpen: the open does not wait for the sweep (it
// reads every event, and every person's summary when some file is no
// event's: on 100,000 people it held the window back), and a file
// attached while the sweep runs, not saved yet, is not swept: the sweep
// deletes only files that were there when the workspace opened.
func TestSweepRunsAfterTheOpen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	orphan, _ := s.PutFile("cancelled.pdf", bytes.NewReader([]byte("cancelled")))
	s.Close()

	started, release := store.HoldSweep(t)
	opened := make(chan *store.Store, 1)
	go func() {
		s, err := store.Open(dir, store.Options{Now: func() time.Time { return fixedNow }, NoGC: true})
		if err != nil {
			t.Error(err)
		}
		opened <- s
	}()
	select {
	case s = <-opened:
	case <-time.After(30 * time.Second):
		t.Fatal("the open waited for the sweep")
	}
	if s == nil {
		return
	}
	<-started
	if b, err := s.File(orphan); err != nil || string(b) != "cancelled" {
		t.Fatalf("the unused file before the sweep ran: %q, %v", b, err)
	}
	unsaved, err := s.PutFile("attached-now.pdf", bytes.NewReader([]byte("in an open editor")))
	if err != nil {
		t.Fatal(err)
	}
	release()
	s.WaitForSweep()
	if _, err := s.File(orphan); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the unused file after the sweep: %v, want it swept", err)
	}
	if b, err := s.File(unsaved); err != nil || string(b) != "in an open editor" {
		t.Errorf("a file attached during the sweep: %q, %v; it must stay for its editor", b, err)
	}
	s.Close()
}

// TestCloseStopsTheSweep: closing while the sweep has not finished
// returns, and the next open sweeps.
func TestCloseStopsTheSweep(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	orphan, _ := s.PutFile("cancelled.pdf", bytes.NewReader([]byte("cancelled")))
	s.Close()
	started, release := store.HoldSweep(t)
	s = open(t, dir)
	<-started
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	release()
	<-done
	s = open(t, dir)
	s.WaitForSweep()
	if _, err := s.File(orphan); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the unused file after the next open: %v, want it swept", err)
	}
	s.Close()
}

// TestCloseWhileTheSweepDeletes: Close begun while the sweep is about to
// delete what it found returns; the two waited for each other when Close
// held the store's lock while it waited for the work in the background,
// which needs the lock to delete.
func TestCloseWhileTheSweepDeletes(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	if _, err := s.PutFile("cancelled.pdf", bytes.NewReader([]byte("cancelled"))); err != nil {
		t.Fatal(err)
	}
	s.Close()
	reached, release := store.HoldSweepBeforeDelete(t)
	s = open(t, dir)
	<-reached
	closing := make(chan struct{})
	var once sync.Once
	store.NotifyClose(t, func() { once.Do(func() { close(closing) }) })
	done := make(chan struct{})
	go func() { s.Close(); close(done) }()
	<-closing
	release()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Close did not return: it and the sweep wait for each other")
	}
}
