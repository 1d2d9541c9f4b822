package store

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

var (
	kSection  = kind{name: "section", noun: "section"}
	kProposal = kind{name: "prop", noun: "proposal", byAcct: true}
)

// Sections returns the section library in proposal order: by kind, then
// by title.
func (s *Store) Sections() ([]proposal.Section, error) {
	var out []proposal.Section
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = list[proposal.Section](txn, kSection)
		return err
	})
	sortSections(out)
	return out, err
}

func sortSections(secs []proposal.Section) {
	slices.SortStableFunc(secs, func(a, b proposal.Section) int {
		if c := cmp.Compare(a.Kind.Rank(), b.Kind.Rank()); c != 0 {
			return c
		}
		if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// Section returns the library section with id.
func (s *Store) Section(id string) (proposal.Section, error) {
	var sec proposal.Section
	err := s.getOne(kSection, id, &sec)
	return sec, err
}

// SaveSection validates sec and writes it to the library, giving it an ID
// when it has none. On success sec carries its ID and time stamps.
// A record without an ID is created (see CreateSection); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SaveSection(sec *proposal.Section) error { return s.saveSection(sec, sec.ID == "") }

// CreateSection adds a new section to the library: without an ID it is
// given a fresh one, with an ID that ID must be free (else the error
// matches dossier.ErrConflict).
func (s *Store) CreateSection(sec *proposal.Section) error { return s.saveSection(sec, true) }

func (s *Store) saveSection(sec *proposal.Section, create bool) error {
	c := *sec
	err := s.update(func(txn *badger.Txn) error { return writeSection(txn, s.now(), &c, create) })
	if err == nil {
		*sec = c
	}
	return err
}

// writeSection is how Save and Put write a section c in txn: it settles
// its ID (claimID says what create means), keeps the stored Created,
// stamps and validates it.
func writeSection(txn *badger.Txn, now time.Time, c *proposal.Section, create bool) error {
	if err := claimID(txn, kSection, &c.ID, create, c.Title, "section"); err != nil {
		return dossier.Err("section {{.Section}}", map[string]any{"Section": label(c.Title, c.ID)}, err)
	}
	if c.Created.IsZero() {
		var old proposal.Section
		if err := get(txn, kSection, c.ID, &old); err == nil {
			c.Created = old.Created
		}
	}
	stamp(&c.Created, &c.Updated, now)
	if err := c.Validate(); err != nil {
		return dossier.Err("section {{.Section}}", map[string]any{"Section": label(c.Title, c.ID)}, err)
	}
	return put(txn, kSection, c.ID, c)
}

// DeleteSection moves the library section to the bin. Proposals that
// follow it keep their items; the readiness check reports the missing
// section until it is restored or the items are removed.
func (s *Store) DeleteSection(id string) (BinEntry, error) {
	sec, err := s.Section(id)
	if err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kSection.noun, sec.Title, func(d *deletion) error {
		return d.remove(kSection.key(id))
	})
}

// ImportSections adds the sections to the library and replaces those whose
// IDs exist, in one transaction: all or nothing. Every section is
// validated first; sections without an ID are added under a fresh one.
// Sections identical to the stored ones are left alone and counted in
// neither added nor updated.
func (s *Store) ImportSections(secs []proposal.Section) (added, updated int, err error) {
	in := make([]proposal.Section, len(secs))
	seen := map[string]bool{}
	var problems []error
	for i, sec := range secs {
		if err := sec.Validate(); err != nil {
			problems = append(problems, dossier.Err("section {{.Section}}", map[string]any{"Section": label(sec.Title, sec.ID)}, err))
		} else if sec.ID != "" && seen[sec.ID] {
			problems = append(problems, dossier.Err(`section ID "{{.ID}}" is imported twice`, map[string]any{"ID": sec.ID}, dossier.ErrConflict))
		}
		seen[sec.ID] = true
		in[i] = sec
	}
	if len(problems) > 0 {
		return 0, 0, errors.Join(problems...)
	}
	err = s.update(func(txn *badger.Txn) error {
		added, updated = 0, 0
		now := s.now()
		for _, sec := range in {
			if sec.ID == "" { // a new section: its ID is drawn here, never one in use
				id, err := reserveID(txn, kSection, sec.Title, "section")
				if err != nil {
					return err
				}
				sec.ID = id
			}
			var old proposal.Section
			err := get(txn, kSection, sec.ID, &old)
			switch {
			case err == nil:
				if sameSection(old, sec) {
					continue
				}
				sec.Created = old.Created
				updated++
			case errors.Is(err, dossier.ErrNotFound):
				added++
			default:
				return err
			}
			stamp(&sec.Created, &sec.Updated, now)
			if err := put(txn, kSection, sec.ID, &sec); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, badger.ErrTxnTooBig) {
		return 0, 0, dossier.Err("the library is too large to import at once; import it in parts", nil, dossier.ErrInvalid)
	}
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}

func sameSection(a, b proposal.Section) bool {
	return a.Title == b.Title && a.Kind == b.Kind && a.Language == b.Language && a.Body == b.Body &&
		maps.Equal(a.Audiences, b.Audiences)
}

// Proposals returns the proposals to account acct, or every proposal when
// acct is empty, most recently updated first.
func (s *Store) Proposals(acct string) ([]proposal.Proposal, error) {
	var out []proposal.Proposal
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = listAllOrOf[proposal.Proposal](txn, kProposal, acct)
		return err
	})
	slices.SortStableFunc(out, func(a, b proposal.Proposal) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, err
}

// Proposal returns the proposal with id.
func (s *Store) Proposal(id string) (proposal.Proposal, error) {
	var p proposal.Proposal
	err := s.getOne(kProposal, id, &p)
	return p, err
}

// SaveProposal validates p and writes it, giving it an ID when it has
// none. The account, the author, the credited team members, the
// references and the library sections its items follow must exist; an
// error naming the missing one matches dossier.ErrNotFound. A customised
// copy of a section carries its own text and may outlive the original.
// A record without an ID is created (see CreateProposal); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SaveProposal(p *proposal.Proposal) error { return s.saveProposal(p, p.ID == "") }

// CreateProposal adds a new proposal: without an ID it is given a fresh
// one, with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreateProposal(p *proposal.Proposal) error { return s.saveProposal(p, true) }

func (s *Store) saveProposal(p *proposal.Proposal, create bool) error {
	return saveRecord(s, p, create, proposalSaving(create, false))
}

// proposalSaving is how Save and Put write proposals; handedOver is set
// for a proposal that comes with the copies of what was sent (see
// checkRevision).
func proposalSaving(create, handedOver bool) saving[proposal.Proposal] {
	return saving[proposal.Proposal]{
		k: kProposal, fallback: "proposal",
		of: func(c *proposal.Proposal) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, account: c.AccountID,
				name: c.Title, label: label(c.Title, c.ID)}
		},
		touched: func(c *proposal.Proposal) touch { return touch{proposals: []string{c.ID}} },
		check: func(txn *badger.Txn, c *proposal.Proposal) error {
			if err := checkRevision(txn, c, create, handedOver); err != nil {
				return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(c.Title, c.ID)}, err)
			}
			if err := checkProposalRefs(txn, c); err != nil {
				return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(c.Title, c.ID)}, err)
			}
			return nil
		},
	}
}

