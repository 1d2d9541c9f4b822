package store

import (
	"encoding/json"
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// An import too large for one transaction of Badger (a thousand people
// and more) is written in write batches, which a crash can cut short: the
// people written so far would stay, and the import would not be all or
// nothing. So before its first batch the import journals how to undo it,
// in one synced transaction: the keys it adds (the records, their index
// keys and summaries), the files it adds (the photos) and the values of
// the records it changes as they were. The journal goes once the last
// batch is written. An import that fails on the way is undone at once
// (undoImport); one a crash cut short, when the workspace next opens for
// writing (an open for reading only opens it for writing first, as for
// an erasure a crash interrupted).
var importJournal = []byte("meta/import-pending")

// importUndo is what importJournal holds.
type importUndo struct {
	Delete  []string          `json:"delete"`  // keys the import adds
	Files   []string          `json:"files"`   // files it adds
	Restore map[string][]byte `json:"restore"` // a record's key → its value before the import
}

// journalImport writes the journal of the import of recs and of the new
// files of ph.
func (s *Store) journalImport(recs []importRecord, ph importPhotos) error {
	u := importUndo{Restore: map[string][]byte{}}
	err := s.db.View(func(txn *badger.Txn) error {
		for _, r := range recs {
			key := r.k.key(r.id)
			item, err := txn.Get(key)
			if errors.Is(err, badger.ErrKeyNotFound) {
				u.Delete = append(u.Delete, string(key))
				if sk := summaryKey(key); sk != nil {
					u.Delete = append(u.Delete, string(sk))
				}
				if r.k.byAcct {
					u.Delete = append(u.Delete, string(r.k.ixKey(r.acct, r.id)))
				}
				continue
			}
			if err != nil {
				return err
			}
			if u.Restore[string(key)], err = item.ValueCopy(nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for id := range ph.files {
		u.Files = append(u.Files, id)
	}
	b, err := json.Marshal(&u)
	if err != nil {
		return err
	}
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set(importJournal, b) })
}

// importing tells whether an import a crash cut short is left to undo.
func (s *Store) importing() bool { return s.has(importJournal) }

// endImport deletes the journal of an import written whole.
func (s *Store) endImport() error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Delete(importJournal) })
}

// undoImport undoes the journaled import, if any: it deletes what the
// import added and writes back what it changed, then the journal. It is
// safe to run again.
func (s *Store) undoImport() error {
	var u importUndo
	found := false
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(importJournal)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		return item.Value(func(v []byte) error { return json.Unmarshal(v, &u) })
	})
	if err != nil || !found {
		return err
	}
	if err := s.deleteFiles(func(string) bool { return true }, u.Files); err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, k := range u.Delete {
		if err := wb.Delete([]byte(k)); err != nil {
			return err
		}
	}
	for k, v := range u.Restore {
		if err := setRecordIn(wb, []byte(k), v); err != nil {
			return err
		}
	}
	if err := wb.Flush(); err != nil {
		return err
	}
	defer s.changes.note(nil)
	return s.endImport()
}
