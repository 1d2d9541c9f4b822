package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

// openAccounts opens a frame with the accounts area's screens on a fresh
// workspace (the sample when sample is true), at the accounts list. The
// places of other areas are stubs that say where the user went.
func openAccounts(t *testing.T, sample bool) (*ui.Frame, fyne.Window, *store.Store) {
	t.Helper()
	f, w, st := uitest.Open(t, sample)
	screens := uitest.ElsewhereAt("welcome", "team", "agenda", "proposals", "proposal", "library", "search")
	screens["accounts"] = func(string) (ui.Screen, error) { return newAccountsScreen(f, st), nil }
	screens["account"] = func(id string) (ui.Screen, error) { return newDossierScreen(f, st, id) }
	screens["account-edit"] = func(id string) (ui.Screen, error) { return newAccountEditor(f, st, id) }
	screens["person"] = func(id string) (ui.Screen, error) { return newPersonScreen(f, st, id) }
	screens["people"] = func(string) (ui.Screen, error) { return newPeopleScreen(f, st) }
	f.SetScreens(screens)
	f.Open(ui.Place{Screen: "accounts"})
	return f, w, st
}
