package app

import (
	"bytes"
	"net/url"
	"os"
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

// overlayButton taps the button labelled text on the top overlay of w.
func overlayButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to answer %q", text)
	}
	test.Tap(uitest.Button(t, top, text))
}

// TestEditingASentRevisionAsks: the terms the client holds do not change
// silently. The first edit asks; keeping the sent revision puts the edit
// back; starting the next one makes it a draft of new terms, saved as
// revision 2, sent with a copy of its own while revision 1's stays.
func TestEditingASentRevisionAsks(t *testing.T) {
	d, w, st := testDesk(t, true)
	d.Show(Place{Screen: "proposal", ID: northbridgeProposal})
	b := d.Current().(*builder)
	b.showTab(tabPricing)
	e := b.parts[tabPricing].(*pricingEditor)
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
	if b.p.Rev() != 2 || !b.Dirty() || b.p.Issued != testToday {
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
	f := b.parts[tabFollowUp].(*followUpPart)
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
	if len(v2.Files) != 1 || v2.Files[0].Audience != proposal.Finance || !strings.Contains(v2.Files[0].Name, "- v2 - Finance") {
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

// TestWhatWasSentOpensByteForByte: the copy opens from the proposal's
// follow-up and from the account's timeline, the bytes as sent.
func TestWhatWasSentOpensByteForByte(t *testing.T) {
	d, w, st := testDesk(t, true)
	var opened []string
	d.opts.OpenURL = func(u *url.URL) error { opened = append(opened, filepath.FromSlash(u.Path)); return nil }
	view, err := ui.OpenViewFolder(filepath.Join(t.TempDir(), "open"))
	if err != nil {
		t.Fatal(err)
	}
	d.SetViewer(view)

	// The draft to Castellan, sent through the follow-up tab.
	d.Show(Place{Screen: "proposal", ID: sampleDraft})
	b := d.Current().(*builder)
	b.showTab(tabFollowUp)
	f := b.parts[tabFollowUp].(*followUpPart)
	sendFromFollowUp(t, f, "2026-11-24")
	stored, _ := st.Proposal(sampleDraft)
	last, ok := stored.LastSending()
	if !ok {
		t.Fatal("no sending on record")
	}
	snap, err := st.Snapshot(stored.ID, last.ID)
	if err != nil {
		t.Fatal(err)
	}

	test.Tap(f.copyBtns[0])
	overlayButton(t, w, "Open")
	if len(opened) != 1 {
		t.Fatalf("opened %q, want one file", opened)
	}
	if got, _ := os.ReadFile(opened[0]); !bytes.Equal(got, snap.Files[0].HTML) || filepath.Dir(opened[0]) != view.Dir() {
		t.Errorf("opened %s: not the bytes as sent, or not in the view folder", opened[0])
	}
	overlayButton(t, w, "Close")

	// From the timeline of the account.
	d.Show(Place{Screen: "account", ID: "castellan"})
	uitest.SelectTab(t, d.Area(), "Timeline")
	sent := uitest.FindButton(d.Area(), "What was sent…")
	if sent == nil {
		t.Fatal("the timeline's sending event offers no copy")
	}
	test.Tap(sent)
	overlayButton(t, w, "Open")
	if got, _ := os.ReadFile(opened[len(opened)-1]); !bytes.Equal(got, snap.Files[0].HTML) {
		t.Error("the copy opened from the timeline is not the bytes as sent")
	}
}

// TestExportLeavesNoUnsavedChanges: an export of a saved proposal records
// the export and leaves nothing unsaved.
func TestExportLeavesNoUnsavedChanges(t *testing.T) {
	d, _, _ := testDesk(t, true)
	b := outOpen(t, d, outputDraft)
	e := b.newExporter()
	e.run(proposal.Finance, export.HTML, filepath.Join(t.TempDir(), "f.html"))
	if b.Dirty() || strings.Contains(b.status.Text, "unsaved") {
		t.Errorf("after an export: dirty %v, header %q", b.Dirty(), b.status.Text)
	}
}
