package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTabBringsTheFieldIntoView: in a form longer than its window, Tab to
// a field below the fold scrolls it into view, and Shift+Tab back to the
// first scrolls up again.
func TestTabBringsTheFieldIntoView(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var fs FieldSet
	var entries []*Entry
	for i := 0; i < 30; i++ {
		e := NewEntry(nil)
		entries = append(entries, e)
		fs.Add(NewField("f"+string(rune('a'+i)), "Field", e))
	}
	notes := NewTextArea(nil)
	fs.Add(NewField("notes", "Notes", notes))
	agreed := NewCheck("Agreed", nil)
	fs.Add(NewField("agreed", "Agreed", agreed))
	choice := NewSelect([]string{"One", "Two"}, nil)
	fs.Add(NewField("choice", "Choice", choice))
	scroll := container.NewVScroll(fs.Grid())
	w.SetContent(container.NewBorder(widget.NewLabel("A form"), nil, nil, nil, scroll))
	w.Resize(fyne.NewSize(500, 300))
	inView := func(o fyne.CanvasObject) bool {
		d := fyne.CurrentApp().Driver()
		top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(scroll).Y
		return top >= 0 && top+o.Size().Height <= scroll.Size().Height+0.5
	}
	w.Canvas().Focus(entries[0])
	for range 12 {
		w.Canvas().FocusNext()
	}
	if f := w.Canvas().Focused(); f != entries[12] || !inView(entries[12]) {
		t.Fatalf("after 12 Tabs the focus is on %T, in view %v (scrolled %v)", f, inView(entries[12]), scroll.Offset)
	}
	w.Canvas().Focus(notes)
	if !inView(notes) {
		t.Errorf("the text area at the end is not in view (scrolled %v)", scroll.Offset)
	}
	w.Canvas().Focus(entries[0])
	if !inView(entries[0]) || scroll.Offset.Y != 0 {
		t.Errorf("back at the first field the form is scrolled to %v", scroll.Offset)
	}
	// Check boxes and drop-downs too (Fyne's own do not scroll to themselves).
	w.Canvas().Focus(entries[0])
	w.Canvas().Focus(agreed) // as Tab gives it
	if !inView(agreed) {
		t.Errorf("the check box that took the focus is not in view (scrolled %v)", scroll.Offset)
	}
	w.Canvas().Focus(entries[0])
	w.Canvas().Focus(choice)
	if !inView(choice) {
		t.Errorf("the drop-down that took the focus is not in view (scrolled %v)", scroll.Offset)
	}
}
