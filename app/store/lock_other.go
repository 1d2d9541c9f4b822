//go:build !unix

package store

import (
	"errors"
	"os"
)

// ownLock is false where kamdesk has no flock: Badger takes its own lock
// when it opens, and the checks before that run unlocked.
const ownLock = false

type dirLock struct{}

var errInUse = errors.New("the directory is locked by another process")

func lockDir(string, bool) (*dirLock, error) { return &dirLock{}, nil }

func (*dirLock) unlock() error { return nil }

// isUnsupported: directories cannot be synced on Windows; the removal is
// durable when the system says so.
func isUnsupported(error) bool { return true }

// canWrite: without access(2), a file marked read-only says no.
func canWrite(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().Perm()&0o200 != 0
}
