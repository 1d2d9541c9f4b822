package store

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// sweepOrphanFiles deletes attachment files no event refers to, neither a
// live one nor one in the bin, and that are no person's photo (photos.go):
// a file attached in an editor that was then cancelled, or removed from an
// event; the photos of an import a crash cut short. It runs when the
// workspace opens, before any editor can hold a file that is not saved
// yet.
func (s *Store) sweepOrphanFiles() (int, error) {
	var orphans []string
	err := s.db.View(func(txn *badger.Txn) error {
		// The files first: most workspaces have none, and then there is
		// no need to read every event.
		files := fileIDs(txn)
		if len(files) == 0 {
			return nil
		}
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
		// The people's photos, read from the summaries only when some
		// files are no event's.
		if err := photoFiles(txn, used); err != nil {
			return err
		}
		orphans = slices.DeleteFunc(orphans, func(id string) bool { return used[id] })
		return nil
	})
	if err != nil || len(orphans) == 0 {
		return 0, err
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
