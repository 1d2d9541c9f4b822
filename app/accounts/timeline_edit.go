package accounts

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/i18n"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// eventEditor edits one event in a dialog.
type eventEditor struct {
	formDialog
	t           *timeline
	ev          dossier.Event // as it was; ID "" for a new event
	attachments []dossier.Attachment
	loading     bool // set while the inputs get their first values

	kind      *ui.Choice[dossier.EventKind]
	date      *ui.DateInput
	title     *ui.Entry
	people    *peopleChoice
	text      *ui.TextArea
	attachBox *fyne.Container
	attach    *widget.Button
	remove    []*widget.Button // one per attachment
	busy      *widget.ProgressBarInfinite
}

func (t *timeline) onAddEvent() {
	t.editEvent(dossier.Event{AccountID: t.acct, Kind: dossier.EventMeeting, Date: t.host.Today()})
}

func (t *timeline) onEditEvent(e dossier.Event) { t.editEvent(e) }

func (t *timeline) editEvent(ev dossier.Event) {
	e := &eventEditor{t: t, ev: ev, attachments: slices.Clone(ev.Attachments), loading: true}
	t.eventEd = e
	e.kind = ui.NewChoice(dossier.EventKinds, dossier.EventKind.Label, "", func(dossier.EventKind) { e.validate() })
	e.kind.Set(ev.Kind)
	e.date = ui.NewDateInput(t.win, e.escape)
	e.date.SetDate(ev.Date)
	e.date.OnChanged = func(string) { e.validate() }
	e.title = ui.NewEntry(e.escape)
	e.title.SetText(ev.Title)
	e.title.OnChanged = func(string) { e.validate() }
	e.people = newPeopleChoice(t.people, ev.People, e.validate)
	e.text = ui.NewTextArea(e.escape)
	e.text.SetMinRowsVisible(5)
	e.text.SetText(ev.Text)
	e.text.OnChanged = func(string) { e.validate() }
	e.attachBox = container.NewVBox()
	e.attach = widget.NewButtonWithIcon(lang.L("Attach file…"), theme.MailAttachmentIcon(), e.onAttach)
	e.busy = widget.NewProgressBarInfinite()
	e.busy.Stop()
	e.busy.Hide()
	e.showAttachments()

	e.fs.Add(ui.NewField("kind", lang.L("Kind"), e.kind))
	e.fs.Add(ui.NewField("date", lang.L("Date"), e.date.Object()))
	e.fs.Add(ui.NewField("title", lang.L("Title"), e.title))
	e.fs.Add(ui.NewField("people", lang.L("People involved"), t.peopleInput(e.people)))
	e.fs.Add(ui.NewField("text", lang.L("What happened"), e.text))
	e.fs.Add(ui.NewField("attachments", lang.L("Attached files"),
		container.NewVBox(e.attachBox, container.NewHBox(e.attach), e.busy)))
	title := lang.L("Edit event")
	if ev.ID == "" {
		title = lang.L("New event")
	}
	e.open(title, nil, t.win, e.OnSave)
	e.track(t.host, func() string { return formState(e.event()) }, e.SaveChanges)
	e.loading = false
	t.win.Canvas().Focus(e.title)
}

// peopleInput is the check group, or a word that there is nobody to pick.
func (t *timeline) peopleInput(c *peopleChoice) fyne.CanvasObject {
	if len(t.people) == 0 {
		return widget.NewLabel(lang.L("Nobody of this account is recorded yet."))
	}
	return c.CheckGroup // the widget itself: Fyne redraws and asks it, not a wrapper
}

// event is the event as the form has it, and the date fields that do
// not hold a date.
func (e *eventEditor) event() (dossier.Event, []badDate) {
	ev := e.ev
	var bad []badDate
	var err error
	ev.Kind = e.kind.Value()
	if ev.Date, err = e.date.Date(); err != nil {
		bad = append(bad, badDate{"date", err})
	}
	ev.Title = strings.TrimSpace(e.title.Text)
	ev.People = e.people.ids()
	ev.Text = strings.TrimSpace(e.text.Text())
	ev.Attachments = slices.Clone(e.attachments)
	return ev, bad
}

func (e *eventEditor) validate() {
	if e.loading {
		return
	}
	ev, bad := e.event()
	e.check(ev.Validate(), bad...)
}

func (e *eventEditor) OnSave() { e.SaveChanges() }

