package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tabs shows one of several contents, chosen by a row of tabs above
// them, as Fyne's AppTabs does and looking the same, without its cost:
// AppTabs builds its tab buttons again at every layout, refreshes each
// one's close icon (an SVG coloured and parsed again, shown or not) and
// refreshes the content of every tab, shown or not, whenever it is
// refreshed or a tab is selected. That was about a quarter of the UI
// goroutine's time when the builder opened. When the tabs do not fit
// the width, the longest labels are cut with an ellipsis: every tab stays
// in view and can be clicked (AppTabs put the last ones behind a "…"
// menu).
type Tabs struct {
	widget.BaseWidget
	Items []*container.TabItem
	// OnSelected is told the tab selected, when the selection changes.
	OnSelected func(*container.TabItem)

	current int
	buttons []*tabButton
	r       *tabsRenderer // once drawn
}

// NewTabs returns tabs showing items, the first one selected.
func NewTabs(items ...*container.TabItem) *Tabs {
	t := &Tabs{Items: items}
	for i, it := range items {
		if i > 0 && it.Content != nil {
			it.Content.Hide()
		}
		t.buttons = append(t.buttons, newTabButton(t, i))
	}
	t.ExtendBaseWidget(t)
	return t
}

// Selected is the tab shown; nil when there is none.
func (t *Tabs) Selected() *container.TabItem {
	if t.current < 0 || t.current >= len(t.Items) {
		return nil
	}
	return t.Items[t.current]
}

// SelectedIndex is the index of the tab shown.
func (t *Tabs) SelectedIndex() int { return t.current }

// Select shows the tab item.
func (t *Tabs) Select(item *container.TabItem) {
	for i, it := range t.Items {
		if it == item {
			t.SelectIndex(i)
			return
		}
	}
}

// SelectIndex shows the tab at index i and tells OnSelected; the tab
// shown already is left as it is.
func (t *Tabs) SelectIndex(i int) {
	if i < 0 || i >= len(t.Items) || i == t.current {
		return
	}
	old := t.current
	t.current = i
	if old >= 0 && old < len(t.Items) {
		if c := t.Items[old].Content; c != nil {
			c.Hide()
		}
		t.buttons[old].Refresh()
	}
	t.buttons[i].Refresh()
	if t.r != nil {
		t.r.place() // the content shown at its place and size, the indicator under its tab
	}
	if c := t.Items[i].Content; c != nil {
		c.Show()
	}
	if t.OnSelected != nil {
		t.OnSelected(t.Items[i])
	}
}

func (t *Tabs) CreateRenderer() fyne.WidgetRenderer {
	r := &tabsRenderer{t: t, divider: canvas.NewRectangle(nil), indicator: canvas.NewRectangle(nil)}
	r.colour()
	t.r = r
	return r
}

// tabsRenderer draws the tab buttons in a row, a line under them with the
// indicator under the tab selected, and the contents under that, only the
// selected one shown.
type tabsRenderer struct {
	t                  *Tabs
	divider, indicator *canvas.Rectangle
	size               fyne.Size
}

func (r *tabsRenderer) colour() {
	r.divider.FillColor = theme.Color(theme.ColorNameShadow)
	r.indicator.FillColor = theme.Color(theme.ColorNamePrimary)
	r.indicator.CornerRadius = theme.SelectionRadiusSize()
}

func (r *tabsRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, 2*len(r.t.Items)+2)
	for _, b := range r.t.buttons {
		objs = append(objs, b)
	}
	objs = append(objs, r.divider, r.indicator)
	for _, it := range r.t.Items {
		if it.Content != nil {
			objs = append(objs, it.Content)
		}
	}
	return objs
}

// barHeight is the height of the row of tabs.
func (r *tabsRenderer) barHeight() float32 {
	h := float32(0)
	for _, b := range r.t.buttons {
		h = max(h, b.MinSize().Height)
	}
	return h
}

func (r *tabsRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	bar := fyne.NewSize(0, r.barHeight())
	for _, b := range r.t.buttons {
		bar.Width = max(bar.Width, b.MinSize().Width) // a tab cut to an ellipsis at the least
	}
	content := fyne.NewSize(0, 0)
	for _, it := range r.t.Items {
		if it.Content != nil {
			content = content.Max(it.Content.MinSize())
		}
	}
	return fyne.NewSize(max(bar.Width, content.Width), bar.Height+pad+content.Height)
}

// Layout puts the tabs in a row, each as wide as its label when they fit
// the width; otherwise the widest are made narrower, all alike, until they
// fit, and cut their labels.
func (r *tabsRenderer) Layout(size fyne.Size) {
	r.size = size
	pad := theme.Padding()
	n := len(r.t.buttons)
	widths := make([]float32, n)
	room := size.Width - pad*float32(max(n-1, 0))
	for i, b := range r.t.buttons {
		widths[i] = b.wholeWidth()
	}
	if cap := fitWidths(widths, room); cap >= 0 {
		for i := range widths {
			widths[i] = min(widths[i], max(cap, r.t.buttons[i].MinSize().Width))
		}
	}
	h := r.barHeight()
	x := float32(0)
	for i, b := range r.t.buttons {
		b.Move(fyne.NewPos(x, 0))
		b.Resize(fyne.NewSize(widths[i], h))
		x += widths[i] + pad
	}
	r.divider.Move(fyne.NewPos(0, h))
	r.divider.Resize(fyne.NewSize(size.Width, pad))
	r.place()
}

