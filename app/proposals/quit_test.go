package proposals

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

// TestQuitAsksAboutPricingChanges: quitting with an edit in a proposal's
// pricing asks Save, Discard or Cancel, as every editor does.
func TestQuitAsksAboutPricingChanges(t *testing.T) {
	pricing := func(d *ui.Frame) *pricingRow {
		return d.Current().(*builder).part(tabPricing).(*pricingEditor).rows[0]
	}
	dialogShown := func(_ *ui.Frame, w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }
	uitest.QuitCases(t, quitProposals, []uitest.EditorCase{{
		Name: "proposal pricing",
		Open: func(d *ui.Frame) {
			d.Show(ui.Place{Screen: "proposal", ID: sampleDraft + ":" + tabPricing}) // a draft: a sent one would ask for a revision
		},
		Edit:  func(_ *testing.T, d *ui.Frame) { uitest.Retype(pricing(d).price, "1,200.00") },
		Spoil: func(_ *testing.T, d *ui.Frame) { uitest.Retype(pricing(d).qty, "nine hundred") },
		Saved: func(t *testing.T, st *store.Store) bool {
			p, err := st.Proposal(sampleDraft)
			if err != nil {
				t.Fatal(err)
			}
			return p.Pricing[0].UnitPrice.String() == "1200"
		},
		Shown:   func(d *ui.Frame) bool { return pricing(d).price.Text == "1,200.00" },
		Spoiled: func(d *ui.Frame) bool { return pricing(d).qty.Text == "nine hundred" },
		Refused: dialogShown, // "Not saved", naming the tab
	}})
}

// quitProposals is openProposalArea on the sample, counting the times the
// app quit.
func quitProposals(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *int) {
	t.Helper()
	f, w, st := openProposalArea(t, true)
	quits := 0
	f.SetQuit(func() { quits++ })
	return f, w, st, &quits
}

// TestQuitAsksAboutTextNotYetANumber: text in a number field that is not
// a number leaves the proposal as it was, but it was typed: quitting
// asks, and Save says what to fix instead of quitting.
func TestQuitAsksAboutTextNotYetANumber(t *testing.T) {
	d, w, _, quits := quitProposals(t)
	d.Show(ui.Place{Screen: "proposal", ID: northbridgeProposal + ":" + tabPricing})
	b := d.Current().(*builder)
	qty := b.part(tabPricing).(*pricingEditor).rows[0].qty
	test.Type(qty, "x")
	if got, _ := json.Marshal(&b.p); string(got) != string(b.saved) {
		t.Fatal("the unreadable quantity changed the working copy")
	}
	d.Quit()
	uitest.AnswerQuestion(t, w, "Save")
	if *quits != 0 || !strings.HasPrefix(qty.Text, "x") {
		t.Fatalf("quit %d times with the quantity %q; want to stay with what was typed", *quits, qty.Text)
	}
	if _, text := uitest.Dialog(t, w); !strings.Contains(text, "not a number") {
		t.Errorf("the failed save says %q", text)
	}
}
