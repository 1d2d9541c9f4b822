package store_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestCheckedValueLogs: a value log file read in full at one open is, at
// the next, checked by the headers and keys of its entries only, while
// its size and time are unchanged. A byte flipped in it is refused at
// opening when the time changed (any write changes it); with the time put
// back, the workspace opens and reading the attachment fails: an error,
// never wrong bytes.
func TestCheckedValueLogs(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	acct := newAccount(t, s, "Northbridge")
	a, err := s.PutFile("plan.bin", io.LimitReader(&counter{}, 300<<10))
	if err != nil {
		t.Fatal(err)
	}
	e := dossier.Event{AccountID: acct.ID, Kind: dossier.EventMeeting, Date: dossier.MustDate("2026-11-20"),
		Title: "Plan", Attachments: []dossier.Attachment{a}}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for range 2 { // the attachment's file is the newest at the first open
		s := open(t, dir)
		s.Close()
	}
	vlog := filepath.Join(dir, "db", "000001.vlog")
	info, err := os.Stat(vlog)
	if err != nil {
		t.Fatal(err)
	}
	flip := func() {
		f, err := os.OpenFile(vlog, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b := make([]byte, 1)
		f.ReadAt(b, 100<<10)
		b[0] ^= 0xff
		f.WriteAt(b, 100<<10)
	}

	flip()
	if _, err := store.Open(dir, store.Options{NoGC: true}); !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Open after a flip = %v, want ErrDamaged", err)
	}

	os.Chtimes(vlog, time.Now(), info.ModTime())
	s, err = store.Open(dir, store.Options{NoGC: true})
	if err != nil {
		t.Fatalf("Open with the time put back: %v", err)
	}
	defer s.Close()
	if b, err := s.File(a); err == nil {
		t.Errorf("File read %d bytes of a damaged attachment without an error", len(b))
	}
}
