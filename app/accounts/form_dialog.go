package accounts

import (
	"encoding/json"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// peopleChoice is a check group over the account's people by name.
type peopleChoice struct {
	*widget.CheckGroup
	people []dossier.Person
	labels []string // by position in people; names made unique
}

func newPeopleChoice(people []dossier.Person, selected []string, changed func()) *peopleChoice {
	c := &peopleChoice{people: people}
	seen := map[string]bool{}
	var sel []string
	for _, p := range people {
		l := p.Name
		if seen[l] {
			l += " (" + p.ID + ")"
		}
		seen[l] = true
		c.labels = append(c.labels, l)
		if slices.Contains(selected, p.ID) {
			sel = append(sel, l)
		}
	}
	c.CheckGroup = widget.NewCheckGroup(c.labels, nil)
	c.SetSelected(sel)
	c.OnChanged = func([]string) { changed() }
	return c
}

// ids returns the IDs of the people checked, in the group's order.
func (c *peopleChoice) ids() []string {
	var out []string
	for i, p := range c.people {
		if slices.Contains(c.Selected, c.labels[i]) {
			out = append(out, p.ID)
		}
	}
	return out
}

// formDialog is a dialog around a form whose Save keeps it open when the
// record is not valid, so that nothing typed is lost.
type formDialog struct {
	fs     ui.FieldSet
	dlg    *dialog.CustomDialog
	save   *ui.Button
	scroll *container.Scroll

	// While it is open the form is the desk's dialog editor, so that
	// quitting asks about what is typed in it (track).
	host    ui.Host
	state   func() string // the form's content, to tell unsaved changes
	initial string
	commit  func() bool // saves as Save does and reports whether it did
}

// track makes the open form the desk's dialog editor until it closes:
// state gives the form's content (compared with what it was when opened),
// commit saves it as Save does.
func (f *formDialog) track(h ui.Host, state func() string, commit func() bool) {
	f.host, f.state, f.commit, f.initial = h, state, commit, state()
	h.TrackDialog(f)
	f.dlg.SetOnClosed(func() { h.DialogClosed(f) })
}

func (f *formDialog) Close() { f.dlg.Hide() }

func (f *formDialog) Dirty() bool { return f.state != nil && f.state() != f.initial }

func (f *formDialog) SaveChanges() bool { return f.commit() }

// formState is a form's content as one string, for track.
func formState(v any, bad []badDate) string {
	var names []string
	for _, d := range bad {
		names = append(names, d.field)
	}
	b, _ := json.Marshal(struct {
		V   any
		Bad []string
	}{v, names})
	return string(b)
}

// open shows the form's fields, under top if it is not nil.
func (f *formDialog) open(title string, top fyne.CanvasObject, win fyne.Window, onSave func()) {
	var body fyne.CanvasObject = f.fs.Grid()
	if top != nil {
		body = container.NewBorder(top, nil, nil, nil, body)
	}
	f.scroll = container.NewVScroll(body)
	f.dlg = dialog.NewCustomWithoutButtons(title, f.scroll, win)
	f.save = ui.NewButton(lang.L("Save"), theme.DocumentSaveIcon(), onSave)
	f.save.Importance = widget.HighImportance
	cancel := ui.NewButton(lang.L("Cancel"), theme.CancelIcon(), f.dlg.Hide)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	size := fyne.NewSize(720, body.MinSize().Height+220) // room for messages
	if h := win.Canvas().Size().Height - 60; h > 300 && size.Height > h {
		size.Height = h
	}
	f.dlg.Resize(size)
	f.submitOnEnter(onSave)
	f.dlg.Show()
}

// cancel closes the dialog without saving.
func (f *formDialog) cancel() { f.dlg.Hide() }

// escape is Esc in a field: it closes the dialog, after asking when
// something typed would be lost.
func (f *formDialog) escape() {
	if !f.Dirty() || f.host == nil {
		f.cancel()
		return
	}
	f.host.Choose(lang.L("Discard the changes?"), lang.L("What you typed in this form is not saved."),
		lang.L("Discard"), lang.L("Keep editing"), f.cancel, nil)
}

// submitOnEnter makes Enter in each one-line field of the form save it,
// as the dialog's default button does.
func (f *formDialog) submitOnEnter(save func()) {
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *ui.Entry:
			if !o.MultiLine && o.OnSubmitted == nil {
				o.OnSubmitted = func(string) { save() }
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	for _, fd := range f.fs.Order {
		walk(fd.Input)
	}
}

// check shows the problems of err under the form's fields, and a message
// under each date field of badDates, which do not hold a date. It
// reports whether the record is valid and returns the problems that have
// no field on the form.
func (f *formDialog) check(err error, badDates ...badDate) (bool, []*dossier.FieldError) {
	rest := f.fs.ShowProblems(err)
	for _, d := range badDates {
		f.fs.By[d.field].SetMessage(ui.DateSentence(d.err))
	}
	if f.scroll != nil {
		f.scroll.Refresh() // the messages take room
	}
	return err == nil && len(badDates) == 0, rest
}

// badDate is a date field whose text is not a date, and why.
type badDate struct {
	field string
	err   error
}

// saved reports whether the record passed its checks and the store took
// it; when it did not, the problems are shown next to the fields and, for
// those without a field, in a dialog.
func (f *formDialog) saved(h ui.Host, valid bool, rest []*dossier.FieldError, save func() error) bool {
	if len(rest) > 0 {
		h.ShowError(dossier.Problems(rest))
	}
	if !valid {
		return false
	}
	if err := save(); err != nil {
		if _, rest := f.check(err); len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
			h.ShowError(err) // not (only) a problem of a field
		}
		return false
	}
	f.dlg.Hide()
	return true
}
