package store

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Deleting never loses data at once: the records a deletion removes, and
// the old values of records it had to change (people who reported to a
// deleted manager), go into the bin, from where Restore puts them back.

// BinEntry is one deletion that can be undone.
type BinEntry = dossier.BinEntry

type binRecord struct {
	Key []byte `json:"k"`
	Old []byte `json:"o"`
	New []byte `json:"n,omitempty"` // for changed records: what the deletion wrote
}

type binBody struct {
	BinEntry
	Removed []binRecord `json:"removed"`
	Changed []binRecord `json:"changed"`
}

// deletion gathers what one deletion removes and changes, inside a
// transaction.
type deletion struct {
	txn  *badger.Txn
	body binBody
}

func (d *deletion) remove(key []byte) error {
	item, err := d.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	old, err := item.ValueCopy(nil)
	if err != nil {
		return err
	}
	d.body.Removed = append(d.body.Removed, binRecord{Key: bytes.Clone(key), Old: old})
	if isRecordKey(key) {
		if err := d.txn.Set(tombKey(key), nil); err != nil {
			return err
		}
	}
	return deleteRecord(d.txn, key)
}

// A tomb (gone/<record key>, empty value) marks the ID of a record that
// waits in the bin, so that no new record is given it (reserveID) while
// the deletion can still be undone. Restore and Purge remove it.
func tombKey(recordKey []byte) []byte { return append([]byte("gone/"), recordKey...) }

// recordKinds are the kinds whose records can be deleted into the bin.
var recordKinds = []kind{kAccount, kPerson, kTeam, kReference, kEvent, kPromise, kSection, kProposal}

// isRecordKey reports whether key is a record's own key (not an index
// entry or attachment bytes).
func isRecordKey(key []byte) bool {
	for _, k := range recordKinds {
		if bytes.HasPrefix(key, k.prefix()) {
			return true
		}
	}
	return false
}

// buryRemoved writes the tombs of the records a bin entry holds, for
// workspaces written before tombs existed (schema 1).
func buryRemoved(txn *badger.Txn) error {
	var tombs [][]byte
	it := txn.NewIterator(badger.DefaultIteratorOptions)
	p := []byte("bin/")
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		var b binBody
		if it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &b) }) != nil {
			continue // a damaged entry cannot be restored anyway
		}
		for _, r := range b.Removed {
			if isRecordKey(r.Key) {
				tombs = append(tombs, tombKey(r.Key))
			}
		}
	}
	it.Close()
	for _, k := range tombs {
		if err := txn.Set(k, nil); err != nil {
			return err
		}
	}
	return nil
}

func (d *deletion) change(k kind, id string, old, updated any) error {
	ob, err := json.Marshal(old)
	if err != nil {
		return err
	}
	nb, err := json.Marshal(updated)
	if err != nil {
		return err
	}
	d.body.Changed = append(d.body.Changed, binRecord{Key: k.key(id), Old: ob, New: nb})
	return setRecord(d.txn, k.key(id), nb)
}

// removeOwned removes the records of kind k indexed under account acct.
func (d *deletion) removeOwned(k kind, acct string) error {
	for _, id := range idsOf(d.txn, k, acct) {
		if err := d.remove(k.key(id)); err != nil {
			return err
		}
		if err := d.remove(k.ixKey(acct, id)); err != nil {
			return err
		}
	}
	return nil
}

// deleteWith runs fill in a transaction and files what it removed in the
// bin.
func (s *Store) deleteWith(what, label string, fill func(d *deletion) error) (BinEntry, error) {
	var entry BinEntry
	err := s.update(func(txn *badger.Txn) error {
		d := &deletion{txn: txn}
		if err := fill(d); err != nil {
			return err
		}
		now := s.now().UTC()
		// The ID sorts by deletion time; random bytes keep two deletions
		// in the same instant (or under a test's fixed clock) apart.
		var seq [12]byte
		binary.BigEndian.PutUint64(seq[:8], uint64(now.UnixNano()))
		if _, err := rand.Read(seq[8:]); err != nil {
			return err
		}
		d.body.BinEntry = BinEntry{ID: hex.EncodeToString(seq[:]), Deleted: now.Truncate(time.Second),
			What: what, Label: label, Records: len(d.body.Removed)}
		b, err := json.Marshal(&d.body)
		if err != nil {
			return err
		}
		entry = d.body.BinEntry
		return txn.Set([]byte("bin/"+entry.ID), b)
	})
	return entry, err
}

