package store_test

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kamdesk/app/store"
)

// TestShortSessionsKeepFewTables: every session that writes leaves its
// memtable as a new table at close, and a command line run ends before
// Badger's compactors start (up to a second after the open), so without
// a compaction at close every command that saves leaves one more file,
// and opening gets slower the longer a workspace is used (a workspace
// with a few hundred commands behind it had 140 tables of a few KB).
func TestShortSessionsKeepFewTables(t *testing.T) {
	dir := t.TempDir()
	for i := range 24 {
		s, err := store.Open(dir, store.Options{Now: func() time.Time { return fixedNow }, NoGC: true, NoBackup: true})
		if err != nil {
			t.Fatal(err)
		}
		newAccount(t, s, fmt.Sprintf("Account %d", i))
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	tables, err := filepath.Glob(filepath.Join(dir, "db", "*.sst"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) > 8 {
		t.Errorf("24 short sessions that each saved a record left %d tables; want at most 8", len(tables))
	}
	s := open(t, dir)
	accounts, err := s.Accounts()
	if err != nil || len(accounts) != 24 {
		t.Errorf("after the compactions %d accounts (%v), want 24", len(accounts), err)
	}
}
