package accounts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
}

const (
	cardW, cardH = 190, 78
	gapX, gapY   = 16, 36
)

func newOrgChart(people []dossier.Person, onTapped func(dossier.Person)) *orgChart {
	c := &orgChart{people: people, OnTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
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
	pos, size := layoutTree(c.people)
	objects := []fyne.CanvasObject{}
	// connectors first, under the cards
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
			l.Position1, l.Position2 = seg[0], seg[1]
			objects = append(objects, l)
		}
	}
	for _, p := range c.people {
		card := newPersonCard(p, c.OnTapped)
		card.Resize(fyne.NewSize(cardW, cardH))
		card.Move(pos[p.ID])
		objects = append(objects, card)
	}
	box := container.NewWithoutLayout(objects...)
	return &orgChartRenderer{box: box, size: size}
}

type orgChartRenderer struct {
	box  *fyne.Container
	size fyne.Size
}

func (r *orgChartRenderer) Layout(fyne.Size)             {}
func (r *orgChartRenderer) MinSize() fyne.Size           { return r.size }
func (r *orgChartRenderer) Refresh()                     { r.box.Refresh() }
func (r *orgChartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *orgChartRenderer) Destroy()                     {}

// personCard is one person in the org chart.
type personCard struct {
	widget.BaseWidget
	person   dossier.Person
	onTapped func(dossier.Person)
}

func newPersonCard(p dossier.Person, onTapped func(dossier.Person)) *personCard {
	c := &personCard{person: p, onTapped: onTapped}
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
	lc := ui.LevelColor(p.Level)
	bg := canvas.NewRectangle(ui.LevelTint(p.Level))
	bg.StrokeColor = lc
	bg.StrokeWidth = 2
	bg.CornerRadius = 6
	stripe := canvas.NewRectangle(lc)
	stripe.CornerRadius = 3
	name := canvas.NewText(ui.Clip(p.Name, 24), theme.Color(theme.ColorNameForeground))
	name.TextStyle = fyne.TextStyle{Bold: true}
	position := canvas.NewText(ui.Clip(p.Position, 30), theme.Color(theme.ColorNameForeground))
	position.TextSize = theme.CaptionTextSize()
	level := canvas.NewText(ui.Tr(p.Level.Label()), theme.Color(theme.ColorNameForeground)) // readable on either theme; the stripe carries the colour
	level.TextSize = theme.CaptionTextSize()
	level.TextStyle = fyne.TextStyle{Bold: true}
	badge := canvas.NewText(ui.TypeBadge(p.Type)+"  "+ui.InfluenceDots(p.Influence), theme.Color(theme.ColorNameForeground))
	badge.TextSize = theme.CaptionTextSize()
	badge.TextStyle = fyne.TextStyle{Monospace: true}
	objs := []fyne.CanvasObject{bg, stripe, name, position, level, badge}
	return &cardRenderer{objs: objs, bg: bg, stripe: stripe, name: name, position: position, level: level, badge: badge}
}

type cardRenderer struct {
	objs                         []fyne.CanvasObject
	bg, stripe                   *canvas.Rectangle
	name, position, level, badge *canvas.Text
}

func (r *cardRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.stripe.Move(fyne.NewPos(0, 0))
	r.stripe.Resize(fyne.NewSize(6, s.Height))
	pad := float32(12)
	r.name.Move(fyne.NewPos(pad, 6))
	r.position.Move(fyne.NewPos(pad, 28))
	r.level.Move(fyne.NewPos(pad, 50))
	bs := r.badge.MinSize()
	r.badge.Move(fyne.NewPos(s.Width-bs.Width-8, 50))
}

func (r *cardRenderer) MinSize() fyne.Size           { return fyne.NewSize(cardW, cardH) }
func (r *cardRenderer) Refresh()                     { canvas.Refresh(r.bg) }
func (r *cardRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *cardRenderer) Destroy()                     {}
