package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lineHeight is the height of a row of text, as Entry has it.
func (a *TextArea) lineHeight() float32 {
	return fyne.MeasureText("M", areaTheme().Size(theme.SizeNameText), fyne.TextStyle{}).Height
}

// layoutBlocks stacks the blocks in a column width wide, each as tall as
// its rows. At a new width the paragraphs wrap anew, and their cuts move
// to where their rows now start.
func (a *TextArea) layoutBlocks(width float32) {
	th := areaTheme()
	pad, border := th.Size(theme.SizeNameInnerPadding), th.Size(theme.SizeNameInputBorder)
	w := max(width-2*pad, 0)
	if w != a.width {
		for _, b := range a.blocks {
			b.Resize(fyne.NewSize(w, b.Size().Height)) // re-wraps at the new width
			b.unsettled = true
		}
		a.width = w
	}
	y := pad - border
	for _, b := range a.blocks {
		h := b.height()
		b.Resize(fyne.NewSize(w, h))
		b.Move(fyne.NewPos(pad, y))
		y += h
	}
	a.settle()
	a.showCaret()
}

// relayout places the blocks again after one of them changed its height
// and lets the scroll know the new height.
func (a *TextArea) relayout() {
	if a.column.Size().Width <= 0 {
		return // the first layout does it
	}
	a.layoutBlocks(a.column.Size().Width)
	a.scroll.Refresh()
}

// ensureVisible scrolls so that the cursor is in view.
func (a *TextArea) ensureVisible() {
	view := a.scroll.Size().Height
	b := a.active
	if view <= 0 || b == nil || a.settleHeld {
		return
	}
	pad := areaTheme().Size(theme.SizeNameInnerPadding)
	top := b.Position().Y + b.CursorPosition().Y
	bottom := top + a.lineHeight()
	off := a.scroll.Offset.Y
	if top-pad < off {
		off = top - pad
	} else if bottom+pad > off+view {
		off = bottom + pad - view
	}
	off = max(0, min(off, a.column.MinSize().Height-view))
	a.scroll.ScrollToOffset(fyne.NewPos(0, off))
	a.settle()
}

// showCaret draws the cursor where the active block has it. Entry draws
// its cursor as wide as an input's border, and the blocks have none, so
// the area draws the cursor for them.
func (a *TextArea) showCaret() {
	b := a.active
	if b == nil || !a.focused || a.all || a.Disabled() || a.index(b) < 0 {
		a.cursor.hide()
		return
	}
	th := areaTheme()
	p := b.Position().Add(b.CursorPosition())
	a.cursor.show(p, fyne.NewSize(th.Size(theme.SizeNameInputBorder), a.lineHeight()))
}

// textCaret is the blinking cursor of a textArea.
type textCaret struct {
	rect  *canvas.Rectangle
	blink *fyne.Animation
}

func newTextCaret() *textCaret {
	c := &textCaret{rect: canvas.NewRectangle(color.Transparent)}
	c.rect.Hide()
	c.blink = fyne.NewAnimation(1200*time.Millisecond, func(f float32) {
		c.rect.Hidden = f > 0.6 // shown, then hidden for the last part of each beat
		c.rect.Refresh()
	})
	c.blink.RepeatCount = fyne.AnimationRepeatForever
	c.blink.Curve = fyne.AnimationLinear
	return c
}

func (c *textCaret) show(at fyne.Position, size fyne.Size) {
	c.rect.FillColor = areaTheme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	c.rect.Move(at.SubtractXY(size.Width/2, 0))
	c.rect.Resize(size)
	c.rect.Show()
	c.rect.Refresh()
	c.blink.Stop() // a moved cursor shows at once, then blinks
	if fyne.CurrentApp().Settings().ShowAnimations() {
		c.blink.Start()
	}
}

func (c *textCaret) hide() {
	c.blink.Stop()
	if c.rect.Visible() {
		c.rect.Hide()
	}
}

// CreateRenderer draws the area as Entry draws itself: a box with a
// border that turns to the primary colour while the area has the focus.
func (a *TextArea) CreateRenderer() fyne.WidgetRenderer {
	a.ExtendBaseWidget(a)
	r := &textAreaRenderer{a: a,
		box:    canvas.NewRectangle(color.Transparent),
		all:    canvas.NewRectangle(color.Transparent),
		border: canvas.NewRectangle(color.Transparent),
		wheel:  &textWheel{a: a},
	}
	r.wheel.ExtendBaseWidget(r.wheel)
	r.objects = []fyne.CanvasObject{r.box, r.all, r.border, a.scroll, r.wheel}
	r.Refresh()
	return r
}

type textAreaRenderer struct {
	a                *TextArea
	box, all, border *canvas.Rectangle
	wheel            *textWheel
	objects          []fyne.CanvasObject
	theme            fyne.Theme
	variant          fyne.ThemeVariant
}

func (r *textAreaRenderer) Destroy() {}

