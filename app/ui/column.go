package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// wrapColumn is the layout of NewWrapColumn.
type wrapColumn struct{}

// NewWrapColumn stacks objs like a VBox, but gives each block its width
// before asking its height, so that word-wrapped text is as tall as it
// needs at that width and no taller.
func NewWrapColumn(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(wrapColumn{}, objs...)
}

func (wrapColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height += theme.Padding() * float32(n-1)
	}
	return s
}

func (wrapColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, o.Size().Height)) // the width first
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

// sideBySide lays objects out in a row, each as wide as it needs and the
// width left over shared equally, all as tall as the tallest. Unlike a
// grid of equal columns it needs only the sum of their widths: a form of
// two columns, one of which needs more room, fits a narrower window.
type sideBySide struct{}

// NewSideBySide puts objs side by side (see sideBySide).
func NewSideBySide(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(sideBySide{}, objs...)
}

func (sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i > 0 {
			s.Width += theme.Padding()
		}
		s.Width += m.Width
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (l sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(objs) == 0 {
		return
	}
	extra := (size.Width - l.MinSize(objs).Width) / float32(len(objs))
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width + max(extra, 0)
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + theme.Padding()
	}
}
