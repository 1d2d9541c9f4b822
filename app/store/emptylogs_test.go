package store_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"kamdesk/app/store"
)

// crashAfter runs TestCrashChild on dir from account number start until it
// has acknowledged n saves, then kills it with SIGKILL. It returns the
// number of the last acknowledged save.
func crashAfter(t *testing.T, dir string, start, n int) int {
	t.Helper()
	return crashAfterWith(t, dir, "", start, n)
}

// crashAfterWith is crashAfter on a workspace encrypted with passphrase
// (none when "").
func crashAfterWith(t *testing.T, dir, passphrase string, start, n int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KAMDESK_CRASH_DIR="+dir, "KAMDESK_CRASH_START="+strconv.Itoa(start),
		"KAMDESK_CRASH_PASSPHRASE="+passphrase)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := start - 1
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if num, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked, _ = strconv.Atoi(num)
			if acked >= start+n-1 {
				break
			}
		} else if strings.Contains(sc.Text(), "failed") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("crash child: %s", sc.Text())
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	for sc.Scan() {
		if num, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked, _ = strconv.Atoi(num)
		}
	}
	cmd.Wait()
	return acked
}

// nextLog returns the path of the log file with extension ext that Badger
// would create next in the database directory of the workspace dir.
func nextLog(t *testing.T, dir, ext string, width int) string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, "db", "*"+ext))
	top := 0
	for _, n := range names {
		if v, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(n), ext)); err == nil && v > top {
			top = v
		}
	}
	return filepath.Join(dir, "db", fmt.Sprintf("%0*d%s", width, top+1, ext))
}

// TestOpenAfterCrashLeftEmptyLogs: a kill between Badger's creating a
// memtable log or value log file and its extending it leaves a
// zero-length file (dgraph-io/badger#2207). The next open succeeds the
// first time, with every acknowledged save, after a crash and after a
// clean close alike.
func TestOpenAfterCrashLeftEmptyLogs(t *testing.T) {
	const pass = "correct horse battery"
	for _, c := range []struct {
		name       string
		crash      bool
		exts       []string
		passphrase string
	}{
		{"crash/mem", true, []string{".mem"}, ""},
		{"crash/vlog", true, []string{".vlog"}, ""},
		{"crash/both", true, []string{".mem", ".vlog"}, ""},
		{"closed/mem", false, []string{".mem"}, ""},
		{"closed/vlog", false, []string{".vlog"}, ""},
		{"encrypted/crash/both", true, []string{".mem", ".vlog"}, pass},
		{"encrypted/closed/mem", false, []string{".mem"}, pass},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			o := store.Options{NoGC: true}
			if c.passphrase != "" {
				s, err := store.Open(dir, o)
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
				if err := store.Encrypt(dir, []byte(c.passphrase)); err != nil {
					t.Fatal(err)
				}
				o.Passphrase = []byte(c.passphrase)
			}
			acked := 9
			if c.crash {
				acked = crashAfterWith(t, dir, c.passphrase, 0, 10)
			} else {
				s, err := store.Open(dir, o)
				if err != nil {
					t.Fatal(err)
				}
				saveAccounts(t, s, 0, 10)
				s.Close()
			}
			for _, ext := range c.exts {
				width := 5
				if ext == ".vlog" {
					width = 6
				}
				if err := os.WriteFile(nextLog(t, dir, ext, width), nil, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			s, err := store.Open(dir, o)
			if err != nil {
				t.Fatalf("first open: %v", err)
			}
			defer s.Close()
			checkAccounts(t, s, 0, acked)
		})
	}
}

// saveAccounts saves the accounts numbered from..to-1 as TestCrashChild does.
func saveAccounts(t *testing.T, s *store.Store, from, to int) {
	t.Helper()
	for n := from; n < to; n++ {
		a := crashAccount(n)
		if err := s.CreateAccount(&a); err != nil {
			t.Fatal(err)
		}
	}
}

// checkAccounts checks that the accounts numbered from..to are there.
func checkAccounts(t *testing.T, s *store.Store, from, to int) {
	t.Helper()
	for n := from; n <= to; n++ {
		want := crashAccount(n)
		a, err := s.Account(want.ID)
		if err != nil || a.Name != want.Name || a.Notes != want.Notes {
			t.Fatalf("acknowledged save %s lost: %v", want.ID, err)
		}
	}
}
