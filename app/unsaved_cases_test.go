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
// tests: a person's editor, edited as the user sees it. Each area tests
// its own editors with uitest.QuitCases.
func editorCases() []uitest.EditorCase {
	return []uitest.EditorCase{personCase()}
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
