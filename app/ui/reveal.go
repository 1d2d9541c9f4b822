package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Reveal scrolls the scroll that holds o, the innermost, so that o is in
// view: a field the Tab key moved the focus to below the fold comes up
// (Fyne's scrolls do not follow the focus). It looks through the window's
// containers, scrolls, splits, tabs and cards; o elsewhere is left be.
func Reveal(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	if c == nil {
		return
	}
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = top
	}
	sc := scrollHolding(root, o, nil)
	if sc == nil {
		return
	}
	at, view := d.AbsolutePositionForObject(o), d.AbsolutePositionForObject(sc)
	top := at.Y - view.Y // o's top in the scroll's view
	bottom := top + o.Size().Height
	off := sc.Offset
	switch {
	case top < 0:
		off.Y += top
	case bottom > sc.Size().Height:
		off.Y += min(bottom-sc.Size().Height, top)
	default:
		return
	}
	sc.ScrollToOffset(off)
}

// scrollHolding is the innermost scroll under o that holds target, or in
// (the scroll o is in) when o holds target outside any scroll of its own.
func scrollHolding(o, target fyne.CanvasObject, in *container.Scroll) *container.Scroll {
	if o == nil {
		return nil
	}
	if o == target {
		return in
	}
	if sc, ok := o.(*container.Scroll); ok {
		in = sc
	}
	kids := childrenOf(o)
	for _, k := range kids {
		if s := scrollHolding(k, target, in); s != nil {
			return s
		}
	}
	return nil
}