// checkRevision keeps the record of what was sent: a new proposal has no
// sendings and no later revision, and an update follows
// proposal.CheckRevision against the stored proposal. A proposal handed
// over from another workspace keeps its revisions and sendings, the copy
// of each sending stored already; over a stored one it follows
// proposal.CheckHandedOver: sendings are added, none removed or changed.
func checkRevision(txn *badger.Txn, p *proposal.Proposal, create, handedOver bool) error {
	if create && !handedOver {
		if len(p.Sendings) > 0 || p.Rev() > 1 {
			return dossier.Err("a new proposal starts at revision 1 with nothing sent", nil, dossier.ErrInvalid)
		}
		return nil
	}
	var stored proposal.Proposal
	if !create {
		if err := get(txn, kProposal, p.ID, &stored); err != nil {
			return err
		}
		if !handedOver {
			return proposal.CheckRevision(&stored, p)
		}
		if err := proposal.CheckHandedOver(&stored, p); err != nil {
			return err
		}
	}
	for _, sd := range p.Sendings {
		if slices.ContainsFunc(stored.Sendings, func(s proposal.Sending) bool { return s.ID == sd.ID }) {
			continue
		}
		if ok, err := exists(txn, snapPart(p.ID, sd.ID, 0)); err != nil {
			return err
		} else if !ok {
			return dossier.Err("no sent copy {{.Copy}} of proposal {{.Proposal}}", map[string]any{"Copy": sd.ID, "Proposal": p.ID}, dossier.ErrNotFound)
		}
	}
	return nil
}

