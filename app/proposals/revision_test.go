package proposals

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/export"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/proposal"
)

// TestEditingASentRevisionAsks: the terms the client holds do not change
// silently. The first edit asks; keeping the sent revision puts the edit
// back; starting the next one makes it a draft of new terms, saved as
// revision 2, sent with a copy of its own while revision 1's stays.
func TestEditingASentRevisionAsks(t *testing.T) {
	d, w, st := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposal", ID: northbridgeProposal})
	b := d.Current().(*builder)
	b.showTab(tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	qty := e.rows[0].qty.Text

	test.Type(e.rows[0].qty, "1")
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(uitest.Visible(top), "The client holds revision 1") {
		t.Fatal("editing a sent revision asks nothing")
	}
	test.Type(e.rows[0].qty, "1") // typing on while asked changes nothing, asks no second time
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open, want 1", n)
	}
	uitest.AnswerQuestion(t, w, "Keep revision 1")
	if e.rows[0].qty.Text != qty || b.Dirty() || b.p.Rev() != 1 {
		t.Errorf("after keeping revision 1: quantity %q (want %q), dirty %v, revision %d", e.rows[0].qty.Text, qty, b.Dirty(), b.p.Rev())
	}

	// The keyboard answers too: Esc keeps, Enter starts the next revision.
	test.Type(e.rows[0].qty, "1")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.p.Rev() != 1 || b.Dirty() || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("Esc: revision %d, dirty %v, dialog open %v", b.p.Rev(), b.Dirty(), w.Canvas().Overlays().Top() != nil)
	}
	test.Type(e.rows[0].qty, "1")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if b.p.Rev() != 2 || !b.Dirty() || b.p.Issued != uitest.Today {
		t.Fatalf("after starting revision 2: revision %d, dirty %v, issued %s", b.p.Rev(), b.Dirty(), b.p.Issued)
	}
	if !strings.Contains(b.status.Text, "revision 2 in preparation, revision 1 with the client") {
		t.Errorf("the header says %q", b.status.Text)
	}
	if got := e.rows[0].qty.Text; got != "1"+qty {
		t.Errorf("the edit that asked was not kept: %q, want %q", got, "1"+qty)
	}
	d.OnSave() // Ctrl+S
	stored, _ := st.Proposal(northbridgeProposal)
	if stored.Rev() != 2 || stored.Pricing[0].Quantity.String() != "1"+qty || len(stored.Sendings) != 1 {
		t.Fatalf("stored: revision %d, quantity %s, %d sendings", stored.Rev(), stored.Pricing[0].Quantity, len(stored.Sendings))
	}

	// Revision 2 goes out with its own copy; revision 1's is as sent.
	b.showTab(tabFollowUp)
	f := b.part(tabFollowUp).(*followUpPart)
	if !f.sendBtn.Visible() || f.sendBtn.Text != "Mark revision 2 as sent…" || f.reviseBtn.Visible() {
		t.Errorf("send button %q visible %v; revise visible %v", f.sendBtn.Text, f.sendBtn.Visible(), f.reviseBtn.Visible())
	}
	test.Tap(f.sendBtn)
	for _, v := range proposal.Variants {
		f.sendAsk.checks[v].SetChecked(v == proposal.Finance)
	}
	test.Tap(f.sendAsk.ok)
	stored, _ = st.Proposal(northbridgeProposal)
	if len(stored.Sendings) != 2 || stored.Sendings[1].Revision != 2 || stored.SentRevision() != 2 {
		t.Fatalf("sendings after sending v2: %+v", stored.Sendings)
	}
	v1, err := st.Snapshot(stored.ID, stored.Sendings[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := st.Snapshot(stored.ID, stored.Sendings[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v2.Files) != 1 || v2.Files[0].Audience != proposal.Finance || !strings.Contains(v2.Files[0].Name, " - v2 - ") || strings.Contains(v2.Files[0].Name, "Finance") {
		t.Errorf("v2 copy files: %+v", v2.Files)
	}
	if f1, _ := v1.File(proposal.Finance); bytes.Equal(f1.HTML, v2.Files[0].HTML) {
		t.Error("the copy of revision 1 has revision 2's terms")
	}
	if f.sendBtn.Visible() || !f.reviseBtn.Visible() || f.reviseBtn.Text != "Start revision 3" {
		t.Errorf("after sending v2: send visible %v, revise %q visible %v", f.sendBtn.Visible(), f.reviseBtn.Text, f.reviseBtn.Visible())
	}
	if !strings.Contains(f.status.Text, "revision 2 is with the client") || len(f.copyBtns) != 2 {
		t.Errorf("follow-up status %q with %d copies listed", f.status.Text, len(f.copyBtns))
	}
}

// TestExportLeavesNoUnsavedChanges: an export of a saved proposal records
// the export and leaves nothing unsaved.
func TestExportLeavesNoUnsavedChanges(t *testing.T) {
	d, _, _ := openProposalArea(t, true)
	b := outOpen(t, d, outputDraft)
	e := b.newExporter()
	e.run(proposal.Finance, export.HTML, filepath.Join(t.TempDir(), "f.html"))
	if b.Dirty() || strings.Contains(b.status.Text, "unsaved") {
		t.Errorf("after an export: dirty %v, header %q", b.Dirty(), b.status.Text)
	}
}

// TestRemovedSectionOfAKeptRevision: a section removed from a sent
// revision, then kept ("Keep revision 1"), is back, and "Undo remove" is
// gone: it would have added the section a second time.
func TestRemovedSectionOfAKeptRevision(t *testing.T) {
	d, w, _ := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposal", ID: northbridgeProposal})
	b := d.Current().(*builder)
	b.showTab(tabSections)
	s := b.part(tabSections).(*sectionsEditor)
	n := len(b.p.Items)
	test.Tap(s.blocks[0].remove)
	uitest.AnswerQuestion(t, w, "Keep revision 1")
	if len(b.p.Items) != n || b.Dirty() {
		t.Fatalf("after keeping revision 1: %d sections (want %d), dirty %v", len(b.p.Items), n, b.Dirty())
	}
	if s.undo.Visible() || s.removed != nil {
		t.Fatal("Undo remove is still offered for the section put back")
	}
}
