package accounts

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/contacts"
	"kamdesk/app/ui"
)

// The preview of an import, whatever it brings in: a summary of what it
// does, a line for each record read (its name, new or already here and
// which, the fields that differ, and for a duplicate what to do with it),
// the choice for every duplicate at once, Cancel and Import.

// previewItem is what the preview shows of one record read.
type previewItem struct {
	name, what string
	diffs      []string // the fields that differ, and what is not kept
	duplicate  bool     // it matched a record: the user chooses what to do
	choice     contacts.OnMatch
	// options are what may be done with this duplicate when not all of
	// the spec's may (a person of another account is not filled in).
	options []contacts.OnMatch
}

// recordSource is what the preview calls the record read when it says
// how a field differs: a row of a file of accounts, or a contact card.
type recordSource int

const (
	inFile recordSource = iota // "… in the file"
	inCard                     // "… in the card"
)

// addDifferences adds a line for each field the record read (from src)
// and the one here hold differently, the field named by label.
func (it *previewItem) addDifferences(src recordSource, diffs []contacts.Difference, label func(field string) string) {
	for _, d := range diffs {
		data := map[string]any{"Field": label(d.Field), "Card": d.Card, "Kamdesk": d.Kamdesk}
		switch {
		case src == inCard && d.Kamdesk == "":
			it.diffs = append(it.diffs, lang.L("{{.Field}}: {{.Card}} in the card, empty here", data))
		case src == inCard:
			it.diffs = append(it.diffs, lang.L("{{.Field}}: {{.Card}} in the card, {{.Kamdesk}} here", data))
		case d.Kamdesk == "":
			it.diffs = append(it.diffs, lang.L("{{.Field}}: {{.Card}} in the file, empty here", data))
		default:
			it.diffs = append(it.diffs, lang.L("{{.Field}}: {{.Card}} in the file, {{.Kamdesk}} here", data))
		}
	}
}

// addNotKept adds a line naming what the record read holds that the
// import does not keep (ignored), when it holds any.
func (it *previewItem) addNotKept(ignored []string) {
	if len(ignored) > 0 {
		it.diffs = append(it.diffs, lang.L("not kept: {{.List}}", map[string]any{"List": strings.Join(ignored, ", ")}))
	}
}

// previewSpec is what the preview of one kind of import asks of it.
type previewSpec struct {
	title string
	// options are what may be done with a duplicate, labels their words.
	options []contacts.OnMatch
	labels  []string
	count   func() int
	item    func(i int) previewItem
	// duplicate reports whether record i matched one already here.
	duplicate func(i int) bool
	// choose makes on the choice for duplicate i.
	choose func(i int, on contacts.OnMatch)
	// replan matches the records again with the choices made and returns
	// the summary.
	replan func() string
	// write writes the plan, off the UI goroutine; done says what was
	// done, on it.
	write func() error
	done  func()
}

// importPreview is the preview dialog of an import.
type importPreview struct {
	spec    previewSpec
	host    ui.Host
	dlg     dialog.Dialog
	summary *widget.Label
	list    *widget.List
	all     *widget.Select // the choice for every duplicate at once
	run     *widget.Button
	busy    dialog.Dialog
	rows    map[*fyne.Container]*importRow // the preview's rows, by their container
}

// showPreview shows what the import would do, record by record, with a
// choice for each duplicate.
func (p *importPreview) showPreview(h ui.Host, spec previewSpec) {
	p.host, p.spec = h, spec
	p.rows = map[*fyne.Container]*importRow{}
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.all = widget.NewSelect(spec.labels, func(label string) {
		on := p.onMatchOf(label)
		for i := range spec.count() {
			if spec.duplicate(i) {
				spec.choose(i, on)
			}
		}
		p.changed()
	})
	p.all.PlaceHolder = lang.L("Choose for every duplicate…")
	p.list = widget.NewList(spec.count, p.newRow, p.updateRow)
	p.run = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), p.importNow)
	p.run.Importance = widget.HighImportance
	top := container.NewVBox(p.summary, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Duplicates:")), nil, p.all))
	p.dlg = ui.NewReviewDialog(spec.title, top, p.list, nil, h.Window(), p.run)
	p.changed()
	p.dlg.Show()
}

