//go:build unix

package cli_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Files the user names with -o or as the library folder are replaced only
// with --force, and a named pipe or a folder in place of a file never.
func TestExportsNeedForceAndRefuseSpecialFiles(t *testing.T) {
	dir := demo(t)
	const id = "prop-northbridge-modular-controls"
	out := t.TempDir()
	exp := func(path string, more ...string) result {
		return run(t, dir, append([]string{"proposal", "export", id, "--audience", "hr", "--format", "md", "-o", path}, more...)...)
	}

	file := filepath.Join(out, "hr.md")
	os.WriteFile(file, []byte("mine"), 0o644)
	if r := exp(file); r.code != 1 || !strings.Contains(r.stderr, file+" exists; nothing was written (use --force to replace it)") {
		t.Errorf("export over an existing file: %+v", r)
	}
	if b, _ := os.ReadFile(file); string(b) != "mine" {
		t.Errorf("the existing file was changed: %q", b)
	}
	if r := exp(file, "--force"); r.code != 0 {
		t.Errorf("export with --force: %+v", r)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "Valid until") {
		t.Errorf("--force did not replace the file")
	}

	fifo := filepath.Join(out, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, force := range [][]string{nil, {"--force"}} {
		if r := exp(fifo, force...); r.code != 1 || !strings.Contains(r.stderr, "is a named pipe") {
			t.Errorf("export onto a named pipe %v: %+v", force, r)
		}
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v %v", info.Mode(), err)
	}

	link := filepath.Join(out, "link.md")
	target := filepath.Join(out, "target.md")
	os.WriteFile(target, []byte("mine"), 0o644)
	os.Symlink(target, link)
	if r := exp(link); r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("export onto a symbolic link: %+v", r)
	}
	if r := exp(link, "--force"); r.code != 0 {
		t.Errorf("export onto a symbolic link with --force: %+v", r)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); !strings.Contains(string(b), "Valid until") {
		t.Errorf("--force did not write the file the link points to")
	}

	// --audience all checks every file before writing one.
	all := filepath.Join(out, "all")
	mustRun(t, dir, "proposal", "export", id, "--audience", "all", "-o", all)
	r := run(t, dir, "proposal", "export", id, "--audience", "all", "-o", all)
	if r.code != 1 || !strings.Contains(r.stderr, "and 4 other files exist; nothing was written (use --force to replace them)") {
		t.Errorf("export all over an earlier one: %+v", r)
	}
	mustRun(t, dir, "proposal", "export", id, "--audience", "all", "-o", all, "--force")

	// The library folder likewise.
	lib := filepath.Join(out, "library")
	mustRun(t, dir, "library", "export", lib)
	r = run(t, dir, "library", "export", lib)
	if r.code != 1 || !strings.Contains(r.stderr, "other files exist; nothing was written") || r.stdout != "" {
		t.Errorf("library export over an earlier one: %+v", r)
	}
	if out := mustRun(t, dir, "library", "export", lib, "--force"); !strings.Contains(out, "Exported 40 sections") {
		t.Errorf("library export --force: %s", out)
	}
	os.Remove(filepath.Join(lib, "cover-letter.md"))
	syscall.Mkfifo(filepath.Join(lib, "cover-letter.md"), 0o600)
	if r := run(t, dir, "library", "export", lib, "--force"); r.code != 1 || !strings.Contains(r.stderr, "cover-letter.md is a named pipe") {
		t.Errorf("library export onto a named pipe: %+v", r)
	}
	if m, _ := filepath.Glob(filepath.Join(out, "*", ".kamdesk-*")); len(m) > 0 {
		t.Errorf("temporary files left behind: %v", m)
	}
}
