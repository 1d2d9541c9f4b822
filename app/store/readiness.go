package store

import (
	"errors"
	"maps"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// readinessCache is the readiness of every proposal as of one generation
// and one day. mu is held while it is worked out, so that callers at the
// same time wait for one computation instead of making their own.
type readinessCache struct {
	mu    sync.Mutex
	valid bool
	gen   uint64
	today dossier.Date
	byID  map[string]proposal.Readiness
}

// Readiness returns the readiness check of every proposal (proposal.Check
// summed up by proposal.ReadinessOf), by proposal ID, as of today. It is
// worked out once per change of the workspace: called again with no
// change since, it returns what it returned before; after saves of
// proposals, accounts, people, events or promises only, it checks again
// the proposals saved and the proposals to the accounts (of the people)
// saved; after any other change (the team, a reference, the library, a
// deletion, a restore, an import) it checks every proposal again, reading
// each account's context once.
//
// It is safe for concurrent use, and meant to be called off the UI
// goroutine. The map is the caller's; the findings in it are shared and
// must not be changed.
func (s *Store) Readiness(today dossier.Date) (map[string]proposal.Readiness, error) {
	c := &s.readiness
	c.mu.Lock()
	defer c.mu.Unlock()
	// The generation is read before the records: a change committed
	// meanwhile makes the next call work again, never a stale answer.
	gen, touched, all := s.changes.since(c.gen)
	switch {
	case !c.valid || all || c.today != today:
		byID, err := s.readinessOfAll(today)
		if err != nil {
			return nil, err
		}
		c.byID = byID
	case gen != c.gen:
		if err := s.readinessOf(today, touched, c.byID); err != nil {
			c.valid = false // c.byID may be half updated
			return nil, err
		}
	}
	c.valid, c.gen, c.today = true, gen, today
	return maps.Clone(c.byID), nil
}

// shared is what every proposal's context holds alike: the team, the
// references and the library, sorted as Context sorts them.
type shared struct {
	team    []dossier.TeamMember
	refs    []dossier.Reference
	library []proposal.Section
}

func readShared(txn *badger.Txn) (sh shared, err error) {
	if sh.team, err = list[dossier.TeamMember](txn, kTeam); err != nil {
		return sh, err
	}
	if sh.refs, err = list[dossier.Reference](txn, kReference); err != nil {
		return sh, err
	}
	if sh.library, err = list[proposal.Section](txn, kSection); err != nil {
		return sh, err
	}
	sh.sort()
	return sh, nil
}

// sort puts the shared records in the order Context gives them.
func (sh *shared) sort() {
	sortBy(sh.team, func(m dossier.TeamMember) string { return m.Name })
	sortReferences(sh.refs)
	sortSections(sh.library)
}

// contextIn reads the context of account acct in txn, as Context does,
// with the shared records of sh (not copied: the check only reads them).
func contextIn(txn *badger.Txn, sh *shared, acct string, today dossier.Date) (*proposal.Context, error) {
	c := &proposal.Context{Today: today, Team: sh.team, References: sh.refs, Library: sh.library}
	if err := get(txn, kAccount, acct, &c.Account); err != nil {
		return nil, err
	}
	var err error
	if c.Company, err = companyIn(txn); err != nil {
		return nil, err
	}
	if c.People, err = listOf[dossier.Person](txn, kPerson, acct); err != nil {
		return nil, err
	}
	dossier.SortPeople(c.People)
	return c, nil
}

// Contexts returns the contexts of the accounts accts, as Context does,
// read at one moment, with the team, the references and the library read
// once and shared among them (they must not be changed): a list of
// proposals that read them for each account read the references of every
// account once per account.
func (s *Store) Contexts(accts []string, today dossier.Date) (map[string]*proposal.Context, error) {
	for _, acct := range accts {
		if err := validID(kAccount, acct); err != nil {
			return nil, err
		}
	}
	var out map[string]*proposal.Context
	err := s.view(func(txn *badger.Txn) error {
		sh, err := readShared(txn)
		if err != nil {
			return err
		}
		out, err = contextsIn(txn, &sh, accts, today)
		return err
	})
	return out, err
}

// contextsIn reads the context of each account of accts once, in txn,
// with the shared records of sh.
func contextsIn(txn *badger.Txn, sh *shared, accts []string, today dossier.Date) (map[string]*proposal.Context, error) {
	out := map[string]*proposal.Context{}
	for _, acct := range accts {
		if _, ok := out[acct]; ok {
			continue
		}
		c, err := contextIn(txn, sh, acct, today)
		if err != nil {
			return nil, err
		}
		out[acct] = c
	}
	return out, nil
}

// readinessOfAll checks every proposal, at one moment.
func (s *Store) readinessOfAll(today dossier.Date) (map[string]proposal.Readiness, error) {
	out := map[string]proposal.Readiness{}
	err := s.view(func(txn *badger.Txn) error {
		sh, err := readShared(txn)
		if err != nil {
			return err
		}
		props, err := list[proposal.Proposal](txn, kProposal)
		if err != nil {
			return err
		}
		accts := make([]string, len(props))
		for i := range props {
			accts[i] = props[i].AccountID
		}
		ctxs, err := contextsIn(txn, &sh, accts, today)
		if err != nil {
			return err
		}
		for i := range props {
			p := &props[i]
			out[p.ID] = proposal.ReadinessOf(proposal.Check(p, ctxs[p.AccountID]))
		}
		return nil
	})
	return out, err
}

// readinessOf checks the proposals t touched again, at one moment, into
// byID: those with its IDs and those to its accounts. Those that are gone
// leave byID.
func (s *Store) readinessOf(today dossier.Date, t touch, byID map[string]proposal.Readiness) error {
	if len(t.proposals) == 0 && len(t.accounts) == 0 {
		return nil
	}
	return s.view(func(txn *badger.Txn) error {
		sh, err := readShared(txn)
		if err != nil {
			return err
		}
		ids := t.proposals
		for _, acct := range t.accounts {
			if acct != "" {
				ids = append(ids, idsOf(txn, kProposal, acct)...)
			}
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue // saved more than once since
			}
			seen[id] = true
			var p proposal.Proposal
			if err := get(txn, kProposal, id, &p); errors.Is(err, dossier.ErrNotFound) {
				delete(byID, id)
				continue
			} else if err != nil {
				return err
			}
			ctx, err := contextIn(txn, &sh, p.AccountID, today)
			if err != nil {
				return err
			}
			byID[id] = proposal.ReadinessOf(proposal.Check(&p, ctx))
		}
		return nil
	})
}
