package team

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// referenceForm edits a reference and its referee.
type referenceForm struct {
	s       *teamScreen
	refs    []dossier.Reference
	orig    dossier.Reference // as loaded; blank for a new reference
	filling bool              // set while load fills the entries
	touched ui.Touched

	fields                                  ui.FieldSet
	client, project, year                   *ui.Entry
	result                                  *ui.TextArea
	refereeName, refereePosition, refereeTo *ui.Entry
	agreed                                  *ui.Check
	heading                                 *widget.Label
}

func (f *referenceForm) reload() (err error) {
	f.refs, err = f.s.st.References()
	return err
}

func (f *referenceForm) ids() []string {
	out := make([]string, len(f.refs))
	for i, r := range f.refs {
		out[i] = r.ID
	}
	return out
}

func (f *referenceForm) newList() *ui.List {
	return ui.NewList(
		func() int { return len(f.refs) },
		func() fyne.CanvasObject {
			title := ui.NewFitLabelWithStyle("Client — project", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			consent := widget.NewLabel("")
			referee := ui.NewFitLabel("Referee")
			return container.NewVBox(title, container.NewBorder(nil, nil, nil, consent, referee))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := f.refs[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*ui.FitLabel).SetText(referenceTitle(r))
			bottom := box.Objects[1].(*fyne.Container)
			referee := joinSome(", ", r.Referee.Name, r.Referee.Position)
			if referee == "" {
				referee = lang.L("No referee named")
			}
			bottom.Objects[0].(*ui.FitLabel).SetText(referee)
			consent := bottom.Objects[1].(*widget.Label)
			if r.Recommends() {
				consent.SetText(lang.L("✓ may be contacted"))
				consent.Importance = widget.SuccessImportance
			} else {
				consent.SetText(lang.L("no consent"))
				consent.Importance = widget.WarningImportance
			}
			bottom.Refresh() // the marker's width changed
		})
}

// referenceTitle is "client — project — year", without the year when it
// is not known.
func referenceTitle(r dossier.Reference) string {
	year := ""
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	return joinSome(" — ", r.Client, r.Project, year)
}

func (f *referenceForm) build(cancel func()) {
	f.client, f.project, f.year = ui.NewEntry(cancel), ui.NewEntry(cancel), ui.NewEntry(cancel)
	f.result = ui.NewTextArea(cancel)
	f.refereeName, f.refereePosition, f.refereeTo = ui.NewEntry(cancel), ui.NewEntry(cancel), ui.NewEntry(cancel)
	f.year.SetPlaceHolder(lang.L("for example 2024"))
	f.result.SetPlaceHolder(lang.L("A number the client can check: cut energy use by 18% in the first year"))
	f.refereeTo.SetPlaceHolder(lang.L("E-mail or phone"))
	f.result.OnChanged = func(string) { f.validate("result") }
	for name, e := range map[string]*ui.Entry{"client": f.client, "project": f.project, "year": f.year,
		"referee.name": f.refereeName, "referee.position": f.refereePosition, "referee.contact": f.refereeTo} {
		e.OnChanged = func(string) { f.validate(name) }
	}
	f.agreed = ui.NewCheck(lang.L("The referee agreed to be contacted by our prospective clients"),
		func(bool) { f.validate("referee.agreed") })
	hint := widget.NewLabel(lang.L("Proposals print the referee's name and contact only with their consent; without it they cite the project and its result alone."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	f.fields.Add(ui.NewField("client", lang.L("Client"), f.client))
	f.fields.Add(ui.NewField("project", lang.L("Project"), f.project))
	f.fields.Add(ui.NewField("year", lang.L("Year"), f.year))
	f.fields.Add(ui.NewField("result", lang.L("Quantified result"), f.result))
	f.fields.Add(ui.NewField("referee.name", lang.L("Referee"), f.refereeName))
	f.fields.Add(ui.NewField("referee.position", lang.L("Referee's position"), f.refereePosition))
	f.fields.Add(ui.NewField("referee.contact", lang.L("Referee's contact"), f.refereeTo))
	f.fields.Add(ui.NewField("referee.agreed", lang.L("Consent"), container.NewVBox(hint, f.agreed)))
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.Wrapping = fyne.TextWrapWord
}

func (f *referenceForm) object() fyne.CanvasObject {
	return container.NewVBox(f.heading, f.fields.Grid())
}

func (f *referenceForm) load(i int) {
	f.orig = dossier.Reference{}
	f.heading.SetText(lang.L("New reference"))
	if i >= 0 {
		f.orig = f.refs[i]
		f.heading.SetText(referenceTitle(f.orig))
	}
	f.filling = true
	f.client.SetText(f.orig.Client)
	f.project.SetText(f.orig.Project)
	f.year.SetText(yearText(f.orig.Year))
	f.result.SetText(f.orig.Result)
	f.refereeName.SetText(f.orig.Referee.Name)
	f.refereePosition.SetText(f.orig.Referee.Position)
	f.refereeTo.SetText(f.orig.Referee.Contact)
	f.agreed.SetChecked(f.orig.Referee.Agreed)
	f.filling = false
	f.touched.Reset(i >= 0)
	f.fields.Clear()
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// record is the reference as the form has it, with the problems of the
// form itself (a year that is not a number) and of the record.
func (f *referenceForm) record() (dossier.Reference, dossier.Problems) {
	r := f.orig
	r.Client = strings.TrimSpace(f.client.Text)
	r.Project = strings.TrimSpace(f.project.Text)
	r.Result = strings.TrimSpace(f.result.Text())
	r.Referee = dossier.Referee{
		Name:     strings.TrimSpace(f.refereeName.Text),
		Position: strings.TrimSpace(f.refereePosition.Text),
		Contact:  strings.TrimSpace(f.refereeTo.Text),
		Agreed:   f.agreed.Checked,
	}
	var p dossier.Problems
	r.Year = 0
	if y := strings.TrimSpace(f.year.Text); y != "" {
		n, err := strconv.Atoi(y)
		if err != nil {
			p.Add("year", "must be a year in digits, between 1950 and 2100", nil)
		}
		r.Year = n
	}
	p = append(p, dossier.ProblemsOf(r.Validate())...)
	return r, p
}

func (f *referenceForm) validate(field string) {
	if f.filling {
		return
	}
	f.touched.Mark(field)
	_, p := f.record()
	f.fields.ShowProblems(f.touched.Filter(p).Err())
}

func (f *referenceForm) changed() bool {
	r, _ := f.record()
	o := f.orig
	return r.Client != o.Client || r.Project != o.Project || strings.TrimSpace(f.year.Text) != yearText(o.Year) ||
		r.Result != o.Result || r.Referee != o.Referee
}

func (f *referenceForm) save() (string, bool) {
	r, p := f.record()
	if len(p) > 0 {
		f.touched.Reset(true)
		showSaveError(f.s.host, &f.fields, p.Err())
		return "", false
	}
	if err := f.s.st.SaveReference(&r); err != nil {
		f.touched.Reset(true)
		showSaveError(f.s.host, &f.fields, err)
		return "", false
	}
	return r.ID, true
}

func (f *referenceForm) remove(i int, done func(dossier.BinEntry)) {
	r := f.refs[i]
	msg := lang.L("Delete the reference “{{.Project}}” for {{.Client}}? You can undo this.",
		map[string]any{"Project": r.Project, "Client": r.Client})
	confirmDelete(f.s.host, lang.L("Delete reference"), msg, func() {
		e, err := f.s.st.DeleteReference(r.ID)
		if err != nil {
			f.s.host.ShowError(err)
			return
		}
		done(e)
	})
}

func (f *referenceForm) Focus() { f.s.host.Window().Canvas().Focus(f.client) }
