package accounts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"strings"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// orgChart draws a decision-making group as a tree along reports-to: each
// person a card coloured by ladder level and marked with stakeholder type
// and influence. Tapping a card calls OnTapped with the person.
type orgChart struct {
	widget.BaseWidget
	people   []dossier.Person
	OnTapped func(p dossier.Person)
	zoom     float32 // 1 draws cards at their full size
	selected string  // the ID of the person whose dossier is shown, highlighted
}

const (
	cardW, cardH = 190, 78
	gapX, gapY   = 16, 36
)

func newOrgChart(people []dossier.Person, onTapped func(dossier.Person)) *orgChart {
	c := &orgChart{people: people, OnTapped: onTapped, zoom: 1}
	c.ExtendBaseWidget(c)
	return c
}

// setZoom draws the chart at zoom z (1 is full size), within the zooms
// offered.
func (c *orgChart) setZoom(z float32) {
	z = min(max(z, minZoom), maxZoom)
	if z != c.zoom {
		c.zoom = z
		c.Refresh()
	}
}

// fullSize is the chart's size at zoom 1.
func (c *orgChart) fullSize() fyne.Size {
	_, size := layoutTree(c.people)
	return size
}

// The zooms of the chart: fitting a big group to its pane stops at
// minZoom, below which names are too small to read.
const (
	minZoom = 0.45
	maxZoom = 1.5
)

// zoomSteps are the zooms the − and + buttons go through.
var zoomSteps = []float32{0.45, 0.55, 0.67, 0.8, 0.9, 1, 1.25, 1.5}

// select highlights the person with ID id.
func (c *orgChart) selectPerson(id string) {
	if c.selected != id {
		c.selected = id
		c.Refresh()
	}
}

// layoutTree places people in a tidy tree: roots (nobody above them in the
// group) side by side, each subtree centred over its reports.
func layoutTree(people []dossier.Person) (pos map[string]fyne.Position, size fyne.Size) {
	byID := map[string]dossier.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	children := map[string][]string{}
	var roots []string
	for _, p := range people {
		if _, ok := byID[p.ReportsTo]; ok && p.ReportsTo != p.ID {
			children[p.ReportsTo] = append(children[p.ReportsTo], p.ID)
		} else {
			roots = append(roots, p.ID)
		}
	}
	pos = map[string]fyne.Position{}
	visiting := map[string]bool{}
	var place func(id string, depth int, left float32) float32
	// place lays out the subtree of id from x=left and returns its width.
	place = func(id string, depth int, left float32) float32 {
		if visiting[id] {
			return 0 // a loop in reports-to: draw each person once
		}
		visiting[id] = true
		y := float32(depth) * (cardH + gapY)
		var width float32
		for i, ch := range children[id] {
			if i > 0 {
				width += gapX
			}
			width += place(ch, depth+1, left+width)
		}
		if width < cardW {
			width = cardW
		}
		pos[id] = fyne.NewPos(left+(width-cardW)/2, y)
		if y+cardH > size.Height {
			size.Height = y + cardH
		}
		return width
	}
	var x float32
	for i, r := range roots {
		if i > 0 {
			x += gapX * 2
		}
		x += place(r, 0, x)
	}
	// People caught in a reporting loop have no root above them: draw each
	// loop from its first member.
	for _, p := range people {
		if _, ok := pos[p.ID]; !ok && !visiting[p.ID] {
			x += gapX * 2
			x += place(p.ID, 0, x)
		}
	}
	size.Width = x
	return pos, size
}

func (c *orgChart) CreateRenderer() fyne.WidgetRenderer {
	r := &orgChartRenderer{chart: c, box: container.NewWithoutLayout()}
	r.build()
	return r
}

type orgChartRenderer struct {
	chart *orgChart
	box   *fyne.Container
	size  fyne.Size
	zoom  float32
	cards []*personCard
}

// build draws the chart at its zoom: the connectors, then the cards.
func (r *orgChartRenderer) build() {
	c := r.chart
	z := c.zoom
	pos, size := layoutTree(c.people)
	at := func(p fyne.Position) fyne.Position { return fyne.NewPos(p.X*z, p.Y*z) }
	objects := []fyne.CanvasObject{}
	for _, p := range c.people {
		from, ok1 := pos[p.ReportsTo]
		to, ok2 := pos[p.ID]
		if !ok1 || !ok2 || p.ReportsTo == p.ID {
			continue
		}
		midY := from.Y + cardH + gapY/2
		stroke := theme.Color(theme.ColorNameDisabled)
		for _, seg := range [][2]fyne.Position{
			{fyne.NewPos(from.X+cardW/2, from.Y+cardH), fyne.NewPos(from.X+cardW/2, midY)},
			{fyne.NewPos(from.X+cardW/2, midY), fyne.NewPos(to.X+cardW/2, midY)},
			{fyne.NewPos(to.X+cardW/2, midY), fyne.NewPos(to.X+cardW/2, to.Y)},
		} {
			l := canvas.NewLine(stroke)
			l.StrokeWidth = 1.5
			l.Position1, l.Position2 = at(seg[0]), at(seg[1])
			objects = append(objects, l)
		}
	}
	r.cards = r.cards[:0]
	for _, p := range c.people {
		card := newPersonCard(p, c.OnTapped)
		card.zoom, card.selected = z, p.ID == c.selected
		card.Resize(fyne.NewSize(cardW*z, cardH*z))
		card.Move(at(pos[p.ID]))
		r.cards = append(r.cards, card)
		objects = append(objects, card)
	}
	r.box.Objects = objects
	r.size, r.zoom = fyne.NewSize(size.Width*z, size.Height*z), z
}

