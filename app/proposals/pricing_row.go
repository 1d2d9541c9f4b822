package proposals

import (
	"kamdesk/app/ui"
	"kamdesk/proposal"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pricingRow is one line of the table.
type pricingRow struct {
	e                            *pricingEditor
	desc, qty, unit, price, disc *ui.Entry
	cur                          *ui.Select
	amount                       *widget.Label
	up, down, del                *widget.Button
	msg                          *widget.Label
	bad                          map[string]string // messages (English sources) of text that is not a number, by field
	fresh                        bool              // added by the user in this builder: a field's problems show once they edit or leave it
	touched                      map[string]bool   // the fields of a fresh line the user has edited or left
	box                          *fyne.Container
}

func (e *pricingEditor) newRow(l proposal.Line) *pricingRow {
	r := &pricingRow{e: e, bad: map[string]string{}, touched: map[string]bool{}}
	text := func(name, value, placeholder string) *ui.Entry {
		in := ui.NewEntry(e.b.OnCancel)
		in.SetPlaceHolder(placeholder)
		in.SetText(value)
		in.OnChanged = func(string) { r.edited(name) }
		in.OnFocusLost = func() {
			if r.fresh && !r.touched[name] { // left untouched: now say what it lacks
				r.touched[name] = true
				e.showProblems()
			}
		}
		return in
	}
	r.desc = text("description", l.Description, lang.L("What the client gets"))
	r.qty = text("quantity", numberText(l.Quantity), "0")
	r.unit = text("unit", l.Unit, lang.L("e.g. day"))
	r.price = text("unit_price", amountText(l.UnitPrice), priceText(proposal.Decimal{}))
	disc := ""
	if !l.Discount.IsZero() {
		disc = numberText(l.Discount)
	}
	r.disc = text("discount", disc, "0")
	opts := e.options
	if l.Currency != "" && !slices.Contains(opts, l.Currency) {
		opts = append(slices.Clone(opts), l.Currency)
	}
	r.cur = ui.NewSelect(opts, func(string) { r.edited("currency") })
	r.cur.PlaceHolder = lang.L("Currency")
	r.cur.SetSelected(l.Currency)
	r.amount = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	r.up = widget.NewButtonWithIcon("", ui.Icon(theme.MoveUpIcon()), func() { e.move(r, -1) })
	r.down = widget.NewButtonWithIcon("", ui.Icon(theme.MoveDownIcon()), func() { e.move(r, +1) })
	r.del = widget.NewButtonWithIcon("", ui.Icon(theme.DeleteIcon()), func() { e.remove(r) })
	r.del.Importance = widget.LowImportance
	r.msg = widget.NewLabel("")
	r.msg.Importance = widget.DangerImportance
	r.msg.Wrapping = fyne.TextWrapWord
	r.msg.Hide()
	cells := container.New(e.layout(), r.desc, r.qty, r.unit, r.price, r.disc, r.cur, r.amount,
		container.New(layout.NewGridLayoutWithColumns(3), r.up, r.down, r.del))
	r.box = container.NewVBox(cells, r.msg)
	return r
}

// edited takes the text of field name into the working copy when it is
// valid, or says what is wrong with it and keeps it as typed.
func (r *pricingRow) edited(name string) {
	e := r.e
	if e.loading {
		return
	}
	i := slices.Index(e.rows, r)
	if i < 0 {
		return
	}
	l := &e.b.p.Pricing[i]
	r.touched[name] = true
	number := func(in *ui.Entry, to *proposal.Decimal) bool {
		d, err := parseAmount(in.Text)
		if err != nil {
			r.bad[name] = msgNotANumber
			e.showProblems()
			return false
		}
		delete(r.bad, name)
		*to = d
		return true
	}
	switch name {
	case "description":
		l.Description = r.desc.Text
	case "unit":
		l.Unit = r.unit.Text
	case "currency":
		l.Currency = r.cur.Selected
		e.lastCur = l.Currency
	case "quantity":
		if !number(r.qty, &l.Quantity) {
			return
		}
	case "unit_price":
		if !number(r.price, &l.UnitPrice) {
			return
		}
	case "discount":
		if !number(r.disc, &l.Discount) {
			return
		}
	}
	e.edited()
}

// unreadable counts the cells whose text could not be read.
func (e *pricingEditor) unreadable() int {
	n := 0
	for _, r := range e.rows {
		n += len(r.bad)
	}
	return n
}
