package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// TestDialogsAnswerEnterAndEsc: every kind of dialog the desk shows
// answers the keyboard: a confirmation is confirmed by Enter and
// declined by Esc, a message or a custom dialog with one Close button is
// closed by either, and a form dialog's Cancel (with the cancel icon)
// answers Esc.
func TestDialogsAnswerEnterAndEsc(t *testing.T) {
	f, _, _ := undoFrame(t)
	f.InstallShortcuts(nil)
	w := f.Window()
	key := func(name fyne.KeyName) { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name}) }
	open := func() int { return len(w.Canvas().Overlays().List()) }

	for _, c := range []struct {
		key  fyne.KeyName
		want bool
	}{{fyne.KeyReturn, true}, {fyne.KeyEnter, true}, {fyne.KeyEscape, false}} {
		answer := "none"
		dialog.ShowConfirm("Delete account", "Delete “Northbridge”? You can undo this.", func(ok bool) {
			answer = map[bool]string{true: "yes", false: "no"}[ok]
		}, w)
		key(c.key)
		if want := map[bool]string{true: "yes", false: "no"}[c.want]; answer != want || open() != 0 {
			t.Errorf("%s on a confirmation: answer %s, %d dialogs open; want %s and none", c.key, answer, open(), want)
		}
	}

	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		dialog.ShowInformation("Library imported", "3 sections added.", w)
		key(k)
		if open() != 0 {
			t.Errorf("%s leaves a message open", k)
		}
		body := container.NewVBox(widget.NewLabel("Export finished"), widget.NewButton("Open", func() {}), widget.NewButton("Show in folder", func() {}))
		dialog.ShowCustom("Export finished", "Close", body, w)
		key(k)
		if open() != 0 {
			t.Errorf("%s leaves a dialog with a Close button open", k)
		}
	}

	confirmed := false
	form := dialog.NewCustomConfirm("Add sections from the library", "Add", "Cancel", widget.NewLabel("…"), func(ok bool) { confirmed = ok }, w)
	form.Show()
	key(fyne.KeyEscape)
	if open() != 0 || confirmed {
		t.Errorf("Esc on a form dialog: %d open, confirmed %v; want it cancelled", open(), confirmed)
	}
	form.Show()
	key(fyne.KeyReturn)
	if open() != 0 || !confirmed {
		t.Errorf("Enter on a form dialog: %d open, confirmed %v; want it confirmed", open(), confirmed)
	}
}