func (r *textAreaRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *textAreaRenderer) Layout(size fyne.Size) {
	border := areaTheme().Size(theme.SizeNameInputBorder)
	r.border.Resize(fyne.NewSize(size.Width-border-.5, size.Height-border-.5))
	r.border.Move(fyne.NewSquareOffsetPos(border / 2))
	inner := size.Subtract(fyne.NewSquareSize(border * 2))
	for _, o := range []fyne.CanvasObject{r.box, r.all} {
		o.Resize(inner)
		o.Move(fyne.NewSquareOffsetPos(border))
	}
	for _, o := range []fyne.CanvasObject{r.a.scroll, r.wheel} {
		o.Resize(fyne.NewSize(size.Width, size.Height-border*2))
		o.Move(fyne.NewPos(0, border))
	}
}

// MinSize is an Entry's with as many rows as asked.
func (r *textAreaRenderer) MinSize() fyne.Size {
	th := areaTheme()
	pad := th.Size(theme.SizeNameInnerPadding)
	char := fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{})
	rows := max(r.a.minRows, 1)
	return fyne.NewSize(char.Width+3*pad, char.Height*float32(rows)+2*pad)
}

func (r *textAreaRenderer) Refresh() {
	a := r.a
	th := areaTheme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	radius := th.Size(theme.SizeNameInputRadius)
	r.box.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.box.CornerRadius = radius
	r.all.FillColor = th.Color(theme.ColorNameSelection, v)
	r.all.CornerRadius = radius
	r.all.Hidden = !a.all
	r.border.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.border.CornerRadius = radius
	switch {
	case a.Disabled():
		r.border.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	case a.focused:
		r.border.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	case a.invalid:
		r.border.StrokeColor = th.Color(theme.ColorNameError, v)
	default:
		r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}
	for _, o := range []*canvas.Rectangle{r.box, r.all, r.border} {
		o.Refresh()
	}
	if r.theme != nil && (r.theme != th || r.variant != v) {
		for _, b := range a.blocks { // a new theme: the blocks draw again
			b.Refresh()
		}
	}
	r.theme, r.variant = th, v
}

// textColumn holds the blocks, one under the other.
type textColumn struct {
	widget.BaseWidget
	a *TextArea
}

func (c *textColumn) CreateRenderer() fyne.WidgetRenderer { return &textColumnRenderer{c: c} }

type textColumnRenderer struct{ c *textColumn }

func (r *textColumnRenderer) Destroy() {}

func (r *textColumnRenderer) Layout(size fyne.Size) { r.c.a.layoutBlocks(size.Width) }

func (r *textColumnRenderer) MinSize() fyne.Size {
	a := r.c.a
	th := areaTheme()
	h := 2 * (th.Size(theme.SizeNameInnerPadding) - th.Size(theme.SizeNameInputBorder))
	for _, b := range a.blocks {
		h += b.height()
	}
	return fyne.NewSize(0, h)
}

func (r *textColumnRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(r.c.a.blocks), len(r.c.a.blocks)+1)
	for i, b := range r.c.a.blocks {
		objs[i] = b
	}
	return append(objs, r.c.a.cursor.rect)
}

// Refresh lays the blocks out; each block draws itself when it changes.
func (r *textColumnRenderer) Refresh() { r.Layout(r.c.Size()) }

// textPage is what the area's scroll holds: the blocks in their theme.
// A scroll refreshes its content whenever it is refreshed; a page does
// not pass that on, since refreshing the theme's override would apply it
// to every block again and clear Fyne's cache of measured text.
type textPage struct {
	widget.BaseWidget
	look *container.ThemeOverride
}

func (p *textPage) CreateRenderer() fyne.WidgetRenderer { return &textPageRenderer{p} }

type textPageRenderer struct{ p *textPage }

func (r *textPageRenderer) Destroy() {}

func (r *textPageRenderer) Layout(size fyne.Size) { r.p.look.Resize(size) }

func (r *textPageRenderer) MinSize() fyne.Size { return r.p.look.MinSize() }

func (r *textPageRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.look} }

func (r *textPageRenderer) Refresh() {}

// textWheel lies over the blocks to catch the mouse wheel, which each
// block's own (never scrolling) Entry would swallow, for the area's scroll.
type textWheel struct {
	widget.BaseWidget
	a *TextArea
}

func (w *textWheel) Scrolled(ev *fyne.ScrollEvent) { w.a.scroll.Scrolled(ev) }

func (w *textWheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// blockTheme is the app's theme for the blocks, less what makes each an
// input of its own: no background, border or padding; the area has them.
type blockTheme struct{}

func (blockTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t blockTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameInputBackground || n == theme.ColorNameInputBorder {
		return color.Transparent
	}
	return t.base().Color(n, v)
}

func (t blockTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t blockTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t blockTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInnerPadding || n == theme.SizeNameInputBorder {
		return 0
	}
	return t.base().Size(n)
}
