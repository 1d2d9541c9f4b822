// Revisions and the record of what was sent.
//
// A proposal that has left the building is a commercial offer the client
// can hold the supplier to until it expires. Its content is therefore
// frozen once it is sent: changing the terms starts a new revision (v2,
// v3…) with its own validity, sent again; the earlier sendings stay on
// record, each with a copy of exactly what the client received.

package proposal

import (
	"encoding/json"
	"slices"
	"time"

	"kamdesk/dossier"
)

// Sending records one sending of a revision: when, which variants, to
// whom. The files themselves are in the Snapshot of the same ID, kept by
// the store beside the proposal.
type Sending struct {
	ID       string       `json:"id"` // the snapshot's ID
	Revision int          `json:"revision"`
	On       dossier.Date `json:"on"` // the day it was sent
	At       time.Time    `json:"at"` // when it was recorded
	// Variants are the variants sent, each with the people it went to.
	Variants []SentTo `json:"variants"`
}

// SentTo names a variant and the people it was addressed to when it was
// sent (names, as they were then).
type SentTo struct {
	Audience Audience `json:"audience"`
	People   []string `json:"people,omitempty"`
}

// Audiences lists the variants of the sending.
func (s Sending) Audiences() []Audience {
	out := make([]Audience, len(s.Variants))
	for i, v := range s.Variants {
		out[i] = v.Audience
	}
	return out
}

// Snapshot is what the client received in one sending, byte for byte:
// for each variant sent, the Markdown and the standalone HTML file.
type Snapshot struct {
	ID         string       `json:"id"`
	ProposalID string       `json:"proposal_id"`
	Revision   int          `json:"revision"`
	Title      string       `json:"title"` // the proposal's title then
	On         dossier.Date `json:"on"`
	At         time.Time    `json:"at"`
	Files      []SentFile   `json:"files"`
}

// SentFile is one variant as it was sent.
type SentFile struct {
	Audience Audience `json:"audience"`
	People   []string `json:"people,omitempty"`
	Name     string   `json:"name"` // the file name of the HTML, as exported
	Markdown string   `json:"markdown"`
	HTML     []byte   `json:"html"`
}

// File returns the sent file of audience a.
func (s *Snapshot) File(a Audience) (SentFile, bool) {
	i := slices.IndexFunc(s.Files, func(f SentFile) bool { return f.Audience == a })
	if i < 0 {
		return SentFile{}, false
	}
	return s.Files[i], true
}

// Sending returns the record of the snapshot for the proposal's history.
func (s *Snapshot) Sending() Sending {
	out := Sending{ID: s.ID, Revision: s.Revision, On: s.On, At: s.At}
	for _, f := range s.Files {
		out.Variants = append(out.Variants, SentTo{Audience: f.Audience, People: f.People})
	}
	return out
}

