package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestOpenForReading: a command that only reads opens a workspace kamdesk
// closed properly for reading only (no file of the folder changes, a
// change is refused), though the store does not call itself read-only;
// when the workspace must be written first (a crash to repair, an older
// schema, the day's backup, a new workspace) it opens as usual.
func TestOpenForReading(t *testing.T) {
	forReading := store.Options{NoGC: true, ForReading: true, Now: func() time.Time { return fixedNow }}
	readable := func(t *testing.T, s *store.Store, wantWritable bool) {
		t.Helper()
		if s.ReadOnly() || s.ReadOnlyReason() != "" {
			t.Errorf("ReadOnly() = %v, %q; a workspace that can be written is not read-only to its user", s.ReadOnly(), s.ReadOnlyReason())
		}
		if _, err := s.Accounts(); err != nil {
			t.Fatal(err)
		}
		a := dossier.Account{Name: "Written by a reader", Tier: dossier.TierKey}
		err := s.CreateAccount(&a)
		switch {
		case wantWritable && err != nil:
			t.Errorf("a save: %v, want it to succeed (opened read-write)", err)
		case !wantWritable && !errors.Is(err, store.ErrReadOnly):
			t.Errorf("a save: %v, want ErrReadOnly (opened for reading only)", err)
		}
	}

	t.Run("closed properly", func(t *testing.T) {
		dir := closedWorkspace(t)
		before := digests(t, dir)
		s, err := store.Open(dir, forReading)
		if err != nil {
			t.Fatal(err)
		}
		readable(t, s, false)
		s.Close()
		if after := digests(t, dir); !equalMaps(before, after) {
			t.Errorf("opening for reading changed the folder:\n%s", diffMaps(before, after))
		}
	})

	t.Run("the day's backup is due", func(t *testing.T) {
		dir := t.TempDir()
		s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		newAccount(t, s, "Northbridge")
		s.Close()
		if _, ok := store.LatestBackup(dir); ok {
			t.Fatal("a backup before the test")
		}
		s, err = store.Open(dir, forReading)
		if err != nil {
			t.Fatal(err)
		}
		readable(t, s, true)
		s.Close()
		if _, ok := store.LatestBackup(dir); !ok {
			t.Error("no backup made")
		}
	})

	t.Run("after a crash", func(t *testing.T) {
		dir := killedCopy(t, closedWorkspace(t), "")
		s, err := store.Open(dir, forReading)
		if err != nil {
			t.Fatal(err)
		}
		if !s.CheckedFully() {
			t.Error("a crashed workspace opened without the full checks")
		}
		readable(t, s, true)
		s.Close()
	})

	t.Run("an older schema", func(t *testing.T) {
		dir := t.TempDir()
		untar(t, filepath.Join("testdata", "schema2-sample.tgz"), dir)
		o := forReading
		o.NoBackup = true
		s, err := store.Open(dir, o)
		if err != nil {
			t.Fatal(err)
		}
		readable(t, s, true)
		s.Close()
	})

	t.Run("a new workspace", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "new")
		s, err := store.Open(dir, forReading)
		if err != nil {
			t.Fatal(err)
		}
		readable(t, s, true)
		s.Close()
		if _, err := os.Stat(filepath.Join(dir, "db", "MANIFEST")); err != nil {
			t.Errorf("the new workspace was not made: %v", err)
		}
	})
}

// TestOpenForReadingACopy: a workspace copied elsewhere (its files' times
// change, so the note of the clean close no longer holds) is opened to be
// written once, and its close notes it: the next open for reading trusts
// the note and writes nothing.
func TestOpenForReadingACopy(t *testing.T) {
	dir := t.TempDir()
	copyWorkspace(t, closedWorkspace(t), dir)
	o := store.Options{NoGC: true, ForReading: true, Now: func() time.Time { return fixedNow }}
	s, err := store.Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if !s.CheckedFully() {
		t.Error("a copied workspace opened without the full checks")
	}
	s.Close()
	before := digests(t, dir)
	s, err = store.Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	if s.CheckedFully() {
		t.Error("the second open of the copy read every file again")
	}
	s.Close()
	if after := digests(t, dir); !equalMaps(before, after) {
		t.Errorf("the second open for reading changed the folder:\n%s", diffMaps(before, after))
	}
}

// closedWorkspace makes a workspace with one account and its day's
// backup, closed properly.
func closedWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s := open(t, dir)
	newAccount(t, s, "Northbridge")
	if _, err := s.BackUp(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir
}

// TestCloseAtExit: a command that only read leaves Badger's files to the
// end of its process, but lets kamdesk's lock go at once: the workspace
// opens for writing right after, nothing of the folder changed, and a
// second close is harmless. A store open for writing is closed for good
// (the workspace is noted as closed properly).
func TestCloseAtExit(t *testing.T) {
	defer store.SkipSummaryCheck()()
	dir := closedWorkspace(t)
	before := digests(t, dir)
	r, err := store.Open(dir, store.Options{NoGC: true, ForReading: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Accounts(); err != nil {
		t.Fatal(err)
	}
	if err := r.CloseAtExit(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("closing again: %v", err)
	}
	if after := digests(t, dir); !equalMaps(before, after) {
		t.Errorf("reading changed the folder:\n%s", diffMaps(before, after))
	}
	w, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatalf("opening for writing after a reader left: %v", err)
	}
	runtime.KeepAlive(r) // its files stay open, as in the process that left them
	newAccount(t, w, "Written after the reader")
	if err := os.Remove(filepath.Join(dir, "kamdesk.closed")); err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	if err := w.CloseAtExit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "kamdesk.closed")); err != nil {
		t.Errorf("a store open for writing was not closed properly by CloseAtExit: %v", err)
	}
}
