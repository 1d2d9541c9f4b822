// Handing a proposal over: another workspace's version of a proposal that
// this workspace keeps too, taken from a handover bundle.
//
// What was sent is history, not a side to choose: the two versions'
// sendings are merged, every sending of either kept, none rewritten, and a
// sending on record in both with different contents is not merged at all.
// The rest follows the rules of a change after sending: the terms of a
// revision sent here change only in a new revision, and the follow-up
// (status, calls, outcome) is that of the version that sent last.

package proposal

import (
	"cmp"
	"encoding/json"
	"slices"

	"kamdesk/dossier"
)

// TakeOver is what taking the other workspace's version of a proposal
// makes of the one kept here.
type TakeOver struct {
	Proposal Proposal  // the record to keep
	Added    []Sending // the other version's sendings this one lacked
	// Revised is set when the other version's terms start a new revision,
	// Proposal.Rev(): the revision sent here has other terms, which stay
	// on record with their copies.
	Revised bool
	// FollowUpKept is set when the status, the follow-up calls and the
	// outcome stay as they are here: this workspace sent it last.
	FollowUpKept bool
	// TermsKept is set when the terms stay as they are here: the other
	// version's are those of an earlier revision.
	TermsKept bool
}

// TakeTheirs takes there, another workspace's version of the proposal
// kept here as here: its terms and follow-up, with the sendings of both.
// Every sending of here stays as it is and those of there that here lacks
// are added, oldest first; a sending both have with different contents
// is a conflict, and nothing is taken. The follow-up stays as here when
// the latest sending is one only here has. Terms that differ from those
// of a revision sent here become the next revision, issued today, as an
// edit after sending does; a revision never goes back, and the terms of
// an earlier revision than here's are not taken. A proposal won or lost
// here does not change its terms or start a revision.
func TakeTheirs(here, there *Proposal, today dossier.Date) (TakeOver, error) {
	var out TakeOver
	mine := make(map[string]Sending, len(here.Sendings))
	for _, s := range here.Sendings {
		mine[s.ID] = s
	}
	theirs := make(map[string]bool, len(there.Sendings))
	for _, s := range there.Sendings {
		theirs[s.ID] = true
		h, ok := mine[s.ID]
		if !ok {
			out.Added = append(out.Added, s)
		} else if !SameSending(h, s) {
			return out, sendingDiffers(s)
		}
	}
	r := *there
	r.Sendings = mergeSendings(here.Sendings, out.Added)
	if n := len(r.Sendings); n > 0 && !theirs[r.Sendings[n-1].ID] {
		r.Status, r.Sent, r.Closed, r.Outcome, r.Tasks = here.Status, here.Sent, here.Closed, here.Outcome, here.Tasks
		out.FollowUpKept = true
	}
	switch {
	case there.Rev() < here.Rev():
		r.setContent(here.content(), here.Revision)
		out.TermsKept = true
	case r.Rev() > here.Rev():
		if here.Status.Closed() {
			return out, dossier.ErrAs("the proposal was {{.Status}} on {{.Date}}; its record is closed",
				map[string]any{"Status": string(here.Status), "Date": here.Closed.String()}, dossier.ErrConflict)
		}
	case here.Frozen() && !here.SameContent(&r):
		for _, p := range []*Proposal{here, &r} {
			if p.Status.Closed() {
				return out, dossier.ErrAs("the proposal was {{.Status}} on {{.Date}}; its content cannot change",
					map[string]any{"Status": string(p.Status), "Date": p.Closed.String()}, dossier.ErrConflict)
			}
		}
		r.startRevision(here.Rev()+1, today)
		out.Revised = true
	}
	if err := CheckHandedOver(here, &r); err != nil {
		return out, err
	}
	out.Proposal = r
	return out, nil
}

// CheckHandedOver reports why updated, a version of a proposal taken from
// another workspace (TakeTheirs), may not replace stored, the proposal
// as it is kept: every sending on record stays as it is, a revision never
// goes back, a sent revision's terms do not change, and a later revision
// follows sent ones only. Unlike CheckRevision it lets sendings be added,
// and revisions sent in the other workspace be skipped.
func CheckHandedOver(stored, updated *Proposal) error {
	kept := make(map[string]Sending, len(updated.Sendings))
	for _, s := range updated.Sendings {
		kept[s.ID] = s
	}
	for _, s := range stored.Sendings {
		u, ok := kept[s.ID]
		if !ok {
			return dossier.ErrAs("the sending of {{.Date}} ({{.Copy}}) is on record and cannot be removed",
				map[string]any{"Date": s.On.String(), "Copy": s.ID}, dossier.ErrConflict)
		}
		if !SameSending(s, u) {
			return sendingDiffers(s)
		}
	}
	switch {
	case updated.Rev() < stored.Rev():
		return dossier.ErrAs("revision {{.Revision}} is older than revision {{.Stored}} on record",
			map[string]any{"Revision": updated.Rev(), "Stored": stored.Rev()}, dossier.ErrConflict)
	case updated.Rev() > stored.Rev() && (stored.Status.Closed() || sentUpTo(updated) < updated.Rev()-1):
		return dossier.ErrAs("revision {{.Revision}} cannot start: revision {{.Stored}} was not sent or the outcome is known",
			map[string]any{"Revision": updated.Rev(), "Stored": updated.Rev() - 1}, dossier.ErrConflict)
	case updated.Rev() == stored.Rev() && stored.Frozen() && !stored.SameContent(updated):
		if stored.Status.Closed() {
			return dossier.ErrAs("the proposal was {{.Status}} on {{.Date}}; its content cannot change",
				map[string]any{"Status": string(stored.Status), "Date": stored.Closed.String()}, dossier.ErrConflict)
		}
		return dossier.ErrAs("revision {{.Revision}} was sent to the client; start revision {{.Next}} to change it",
			map[string]any{"Revision": stored.Rev(), "Next": stored.Rev() + 1}, dossier.ErrConflict)
	}
	return nil
}

// SameSending reports whether a and b record the same sending alike.
func SameSending(a, b Sending) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func sendingDiffers(s Sending) error {
	return dossier.ErrAs("the sending of {{.Date}} ({{.Copy}}) is on record in both versions with different contents",
		map[string]any{"Date": s.On.String(), "Copy": s.ID}, dossier.ErrConflict)
}

// mergeSendings returns the sendings kept and those added, in the order
// they were sent: by day, then by when they were recorded.
func mergeSendings(kept, added []Sending) []Sending {
	out := append(slices.Clone(kept), added...)
	if len(added) == 0 {
		return out
	}
	slices.SortStableFunc(out, func(a, b Sending) int {
		return cmp.Or(compareDates(a.On, b.On), a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
	return out
}

func compareDates(a, b dossier.Date) int {
	switch {
	case a.Before(b):
		return -1
	case b.Before(a):
		return 1
	}
	return 0
}

// sentUpTo is the latest revision sent, whichever sending sent it.
func sentUpTo(p *Proposal) int {
	n := p.SentRevision()
	for _, s := range p.Sendings {
		n = max(n, s.Revision)
	}
	return n
}
