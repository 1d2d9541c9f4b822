package proposals

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// validityEditor is the Validity tab: the issue date and how long the
// conditions hold, either a number of days from the issue date or until a
// date. Validity is the guarantee that the conditions hold for a stated
// period, so a proposal without it is not sent.
type validityEditor struct {
	b       *builder
	fields  ui.FieldSet
	issued  *ui.DateInput
	mode    *widget.RadioGroup
	days    *ui.Entry
	until   *ui.DateInput
	forDays *fyne.Container // the days entry and its unit
	byUntil *fyne.Container // the date
	span    *widget.Label   // "Valid for" or "Valid until", beside the one shown
	expiry  *widget.Label
	warning *widget.Label
	bad     map[string]badText // messages (English sources) of text that cannot be read, by field
	loading bool
	root    fyne.CanvasObject
}

// The two ways to state the validity, as the radio shows them.
func validForDays() string   { return lang.L("Valid for a number of days") }
func validUntilDate() string { return lang.L("Valid until a date") }

func newValidityEditor(b *builder) *validityEditor {
	e := &validityEditor{b: b, bad: map[string]badText{}}
	win := b.host.Window()
	e.issued = ui.NewDateInput(win, b.OnCancel)
	e.issued.OnChanged = func(string) { e.edited("issued") }
	e.mode = widget.NewRadioGroup([]string{validForDays(), validUntilDate()}, func(string) { e.onMode() })
	e.mode.Horizontal = true
	e.mode.Required = true
	e.days = ui.NewEntry(b.OnCancel)
	e.days.SetPlaceHolder("45")
	e.days.OnChanged = func(string) { e.edited("valid_days") }
	e.until = ui.NewDateInput(win, b.OnCancel)
	e.until.OnChanged = func(string) { e.edited("valid_until") }

	fIssued := e.fields.Add(ui.NewField("issued", lang.L("Issue date"), e.issued.Object()))
	fDays := e.fields.Add(ui.NewField("valid_days", "", e.days))
	fUntil := e.fields.Add(ui.NewField("valid_until", "", e.until.Object()))
	unit := widget.NewLabel(lang.L("days from the issue date"))
	e.forDays = container.NewVBox(container.NewBorder(nil, nil, nil, unit, e.days), fDays.Message())
	e.byUntil = container.NewVBox(e.until.Object(), fUntil.Message())
	e.span = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	label := func(text string) fyne.CanvasObject {
		return container.NewVBox(widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{}))
	}
	form := container.New(&ui.FormLayout{},
		label(fIssued.Label), container.NewVBox(fIssued.Input, fIssued.Message()),
		label(lang.L("Validity")), e.mode,
		container.NewVBox(e.span), container.NewStack(e.forDays, e.byUntil),
	)

	e.expiry = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.expiry.Wrapping = fyne.TextWrapWord
	e.warning = newNoteLabel()
	intro := lowHint(lang.L("Services depend on people and materials and the market moves: the expiry date is the guarantee that the conditions hold for a stated period. The proposal ends with it."))
	e.root = container.NewVScroll(container.NewPadded(container.NewVBox(intro, form, widget.NewSeparator(), e.expiry, e.warning)))
	e.reload()
	return e
}

func (e *validityEditor) Content() fyne.CanvasObject { return e.root }

// byDate reports whether the validity is stated as a date.
func (e *validityEditor) byDate() bool { return e.mode.Selected == validUntilDate() }

// reload shows the working copy's validity again.
func (e *validityEditor) reload() {
	e.loading = true
	defer func() { e.loading = false }()
	p := &e.b.p
	e.issued.SetDate(p.Issued)
	e.until.SetDate(p.ValidUntil)
	if p.ValidDays > 0 {
		e.days.SetText(strconv.Itoa(p.ValidDays))
	} else if d := validSpan(p.Issued, p.ValidUntil); d > 0 {
		e.days.SetText(strconv.Itoa(d))
	} else {
		e.days.SetText("")
	}
	if p.ValidUntil.IsZero() {
		e.mode.SetSelected(validForDays())
	} else {
		e.mode.SetSelected(validUntilDate())
	}
	clear(e.bad)
	e.showMode()
	e.update()
}

// validSpan is the number of days from issued to until, or 0 when one is
// missing.
func validSpan(issued, until dossier.Date) int {
	if issued.IsZero() || until.IsZero() {
		return 0
	}
	return issued.DaysUntil(until)
}

// showMode shows the days entry or the date, whichever the radio says.
func (e *validityEditor) showMode() {
	if e.byDate() {
		e.span.SetText(lang.L("Valid until"))
		e.forDays.Hide()
		e.byUntil.Show()
	} else {
		e.span.SetText(lang.L("Valid for"))
		e.byUntil.Hide()
		e.forDays.Show()
	}
}

