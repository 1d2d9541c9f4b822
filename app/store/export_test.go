package store

import (
	"errors"
	"io"
)

// WithoutSync returns o with SyncWrites off: for tests that write a great
// many records to check something other than durability.
func WithoutSync(o Options) Options {
	o.noSync = true
	return o
}

// SetIDRand makes new IDs draw their random characters from r until the
// returned function puts crypto/rand back.
func SetIDRand(r io.Reader) (restore func()) {
	old := idRand
	idRand = r
	return func() { idRand = old }
}

// Plain returns o with compression off, so that tests can search the
// database files for text.
func Plain(o Options) Options {
	o.plain = true
	return o
}

// CrashBeforeSwap makes the next encryption stop, as a crash would, once
// its new database is written and the swap recorded, until restore.
func CrashBeforeSwap() (restore func()) {
	swapHook = func() error { return errors.New("crashed") }
	return func() { swapHook = nil }
}
