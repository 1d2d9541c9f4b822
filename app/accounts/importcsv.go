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
// built-in mapping's guess, or what the user chose last time for a file
// with the same columns); the format of its dates, asked for rather than
// guessed. Continue reads every row so and goes on to the preview.

// csvKind is what the mapping step knows of the records of a kind of
// import: the kind of the mappings the store keeps for it, the fields a
// column can fill and their words, what its dates are, and how the
// columns and first rows of a file are read.
type csvKind struct {
	kind      string   // the store's kind of mappings: "people", "accounts"
	reading   string   // the title of the progress bar while the rows are read
	fields    []string // the fields a column can be given, in order
	labels    map[string]string
	dates     string // the label of the dates' format, and its placeholder
	datesHint string
	preview   func(file string, data []byte, m contacts.Mapping, n int) (*contacts.Preview, error)
}

// peopleCSV is the mapping step of the people's imports.
func peopleCSV() csvKind {
	var fields []string
	for _, f := range contacts.PersonFields {
		if f != "title" { // it is position
			fields = append(fields, f)
		}
	}
	return csvKind{kind: "people", fields: fields, labels: fieldLabels(), reading: lang.L("Reading the cards…"),
		dates: lang.L("Birthdays written as"), datesHint: lang.L("The birthdays' format, e.g. DD.MM.YYYY"),
		preview: contacts.PreviewCSV}
}

// fieldLabels name the fields a column of people can fill, as the
// mapping step shows them.
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

// mappingStep is the mapping step of the CSV file of f.
type mappingStep struct {
	f       *fileImport
	k       csvKind
	fields  []*widget.Select // a column each
	dates   *widget.SelectEntry
	problem *widget.Label
	next    *widget.Button
	dlg     dialog.Dialog
	// read reads every row with the mapping and the dates' format
	// chosen, off the UI goroutine, telling progress how far it got;
	// then goes on, on it; problems shows what stops the import.
	read     func(m contacts.Mapping, df contacts.DateFormat, progress contacts.Progress) error
	then     func()
	problems func(contacts.Problems)
}

// showMapping shows the columns of the CSV file of f, read as k reads
// them: Continue reads its rows with read, then goes on with then, or
// shows their problems with problems.
func (f *fileImport) showMapping(k csvKind, read func(contacts.Mapping, contacts.DateFormat, contacts.Progress) error, then func(), problems func(contacts.Problems)) {
	var options []string
	for _, fl := range k.fields {
		options = append(options, k.labels[fl])
	}
	m := &mappingStep{f: f, k: k, read: read, then: then, problems: problems}
	f.mapping = m
	grid := container.NewVBox()
	for i, col := range f.csv.Columns {
		var samples []string
		for _, r := range f.csv.Rows {
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
		sel.SetSelected(k.labels[field])
		m.fields = append(m.fields, sel)
		head := ui.NewFitLabelWithStyle(col.Header, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		grid.Add(container.NewGridWithColumns(3, head, sample, sel))
	}
	m.dates = widget.NewSelectEntry([]string{"YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY", "DD-MM-YYYY", "YYYY.MM.DD"})
	m.dates.SetPlaceHolder(k.datesHint)
	m.problem = widget.NewLabel("")
	m.problem.Importance = widget.DangerImportance
	m.problem.Wrapping = fyne.TextWrapWord
	m.problem.Hide()
	intro := widget.NewLabel(lang.L("Choose what each column holds. kamdesk remembers the choice for files with the same columns."))
	intro.Wrapping = fyne.TextWrapWord
	if f.remembered {
		intro.SetText(lang.L("The columns are read as you chose last time for a file with the same columns; change what is not right."))
	}
	dates := container.NewBorder(nil, nil, widget.NewLabel(k.dates), nil, m.dates)
	m.next = widget.NewButtonWithIcon(lang.L("Continue"), theme.NavigateNextIcon(), m.onContinue)
	m.next.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { m.dlg.Hide() })
	top := container.NewVBox(intro, dates, m.problem)
	body := container.NewBorder(top, container.NewHBox(layout.NewSpacer(), cancel, m.next), nil, nil, container.NewVScroll(grid))
	m.dlg = dialog.NewCustomWithoutButtons(lang.L("Columns of {{.File}}", map[string]any{"File": f.file}), body, f.host.Window())
	m.dlg.Resize(fyne.NewSize(900, 600))
	m.dlg.Show()
}

// chosen is the mapping the step's choices make.
func (m *mappingStep) chosen() contacts.Mapping {
	out := contacts.Mapping{}
	for i, col := range m.f.csv.Columns {
		for _, fl := range m.k.fields {
			if m.k.labels[fl] == m.fields[i].Selected {
				out[col.Header] = fl
			}
		}
	}
	return out
}

// onContinue reads every row with the mapping chosen, in the background
// behind a progress bar, and remembers the mapping for the next file
// with the same columns; then goes on; a problem (a date format needed,
// a bad row) is shown in the step, which stays.
func (m *mappingStep) onContinue() {
	f := m.f
	mapping := m.chosen()
	var df contacts.DateFormat
	if s := strings.TrimSpace(m.dates.Text); s != "" {
		var err error
		if df, err = contacts.ParseDateFormat(s); err != nil {
			m.say(err)
			return
		}
	}
	m.next.Disable()
	m.problem.Hide()
	f.showBusy(m.k.reading)
	var err error
	f.host.Background(func() {
		if err = m.read(mapping, df, f.progress); err != nil {
			return
		}
		err = f.st.SaveMapping(m.k.kind, contacts.HeaderKey(f.csv.Columns), mapping)
	}, func() {
		f.hideBusy()
		m.next.Enable()
		if probs := contacts.ProblemsOf(err); len(probs) > 0 && !errors.Is(err, contacts.ErrDateFormat) {
			m.dlg.Hide()
			m.problems(probs)
			return
		}
		if err != nil {
			m.say(err)
			return
		}
		m.dlg.Hide()
		m.then()
	})
}

// say shows err in the step.
func (m *mappingStep) say(err error) {
	m.problem.SetText(ui.Sentence(ui.ErrorText(err)))
	m.problem.Show()
}