// onMode switches between days and a date, keeping the expiry date: the
// date takes the expiry the days gave, the days count to the date.
func (e *validityEditor) onMode() {
	if e.loading {
		return
	}
	p := &e.b.p
	exp := p.Expiry()
	e.loading = true
	if e.byDate() {
		if !exp.IsZero() {
			e.until.SetDate(exp)
		}
	} else if d := validSpan(p.Issued, exp); d > 0 {
		e.days.SetText(strconv.Itoa(d))
	}
	e.loading = false
	delete(e.bad, "valid_days")
	delete(e.bad, "valid_until")
	e.showMode()
	if e.byDate() {
		e.edited("valid_until")
	} else {
		e.edited("valid_days")
	}
}

// edited takes the text of field name into the working copy when it can
// be read, or says what is wrong with it and keeps it as typed. Only one
// of the days and the date is kept: the one the radio chose.
func (e *validityEditor) edited(name string) {
	if e.loading {
		return
	}
	p := &e.b.p
	delete(e.bad, name)
	switch name {
	case "issued":
		d, err := e.issued.Date()
		if err != nil {
			e.bad[name] = dateProblem(err)
			break
		}
		p.Issued = d
	case "valid_days":
		text := strings.TrimSpace(e.days.Text)
		n, err := strconv.Atoi(text)
		switch {
		case text == "":
			n = 0
		case err != nil:
			e.bad[name] = badText{msg: "is not a whole number of days"}
		case n < 1 || n > 3660:
			e.bad[name] = badText{msg: "must be between 1 and 3660"}
		}
		if e.bad[name].msg == "" {
			p.ValidDays, p.ValidUntil = n, dossier.Date{}
		}
	case "valid_until":
		d, err := e.until.Date()
		if err != nil {
			e.bad[name] = dateProblem(err)
			break
		}
		p.ValidUntil, p.ValidDays = d, 0
	}
	e.update()
	if e.bad[name].msg == "" {
		e.b.changed()
	}
}

// update shows the expiry date, how it is reached and whether it is near
// or past, and what validation says about the fields.
func (e *validityEditor) update() {
	p := &e.b.p
	exp := p.Expiry()
	today := e.b.host.Today()
	switch {
	case !exp.IsZero() && !p.Issued.IsZero():
		n := p.Issued.DaysUntil(exp)
		e.expiry.SetText(lang.N("Valid until {{.Date}} — {{.Count}} day from the issue date", n,
			map[string]any{"Date": longDate(exp), "Count": n}))
	case !exp.IsZero():
		e.expiry.SetText(lang.L("Valid until {{.Date}}", map[string]any{"Date": longDate(exp)}))
	case e.byDate():
		e.expiry.SetText(lang.L("No expiry date yet: choose the date until which the conditions hold."))
	default:
		e.expiry.SetText(lang.L("No expiry date yet: set the issue date and the number of days."))
	}
	warn := ""
	e.warning.Importance = widget.WarningImportance
	switch left := today.DaysUntil(exp); {
	case exp.IsZero() || p.Status.Closed():
	case left < 0:
		warn = lang.L("This date has passed: the proposal expired on {{.Date}}. Set a new validity (and check the prices still hold) before sending it again.",
			map[string]any{"Date": longDate(exp)})
		e.warning.Importance = widget.DangerImportance
	case left == 0:
		warn = lang.L("The proposal expires today. Extend the validity if the client needs more time to consider it.")
	case left <= proposal.ExpiringSoonDays:
		warn = lang.N("The proposal expires in {{.Count}} day. Extend the validity if the client needs more time to consider it.", left,
			map[string]any{"Count": left})
	}
	setNote(e.warning, warn)

	var pr dossier.Problems
	for _, f := range e.fields.Order {
		if m := e.bad[f.Name]; m.msg != "" {
			pr.Add(f.Name, m.msg, m.data)
		}
	}
	for _, x := range dossier.ProblemsOf(p.Validate()) {
		if x.Field == "issued" || x.Field == "valid_days" || x.Field == "valid_until" {
			pr = append(pr, x)
		}
	}
	e.fields.ShowProblems(pr.Err())
}

// focusPlace puts the cursor on the issue date.
func (e *validityEditor) focusPlace(proposal.Place) {
	if c := e.b.host.Window().Canvas(); c != nil {
		c.Focus(e.issued.Entry)
	}
}

// longDate writes a date in words: "Friday 8 January 2027".
func longDate(d dossier.Date) string { return ui.LongDate(d) }

// unreadable counts the fields whose text could not be read.
func (e *validityEditor) unreadable() int { return len(e.bad) }

// badText is what is wrong with the text of a field: a message (an
// English source template) and its data.
type badText struct {
	msg  string
	data map[string]any
}

// dateProblem is what is wrong with a date ParseDate refused.
func dateProblem(err error) badText {
	msg, data := ui.DateProblem(err)
	return badText{msg, data}
}
