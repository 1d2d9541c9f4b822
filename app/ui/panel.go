package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Panel is a box around content, outlined, with the padding of a card:
// what the builder's section blocks are drawn in. Fyne's widget.Card
// refreshes its whole content whenever its renderer is made or
// refreshed (its theme is applied to the content), so each block's
// buttons, icons and texts were refreshed once more than they need as
// the block was laid out, a sixth of the builder's opening. A Panel's
// refresh redraws its outline only; a change of theme reaches the
// content anyway, since Fyne then refreshes every object in the window.
type Panel struct {
	widget.BaseWidget
	Content fyne.CanvasObject
}

// NewPanel returns a Panel around content.
func NewPanel(content fyne.CanvasObject) *Panel {
	p := &Panel{Content: content}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is part of fyne.Widget.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	r := &panelRenderer{p: p, outline: canvas.NewRectangle(nil)}
	r.applyTheme()
	return r
}

type panelRenderer struct {
	p       *Panel
	outline *canvas.Rectangle
}

func (r *panelRenderer) applyTheme() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.outline.FillColor = color.Transparent
	r.outline.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	r.outline.StrokeWidth = 1
	r.outline.CornerRadius = th.Size(theme.SizeNameInputRadius)
}

// inset is the space between the outline and the content on each side.
func (r *panelRenderer) inset() float32 {
	return r.p.Theme().Size(theme.SizeNamePadding) * 1.5
}

func (r *panelRenderer) Layout(size fyne.Size) {
	pad := r.p.Theme().Size(theme.SizeNamePadding) / 2
	r.outline.Move(fyne.NewSquareOffsetPos(pad))
	r.outline.Resize(size.Subtract(fyne.NewSquareSize(2 * pad)))
	in := r.inset()
	r.p.Content.Move(fyne.NewSquareOffsetPos(in))
	r.p.Content.Resize(size.Subtract(fyne.NewSquareSize(2 * in)))
}

func (r *panelRenderer) MinSize() fyne.Size {
	return r.p.Content.MinSize().Add(fyne.NewSquareSize(2 * r.inset()))
}

func (r *panelRenderer) Refresh() {
	r.applyTheme()
	r.outline.Refresh()
	r.Layout(r.p.Size())
}

func (r *panelRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.outline, r.p.Content}
}

func (r *panelRenderer) Destroy() {}
