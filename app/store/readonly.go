package store

import (
	"os"
	"path/filepath"

	"kamdesk/dossier"
)

// readOnlyError is the refusal of a change to a workspace open for
// reading only. What a change gets is its message (msg), which the user
// interfaces translate; readOnlyError is what the message wraps, for
// errors.Is (ErrReadOnly, ErrDiskFull) and errors.As.
type readOnlyError struct {
	dir string
	// why is a message: "kamdesk cannot write in DIR", "it was opened
	// read-only"
	why  error
	full bool // the disk is full: the error matches ErrDiskFull too
	// chosen is set when the caller only reads (Options.ForReading) and
	// the workspace could be written.
	chosen bool
}

// msg returns the refusal of a change as a message that matches e.
func (e *readOnlyError) msg() error {
	return dossier.ErrAs("the workspace {{.Path}} cannot be changed: {{.Why}}", map[string]any{"Path": e.dir, "Why": e.why}, e)
}

func (e *readOnlyError) Error() string { return e.msg().Error() }

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
// reading only, or "" when it is not. It is ReadOnlyWhy's English.
func (s *Store) ReadOnlyReason() string {
	if why := s.ReadOnlyWhy(); why != nil {
		return why.Error()
	}
	return ""
}

// ReadOnlyWhy is ReadOnlyReason as a message the user interfaces
// translate (dossier.ErrorIn): "the workspace DIR is open for reading
// only: kamdesk cannot write in DIR", or nil when the workspace is not
// open for reading only. Its Error() is ReadOnlyReason's text.
func (s *Store) ReadOnlyWhy() error {
	if !s.ReadOnly() {
		return nil
	}
	return dossier.Err("the workspace {{.Path}} is open for reading only: {{.Why}}", map[string]any{"Path": s.dir, "Why": s.ro.why}, nil)
}

// writable returns the error of a change when the workspace is open for
// reading only, or nil.
func (s *Store) writable() error {
	if s.ro != nil {
		return s.ro.msg()
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
		return &readOnlyError{dir: dir, why: dossier.Err("it was opened read-only", nil, nil)}
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
			return &readOnlyError{dir: dir, why: dossier.Err("kamdesk cannot write in {{.Path}}", map[string]any{"Path": p}, nil)}
		}
	}
	return nil
}
