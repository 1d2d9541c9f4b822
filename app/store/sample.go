package store

import (
	"bytes"
	"encoding/json"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Sample is the file format of the sample workspace: dossier records, a
// section library and proposals, whose plan, event and proposal dates are
// written relative to Anchor and moved to the day of loading, so the
// sample always looks current.
type Sample struct {
	Anchor dossier.Date `json:"anchor"`
	// Company is the sample's own company, the house style its exports
	// show; a workspace that has a company keeps its own.
	Company   proposal.Company    `json:"company"`
	Workspace dossier.Workspace   `json:"workspace"`
	Library   []proposal.Section  `json:"library"`
	Proposals []proposal.Proposal `json:"proposals"`
}

// ParseSample decodes and checks a sample workspace file.
func ParseSample(data []byte) (*Sample, error) {
	var smp Sample
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&smp); err != nil {
		return nil, dossier.Err("sample workspace", nil, err)
	}
	if smp.Anchor.IsZero() {
		return nil, dossier.Err("sample workspace: no anchor date", nil, dossier.ErrInvalid)
	}
	if err := smp.Company.Validate(); err != nil {
		return nil, dossier.Err("sample workspace: company", nil, err)
	}
	return &smp, nil
}

// LoadSample adds the records of the sample workspace data (dossier,
// section library and proposals) that are not in the workspace yet, with
// dates moved so the anchor falls on today. Running
// it again changes nothing: records whose IDs exist are left as they are,
// edits included; so is the workspace's company, when it has one. It
// returns how many records it added.
//
// The sample's sent proposals are recorded as sent with a copy of what
// went to the client, made by snapshot; with a nil snapshot they count
// as sent before copies were kept.
func (s *Store) LoadSample(data []byte, today dossier.Date, snapshot MakeSnapshot) (int, error) {
	smp, err := ParseSample(data)
	if err != nil {
		return 0, err
	}
	w := &smp.Workspace
	shift := smp.Anchor.DaysUntil(today)
	w.ShiftDates(shift)
	now := s.now()
	company, err := s.Company()
	if err != nil {
		return 0, err
	}
	if !company.IsZero() {
		smp.Company = company // the sent copies show the workspace's own
	}
	type rec struct {
		k     kind
		id    string
		acct  string
		v     any
		check func() error
	}
	var recs []rec
	for i := range w.Team {
		m := &w.Team[i]
		stamp(&m.Created, &m.Updated, now)
		recs = append(recs, rec{kTeam, m.ID, "", m, m.Validate})
	}
	for i := range w.References {
		r := &w.References[i]
		stamp(&r.Created, &r.Updated, now)
		recs = append(recs, rec{kReference, r.ID, "", r, r.Validate})
	}
	for i := range w.Accounts {
		a := &w.Accounts[i]
		stamp(&a.Created, &a.Updated, now)
		recs = append(recs, rec{kAccount, a.ID, "", a, a.Validate})
	}
	for i := range w.People {
		p := &w.People[i]
		stamp(&p.Created, &p.Updated, now)
		recs = append(recs, rec{kPerson, p.ID, p.AccountID, p, p.Validate})
	}
	for i := range w.Events {
		e := &w.Events[i]
		stamp(&e.Created, &e.Updated, now)
		recs = append(recs, rec{kEvent, e.ID, e.AccountID, e, e.Validate})
	}
	for i := range w.Promises {
		p := &w.Promises[i]
		stamp(&p.Created, &p.Updated, now)
		recs = append(recs, rec{kPromise, p.ID, p.AccountID, p, p.Validate})
	}
	for i := range smp.Library {
		sec := &smp.Library[i]
		stamp(&sec.Created, &sec.Updated, now)
		recs = append(recs, rec{kSection, sec.ID, "", sec, sec.Validate})
	}
	snaps := map[string]*proposal.Snapshot{}
	for i := range smp.Proposals {
		p := &smp.Proposals[i]
		p.ShiftDates(shift)
		stamp(&p.Created, &p.Updated, now)
		recs = append(recs, rec{kProposal, p.ID, p.AccountID, p, p.Validate})
		if snapshot != nil && !p.Sent.IsZero() && p.Status != proposal.Draft && len(p.Sendings) == 0 {
			ctx := sampleContext(smp, p.AccountID, today)
			snap, err := snapshot(p, ctx, proposal.DefaultSentVariants(ctx))
			if err != nil {
				return 0, dossier.Err("sample workspace: proposal {{.Proposal}}", map[string]any{"Proposal": p.ID}, err)
			}
			snaps[p.ID] = snap
		}
	}
	for _, r := range recs {
		if r.id == "" {
			return 0, dossier.Err("sample workspace: a {{.Kind}} has no ID", map[string]any{"Kind": r.k.noun}, dossier.ErrInvalid)
		}
		if err := r.check(); err != nil {
			return 0, dossier.Err("sample workspace: {{.Kind}} {{.ID}}", map[string]any{"Kind": r.k.noun, "ID": r.id}, err)
		}
	}
	added := 0
	size := int64(saveBudget) + 2*int64(len(data))
	for _, snap := range snaps {
		size += snapshotSize(snap)
	}
	err = s.updateSized(size, func(txn *badger.Txn) error {
		for _, r := range recs {
			ok, err := exists(txn, r.k.key(r.id))
			if err != nil {
				return err
			}
			if ok {
				continue
			}
			if r.k.byAcct {
				if err := txn.Set(r.k.ixKey(r.acct, r.id), nil); err != nil {
					return err
				}
			}
			if p, ok := r.v.(*proposal.Proposal); ok && snaps[p.ID] != nil {
				snaps[p.ID].At = now.UTC().Truncate(time.Second)
				if err := putSnapshot(txn, p, snaps[p.ID]); err != nil {
					return err
				}
			}
			if err := put(txn, r.k, r.id, r.v); err != nil {
				return err
			}
			added++
		}
		if ok, err := exists(txn, []byte("meta/company")); err != nil {
			return err
		} else if !ok && !smp.Company.IsZero() {
			b, err := json.Marshal(smp.Company)
			if err != nil {
				return err
			}
			if err := txn.Set([]byte("meta/company"), b); err != nil {
				return err
			}
		}
		if ok, err := exists(txn, []byte("meta/rules")); err != nil {
			return err
		} else if !ok && w.Rules != (dossier.Rules{}) {
			b, err := json.Marshal(w.Rules)
			if err != nil {
				return err
			}
			return txn.Set([]byte("meta/rules"), b)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// sampleContext is the proposal context of account acct within the sample
// itself.
func sampleContext(smp *Sample, acct string, today dossier.Date) *proposal.Context {
	w := &smp.Workspace
	// Copies: the records to write point into the sample's slices.
	c := &proposal.Context{Today: today, Team: slices.Clone(w.Team), References: slices.Clone(w.References),
		Library: slices.Clone(smp.Library), Company: smp.Company}
	for _, a := range w.Accounts {
		if a.ID == acct {
			c.Account = a
		}
	}
	for _, p := range w.People {
		if p.AccountID == acct {
			c.People = append(c.People, p)
		}
	}
	dossier.SortPeople(c.People)
	sortBy(c.Team, func(m dossier.TeamMember) string { return m.Name })
	sortReferences(c.References)
	sortSections(c.Library)
	return c
}
