package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestReviewDialog: the dialog of an import shows its summary above its
// records and what the choices write below them, the records taking the
// room left, and Cancel before the actions; Cancel closes it without
// acting.
func TestReviewDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	summary, records, writes := widget.NewLabel("3 rows: 1 to add"), widget.NewLabel("Polar Freight AS"), widget.NewLabel("1 to add")
	acted := false
	run := widget.NewButton("Import", func() { acted = true })
	d := NewReviewDialog("Import accounts", summary, records, writes, w, run)
	d.Show()
	if summary.Position().Y >= records.Position().Y || records.Position().Y >= writes.Position().Y || records.Size().Height <= 3*summary.Size().Height {
		t.Errorf("summary at %v, records at %v %v, what it writes at %v: want the summary on top, the records taking the room, what it writes below",
			summary.Position(), records.Position(), records.Size(), writes.Position())
	}
	var buttons []string
	var cancel *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b.Text)
			if b.Text == "Cancel" {
				cancel = b
			}
		}
	}
	if len(buttons) != 2 || buttons[0] != "Cancel" || buttons[1] != "Import" {
		t.Fatalf("the buttons are %q, want Cancel then Import", buttons)
	}
	test.Tap(cancel)
	if acted || w.Canvas().Overlays().Top() != nil {
		t.Errorf("Cancel acted %v, the dialog still open %v", acted, w.Canvas().Overlays().Top() != nil)
	}
}
