package store_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
)

const damagePassphrase = "correct horse battery"

// encryptedBases are an encrypted workspace closed properly and a copy of
// it left by a kill, as damagedBases makes plain ones.
func encryptedBases(t *testing.T) map[string]string {
	t.Helper()
	closed := t.TempDir()
	o := store.Options{NoGC: true, NoBackup: true, Now: func() time.Time { return fixedNow }}
	s, err := store.Open(closed, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := storetest.Generate(s, storetest.Options{Accounts: 25, PeoplePerAccount: 4,
		EventsPerAccount: 4, PromisesPerAccount: 2, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := store.Encrypt(closed, []byte(damagePassphrase)); err != nil {
		t.Fatal(err)
	}
	o.Passphrase = []byte(damagePassphrase)
	for session := range 3 {
		s, err := store.Open(closed, o)
		if err != nil {
			t.Fatal(err)
		}
		if session < 2 {
			addData(s, fmt.Sprint("session ", session), 20)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	crashed := t.TempDir()
	copyWorkspace(t, closed, crashed)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDamageChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KAMDESK_DAMAGE_DIR="+crashed, "KAMDESK_DAMAGE_PASSPHRASE="+damagePassphrase)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "ready" {
		if strings.Contains(sc.Text(), "failed") {
			t.Fatalf("child: %s", sc.Text())
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	return map[string]string{"closed": closed, "crashed": crashed}
}

// TestEncryptedDamageMatrix damages an encrypted workspace in every file
// every way, as TestDamageMatrix does a plain one, with the same table,
// except that a damaged or missing KEYREGISTRY is refused: it holds the
// data keys. The checks before opening read an encrypted workspace's
// tables and logs with those keys. (Before they did, a table cut short
// panicked in a Badger goroutine.)
func TestEncryptedDamageMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and damages workspaces")
	}
	t.Parallel()
	bases := encryptedBases(t)
	o := store.Options{NoGC: true, NoBackup: true, Passphrase: []byte(damagePassphrase)}
	counts := map[outcome]int{}
	for _, baseName := range []string{"closed", "crashed"} {
		base := bases[baseName]
		want := dumpOf(t, base, o)
		entries, err := os.ReadDir(filepath.Join(base, "db"))
		if err != nil {
			t.Fatal(err)
		}
		listed := listedTables(t, filepath.Join(base, "db"))
		for _, e := range entries {
			end, err := store.DataEnd(filepath.Join(base, "db", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			rule := ruleFor(e.Name(), end)
			if rule == nil {
				t.Errorf("%s: no rule for the file %s", baseName, e.Name())
				continue
			}
			if strings.HasSuffix(e.Name(), ".sst") && !listed[e.Name()] {
				rule = &orphanRule
			}
			if rule.name == "KEYREGISTRY" {
				// It holds the data keys: without it nothing can be read.
				rule = &damageRule{rule.name, rule.match, refused, refused, refused}
			}
			for _, how := range []struct {
				name   string
				want   outcome
				damage func(path string, end int64) error
			}{
				{"cut", rule.cut, cutFile},
				{"flip", rule.flip, flipByte},
				{"delete", rule.deleted, func(path string, _ int64) error { return os.Remove(path) }},
			} {
				name := fmt.Sprintf("%s/%s/%s", baseName, e.Name(), how.name)
				t.Run(name, func(t *testing.T) {
					dir := t.TempDir()
					copyWorkspace(t, base, dir)
					if err := how.damage(filepath.Join(dir, "db", e.Name()), end); err != nil {
						t.Fatal(err)
					}
					got := openDamaged(t, dir, want, o)
					counts[got]++
					if got != how.want {
						t.Errorf("%s (%s): %s, want %s", name, rule.name, got, how.want)
					}
				})
			}
		}
	}
	t.Logf("%d cases intact, %d refused", counts[intact], counts[refused])
}
