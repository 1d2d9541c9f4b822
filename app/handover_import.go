package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/handover"
	"kamdesk/app/i18n"
	"kamdesk/app/ui"
)

// bundleImport is File → Import bundle… from the report on: what is new,
// each record that differs with its differences and a choice of side
// (Keep mine or Take theirs, or all at once), what the choices write,
// and Import, which writes it all or nothing once every record that
// differs has a side, as `kamdesk import` with --take-mine and
// --take-theirs does. Cancel writes nothing. Its dialog is the one of
// the imports of people and accounts (ui.NewReviewDialog).
type bundleImport struct {
	d      *Desk
	path   string
	b      *handover.Bundle
	plan   *handover.Plan
	choice handover.Choice

	head, summary *widget.Label
	sides         []*widget.RadioGroup // a record that differs's, in the plan's order
	run           *widget.Button
	dlg           *dialog.CustomDialog
}

// sideLabels are the choices of a record that differs, as its row names
// them: the workspace's version, the bundle's.
func sideLabels() []string { return []string{lang.L("Keep mine"), lang.L("Take theirs")} }

func sideOf(label string) handover.Take {
	switch label {
	case sideLabels()[0]:
		return handover.TakeMine
	case sideLabels()[1]:
		return handover.TakeTheirs
	}
	return handover.TakeNone
}

// showBundleImport shows what importing b at path would do, with a
// choice for each record that differs, none chosen yet.
func (d *Desk) showBundleImport(path string, b *handover.Bundle, plan *handover.Plan) *bundleImport {
	imp := &bundleImport{d: d, path: path, b: b, plan: plan, choice: handover.Choice{Each: map[string]handover.Take{}}}
	imp.head = widget.NewLabel("")
	imp.head.Wrapping = fyne.TextWrapWord
	imp.summary = widget.NewLabel("")
	imp.summary.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(imp.head)
	if len(plan.Conflicts) > 0 {
		all := container.NewHBox(
			widget.NewButton(lang.L("Keep all mine"), func() { imp.chooseAll(sideLabels()[0]) }),
			widget.NewButton(lang.L("Take all theirs"), func() { imp.chooseAll(sideLabels()[1]) }))
		body.Add(container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("Records that differ:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), all))
		for _, c := range plan.Conflicts {
			body.Add(widget.NewSeparator())
			body.Add(imp.row(c))
		}
	}
	imp.run = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), imp.importNow)
	imp.run.Importance = widget.HighImportance
	imp.dlg = ui.NewReviewDialog(lang.L("Import bundle"), nil, container.NewVScroll(body),
		container.NewVBox(widget.NewSeparator(), imp.summary), d.win, imp.run)
	imp.changed()
	d.ShowClosable(imp.dlg)
	return imp
}

// row is a record that differs: its kind and name, what differs and what
// taking or keeping it does, and the side chosen for it.
func (imp *bundleImport) row(c handover.Conflict) fyne.CanvasObject {
	key := c.Key()
	side := widget.NewRadioGroup(sideLabels(), func(label string) {
		imp.choice.Each[key] = sideOf(label)
		imp.changed()
	})
	side.Horizontal = true
	imp.sides = append(imp.sides, side)
	title := widget.NewLabelWithStyle(handover.Title(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	details := ui.NewWrapLabel(strings.Join(handover.Details(c), "\n"))
	return container.NewBorder(nil, nil, nil, container.NewVBox(side, layout.NewSpacer()), container.NewVBox(title, details))
}

// chooseAll gives every record that differs the side label names.
func (imp *bundleImport) chooseAll(label string) {
	for _, s := range imp.sides {
		s.SetSelected(label)
	}
}

// changed shows what importing with the choices made writes, and lets
// Import write it once every record that differs has a side.
func (imp *bundleImport) changed() {
	imp.head.SetText(strings.Join(handover.Head(imp.path, imp.b, imp.plan, imp.choice), "\n"))
	var lines []string
	n := imp.plan.Undecided(imp.choice)
	switch {
	case n > 0:
		lines = append(lines, lang.N("Choose Keep mine or Take theirs for each record that differs: {{.Count}} left.", n, map[string]any{"Count": n}))
		imp.run.Disable()
	case len(imp.plan.Conflicts) > 0:
		added, replaced := imp.plan.Writes(imp.choice)
		lines = append(lines, lang.L("With these choices: {{.Added}} to add, {{.Replaced}} to replace.", map[string]any{"Added": added, "Replaced": replaced}))
		if k := imp.plan.Kept(imp.choice); k > 0 {
			lines = append(lines, i18n.N("{{.Count}} record that differs stays as it is here: the bundle's version cannot be taken.", k, map[string]any{"Count": k}))
		}
		fallthrough
	default:
		imp.run.Enable()
	}
	lines = append(lines, handover.LeftOutLines(imp.plan.LeftOut(imp.choice))...)
	imp.summary.SetText(strings.Join(lines, "\n"))
}

// importNow writes what the plan says with the choices made, in the
// background, and says what it did.
func (imp *bundleImport) importNow() {
	imp.dlg.Hide()
	d, plan, c := imp.d, imp.plan, imp.choice
	var err error
	d.Background(func() { err = plan.Import(d.ws, c) }, func() {
		if err != nil {
			d.ShowError(err)
			return
		}
		added, replaced := plan.Writes(c)
		msg := i18n.L("Imported: {{.Added}} added, {{.Replaced}} replaced.", map[string]any{"Added": added, "Replaced": replaced})
		if n := plan.Kept(c); n > 0 {
			msg += "\n" + i18n.N("{{.Count}} record that differs stays as it is here: the bundle's version cannot be taken.", n, map[string]any{"Count": n})
		}
		if l := handover.LeftOutLine(len(plan.LeftOut(c))); l != "" {
			msg += "\n" + l
		}
		dialog.ShowInformation(lang.L("Import bundle"), msg, d.win)
		d.Refresh()
	})
}
