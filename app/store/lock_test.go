package store_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestLockChild is run by TestSecondProcessIsToldAtOnce: it opens the
// workspace another process holds and prints the error.
func TestLockChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_LOCK_DIR")
	if dir == "" {
		t.Skip("run by TestSecondProcessIsToldAtOnce")
	}
	_, err := store.Open(dir, store.Options{NoGC: true})
	if errors.Is(err, store.ErrLocked) {
		os.Stdout.WriteString(err.Error() + "\n")
		os.Exit(7)
	}
	os.Stdout.WriteString("unexpected: " + errString(err) + "\n")
	os.Exit(3)
}

func errString(err error) string {
	if err == nil {
		return "opened"
	}
	return err.Error()
}

// TestSecondProcessIsToldAtOnce: while this process has the workspace
// open, another process gets ErrLocked with the one-line message within a
// second, and no panic or hang.
func TestSecondProcessIsToldAtOnce(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KAMDESK_LOCK_DIR="+dir)
	start := time.Now()
	out, err := cmd.Output()
	took := time.Since(start)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 7 {
		t.Fatalf("child: %v, output %q; want exit 7 (ErrLocked)", err, out)
	}
	abs, _ := filepath.Abs(dir)
	if got := strings.TrimSpace(string(out)); got != "kamdesk is already open on "+abs {
		t.Errorf("child said %q", got)
	}
	// The child is a whole test binary starting up; the open itself is
	// immediate (TestLockedWorkspace). Allow for a slow, shared machine.
	if took > 10*time.Second {
		t.Errorf("the second process took %v to be told", took)
	}
}

// TestRecordsTolerateAddedFields: a record written by a later version with
// fields this one does not know still reads, and an older record without
// a field reads as its zero value.
func TestRecordsTolerateAddedFields(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	s.Close()
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	future := map[string]any{"id": "future", "name": "Future Corp", "tier": "key",
		"revenue_share": 4.5, "loyalty_programme": map[string]any{"level": "gold"}}
	past := map[string]any{"id": "past", "name": "Past Ltd", "tier": "valued"} // no criteria, no dates
	err = db.Update(func(txn *badger.Txn) error {
		for id, v := range map[string]any{"future": future, "past": past} {
			b, _ := json.Marshal(v)
			if err := txn.Set([]byte("acct/"+id), b); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = open(t, dir)
	a, err := s.Account("future")
	if err != nil || a.Name != "Future Corp" || a.RevenueShare != 4.5 {
		t.Errorf("record with an added field = %+v, %v", a, err)
	}
	p, err := s.Account("past")
	if err != nil || p.Name != "Past Ltd" || len(p.Criteria) != 0 || !p.NextTender.IsZero() {
		t.Errorf("record without newer fields = %+v, %v", p, err)
	}
	p.Notes = "edited"
	if err := s.SaveAccount(&p); err != nil {
		t.Errorf("saving an old record: %v", err)
	}
	if _, err := s.Account("nope"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}
