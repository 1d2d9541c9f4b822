package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

// editorCases are screens with editors, for the desk's quit and leave
// tests: a person's editor, edited as the user sees it, and a proposal's
// pricing.
func editorCases() []uitest.EditorCase {
	pricing := func(d *ui.Frame) *pricingRow {
		return d.Current().(*builder).parts[tabPricing].(*pricingEditor).rows[0]
	}
	dialogShown := func(_ *ui.Frame, w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }
	return []uitest.EditorCase{personCase(), {
		Name: "proposal pricing",
		Open: func(d *ui.Frame) {
			d.Show(Place{Screen: "proposal", ID: sampleDraft + ":" + tabPricing}) // a draft: a sent one would ask for a revision
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
	}}
}

// personCase edits David Okafor's phone and e-mail, finding the fields
// by what they show, as the user does.
func personCase() uitest.EditorCase {
	const (
		phone, newPhone = "+44 113 496 0117", "+44 20 7946 0555"
		email, badEmail = "david.okafor@northbridge-build.example", "david at home"
	)
	shown := func(d *ui.Frame, text string) bool { return uitest.EntryWithText(d.Area(), text) != nil }
	retype := func(t *testing.T, d *ui.Frame, was, text string) {
		t.Helper()
		e := uitest.EntryWithText(d.Area(), was)
		if e == nil {
			t.Fatalf("no field shows %q", was)
		}
		uitest.Retype(e, text)
	}
	return uitest.EditorCase{
		Name: "person",
		Open: func(d *ui.Frame) {
			d.Show(Place{Screen: "account", ID: "northbridge"})
			d.Show(Place{Screen: "person", ID: "northbridge-david-okafor"})
		},
		Edit:  func(t *testing.T, d *ui.Frame) { retype(t, d, phone, newPhone) },
		Spoil: func(t *testing.T, d *ui.Frame) { retype(t, d, email, badEmail) },
		Saved: func(t *testing.T, st *store.Store) bool {
			p, err := st.Person("northbridge-david-okafor")
			if err != nil {
				t.Fatal(err)
			}
			return p.Phone == newPhone
		},
		Shown:   func(d *ui.Frame) bool { return shown(d, newPhone) },
		Spoiled: func(d *ui.Frame) bool { return shown(d, badEmail) },
		Refused: func(d *ui.Frame, _ fyne.Window) bool {
			return strings.Contains(uitest.Texts(d.Area()), "e-mail")
		},
	}
}