// checkProposalRefs reports the first record p refers to that does not
// exist, naming the field.
func checkProposalRefs(txn *badger.Txn, p *proposal.Proposal) error {
	must := func(field string, k kind, id string) error {
		ok, err := exists(txn, k.key(id))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: %w", field, notFound(k, id))
		}
		return nil
	}
	if err := must("account_id", kAccount, p.AccountID); err != nil {
		return err
	}
	if p.Author != "" {
		if err := must("author", kTeam, p.Author); err != nil {
			return err
		}
	}
	for _, cr := range p.Credits {
		if err := must("credits", kTeam, cr.MemberID); err != nil {
			return err
		}
	}
	for _, id := range p.References {
		if err := must("references", kReference, id); err != nil {
			return err
		}
	}
	for i, it := range p.Items {
		if it.SectionID != "" && !it.Custom {
			if err := must(fmt.Sprintf("items.%d", i), kSection, it.SectionID); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeleteProposal moves the proposal to the bin, with the copies of what
// was sent.
func (s *Store) DeleteProposal(id string) (BinEntry, error) {
	p, err := s.Proposal(id)
	if err != nil {
		return BinEntry{}, err
	}
	return s.deleteWith(kProposal.noun, p.Title, func(d *deletion) error {
		if err := d.remove(kProposal.key(id)); err != nil {
			return err
		}
		if err := d.removeSent(id); err != nil {
			return err
		}
		return d.remove(kProposal.ixKey(p.AccountID, id))
	})
}

// ProposalContext reads, at one moment, the proposal id and the context
// assembling and checking it needs, as Context gives it but with only the
// team members, references and library sections the proposal names (its
// author and credits, its references, the sections its items follow): an
// export of one proposal reads those, not a whole library of sections.
// What it names and does not exist is left out, as Context leaves it out.
func (s *Store) ProposalContext(id string, today dossier.Date) (proposal.Proposal, *proposal.Context, error) {
	var p proposal.Proposal
	if err := validID(kProposal, id); err != nil {
		return p, nil, err
	}
	var c *proposal.Context
	err := s.view(func(txn *badger.Txn) error {
		if err := get(txn, kProposal, id, &p); err != nil {
			return err
		}
		// The account, the company and the account's people are read
		// beside the records the proposal names (which have goroutines
		// of their own for the sections): they do not depend on them.
		var ctxErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			c, ctxErr = contextIn(txn, &shared{}, p.AccountID, today)
		}()
		sh, err := readNamed(txn, &p)
		<-done
		if err != nil {
			return err
		}
		if ctxErr != nil {
			return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": p.ID}, ctxErr)
		}
		c.Team, c.References, c.Library = sh.team, sh.refs, sh.library
		return nil
	})
	if err != nil {
		return proposal.Proposal{}, nil, err
	}
	return p, c, nil
}

// Context gathers, at one moment, what assembling and checking a proposal
// to account acct needs: the account, its people, the whole team, every
// reference and the whole section library.
func (s *Store) Context(acct string, today dossier.Date) (*proposal.Context, error) {
	if err := validID(kAccount, acct); err != nil {
		return nil, err
	}
	var c *proposal.Context
	err := s.view(func(txn *badger.Txn) error {
		sh, err := readShared(txn)
		if err != nil {
			return err
		}
		c, err = contextIn(txn, &sh, acct, today)
		return err
	})
	return c, err
}
