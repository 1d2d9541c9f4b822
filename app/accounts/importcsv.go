package accounts

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/contacts"
	"kamdesk/app/ui"
)

// The mapping step of a CSV file's import: the file's columns, the
// values of its first rows, and for each column the field it fills (the
// built-in mapping's guess for Outlook's and Google's exports, or what
// the user chose last time for a file with the same columns); the format
// of its birthdays, asked for rather than guessed. Continue reads every
// row so and goes on to the preview of people.ImportPeople's plan.

// mappingKind is the kind of the mappings the people's imports keep.
const mappingKind = "people"

// mappingStep is the mapping step of imp.
type mappingStep struct {
	imp     *peopleImport
	fields  []*widget.Select // a column each
	dates   *widget.SelectEntry
	problem *widget.Label
	next    *widget.Button
	dlg     dialog.Dialog
}

// fieldLabels name the fields a column can fill, as the mapping step
// shows them.
func fieldLabels() map[string]string {
	return map[string]string{
		"first": lang.L("First name"), "middle": lang.L("Middle name"), "last": lang.L("Last name"),
		"name": lang.L("Whole name"), "email": lang.L("E-mail"), "phone": lang.L("Phone"),
		"position": lang.L("Position"), "title": lang.L("Position"), "department": lang.L("Department"),
		"birthday": lang.L("Birthday"), "notes": lang.L("Notes"), "level": lang.L("Relationship level"),
		"type": lang.L("Stakeholder type"), "role": lang.L("Role"), "influence": lang.L("Influence"),
		"channel": lang.L("Preferred channel"), "family": lang.L("Family"), "hobbies": lang.L("Hobbies"),
		"values": lang.L("Values"), "privacy_note": lang.L("Privacy note"), contacts.Ignore: lang.L("Not kept"),
	}
}

// fieldChoices are the fields a column can be given, "title" left out
// (it is position), in the order of contacts.PersonFields.
func fieldChoices() []string {
	var out []string
	for _, f := range contacts.PersonFields {
		if f != "title" {
			out = append(out, f)
		}
	}
	return out
}

// showMapping shows the columns of the CSV file of imp.
func (imp *peopleImport) showMapping() {
	labels := fieldLabels()
	choices := fieldChoices()
	var options []string
	for _, f := range choices {
		options = append(options, labels[f])
	}
	m := &mappingStep{imp: imp}
	imp.mapping = m
	grid := container.NewVBox()
	for i, col := range imp.csv.Columns {
		var samples []string
		for _, r := range imp.csv.Rows {
			if v := strings.TrimSpace(r[i]); v != "" {
				samples = append(samples, v)
			}
		}
		sample := ui.NewFitLabel(strings.Join(samples, " · "))
		sample.Importance = widget.LowImportance
		if col.Empty {
			sample.SetText(lang.L("(empty in every row)"))
		}
		sel := widget.NewSelect(options, nil)
		field := col.Field
		if field == "" || col.Empty && field != contacts.Ignore {
			field = contacts.Ignore
		}
		sel.SetSelected(labels[field])
		m.fields = append(m.fields, sel)
		head := ui.NewFitLabelWithStyle(col.Header, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		grid.Add(container.NewGridWithColumns(3, head, sample, sel))
	}
	m.dates = widget.NewSelectEntry([]string{"YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY", "YYYY.MM.DD"})
	m.dates.SetPlaceHolder(lang.L("The birthdays' format, e.g. DD.MM.YYYY"))
	m.problem = widget.NewLabel("")
	m.problem.Importance = widget.DangerImportance
	m.problem.Wrapping = fyne.TextWrapWord
	m.problem.Hide()
	intro := widget.NewLabel(lang.L("Choose what each column holds. kamdesk remembers the choice for files with the same columns."))
	intro.Wrapping = fyne.TextWrapWord
	if imp.remembered {
		intro.SetText(lang.L("The columns are read as you chose last time for a file with the same columns; change what is not right."))
	}
	dates := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Birthdays written as")), nil, m.dates)
	m.next = widget.NewButtonWithIcon(lang.L("Continue"), theme.NavigateNextIcon(), m.onContinue)
	m.next.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { m.dlg.Hide() })
	top := container.NewVBox(intro, dates, m.problem)
	body := container.NewBorder(top, container.NewHBox(layout.NewSpacer(), cancel, m.next), nil, nil, container.NewVScroll(grid))
	m.dlg = dialog.NewCustomWithoutButtons(lang.L("Columns of {{.File}}", map[string]any{"File": imp.file}), body, imp.s.host.Window())
	m.dlg.Resize(fyne.NewSize(900, 600))
	m.dlg.Show()
}

// chosen is the mapping the step's choices make.
func (m *mappingStep) chosen() contacts.Mapping {
	labels := fieldLabels()
	out := contacts.Mapping{}
	for i, col := range m.imp.csv.Columns {
		for _, f := range fieldChoices() {
			if labels[f] == m.fields[i].Selected {
				out[col.Header] = f
			}
		}
	}
	return out
}

// onContinue reads every row with the mapping chosen, in the background,
// then shows the preview; a problem (a date format needed, a bad row) is
// shown in the step, which stays.
func (m *mappingStep) onContinue() {
	imp := m.imp
	s := imp.s
	mapping := m.chosen()
	var df contacts.DateFormat
	if f := strings.TrimSpace(m.dates.Text); f != "" {
		var err error
		if df, err = contacts.ParseDateFormat(f); err != nil {
			m.say(err)
			return
		}
	}
	m.next.Disable()
	m.problem.Hide()
	var err error
	s.host.Background(func() {
		var sheet *contacts.Sheet
		if sheet, err = contacts.ReadCSV(imp.file, imp.data, mapping, df); err != nil {
			return
		}
		imp.cards = sheet.Cards
		if err = imp.match(); err != nil {
			return
		}
		// remembered for the next file with the same columns
		err = s.st.SaveMapping(mappingKind, contacts.HeaderKey(imp.csv.Columns), mapping)
	}, func() {
		m.next.Enable()
		if probs := contacts.ProblemsOf(err); len(probs) > 0 && !errors.Is(err, contacts.ErrDateFormat) {
			m.dlg.Hide()
			imp.showProblems(probs)
			return
		}
		if err != nil {
			m.say(err)
			return
		}
		m.dlg.Hide()
		if len(imp.cards) == 0 {
			dialog.ShowInformation(lang.L("Import people"), lang.L("{{.File}} holds no contact card.", map[string]any{"File": imp.file}), s.host.Window())
			return
		}
		imp.showPreview()
	})
}

// say shows err in the step.
func (m *mappingStep) say(err error) {
	m.problem.SetText(ui.Sentence(ui.ErrorText(err)))
	m.problem.Show()
}
