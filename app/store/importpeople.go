package store

import (
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// ImportPeople adds the people of added and saves the changed people of
// updated, all or nothing: an import of contacts (see app/contacts).
//
// Each person is checked as SavePerson checks it (valid, their account
// there, their manager of the same account without a loop), a manager
// may be one of added. A person of added keeps their ID when it is free
// (no record has it, none in the bin had it, no other of added has it),
// else gets another, and the people of added who report to them follow;
// a person of updated must be in the workspace as read, with the same
// Updated time (else the error matches dossier.ErrConflict: changed
// meanwhile). Nothing is written unless every person checks out; then
// they are written in one transaction, or when they are too many for one
// (thousands) in one write batch after the room on the disk was checked,
// as Import writes. On success added and updated hold the people as
// saved (IDs, time stamps).
//
// A person whose Photo has no FileID has a new photo: its bytes are
// photos[Photo.SHA256] (a card's photo, see app/contacts), checked as
// dossier.NewPhoto checks them and stored under a file ID of their own,
// in the same transaction as the people: a photo is stored only with its
// person. In the write batch the photos go first, in a batch of their
// own, so that no person names a photo that is not there; a failure
// after them deletes those no person names. A person updated with
// another photo than theirs loses the old one, as with SavePersonWithPhoto.
func (s *Store) ImportPeople(added, updated []dossier.Person, photos map[string][]byte) error {
	if err := s.writable(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return errors.New("the workspace is closed")
	}
	inAdded, inUpdated := added, updated
	added, updated = slices.Clone(added), slices.Clone(updated)
	var recs []importRecord
	var ph importPhotos
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		if ph, err = checkPhotos(txn, added, updated, photos); err != nil {
			return err
		}
		recs, err = checkPeople(txn, added, updated, s.now())
		return err
	})
	if err != nil {
		return err
	}
	if err := s.writeImported(recs, ph); err != nil {
		return err
	}
	copy(inAdded, added)
	copy(inUpdated, updated)
	return nil
}

