package store

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// EmptyFolder reports whether dir is a folder a backup can be restored
// into without replacing anything: it does not exist, or holds nothing.
func EmptyFolder(dir string) bool {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return true
	}
	return err == nil && len(entries) == 0
}

// LatestGoodBackup is the newest of the backups of the workspace in dir
// that reads back whole (with passphrase, for an encrypted one): a
// damaged newest backup is passed over for the one before it. It fails
// with ErrWrongPassphrase when the passphrase opens none, and when no
// backup is whole with the error of the newest.
func LatestGoodBackup(dir string, passphrase []byte) (Backup, error) {
	list, err := Backups(dir)
	if err != nil {
		return Backup{}, err
	}
	if len(list) == 0 {
		return Backup{}, dossier.Err("the workspace {{.Dir}} has no backup", map[string]any{"Dir": dir}, os.ErrNotExist)
	}
	var first error
	for _, b := range list {
		key, _, err := backupKey(b.Path, passphrase)
		if err == nil {
			_, _, err = checkBackup(b.Path, key)
		}
		if err == nil {
			return b, nil
		}
		if errors.Is(err, ErrPassphraseNeeded) || errors.Is(err, ErrWrongPassphrase) {
			return Backup{}, err
		}
		if first == nil {
			first = err
		}
	}
	return Backup{}, first
}

// Restored says what Restore did.
type Restored struct {
	Backup Backup
	Keys   int
	// Aside is where the database the backup replaced was moved, "" when
	// there was none.
	Aside string
}

// Restore puts the backup at path in place of the database of the
// workspace in dir, which must not be open. The backup is checked whole
// first; the database it replaces (damaged or not) is moved to
// DIR/replaced-YYYYMMDD-HHMMSS, never deleted, and is put back when the
// restore fails. An encrypted backup needs the passphrase it was made
// with, and the workspace it gives is encrypted with it.
func Restore(dir, path string, passphrase []byte) (Restored, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Restored{}, err
	}
	if err := recoverSwap(abs); err != nil {
		return Restored{}, err
	}
	key, params, err := backupKey(path, passphrase)
	if err != nil {
		return Restored{}, err
	}
	h, end, err := checkBackup(path, key)
	if errors.Is(err, ErrWrongPassphrase) {
		time.Sleep(wrongPassphraseDelay)
	}
	if err != nil {
		return Restored{}, err
	}
	res := Restored{Backup: Backup{Path: path, Made: h.Made, Encrypted: key != nil}, Keys: end.Keys}
	if info, err := os.Stat(path); err == nil {
		res.Backup.Size = info.Size()
	}

	dbDir := filepath.Join(abs, "db")
	if _, err := os.Stat(dbDir); err == nil {
		lock, err := lockDir(dbDir, false)
		if errors.Is(err, errInUse) {
			return Restored{}, alreadyOpen(abs)
		}
		if err != nil {
			return Restored{}, err
		}
		defer lock.unlock()
	} else if err := os.MkdirAll(abs, 0o700); err != nil {
		return Restored{}, err
	}

	next := filepath.Join(abs, "db.restoring")
	if err := os.RemoveAll(next); err != nil {
		return Restored{}, err
	}
	if err := loadBackup(next, path, key, end); err != nil {
		os.RemoveAll(next)
		return Restored{}, dossier.Err("restoring {{.Path}}", map[string]any{"Path": path}, err)
	}

	// The swap: the old database, its encryption.json and the exports
	// still to be recorded in it (pending.go) go aside, the restored one
	// takes their place.
	aside := filepath.Join(abs, "replaced-"+time.Now().UTC().Format("20060102-150405"))
	if err := os.Mkdir(aside, 0o700); err != nil {
		os.RemoveAll(next)
		return Restored{}, err
	}
	var moved [][2]string
	undo := func() {
		for i := len(moved) - 1; i >= 0; i-- {
			os.Rename(moved[i][1], moved[i][0])
		}
		os.Remove(aside)
		os.RemoveAll(next)
	}
	for _, name := range []string{"db", "encryption.json", pendingName} {
		from := filepath.Join(abs, name)
		if _, err := os.Lstat(from); errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.Rename(from, filepath.Join(aside, name)); err != nil {
			undo()
			return Restored{}, err
		}
		moved = append(moved, [2]string{from, filepath.Join(aside, name)})
	}
	if params != nil {
		if err := writeJSON(paramsPath(abs), *params); err != nil {
			undo()
			return Restored{}, err
		}
	}
	if err := os.Rename(next, dbDir); err != nil {
		os.Remove(paramsPath(abs))
		undo()
		return Restored{}, err
	}
	syncDir(abs)
	if len(moved) > 0 {
		res.Aside = aside
	} else {
		os.Remove(aside)
	}
	return res, nil
}

// loadBackup loads the backup at path, checked whole and found to hold
// what checked says, into a new database in dir, and checks the database
// holds its keys: Badger's backup stream with Badger's own loader
// (DB.Load), a backup of version 1 key by key.
func loadBackup(dir, path string, key []byte, checked backupEnd) error {
	db, err := badger.Open(cryptOptions(badgerOptions(dir, discardLog{}), key))
	if err != nil {
		return err
	}
	fr, h, err := openBackup(path, key)
	if err == nil {
		if h.Version == 1 {
			err = loadV1(db, fr)
		} else {
			err = loadStream(db, fr, checked.longest)
		}
		fr.close()
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = verifyCount(dir, key, checked.Keys)
	}
	return err
}

// loadV1 writes the keys of the backup of version 1 fr reads into db.
func loadV1(db *badger.DB, fr *frameReader) error {
	wb := db.NewWriteBatch()
	_, err := readV1(fr, func(k, v []byte) error {
		return wb.Set(append([]byte(nil), k...), append([]byte(nil), v...))
	})
	if err != nil {
		wb.Cancel()
		return err
	}
	return wb.Flush()
}
