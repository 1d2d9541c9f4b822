package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// readOnlyWorkspace makes a workspace with an account and a person, closed.
func readOnlyWorkspace(t *testing.T) (dir string, acct dossier.Account) {
	t.Helper()
	dir = t.TempDir()
	s := open(t, dir)
	acct = newAccount(t, s, "Northbridge")
	newPerson(t, s, acct.ID, "Elena Varga", "")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, acct
}

// checkReadOnly reads s and tries every kind of change: the reads work,
// each change is refused with ErrReadOnly.
func checkReadOnly(t *testing.T, s *store.Store, acct dossier.Account) {
	t.Helper()
	if !s.ReadOnly() || s.ReadOnlyReason() == "" {
		t.Errorf("ReadOnly() = %v, %q; want true and why", s.ReadOnly(), s.ReadOnlyReason())
	}
	if accts, err := s.Accounts(); err != nil || len(accts) != 1 {
		t.Errorf("Accounts = %v, %v", accts, err)
	}
	if people, err := s.People(acct.ID); err != nil || len(people) != 1 {
		t.Errorf("People = %v, %v", people, err)
	}
	if _, err := s.Workspace(); err != nil {
		t.Errorf("Workspace: %v", err)
	}
	a := acct
	a.Notes = "changed"
	changes := map[string]error{
		"SaveAccount": s.SaveAccount(&a),
		"CreateAccount": func() error {
			n := dossier.Account{Name: "New", Tier: dossier.TierKey}
			return s.CreateAccount(&n)
		}(),
		"SaveRules": s.SaveRules(dossier.DefaultRules()),
		"Import":    s.Import(dossier.Workspace{Accounts: []dossier.Account{{ID: "imp-aaaaaaaa", Name: "Imp", Tier: dossier.TierKey}}}),
		"PutFile": func() error {
			_, err := s.PutFile("a.txt", strings.NewReader("x"))
			return err
		}(),
		"DeleteAccount": func() error {
			_, err := s.DeleteAccount(acct.ID)
			return err
		}(),
	}
	for name, err := range changes {
		if !errors.Is(err, store.ErrReadOnly) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s = %v, want one line matching ErrReadOnly", name, err)
		}
	}
	if got, _ := s.Account(acct.ID); got.Notes != acct.Notes {
		t.Errorf("the account changed: %+v", got)
	}
}

// TestReadOnlyOption: opened with Options.ReadOnly, a workspace reads,
// refuses every change, and not a byte changes on disk, kamdesk.log
// included.
func TestReadOnlyOption(t *testing.T) {
	dir, acct := readOnlyWorkspace(t)
	before := allDigests(t, dir)
	s, err := store.Open(dir, store.Options{ReadOnly: true, NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	checkReadOnly(t, s, acct)
	// A second reader is welcome; a writer is not.
	s2, err := store.Open(dir, store.Options{ReadOnly: true, NoGC: true})
	if err != nil {
		t.Errorf("a second read-only open: %v", err)
	} else {
		s2.Close()
	}
	if _, err := store.Open(dir, store.Options{NoGC: true}); !errors.Is(err, store.ErrLocked) {
		t.Errorf("opening for writing while read: %v, want ErrLocked", err)
	}
	s.Close()
	if after := allDigests(t, dir); !equalMaps(before, after) {
		t.Errorf("a read-only open changed files: %s", diffMaps(before, after))
	}
}

// TestReadOnlyPlace: a workspace on a read-only mount (a backup disk)
// opens for reading by itself; every change is refused. Today's code
// fails to open it at all: it opens kamdesk.log for writing.
func TestReadOnlyPlace(t *testing.T) {
	dir, acct := readOnlyWorkspace(t)
	view := readOnlyView(t, dir)
	s, err := store.Open(view, store.Options{NoGC: true})
	if err != nil {
		t.Fatalf("opening a workspace on a read-only mount: %v", err)
	}
	defer s.Close()
	checkReadOnly(t, s, acct)
	if !strings.Contains(s.ReadOnlyReason(), "cannot write") {
		t.Errorf("ReadOnlyReason = %q", s.ReadOnlyReason())
	}
}

// TestReadOnlyFolder: a folder without write permission opens for
// reading. (Root writes anywhere: this needs another user.)
func TestReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write in any folder; TestReadOnlyPlace covers this with a read-only mount")
	}
	dir, acct := readOnlyWorkspace(t)
	for _, d := range []string{filepath.Join(dir, "db"), dir} {
		if err := os.Chmod(d, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(d, 0o700) })
	}
	s, err := store.Open(dir, store.Options{NoGC: true})
	if err != nil {
		t.Fatalf("opening a workspace in a read-only folder: %v", err)
	}
	defer s.Close()
	checkReadOnly(t, s, acct)
}

// TestReadOnlyNeedsRepair: a workspace kamdesk was not closed properly on
// cannot be read without a repair; in a read-only place it is refused with
// ErrReadOnly, saying to copy it, and nothing changes.
func TestReadOnlyNeedsRepair(t *testing.T) {
	dir := t.TempDir()
	crashAfter(t, dir, 0, 5)
	before := allDigests(t, dir)
	_, err := store.Open(dir, store.Options{ReadOnly: true})
	if !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "copy") || strings.Contains(err.Error(), "\n") {
		t.Errorf("Open = %v, want one line matching ErrReadOnly saying to copy it", err)
	}
	if after := allDigests(t, dir); !equalMaps(before, after) {
		t.Errorf("the refused open changed files: %s", diffMaps(before, after))
	}
}

// allDigests is digests with kamdesk.log.
func allDigests(t *testing.T, dir string) map[string]string {
	t.Helper()
	d := digests(t, dir)
	if b, err := os.ReadFile(filepath.Join(dir, "kamdesk.log")); err == nil {
		d["kamdesk.log"] = string(b)
	}
	return d
}
