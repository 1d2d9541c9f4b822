package proposals

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// pricingColumn is one column of the pricing table.
type pricingColumn struct {
	name   string  // the Line field it edits, as validation names it
	label  string  // translated heading
	weight float32 // share of the free width; 0 for a fixed width
	width  float32 // the fixed width
}

// pricingEditor is the Pricing tab: the lines of the pricing table with
// their amounts, the totals per currency under it, all live.
type pricingEditor struct {
	b        *builder
	cols     []pricingColumn
	rows     []*pricingRow
	list     *fyne.Container // the rows
	scroll   *container.Scroll
	empty    *widget.Label
	add      *widget.Button
	totals   *fyne.Container
	mixed    *widget.Label
	general  *widget.Label // problems of the table as a whole
	options  []string      // currency codes offered
	lastCur  string        // the currency chosen last, for new lines
	pricedIn string        // the table's currency (its first line's) at the last edit, which the financial result follows
	loading  bool          // set while reload fills the inputs
	root     fyne.CanvasObject
}

func newPricingEditor(b *builder) *pricingEditor {
	e := &pricingEditor{b: b}
	// The currency, the amount and the buttons take the width they need;
	// the inputs share the rest.
	cur := widget.NewSelect(commonCurrencies, nil)
	cur.PlaceHolder = lang.L("Currency")
	amount := widget.NewLabel("999,999,999.99").MinSize().Width
	buttons := widget.NewButtonWithIcon("", theme.MoveUpIcon(), nil).MinSize().Width*3 + 2*theme.Padding()
	e.cols = []pricingColumn{
		{name: "description", label: lang.L("Description"), weight: 3.5},
		{name: "quantity", label: lang.L("Quantity"), weight: 1},
		{name: "unit", label: lang.L("Unit"), weight: 1},
		{name: "unit_price", label: lang.L("Unit price"), weight: 1.3},
		{name: "discount", label: lang.L("Discount %"), weight: 1},
		{name: "currency", label: lang.L("Currency"), width: cur.MinSize().Width},
		{name: "amount", label: lang.L("Amount"), width: amount},
		{name: "", width: buttons},
	}
	e.list = container.NewVBox()
	e.scroll = container.NewVScroll(e.list)
	e.empty = widget.NewLabel(lang.L("The table has no lines yet: add the first with “Add line”."))
	e.empty.Importance = widget.LowImportance
	e.add = widget.NewButtonWithIcon(lang.L("Add line"), ui.Icon(theme.ContentAddIcon()), e.onAdd)
	e.totals = container.NewVBox()
	e.mixed = widget.NewLabel("")
	e.mixed.Importance = widget.WarningImportance
	e.mixed.Wrapping = fyne.TextWrapWord
	e.general = widget.NewLabel("")
	e.general.Importance = widget.DangerImportance
	e.general.Wrapping = fyne.TextWrapWord

	var heads []fyne.CanvasObject
	for _, c := range e.cols {
		l := widget.NewLabelWithStyle(c.label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		if c.name == "amount" {
			l.Alignment = fyne.TextAlignTrailing
		}
		heads = append(heads, l)
	}
	hint := widget.NewLabel(lang.L("Numbers: 1250.50, 1,250.50 or 1250,50. Amounts are quantity × unit price less the discount, rounded to cents."))
	hint.Importance = widget.LowImportance
	hint.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(container.NewBorder(nil, nil, e.add, nil, hint),
		container.New(e.layout(), heads...))
	bottom := container.NewVBox(widget.NewSeparator(), e.totals, e.mixed, e.general)
	e.root = container.NewBorder(top, bottom, nil, nil, e.scroll)
	e.reload()
	return e
}

func (e *pricingEditor) Content() fyne.CanvasObject { return e.root }

func (e *pricingEditor) layout() fyne.Layout { return &columnsLayout{cols: e.cols} }

// reload rebuilds the table from the working copy.
func (e *pricingEditor) reload() {
	e.loading = true
	defer func() { e.loading = false }()
	used := []string{e.b.p.Financial.Currency}
	for _, l := range e.b.p.Pricing {
		used = append(used, l.Currency)
	}
	e.options = currencyOptions(used...)
	e.pricedIn = pricingCurrency(e.b.p.Pricing)
	e.rows = nil
	for _, l := range e.b.p.Pricing {
		e.rows = append(e.rows, e.newRow(l))
	}
	e.relist()
	e.update()
	e.showProblems()
}

// newCurrency is the currency of a new line: the last line's, else the one
// chosen last, else the financial result's, else the proposal's currency
// as the account and its language tell it (proposalCurrency), else the
// first offered.
func (e *pricingEditor) newCurrency() string {
	if n := len(e.b.p.Pricing); n > 0 && e.b.p.Pricing[n-1].Currency != "" {
		return e.b.p.Pricing[n-1].Currency
	}
	if e.lastCur != "" {
		return e.lastCur
	}
	if c := e.b.p.Financial.Currency; c != "" {
		return c
	}
	if c := e.b.proposalCurrency(); c != "" {
		return c
	}
	return e.options[0]
}

func (e *pricingEditor) onAdd() {
	l := proposal.Line{Quantity: proposal.Int(1), Currency: e.newCurrency()}
	e.b.p.Pricing = append(e.b.p.Pricing, l)
	e.loading = true
	r := e.newRow(l)
	r.fresh = true // says what is missing once the user has left the field
	e.loading = false
	e.rows = append(e.rows, r)
	e.relist()
	e.edited()
	e.scroll.ScrollToBottom()
	e.Focus(r.desc)
}

func (e *pricingEditor) remove(r *pricingRow) {
	i := slices.Index(e.rows, r)
	if i < 0 {
		return
	}
	if c := e.b.p.Pricing[i].Currency; c != "" {
		e.lastCur = c
	}
	e.b.p.Pricing = slices.Delete(e.b.p.Pricing, i, i+1)
	e.rows = slices.Delete(e.rows, i, i+1)
	e.relist()
	e.edited()
}

// move moves the line of r by delta places (-1 up, +1 down).
func (e *pricingEditor) move(r *pricingRow, delta int) {
	i := slices.Index(e.rows, r)
	j := i + delta
	if i < 0 || j < 0 || j >= len(e.rows) {
		return
	}
	p := e.b.p.Pricing
	p[i], p[j] = p[j], p[i]
	e.rows[i], e.rows[j] = e.rows[j], e.rows[i]
	e.relist()
	e.edited()
}

// relist puts the rows in the table in their order and sets which can
// move.
func (e *pricingEditor) relist() {
	var objs []fyne.CanvasObject
	for i, r := range e.rows {
		objs = append(objs, r.box)
		enableButton(r.up, i > 0)
		enableButton(r.down, i < len(e.rows)-1)
	}
	if len(objs) == 0 {
		objs = append(objs, e.empty)
	}
	e.list.Objects = objs
	e.list.Refresh()
}

// edited follows a valid edit of the table: the figures, the problems
// and the builder.
func (e *pricingEditor) edited() {
	e.follow()
	e.update()
	e.showProblems()
	e.b.changed()
}

// follow keeps the financial result in the table's currency: when the
// table's currency changes and the result was in the former one (or in
// none), the result takes the new one.
func (e *pricingEditor) follow() {
	now := pricingCurrency(e.b.p.Pricing)
	if now == e.pricedIn {
		return
	}
	if f := &e.b.p.Financial; now != "" && (f.Currency == "" || f.Currency == e.pricedIn) {
		f.Currency = now
	}
	e.pricedIn = now
}

// revealProblems shows every line's problems, also in the fields of new
// lines the user has not left yet: after a save that failed.
func (e *pricingEditor) revealProblems() {
	for _, r := range e.rows {
		r.fresh = false
	}
	e.showProblems()
}

// update shows the amounts, the totals per currency and the warning about
// mixed currencies.
func (e *pricingEditor) update() {
	for i, r := range e.rows {
		l := e.b.p.Pricing[i]
		text, imp := ui.NumberText(l.Net(), 2), widget.MediumImportance
		if !l.Counts() { // marked, and left out of the totals below
			text, imp = lang.L("not counted"), widget.DangerImportance
		}
		if r.amount.Text != text || r.amount.Importance != imp {
			r.amount.Text, r.amount.Importance = text, imp
			r.amount.Refresh()
		}
	}
	totals := proposal.Totals(e.b.p.Pricing)
	var objs []fyne.CanvasObject
	if len(totals) > 0 {
		heads := []string{lang.L("Total"), lang.L("Before discount"), lang.L("Discount"), lang.L("Net total")}
		var cells []fyne.CanvasObject
		for _, h := range heads {
			cells = append(cells, widget.NewLabelWithStyle(h, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		}
		for _, t := range totals {
			cells = append(cells,
				widget.NewLabelWithStyle(t.Currency, fyne.TextAlignTrailing, fyne.TextStyle{}),
				widget.NewLabelWithStyle(ui.NumberText(t.Gross, 2), fyne.TextAlignTrailing, fyne.TextStyle{}),
				widget.NewLabelWithStyle(ui.NumberText(t.Discount, 2), fyne.TextAlignTrailing, fyne.TextStyle{}),
				widget.NewLabelWithStyle(ui.NumberText(t.Net, 2), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, container.NewGridWithColumns(4, cells...)))
	}
	e.totals.Objects = objs
	e.totals.Refresh()
	if len(totals) > 1 {
		var curs []string
		for _, t := range totals {
			curs = append(curs, t.Currency)
		}
		e.mixed.SetText(lang.L("The table mixes currencies ({{.Currencies}}), so it has no single total. Price every line in one currency, unless the mix is intended.",
			map[string]any{"Currencies": strings.Join(curs, ", ")}))
		e.mixed.Show()
	} else {
		e.mixed.SetText("")
		e.mixed.Hide()
	}
}

// showProblems puts under each line what is wrong with it: text that is
// not a number, then what validation of the proposal says.
func (e *pricingEditor) showProblems() {
	probs := dossier.ProblemsOf(e.b.p.Validate())
	for i, r := range e.rows {
		var lines []string
		for _, c := range e.cols {
			if c.name == "" || c.name == "amount" {
				continue
			}
			msg := ui.Tr(r.bad[c.name])
			if msg == "" && (!r.fresh || r.touched[c.name]) {
				f := fmt.Sprintf("pricing.%d.%s", i, c.name)
				if k := slices.IndexFunc(probs, func(p *dossier.FieldError) bool { return p.Field == f }); k >= 0 {
					msg = ui.Tr(probs[k].Message, probs[k].Data)
				}
			}
			if msg != "" {
				lines = append(lines, lang.L("{{.Field}} {{.Message}}", map[string]any{"Field": c.label, "Message": msg}))
			}
		}
		setNote(r.msg, strings.Join(lines, "\n"))
	}
	var general []string
	for _, p := range probs {
		if p.Field == "pricing" {
			general = append(general, ui.Tr(p.Message, p.Data))
		}
	}
	setNote(e.general, strings.Join(general, "\n"))
}

// focusPlace shows line pl.Item and puts the cursor where it needs
// something: the quantity or unit price when missing, else the
// description.
func (e *pricingEditor) focusPlace(pl proposal.Place) {
	if pl.Area != proposal.AreaPricing {
		return
	}
	if len(e.rows) == 0 {
		e.Focus(e.add)
		return
	}
	i := pl.Item
	if i < 0 || i >= len(e.rows) {
		i = 0
	}
	r, l := e.rows[i], e.b.p.Pricing[i]
	e.scroll.ScrollToOffset(fyne.NewPos(0, r.box.Position().Y))
	switch {
	case l.Quantity.IsZero():
		e.Focus(r.qty)
	case l.UnitPrice.IsZero():
		e.Focus(r.price)
	default:
		e.Focus(r.desc)
	}
}

func (e *pricingEditor) Focus(o fyne.Focusable) {
	if c := e.b.host.Window().Canvas(); c != nil {
		c.Focus(o)
	}
}
