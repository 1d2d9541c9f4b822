package proposals

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
)

// secOutline is the outline beside the Sections tab's blocks: one compact
// row per section (number and title; kind and audiences under it). Choosing
// a row scrolls its block into view; the arrows above the outline, or
// Alt+Up and Alt+Down in it, move the section chosen, and so does
// dragging a row, without scrolling through long blocks to find where it
// goes.
type secOutline struct {
	s        *sectionsEditor
	list     *outlineList
	up, down *widget.Button
	chosen   int // the row chosen, -1 for none
	root     fyne.CanvasObject
	drag     *outlineDrag      // the row being dragged, nil when none is
	dropLine *canvas.Rectangle // where the row dragged would go
}

func newSecOutline(s *sectionsEditor) *secOutline {
	o := &secOutline{s: s, chosen: -1}
	o.list = &outlineList{o: o}
	o.list.Length = func() int { return len(s.b.p.Items) }
	o.list.CreateItem = func() fyne.CanvasObject { return newOutlineRow(o) }
	o.list.UpdateItem = func(i widget.ListItemID, row fyne.CanvasObject) {
		r := row.(*outlineRow)
		r.id = i
		title, meta := o.rowText(i)
		r.title.SetText(title)
		r.meta.SetText(meta)
	}
	o.list.OnSelected = o.choose
	o.list.ExtendBaseWidget(o.list)
	o.up = widget.NewButtonWithIcon("", ui.Icon(theme.MoveUpIcon()), func() { o.move(-1) })
	o.down = widget.NewButtonWithIcon("", ui.Icon(theme.MoveDownIcon()), func() { o.move(+1) })
	o.enable()
	o.dropLine = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	o.dropLine.Hide()
	head := widget.NewLabelWithStyle(lang.L("Outline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.root = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(o.up, o.down), head), nil, nil, nil,
		container.NewStack(o.list, container.NewWithoutLayout(o.dropLine)))
	return o
}

// rowText is what row i says: "3. Title", and "Kind · Executive 90 · …".
func (o *secOutline) rowText(i int) (title, meta string) {
	if i >= len(o.s.blocks) || o.s.blocks[i] == nil { // being made again
		return "", ""
	}
	blk := o.s.blocks[i]
	t, kind, w, _ := blk.text()
	if strings.TrimSpace(t) == "" {
		t = lang.L("Untitled section")
	}
	if blk.missing() {
		t = lang.L("Missing library section")
	}
	return strconv.Itoa(i+1) + ". " + t, ui.Tr(kind.Label()) + " · " + secWeights(w)
}

// choose scrolls the block of row i into view.
func (o *secOutline) choose(i widget.ListItemID) {
	if i < 0 || i >= len(o.s.blocks) {
		return
	}
	o.chosen = i
	o.enable()
	o.s.ensureVisible(o.s.blocks[i])
}

// move moves the section chosen by delta places, the choice with it.
func (o *secOutline) move(delta int) {
	i := o.chosen
	if i < 0 || i >= len(o.s.blocks) || i+delta < 0 || i+delta >= len(o.s.blocks) {
		return
	}
	o.s.move(o.s.blocks[i], delta) // which refreshes the outline
	o.chosen = i + delta
	o.list.Select(o.chosen)
	o.enable()
}

func (o *secOutline) enable() {
	secEnable(o.up, o.chosen > 0)
	secEnable(o.down, o.chosen >= 0 && o.chosen < len(o.s.blocks)-1)
}

// refresh shows the sections again after they changed.
func (o *secOutline) refresh() {
	if o.chosen >= len(o.s.blocks) {
		o.chosen = -1
		o.list.UnselectAll()
	}
	o.enable()
	o.list.Refresh()
}

// outlineList is the outline's list, which moves the section chosen on
// Alt+Up and Alt+Down.
type outlineList struct {
	widget.List
	o *secOutline
}

// TypedShortcut moves the chosen section on Alt+Up / Alt+Down, and hands
// every other shortcut to the window (a focused widget gets them all).
func (l *outlineList) TypedShortcut(s fyne.Shortcut) {
	if k, ok := s.(*desktop.CustomShortcut); ok && k.Modifier == fyne.KeyModifierAlt {
		switch k.KeyName {
		case fyne.KeyUp:
			l.o.move(-1)
			return
		case fyne.KeyDown:
			l.o.move(+1)
			return
		}
	}
	if c, ok := l.o.s.b.host.Window().Canvas().(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
	}
}

// outlineRow is a row of the outline: the section's number and title, its
// kind and audiences under them. Dragging it moves the section; a tap
// goes to the list, which chooses the row.
type outlineRow struct {
	widget.BaseWidget
	o           *secOutline
	id          int
	title, meta *widget.Label
	content     fyne.CanvasObject
}

func newOutlineRow(o *secOutline) *outlineRow {
	r := &outlineRow{o: o, id: -1}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.meta = widget.NewLabel("")
	r.meta.Truncation = fyne.TextTruncateEllipsis
	r.meta.Importance = widget.LowImportance
	r.meta.SizeName = theme.SizeNameCaptionText
	r.content = container.NewBorder(r.title, nil, nil, nil, ui.Compact(r.meta))
	r.ExtendBaseWidget(r)
	return r
}

func (r *outlineRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// outlineDrag is a row being dragged: where it was, how far the pointer
// went, and the place it would go.
type outlineDrag struct {
	from, to int
	dy       float32
	row      *outlineRow
}

// Dragged follows the pointer: the section would go to the row under it,
// which a line in the accent colour shows.
func (r *outlineRow) Dragged(e *fyne.DragEvent) {
	o := r.o
	if o.drag == nil {
		if r.id < 0 || r.id >= len(o.s.blocks) {
			return
		}
		o.drag = &outlineDrag{from: r.id, to: r.id, row: r}
	}
	d := o.drag
	d.dy += e.Dragged.DY
	step := d.row.Size().Height + theme.Padding() // a list puts a padding between rows
	if step <= 0 {
		return
	}
	d.to = d.from + int(math.Round(float64(d.dy/step)))
	d.to = max(0, min(len(o.s.blocks)-1, d.to))
	o.showDrop()
}

// DragEnd moves the section dragged to its new place, which is chosen.
func (r *outlineRow) DragEnd() {
	o := r.o
	d := o.drag
	o.drag = nil
	o.dropLine.Hide()
	if d == nil || d.to == d.from || d.from >= len(o.s.blocks) {
		return
	}
	o.s.moveTo(o.s.blocks[d.from], d.to) // which refreshes the outline
	o.chosen = d.to
	o.list.Select(d.to)
	o.enable()
}

// showDrop draws the line where the row dragged would go: above the row
// it is over when it goes up, under it when it goes down.
func (o *secOutline) showDrop() {
	d := o.drag
	if d.to == d.from {
		o.dropLine.Hide()
		return
	}
	step := d.row.Size().Height + theme.Padding() // the rows are all alike
	y := float32(d.to)*step - o.list.GetScrollOffset() - theme.Padding()/2
	if d.to > d.from {
		y += step
	}
	o.dropLine.FillColor = theme.Color(theme.ColorNamePrimary)
	o.dropLine.Move(fyne.NewPos(0, y-1))
	o.dropLine.Resize(fyne.NewSize(o.list.Size().Width, 3))
	o.dropLine.Show()
	o.dropLine.Refresh()
}

// moveElem moves xs[i] to place j, the elements between closing up.
func moveElem[T any](xs []T, i, j int) {
	x := xs[i]
	if i < j {
		copy(xs[i:j], xs[i+1:j+1])
	} else {
		copy(xs[j+1:i+1], xs[j:i])
	}
	xs[j] = x
}
