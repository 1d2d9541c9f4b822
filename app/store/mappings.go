package store

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// The mappings of CSV files' columns the user saved, by name, for the
// imports of a kind of record ("people", "accounts"): each the headers
// of a file's columns and the fields they fill (see app/contacts).
// Key: meta/mapping/<kind>/<name>, the mapping as a JSON object.

func mappingKey(kind, name string) ([]byte, error) {
	if !dossier.ValidID(kind) || !dossier.ValidID(name) {
		return nil, dossier.ErrAs(`"{{.Name}}" is not a valid name for a mapping (lowercase letters, digits, '-' and '_')`, map[string]any{"Name": name}, dossier.ErrInvalid)
	}
	return []byte("meta/mapping/" + kind + "/" + name), nil
}

// SaveMapping keeps the mapping m (header → field) of an import of kind
// under name, replacing the one of that name.
func (s *Store) SaveMapping(kind, name string, m map[string]string) error {
	key, err := mappingKey(kind, name)
	if err != nil {
		return err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error { return txn.Set(key, b) })
}

// Mapping returns the mapping of an import of kind saved under name; an
// error matching dossier.ErrNotFound when there is none.
func (s *Store) Mapping(kind, name string) (map[string]string, error) {
	key, err := mappingKey(kind, name)
	if err != nil {
		return nil, err
	}
	var m map[string]string
	err = s.view(func(txn *badger.Txn) error {
		item, err := txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return dossier.Err(`no saved mapping "{{.Name}}"`, map[string]any{"Name": name}, dossier.ErrNotFound)
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error { return json.Unmarshal(b, &m) })
	})
	return m, err
}

// Mappings returns the names of the mappings of an import of kind, in
// order.
func (s *Store) Mappings(kind string) ([]string, error) {
	prefix := []byte("meta/mapping/" + kind + "/")
	var names []string
	err := s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			names = append(names, strings.TrimPrefix(string(it.Item().Key()), string(prefix)))
		}
		return nil
	})
	return names, err
}