// DefaultSentVariants are the variants a sending goes out in unless the
// user says otherwise: those of the audiences the decision-making group
// has people of, or the whole group's when it has none.
func DefaultSentVariants(c *Context) []Audience {
	var out []Audience
	for _, a := range Variants {
		if a != All && len(c.Addressees(a)) > 0 {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = []Audience{All}
	}
	return out
}

// Rev returns the revision being edited or last sent: 1 for a proposal
// that has never been revised.
func (p *Proposal) Rev() int { return max(p.Revision, 1) }

// SentRevision returns the latest revision sent to the client, or 0 when
// none was. A proposal marked as sent before the sendings were recorded
// (or by MarkSent alone) counts its current revision as sent.
func (p *Proposal) SentRevision() int {
	n := 0
	if len(p.Sendings) > 0 {
		n = p.Sendings[len(p.Sendings)-1].Revision
	}
	if !p.Sent.IsZero() && p.Status != Draft && n == 0 {
		n = 1
	}
	return n
}

// LastSending returns the latest sending, and false when there is none
// on record.
func (p *Proposal) LastSending() (Sending, bool) {
	if len(p.Sendings) == 0 {
		return Sending{}, false
	}
	return p.Sendings[len(p.Sendings)-1], true
}

// Frozen reports whether the current revision's content may no longer
// change: it was sent, or the proposal's outcome is known.
func (p *Proposal) Frozen() bool {
	return p.Status.Closed() || p.SentRevision() >= p.Rev()
}

// CanRevise reports whether a new revision may be started: the current one
// was sent and the outcome is not known yet.
func (p *Proposal) CanRevise() bool {
	return !p.Status.Closed() && p.SentRevision() >= p.Rev()
}

// NewRevision starts the next revision of a sent proposal, issued today
// with a validity of the same length as the last one's: the client's
// copy of the earlier revision stays on record, and this one is a draft
// of new terms until it is sent.
func (p *Proposal) NewRevision(today dossier.Date) error {
	if p.Status.Closed() {
		return dossier.Err("the proposal was {{.Status}} on {{.Date}}; its record is closed",
			map[string]any{"Status": string(p.Status), "Date": p.Closed.String()}, ErrInvalid)
	}
	if !p.CanRevise() {
		return dossier.Err("revision {{.Revision}} has not been sent yet; edit it as it is", map[string]any{"Revision": p.Rev()}, ErrInvalid)
	}
	p.startRevision(p.Rev()+1, today)
	return nil
}

// startRevision makes p revision rev, issued today with a validity of the
// same length as the last one's.
func (p *Proposal) startRevision(rev int, today dossier.Date) {
	if !p.ValidUntil.IsZero() {
		if !p.Issued.IsZero() {
			p.ValidDays = max(1, p.Issued.DaysUntil(p.ValidUntil))
		}
		p.ValidUntil = dossier.Date{}
	}
	p.Revision = rev
	p.Issued = today
}

// content is what a revision's document is made of: everything the
// client reads. Status, follow-up, sendings and exports are the record of
// what happened to it and may change after sending.
type content struct {
	Title      string
	Language   string
	Author     string
	Items      []Item
	Pricing    []Line
	Financial  Financial
	References []string
	Credits    []Credit
	Issued     dossier.Date
	ValidDays  int
	ValidUntil dossier.Date
	Orders     map[Audience][]string
}

func (p *Proposal) content() content {
	return content{p.Title, p.Language, p.Author, p.Items, p.Pricing, p.Financial, p.References,
		p.Credits, p.Issued, p.ValidDays, p.ValidUntil, p.Orders}
}

// setContent gives p the terms c, revision rev's.
func (p *Proposal) setContent(c content, rev int) {
	p.Title, p.Language, p.Author, p.Items, p.Pricing, p.Financial, p.References = c.Title, c.Language, c.Author, c.Items, c.Pricing, c.Financial, c.References
	p.Credits, p.Issued, p.ValidDays, p.ValidUntil, p.Orders = c.Credits, c.Issued, c.ValidDays, c.ValidUntil, c.Orders
	p.Revision = rev
}

// SameContent reports whether p and q make the same document.
func (p *Proposal) SameContent(q *Proposal) bool {
	a, _ := json.Marshal(p.content())
	b, _ := json.Marshal(q.content())
	return string(a) == string(b)
}

// CheckRevision reports why updated may not replace stored, the proposal
// as it is kept: a sent revision's content does not change, revisions go
// up one at a time and only from a sent one, and the sendings on record
// change only by sending (the store appends them with their snapshots).
func CheckRevision(stored, updated *Proposal) error {
	switch {
	case updated.Rev() < stored.Rev():
		return dossier.Err("revision {{.Revision}} is older than revision {{.Stored}} on record",
			map[string]any{"Revision": updated.Rev(), "Stored": stored.Rev()}, dossier.ErrConflict)
	case updated.Rev() > stored.Rev()+1:
		return dossier.Err("revision {{.Revision}} would skip revision {{.Next}}",
			map[string]any{"Revision": updated.Rev(), "Next": stored.Rev() + 1}, dossier.ErrConflict)
	case updated.Rev() == stored.Rev()+1 && !stored.CanRevise():
		return dossier.Err("revision {{.Revision}} cannot start: revision {{.Stored}} was not sent or the outcome is known",
			map[string]any{"Revision": updated.Rev(), "Stored": stored.Rev()}, dossier.ErrConflict)
	case updated.Rev() == stored.Rev() && stored.Frozen() && !stored.SameContent(updated):
		if stored.Status.Closed() {
			return dossier.Err("the proposal was {{.Status}} on {{.Date}}; its content cannot change",
				map[string]any{"Status": string(stored.Status), "Date": stored.Closed.String()}, dossier.ErrConflict)
		}
		return dossier.Err("revision {{.Revision}} was sent to the client; start revision {{.Next}} to change it",
			map[string]any{"Revision": stored.Rev(), "Next": stored.Rev() + 1}, dossier.ErrConflict)
	}
	a, _ := json.Marshal(stored.Sendings)
	b, _ := json.Marshal(updated.Sendings)
	if string(a) != string(b) {
		return dossier.Err("the record of sendings changes only by sending", nil, dossier.ErrConflict)
	}
	return nil
}
