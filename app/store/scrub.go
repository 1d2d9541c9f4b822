package store

import (
	"errors"
	"os"
	"path/filepath"
)

// An erasure drops the keys it erases and compacts the tables (see
// finish), but a value of 64 KiB or more, an attachment's chunk, lives in
// Badger's value log, and Badger rewrites a value log file only when its
// garbage collection picks it, never the file it is writing to. So an
// erasure also leaves DIR/scrub.pending, and when the workspace closes
// the whole database is copied, key by key, into a new one that takes its
// place (as an encryption does, with swap.json guarding the swap): no old
// file survives. A crash before that leaves the mark, and the rewrite
// happens when the workspace next closes.

func scrubPath(dir string) string { return filepath.Join(dir, "scrub.pending") }

// markScrub asks for the database of dir to be rewritten when it closes.
func markScrub(dir string) error {
	f, err := os.OpenFile(scrubPath(dir), os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return syncDir(dir)
}

// scrubPending reports whether the database of dir waits to be rewritten.
func scrubPending(dir string) bool {
	_, err := os.Stat(scrubPath(dir))
	return err == nil
}

// scrub rewrites the closed database of dir, opened with key, into a new
// one and removes the mark.
func scrub(dir string, key []byte) error {
	var params *keyParams
	if key != nil {
		p, ok, err := readKeyParams(dir)
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("encryption.json is missing")
		}
		params = &p
	}
	if err := convert(dir, key, params, key, false); err != nil {
		return err
	}
	if err := os.Remove(scrubPath(dir)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return syncDir(dir)
}
