package proposals

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// What is typed is what is stored (issue 8): a sentence typed key by key
// into every multi-line field of kamdesk, at widths where its spaces fall
// at the ends of rows, is saved byte for byte.

func TestTypedTextIsStoredFollowUpNote(t *testing.T) {
	_, w, st, _, f := openFollowUp(t, sampleSent)
	for i, width := range uitest.Widths {
		f.onMove(1)
		due := dossier.MustDate("2026-12-02").AddDays(i)
		f.ask.date.SetDate(due)
		uitest.TypeAt(f.ask.note, width, uitest.Sentence)
		test.Tap(f.ask.ok)
		title := "Follow-up moved to " + due.String() +
			": Ask about next steps (“Factory-commissioned controls for the Doncaster modular plant”)"
		ev, ok := eventTitled(t, st, "northbridge", title)
		if !ok {
			t.Fatalf("no event %q; dialog %v", title, w.Canvas().Overlays().Top() != nil)
		}
		uitest.CheckSentence(t, "follow-up note", width, ev.Text)
	}
}

func TestTypedTextIsStoredProposal(t *testing.T) {
	d, _, st, b, s := openSections(t)
	d.Options().After = func(time.Duration, func()) {} // the readiness check waits for a pause in typing
	for _, width := range uitest.Widths {
		s.addOwn()
		blk := s.blocks[len(s.blocks)-1]
		uitest.TypeAt(blk.ed.body, width, uitest.Sentence)
		b.OnSave()
		p, err := st.Proposal(castellanProposal)
		if err != nil {
			t.Fatal(err)
		}
		uitest.CheckSentence(t, "proposal section text", width, p.Items[len(p.Items)-1].Body)
	}
	b.showTab(tabFinancial)
	e := b.part(tabFinancial).(*financialEditor)
	for _, width := range uitest.Widths {
		e.note.SetText("")
		uitest.TypeAt(e.note, width, uitest.Sentence)
		b.OnSave()
		p, _ := st.Proposal(castellanProposal)
		uitest.CheckSentence(t, "financial note", width, p.Financial.Note)
	}
}
