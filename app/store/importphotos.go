package store

import (
	"errors"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// The photos of an import of people (ImportPeople): their bytes come with
// the people, each stored under a file ID of its own with them.

// importPhotos is what an import writes and deletes of photo files.
type importPhotos struct {
	files map[string][]byte // the new photos' bytes, by the file IDs drawn for them
	owner map[string]string // the person of each new photo, by file ID
	drop  []string          // the photos of updated people, replaced
}

// importFault, when set (by tests), is called at each step of writing an
// import ("photos written" in the transaction, "people batch" before the
// people's write batch) and fails it with its error.
var importFault = func(step string) error { return nil }

// checkPhotos gives the people of an import who have a new photo (a
// Photo without a FileID) a copy of it with a free file ID, its bytes
// taken from photos by their SHA-256 and checked, and notes the old
// photos of updated people that a new one replaces. It changes the
// people's Photo pointers, never the Photos they pointed to.
func checkPhotos(txn *badger.Txn, added, updated []dossier.Person, photos map[string][]byte) (importPhotos, error) {
	ph := importPhotos{files: map[string][]byte{}, owner: map[string]string{}}
	check := func(p *dossier.Person, was *personWas) error {
		who := map[string]any{"Person": label(p.Name, p.ID)}
		if p.Photo != nil && p.Photo.FileID != "" {
			if ok, err := exists(txn, fileKey(p.Photo.FileID, 0)); err != nil {
				return err
			} else if !ok {
				return dossier.Err("person {{.Person}}: photo {{.File}}", map[string]any{"Person": label(p.Name, p.ID), "File": p.Photo.Name}, dossier.ErrNotFound)
			}
		} else if p.Photo != nil {
			data, ok := photos[p.Photo.SHA256]
			if !ok {
				return dossier.Err("person {{.Person}}: the bytes of their photo are not in the import", who, dossier.ErrInvalid)
			}
			np, err := dossier.NewPhoto(p.Photo.Name, data)
			if err != nil {
				return dossier.Err("person {{.Person}}", who, err)
			}
			if np.SHA256 != p.Photo.SHA256 {
				return dossier.Err("person {{.Person}}: the bytes of their photo are not in the import", who, dossier.ErrInvalid)
			}
			id := ""
			for id == "" || ph.files[id] != nil {
				if id, err = freeFileID(txn, NewID("", "file")); err != nil {
					return err
				}
			}
			np.FileID = id
			p.Photo = &np
			ph.files[id], ph.owner[id] = data, p.ID
		}
		if old := was.Photo; old != nil && dossier.ValidID(old.FileID) && (p.Photo == nil || p.Photo.FileID != old.FileID) {
			ph.drop = append(ph.drop, old.FileID)
		}
		return nil
	}
	for i := range added {
		if err := check(&added[i], &personWas{}); err != nil {
			return ph, err
		}
	}
	for i := range updated {
		var was personWas
		if dossier.ValidID(updated[i].ID) {
			if err := get(txn, kPerson, updated[i].ID, &was); err != nil && !errors.Is(err, dossier.ErrNotFound) {
				return ph, err
			}
		}
		if err := check(&updated[i], &was); err != nil {
			return ph, err
		}
	}
	return ph, nil
}

// writeImportBatch writes an import too large for one transaction: its
// journal (importjournal.go), the photos in a write batch of their own,
// then the people (writeBatch); then the journal goes and the replaced
// photos are deleted. When a step fails, what was written is undone.
func (s *Store) writeImportBatch(recs []importRecord, ph importPhotos) (err error) {
	if err := s.journalImport(recs, ph); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			// What was written goes; when that fails too, the journal
			// stays and the next open undoes it.
			_ = s.undoImport()
		}
	}()
	if len(ph.files) > 0 {
		wb := s.db.NewWriteBatch()
		err := func() error {
			for id, data := range ph.files {
				if err := writeFile(wb.Set, id, data); err != nil {
					return err
				}
			}
			return wb.Flush()
		}()
		wb.Cancel()
		if err != nil {
			return err
		}
	}
	if err := writeBatch(s.db, recs); err != nil {
		return err
	}
	if err := importFault("people written"); err != nil {
		return err
	}
	if err := s.endImport(); err != nil {
		return err
	}
	if len(ph.drop) > 0 {
		// Left for the sweep at the next open when this fails.
		_ = s.deleteFiles(func(string) bool { return true }, ph.drop)
	}
	return nil
}

// deleteFiles deletes the files ids for which del is true, in a write
// batch (an import's photos may be more than a transaction holds).
func (s *Store) deleteFiles(del func(id string) bool, ids []string) error {
	var keys [][]byte
	err := s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		it := txn.NewIterator(opt)
		defer it.Close()
		for _, id := range ids {
			if !dossier.ValidID(id) || !del(id) {
				continue
			}
			p := []byte("file/" + id + "/")
			for it.Seek(p); it.ValidForPrefix(p); it.Next() {
				keys = append(keys, it.Item().KeyCopy(nil))
			}
		}
		return nil
	})
	if err != nil || len(keys) == 0 {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for _, k := range keys {
		if err := wb.Delete(k); err != nil {
			return err
		}
	}
	return wb.Flush()
}
