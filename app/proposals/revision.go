package proposals

import (
	"encoding/json"

	"fyne.io/fyne/v2/lang"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// A sent revision is a commercial offer the client holds: its terms do
// not change. The builder's parts edit the working copy freely; the first
// edit of a sent revision's content asks whether to start the next
// revision, and puts the terms back if not.

// guardRevision is called on every edit of the working copy. It reports
// true when the edit touched a sent revision's content: the user is
// asked (once) and the edit waits for the answer.
func (b *builder) guardRevision() bool {
	if b.asking {
		return true
	}
	if !b.base.Frozen() || b.p.Rev() != b.base.Rev() || b.base.SameContent(&b.p) {
		return false
	}
	focused := b.host.Window().Canvas().Focused()
	b.host.Window().Canvas().Unfocus() // no more typing into the sent terms while asked
	if b.base.Status.Closed() {
		b.asking = b.host.Choose(lang.L("The record is closed"),
			lang.L("The proposal was {{.Status}} on {{.Date}}: its terms cannot change any more.",
				map[string]any{"Status": ui.Tr(b.base.Status.Label()), "Date": ui.WeekdayDate(b.base.Closed)}),
			lang.L("OK"), "", b.revertTerms, nil)
	} else {
		sent, next := b.base.SentRevision(), b.base.Rev()+1
		b.asking = b.host.Choose(lang.L("Revision {{.Sent}} was sent", map[string]any{"Sent": sent}),
			lang.L("The client holds revision {{.Sent}}, sent on {{.Date}}. Changing the terms starts revision {{.Next}}, with its own validity from today; revision {{.Sent}} stays on record as sent.",
				map[string]any{"Sent": sent, "Next": next, "Date": ui.WeekdayDate(b.base.Sent)}),
			lang.L("Start revision {{.Next}}", map[string]any{"Next": next}),
			lang.L("Keep revision {{.Sent}}", map[string]any{"Sent": sent}),
			func() {
				b.startRevision()
				if focused != nil {
					b.host.Window().Canvas().Focus(focused)
				}
			}, b.revertTerms)
	}
	if !b.asking { // another question is open: the edit cannot wait for an answer
		b.revertTerms()
	}
	return true
}

// startRevision makes the working copy, with the edit that asked, the
// next revision: issued today with a validity of the same length. It is
// saved with Save, like any edit.
func (b *builder) startRevision() {
	b.asking = false
	if err := b.p.NewRevision(b.host.Today()); err != nil {
		b.host.ShowError(err)
		b.revertTerms()
		return
	}
	if v, ok := b.parts[tabValidity]; ok {
		v.reload() // the new issue date and validity
	}
	b.changed()
}

// revertTerms puts the working copy back to the proposal as last saved
// (the follow-up is saved as it happens, so only the edit that asked is
// undone) and shows it in every part.
func (b *builder) revertTerms() {
	b.asking = false
	b.p = proposal.Proposal{}
	json.Unmarshal(b.saved, &b.p)
	for _, p := range b.parts {
		p.reload()
	}
	b.check()
}

// revisionStatus says which revision is with the client, for the
// builder's status line.
func revisionStatus(p *proposal.Proposal) string {
	sent := p.SentRevision()
	switch {
	case sent == 0 && p.Rev() == 1:
		return ""
	case sent == p.Rev():
		return lang.L("revision {{.Revision}} is with the client", map[string]any{"Revision": sent})
	}
	return lang.L("revision {{.Revision}} in preparation, revision {{.Sent}} with the client",
		map[string]any{"Revision": p.Rev(), "Sent": sent})
}
