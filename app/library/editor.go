package library

import (
	"errors"
	"maps"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// sectionEditor is the form of one library section.
type sectionEditor struct {
	s       *libraryScreen
	sec     proposal.Section // as loaded; ID "" for a new section
	fresh   bool             // not saved yet
	open    bool
	loading bool
	touched ui.Touched // fields changed; all for a saved section or after a save was tried
	fs      ui.FieldSet
	object  fyne.CanvasObject
	scroll  *container.Scroll

	title        *ui.Entry
	kind         *ui.Choice[proposal.Kind]
	weights      []*ui.Entry // one per proposal.Audiences
	language     *ui.Entry
	body         *ui.TextArea
	placeholders *fyne.Container
	insert       *ui.Select
	followers    *widget.Label
	del          *widget.Button
}

func newSectionEditor(s *libraryScreen) *sectionEditor {
	e := &sectionEditor{s: s}
	cancel := s.OnCancel
	e.title = ui.NewEntry(cancel)
	e.title.OnChanged = func(string) { e.changedField("title") }
	e.kind = ui.NewChoice(proposal.Kinds, proposal.Kind.Label, "", func(proposal.Kind) { e.changedField("kind") })
	var cells []fyne.CanvasObject
	for _, a := range proposal.Audiences {
		w := ui.NewEntry(cancel)
		w.SetPlaceHolder("0")
		w.OnChanged = func(string) { e.changedField("audiences") }
		e.weights = append(e.weights, w)
		cells = append(cells, widget.NewLabel(ui.Tr(a.Label())), w)
	}
	hint := widget.NewLabel(lang.L("Weight 1–100: how much the section matters to each audience; 0 or empty: not for them."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	// an audience a row: their names are long in some languages
	// ("Технические специалисты")
	audiences := container.NewVBox(container.New(layout.NewFormLayout(), cells...), hint)
	e.language = ui.NewEntry(cancel)
	e.language.OnChanged = func(string) { e.changedField("language") }
	e.body = ui.NewTextArea(cancel)
	e.body.SetMinRowsVisible(14)
	e.body.OnChanged = func(string) {
		e.showPlaceholders()
		e.changedField("body")
	}
	e.placeholders = container.NewVBox()
	var opts []string
	for _, name := range proposal.Placeholders {
		opts = append(opts, "{{"+name+"}} — "+ui.Tr(proposal.PlaceholderHelp[name]))
	}
	e.insert = ui.NewSelect(opts, func(string) { e.onInsert() })
	e.insert.PlaceHolder = lang.L("Insert placeholder")
	e.followers = widget.NewLabel("")
	e.followers.Wrapping = fyne.TextWrapWord
	e.followers.Importance = widget.LowImportance

	e.fs.Add(ui.NewField("title", lang.L("Title"), e.title))
	e.fs.Add(ui.NewField("kind", lang.L("Kind"), e.kind))
	e.fs.Add(ui.NewField("audiences", lang.L("Audiences"), audiences))
	e.fs.Add(ui.NewField("language", lang.L("Language"), e.language))
	e.fs.Add(ui.NewField("body", lang.L("Text (Markdown)"), container.NewVBox(e.body, e.insert)))
	e.fs.Add(ui.NewField("placeholders", lang.L("Placeholders"), e.placeholders))

	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	save.Importance = widget.HighImportance
	cancelBtn := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
	e.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.onDelete)
	e.del.Importance = widget.DangerImportance
	buttons := container.NewHBox(save, cancelBtn, layout.NewSpacer(), e.del)
	e.scroll = container.NewVScroll(container.NewVBox(e.fs.Grid(), e.followers))
	e.object = container.NewBorder(nil, buttons, nil, nil, e.scroll)
	return e
}

// load shows sec in the form.
func (e *sectionEditor) load(sec proposal.Section, fresh bool) {
	e.loading = true
	e.sec, e.fresh, e.open = sec, fresh, true
	e.title.SetText(sec.Title)
	e.kind.Set(sec.Kind)
	for i, a := range proposal.Audiences {
		if w := sec.Audiences[a]; w != 0 {
			e.weights[i].SetText(strconv.Itoa(w))
		} else {
			e.weights[i].SetText("")
		}
	}
	e.language.SetText(sec.Language)
	e.body.SetText(sec.Body)
	e.loading = false
	e.touched.Reset(!fresh)
	if fresh {
		e.del.Hide()
	} else {
		e.del.Show()
	}
	e.showFollowers()
	e.showPlaceholders()
	e.validate()
}

// built is the section the form describes, and a message for the
// audiences when a weight is not a number.
func (e *sectionEditor) built() (proposal.Section, string) {
	sec := e.sec
	sec.Title = strings.TrimSpace(e.title.Text)
	sec.Kind = e.kind.Value()
	sec.Language = strings.TrimSpace(e.language.Text)
	sec.Body = e.body.Text()
	sec.Audiences = proposal.Weights{}
	bad := ""
	for i, a := range proposal.Audiences {
		t := strings.TrimSpace(e.weights[i].Text)
		if t == "" {
			continue
		}
		n, err := strconv.Atoi(t)
		switch {
		case err != nil || n < 0:
			bad = lang.L("Each weight is a whole number from 0 to 100.")
		case n > 0:
			sec.Audiences[a] = n // over 100: the section's validation says so
		}
	}
	return sec, bad
}

// changed reports whether the form differs from the section loaded.
func (e *sectionEditor) changed() bool {
	sec, bad := e.built()
	old := e.sec
	return bad != "" || sec.Title != strings.TrimSpace(old.Title) || sec.Kind != old.Kind ||
		sec.Language != old.Language || sec.Body != old.Body || !maps.Equal(sec.Audiences, old.Audiences)
}

func (e *sectionEditor) changedField(name string) {
	if e.loading {
		return
	}
	e.touched.Mark(name)
	e.validate()
}

// validate shows the problems of the section being edited next to the
// fields the user has reached.
func (e *sectionEditor) validate() {
	sec, bad := e.built()
	e.fs.ShowProblems(e.touched.Filter(dossier.ProblemsOf(sec.Validate())).Err())
	if bad != "" {
		e.fs.By["audiences"].SetMessage(bad)
	}
	if e.scroll != nil {
		e.scroll.Content.Refresh() // the messages take room
	}
}

// showPlaceholders lists the placeholders the text uses, with what each
// stands for; unknown ones are flagged.
func (e *sectionEditor) showPlaceholders() {
	e.placeholders.Objects = nil
	for _, name := range proposal.UsedPlaceholders(e.body.Text()) {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		if help, ok := proposal.PlaceholderHelp[name]; ok {
			l.SetText("{{" + name + "}} — " + ui.Tr(help))
		} else {
			l.SetText(lang.L("{{.Name}} — unknown placeholder: it cannot be filled in", map[string]any{"Name": "{{" + name + "}}"}))
			l.Importance = widget.DangerImportance
		}
		e.placeholders.Add(l)
	}
	if len(e.placeholders.Objects) == 0 {
		l := widget.NewLabel(lang.L("The text uses no placeholders. Insert one to fill in the client's name, the author or the figures."))
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		e.placeholders.Add(l)
	}
	e.placeholders.Refresh()
	if e.scroll != nil {
		e.scroll.Content.Refresh()
	}
}

// onInsert types the placeholder chosen into the text at the cursor.
func (e *sectionEditor) onInsert() {
	i := e.insert.SelectedIndex()
	if i < 0 {
		return
	}
	for _, r := range "{{" + proposal.Placeholders[i] + "}}" {
		e.body.TypedRune(r)
	}
	e.insert.Selected = ""
	e.insert.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(e.body); c != nil {
		c.Focus(e.body)
	}
}

// save writes the section, or shows why it cannot; what was typed stays.
func (e *sectionEditor) save() (proposal.Section, bool) {
	e.touched.All = true
	e.validate()
	sec, bad := e.built()
	if bad != "" {
		return sec, false
	}
	if err := sec.Validate(); err != nil {
		return sec, false // the problems are under their fields
	}
	var err error
	if sec.ID == "" {
		// A new section is known by its title's slug when that is free,
		// else by the store's fresh ID.
		if id := dossier.Slug(sec.Title, 64); dossier.ValidID(id) {
			sec.ID = id
			if err = e.s.st.CreateSection(&sec); errors.Is(err, dossier.ErrConflict) {
				sec.ID, err = "", nil
			}
		}
		if sec.ID == "" {
			err = e.s.st.SaveSection(&sec)
		}
	} else {
		err = e.s.st.SaveSection(&sec)
	}
	if err != nil {
		if rest := e.fs.ShowProblems(err); len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
			e.s.host.ShowError(err)
		}
		return sec, false
	}
	return sec, true
}

// showFollowers says how many proposals follow the section open; nothing
// while they are being counted (libraryScreen.countFollowers).
func (e *sectionEditor) showFollowers() {
	n, counted := e.s.followers[e.sec.ID]
	switch {
	case e.fresh || e.s.followers == nil:
		e.followers.SetText("")
	case !counted || n == 0:
		e.followers.SetText(lang.L("No proposal follows this section."))
	default:
		e.followers.SetText(lang.N("{{.Count}} proposal follows this section: a change here changes it too.", n, map[string]any{"Count": n}))
	}
}
