package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
)

// TestTabsByKeyboard: an account's dossier opens with the focus on its
// people, so the arrows work at once; Ctrl+Tab and Ctrl+Shift+Tab (Go →
// Next tab, Previous tab) go through its tabs and a proposal's, round the
// ends, the focus going into the tab shown.
func TestTabsByKeyboard(t *testing.T) {
	d, w, _ := testDesk(t, true)
	w.Resize(fyne.NewSize(1280, 800))
	items := map[string]*fyne.MenuItem{}
	for _, m := range d.MainMenu().Items {
		for _, it := range m.Items {
			items[it.Label] = it
		}
	}
	next, prev := items["Next tab"], items["Previous tab"]
	if next == nil || prev == nil {
		t.Fatal("the Go menu has no Next tab / Previous tab")
	}
	if sc, ok := next.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyTab || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Errorf("Next tab's keys are %v, want Ctrl+Tab", next.Shortcut)
	}
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	if _, ok := w.Canvas().Focused().(*ui.List); !ok {
		t.Errorf("the dossier opens with the focus on %T, want its people list", w.Canvas().Focused())
	}
	tabs := d.Current().(ui.Tabbed).Tabs()
	var seen []string
	for range len(tabs.Items) {
		next.Action()
		seen = append(seen, tabs.Selected().Text)
		f := w.Canvas().Focused()
		if f == nil && tabs.Selected().Text != "Account plan" { // the plan has nothing to focus: it is read
			t.Errorf("on the %q tab nothing has the focus", tabs.Selected().Text)
		}
		if f != nil && !under(tabs.Selected().Content, f.(fyne.CanvasObject)) {
			t.Errorf("on the %q tab the focus is on %T, not in the tab", tabs.Selected().Text, f)
		}
	}
	if _, ok := w.Canvas().Focused().(*ui.List); !ok {
		t.Errorf("back on the group the focus is on %T, want its people list", w.Canvas().Focused())
	}
	if want := []string{"Account plan", "Timeline", "Decision-making group"}; !equal(seen, want) {
		t.Errorf("Ctrl+Tab went through %q, want %q", seen, want)
	}
	prev.Action()
	if got := tabs.Selected().Text; got != "Timeline" {
		t.Errorf("Ctrl+Shift+Tab from the first tab went to %q, want the last", got)
	}

	d.Show(ui.Place{Screen: "proposal", ID: "prop-castellan-calm-rollout"})
	tabs = d.Current().(ui.Tabbed).Tabs()
	first := tabs.SelectedIndex()
	next.Action()
	if tabs.SelectedIndex() != (first+1)%len(tabs.Items) {
		t.Errorf("Ctrl+Tab in the builder went from tab %d to %d", first, tabs.SelectedIndex())
	}
}

// under reports whether target is o or shown under it.
func under(o, target fyne.CanvasObject) bool {
	if o == nil {
		return false
	}
	if o == target {
		return true
	}
	var kids []fyne.CanvasObject
	switch o := o.(type) {
	case *fyne.Container:
		kids = o.Objects
	case *container.Scroll:
		kids = []fyne.CanvasObject{o.Content}
	case *container.Split:
		kids = []fyne.CanvasObject{o.Leading, o.Trailing}
	case *widget.Card:
		kids = []fyne.CanvasObject{o.Content}
	}
	for _, k := range kids {
		if under(k, target) {
			return true
		}
	}
	return false
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