func (e *eventEditor) SaveChanges() bool {
	ev, bad := e.event()
	ok, rest := e.check(ev.Validate(), bad...)
	if !e.saved(e.t.host, ok, rest, func() error { return e.t.st.SaveEvent(&ev) }) {
		return false
	}
	e.t.reload()
	return true
}

func (e *eventEditor) showAttachments() {
	e.remove = nil
	var objs []fyne.CanvasObject
	for i, a := range e.attachments {
		rm := lowButton(lang.L("Remove"), theme.ContentRemoveIcon(), func() {
			e.attachments = slices.Delete(e.attachments, i, i+1)
			e.showAttachments()
			e.validate()
		})
		e.remove = append(e.remove, rm)
		name := widget.NewLabel(a.Name + "  (" + i18n.Size(a.Size) + ")")
		name.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.MailAttachmentIcon()), rm, name))
	}
	e.attachBox.Objects = objs
	e.attachBox.Refresh()
	if e.scroll != nil {
		e.scroll.Refresh()
	}
}

func (e *eventEditor) onAttach() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.t.host.ShowError(err)
			return
		}
		if r != nil {
			e.attachReader(r.URI().Name(), r)
		}
	}, e.t.win)
}

// attachPath attaches the file at path.
func (e *eventEditor) attachPath(path string) {
	f, err := os.Open(path)
	if err != nil {
		e.t.host.ShowError(err)
		return
	}
	e.attachReader(filepath.Base(path), f)
}

// attachReader copies r into the workspace, in the background, and adds
// it to the event's files; the store refuses files that are too large.
func (e *eventEditor) attachReader(name string, r io.ReadCloser) {
	e.attach.Disable()
	e.save.Disable()
	e.busy.Show()
	e.busy.Start()
	var a dossier.Attachment
	var err error
	e.t.host.Background(func() {
		defer r.Close()
		a, err = e.t.st.PutFile(name, r)
	}, func() {
		e.busy.Stop()
		e.busy.Hide()
		e.attach.Enable()
		e.save.Enable()
		if err != nil {
			e.t.host.ShowError(err)
			return
		}
		e.attachments = append(e.attachments, a)
		e.showAttachments()
		e.validate()
	})
}

// promiseEditor edits what a promise says, to whom and when; its status
// and slips change through Kept, Drop and Slipped….
type promiseEditor struct {
	formDialog
	t       *timeline
	pr      dossier.Promise
	loading bool

	text   *ui.TextArea
	made   *ui.DateInput
	due    *ui.DateInput
	people *peopleChoice
}

func (t *timeline) onAddPromise() {
	t.editPromise(dossier.Promise{AccountID: t.acct, Status: dossier.PromiseOpen, Made: t.host.Today()})
}

func (t *timeline) onEditPromise(p dossier.Promise) { t.editPromise(p) }

func (t *timeline) editPromise(pr dossier.Promise) {
	e := &promiseEditor{t: t, pr: pr, loading: true}
	t.promiseEd = e
	e.text = ui.NewTextArea(e.escape)
	e.text.SetText(pr.Text)
	e.text.OnChanged = func(string) { e.validate() }
	e.made = ui.NewDateInput(t.win, e.escape)
	e.made.SetDate(pr.Made)
	e.made.OnChanged = func(string) { e.validate() }
	e.due = ui.NewDateInput(t.win, e.escape)
	e.due.SetDate(pr.Due)
	e.due.OnChanged = func(string) { e.validate() }
	var top fyne.CanvasObject
	if pr.Slipped() {
		// The due date of a slipped promise is the new date of its last
		// slip; it moves only with another slip.
		e.due.Disable()
		e.due.Button.Disable()
		top = wrapLabel(lang.L("This promise slipped: its due date moves only with Slipped…, so that the new date given to the client stays on record."), widget.LowImportance)
	}
	e.people = newPeopleChoice(t.people, pr.People, e.validate)
	e.fs.Add(ui.NewField("text", lang.L("Promise"), e.text))
	e.fs.Add(ui.NewField("made", lang.L("Made on"), e.made.Object()))
	e.fs.Add(ui.NewField("due", lang.L("Due"), e.due.Object()))
	e.fs.Add(ui.NewField("people", lang.L("Made to"), t.peopleInput(e.people)))
	title := lang.L("Edit promise")
	if pr.ID == "" {
		title = lang.L("New promise")
	}
	e.open(title, top, t.win, e.OnSave)
	e.track(t.host, func() string { return formState(e.promise()) }, e.SaveChanges)
	e.loading = false
	t.win.Canvas().Focus(e.text)
}

