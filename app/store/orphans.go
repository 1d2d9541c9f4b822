package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// sweepOrphans deletes attachment files no event refers to, neither a
// live one nor one in the bin, and that are no person's photo (photos.go):
// a file attached in an editor that was then cancelled, or removed from an
// event; the photos of an import a crash cut short. The files it may
// delete are those there when the workspace opened (listed then, keys
// only: quick), so a file attached in this session, saved or not yet,
// is never one of them; finding which are used reads every event, and
// every person's summary when some file is no event's, so it runs in the
// background: on a workspace of 100,000 people with a photo it held the
// desktop's start 0.17 s and more before the window could draw. Close
// stops it between its steps; the next open sweeps again.
func (s *Store) sweepOrphans(logline func(string, ...any)) {
	var files []string
	s.db.View(func(txn *badger.Txn) error {
		files = fileIDs(txn)
		return nil
	})
	if len(files) == 0 {
		return // most workspaces: no need to read every event
	}
	s.stopped.Add(1)
	s.sweeping.Add(1)
	go func() {
		defer s.stopped.Done()
		defer s.sweeping.Done()
		if beforeSweep != nil {
			beforeSweep(s)
		}
		if n, err := s.sweepOrphanFiles(files); errors.Is(err, errClosing) {
			return
		} else if err != nil {
			// Not fatal: the workspace works, it only keeps some dead bytes.
			logline("sweeping unused attachments: %v", err)
		} else if n > 0 {
			logline("deleted %d unused attachments", n)
		}
	}()
}

// beforeSweep and beforeSweepDelete, when set (the tests set them), run
// as the sweep starts and as it is about to delete what it found.
var beforeSweep, beforeSweepDelete func(*Store)

// errClosing stops work in the background when the workspace closes.
var errClosing = errors.New("the workspace is closing")

// closing returns errClosing once Close has begun.
func (s *Store) closing() error {
	select {
	case <-s.stop:
		return errClosing
	default:
		return nil
	}
}

// sweepOrphanFiles deletes those of files that are unused (sweepOrphans)
// and returns how many it deleted.
func (s *Store) sweepOrphanFiles(files []string) (int, error) {
	var orphans []string
	err := s.db.View(func(txn *badger.Txn) error {
		used := map[string]bool{}
		events, err := list[dossier.Event](txn, kEvent)
		if err != nil {
			return err
		}
		for _, e := range events {
			for _, a := range e.Attachments {
				used[a.FileID] = true
			}
		}
		if err := s.closing(); err != nil {
			return err
		}
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Seek([]byte("bin/")); it.ValidForPrefix([]byte("bin/")); it.Next() {
			var b binBody
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &b) }); err != nil {
				continue // a damaged bin entry keeps nothing alive, but does not stop the sweep
			}
			for _, r := range append(b.Removed, b.Changed...) {
				if !bytes.HasPrefix(r.Key, kEvent.prefix()) {
					continue
				}
				var e dossier.Event
				if json.Unmarshal(r.Old, &e) == nil {
					for _, a := range e.Attachments {
						used[a.FileID] = true
					}
				}
			}
		}
		for _, id := range files {
			if !used[id] {
				orphans = append(orphans, id)
			}
		}
		if len(orphans) == 0 {
			return nil
		}
		if err := s.closing(); err != nil {
			return err
		}
		// The people's photos, read from the summaries only when some
		// files are no event's.
		if err := photoFiles(txn, used); err != nil {
			return err
		}
		orphans = slices.DeleteFunc(orphans, func(id string) bool { return used[id] })
		return nil
	})
	if err == nil {
		err = s.closing()
	}
	if err != nil || len(orphans) == 0 {
		return 0, err
	}
	if beforeSweepDelete != nil {
		beforeSweepDelete(s)
	}
	err = s.update(func(txn *badger.Txn) error {
		for _, id := range orphans {
			if err := deleteFile(txn, id); err != nil {
				return err
			}
		}
		return nil
	})
	return len(orphans), err
}

// fileIDs lists the IDs of the attachment files in the workspace.
func fileIDs(txn *badger.Txn) []string {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := txn.NewIterator(opt)
	defer it.Close()
	p := []byte("file/")
	var ids []string
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		rest := it.Item().Key()[len(p):]
		i := bytes.IndexByte(rest, '/')
		if i < 0 {
			continue
		}
		if id := string(rest[:i]); len(ids) == 0 || ids[len(ids)-1] != id {
			ids = append(ids, id)
		}
	}
	return ids
}
