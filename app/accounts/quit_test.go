package accounts

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

// TestQuitAsksAboutAccountAndPersonChanges: quitting with an edit in the
// person or the account editor asks Save, Discard or Cancel, as every
// editor does.
func TestQuitAsksAboutAccountAndPersonChanges(t *testing.T) {
	const newPhone = "+44 20 7946 0555"
	person := func(d *ui.Frame) *personScreen { return d.Current().(*personScreen) }
	account := func(d *ui.Frame) *accountEditor { return d.Current().(*accountEditor) }
	uitest.QuitCases(t, quitAccounts, []uitest.EditorCase{{
		Name: "person",
		Open: func(d *ui.Frame) {
			d.Show(ui.Place{Screen: "account", ID: "northbridge"})
			d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
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
			return person(d).fields.MessageOf("email") != "" && person(d).status.FullText() != ""
		},
	}, {
		// A photo chosen is an edit like any other.
		Name: "person photo",
		Open: func(d *ui.Frame) {
			d.Show(ui.Place{Screen: "account", ID: "northbridge"})
			d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
		},
		Edit: func(t *testing.T, d *ui.Frame) {
			path := filepath.Join(t.TempDir(), "david.png")
			if err := os.WriteFile(path, pngOf(30, 40), 0o600); err != nil {
				t.Fatal(err)
			}
			person(d).photo.choosePath(path)
		},
		Spoil: func(_ *testing.T, d *ui.Frame) { uitest.Retype(person(d).email, "david at home") },
		Saved: func(t *testing.T, st *store.Store) bool {
			p, err := st.Person("northbridge-david-okafor")
			if err != nil {
				t.Fatal(err)
			}
			return p.Photo != nil && p.Photo.Width == 30
		},
		Shown:   func(d *ui.Frame) bool { return person(d).photo.chosen != nil && person(d).photo.picture.Image != nil },
		Spoiled: func(d *ui.Frame) bool { return person(d).email.Text == "david at home" },
		Refused: func(d *ui.Frame, _ fyne.Window) bool {
			return person(d).fields.MessageOf("email") != "" && person(d).status.FullText() != ""
		},
	}, {
		Name: "account",
		Open: func(d *ui.Frame) { d.Show(ui.Place{Screen: "account-edit", ID: "northbridge"}) },
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
	}})
}
