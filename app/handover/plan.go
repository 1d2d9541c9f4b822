package handover

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"unicode/utf8"

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
// (Here) and the bundle (There), each written short.
type Change struct {
	Field string `json:"field"`
	Here  string `json:"here"`
	There string `json:"bundle"`
}

// Conflict is a record both sides have, in different versions.
type Conflict struct {
	Record
	Changes []Change `json:"changes"`
}

// Plan is what importing a bundle would do: the records the workspace
// lacks, those it has as they are, and those it has otherwise.
type Plan struct {
	New       []Record
	Same      []Record
	Conflicts []Conflict
	b         *Bundle
	status    map[string]int // kind/ID → same, fresh, differs
}

const (
	same = iota
	fresh
	differs
)

// Take says which side wins the records that differ.
type Take int

const (
	// TakeNone writes only when no record differs.
	TakeNone Take = iota
	// TakeMine keeps the workspace's version of the records that differ.
	TakeMine
	// TakeTheirs replaces them with the bundle's.
	TakeTheirs
)

// ErrDiffers matches an import refused because records differ and no side
// was chosen.
var ErrDiffers = errors.New("records differ")

// Compare compares every record of b with ws.
func Compare(ws Workspace, b *Bundle) (*Plan, error) {
	p := &Plan{b: b, status: map[string]int{}}
	events, err := ws.Events(b.Account.ID)
	if err != nil && !errors.Is(err, dossier.ErrNotFound) {
		return nil, err
	}
	promises, err := ws.Promises(b.Account.ID)
	if err != nil && !errors.Is(err, dossier.ErrNotFound) {
		return nil, err
	}
	steps := []error{
		compare(p, KindTeam, b.Team, ws.TeamMember, func(r *dossier.TeamMember) (string, string) { return r.ID, r.Name }),
		compare(p, KindReference, b.References, ws.Reference, func(r *dossier.Reference) (string, string) { return r.ID, r.Project }),
		compare(p, KindSection, b.Sections, ws.Section, func(r *proposal.Section) (string, string) { return r.ID, r.Title }),
		compare(p, KindAccount, []dossier.Account{b.Account}, ws.Account, func(r *dossier.Account) (string, string) { return r.ID, r.Name }),
		compare(p, KindPerson, b.People, ws.Person, func(r *dossier.Person) (string, string) { return r.ID, r.Name }),
		compare(p, KindEvent, b.Events, byID(events, func(r *dossier.Event) string { return r.ID }),
			func(r *dossier.Event) (string, string) { return r.ID, r.Title }),
		compare(p, KindPromise, b.Promises, byID(promises, func(r *dossier.Promise) string { return r.ID }),
			func(r *dossier.Promise) (string, string) { return r.ID, r.Text }),
		compare(p, KindProposal, b.Proposals, ws.Proposal, func(r *proposal.Proposal) (string, string) { return r.ID, r.Title }),
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
func compare[T any](p *Plan, kind string, records []T, get func(string) (T, error), name func(*T) (string, string)) error {
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
			changes, err := diff(here, records[i])
			if err != nil {
				return err
			}
			if len(changes) == 0 {
				p.Same = append(p.Same, r)
				p.status[kind+"/"+id] = same
			} else {
				p.Conflicts = append(p.Conflicts, Conflict{Record: r, Changes: changes})
				p.status[kind+"/"+id] = differs
			}
		}
	}
	return nil
}

// diff lists the fields of here and there (as JSON) that differ, but
// for the time stamps, which say when each workspace wrote the record.
func diff(here, there any) ([]Change, error) {
	a, err := fields(here)
	if err != nil {
		return nil, err
	}
	b, err := fields(there)
	if err != nil {
		return nil, err
	}
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []Change
	for _, k := range keys {
		if k == "created" || k == "updated" || reflect.DeepEqual(a[k], b[k]) {
			continue
		}
		out = append(out, Change{Field: k, Here: short(a[k]), There: short(b[k])})
	}
	return out, nil
}

func fields(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return m, d.Decode(&m)
}

// short writes a field's value on one line, at most 60 characters.
func short(v any) string {
	var s string
	switch v := v.(type) {
	case nil:
		return "—"
	case string:
		s = v
	default:
		b, _ := json.Marshal(v)
		s = string(b)
	}
	s = dossier.OneLine(s)
	if s == "" || s == "[]" || s == "{}" {
		return "—"
	}
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:59]) + "…"
	}
	return s
}

// Batch is what importing with take writes: the new records, and the
// bundle's version of those that differ when take is TakeTheirs, with
// the sent copies of the proposals, the attachments of the events and
// the photos of the people it writes.
func (p *Plan) Batch(take Take) store.Batch {
	b := p.b
	write := func(kind, id string) bool {
		s := p.status[kind+"/"+id]
		return s == fresh || (s == differs && take == TakeTheirs)
	}
	out := store.Batch{Files: map[string][]byte{}}
	out.Team = pick(b.Team, func(r *dossier.TeamMember) bool { return write(KindTeam, r.ID) })
	out.References = pick(b.References, func(r *dossier.Reference) bool { return write(KindReference, r.ID) })
	out.Sections = pick(b.Sections, func(r *proposal.Section) bool { return write(KindSection, r.ID) })
	out.Accounts = pick([]dossier.Account{b.Account}, func(r *dossier.Account) bool { return write(KindAccount, r.ID) })
	out.People = pick(b.People, func(r *dossier.Person) bool { return write(KindPerson, r.ID) })
	out.Events = pick(b.Events, func(r *dossier.Event) bool { return write(KindEvent, r.ID) })
	out.Promises = pick(b.Promises, func(r *dossier.Promise) bool { return write(KindPromise, r.ID) })
	out.Proposals = pick(b.Proposals, func(r *proposal.Proposal) bool { return write(KindProposal, r.ID) })
	out.Sent = pick(b.Sent, func(r *proposal.Snapshot) bool { return write(KindProposal, r.ProposalID) })
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

// Writes counts the records importing with take adds and replaces.
func (p *Plan) Writes(take Take) (added, replaced int) {
	added = len(p.New)
	if take == TakeTheirs {
		replaced = len(p.Conflicts)
	}
	return added, replaced
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

// Import writes what the plan says, with take choosing between the
// versions of records that differ: all or nothing. With TakeNone and
// records that differ it writes nothing and returns an error matching
// ErrDiffers.
func (p *Plan) Import(ws Workspace, take Take) error {
	if take == TakeNone && len(p.Conflicts) > 0 {
		return dossier.ErrAs("records that differ between the workspace and the bundle: {{.Count}}; nothing was imported",
			map[string]any{"Count": len(p.Conflicts)}, ErrDiffers)
	}
	if added, replaced := p.Writes(take); added+replaced == 0 {
		return nil
	}
	return ws.Put(p.Batch(take))
}