// writeImported writes the records of an import checked, with the
// photos of ph, in one transaction, or when they are too many for one
// (thousands) in write batches after the room on the disk was checked
// (writeImportBatch). s.mu is held.
func (s *Store) writeImported(recs []importRecord, ph importPhotos) error {
	size := int64(saveBudget)
	for _, r := range recs {
		size += int64(len(r.value)) + 64
	}
	for _, f := range ph.files {
		size += int64(len(f)) + 64
	}
	if err := s.room(size); err != nil {
		return err
	}
	defer s.changes.note(nil) // after the commit, written or not
	err := s.db.Update(func(txn *badger.Txn) error {
		if err := putFiles(txn, ph.files); err != nil {
			return err
		}
		if err := importFault("photos written"); err != nil {
			return err
		}
		for _, id := range ph.drop {
			if err := deleteFile(txn, id); err != nil {
				return err
			}
		}
		for _, r := range recs {
			if r.k.byAcct {
				if err := txn.Set(r.k.ixKey(r.acct, r.id), nil); err != nil {
					return err
				}
			}
			if err := setRecord(txn, r.k.key(r.id), r.value); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		err = s.writeImportBatch(recs, ph)
	}
	if err != nil {
		return dossier.Err("import", nil, err)
	}
	return nil
}

func writeBatch(db *badger.DB, recs []importRecord) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	if err := importFault("people batch"); err != nil {
		return err
	}
	for _, r := range recs {
		if r.k.byAcct {
			if err := wb.Set(r.k.ixKey(r.acct, r.id), nil); err != nil {
				return err
			}
		}
		if err := setRecordIn(wb, r.k.key(r.id), r.value); err != nil {
			return err
		}
	}
	return wb.Flush()
}

// checkPeople checks the people of an import against each other and the
// workspace seen by txn, settles the IDs of added, stamps them all and
// returns them encoded.
func checkPeople(txn *badger.Txn, added, updated []dossier.Person, now time.Time) ([]importRecord, error) {
	batch := make(map[string]*dossier.Person, len(added)+len(updated))
	err := checkUpdated(txn, kPerson, updated, func(p *dossier.Person) string { return p.ID }, func(was, p *dossier.Person) error {
		if !was.Updated.Equal(p.Updated) || was.AccountID != p.AccountID {
			return dossier.Err("person {{.Person}} changed meanwhile; import again", map[string]any{"Person": label(p.Name, p.ID)}, dossier.ErrConflict)
		}
		batch[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, err
	}
	renamed := map[string]string{} // an ID of added taken → the one drawn instead
	for i := range added {
		p := &added[i]
		was := p.ID
		var err error
		if p.ID, err = freeImportID(txn, kPerson, p.ID, p.Name, func(id string) bool { return batch[id] != nil }); err != nil {
			return nil, err
		}
		if was != "" && p.ID != was {
			renamed[was] = p.ID
		}
		batch[p.ID] = p
	}
	for i := range added {
		if id, ok := renamed[added[i].ReportsTo]; ok {
			added[i].ReportsTo = id
		}
	}
	accounts := map[string]bool{}
	out := make([]importRecord, 0, len(batch))
	check := func(p *dossier.Person) error {
		stamp(&p.Created, &p.Updated, now)
		if err := p.Validate(); err != nil {
			return dossier.Err("person {{.Person}}", map[string]any{"Person": label(p.Name, p.ID)}, err)
		}
		if !accounts[p.AccountID] {
			if ok, err := exists(txn, kAccount.key(p.AccountID)); err != nil {
				return err
			} else if !ok {
				return dossier.Err("person {{.Person}}", map[string]any{"Person": label(p.Name, p.ID)}, notFound(kAccount, p.AccountID))
			}
			accounts[p.AccountID] = true
		}
		seen := map[string]bool{p.ID: true}
		for id := p.ReportsTo; id != ""; {
			if seen[id] {
				return dossier.Err("person {{.Person}}: reports_to: the reporting line would loop back to them",
					map[string]any{"Person": label(p.Name, p.ID)}, dossier.ErrConflict)
			}
			seen[id] = true
			m := batch[id]
			if m == nil {
				m = &dossier.Person{}
				if err := get(txn, kPerson, id, m); err != nil {
					return dossier.Err("person {{.Person}}: reports_to", map[string]any{"Person": label(p.Name, p.ID)}, err)
				}
			}
			if m.AccountID != p.AccountID {
				return dossier.Err("person {{.Person}}: reports_to: {{.Manager}} works for another account",
					map[string]any{"Person": label(p.Name, p.ID), "Manager": m.Name}, dossier.ErrConflict)
			}
			id = m.ReportsTo
		}
		b, err := json.Marshal(p)
		if err != nil {
			return err
		}
		out = append(out, importRecord{k: kPerson, id: p.ID, acct: p.AccountID, value: b})
		return nil
	}
	for _, pp := range [][]dossier.Person{added, updated} {
		for i := range pp {
			if err := check(&pp[i]); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// checkUpdated checks that each record r of updated, of kind k, is still
// in the workspace seen by txn: its ID (id(r)) valid and a record there
// with it (else an error matching dossier.ErrConflict: deleted
// meanwhile). Then unchanged(was, r), was that record as stored, returns
// an error when r is not as read (its Updated time another), which stops
// the check.
func checkUpdated[T any](txn *badger.Txn, k kind, updated []T, id func(*T) string, unchanged func(was, r *T) error) error {
	for i := range updated {
		r := &updated[i]
		if err := validID(k, id(r)); err != nil {
			return err
		}
		var was T
		if err := get(txn, k, id(r), &was); err != nil {
			if errors.Is(err, dossier.ErrNotFound) {
				return dossier.Err(`the {{.Kind}} "{{.ID}}" to update is not in the workspace (deleted meanwhile?)`,
					map[string]any{"Kind": k.noun, "ID": id(r)}, dossier.ErrConflict)
			}
			return err
		}
		if err := unchanged(&was, r); err != nil {
			return err
		}
	}
	return nil
}

// freeImportID is id, when it is one and no record of kind k has it or
// had it (its tombstone) and taken(id) is false (another record of the
// import has it), else an ID drawn from name that is free so.
func freeImportID(txn *badger.Txn, k kind, id, name string, taken func(id string) bool) (string, error) {
	used := id == "" || !dossier.ValidID(id) || taken(id)
	for tries := 0; ; tries++ {
		if !used {
			var err error
			if used, err = exists(txn, k.key(id)); err == nil && !used {
				used, err = exists(txn, tombKey(k.key(id)))
			}
			if err != nil {
				return "", err
			}
		}
		if !used {
			return id, nil
		}
		if tries == newIDTries {
			return "", dossier.Err("no free {{.Kind}} ID after {{.Count}} tries", map[string]any{"Kind": k.noun, "Count": newIDTries}, dossier.ErrConflict)
		}
		id = NewID(name, k.noun)
		used = taken(id)
	}
}
