package handover

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// A proposal both sides have is compared as every record is, and taking
// the bundle's version of it follows proposal.TakeTheirs: the sendings of
// both sides are kept (what was sent is history, never overwritten), the
// terms of a revision sent here change only in a new revision, and a
// proposal that had been sent gets a note of the change on its account's
// timeline, as a change after sending does. A proposal whose sendings
// cannot be merged (the same sending on record on both sides with
// different contents, a copy the bundle lacks) is not taken: it stays as
// it is here, and the report says why.

// takenProposal is what taking the bundle's version of a proposal
// writes.
type takenProposal struct {
	proposal.TakeOver
	thereRev int   // the revision of the bundle's version
	note     bool  // a note goes on the timeline: the proposal has been sent
	refusal  error // why the bundle's version cannot be taken, if it cannot
}

// adds reports whether the sending of copy snap is one the import adds.
func (t *takenProposal) adds(snap string) bool {
	return slices.ContainsFunc(t.Added, func(s proposal.Sending) bool { return s.ID == snap })
}

// compareProposals sorts the bundle's proposals into p and works out what
// taking the bundle's version of each that differs would write.
func (p *Plan) compareProposals(ws Workspace, n names) error {
	for i := range p.b.Proposals {
		there := &p.b.Proposals[i]
		r := Record{Kind: KindProposal, ID: there.ID, Name: there.Title}
		here, err := ws.Proposal(there.ID)
		switch {
		case errors.Is(err, dossier.ErrNotFound):
			p.New = append(p.New, r)
			p.status[KindProposal+"/"+there.ID] = fresh
			continue
		case err != nil:
			return err
		}
		changes, err := diff(here, *there, n.namer(KindProposal, &here, there))
		if err != nil {
			return err
		}
		c := Conflict{Record: r, Changes: changes}
		if len(changes) > 0 {
			t, err := p.takeTheirs(ws, &here, there)
			switch {
			case err != nil:
				return err
			case t.refusal != nil:
				c.Refused = errorText(t.refusal)
			default:
				c.Taking = t.lines(&here)
				c.IfKept = p.leftOutIfKept(there, t.Added)
				p.taken[there.ID] = t
			}
		}
		p.sort(c)
	}
	return nil
}

// takeTheirs works out what taking there over here writes, or the
// refusal that keeps here as it is.
func (p *Plan) takeTheirs(ws Workspace, here, there *proposal.Proposal) (takenProposal, error) {
	refuse := func(err error) (takenProposal, error) { return takenProposal{refusal: err}, nil }
	over, err := proposal.TakeTheirs(here, there, p.today)
	if err != nil {
		return refuse(err)
	}
	t := takenProposal{TakeOver: over, thereRev: there.Rev(), note: here.SentRevision() > 0 || len(over.Proposal.Sendings) > 0}
	for _, s := range there.Sendings {
		data := map[string]any{"Date": s.On.String(), "Copy": s.ID}
		theirs, inBundle := p.b.snapshot(there.ID, s.ID)
		if t.adds(s.ID) {
			if !inBundle {
				return refuse(dossier.ErrAs("the bundle holds no copy of the sending of {{.Date}} ({{.Copy}})", data, dossier.ErrNotFound))
			}
			continue
		}
		if !inBundle {
			continue
		}
		mine, err := ws.Snapshot(there.ID, s.ID)
		if errors.Is(err, dossier.ErrNotFound) {
			continue // the bundle's copy fills the gap
		}
		if err != nil {
			return takenProposal{}, err
		}
		if !sameJSON(mine, theirs) {
			return refuse(dossier.ErrAs("the copy of what was sent on {{.Date}} ({{.Copy}}) is not the same here and in the bundle", data, dossier.ErrConflict))
		}
	}
	return t, nil
}

// snapshot returns the bundle's copy snap of a sending of proposal prop.
func (b *Bundle) snapshot(prop, snap string) (proposal.Snapshot, bool) {
	for _, s := range b.Sent {
		if s.ProposalID == prop && s.ID == snap {
			return s, true
		}
	}
	return proposal.Snapshot{}, false
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// lines say what taking the bundle's version does besides its fields.
func (t *takenProposal) lines(here *proposal.Proposal) []string {
	var out []string
	if t.Revised {
		out = append(out, i18n.L("Taking the bundle's version starts revision {{.Revision}} with its terms: revision {{.Sent}} was sent with other terms, which stay on record.",
			map[string]any{"Revision": t.Proposal.Rev(), "Sent": here.Rev()}))
	}
	if t.TermsKept {
		out = append(out, i18n.L("The terms stay as they are here: the bundle's are those of revision {{.There}}, earlier than revision {{.Here}}.",
			map[string]any{"There": t.thereRev, "Here": here.Rev()}))
	}
	if t.FollowUpKept {
		out = append(out, i18n.L("The status and the follow-up calls stay as they are here: it was sent here last."))
	}
	if t.note {
		out = append(out, i18n.L("A note of the change goes on the account's timeline."))
	}
	return out
}

// note is the timeline event that records taking the bundle's version of
// proposal id: what changed, field by field.
func (p *Plan) note(id string, t *takenProposal) dossier.Event {
	var lines []string
	for _, c := range p.Conflicts {
		if c.Kind != KindProposal || c.ID != id {
			continue
		}
		for _, ch := range c.Changes {
			lines = append(lines, changeLine(ch))
		}
		lines = append(lines, c.Taking[:len(c.Taking)-1]...) // the last says a note is written
	}
	title := i18n.L("Proposal “{{.Title}}” taken from the handover bundle of {{.Made}}",
		map[string]any{"Title": clip(dossier.OneLine(t.Proposal.Title), 80), "Made": p.b.Made.Local().Format("2006-01-02")})
	return dossier.Event{AccountID: t.Proposal.AccountID, Kind: dossier.EventNote, Date: p.today,
		Title: clip(title, dossier.MaxLine), Text: clip(strings.Join(lines, "\n"), dossier.MaxText)}
}

// errorText is err in the user's language.
func errorText(err error) string {
	return dossier.ErrorIn(err, func(text string, data map[string]any) string {
		if data == nil {
			return i18n.L(text)
		}
		return i18n.L(text, data)
	})
}