// DeleteAccount moves the account, its people, events, promises and
// proposals (with the copies of what was sent) to the bin.
func (s *Store) DeleteAccount(id string) (BinEntry, error) {
	a, err := s.Account(id)
	if err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kAccount.noun, a.Name, func(d *deletion) error {
		if err := d.remove(kAccount.key(id)); err != nil {
			return err
		}
		for _, prop := range idsOf(d.txn, kProposal, id) {
			if err := d.removeSent(prop); err != nil {
				return err
			}
		}
		for _, k := range ownedByAccount {
			if err := d.removeOwned(k, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// ownedByAccount lists the kinds that go with an account when it is
// deleted.
var ownedByAccount = []kind{kPerson, kEvent, kPromise, kProposal}

// DeletePerson moves the person to the bin. People who reported to them
// now report to their manager; restoring puts that back.
func (s *Store) DeletePerson(id string) (BinEntry, error) {
	p, err := s.Person(id)
	if err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kPerson.noun, p.Name, func(d *deletion) error {
		people, err := listOf[dossier.Person](d.txn, kPerson, p.AccountID)
		if err != nil {
			return err
		}
		for _, r := range people {
			if r.ReportsTo == id {
				n := r
				n.ReportsTo = p.ReportsTo
				if err := d.change(kPerson, r.ID, r, n); err != nil {
					return err
				}
			}
		}
		if err := d.remove(kPerson.key(id)); err != nil {
			return err
		}
		return d.remove(kPerson.ixKey(p.AccountID, id))
	})
}

// DeleteTeamMember moves the team member to the bin; accounts they owned
// lose their owner until the deletion is undone.
func (s *Store) DeleteTeamMember(id string) (BinEntry, error) {
	m, err := s.TeamMember(id)
	if err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kTeam.noun, m.Name, func(d *deletion) error {
		accounts, err := list[dossier.Account](d.txn, kAccount)
		if err != nil {
			return err
		}
		for _, a := range accounts {
			if a.Owner == id {
				n := a
				n.Owner = ""
				if err := d.change(kAccount, a.ID, a, n); err != nil {
					return err
				}
			}
		}
		return d.remove(kTeam.key(id))
	})
}

// DeleteReference moves the reference to the bin.
func (s *Store) DeleteReference(id string) (BinEntry, error) {
	r, err := s.Reference(id)
	if err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kReference.noun, r.Project, func(d *deletion) error {
		return d.remove(kReference.key(id))
	})
}

// DeleteEvent moves the event to the bin.
func (s *Store) DeleteEvent(id string) (BinEntry, error) {
	var e dossier.Event
	if err := s.getOne(kEvent, id, &e); err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kEvent.noun, e.Title, func(d *deletion) error {
		if err := d.remove(kEvent.key(id)); err != nil {
			return err
		}
		return d.remove(kEvent.ixKey(e.AccountID, id))
	})
}

// DeletePromise moves the promise to the bin.
func (s *Store) DeletePromise(id string) (BinEntry, error) {
	var p dossier.Promise
	if err := s.getOne(kPromise, id, &p); err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kPromise.noun, p.Text, func(d *deletion) error {
		if err := d.remove(kPromise.key(id)); err != nil {
			return err
		}
		return d.remove(kPromise.ixKey(p.AccountID, id))
	})
}

func (s *Store) getOne(k kind, id string, v any) error {
	if err := validID(k, id); err != nil {
		return err
	}
	return s.view(func(txn *badger.Txn) error { return get(txn, k, id, v) })
}

// Bin lists the deletions that can be undone, newest first.
func (s *Store) Bin() ([]BinEntry, error) {
	var out []BinEntry
	err := s.view(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.Reverse = true
		it := txn.NewIterator(opt)
		defer it.Close()
		p := []byte("bin/")
		for it.Seek([]byte("bin/\xff")); it.ValidForPrefix(p); it.Next() {
			var b binBody
			if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &b) }); err != nil {
				return dossier.Err("bin entry {{.Key}} is damaged", map[string]any{"Key": string(it.Item().Key())}, err)
			}
			out = append(out, b.BinEntry)
		}
		return nil
	})
	return out, err
}

// Restore undoes the deletion id: removed records come back unless a
// record with the same key was created since, and changed records get
// their old values back unless they were edited since.
func (s *Store) Restore(id string) error {
	return s.update(func(txn *badger.Txn) error {
		key := []byte("bin/" + id)
		var b binBody
		item, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return dossier.Err(`nothing to restore under "{{.ID}}"`, map[string]any{"ID": id}, dossier.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &b) }); err != nil {
			return dossier.Err("bin entry {{.Key}} is damaged", map[string]any{"Key": id}, err)
		}
		for _, r := range b.Removed {
			if ok, err := exists(txn, r.Key); err != nil {
				return err
			} else if !ok {
				if err := setRecord(txn, r.Key, r.Old); err != nil {
					return err
				}
			}
			if isRecordKey(r.Key) {
				if err := txn.Delete(tombKey(r.Key)); err != nil {
					return err
				}
			}
		}
		for _, r := range b.Changed {
			item, err := txn.Get(r.Key)
			if errors.Is(err, badger.ErrKeyNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			cur, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			if bytes.Equal(cur, r.New) {
				if err := setRecord(txn, r.Key, r.Old); err != nil {
					return err
				}
			}
		}
		return txn.Delete(key)
	})
}

// Purge deletes a bin entry for good, with the files of events and the
// photos of people it held.
func (s *Store) Purge(id string) error {
	return s.update(func(txn *badger.Txn) error {
		key := []byte("bin/" + id)
		var b binBody
		item, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return dossier.Err(`no bin entry "{{.ID}}"`, map[string]any{"ID": id}, dossier.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &b) }); err != nil {
			return err
		}
		for _, r := range b.Removed {
			if isRecordKey(r.Key) {
				if err := txn.Delete(tombKey(r.Key)); err != nil {
					return err
				}
			}
			if err := purgePhoto(txn, r); err != nil {
				return err
			}
			if !bytes.HasPrefix(r.Key, kEvent.prefix()) {
				continue
			}
			var e dossier.Event
			if json.Unmarshal(r.Old, &e) != nil {
				continue
			}
			for _, a := range e.Attachments {
				if err := deleteFile(txn, a.FileID); err != nil {
					return err
				}
			}
		}
		return txn.Delete(key)
	})
}
