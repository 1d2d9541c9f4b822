//go:build !unix

package store

import "errors"

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
