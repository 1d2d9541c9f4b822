package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// eraseJournal is the key of an erasure under way: the values it keeps,
// written (synced) before anything is dropped, so that a crash between the
// drop and the writes loses nothing; Open finishes it (finishErase). It
// holds no erased data.
var eraseJournal = []byte("meta/erase-pending")

// journal is what eraseJournal holds: the values to write once the
// touched keys are dropped, and the touched keys.
type journal struct {
	Drop  []string          `json:"drop"`
	Write map[string][]byte `json:"write"`
}

// apply writes an erasure so that no version of a touched key stays in
// the database files: every touched key is made live (DropPrefix only
// drops live keys), dropped with every version through DropPrefix, and
// the values kept are written afresh. Keys that merely have a touched key
// as their prefix ("person/anna-2" of "person/anna") are written back as
// they were.
func (s *Store) apply(e *erasure) error {
	if len(e.order) == 0 {
		return nil
	}
	j := journal{Drop: e.order, Write: map[string][]byte{}}
	for _, k := range e.order {
		if v := e.writes[k]; v != nil {
			j.Write[k] = v
		}
	}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for _, k := range e.order {
			for it.Seek([]byte(k)); it.ValidForPrefix([]byte(k)); it.Next() {
				key := string(it.Item().Key())
				if _, touched := e.writes[key]; touched {
					continue
				}
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return err
				}
				j.Write[key] = v
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	b, err := json.Marshal(&j)
	if err != nil {
		return err
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(eraseJournal, b) }); err != nil {
		return dossier.Err("erasing", nil, err)
	}
	if err := s.finish(&j); err != nil {
		return err
	}
	// A backup of the workspace without what was erased.
	if _, err := s.backUp(s.now()); err != nil {
		fmt.Fprintf(s.logf, "%s kamdesk: after an erasure: %v\n", time.Now().Format(time.RFC3339), err)
	}
	return nil
}

// finish carries out a journaled erasure: it is safe to run again.
func (s *Store) finish(j *journal) error {
	// The backups hold what is erased: they go first, and none is made
	// until the erasure is done (a crash from here on finishes it at the
	// next open, backups included).
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	if err := dropBackups(s.dir); err != nil {
		return dossier.Err("erasing the backups", nil, err)
	}
	// Values in the value log go when the workspace closes (scrub.go).
	if err := markScrub(s.dir); err != nil {
		return dossier.Err("erasing", nil, err)
	}
	defer s.changes.note(nil) // after the erasure, done or not
	keys := make([][]byte, len(j.Drop))
	wb := s.db.NewWriteBatch()
	for i, k := range j.Drop {
		keys[i] = []byte(k)
		if err := wb.Set(keys[i], []byte{0}); err != nil {
			wb.Cancel()
			return err
		}
	}
	if err := wb.Flush(); err != nil {
		return dossier.Err("erasing", nil, err)
	}
	if err := s.db.DropPrefix(keys...); err != nil {
		return dossier.Err("erasing", nil, err)
	}
	wb = s.db.NewWriteBatch()
	defer wb.Cancel()
	for k, v := range j.Write {
		if err := wb.Set([]byte(k), v); err != nil {
			return err
		}
	}
	if err := wb.Delete(eraseJournal); err != nil {
		return err
	}
	if err := wb.Flush(); err != nil {
		return err
	}
	// Older versions of keys the erasure did not touch (an event edited
	// since it named the person) go with a compaction of every level.
	return s.db.Flatten(2)
}

// erasing tells whether an erasure a crash interrupted is left to
// finish.
func (s *Store) erasing() bool { return s.has(eraseJournal) }

// finishErase completes an erasure a crash interrupted, when a workspace
// opens.
func (s *Store) finishErase() error {
	var j *journal
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(eraseJournal)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		j = &journal{}
		return item.Value(func(v []byte) error { return json.Unmarshal(v, j) })
	})
	if err != nil || j == nil {
		return err
	}
	return s.finish(j)
}
