package store_test

import (
	"bytes"
	"errors"
	"testing"

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
