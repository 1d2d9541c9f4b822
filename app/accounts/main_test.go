package accounts

import (
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// openAccounts opens a frame with the accounts area's screens on a fresh
// workspace (the sample when sample is true), at the accounts list. The
// places of other areas are stubs that say where the user went.
func openAccounts(t *testing.T, sample bool) (*ui.Frame, fyne.Window, *store.Store) {
	t.Helper()
	f, w, st := uitest.Open(t, sample)
	screens := uitest.ElsewhereAt("welcome", "team", "agenda", "proposals", "proposal", "library", "search")
	screens["accounts"] = func(string) (ui.Screen, error) { return NewList(f, st), nil }
	screens["account"] = func(id string) (ui.Screen, error) { return NewDossier(f, st, id) }
	screens["account-edit"] = func(id string) (ui.Screen, error) { return NewAccountEditor(f, st, id) }
	screens["person"] = func(id string) (ui.Screen, error) { return NewPerson(f, st, id) }
	screens["people"] = func(string) (ui.Screen, error) { return NewPeople(f, st) }
	f.SetScreens(screens)
	f.Open(ui.Place{Screen: "accounts"})
	return f, w, st
}
