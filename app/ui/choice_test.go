package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"kamdesk/dossier"
)

// TestChoiceIsTheWidgetShown: a Choice in a window is itself the widget
// Fyne draws and asks. Choosing a value in code shows it, and the widget
// that opens the pop-up is the one in the window (Fyne finds a widget's
// window through the widget itself: a Choice wrapping a Select it never
// drew left its pop-up without a window, and Space on the account form's
// Tier crashed the desktop; the Choice never redrew either).
func TestChoiceIsTheWidgetShown(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	c := NewChoice(dossier.Tiers, dossier.Tier.Label, "", nil)
	w.SetContent(c)
	w.Resize(fyne.NewSize(300, 100))
	c.Set(dossier.TierKey)
	var shown []string
	for _, o := range test.LaidOutObjects(c) {
		if t, ok := o.(*canvas.Text); ok {
			shown = append(shown, t.Text)
		}
	}
	if !slices.Contains(shown, "Key") {
		t.Errorf("after choosing Key the drop-down shows %q", shown)
	}
	// Fyne asks a widget's settings (its window, its theme) through the
	// widget itself: a theme set on the part of the window that holds the
	// Choice reaches it only if it is the widget in the window.
	override := container.NewThemeOverride(c, sizedTheme{theme.DefaultTheme()})
	w.SetContent(override)
	if c.Theme().Size(sizedName) != sizedValue {
		t.Error("the theme of the part of the window holding the drop-down does not reach it: Fyne asks another widget than the one shown")
	}
	if got := w.Canvas().Focused(); got != nil {
		t.Fatalf("focus on %T before the test", got)
	}
	w.Canvas().Focus(c)
	if got, ok := w.Canvas().Focused().(*Choice[dossier.Tier]); !ok || got != c {
		t.Errorf("the focus went to %T, not to the drop-down in the window", w.Canvas().Focused())
	}
}

// sizedTheme is the default theme with one size of its own, by which a
// widget shows it got this theme.
type sizedTheme struct{ fyne.Theme }

const sizedName, sizedValue = fyne.ThemeSizeName("kamdesk-test-size"), 4321

func (s sizedTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == sizedName {
		return sizedValue
	}
	return s.Theme.Size(n)
}

// TestEscapeLeavesDropDownsAndLists: Esc on a drop-down, a check box, a
// list or a form's button reaches the window (which cancels the form or the dialog); Fyne's
// own widgets dropped it.
func TestEscapeLeavesDropDownsAndLists(t *testing.T) {
	test.NewTempApp(t)
	choice := NewChoice(dossier.Tiers, dossier.Tier.Label, "", nil)
	sel := NewSelect([]string{"a"}, nil)
	check := NewCheck("x", nil)
	list := NewList(func() int { return 1 }, func() fyne.CanvasObject { return canvas.NewText("", nil) },
		func(int, fyne.CanvasObject) {})
	button := NewButton("Save", nil, func() {})
	w := test.NewTempWindow(t, container.NewVBox(choice, sel, check, list, button))
	escapes := 0
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			escapes++
		}
	})
	for _, o := range []fyne.Focusable{choice, sel, check, list, button} {
		before := escapes
		w.Canvas().Focus(o)
		o.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if escapes != before+1 {
			t.Errorf("Esc on a %T did not reach the window", o)
		}
	}
}
