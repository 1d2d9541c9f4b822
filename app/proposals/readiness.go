package proposals

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// readinessPart lists what the readiness check found, blocking problems
// first; tapping one goes to where it can be fixed.
type readinessPart struct {
	b       *builder
	summary *widget.Label
	list    *fyne.Container
	rows    []*findingRow // the rows shown, one per cause, for tests
	root    fyne.CanvasObject
}

func newReadinessPart(b *builder) *readinessPart {
	r := &readinessPart{b: b, summary: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	r.list = ui.NewWrapColumn()
	r.root = container.NewBorder(container.NewVBox(r.summary, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(r.list))
	r.show()
	return r
}

func (r *readinessPart) Content() fyne.CanvasObject { return r.root }

func (r *readinessPart) reload() { r.show() }

func (r *readinessPart) onChecked() { r.show() }

// show lists the builder's current findings, one row per cause: a draft
// without a team has twenty findings of the author's placeholders, and
// one fix, crediting the author, clears them all.
func (r *readinessPart) show() {
	fs := r.b.findings
	causes := proposal.Causes(fs)
	text, imp := readinessSummary(&r.b.p, fs)
	if len(causes) < len(fs) {
		text += " " + lang.N("— from {{.Count}} cause", len(causes), map[string]any{"Count": len(causes)})
	}
	r.summary.SetText(text)
	r.summary.Importance = imp
	r.summary.Refresh()
	r.rows = nil
	var objs []fyne.CanvasObject
	for _, c := range causes {
		if len(c.Findings) == 1 {
			row := newFindingRow(c.First(), true, r.b.jump)
			r.rows = append(r.rows, row)
			objs = append(objs, row)
			continue
		}
		row, details := causeRows(c, r.b.jump)
		r.rows = append(r.rows, row)
		objs = append(objs, row, details)
	}
	if len(fs) == 0 {
		l := widget.NewLabel(lang.L("The check found nothing to fix: every variant has what its readers need, and the credits and the validity are in place."))
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	r.list.Objects = objs
	r.list.Refresh()
}

// causeRows shows a cause of several findings: a row that says what they
// share and goes to where they are fixed, and under it a button that
// shows (or hides) each of the findings.
func causeRows(c proposal.Cause, jump func(proposal.Place)) (*findingRow, fyne.CanvasObject) {
	row := newFindingRow(causeFinding(c), true, jump)
	row.who = causeAudiences(c)
	more := ui.NewWrapColumn()
	more.Hide()
	n := len(c.Findings)
	var toggle *widget.Button
	toggle = widget.NewButtonWithIcon(lang.N("Show the {{.Count}} finding", n, map[string]any{"Count": n}), theme.MenuExpandIcon(), func() {
		if more.Visible() {
			more.Hide()
			toggle.SetText(lang.N("Show the {{.Count}} finding", n, map[string]any{"Count": n}))
			toggle.SetIcon(theme.MenuExpandIcon())
			return
		}
		if len(more.Objects) == 0 { // made when first asked for
			for _, g := range c.Findings {
				more.Add(newFindingRow(g, true, jump))
			}
		}
		more.Show()
		toggle.SetText(lang.L("Hide them"))
		toggle.SetIcon(theme.MenuDropUpIcon())
	})
	toggle.Importance = widget.LowImportance
	return row, container.NewBorder(nil, nil, widget.NewLabel(""), nil, container.NewVBox(container.NewHBox(toggle), more))
}

// causeFinding is what a cause of several findings says: the first
// finding's words, or for placeholders without a value each placeholder
// once, the number of places and the tab where the values are filled in.
func causeFinding(c proposal.Cause) proposal.Finding {
	f := c.First()
	ps := c.Placeholders()
	if len(c.Findings) == 1 || len(ps) == 0 {
		return f
	}
	sum := proposal.Finding{Severity: f.Severity, Code: f.Code, Audience: f.Audience, Fix: f.Fix, Place: f.Place,
		Message: "{{.Placeholders}} have no value in {{.Places}}."}
	if len(ps) == 1 {
		sum.Message = "{{.Placeholders}} has no value in {{.Places}}."
	}
	sum.Data = map[string]any{"Placeholders": strings.Join(ps, ", "),
		"Places": lang.N("{{.Count}} place", len(c.Findings), map[string]any{"Count": len(c.Findings)})}
	switch f.Place.Area {
	case proposal.AreaCredits:
		sum.Fix = "Choose the author on the References and team tab: their name, position and contacts fill these in."
	case proposal.AreaFinancial:
		sum.Fix = "Enter the investment and the yearly gain or saving on the Financial result tab."
	case proposal.AreaPricing:
		sum.Fix = "Add the lines of the pricing table on the Pricing tab."
	}
	return sum
}

// causeAudiences names the variants a cause concerns: "Executive, HR and
// Finance variants", or the whole proposal.
func causeAudiences(c proposal.Cause) string {
	var names []string
	whole := false
	for _, a := range c.Audiences() {
		if a == "" {
			whole = true
			continue
		}
		names = append(names, ui.Tr(a.Label()))
	}
	switch {
	case len(names) == 0:
		return lang.L("Whole proposal")
	case whole:
		return lang.L("Whole proposal and the {{.Audiences}} variants", map[string]any{"Audiences": strings.Join(names, ", ")})
	case len(names) == 1:
		return lang.L("{{.Audience}} variant", map[string]any{"Audience": names[0]})
	}
	return lang.L("{{.Audiences}} variants", map[string]any{"Audiences": strings.Join(names, ", ")})
}

// readyText is what the builder says of a proposal the check finds
// nothing blocking in: "Ready to send" for a draft, "Checks pass" for one
// already sent (it is not to be sent again, and a revision says so).
func readyText(p *proposal.Proposal) string {
	if p.Status == proposal.Draft || p.Status == "" {
		return lang.L("Ready to send")
	}
	return lang.L("Checks pass")
}

// readinessSummary says in one line how far the proposal p is from being
// ready: "2 to fix before sending, 1 warning" or "Ready to send".
func readinessSummary(p *proposal.Proposal, fs []proposal.Finding) (string, widget.Importance) {
	n := proposal.Blocking(fs)
	w := len(fs) - n
	warnings := lang.N("{{.Count}} warning", w, map[string]any{"Count": w})
	switch {
	case n > 0 && w > 0:
		return lang.N("{{.Count}} to fix before sending", n, map[string]any{"Count": n}) + ", " + warnings, widget.DangerImportance
	case n > 0:
		return lang.N("{{.Count}} to fix before sending", n, map[string]any{"Count": n}), widget.DangerImportance
	case w > 0:
		return readyText(p) + ", " + warnings, widget.WarningImportance
	}
	return readyText(p), widget.SuccessImportance
}

// findingAudience names the variant a finding concerns.
func findingAudience(f proposal.Finding) string {
	if f.Audience == "" {
		return lang.L("Whole proposal")
	}
	return lang.L("{{.Audience}} variant", map[string]any{"Audience": ui.Tr(f.Audience.Label())})
}

// findingRow shows one finding: its severity icon, the variant it
// concerns, what is wrong and how to fix it. Tapping it calls onTap with
// the place to fix it.
type findingRow struct {
	widget.BaseWidget
	f        proposal.Finding
	audience bool   // show the variant concerned
	who      string // the variants concerned, when not the finding's own
	onTap    func(proposal.Place)
	bg       *canvas.Rectangle
}

func newFindingRow(f proposal.Finding, audience bool, onTap func(proposal.Place)) *findingRow {
	r := &findingRow{f: f, audience: audience, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

// message is the finding's text, translated.
func (r *findingRow) message() string { return ui.Tr(r.f.Message, r.f.Data) }

func (r *findingRow) CreateRenderer() fyne.WidgetRenderer {
	icon := widget.NewIcon(ui.IconIn(theme.WarningIcon(), theme.ColorNameWarning))
	if r.f.Severity == proposal.SeverityBlocking {
		icon.SetResource(ui.IconIn(theme.ErrorIcon(), theme.ColorNameError))
	}
	msg := ui.NewWrapLabel(r.message())
	fix := ui.NewWrapLabel(ui.Tr(r.f.Fix, r.f.Data))
	fix.Importance = widget.LowImportance
	fix.TextStyle.Italic = true
	lines := ui.NewWrapColumn()
	if r.audience {
		text := r.who
		if text == "" {
			text = findingAudience(r.f)
		}
		who := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		lines.Add(who)
	}
	lines.Add(msg)
	if r.f.Fix != "" {
		lines.Add(fix)
	}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.bg.CornerRadius = theme.InputRadiusSize()
	go2 := widget.NewIcon(ui.Icon(theme.NavigateNextIcon()))
	return widget.NewSimpleRenderer(container.NewStack(r.bg,
		container.NewBorder(nil, nil, container.NewVBox(icon), container.NewVBox(go2), lines)))
}

// Tapped goes to where the finding can be fixed.
func (r *findingRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.f.Place)
	}
}

// Cursor shows the row can be tapped.
func (r *findingRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the row under the pointer.
func (r *findingRow) MouseIn(*desktop.MouseEvent) {
	if r.bg != nil {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
		r.bg.Refresh()
	}
}

// MouseMoved is needed for hovering.
func (r *findingRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the highlight.
func (r *findingRow) MouseOut() {
	if r.bg != nil {
		r.bg.FillColor = color.Transparent
		r.bg.Refresh()
	}
}
