package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
)

// editorCase is a screen with an editor: how to open it, make an edit
// that can be saved and one that cannot, and tell where the edit is.
type editorCase struct {
	name  string
	open  func(d *Desk)
	edit  func(t *testing.T, d *Desk) // an edit the save takes
	spoil func(t *testing.T, d *Desk) // an edit the save refuses
	// saved reports whether the store holds the edit.
	saved func(t *testing.T, st *store.Store) bool
	// shown reports whether the screen still shows the edit, or the
	// spoiled text.
	shown, spoiled func(d *Desk) bool
	// refused reports whether the screen (or a dialog) says why the
	// spoiled edit was not saved.
	refused func(d *Desk, w fyne.Window) bool
}

func editorCases() []editorCase {
	const newPhone = "+44 20 7946 0555"
	person := func(d *Desk) *personScreen { return d.Current().(*personScreen) }
	account := func(d *Desk) *accountEditor { return d.Current().(*accountEditor) }
	pricing := func(d *Desk) *pricingRow {
		return d.Current().(*builder).parts[tabPricing].(*pricingEditor).rows[0]
	}
	library := func(d *Desk) *sectionEditor { return d.Current().(*libraryScreen).ed }
	member := func(d *Desk) *memberForm { return d.Current().(*teamScreen).members.form.(*memberForm) }
	dialogShown := func(_ *Desk, w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }
	return []editorCase{{
		name: "person",
		open: func(d *Desk) {
			d.Show(Place{Screen: "account", ID: "northbridge"})
			d.Show(Place{Screen: "person", ID: "northbridge-david-okafor"})
		},
		edit:  func(_ *testing.T, d *Desk) { aeRetype(person(d).phone, newPhone) },
		spoil: func(_ *testing.T, d *Desk) { aeRetype(person(d).email, "david at home") },
		saved: func(t *testing.T, st *store.Store) bool {
			p, err := st.Person("northbridge-david-okafor")
			if err != nil {
				t.Fatal(err)
			}
			return p.Phone == newPhone
		},
		shown:   func(d *Desk) bool { return person(d).phone.Text == newPhone },
		spoiled: func(d *Desk) bool { return person(d).email.Text == "david at home" },
		refused: func(d *Desk, _ fyne.Window) bool {
			return person(d).fields.MessageOf("email") != "" && person(d).status.Text != ""
		},
	}, {
		name: "account",
		open: func(d *Desk) { d.Show(Place{Screen: "account-edit", ID: "northbridge"}) },
		edit: func(_ *testing.T, d *Desk) { aeRetype(account(d).name, "Northbridge Renamed") },
		spoil: func(_ *testing.T, d *Desk) {
			aeRetype(account(d).share, "about a third")
		},
		saved: func(t *testing.T, st *store.Store) bool {
			a, err := st.Account("northbridge")
			if err != nil {
				t.Fatal(err)
			}
			return a.Name == "Northbridge Renamed"
		},
		shown:   func(d *Desk) bool { return account(d).name.Text == "Northbridge Renamed" },
		spoiled: func(d *Desk) bool { return account(d).share.Text == "about a third" },
		refused: func(d *Desk, _ fyne.Window) bool {
			return account(d).fields.MessageOf("revenue_share") != "" && account(d).status.Visible()
		},
	}, {
		name: "proposal pricing",
		open: func(d *Desk) {
			d.Show(Place{Screen: "proposal", ID: sampleDraft + ":" + tabPricing}) // a draft: a sent one would ask for a revision
		},
		edit:  func(_ *testing.T, d *Desk) { beRetype(pricing(d).price, "1,200.00") },
		spoil: func(_ *testing.T, d *Desk) { beRetype(pricing(d).qty, "nine hundred") },
		saved: func(t *testing.T, st *store.Store) bool {
			p, err := st.Proposal(sampleDraft)
			if err != nil {
				t.Fatal(err)
			}
			return p.Pricing[0].UnitPrice.String() == "1200"
		},
		shown:   func(d *Desk) bool { return pricing(d).price.Text == "1,200.00" },
		spoiled: func(d *Desk) bool { return pricing(d).qty.Text == "nine hundred" },
		refused: dialogShown, // "Not saved", naming the tab
	}, {
		name: "library section",
		open: func(d *Desk) { d.Show(Place{Screen: "library", ID: "validity-standard"}) },
		edit: func(_ *testing.T, d *Desk) {
			prRetype(library(d).title, "If you need more time to decide")
		},
		spoil: func(_ *testing.T, d *Desk) { prRetype(library(d).weights[0], "lots") },
		saved: func(t *testing.T, st *store.Store) bool {
			sec, err := st.Section("validity-standard")
			if err != nil {
				t.Fatal(err)
			}
			return sec.Title == "If you need more time to decide"
		},
		shown:   func(d *Desk) bool { return library(d).title.Text == "If you need more time to decide" },
		spoiled: func(d *Desk) bool { return library(d).weights[0].Text == "lots" },
		refused: func(d *Desk, _ fyne.Window) bool { return library(d).fs.MessageOf("audiences") != "" },
	}, {
		name:  "team member",
		open:  func(d *Desk) { d.Show(Place{Screen: "team", ID: "member:team-jonas-brandt"}) },
		edit:  func(_ *testing.T, d *Desk) { tmRetype(member(d).position, "Finance Director") },
		spoil: func(_ *testing.T, d *Desk) { tmRetype(member(d).email, "jonas at work") },
		saved: func(t *testing.T, st *store.Store) bool {
			m, err := st.TeamMember("team-jonas-brandt")
			if err != nil {
				t.Fatal(err)
			}
			return m.Position == "Finance Director"
		},
		shown:   func(d *Desk) bool { return member(d).position.Text == "Finance Director" },
		spoiled: func(d *Desk) bool { return member(d).email.Text == "jonas at work" },
		refused: func(d *Desk, _ fyne.Window) bool { return member(d).fields.MessageOf("email") != "" },
	}}
}
