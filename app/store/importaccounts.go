package store

import (
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// ImportAccounts adds the accounts of added and saves the changed
// accounts of updated, all or nothing: an import of accounts from CSV
// files (see app/contacts), as ImportPeople is one of people.
//
// Each account is checked as SaveAccount checks it (valid, its owner a
// team member). An account of added keeps its ID when it is free (no
// record has it, none in the bin had it, no other of the import has
// it), else gets another; an account of updated must be in the
// workspace as read, with the same Updated time (else the error matches
// dossier.ErrConflict: changed meanwhile). Nothing is written unless
// every account checks out. On success added and updated hold the
// accounts as saved (IDs, time stamps).
func (s *Store) ImportAccounts(added, updated []dossier.Account) error {
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
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		recs, err = checkAccounts(txn, added, updated, s.now())
		return err
	})
	if err != nil {
		return err
	}
	if err := s.writeImported(recs, importPhotos{}); err != nil {
		return err
	}
	copy(inAdded, added)
	copy(inUpdated, updated)
	return nil
}

// checkAccounts checks the accounts of an import against each other and
// the workspace seen by txn, settles the IDs of added, stamps them all
// and returns them encoded.
func checkAccounts(txn *badger.Txn, added, updated []dossier.Account, now time.Time) ([]importRecord, error) {
	batch := make(map[string]bool, len(added)+len(updated))
	err := checkUpdated(txn, kAccount, updated, func(a *dossier.Account) string { return a.ID }, func(was, a *dossier.Account) error {
		if !was.Updated.Equal(a.Updated) || batch[a.ID] {
			return dossier.Err("account {{.Account}} changed meanwhile; import again", map[string]any{"Account": label(a.Name, a.ID)}, dossier.ErrConflict)
		}
		batch[a.ID] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range added {
		a := &added[i]
		var err error
		if a.ID, err = freeImportID(txn, kAccount, a.ID, a.Name, func(id string) bool { return batch[id] }); err != nil {
			return nil, err
		}
		batch[a.ID] = true
	}
	team := map[string]bool{}
	out := make([]importRecord, 0, len(batch))
	for _, as := range [][]dossier.Account{added, updated} {
		for i := range as {
			a := &as[i]
			stamp(&a.Created, &a.Updated, now)
			if err := a.Validate(); err != nil {
				return nil, dossier.Err("account {{.Account}}", map[string]any{"Account": label(a.Name, a.ID)}, err)
			}
			if a.Owner != "" && !team[a.Owner] {
				if ok, err := exists(txn, kTeam.key(a.Owner)); err != nil {
					return nil, err
				} else if !ok {
					return nil, dossier.Err("account {{.Account}}: owner", map[string]any{"Account": label(a.Name, a.ID)}, notFound(kTeam, a.Owner))
				}
				team[a.Owner] = true
			}
			b, err := json.Marshal(a)
			if err != nil {
				return nil, err
			}
			out = append(out, importRecord{k: kAccount, id: a.ID, value: b})
		}
	}
	return out, nil
}