// fitWidths returns the width w such that the widths, each no wider than
// w, sum to room; -1 when they fit as they are.
func fitWidths(widths []float32, room float32) float32 {
	sum := float32(0)
	for _, w := range widths {
		sum += w
	}
	if sum <= room {
		return -1
	}
	// the widest first: lower the cap until the sum fits
	sorted := append([]float32(nil), widths...)
	for i := 1; i < len(sorted); i++ { // a handful of tabs: insertion sort
		for j := i; j > 0 && sorted[j] > sorted[j-1]; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	rest := sum // the sum of the widths below the cap
	for k := range sorted {
		rest -= sorted[k]
		// the k+1 widest capped at w: rest + (k+1)·w = room
		w := (room - rest) / float32(k+1)
		if k+1 == len(sorted) || w >= sorted[k+1] {
			return max(w, 0)
		}
	}
	return 0
}

// place puts the selected content under the tabs and the indicator under
// its tab.
func (r *tabsRenderer) place() {
	t := r.t
	if t.current < 0 || t.current >= len(t.Items) {
		r.indicator.Hide()
		return
	}
	pad := theme.Padding()
	h := r.barHeight()
	b := t.buttons[t.current]
	r.indicator.Show()
	r.indicator.Move(fyne.NewPos(b.Position().X, h))
	r.indicator.Resize(fyne.NewSize(b.Size().Width, pad))
	r.indicator.Refresh()
	if c := t.Items[t.current].Content; c != nil {
		c.Move(fyne.NewPos(0, h+pad))
		c.Resize(fyne.NewSize(r.size.Width, r.size.Height-h-pad))
	}
}

// Refresh draws the tabs again (their labels, the theme's colours); the
// contents refresh themselves.
func (r *tabsRenderer) Refresh() {
	r.colour()
	for i, b := range r.t.buttons {
		b.text = r.t.Items[i].Text
		b.Refresh()
	}
	r.divider.Refresh()
	r.Layout(r.size)
}

func (r *tabsRenderer) Destroy() {}

// tabButton is the tab of one item: its label, in the primary colour
// when selected, on the hover colour under the mouse.
type tabButton struct {
	widget.BaseWidget
	tabs    *Tabs
	index   int
	text    string
	hovered bool
}

var (
	_ fyne.Tappable     = (*tabButton)(nil)
	_ desktop.Hoverable = (*tabButton)(nil)
)

func newTabButton(t *Tabs, i int) *tabButton {
	b := &tabButton{tabs: t, index: i, text: t.Items[i].Text}
	b.ExtendBaseWidget(b)
	return b
}

func (b *tabButton) Tapped(*fyne.PointEvent) { b.tabs.SelectIndex(b.index) }

func (b *tabButton) MouseIn(*desktop.MouseEvent) { b.hovered = true; b.Refresh() }

func (b *tabButton) MouseMoved(*desktop.MouseEvent) {}

func (b *tabButton) MouseOut() { b.hovered = false; b.Refresh() }

// wholeWidth is the width of the tab with its whole label.
func (b *tabButton) wholeWidth() float32 {
	return fyne.MeasureText(b.text, theme.TextSize(), tabStyle).Width + 2*theme.InnerPadding()
}

// MinSize is as tall as the label and as wide as an ellipsis.
func (b *tabButton) MinSize() fyne.Size {
	ip := theme.InnerPadding()
	// as tall as an icon, as Fyne's tabs are, with or without one
	h := max(fyne.MeasureText(b.text, theme.TextSize(), tabStyle).Height, theme.IconInlineSize())
	return fyne.NewSize(fitter.ellipsisWidth(tabStyle)+2*ip, h+2*ip)
}

func (b *tabButton) CreateRenderer() fyne.WidgetRenderer {
	r := &tabButtonRenderer{b: b, bg: canvas.NewRectangle(nil), label: canvas.NewText("", nil)}
	r.label.Alignment = fyne.TextAlignCenter
	r.label.TextStyle = tabStyle
	r.Refresh()
	return r
}

type tabButtonRenderer struct {
	b     *tabButton
	bg    *canvas.Rectangle
	label *canvas.Text
	width float32 // the width the label was cut to
}

func (r *tabButtonRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.label} }

func (r *tabButtonRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *tabButtonRenderer) Layout(size fyne.Size) {
	ip := theme.InnerPadding()
	r.bg.Resize(size)
	r.fit(size.Width)
	r.label.Move(fyne.NewPos(ip, ip))
	r.label.Resize(fyne.NewSize(size.Width-2*ip, size.Height-2*ip))
}

// fit cuts the label to the width of the tab.
func (r *tabButtonRenderer) fit(width float32) {
	text := r.b.text
	if width > 0 && width < r.b.wholeWidth() {
		text = fitter.Fit(text, width-2*theme.InnerPadding(), tabStyle)
	}
	if r.label.Text != text {
		r.label.Text = text
		r.label.Refresh()
	}
	r.width = width
}

func (r *tabButtonRenderer) Refresh() {
	b := r.b
	if b.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
		r.bg.CornerRadius = theme.SelectionRadiusSize()
		r.bg.Show()
	} else {
		r.bg.Hide()
	}
	r.bg.Refresh()
	r.label.TextSize = theme.TextSize()
	r.label.Color = theme.Color(theme.ColorNameForeground)
	if b.tabs.current == b.index {
		r.label.Color = theme.Color(theme.ColorNamePrimary)
	}
	r.label.Text = "" // fitted again below
	r.fit(b.Size().Width)
	r.label.Refresh()
}

func (r *tabButtonRenderer) Destroy() {}

// tabStyle is the style of the tabs' labels, bold as Fyne's.
var tabStyle = fyne.TextStyle{Bold: true}
