package proposals

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// The reading order of a variant, on its tab: the covering letter opens
// it and the credits and validity close it; the sections between are in
// the order suggested for its readers (proposal.OrderedItems) until the
// user moves one, which gives the variant an order of its own, saved with
// the proposal. The tables follow the section of their kind.

// orderView lists the sections of v's variant in reading order, each with
// buttons to move it up or down.
func (a *audiencesPart) orderView(v *variantView) fyne.CanvasObject {
	b := a.b
	letters, middle := proposal.OrderedItems(&b.p, b.ctx, v.a)
	col := container.NewVBox()
	muted := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Importance = widget.LowImportance
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	if len(letters) > 0 {
		col.Add(muted(lang.L("Opens with the covering letter.")))
	}
	v.moves = v.moves[:0]
	for pos, ix := range middle {
		title := ui.OneLine(itemTitle(&b.p, b.ctx, ix))
		// a row for each section, made as the tab opens: the label cuts
		// its text itself and the icons are coloured once (Fyne's cutting
		// label and themed icons made this list most of the tab's opening)
		label := ui.NewFitLabel(strconv.Itoa(pos+1) + ". " + title)
		up := widget.NewButtonWithIcon("", ui.Icon(theme.MoveUpIcon()), func() { a.moveItem(v, pos, -1) })
		down := widget.NewButtonWithIcon("", ui.Icon(theme.MoveDownIcon()), func() { a.moveItem(v, pos, +1) })
		for _, btn := range []*widget.Button{up, down} {
			btn.Importance = widget.LowImportance
		}
		secEnable(up, pos > 0)
		secEnable(down, pos < len(middle)-1)
		v.moves = append(v.moves, [2]*widget.Button{up, down})
		col.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), label))
	}
	if len(middle) == 0 {
		col.Add(muted(lang.L("No section of the proposal speaks to these readers.")))
	}
	col.Add(muted(lang.L("Closes with the team's credits and the validity. The pricing table, the financial result and the references follow the last section of their kind.")))
	v.reset = widget.NewButtonWithIcon(lang.L("Back to the suggested order"), ui.Icon(theme.ViewRefreshIcon()), func() { a.resetOrder(v) })
	hint := lang.L("The order suggested for these readers; move a section to give this variant an order of its own.")
	if b.p.HasOwnOrder(v.a) {
		hint = lang.L("This variant has an order of its own, saved with the proposal.")
	} else {
		v.reset.Disable()
	}
	return ui.NewWrapColumn(muted(hint), col, container.NewHBox(v.reset))
}

// itemTitle is the title item ix reads with: its library section's, or
// its own.
func itemTitle(p *proposal.Proposal, ctx *proposal.Context, ix int) string {
	it := p.Items[ix]
	if it.SectionID != "" && !it.Custom {
		for i := range ctx.Library {
			if ctx.Library[i].ID == it.SectionID {
				return ctx.Library[i].Title
			}
		}
	}
	return it.Title
}

// moveItem moves the section at pos of v's reading order by delta places,
// giving the variant an order of its own.
func (a *audiencesPart) moveItem(v *variantView, pos, delta int) {
	b := a.b
	_, middle := proposal.OrderedItems(&b.p, b.ctx, v.a)
	j := pos + delta
	if pos < 0 || j < 0 || pos >= len(middle) || j >= len(middle) {
		return
	}
	middle[pos], middle[j] = middle[j], middle[pos]
	b.p.KeyItems()
	keys := make([]string, len(middle))
	for i, ix := range middle {
		keys[i] = b.p.Items[ix].Key
	}
	b.p.SetOrder(v.a, keys)
	a.orderChanged(v)
}

// resetOrder puts v's variant back in the suggested order.
func (a *audiencesPart) resetOrder(v *variantView) {
	a.b.p.SetOrder(v.a, nil)
	a.orderChanged(v)
}

// orderChanged tells the builder and shows the variant again at once.
func (a *audiencesPart) orderChanged(v *variantView) {
	a.b.changed()
	a.gen++
	a.build(v)
}
