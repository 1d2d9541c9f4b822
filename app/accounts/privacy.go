package accounts

import (
	"encoding/json"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// personalData is the dialog that shows everything kept about a person,
// with its source and consent, for answering a subject-access request; it
// saves the same as JSON for the person who asked.
type personalData struct {
	h    ui.Host
	data dossier.PersonalData
	dlg  dialog.Dialog
	save *widget.Button
	// text is what the dialog lists, a line each, for tests.
	text []string
}

func showPersonalData(h ui.Host, st Store, id string) *personalData {
	data, err := st.PersonalData(id)
	if err != nil {
		h.ShowError(err)
		return nil
	}
	v := &personalData{h: h, data: data}
	rows := container.NewVBox()
	line := func(s string, style fyne.TextStyle, imp widget.Importance) {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, style)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		rows.Add(l)
		v.text = append(v.text, s)
	}
	bold := fyne.TextStyle{Bold: true}
	source := data.Source
	if source == "" {
		source = lang.L("not recorded")
	}
	line(lang.L("Source and consent: {{.Source}}", map[string]any{"Source": source}), fyne.TextStyle{}, widget.MediumImportance)
	line(lang.L("Kept in their record"), bold, widget.MediumImportance)
	for _, f := range data.Facts {
		if f.Field == "photo" && data.Person.Photo != nil {
			f.Value = photoText(data.Person.Photo)
		}
		line(ui.FieldLabel(f.Field)+": "+ui.OneLine(f.Value), fyne.TextStyle{}, widget.MediumImportance)
	}
	line(lang.L("Other records that involve or name them"), bold, widget.MediumImportance)
	if len(data.Mentions) == 0 {
		line(lang.L("None."), fyne.TextStyle{}, widget.LowImportance)
	}
	for _, m := range data.Mentions {
		s := ui.Tr(m.Kind) + " · " + ui.Clip(ui.OneLine(m.Title), 90) + " · " + ui.Tr(m.How)
		if !m.Date.IsZero() {
			s = ui.DateText(m.Date) + " · " + s
		}
		line(s, fyne.TextStyle{}, widget.MediumImportance)
	}
	v.save = widget.NewButtonWithIcon(lang.L("Save as JSON…"), theme.DocumentSaveIcon(), v.OnSave)
	body := container.NewBorder(nil, container.NewHBox(v.save), nil, nil, container.NewVScroll(rows))
	v.dlg = dialog.NewCustom(lang.L("Personal data kept about {{.Name}}", map[string]any{"Name": data.Person.Name}),
		lang.L("Close"), body, h.Window())
	v.dlg.Resize(fyne.NewSize(720, 560))
	v.dlg.Show()
	return v
}

// json is the report as the command line's `person privacy --json` gives it.
func (v *personalData) json() ([]byte, error) { return json.MarshalIndent(v.data, "", "  ") }

func (v *personalData) OnSave() {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err == nil && w != nil {
			var b []byte
			if b, err = v.json(); err == nil {
				_, err = w.Write(append(b, '\n'))
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			v.h.ShowError(fmt.Errorf("%s: %w", lang.L("Personal data"), err))
		}
	}, v.h.Window())
	fd.SetFileName(dossier.SafeFileName("personal data - " + v.data.Person.Name + ".json"))
	fd.Show()
}

// eraseAsk is the question before a person is erased for good.
type eraseAsk struct {
	dlg      *dialog.ConfirmDialog
	mentions *ui.Check
}

// askErase asks whether to erase person p for good (and their mentions),
// then erases them and runs done.
func askErase(h ui.Host, st Store, p dossier.Person, done func()) *eraseAsk {
	a := &eraseAsk{}
	msg := widget.NewLabel(lang.L("Erasing removes {{.Name}} for good: their record, their place in the bin and in the people of events and promises, and the old copies in the database files. Unlike Delete, it cannot be undone. The timeline keeps only that a person was erased.",
		map[string]any{"Name": p.Name}))
	msg.Wrapping = fyne.TextWrapWord
	a.mentions = ui.NewCheck(lang.L("Also replace their name, e-mail and phone in every text (events, promises, notes, proposals and the copies sent)"), nil)
	body := container.NewVBox(msg, a.mentions)
	a.dlg = dialog.NewCustomConfirm(lang.L("Erase {{.Name}}?", map[string]any{"Name": p.Name}), lang.L("Erase for good"),
		lang.L("Cancel"), body, func(ok bool) {
			if !ok {
				return
			}
			if err := st.ErasePerson(p.ID, dossier.EraseOptions{Mentions: a.mentions.Checked}); err != nil {
				h.ShowError(err)
				return
			}
			done()
		}, h.Window())
	a.dlg.Resize(fyne.NewSize(600, 300))
	a.dlg.Show()
	return a
}
