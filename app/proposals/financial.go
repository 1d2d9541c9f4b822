package proposals

import (
	"slices"
	"strconv"
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

// financialEditor is the Financial result tab: what the client invests,
// what it gains or saves a year, and the payback and return computed from
// them as they are typed. Financiers and technical specialists weigh
// these numbers first.
type financialEditor struct {
	b        *builder
	fields   ui.FieldSet
	cur      *ui.Select
	inv      *ui.Entry
	gain     *ui.Entry
	years    *ui.Entry
	note     *ui.TextArea
	useTotal *widget.Button
	total    *widget.Label // the pricing total of the currency
	payback  *widget.Label
	roi      *widget.Label
	findings *widget.Label
	bad      map[string]string // messages (English sources) of text that cannot be read, by field
	loading  bool
	root     fyne.CanvasObject
}

func newFinancialEditor(b *builder) *financialEditor {
	e := &financialEditor{b: b, bad: map[string]string{}}
	e.cur = ui.NewSelect(nil, func(string) { e.edited("financial.currency") })
	e.cur.PlaceHolder = lang.L("Choose a currency")
	e.inv = e.newInput("financial.investment", "0.00")
	e.gain = e.newInput("financial.yearly_gain", "0.00")
	e.years = e.newInput("financial.years", "3")
	e.note = ui.NewTextArea(b.OnCancel)
	e.note.SetPlaceHolder(lang.L("How the figures were reached: volumes, rates, savings per unit, sources"))
	e.note.SetMinRowsVisible(5)
	e.note.OnChanged = func(string) { e.edited("financial.note") }
	e.useTotal = widget.NewButtonWithIcon(lang.L("Use the pricing total"), ui.Icon(theme.ContentPasteIcon()), e.onUseTotal)
	e.total = widget.NewLabel("")
	e.total.Importance = widget.LowImportance

	e.fields.Add(ui.NewField("financial.currency", lang.L("Currency"), e.cur))
	e.fields.Add(ui.NewField("financial.investment", lang.L("Investment"),
		container.NewBorder(nil, nil, nil, container.NewHBox(e.useTotal, e.total), e.inv)))
	e.fields.Add(ui.NewField("financial.yearly_gain", lang.L("Yearly gain or saving"), e.gain))
	e.fields.Add(ui.NewField("financial.years", lang.L("Years for the ROI"), e.years))
	e.fields.Add(ui.NewField("financial.note", lang.L("How the figures were reached"), e.note))

	e.payback = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.roi = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.findings = widget.NewLabel("")
	e.findings.Wrapping = fyne.TextWrapWord
	e.findings.Hide()

	intro := widget.NewLabel(lang.L("The quantified result of the cooperation for the client. Financiers and technical specialists read these numbers first."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	result := widget.NewCard("", lang.L("Result"), container.NewVBox(e.payback, e.roi))
	e.root = container.NewVScroll(container.NewPadded(container.NewVBox(intro, e.fields.Grid(), result, e.findings)))
	e.reload()
	return e
}

func (e *financialEditor) newInput(name, placeholder string) *ui.Entry {
	in := ui.NewEntry(e.b.OnCancel)
	in.SetPlaceHolder(placeholder)
	in.OnChanged = func(string) { e.edited(name) }
	return in
}

func (e *financialEditor) Content() fyne.CanvasObject { return e.root }

func (e *financialEditor) pricingCurrency() string { return pricingCurrency(e.b.p.Pricing) }

// currency is the currency of the financial result: the one chosen, else
// the pricing's.
func (e *financialEditor) currency() string {
	if c := e.b.p.Financial.Currency; c != "" {
		return c
	}
	return e.pricingCurrency()
}

// reload shows the working copy's financial result again.
func (e *financialEditor) reload() {
	e.loading = true
	defer func() { e.loading = false }()
	f := e.b.p.Financial
	used := []string{f.Currency}
	for _, l := range e.b.p.Pricing {
		used = append(used, l.Currency)
	}
	e.cur.SetOptions(currencyOptions(used...))
	if c := e.currency(); c != "" {
		e.cur.SetSelected(c)
	} else {
		e.cur.ClearSelected()
	}
	e.inv.SetText(amountText(f.Investment))
	e.gain.SetText(amountText(f.YearlyGain))
	if f.Years > 0 {
		e.years.SetText(strconv.Itoa(f.Years))
	} else {
		e.years.SetText("")
	}
	e.note.SetText(f.Note)
	clear(e.bad)
	e.update()
	e.showProblems()
	e.onChecked()
}

// edited takes the text of field name into the working copy when it can
// be read, or says what is wrong with it and keeps it as typed.
func (e *financialEditor) edited(name string) {
	if e.loading {
		return
	}
	f := &e.b.p.Financial
	delete(e.bad, name)
	switch name {
	case "financial.currency":
		f.Currency = e.cur.Selected
	case "financial.investment", "financial.yearly_gain":
		in, to := e.inv, &f.Investment
		if name == "financial.yearly_gain" {
			in, to = e.gain, &f.YearlyGain
		}
		d, err := parseAmount(in.Text)
		if err != nil {
			e.bad[name] = msgNotANumber
			e.showProblems()
			return
		}
		*to = d
	case "financial.years":
		text := strings.TrimSpace(e.years.Text)
		n, err := strconv.Atoi(text)
		switch {
		case text == "":
			n = 0 // the default horizon
		case err != nil:
			e.bad[name] = "is not a whole number of years"
		case n < 1 || n > 30:
			e.bad[name] = "must be between 1 and 30"
		}
		if e.bad[name] != "" {
			e.showProblems()
			return
		}
		f.Years = n
	case "financial.note":
		f.Note = e.note.Text()
	}
	if f.Currency == "" {
		f.Currency = e.cur.Selected // the pricing's, shown as the default
	}
	e.update()
	e.showProblems()
	e.b.changed()
}

// onUseTotal takes the pricing's net total as the investment, and its
// currency as the result's.
func (e *financialEditor) onUseTotal() {
	t, ok := e.pricingTotal()
	if !ok {
		return
	}
	if t.Currency != e.cur.Selected {
		e.cur.SetSelected(t.Currency) // edited() takes it into the working copy
	}
	e.inv.SetText(priceText(t.Net))
}

// pricingTotal is the pricing total the investment can be taken from: the
// one in the result's currency, else the table's (its first line's).
func (e *financialEditor) pricingTotal() (proposal.Total, bool) {
	totals := proposal.Totals(e.b.p.Pricing)
	cur := e.currency()
	for _, t := range totals {
		if t.Currency == cur {
			return t, true
		}
	}
	if len(totals) > 0 {
		return totals[0], true
	}
	return proposal.Total{}, false
}

// update shows the payback and the return on investment, and the pricing
// total the investment can be taken from.
func (e *financialEditor) update() {
	f := e.b.p.Financial
	if m, ok := f.PaybackMonths(); ok {
		e.payback.SetText(lang.L("Payback: {{.Months}} months", map[string]any{"Months": m.String()}))
	} else {
		e.payback.SetText(lang.L("Payback: enter an investment and a yearly gain or saving"))
	}
	if r, ok := f.ROI(); ok {
		n := f.Horizon()
		e.roi.SetText(lang.N("Return on investment over {{.Count}} year: {{.Percent}}%", n,
			map[string]any{"Count": n, "Percent": r.String()}))
	} else {
		e.roi.SetText(lang.L("Return on investment: enter an investment"))
	}
	if c := e.currency(); c != "" && c != e.cur.Selected && !e.loading {
		e.loading = true // the pricing's currency changed, and the result followed it
		if !slices.Contains(e.cur.Options, c) {
			e.cur.SetOptions(append(slices.Clone(e.cur.Options), c))
		}
		e.cur.SetSelected(c)
		e.loading = false
	}
	if t, ok := e.pricingTotal(); ok {
		e.total.SetText(lang.L("Pricing total: {{.Amount}}", map[string]any{"Amount": moneyText(t.Currency, t.Net)}))
		e.useTotal.Enable()
	} else {
		e.total.SetText(lang.L("The pricing table has no total yet"))
		e.useTotal.Disable()
	}
}

// showProblems puts under each field what is wrong with it: text that
// cannot be read, then what validation of the proposal says.
func (e *financialEditor) showProblems() {
	var pr dossier.Problems
	for _, f := range e.fields.Order {
		if m := e.bad[f.Name]; m != "" {
			pr.Add(f.Name, m, nil)
		}
	}
	for _, p := range dossier.ProblemsOf(e.b.p.Validate()) {
		if strings.HasPrefix(p.Field, "financial.") {
			pr = append(pr, p)
		}
	}
	e.fields.ShowProblems(pr.Err())
}

// onChecked shows what the readiness check says about the financial
// result: a difference from the pricing total, a variant without figures.
func (e *financialEditor) onChecked() {
	showAreaFindings(e.findings, e.b.findings, proposal.AreaFinancial)
	e.update() // the pricing may have changed on its tab
}

// focusPlace puts the cursor on the investment.
func (e *financialEditor) focusPlace(proposal.Place) {
	if c := e.b.host.Window().Canvas(); c != nil {
		c.Focus(e.inv)
	}
}

// unreadable counts the fields whose text could not be read.
func (e *financialEditor) unreadable() int { return len(e.bad) }