func (e *promiseEditor) promise() (dossier.Promise, []badDate) {
	pr := e.pr
	var bad []badDate
	var err error
	pr.Text = strings.TrimSpace(e.text.Text())
	if pr.Made, err = e.made.Date(); err != nil {
		bad = append(bad, badDate{"made", err})
	}
	if pr.Due, err = e.due.Date(); err != nil {
		bad = append(bad, badDate{"due", err})
	}
	pr.People = e.people.ids()
	return pr, bad
}

func (e *promiseEditor) validate() {
	if e.loading {
		return
	}
	pr, bad := e.promise()
	e.check(pr.Validate(), bad...)
}

func (e *promiseEditor) OnSave() { e.SaveChanges() }

func (e *promiseEditor) SaveChanges() bool {
	pr, bad := e.promise()
	ok, rest := e.check(pr.Validate(), bad...)
	if !e.saved(e.t.host, ok, rest, func() error { return e.t.st.SavePromise(&pr) }) {
		return false
	}
	e.t.reload()
	return true
}

// slipEditor records that a promise could not be kept on time: what the
// client was told and when, whether the apology went out, and the new
// date.
type slipEditor struct {
	formDialog
	t  *timeline
	pr dossier.Promise

	explanation *ui.TextArea
	apology     *ui.Check
	newDue      *ui.DateInput
	on          *ui.DateInput
}

func (t *timeline) onSlipped(p dossier.Promise) {
	e := &slipEditor{t: t, pr: p}
	t.slipEd = e
	e.explanation = ui.NewTextArea(e.escape)
	e.explanation.SetPlaceHolder(lang.L("Why it slipped, as the client was told"))
	e.explanation.OnChanged = func(string) { e.validate() }
	e.apology = ui.NewCheck(lang.L("The apology was sent"), func(bool) { e.validate() })
	e.newDue = ui.NewDateInput(t.win, e.escape)
	e.newDue.OnChanged = func(string) { e.validate() }
	e.on = ui.NewDateInput(t.win, e.escape)
	e.on.SetDate(t.host.Today())
	e.on.OnChanged = func(string) { e.validate() }
	e.fs.Add(ui.NewField("explanation", lang.L("Explanation given to the client"), e.explanation))
	e.fs.Add(ui.NewField("apology_sent", lang.L("Apology"), e.apology))
	e.fs.Add(ui.NewField("new_due", lang.L("New date"), e.newDue.Object()))
	e.fs.Add(ui.NewField("on", lang.L("Client told on"), e.on.Object()))
	top := container.NewVBox(
		wrapLabel(p.Text, widget.MediumImportance),
		wrapLabel(lang.L("Due {{.Date}}. The client gets an explanation, an apology and a new date; all three are recorded.",
			map[string]any{"Date": ui.DateText(p.Due)}), widget.LowImportance))
	e.open(lang.L("The promise slipped"), top, t.win, e.OnSave)
	e.track(t.host, func() string {
		return formState([]any{e.explanation.Text, e.apology.Checked, e.newDue.Text, e.on.Text}, nil)
	}, e.SaveChanges)
	t.win.Canvas().Focus(e.explanation)
}

// slipped is the promise with the slip applied, the date fields that do
// not hold a date, and the problems of the slip.
func (e *slipEditor) slipped() (dossier.Promise, []badDate, error) {
	pr := e.pr
	pr.Slips = slices.Clone(pr.Slips)
	var bad []badDate
	newDue, err := e.newDue.Date()
	if err != nil {
		bad = append(bad, badDate{"new_due", err})
	}
	on, err := e.on.Date()
	if err != nil {
		bad = append(bad, badDate{"on", err})
	}
	err = pr.Slip(on, strings.TrimSpace(e.explanation.Text()), e.apology.Checked, newDue)
	return pr, bad, err
}

func (e *slipEditor) validate() {
	_, bad, err := e.slipped()
	e.check(err, bad...)
}

func (e *slipEditor) OnSave() { e.SaveChanges() }

func (e *slipEditor) SaveChanges() bool {
	pr, bad, err := e.slipped()
	ok, rest := e.check(err, bad...)
	if !e.saved(e.t.host, ok, rest, func() error { return e.t.st.SavePromise(&pr) }) {
		return false
	}
	e.t.reload()
	return true
}
