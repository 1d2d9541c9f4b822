package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

func editorCases() []uitest.EditorCase {
	const newPhone = "+44 20 7946 0555"
	person := func(d *ui.Frame) *personScreen { return d.Current().(*personScreen) }
	account := func(d *ui.Frame) *accountEditor { return d.Current().(*accountEditor) }
	pricing := func(d *ui.Frame) *pricingRow {
		return d.Current().(*builder).parts[tabPricing].(*pricingEditor).rows[0]
	}
	dialogShown := func(_ *ui.Frame, w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }
	return []uitest.EditorCase{{
		Name: "person",
		Open: func(d *ui.Frame) {
			d.Show(Place{Screen: "account", ID: "northbridge"})
			d.Show(Place{Screen: "person", ID: "northbridge-david-okafor"})
		},
		Edit:  func(_ *testing.T, d *ui.Frame) { uitest.Retype(person(d).phone, newPhone) },
		Spoil: func(_ *testing.T, d *ui.Frame) { uitest.Retype(person(d).email, "david at home") },
		Saved: func(t *testing.T, st *store.Store) bool {
			p, err := st.Person("northbridge-david-okafor")
			if err != nil {
				t.Fatal(err)
			}
			return p.Phone == newPhone
		},
		Shown:   func(d *ui.Frame) bool { return person(d).phone.Text == newPhone },
		Spoiled: func(d *ui.Frame) bool { return person(d).email.Text == "david at home" },
		Refused: func(d *ui.Frame, _ fyne.Window) bool {
			return person(d).fields.MessageOf("email") != "" && person(d).status.Text != ""
		},
	}, {
		Name: "account",
		Open: func(d *ui.Frame) { d.Show(Place{Screen: "account-edit", ID: "northbridge"}) },
		Edit: func(_ *testing.T, d *ui.Frame) { uitest.Retype(account(d).name, "Northbridge Renamed") },
		Spoil: func(_ *testing.T, d *ui.Frame) {
			uitest.Retype(account(d).share, "about a third")
		},
		Saved: func(t *testing.T, st *store.Store) bool {
			a, err := st.Account("northbridge")
			if err != nil {
				t.Fatal(err)
			}
			return a.Name == "Northbridge Renamed"
		},
		Shown:   func(d *ui.Frame) bool { return account(d).name.Text == "Northbridge Renamed" },
		Spoiled: func(d *ui.Frame) bool { return account(d).share.Text == "about a third" },
		Refused: func(d *ui.Frame, _ fyne.Window) bool {
			return account(d).fields.MessageOf("revenue_share") != "" && account(d).status.Visible()
		},
	}, {
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
