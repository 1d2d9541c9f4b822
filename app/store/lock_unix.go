//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
)

// ownLock tells whether kamdesk takes the workspace lock itself (and
// Badger is told to bypass its own). It must, on systems where it can: the
// checks and repairs before Badger opens need the lock already.
const ownLock = true

// dirLock is the lock on a workspace's database directory: flock on the
// directory, exclusive to write, shared to read, as Badger's own lock, so
// that a kamdesk that lets Badger lock is kept out too. The Store holds it
// until Close.
type dirLock struct{ f *os.File }

// errInUse reports that another process holds the lock.
var errInUse = errors.New("the directory is locked by another process")

func lockDir(dir string, shared bool) (*dirLock, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errInUse
		}
		return nil, err
	}
	return &dirLock{f}, nil
}

// unlock lets the lock go explicitly before closing: a child process
// another goroutine is starting shares the open file between its fork
// and its exec, and closing alone would leave the lock held until then
// (a workspace closed and opened again at once was "already open").
func (l *dirLock) unlock() error {
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	return l.f.Close()
}

// isUnsupported tells whether err says the system cannot sync a
// directory; on Unix systems it always can.
func isUnsupported(error) bool { return false }

// canWrite tells whether this process may write to path (for root too:
// a read-only mount or an immutable file says no).
func canWrite(path string) bool { return syscall.Access(path, 2 /* W_OK */) == nil }
