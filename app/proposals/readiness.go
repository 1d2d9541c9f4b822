package proposals

import (
	"image/color"

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
	rows    []*findingRow // the rows shown, for tests
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

// show lists the builder's current findings.
func (r *readinessPart) show() {
	fs := r.b.findings
	text, imp := readinessSummary(fs)
	r.summary.SetText(text)
	r.summary.Importance = imp
	r.summary.Refresh()
	r.rows = nil
	var objs []fyne.CanvasObject
	for _, f := range fs {
		row := newFindingRow(f, true, r.b.jump)
		r.rows = append(r.rows, row)
		objs = append(objs, row)
	}
	if len(fs) == 0 {
		l := widget.NewLabel(lang.L("The check found nothing to fix: every variant has what its readers need, and the credits and the validity are in place."))
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	r.list.Objects = objs
	r.list.Refresh()
}

// readinessSummary says in one line how far the proposal is from being
// ready: "2 to fix before sending, 1 warning" or "Ready to send".
func readinessSummary(fs []proposal.Finding) (string, widget.Importance) {
	n := proposal.Blocking(fs)
	w := len(fs) - n
	warnings := lang.N("{{.Count}} warning", w, map[string]any{"Count": w})
	switch {
	case n > 0 && w > 0:
		return lang.N("{{.Count}} to fix before sending", n, map[string]any{"Count": n}) + ", " + warnings, widget.DangerImportance
	case n > 0:
		return lang.N("{{.Count}} to fix before sending", n, map[string]any{"Count": n}), widget.DangerImportance
	case w > 0:
		return lang.L("Ready to send") + ", " + warnings, widget.WarningImportance
	}
	return lang.L("Ready to send"), widget.SuccessImportance
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
	audience bool // show the variant concerned
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
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	if r.f.Severity == proposal.SeverityBlocking {
		icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
	}
	msg := ui.NewWrapLabel(r.message())
	fix := ui.NewWrapLabel(ui.Tr(r.f.Fix, r.f.Data))
	fix.Importance = widget.LowImportance
	fix.TextStyle.Italic = true
	lines := ui.NewWrapColumn()
	if r.audience {
		who := widget.NewLabelWithStyle(findingAudience(r.f), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		lines.Add(who)
	}
	lines.Add(msg)
	if r.f.Fix != "" {
		lines.Add(fix)
	}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.bg.CornerRadius = theme.InputRadiusSize()
	go2 := widget.NewIcon(theme.NavigateNextIcon())
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
