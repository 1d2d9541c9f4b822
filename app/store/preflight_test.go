package store_test

import (
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
)

// TestTornWriteIsNotDamage: a kill in the middle of copying an entry into
// the memtable log leaves part of it after the last whole entry, zeros
// after: its first bytes (the copy stopped), or its later bytes with the
// header still zero (Go's memmove stores the head of a long copy last).
// That is a crash, not damage: the workspace opens with every
// acknowledged save.
func TestTornWriteIsNotDamage(t *testing.T) {
	for _, c := range []struct {
		name     string
		from, to int64 // the part of the first entry copied after the last
	}{
		{"end missing", 0, 16},
		{"head missing", 25, 60},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			acked := crashAfter(t, dir, 0, 20)
			mems, _ := filepath.Glob(filepath.Join(dir, "db", "*.mem"))
			if len(mems) != 1 {
				t.Fatalf("the kill left %d memtable logs, want 1", len(mems))
			}
			end, err := store.DataEnd(mems[0])
			if err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(mems[0], os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			part := make([]byte, c.to-c.from)
			if _, err := f.ReadAt(part, 20+c.from); err != nil {
				t.Fatal(err)
			}
			if _, err := f.WriteAt(part, end+c.from); err != nil {
				t.Fatal(err)
			}
			f.Close()
			s, err := store.Open(dir, store.Options{NoGC: true})
			if err != nil {
				t.Fatalf("Open after a torn write: %v", err)
			}
			defer s.Close()
			checkAccounts(t, s, 0, acked)
		})
	}
}

// manifestRecords returns the offsets where the records of the MANIFEST
// at path end.
func manifestRecords(t *testing.T, path string) []int64 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ends []int64
	for off := int64(8); off+8 <= int64(len(b)); {
		off += 8 + int64(binary.BigEndian.Uint32(b[off:]))
		ends = append(ends, off)
	}
	return ends
}

// TestTablesTheManifestDoesNotList: Badger deletes on opening the table
// files its MANIFEST does not list. One whose entries are all in listed
// tables (a crash's leftover) is moved to DIR/salvage and the workspace
// opens; when the MANIFEST lost the records of tables (cut at a record
// boundary), the open is refused and the tables stay.
func TestTablesTheManifestDoesNotList(t *testing.T) {
	build := func(t *testing.T) string {
		dir := t.TempDir()
		for range 3 {
			s := open(t, dir)
			for range 20 {
				newAccount(t, s, "Account")
			}
			s.Close()
		}
		return dir
	}
	t.Run("leftover", func(t *testing.T) {
		dir := build(t)
		ssts, _ := filepath.Glob(filepath.Join(dir, "db", "*.sst"))
		b, err := os.ReadFile(ssts[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "db", "000999.sst"), b, 0o600); err != nil {
			t.Fatal(err)
		}
		s := open(t, dir)
		if accts, err := s.Accounts(); err != nil || len(accts) != 60 {
			t.Errorf("Accounts = %d, %v; want 60", len(accts), err)
		}
		moved, _ := filepath.Glob(filepath.Join(dir, "salvage", "*", "000999.sst"))
		if len(moved) != 1 {
			t.Errorf("the unlisted table is not in salvage/: %v", moved)
		}
	})
	t.Run("manifest cut at a record", func(t *testing.T) {
		dir := build(t)
		manifest := filepath.Join(dir, "db", "MANIFEST")
		ends := manifestRecords(t, manifest)
		if len(ends) < 2 {
			t.Fatalf("the MANIFEST has %d records", len(ends))
		}
		if err := os.Truncate(manifest, ends[0]); err != nil {
			t.Fatal(err)
		}
		ssts, _ := filepath.Glob(filepath.Join(dir, "db", "*.sst"))
		_, err := store.Open(dir, store.Options{NoGC: true})
		if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "not in the MANIFEST") {
			t.Fatalf("Open = %v, want ErrDamaged: a table not in the MANIFEST", err)
		}
		if after, _ := filepath.Glob(filepath.Join(dir, "db", "*.sst")); len(after) != len(ssts) {
			t.Errorf("tables before the open %v, after %v", ssts, after)
		}
	})
}
