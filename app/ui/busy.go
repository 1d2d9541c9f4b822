package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Busy is the loading state of a screen that fills in the background: a
// spinner and the word "Loading…", shown between Start and Stop and
// taking no room otherwise.
type Busy struct {
	widget.BaseWidget
	spin  *widget.Activity
	label *widget.Label
	box   *fyne.Container
}

// NewBusy returns a loading state, hidden until Start.
func NewBusy() *Busy {
	b := &Busy{spin: widget.NewActivity(), label: widget.NewLabel(lang.L("Loading…"))}
	b.box = container.NewHBox(b.spin, b.label)
	b.ExtendBaseWidget(b)
	b.Hide()
	return b
}

// Start shows the loading state.
func (b *Busy) Start() {
	b.spin.Start()
	b.Show()
}

// Stop hides it.
func (b *Busy) Stop() {
	b.spin.Stop()
	b.Hide()
}

// Loading reports whether the loading state is shown.
func (b *Busy) Loading() bool { return b.Visible() }

// CreateRenderer is for Fyne.
func (b *Busy) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.box) }

// ShowIn makes o what box shows. When box shows it already (a table whose
// rows changed), o is refreshed instead: putting it in again would lay it
// out a second time.
func ShowIn(box *fyne.Container, o fyne.CanvasObject) {
	if len(box.Objects) == 1 && box.Objects[0] == o {
		o.Refresh()
		return
	}
	box.Objects = []fyne.CanvasObject{o}
	box.Refresh()
}

// HeadedRow is the row template of a list with headings (the agenda, the
// search): a bold heading, or item.
func HeadedRow(item fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Heading", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewStack(heading, item)
}

// SetHeadedRow makes row o (from HeadedRow) show heading and returns nil
// when heading is not empty; else it shows the row's item and returns it,
// to be filled in.
func SetHeadedRow(o fyne.CanvasObject, heading string) fyne.CanvasObject {
	stack := o.(*fyne.Container)
	label, item := stack.Objects[0].(*widget.Label), stack.Objects[1]
	if heading != "" {
		label.SetText(heading)
		label.Show()
		item.Hide()
		return nil
	}
	label.Hide()
	item.Show()
	return item
}

// FirstFocus gives a list screen's table the keyboard when the screen
// opens, so that arrows and Enter work at once. A table that is put on
// screen only when its rows are read (ShowIn, after a background load)
// cannot take the focus yet: it takes it when it arrives, unless the user
// has put the focus somewhere else by then.
type FirstFocus struct{ wanted bool }

// Want gives o the focus now, or when Try next finds it on screen.
func (f *FirstFocus) Want(w fyne.Window, o fyne.Focusable) {
	c := w.Canvas()
	c.Focus(o)
	f.wanted = c.Focused() != o
	if f.wanted {
		c.Unfocus() // what had it belonged to the screen left
	}
}

// Try gives o the focus if it is still wanted and nothing else has it.
func (f *FirstFocus) Try(w fyne.Window, o fyne.Focusable) {
	if !f.wanted {
		return
	}
	c := w.Canvas()
	if c.Focused() != nil {
		f.wanted = false // the user chose where to type
		return
	}
	c.Focus(o)
	f.wanted = c.Focused() != o
}
