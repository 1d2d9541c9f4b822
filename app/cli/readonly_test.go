package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/cli"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

// runReadOnly runs a command line against the workspace dir opened for
// reading only, as it opens on a backup disk or a read-only mount.
func runReadOnly(t *testing.T, dir string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{
		Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
		Getenv: func(string) string { return "" },
		Today:  func() dossier.Date { return today },
		Open: func(d string, o store.Options) (*store.Store, error) {
			return store.Open(d, store.Options{NoGC: true, ReadOnly: true, Passphrase: o.Passphrase})
		},
	}
	g, rest, err := cli.ParseGlobal(append([]string{"--data", dir}, args...), env.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	return result{cli.Run(g, rest, env), out.String(), errb.String()}
}

// TestReadOnlyWorkspace: on a workspace that can only be read, the
// commands that read (list, show, export) work and say so in one line on
// stderr; the ones that change something are refused in one line.
func TestReadOnlyWorkspace(t *testing.T) {
	dir := demo(t)
	const id = "prop-northbridge-modular-controls"
	out := filepath.Join(t.TempDir(), "hr.html")
	for _, args := range [][]string{
		{"account", "list"},
		{"account", "show", "northbridge"},
		{"proposal", "show", id},
		{"proposal", "export", id, "--audience", "hr", "-o", out},
		{"agenda"},
	} {
		r := runReadOnly(t, dir, args...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(r.stderr, "reading only") {
			t.Errorf("%s: stderr %q, want one line saying the workspace is read-only", strings.Join(args, " "), r.stderr)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the export was not written: %v", err)
	}
	r := runReadOnly(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Another")
	if r.code != cli.ExitFail || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "cannot be changed") {
		t.Errorf("proposal new: exit %d, stderr %q; want exit 1 and one line saying the workspace cannot be changed", r.code, r.stderr)
	}
}
