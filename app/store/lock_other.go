//go:build !unix

package store

import (
	"errors"
	"os"
	"path/filepath"
)

// ownLock is false where kamdesk has no flock (Windows): Badger takes its
// own lock (a LOCK file no other process may open, deleted when closed)
// when it opens read-write, and nothing locks a read-only open, which
// Badger does not lock on Windows.
const ownLock = false

type dirLock struct{}

var errInUse = errors.New("the directory is locked by another process")

// lockDir tells, before the checks read the files, whether Badger's lock
// is held: its LOCK file exists and cannot be opened.
func lockDir(dir string, _ bool) (*dirLock, error) {
	f, err := os.Open(filepath.Join(dir, pidFile))
	if err == nil {
		f.Close()
	} else if !os.IsNotExist(err) {
		return nil, errInUse
	}
	return &dirLock{}, nil
}

func (*dirLock) unlock() error { return nil }

// isUnsupported: directories cannot be synced on Windows; the removal is
// durable when the system says so.
func isUnsupported(error) bool { return true }

// canWrite: without access(2), a file marked read-only says no.
func canWrite(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().Perm()&0o200 != 0
}
