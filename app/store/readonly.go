package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// readOnlyError is the refusal of a change to a workspace open for
// reading only.
type readOnlyError struct {
	dir  string
	why  string // "kamdesk cannot write in DIR", "it was opened read-only"
	full bool   // the disk is full: the error matches ErrDiskFull too
	// chosen is set when the caller only reads (Options.ForReading) and
	// the workspace could be written.
	chosen bool
}

func (e *readOnlyError) Error() string {
	return fmt.Sprintf("the workspace %s cannot be changed: %s", e.dir, e.why)
}

func (e *readOnlyError) Unwrap() []error {
	if e.full {
		return []error{ErrReadOnly, ErrDiskFull}
	}
	return []error{ErrReadOnly}
}

// ReadOnly tells whether the workspace is open for reading only: every
// change gives an error matching ErrReadOnly. ReadOnlyReason says why.
func (s *Store) ReadOnly() bool { return s.ro != nil && !s.ro.chosen }

// ReadOnlyReason says, in one sentence, why the workspace is open for
// reading only, or "" when it is not.
func (s *Store) ReadOnlyReason() string {
	if !s.ReadOnly() {
		return ""
	}
	return fmt.Sprintf("the workspace %s is open for reading only: %s", s.dir, s.ro.why)
}

// writable returns the error of a change when the workspace is open for
// reading only, or nil.
func (s *Store) writable() error {
	if s.ro != nil {
		return s.ro
	}
	return nil
}

// readOnlyReason returns why the workspace dir (its database in dbDir) is
// to be opened for reading only, or nil: asked to, or kamdesk cannot
// write in it, its database directory or a file of it (a read-only mount,
// a folder without write permission, an immutable file). A workspace that
// does not exist yet is created, so it is writable if its parent is.
func readOnlyReason(dir, dbDir string, asked bool) *readOnlyError {
	if asked {
		return &readOnlyError{dir: dir, why: "it was opened read-only"}
	}
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		return nil
	}
	paths := []string{dir}
	if _, err := os.Stat(dbDir); err == nil {
		paths = append(paths, dbDir)
		entries, _ := os.ReadDir(dbDir)
		for _, e := range entries {
			if e.Type().IsRegular() {
				paths = append(paths, filepath.Join(dbDir, e.Name()))
			}
		}
	}
	for _, p := range paths {
		if !canWrite(p) {
			return &readOnlyError{dir: dir, why: fmt.Sprintf("kamdesk cannot write in %s", p)}
		}
	}
	return nil
}
