package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// How long the undo bar stays, and how much longer when its time runs out
// with the pointer on it.
const (
	undoFor      = 10 * time.Second
	undoHoverFor = 3 * time.Second
)

// Deleted offers to undo a deletion from a bar under the working area of
// the place shown, for ten seconds (longer while the pointer is on it),
// until the user goes to another place, deletes again or closes it. what
// is the kind of record in English (translated here), label its name.
func (f *Frame) Deleted(what, label string, undo func() error) {
	msg := widget.NewLabel(lang.L("Deleted {{.What}} “{{.Label}}”.", map[string]any{"What": lang.L(what), "Label": Clip(label, 60)}))
	bar := &undoBar{}
	undoBtn := bar.button(lang.L("Undo"), theme.ContentUndoIcon(), func() {
		if err := undo(); err != nil {
			f.ShowError(err)
			return
		}
		f.closeBanner()
		f.Show(f.place)
	})
	undoBtn.Importance = widget.HighImportance
	closeBtn := bar.button("", theme.CancelIcon(), f.closeBanner)
	closeBtn.Importance = widget.LowImportance
	bar.content = container.NewBorder(nil, nil, nil, container.NewHBox(undoBtn, closeBtn), msg)
	bar.ExtendBaseWidget(bar)
	f.banner.Objects = []fyne.CanvasObject{bar}
	f.banner.Refresh()
	f.undoAt = f.place
	f.undoGen++
	gen := f.undoGen
	var expire func()
	expire = func() {
		if f.undoGen != gen || len(f.banner.Objects) == 0 {
			return // closed, or another bar took its place
		}
		if bar.pointerOn > 0 {
			f.opts.Expire(undoHoverFor, expire)
			return
		}
		f.closeBanner()
	}
	f.opts.Expire(undoFor, expire)
}

// closeBanner takes the undo bar away.
func (f *Frame) closeBanner() {
	f.banner.Objects = nil
	f.banner.Refresh()
}

// undoBar is the undo bar; it knows whether the pointer is on it or on one
// of its buttons, so that it never goes away under the user's hand.
type undoBar struct {
	widget.BaseWidget
	content   fyne.CanvasObject
	pointerOn int // the bar and its buttons the pointer is in
}

func (b *undoBar) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.content) }

func (b *undoBar) MouseIn(*desktop.MouseEvent)    { b.pointerOn++ }
func (b *undoBar) MouseMoved(*desktop.MouseEvent) {}
func (b *undoBar) MouseOut()                      { b.pointerOn = max(0, b.pointerOn-1) }

// button makes a button of the bar that tells the bar the pointer is on it.
func (b *undoBar) button(text string, icon fyne.Resource, tapped func()) *barButton {
	btn := &barButton{bar: b}
	btn.Text, btn.Icon, btn.OnTapped = text, icon, tapped
	btn.ExtendBaseWidget(btn)
	return btn
}

type barButton struct {
	widget.Button
	bar *undoBar
}

// Unwrap is the button itself, for tests that look for buttons.
func (b *barButton) Unwrap() *widget.Button { return &b.Button }

func (b *barButton) MouseIn(e *desktop.MouseEvent) {
	b.bar.pointerOn++
	b.Button.MouseIn(e)
}

func (b *barButton) MouseOut() {
	b.bar.pointerOn = max(0, b.bar.pointerOn-1)
	b.Button.MouseOut()
}
