package proposals

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
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
// Alt+Up and Alt+Down in it, move the section chosen, without scrolling
// through long blocks to find where it goes.
type secOutline struct {
	s        *sectionsEditor
	list     *outlineList
	up, down *widget.Button
	chosen   int // the row chosen, -1 for none
	root     fyne.CanvasObject
}

func newSecOutline(s *sectionsEditor) *secOutline {
	o := &secOutline{s: s, chosen: -1}
	o.list = &outlineList{o: o}
	o.list.Length = func() int { return len(s.b.p.Items) }
	o.list.CreateItem = func() fyne.CanvasObject {
		title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		meta := widget.NewLabel("")
		meta.Truncation = fyne.TextTruncateEllipsis
		meta.Importance = widget.LowImportance
		meta.SizeName = theme.SizeNameCaptionText
		return container.NewBorder(title, nil, nil, nil, ui.Compact(meta))
	}
	o.list.UpdateItem = func(i widget.ListItemID, row fyne.CanvasObject) {
		title, meta := o.rowText(i)
		box := row.(*fyne.Container)
		box.Objects[1].(*widget.Label).SetText(title) // a border puts its centre first
		box.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(meta)
	}
	o.list.OnSelected = o.choose
	o.list.ExtendBaseWidget(o.list)
	o.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { o.move(-1) })
	o.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { o.move(+1) })
	o.enable()
	head := widget.NewLabelWithStyle(lang.L("Outline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.root = container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(o.up, o.down), head), nil, nil, nil, o.list)
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
