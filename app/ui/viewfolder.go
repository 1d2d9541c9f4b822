package ui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"kamdesk/app/export"
	"kamdesk/dossier"
)

// ViewFolder is the one private folder kamdesk opens files from with the
// system's viewer: attachments, previews, copies of what was sent. It
// lives in the workspace (readable by the user only), is emptied when
// kamdesk starts, which clears what a crash left, and when it exits, so
// that clients' files do not pile up in temporary folders.
type ViewFolder struct {
	dir string
	mu  sync.Mutex
}

// OpenViewFolder makes dir the view folder, creating it or emptying what
// a previous run left there.
func OpenViewFolder(dir string) (*ViewFolder, error) {
	v := &ViewFolder{dir: dir}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, dossier.Err("the folder for opening files", nil, err)
	}
	return v, v.Empty()
}

// Dir returns the folder.
func (v *ViewFolder) Dir() string { return v.dir }

// Write puts data into the folder under name (made safe as a file name)
// and returns its path. The same name with the same bytes is the same
// file; another file of that name gets "name (2).ext", and so on.
func (v *ViewFolder) Write(name string, data []byte) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	name = dossier.SafeFileName(name)
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 1000; n++ {
		candidate := name
		if n > 1 {
			candidate = fmt.Sprintf("%s (%d)%s", stem, n, ext)
		}
		path := filepath.Join(v.dir, candidate)
		old, err := os.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(old, data):
			return path, nil
		case err == nil:
			continue
		case !os.IsNotExist(err):
			return "", err
		}
		return path, export.WriteFile(path, data, 0o600)
	}
	return "", dossier.Err("too many files named {{.Name}} are open", map[string]any{"Name": name}, nil)
}

// Empty removes everything in the folder.
func (v *ViewFolder) Empty() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	entries, err := os.ReadDir(v.dir)
	if err != nil {
		return err
	}
	var first error
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(v.dir, e.Name())); err != nil && first == nil {
			first = err
		}
	}
	return first
}
