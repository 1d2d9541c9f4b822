package store

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// A person's photo is a file of the workspace, as an event's attachment
// is (file/<id>/<chunk>), named by the person's Photo. Each photo is one
// person's own: a save that replaces or removes it deletes the old file
// in the same transaction, erasing the person erases it, purging them
// from the bin deletes it, and the sweep of unused files (orphans.go)
// keeps the photos of the people, found through their summaries, and of
// the people in the bin.

// SavePersonWithPhoto saves p as SavePerson does, with data, the bytes
// of the image file named name, as their photo: checked
// (dossier.NewPhoto), stored and named by p.Photo in the same
// transaction as p, so that the photo is stored only with the person.
// The photo p had is deleted. On success p carries its ID, time stamps
// and Photo.
func (s *Store) SavePersonWithPhoto(p *dossier.Person, name string, data []byte) error {
	ph, err := dossier.NewPhoto(name, data)
	if err != nil {
		return dossier.Err("person {{.Person}}", map[string]any{"Person": label(p.Name, p.ID)}, err)
	}
	ph.FileID = NewID("", "file")
	c := *p
	c.Photo = &ph
	var was personWas
	if err := saveRecord(s, &c, c.ID == "", personSaving(&was, data)); err != nil {
		return err
	}
	*p = c
	return nil
}

// savePhoto writes the bytes of c's new photo (photo, when not nil)
// under a free file ID, or checks that the photo c names is stored, and
// deletes the photo the person had (was) when c has another or none.
func savePhoto(txn *badger.Txn, c *dossier.Person, was *personWas, photo []byte) error {
	if c.Photo != nil && photo != nil {
		id, err := freeFileID(txn, c.Photo.FileID)
		if err != nil {
			return err
		}
		c.Photo.FileID = id
		if err := putFiles(txn, map[string][]byte{id: photo}); err != nil {
			return err
		}
	} else if c.Photo != nil {
		if ok, err := exists(txn, fileKey(c.Photo.FileID, 0)); err != nil {
			return err
		} else if !ok {
			return dossier.Err("person {{.Person}}: photo {{.File}}", map[string]any{"Person": label(c.Name, c.ID), "File": c.Photo.Name}, dossier.ErrNotFound)
		}
	}
	if old := was.Photo; old != nil && dossier.ValidID(old.FileID) && (c.Photo == nil || c.Photo.FileID != old.FileID) {
		return deleteFile(txn, old.FileID)
	}
	return nil
}

// freeFileID returns id when no file has it, else a fresh file ID no file
// has.
func freeFileID(txn *badger.Txn, id string) (string, error) {
	for range newIDTries {
		if dossier.ValidID(id) {
			if taken, err := exists(txn, fileKey(id, 0)); err != nil {
				return "", err
			} else if !taken {
				return id, nil
			}
		}
		id = NewID("", "file")
	}
	return "", dossier.Err("no free file ID after {{.Count}} tries", map[string]any{"Count": newIDTries}, dossier.ErrConflict)
}

// photoFiles adds the file IDs of the people's photos to used: those of
// the people (through their summaries) and those of the people that bin
// entries hold.
func photoFiles(txn *badger.Txn, used map[string]bool) error {
	err := eachSummary(txn, func(p *dossier.Person) error {
		if p.Photo != nil {
			used[p.Photo.FileID] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	return eachBin(txn, func(_ []byte, b *binBody) {
		for _, r := range append(b.Removed, b.Changed...) {
			if id := binnedPhoto(r); id != "" {
				used[id] = true
			}
		}
	})
}

// binnedPhoto is the file ID of the photo of the person a bin record
// holds, "" when it holds none.
func binnedPhoto(r binRecord) string {
	if !bytes.HasPrefix(r.Key, kPerson.prefix()) {
		return ""
	}
	var was personWas
	if json.Unmarshal(r.Old, &was) != nil || was.Photo == nil {
		return ""
	}
	return was.Photo.FileID
}

// purgePhoto deletes the photo of the person the bin record r removed,
// unless a person of the same ID lives with that photo again (brought
// back by an import).
func purgePhoto(txn *badger.Txn, r binRecord) error {
	id := binnedPhoto(r)
	if !dossier.ValidID(id) {
		return nil
	}
	item, err := txn.Get(r.Key)
	if err == nil {
		var live personWas
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &live) }); err == nil && live.Photo != nil && live.Photo.FileID == id {
			return nil
		}
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return err
	}
	return deleteFile(txn, id)
}
