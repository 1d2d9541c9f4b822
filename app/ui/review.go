package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewReviewDialog is the dialog that shows what an import would do
// before it writes anything (File → Import bundle…, and the previews of
// the imports of people and of accounts), titled title: top above the
// records, the records in the room the dialog has, bottom below them
// (top and bottom may be nil), and its buttons: Cancel, which writes
// nothing, then actions, each of which closes the dialog itself when it
// acts. Show it when it is ready.
func NewReviewDialog(title string, top, records, bottom fyne.CanvasObject, win fyne.Window, actions ...*widget.Button) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewBorder(top, bottom, nil, nil, records), win)
	buttons := []fyne.CanvasObject{widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), d.Hide)}
	for _, b := range actions {
		buttons = append(buttons, b)
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(860, 600))
	return d
}
