package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestListOpensOnEnter: in a list, the arrows move the focus and Enter
// opens the row with it, as Space does (the shortcuts overview promises
// Enter; Fyne's own list takes only Space).
func TestListOpensOnEnter(t *testing.T) {
	test.NewTempApp(t)
	rows := []string{"Anna", "Bela", "Csilla"}
	l := NewList(func() int { return len(rows) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[i]) })
	opened := -1
	l.OnSelected = func(i widget.ListItemID) { opened = i }
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 200))
	w.Canvas().Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != 1 {
		t.Errorf("Down, Enter opened row %d, want 1", opened)
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if opened != 2 {
		t.Errorf("Down, keypad Enter opened row %d, want 2", opened)
	}
}
