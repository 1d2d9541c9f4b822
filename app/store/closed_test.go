package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
)

// TestOpenAsClosed: a workspace kamdesk closed properly, and that nothing
// changed since, opens without its tables being read again (closed.go),
// for reading and for writing; a crash, a file added, or a byte flipped
// in a table with its time put back takes the full checks.
func TestOpenAsClosed(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	if err := storetest.Generate(s, storetest.Options{Accounts: 6, PeoplePerAccount: 5, EventsPerAccount: 3, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	want, err := store.Dump(s)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	reopen := func(o store.Options) *store.Store {
		t.Helper()
		o.NoGC, o.Now = true, func() time.Time { return fixedNow }
		s, err := store.Open(dir, o)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		got, err := store.Dump(s)
		if err != nil {
			t.Fatal(err)
		}
		if !equalMaps(want, got) {
			t.Fatalf("the workspace changed between closing and opening:\n%s", diffMaps(want, got))
		}
		return s
	}
	for _, o := range []store.Options{{}, {ReadOnly: true}, {}} {
		s := reopen(o)
		if s.CheckedFully() {
			t.Errorf("an open (read-only %v) of a workspace closed properly read every file again", o.ReadOnly)
		}
		s.Close()
	}

	// A stray file in the database folder: the full checks decide.
	stray := filepath.Join(dir, "db", "notes.txt")
	if err := os.WriteFile(stray, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = reopen(store.Options{})
	if !s.CheckedFully() {
		t.Error("a folder with a file added opened without the full checks")
	}
	s.Close()
	os.Remove(stray)

	// A crash: the child is killed with the workspace open.
	crashed := killedCopy(t, dir, "")
	s, err = store.Open(crashed, store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	if !s.CheckedFully() {
		t.Error("a workspace kamdesk was killed in opened without the full checks")
	}
	s.Close()
}

// TestDamageWithTimesKept is the damage matrix's flips again, on copies
// that keep every file's time, the damaged one's too: the note of the
// clean close (closed.go) still matches by name, size and time, and only
// its CRCs tell the files changed. Each flip must come out as in the
// matrix. Value log files are left out: one read in full before is
// trusted by its size and time at every open (TestCheckedValueLogs).
func TestDamageWithTimesKept(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and damages workspaces")
	}
	t.Parallel()
	base := damagedBases(t)["closed"]
	want := dumpOf(t, base, store.Options{NoGC: true})
	entries, err := os.ReadDir(filepath.Join(base, "db"))
	if err != nil {
		t.Fatal(err)
	}
	// Undamaged, such a copy opens as closed: else this test tests nothing.
	s, err := store.Open(copyKeepingTimes(t, base), store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.CheckedFully() {
		t.Fatal("a copy keeping the times took the full checks; the note of the clean close is not used")
	}
	s.Close()

	listed := listedTables(t, filepath.Join(base, "db"))
	cases := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".vlog") {
			continue
		}
		end, err := store.DataEnd(filepath.Join(base, "db", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		rule := ruleFor(e.Name(), end)
		if rule == nil {
			t.Errorf("no rule for the file %s", e.Name())
			continue
		}
		if strings.HasSuffix(e.Name(), ".sst") && !listed[e.Name()] {
			rule = &orphanRule
		}
		cases++
		t.Run(e.Name(), func(t *testing.T) {
			dir := copyKeepingTimes(t, base)
			path := filepath.Join(dir, "db", e.Name())
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := flipByte(path, end); err != nil {
				t.Fatal(err)
			}
			if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			if got := openDamaged(t, dir, want, store.Options{NoGC: true}); got != rule.flip {
				t.Errorf("%s flipped, its time put back (%s): %s, want %s", e.Name(), rule.name, got, rule.flip)
			}
		})
	}
	if cases < 4 {
		t.Errorf("only %d files damaged", cases)
	}
}

// TestOpenAsClosedRefusesAWrongPassphrase: the open that trusts the note
// still reads the key registry, where a wrong passphrase shows.
func TestOpenAsClosedRefusesAWrongPassphrase(t *testing.T) {
	dir := closedWorkspace(t)
	if err := store.Encrypt(dir, []byte("right horse battery")); err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the second open is one the note allows
		s, err := store.Open(dir, store.Options{NoGC: true, Passphrase: []byte("right horse battery")})
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 && s.CheckedFully() {
			t.Error("an encrypted workspace closed properly took the full checks")
		}
		s.Close()
	}
	_, err := store.Open(dir, store.Options{NoGC: true, Passphrase: []byte("wrong horse battery")})
	if !errors.Is(err, store.ErrWrongPassphrase) {
		t.Fatalf("Open with a wrong passphrase = %v, want ErrWrongPassphrase", err)
	}
}

// copyKeepingTimes copies the workspace base as copyWorkspace does and
// gives every file of the copy its original's modification time.
func copyKeepingTimes(t *testing.T, base string) string {
	t.Helper()
	dir := t.TempDir()
	copyWorkspace(t, base, dir)
	err := filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(base, path)
		return os.Chtimes(filepath.Join(dir, rel), info.ModTime(), info.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
