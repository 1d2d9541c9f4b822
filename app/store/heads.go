package store

import (
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Lists for choosers. A dialog that offers the accounts or the proposals to
// pick from needs their names, not every field: decoding a few fields of
// each record allocates a fraction of what decoding it whole does, and
// keeps thousands of records' texts out of memory.

// HasAccounts reports whether the workspace holds an account, reading
// one key: the desk's start asks it (the welcome or the accounts list)
// before the list reads them all.
func (s *Store) HasAccounts() (bool, error) {
	found := false
	err := s.view(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		opt.Prefix = kAccount.prefix()
		it := txn.NewIterator(opt)
		defer it.Close()
		it.Rewind()
		found = it.Valid()
		return nil
	})
	return found, err
}

// AccountName is an account as a chooser lists it (dossier.AccountName).
type AccountName = dossier.AccountName

// AccountNames returns the ID and name of every account, in the order of
// Accounts (most important first).
func (s *Store) AccountNames() ([]AccountName, error) {
	type head struct {
		ID           string       `json:"id"`
		Name         string       `json:"name"`
		Tier         dossier.Tier `json:"tier"`
		RevenueShare float64      `json:"revenue_share"`
	}
	var heads []head
	err := s.view(func(txn *badger.Txn) (err error) {
		heads, err = list[head](txn, kAccount)
		return err
	})
	if err != nil {
		return nil, err
	}
	// Sorted as SortAccounts sorts, by the same fields.
	accts := make([]dossier.Account, len(heads))
	for i, h := range heads {
		accts[i] = dossier.Account{ID: h.ID, Name: h.Name, Tier: h.Tier, RevenueShare: h.RevenueShare}
	}
	dossier.SortAccounts(accts)
	out := make([]AccountName, len(accts))
	for i, a := range accts {
		out[i] = AccountName{ID: a.ID, Name: a.Name}
	}
	return out, nil
}

// ProposalHead is a proposal as a chooser or a list row shows it
// (proposal.Head).
type ProposalHead = proposal.Head

// ProposalHeads returns the heads of the proposals to account acct, or of
// every proposal when acct is empty, in the order of Proposals (most
// recently updated first). Proposal(id) reads one in full.
func (s *Store) ProposalHeads(acct string) ([]ProposalHead, error) {
	var out []ProposalHead
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = listAllOrOf[ProposalHead](txn, kProposal, acct)
		return err
	})
	slices.SortStableFunc(out, func(a, b ProposalHead) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, err
}
