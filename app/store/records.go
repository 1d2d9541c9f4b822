package store

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// kind describes one record type: its key prefix and how it is indexed.
type kind struct {
	name   string // key prefix and the word in messages ("acct", "person"...)
	noun   string // English noun for messages
	byAcct bool   // indexed under ix/<name>/<account>/<id>
}

var (
	kAccount   = kind{name: "acct", noun: "account"}
	kPerson    = kind{name: "person", noun: "person", byAcct: true}
	kTeam      = kind{name: "team", noun: "team member"}
	kReference = kind{name: "ref", noun: "reference"}
	kEvent     = kind{name: "event", noun: "event", byAcct: true}
	kPromise   = kind{name: "promise", noun: "promise", byAcct: true}
)

func (k kind) key(id string) []byte { return []byte(k.name + "/" + id) }

func (k kind) prefix() []byte { return []byte(k.name + "/") }

func (k kind) ixKey(acct, id string) []byte {
	return []byte("ix/" + k.name + "/" + acct + "/" + id)
}

func (k kind) ixPrefix(acct string) []byte { return []byte("ix/" + k.name + "/" + acct + "/") }

func notFound(k kind, id string) error {
	return fmt.Errorf("no %s with ID %q: %w", k.noun, id, dossier.ErrNotFound)
}

// get decodes the record of kind k with id into v.
func get(txn *badger.Txn, k kind, id string, v any) error {
	item, err := txn.Get(k.key(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return notFound(k, id)
	}
	if err != nil {
		return err
	}
	return item.Value(func(b []byte) error {
		if err := json.Unmarshal(b, v); err != nil {
			return fmt.Errorf("%s %q is damaged: %w", k.noun, id, err)
		}
		return nil
	})
}

func exists(txn *badger.Txn, key []byte) (bool, error) {
	_, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

func put(txn *badger.Txn, k kind, id string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return txn.Set(k.key(id), b)
}

// putOwned writes a record of a kind indexed by account (people, events,
// promises, proposals), moving its index entry when the record moved to
// another account since it was last written.
func putOwned(txn *badger.Txn, k kind, acct, id string, v any) error {
	var old struct {
		AccountID string `json:"account_id"`
	}
	if err := get(txn, k, id, &old); err == nil && old.AccountID != "" && old.AccountID != acct {
		if err := txn.Delete(k.ixKey(old.AccountID, id)); err != nil {
			return err
		}
	}
	if err := txn.Set(k.ixKey(acct, id), nil); err != nil {
		return err
	}
	return put(txn, k, id, v)
}

// list decodes every record of kind k, in key order.
func list[T any](txn *badger.Txn, k kind) ([]T, error) {
	var out []T
	it := txn.NewIterator(badger.DefaultIteratorOptions)
	defer it.Close()
	p := k.prefix()
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		var v T
		err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, &v) })
		if err != nil {
			return nil, fmt.Errorf("%s %q is damaged: %w", k.noun, bytes.TrimPrefix(it.Item().Key(), p), err)
		}
		out = append(out, v)
	}
	return out, nil
}

// idsOf returns the IDs indexed under account acct for kind k.
func idsOf(txn *badger.Txn, k kind, acct string) []string {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := txn.NewIterator(opt)
	defer it.Close()
	p := k.ixPrefix(acct)
	var ids []string
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		ids = append(ids, string(it.Item().Key()[len(p):]))
	}
	return ids
}

// listOf decodes the records of kind k that belong to account acct.
func listOf[T any](txn *badger.Txn, k kind, acct string) ([]T, error) {
	ids := idsOf(txn, k, acct)
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		var v T
		if err := get(txn, k, id, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// NewID returns a fresh record ID made from name: a short readable slug
// and four random characters ("northbridge-k7m2"). Names without Latin
// letters or digits give the fallback word instead of a slug.
func NewID(name, fallback string) string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	var r [4]byte
	if _, err := rand.Read(r[:]); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	suffix := make([]byte, len(r))
	for i, b := range r {
		suffix[i] = alphabet[int(b)%len(alphabet)]
	}
	s := dossier.Slug(name, 24)
	if s == "" {
		s = fallback
	}
	return s + "-" + string(suffix)
}

// stamp sets Created on first save and Updated on every save.
func stamp(created, updated *time.Time, now time.Time) {
	now = now.UTC().Truncate(time.Second)
	if created.IsZero() {
		*created = now
	}
	*updated = now
}

// update runs fn in a read-write transaction, serialised with other
// read-modify-write sequences of this store.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return errors.New("the workspace is closed")
	}
	return s.db.Update(fn)
}

func (s *Store) view(fn func(txn *badger.Txn) error) error {
	return s.db.View(fn)
}

// validID checks an ID passed in by a caller before it is used in a key.
func validID(k kind, id string) error {
	if !dossier.ValidID(id) {
		return fmt.Errorf("%q is not a valid %s ID: %w", id, k.noun, dossier.ErrInvalid)
	}
	return nil
}

// Rules returns the workspace's rules of thumb, defaults filled in.
func (s *Store) Rules() (dossier.Rules, error) {
	var r dossier.Rules
	err := s.view(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("meta/rules"))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error { return json.Unmarshal(b, &r) })
	})
	return r.OrDefault(), err
}

// SaveRules replaces the workspace's rules of thumb.
func (s *Store) SaveRules(r dossier.Rules) error {
	if err := r.Validate(); err != nil {
		return fmt.Errorf("rules: %w", err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error { return txn.Set([]byte("meta/rules"), b) })
}
