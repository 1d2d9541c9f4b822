package proposals

import (
	"testing"

	"fyne.io/fyne/v2"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// openProposalArea opens a frame with the proposals area's screens on a
// fresh workspace (the sample when sample is true). The places of other
// areas are stubs that say where the user went.
func openProposalArea(t *testing.T, sample bool) (*ui.Frame, fyne.Window, *store.Store) {
	t.Helper()
	f, w, st := uitest.Open(t, sample)
	screens := uitest.ElsewhereAt("welcome", "accounts", "account", "account-edit", "person", "people",
		"team", "agenda", "library", "search")
	screens["proposals"] = func(id string) (ui.Screen, error) { return NewList(f, st, id) }
	screens["proposal"] = func(id string) (ui.Screen, error) { return NewBuilder(f, st, id) }
	f.SetScreens(screens)
	f.Open(ui.Place{Screen: "accounts"})
	return f, w, st
}
