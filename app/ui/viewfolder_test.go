package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// TestViewFolder: one folder, emptied at start (what a crash left) and on
// request; the same name with other bytes does not overwrite an open file.
func TestViewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "open")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "left by a crash.pdf"), []byte("x"), 0o600)
	v, err := OpenViewFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("the folder kept %d files from the previous run", len(entries))
	}
	a, _ := v.Write("minutes.pdf", []byte("first"))
	b, _ := v.Write("minutes.pdf", []byte("second"))
	c, _ := v.Write("minutes.pdf", []byte("first"))
	if a == b || a != c || filepath.Base(b) != "minutes (2).pdf" {
		t.Errorf("paths %q, %q, %q; want the second beside the first, the third the first", a, b, c)
	}
	if got, _ := os.ReadFile(a); string(got) != "first" {
		t.Errorf("the first file holds %q", got)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm()&0o077 != 0 {
		t.Errorf("the folder is readable by others: %v, %v", info.Mode(), err)
	}
	if err := v.Empty(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left after Empty", len(entries))
	}
}
