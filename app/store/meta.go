package store

import (
	"encoding/json"
	"errors"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The workspace's settings: its rules of thumb and our company.

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

// Company returns our company as its proposals present it (the zero
// Company when none is set).
func (s *Store) Company() (proposal.Company, error) {
	var c proposal.Company
	err := s.view(func(txn *badger.Txn) error {
		var err error
		c, err = companyIn(txn)
		return err
	})
	return c, err
}

// companyIn reads the company in txn.
func companyIn(txn *badger.Txn) (proposal.Company, error) {
	var c proposal.Company
	item, err := txn.Get([]byte("meta/company"))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return c, nil
	}
	if err != nil {
		return c, err
	}
	err = item.Value(func(b []byte) error { return json.Unmarshal(b, &c) })
	return c, err
}

// SaveCompany replaces our company's details; its logo is stored as
// proposal.CleanLogo makes it.
func (s *Store) SaveCompany(c proposal.Company) error {
	if err := c.Validate(); err != nil {
		return dossier.Err("company", nil, err)
	}
	if len(c.Logo) > 0 {
		logo, err := proposal.CleanLogo(c.Logo)
		if err != nil {
			return err
		}
		c.Logo = logo
	}
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error { return txn.Set([]byte("meta/company"), b) })
}

// SaveRules replaces the workspace's rules of thumb.
func (s *Store) SaveRules(r dossier.Rules) error {
	if err := r.Validate(); err != nil {
		return dossier.Err("rules", nil, err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.update(func(txn *badger.Txn) error { return txn.Set([]byte("meta/rules"), b) })
}
