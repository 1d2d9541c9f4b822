package handover

import (
	"errors"
	"slices"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// A timeline entry that records a sending (dossier.Event.Sent) opens the
// copy of what the client received, so the timeline never points at a
// copy the workspace does not have. An entry of the bundle whose copy
// stays in the other workspace (its proposal is kept as it is here, or
// cannot be taken) is not imported: the report lists it, and the
// proposal's differences say which sendings it lacks. It comes with its
// copy once the bundle's version of the proposal is taken.

// LeftOut is a timeline entry of the bundle that an import leaves out:
// the sent copy it refers to (Sent, "<proposal ID>/<copy ID>") stays in
// the other workspace.
type LeftOut struct {
	Record
	Date string `json:"date"`
	Sent string `json:"sent"`
}

// findCopies notes which sent copies the events of the bundle refer to
// that the workspace has.
func (p *Plan) findCopies(ws Workspace) error {
	p.copyHere = map[string]bool{}
	for _, e := range p.b.Events {
		prop, snap, ok := strings.Cut(e.Sent, "/")
		if !ok {
			continue
		}
		_, err := ws.Snapshot(prop, snap)
		switch {
		case err == nil:
			p.copyHere[e.Sent] = true
		case !errors.Is(err, dossier.ErrNotFound) && !errors.Is(err, dossier.ErrInvalid):
			return err
		}
	}
	return nil
}

// copyComes reports whether the sent copy ref is in the workspace after
// an import that writes the copies sent.
func (p *Plan) copyComes(ref string, sent []proposal.Snapshot) bool {
	return ref == "" || p.copyHere[ref] || slices.ContainsFunc(sent, func(s proposal.Snapshot) bool { return s.ProposalID+"/"+s.ID == ref })
}

// LeftOut lists the timeline entries of the bundle that importing with c
// leaves out, as their sent copies stay in the other workspace. For the
// records c chooses no side for, it counts with the bundle's versions.
func (p *Plan) LeftOut(c Choice) []LeftOut {
	c = c.orTheirs()
	sent := p.sentCopies(c)
	var out []LeftOut
	for _, e := range p.b.Events {
		if p.writes(c, KindEvent, e.ID) && !p.copyComes(e.Sent, sent) {
			out = append(out, LeftOut{Record: Record{Kind: KindEvent, ID: e.ID, Name: e.Title}, Date: e.Date.String(), Sent: e.Sent})
		}
	}
	return out
}

// leftOutIfKept says what keeping the version here of proposal there,
// whose bundle's version adds the sendings added, leaves out of the
// bundle's timeline: the entries of those sendings.
func (p *Plan) leftOutIfKept(there *proposal.Proposal, added []proposal.Sending) []string {
	n := 0
	for _, e := range p.b.Events {
		prop, snap, _ := strings.Cut(e.Sent, "/")
		if prop != there.ID || p.copyHere[e.Sent] || p.status[KindEvent+"/"+e.ID] == same {
			continue
		}
		if slices.ContainsFunc(added, func(s proposal.Sending) bool { return s.ID == snap }) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return []string{i18n.N("Keeping this version leaves out {{.Count}} timeline entry of the bundle: the sending it records stays in the other workspace.",
		n, map[string]any{"Count": n})}
}

// LeftOutLines are the report's lines of the timeline entries left out.
func LeftOutLines(left []LeftOut) []string {
	if len(left) == 0 {
		return nil
	}
	lines := []string{i18n.N("{{.Count}} timeline entry would not be imported: the sending it records stays in the other workspace, which keeps its copy.",
		len(left), map[string]any{"Count": len(left)})}
	for _, l := range left {
		lines = append(lines, "  − "+l.Date+" "+l.Name)
	}
	return lines
}

// LeftOutLine says after an import how many timeline entries it left
// out (LeftOut), or "" when none.
func LeftOutLine(n int) string {
	if n == 0 {
		return ""
	}
	return i18n.N("{{.Count}} timeline entry about a sending that stays in the other workspace was not imported.", n, map[string]any{"Count": n})
}