func (r *orgChartRenderer) Layout(fyne.Size)   {}
func (r *orgChartRenderer) MinSize() fyne.Size { return r.size }

// Refresh draws the chart again when its zoom changed, else marks the
// person selected.
func (r *orgChartRenderer) Refresh() {
	if r.zoom != r.chart.zoom {
		r.build()
	} else {
		for _, card := range r.cards {
			if sel := card.person.ID == r.chart.selected; sel != card.selected {
				card.selected = sel
				card.Refresh()
			}
		}
	}
	r.box.Refresh()
}

func (r *orgChartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *orgChartRenderer) Destroy()                     {}

// personCard is one person in the org chart.
type personCard struct {
	widget.BaseWidget
	person   dossier.Person
	onTapped func(dossier.Person)
	zoom     float32 // of the chart
	selected bool    // the person whose dossier is shown
}

func newPersonCard(p dossier.Person, onTapped func(dossier.Person)) *personCard {
	c := &personCard{person: p, onTapped: onTapped, zoom: 1}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens the person.
func (c *personCard) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped(c.person)
	}
}

func (c *personCard) CreateRenderer() fyne.WidgetRenderer {
	p := c.person
	fg := theme.Color(theme.ColorNameForeground)
	bg := canvas.NewRectangle(ui.LevelTint(p.Level))
	stripe := canvas.NewRectangle(ui.LevelColor(p.Level))
	name := canvas.NewText(p.Name, fg) // fitted to the card in Layout
	name.TextStyle = fyne.TextStyle{Bold: true}
	position := canvas.NewText(p.Position, fg)
	level := canvas.NewText(ui.Tr(p.Level.Label()), fg) // readable on either theme; the stripe carries the colour
	level.TextStyle = fyne.TextStyle{Bold: true}
	badge := canvas.NewText(ui.TypeBadge(p.Type)+"  "+ui.InfluenceDots(p.Influence), fg)
	badge.TextStyle = fyne.TextStyle{Monospace: true}
	objs := []fyne.CanvasObject{bg, stripe, name, position, level, badge}
	r := &cardRenderer{card: c, objs: objs, bg: bg, stripe: stripe, name: name, position: position, level: level, badge: badge}
	r.style()
	return r
}

type cardRenderer struct {
	card                         *personCard
	objs                         []fyne.CanvasObject
	bg, stripe                   *canvas.Rectangle
	name, position, level, badge *canvas.Text
}

// style sizes the card's text and lines to the chart's zoom, and marks
// the card of the person selected with a thick border in the accent
// colour.
func (r *cardRenderer) style() {
	z := r.card.zoom
	r.bg.StrokeColor, r.bg.StrokeWidth = ui.LevelColor(r.card.person.Level), 2
	if r.card.selected {
		r.bg.StrokeColor, r.bg.StrokeWidth = theme.Color(theme.ColorNamePrimary), 4
	}
	r.bg.CornerRadius, r.stripe.CornerRadius = 6*z, 3*z
	r.name.TextSize = theme.TextSize() * z
	for _, t := range []*canvas.Text{r.position, r.level, r.badge} {
		t.TextSize = theme.CaptionTextSize() * z
	}
}

func (r *cardRenderer) Layout(s fyne.Size) {
	z := r.card.zoom
	r.bg.Resize(s)
	r.stripe.Move(fyne.NewPos(0, 0))
	r.stripe.Resize(fyne.NewSize(6*z, s.Height))
	pad := 12 * z
	r.name.Move(fyne.NewPos(pad, 6*z))
	r.position.Move(fyne.NewPos(pad, 28*z))
	// The name and the position end inside the card, cut with "…" to
	// its width at this zoom.
	room := s.Width - pad - 8*z
	fitText(r.name, r.card.person.Name, room)
	fitText(r.position, r.card.person.Position, room)
	r.level.Move(fyne.NewPos(pad, 50*z))
	bs := r.badge.MinSize()
	r.badge.Move(fyne.NewPos(s.Width-bs.Width-8*z, 50*z))
}

// fitText shows in t as much of full as fits width at t's size: the
// whole text, or its beginning and "…".
func fitText(t *canvas.Text, full string, width float32) {
	full = ui.OneLine(full)
	fits := func(s string) bool { return fyne.MeasureText(s, t.TextSize, t.TextStyle).Width <= width }
	text := full
	if !fits(full) {
		r := []rune(full)
		lo, hi := 0, len(r) // the longest prefix that fits with "…" is r[:lo]
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if fits(strings.TrimRight(string(r[:mid]), " ") + "…") {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		text = strings.TrimRight(string(r[:lo]), " ") + "…"
	}
	if t.Text != text {
		t.Text = text
		t.Refresh()
	}
}

func (r *cardRenderer) MinSize() fyne.Size {
	return fyne.NewSize(cardW*r.card.zoom, cardH*r.card.zoom)
}

func (r *cardRenderer) Refresh() {
	r.style()
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *cardRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *cardRenderer) Destroy()                     {}
