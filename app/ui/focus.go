package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// NextTab selects the tab delta places on from the one selected in tabs,
// round the ends, and puts the focus on the first field, list or button
// of its content, so that the keyboard goes on there.
func NextTab(w fyne.Window, tabs *Tabs, delta int) {
	n := len(tabs.Items)
	if n == 0 {
		return
	}
	tabs.SelectIndex(((tabs.SelectedIndex()+delta)%n + n) % n)
	FocusIn(w, tabs.Selected().Content)
}

// FocusIn puts the focus on the first field, list or button under o,
// or nowhere when o has none.
func FocusIn(w fyne.Window, o fyne.CanvasObject) {
	w.Canvas().Unfocus()
	if f := firstFocusable(o); f != nil {
		w.Canvas().Focus(f)
	}
}

// firstFocusable is the first shown object under o that takes the focus.
func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	if o == nil || !o.Visible() {
		return nil
	}
	if f, ok := o.(fyne.Focusable); ok {
		if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
			return f
		}
	}
	for _, k := range childrenOf(o) {
		if f := firstFocusable(k); f != nil {
			return f
		}
	}
	return nil
}

// childrenOf are the objects the containers and container widgets of the
// desk show under o (what Reveal walks too).
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch o := o.(type) {
	case *container.Scroll:
		return []fyne.CanvasObject{o.Content}
	case *fyne.Container:
		return o.Objects
	case *container.Split:
		return []fyne.CanvasObject{o.Leading, o.Trailing}
	case *Tabs:
		if it := o.Selected(); it != nil {
			return []fyne.CanvasObject{it.Content}
		}
	case *widget.Card:
		return []fyne.CanvasObject{o.Content}
	case *widget.PopUp:
		return []fyne.CanvasObject{o.Content}
	case *container.ThemeOverride:
		return []fyne.CanvasObject{o.Content}
	}
	return nil
}
