package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
)

// TestOpenChild is run by TestBadgerNeverWritesToTheTerminal: it opens the
// workspace KAMDESK_OPEN_DIR and prints the error, if any, on stdout.
func TestOpenChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_OPEN_DIR")
	if dir == "" {
		t.Skip("run by TestBadgerNeverWritesToTheTerminal")
	}
	s, err := store.Open(dir, store.Options{NoGC: true})
	if err != nil {
		fmt.Println(err)
		if errors.Is(err, store.ErrDamaged) {
			os.Exit(7)
		}
		os.Exit(3)
	}
	s.Close()
}

// TestBadgerNeverWritesToTheTerminal opens, in a child process, a workspace
// that opens and one that is damaged (a table file is gone): the child's
// stderr stays empty both times, the refusal is one line, and what went
// wrong is in DIR/kamdesk.log.
func TestBadgerNeverWritesToTheTerminal(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	for i := range 50 {
		newAccount(t, s, fmt.Sprintf("Account %d", i))
	}
	s.Close()
	run := func() (stdout, stderr string, code int) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestOpenChild$", "-test.count=1")
		// A plain English locale: Fyne (imported by the export package the
		// tests use) would complain about a "C" locale on stderr.
		cmd.Env = append(os.Environ(), "KAMDESK_OPEN_DIR="+dir, "GORACE=atexit_sleep_ms=0", "LC_ALL=en_US.UTF-8", "LANGUAGE=en")
		var o, e bytes.Buffer
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		// The test binary's own lines (PASS, ok) are not the workspace's.
		var lines []string
		for _, l := range strings.Split(o.String(), "\n") {
			if l != "" && l != "PASS" && !strings.HasPrefix(l, "ok ") {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n"), e.String(), code
	}
	if out, errOut, code := run(); code != 0 || errOut != "" {
		t.Fatalf("opening a sound workspace: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	ssts, _ := filepath.Glob(filepath.Join(dir, "db", "*.sst"))
	if len(ssts) == 0 {
		t.Fatal("the workspace has no table file to remove")
	}
	if err := os.Remove(ssts[0]); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run()
	if code != 7 {
		t.Fatalf("opening without %s: exit %d, stdout %q, stderr %q; want ErrDamaged", filepath.Base(ssts[0]), code, out, errOut)
	}
	if errOut != "" {
		t.Errorf("the child wrote to the terminal:\n%s", errOut)
	}
	if strings.Contains(out, "\n") {
		t.Errorf("the refusal is %q, want one line", out)
	}
	logged, _ := os.ReadFile(filepath.Join(dir, "kamdesk.log"))
	if len(logged) == 0 {
		t.Errorf("kamdesk.log is empty, want what went wrong")
	}
}
