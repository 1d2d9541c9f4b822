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

// ReadableChars is the longest line, in characters, a column of running
// text is given: about what a reader's eye follows without losing the
// next line (typographers say 60 to 90).
const ReadableChars = 90

// readableColumn lays its one object out at most ReadableChars characters of
// body text wide, against the left edge; narrower windows give it their
// width.
type readableColumn struct{}

// NewReadable caps o's width at a readable measure (see ReadableChars).
func NewReadable(o fyne.CanvasObject) *fyne.Container { return container.New(readableColumn{}, o) }

// ReadableWidth is the width of ReadableChars characters of body text.
func ReadableWidth() float32 {
	ten := fyne.MeasureText("a quick br", theme.TextSize(), fyne.TextStyle{}).Width // ten characters of running text
	return ten*ReadableChars/10 + 4*theme.InnerPadding()
}

func (readableColumn) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (readableColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(max(min(size.Width, ReadableWidth()), objs[0].MinSize().Width), size.Height))
}
