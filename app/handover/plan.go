package handover

import (
	"errors"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Workspace is what an import reads and writes of a workspace (the
// store).
type Workspace interface {
	Account(id string) (dossier.Account, error)
	Person(id string) (dossier.Person, error)
	Events(acct string) ([]dossier.Event, error)
	Promises(acct string) ([]dossier.Promise, error)
	Proposal(id string) (proposal.Proposal, error)
	Snapshot(prop, snap string) (proposal.Snapshot, error)
	Section(id string) (proposal.Section, error)
	TeamMember(id string) (dossier.TeamMember, error)
	Reference(id string) (dossier.Reference, error)
	Put(b store.Batch) error
}

// Kinds of record, as a Plan names them (the store's English nouns).
const (
	KindAccount   = "account"
	KindPerson    = "person"
	KindEvent     = "event"
	KindPromise   = "promise"
	KindProposal  = "proposal"
	KindSection   = "section"
	KindTeam      = "team member"
	KindReference = "reference"
)

// Record names one record of a bundle.
type Record struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Change is one field of a record that differs between the workspace
// (Here) and the bundle (There), each written short. For a list Here and
// There are how many elements each side has and Summary says which were
// added, removed or changed, as people read it.
type Change struct {
	Field   string `json:"field"`
	Here    string `json:"here"`
	There   string `json:"bundle"`
	Summary string `json:"summary,omitempty"`
}

// Conflict is a record both sides have, in different versions.
type Conflict struct {
	Record
	Changes []Change `json:"changes"`
	// Taking says what taking the bundle's version does besides its
	// fields (a proposal's new revision, the follow-up kept, the note on
	// the timeline).
	Taking []string `json:"if_taken,omitempty"`
	// Refused says why the bundle's version cannot be taken: the record
	// stays as it is here, whichever side is chosen.
	Refused string `json:"cannot_take,omitempty"`
	// IfKept says what keeping the version here leaves out of the bundle
	// besides (a proposal's timeline entries of sendings made there).
	IfKept []string `json:"if_kept,omitempty"`
}

// Plan is what importing a bundle would do: the records the workspace
// lacks, those it has as they are, and those it has otherwise.
type Plan struct {
	New       []Record
	Same      []Record
	Conflicts []Conflict
	b         *Bundle
	status    map[string]int // kind/ID → same, fresh, differs
	// taken are what taking the bundle's version writes of the proposals
	// that differ and can be taken, by ID.
	taken map[string]takenProposal
	// copyHere are the sent copies the bundle's events refer to that the
	// workspace has ("<proposal ID>/<copy ID>").
	copyHere map[string]bool
	today    dossier.Date
}

const (
	same = iota
	fresh
	differs
)

// Compare compares every record of b with ws. today is the day a
// revision the import starts is issued on, and the day of its notes.
func Compare(ws Workspace, b *Bundle, today dossier.Date) (*Plan, error) {
	p := &Plan{b: b, status: map[string]int{}, taken: map[string]takenProposal{}, today: today}
	events, err := ws.Events(b.Account.ID)
	if err != nil && !errors.Is(err, dossier.ErrNotFound) {
		return nil, err
	}
	promises, err := ws.Promises(b.Account.ID)
	if err != nil && !errors.Is(err, dossier.ErrNotFound) {
		return nil, err
	}
	if err := p.findCopies(ws); err != nil {
		return nil, err
	}
	n := names{ws: ws, b: b}
	steps := []error{
		compare(p, KindTeam, b.Team, ws.TeamMember, n.namer(KindTeam), func(r *dossier.TeamMember) (string, string) { return r.ID, r.Name }),
		compare(p, KindReference, b.References, ws.Reference, n.namer(KindReference), func(r *dossier.Reference) (string, string) { return r.ID, r.Project }),
		compare(p, KindSection, b.Sections, ws.Section, n.namer(KindSection), func(r *proposal.Section) (string, string) { return r.ID, r.Title }),
		compare(p, KindAccount, []dossier.Account{b.Account}, ws.Account, n.namer(KindAccount), func(r *dossier.Account) (string, string) { return r.ID, r.Name }),
		compare(p, KindPerson, b.People, ws.Person, n.namer(KindPerson), func(r *dossier.Person) (string, string) { return r.ID, r.Name }),
		compare(p, KindEvent, b.Events, byID(events, func(r *dossier.Event) string { return r.ID }), n.namer(KindEvent),
			func(r *dossier.Event) (string, string) { return r.ID, r.Title }),
		compare(p, KindPromise, b.Promises, byID(promises, func(r *dossier.Promise) string { return r.ID }), n.namer(KindPromise),
			func(r *dossier.Promise) (string, string) { return r.ID, r.Text }),
		p.compareProposals(ws, n),
	}
	return p, errors.Join(steps...)
}

// byID is a getter of the records in list, by ID.
func byID[T any](list []T, id func(*T) string) func(string) (T, error) {
	return func(want string) (T, error) {
		for i := range list {
			if id(&list[i]) == want {
				return list[i], nil
			}
		}
		var zero T
		return zero, dossier.ErrNotFound
	}
}

// compare sorts the records of one kind into p.
func compare[T any](p *Plan, kind string, records []T, get func(string) (T, error), lists namer, name func(*T) (string, string)) error {
	for i := range records {
		id, label := name(&records[i])
		r := Record{Kind: kind, ID: id, Name: label}
		here, err := get(id)
		switch {
		case errors.Is(err, dossier.ErrNotFound):
			p.New = append(p.New, r)
			p.status[kind+"/"+id] = fresh
		case err != nil:
			return err
		default:
			changes, err := diff(here, records[i], lists)
			if err != nil {
				return err
			}
			p.sort(Conflict{Record: r, Changes: changes})
		}
	}
	return nil
}

// sort puts a record both sides have among the same or the conflicts.
func (p *Plan) sort(c Conflict) {
	if len(c.Changes) == 0 {
		p.Same = append(p.Same, c.Record)
		p.status[c.Kind+"/"+c.ID] = same
		return
	}
	p.Conflicts = append(p.Conflicts, c)
	p.status[c.Kind+"/"+c.ID] = differs
}

// Batch is what importing with choice c writes: the new records, and the
// bundle's version of those that differ for which c says TakeTheirs, with
// the sent copies of the proposals, the attachments of the events and
// the photos of the people it writes. A proposal taken from the bundle
// keeps the sendings of both sides (proposal.TakeTheirs); one that had
// been sent gets a note of the change on its account's timeline. A
// timeline entry whose sent copy stays in the other workspace is left
// out (LeftOut).
func (p *Plan) Batch(c Choice) store.Batch {
	b := p.b
	write := func(kind, id string) bool { return p.writes(c, kind, id) }
	out := store.Batch{Files: map[string][]byte{}}
	out.Team = pick(b.Team, func(r *dossier.TeamMember) bool { return write(KindTeam, r.ID) })
	out.References = pick(b.References, func(r *dossier.Reference) bool { return write(KindReference, r.ID) })
	out.Sections = pick(b.Sections, func(r *proposal.Section) bool { return write(KindSection, r.ID) })
	out.Accounts = pick([]dossier.Account{b.Account}, func(r *dossier.Account) bool { return write(KindAccount, r.ID) })
	out.People = pick(b.People, func(r *dossier.Person) bool { return write(KindPerson, r.ID) })
	out.Promises = pick(b.Promises, func(r *dossier.Promise) bool { return write(KindPromise, r.ID) })
	out.Proposals = pick(b.Proposals, func(r *proposal.Proposal) bool { return write(KindProposal, r.ID) })
	for i, r := range out.Proposals {
		if t, ok := p.taken[r.ID]; ok && p.status[KindProposal+"/"+r.ID] == differs {
			out.Proposals[i] = t.Proposal
			if t.note {
				out.Notes = append(out.Notes, p.note(r.ID, &t))
			}
		}
	}
	out.Sent = p.sentCopies(c)
	out.Events = pick(b.Events, func(r *dossier.Event) bool { return write(KindEvent, r.ID) && p.copyComes(r.Sent, out.Sent) })
	for _, e := range out.Events {
		for _, a := range e.Attachments {
			if data, ok := b.Files[a.FileID]; ok {
				out.Files[a.FileID] = data
			}
		}
	}
	for _, p := range out.People {
		if p.Photo == nil {
			continue
		}
		if data, ok := b.Files[p.Photo.FileID]; ok {
			out.Files[p.Photo.FileID] = data
		}
	}
	return out
}

// writes reports whether importing with c writes the bundle's record of
// kind and id (a timeline entry before LeftOut is applied).
func (p *Plan) writes(c Choice, kind, id string) bool {
	s := p.status[kind+"/"+id]
	theirs := s == differs && c.For(kind, id) == TakeTheirs
	if theirs && kind == KindProposal {
		_, ok := p.taken[id]
		return ok
	}
	return s == fresh || theirs
}

// sentCopies are the bundle's sent copies importing with c writes: those
// of the new proposals, and of the sendings a proposal taken from the
// bundle adds.
func (p *Plan) sentCopies(c Choice) []proposal.Snapshot {
	return pick(p.b.Sent, func(r *proposal.Snapshot) bool {
		if !p.writes(c, KindProposal, r.ProposalID) {
			return false
		}
		t, taken := p.taken[r.ProposalID]
		return !taken || p.status[KindProposal+"/"+r.ProposalID] != differs || t.adds(r.ID)
	})
}

func pick[T any](list []T, keep func(*T) bool) []T {
	var out []T
	for i := range list {
		if keep(&list[i]) {
			out = append(out, list[i])
		}
	}
	return out
}
