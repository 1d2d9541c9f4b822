//go:build unix

package export_test

import (
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"kamdesk/app/export"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// specialFiles makes a named pipe, a socket and a folder in dir, the
// things that stand where a user may name a file, and returns them by
// name.
func specialFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	fifo := filepath.Join(dir, "pipe.html")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock.html")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	folder := filepath.Join(dir, "folder.html")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"named pipe": fifo, "socket": sock, "folder": folder}
}

// noTemporaryFiles fails t when a temporary file was left in dir.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	if m, _ := filepath.Glob(filepath.Join(dir, ".kamdesk-*")); len(m) > 0 {
		t.Errorf("temporary files left behind: %v", m)
	}
}

// A special file is never replaced by a regular one: writing a FIFO, a
// socket or a folder is refused with or without replace, and it stays
// what it was.
func TestWriteNewRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	for what, path := range specialFiles(t, dir) {
		before, _ := os.Lstat(path)
		for _, replace := range []bool{false, true} {
			err := export.WriteNew(path, []byte("x"), 0o644, replace)
			if !errors.Is(err, export.ErrNotRegular) || !strings.Contains(err.Error(), what) {
				t.Errorf("WriteNew(%s, replace %v) = %v, want ErrNotRegular naming a %s", what, replace, err, what)
			}
			if after, err := os.Lstat(path); err != nil || after.Mode().Type() != before.Mode().Type() {
				t.Errorf("the %s became %v after WriteNew (replace %v)", what, after.Mode().Type(), replace)
			}
		}
		// through a link too
		link := filepath.Join(dir, "link-to-"+filepath.Base(path))
		if err := os.Symlink(path, link); err != nil {
			t.Fatal(err)
		}
		if err := export.WriteNew(link, []byte("x"), 0o644, true); !errors.Is(err, export.ErrNotRegular) {
			t.Errorf("WriteNew through a link to a %s = %v, want ErrNotRegular", what, err)
		}
	}
	if err := export.WriteFile(filepath.Join(dir, "pipe.html"), []byte("x"), 0o644); !errors.Is(err, export.ErrNotRegular) {
		t.Errorf("WriteFile onto a named pipe = %v, want ErrNotRegular", err)
	}
	noTemporaryFiles(t, dir)
}

func TestWriteNewLinksAndExistingFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.html")
	link := filepath.Join(dir, "link.html")
	os.WriteFile(target, []byte("old"), 0o644)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{target, link} {
		if err := export.WriteNew(p, []byte("new"), 0o644, false); !errors.Is(err, export.ErrExists) {
			t.Errorf("WriteNew(%s) without replace = %v, want ErrExists", filepath.Base(p), err)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "old" {
		t.Errorf("a refused write changed the file: %q", b)
	}
	if err := export.WriteNew(link, []byte("new"), 0o644, true); err != nil {
		t.Fatalf("WriteNew through a link with replace: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the file the link points to = %q, want new", b)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", info.Mode(), err)
	}
	dangling := filepath.Join(dir, "dangling.html")
	os.Symlink(filepath.Join(dir, "nowhere", "x.html"), dangling)
	if err := export.WriteNew(dangling, []byte("x"), 0o644, true); err == nil {
		t.Error("WriteNew through a dangling link succeeded")
	}
	fresh := filepath.Join(dir, "fresh.html")
	if err := export.WriteNew(fresh, []byte("fresh"), 0o600, false); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	noTemporaryFiles(t, dir)
}

// Every variant of an export and every file of a library export is
// checked before anything is written.
func TestExportsCheckEveryFileFirst(t *testing.T) {
	p, ctx, _ := sample(t)
	dir := t.TempDir()
	taken := filepath.Join(dir, export.FileName(p, ctx, proposal.Technical, export.HTML, true, dossier.DateOf(now.Local())))
	os.WriteFile(taken, []byte("mine"), 0o644)
	_, _, err := export.Proposal(p, ctx, export.Every, export.HTML, dir, now, export.Options{})
	var ee *export.ExistsError
	if !errors.As(err, &ee) || len(ee.Paths) != 1 || ee.Paths[0] != taken {
		t.Fatalf("export into a folder with one variant's file = %v, want an ExistsError naming it", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || len(p.Exports) != 0 {
		t.Errorf("a refused export wrote %d files and recorded %d exports", len(entries)-1, len(p.Exports))
	}
	if files, _, err := export.Proposal(p, ctx, export.Every, export.HTML, dir, now, export.Options{Replace: true}); err != nil || len(files) != 5 {
		t.Errorf("export with replace: %d files, %v", len(files), err)
	}
	fifo := filepath.Join(dir, "variant.html")
	syscall.Mkfifo(fifo, 0o600)
	if _, _, err := export.Proposal(p, ctx, proposal.HR, export.HTML, fifo, now, export.Options{Replace: true}); !errors.Is(err, export.ErrNotRegular) {
		t.Errorf("export onto a named pipe = %v, want ErrNotRegular", err)
	}

	lib := t.TempDir()
	os.WriteFile(filepath.Join(lib, proposal.SectionFileName(ctx.Library[3])), []byte("mine"), 0o644)
	if files, err := export.Library(lib, ctx.Library, false); !errors.Is(err, export.ErrExists) || len(files) != 0 {
		t.Errorf("library export over a file = %d files, %v; want none and ErrExists", len(files), err)
	}
	if entries, _ := os.ReadDir(lib); len(entries) != 1 {
		t.Errorf("a refused library export wrote %d files", len(entries)-1)
	}
	if files, err := export.Library(lib, ctx.Library, true); err != nil || len(files) != len(ctx.Library) {
		t.Errorf("library export with replace: %d files, %v", len(files), err)
	}
	noTemporaryFiles(t, dir)
	noTemporaryFiles(t, lib)
}