// changed matches the records again after a choice and shows the result.
func (p *importPreview) changed() {
	p.summary.SetText(p.spec.replan())
	dups := 0
	for i := range p.spec.count() {
		if p.spec.duplicate(i) {
			dups++
		}
	}
	if dups == 0 {
		p.all.Disable()
	}
	p.list.Refresh()
}

func (p *importPreview) onMatchLabel(on contacts.OnMatch) string {
	for i, o := range p.spec.options {
		if o == on {
			return p.spec.labels[i]
		}
	}
	return ""
}

func (p *importPreview) onMatchOf(label string) contacts.OnMatch {
	for i, l := range p.spec.labels {
		if l == label {
			return p.spec.options[i]
		}
	}
	return contacts.OnMatchSkip
}

// importRow is a record's line in the preview: its name and what the
// import does with it, the fields that differ, and for a duplicate the
// choice.
type importRow struct {
	name, what *ui.FitLabel
	diffs      *ui.WrapLabel
	choice     *widget.Select
	choiceBox  *fyne.Container // the choice, as wide as its longest option
	index      int
}

func (p *importPreview) newRow() fyne.CanvasObject {
	r := &importRow{name: ui.NewFitLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		what: ui.NewFitLabel(""), diffs: ui.NewWrapLabel("")}
	r.diffs.Importance = widget.LowImportance
	r.choice = widget.NewSelect(p.spec.labels, nil)
	r.choiceBox = ui.FitSelect(r.choice)
	box := container.NewBorder(nil, nil, nil, r.choiceBox, container.NewVBox(r.name, r.what))
	c := container.NewVBox(box)
	p.rows[c] = r
	return c
}

func (p *importPreview) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := p.rows[o.(*fyne.Container)]
	if r == nil || i >= p.spec.count() {
		return
	}
	it := p.spec.item(i)
	r.index = i
	r.name.SetText(it.name)
	r.what.SetText(it.what)
	r.choice.OnChanged = nil
	if !it.duplicate {
		r.choiceBox.Hide()
	} else {
		r.choice.Options = p.spec.labels
		if it.options != nil {
			r.choice.Options = nil
			for _, o := range it.options {
				r.choice.Options = append(r.choice.Options, p.onMatchLabel(o))
			}
		}
		r.choice.SetSelected(p.onMatchLabel(it.choice))
		r.choiceBox.Show()
		r.choice.OnChanged = func(label string) {
			p.spec.choose(r.index, p.onMatchOf(label))
			p.changed()
		}
	}
	c := o.(*fyne.Container)
	if len(it.diffs) > 0 {
		r.diffs.SetText(strings.Join(it.diffs, " · "))
		if len(c.Objects) == 1 {
			c.Add(r.diffs)
		}
	} else if len(c.Objects) > 1 {
		c.Objects = c.Objects[:1]
		c.Refresh()
	}
	p.list.SetItemHeight(i, c.MinSize().Height)
}

// importNow writes the plan, all or nothing, in the background, then
// says what was done; on an error the preview comes back.
func (p *importPreview) importNow() {
	p.run.Disable()
	p.dlg.Hide()
	p.busy = dialog.NewCustomWithoutButtons(lang.L("Importing…"), widget.NewProgressBarInfinite(), p.host.Window())
	p.busy.Show()
	var err error
	p.host.Background(func() { err = p.spec.write() }, func() {
		p.busy.Hide()
		if err != nil {
			p.host.ShowError(err)
			p.run.Enable()
			p.dlg.Show()
			return
		}
		p.spec.done()
	})
}
