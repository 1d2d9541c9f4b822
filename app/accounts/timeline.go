package accounts

import (
	"cmp"
	"io"
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

// timeline is an account's record of work: every event with its
// documents, newest first, beside the promises made to the client, with
// the slips of those that could not be kept on time.
type timeline struct {
	host     ui.Host
	st       Store
	win      fyne.Window // where its dialogs open
	acct     string
	people   []dossier.Person
	events   []dossier.Event
	promises []dossier.Promise

	eventBox    *fyne.Container
	promiseBox  *fyne.Container
	addEvent    *widget.Button
	addPromise  *widget.Button
	busy        *widget.ProgressBarInfinite
	working     int // background jobs running
	eventRows   map[string]*eventRow
	promiseRows map[string]*promiseRow

	// The editor last opened, for tests.
	eventEd   *eventEditor
	promiseEd *promiseEditor
	slipEd    *slipEditor
}

// eventRow holds the buttons of one event in the list.
type eventRow struct {
	edit, del    *widget.Button
	open, saveAs []*widget.Button // one per attachment
	sent         *widget.Button   // the copy of a sent proposal, if the event records one
}

// promiseRow holds the status and buttons of one promise in the list;
// the buttons a promise does not offer are nil.
type promiseRow struct {
	status                   *widget.Label
	kept, slip, drop, reopen *widget.Button
	edit, del                *widget.Button
}

// newTimeline shows the events, promises and people of account acct.
func newTimeline(h ui.Host, st Store, acct string, people []dossier.Person, events []dossier.Event, promises []dossier.Promise) *timeline {
	t := &timeline{host: h, st: st, win: h.Window(), acct: acct, people: people, events: events, promises: promises}
	t.eventBox = container.NewVBox()
	t.promiseBox = container.NewVBox()
	t.addEvent = widget.NewButtonWithIcon(lang.L("Add event"), theme.ContentAddIcon(), t.onAddEvent)
	t.addPromise = widget.NewButtonWithIcon(lang.L("Add promise"), theme.ContentAddIcon(), t.onAddPromise)
	t.busy = widget.NewProgressBarInfinite()
	t.busy.Stop()
	t.busy.Hide()
	t.showEvents()
	t.showPromises()
	return t
}

func (t *timeline) Content() fyne.CanvasObject {
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	events := container.NewBorder(container.NewBorder(nil, nil, heading(lang.L("Events")), t.addEvent),
		nil, nil, nil, container.NewVScroll(t.eventBox))
	promises := container.NewBorder(container.NewBorder(nil, nil, heading(lang.L("Promises")), t.addPromise),
		nil, nil, nil, container.NewVScroll(t.promiseBox))
	split := container.NewHSplit(events, promises)
	split.Offset = 0.56
	return container.NewBorder(nil, t.busy, nil, nil, split)
}

// reload reads the events and promises again and shows them.
func (t *timeline) reload() {
	events, err := t.st.Events(t.acct)
	if err != nil {
		t.host.ShowError(err)
		return
	}
	promises, err := t.st.Promises(t.acct)
	if err != nil {
		t.host.ShowError(err)
		return
	}
	t.events, t.promises = events, promises
	t.showEvents()
	t.showPromises()
}

// background runs work off the UI goroutine with the progress bar
// showing, then done.
func (t *timeline) background(work, done func()) {
	t.working++
	t.busy.Show()
	t.busy.Start()
	t.host.Background(work, func() {
		if t.working--; t.working == 0 {
			t.busy.Stop()
			t.busy.Hide()
		}
		done()
	})
}

// names lists the names of the people with the given IDs.
func (t *timeline) names(ids []string) string {
	var out []string
	for _, id := range ids {
		for _, p := range t.people {
			if p.ID == id {
				out = append(out, p.Name)
			}
		}
	}
	return strings.Join(out, ", ")
}

// wrapLabel is a word-wrapped label of importance imp.
func wrapLabel(s string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// lowButton is a quiet button for the actions on a list item.
func lowButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

func (t *timeline) showEvents() {
	t.eventRows = map[string]*eventRow{}
	var objs []fyne.CanvasObject
	if len(t.events) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("No events recorded yet.")))
	}
	for i, e := range t.events {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, t.eventItem(e))
	}
	t.eventBox.Objects = objs
	t.eventBox.Refresh()
}

func (t *timeline) eventItem(e dossier.Event) fyne.CanvasObject {
	row := &eventRow{}
	t.eventRows[e.ID] = row
	row.edit = lowButton(lang.L("Edit"), theme.DocumentCreateIcon(), func() { t.onEditEvent(e) })
	row.del = lowButton(lang.L("Delete"), theme.DeleteIcon(), func() { t.onDeleteEvent(e) })
	head := wrapLabel(ui.DateText(e.Date)+"  "+ui.Tr(e.Kind.Label())+" — "+e.Title, widget.MediumImportance)
	head.TextStyle = fyne.TextStyle{Bold: true}
	box := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(row.edit, row.del), head))
	if who := t.names(e.People); who != "" {
		box.Add(wrapLabel(lang.L("With {{.People}}", map[string]any{"People": who}), widget.LowImportance))
	}
	if text := strings.TrimSpace(e.Text); text != "" {
		box.Add(wrapLabel(text, widget.MediumImportance))
	}
	if e.Sent != "" {
		row.sent = widget.NewButtonWithIcon(lang.L("What was sent…"), theme.MailSendIcon(), func() { ui.ShowSentCopy(t.host, t.st, e.Sent) })
		box.Add(container.NewHBox(row.sent))
	}
	for _, a := range e.Attachments {
		open := widget.NewButtonWithIcon(lang.L("Open"), theme.FolderOpenIcon(), func() { t.openAttachment(a) })
		save := widget.NewButtonWithIcon(lang.L("Save as…"), theme.DocumentSaveIcon(), func() { t.onSaveAttachmentAs(a) })
		row.open = append(row.open, open)
		row.saveAs = append(row.saveAs, save)
		name := widget.NewLabel(a.Name + "  (" + i18n.Size(a.Size) + ")")
		name.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.MailAttachmentIcon()), container.NewHBox(open, save), name))
	}
	return box
}

// sortedPromises puts the open promises first, soonest due first, then
// the kept and dropped ones, most recently settled first.
func sortedPromises(ps []dossier.Promise) []dossier.Promise {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b dossier.Promise) int {
		ao, bo := a.Status == dossier.PromiseOpen, b.Status == dossier.PromiseOpen
		switch {
		case ao && !bo:
			return -1
		case !ao && bo:
			return 1
		case ao:
			return a.Due.Time().Compare(b.Due.Time())
		}
		return cmp.Compare(b.DoneOn.String(), a.DoneOn.String())
	})
	return out
}

func (t *timeline) showPromises() {
	t.promiseRows = map[string]*promiseRow{}
	var objs []fyne.CanvasObject
	if len(t.promises) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("No promises recorded.")))
	}
	for i, p := range sortedPromises(t.promises) {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, t.promiseItem(p))
	}
	t.promiseBox.Objects = objs
	t.promiseBox.Refresh()
}

func (t *timeline) promiseItem(p dossier.Promise) fyne.CanvasObject {
	row := &promiseRow{}
	t.promiseRows[p.ID] = row
	row.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch {
	case p.Late(t.host.Today()):
		row.status.SetText(lang.L("Late"))
		row.status.Importance = widget.DangerImportance
	case p.Status == dossier.PromiseOpen:
		row.status.SetText(ui.Tr(p.Status.Label()))
	case p.Status == dossier.PromiseKept:
		row.status.SetText(lang.L("Kept on {{.Date}}", map[string]any{"Date": ui.DateText(p.DoneOn)}))
		row.status.Importance = widget.SuccessImportance
	default:
		row.status.SetText(lang.L("Dropped on {{.Date}}", map[string]any{"Date": ui.DateText(p.DoneOn)}))
		row.status.Importance = widget.LowImportance
	}
	// the due date on a line of its own, wrapped: beside a long status and
	// the buttons it widened the pane in a longer language
	due := wrapLabel(lang.L("due {{.Date}}", map[string]any{"Date": ui.DateText(p.Due)}), widget.MediumImportance)
	row.edit = lowButton(lang.L("Edit"), theme.DocumentCreateIcon(), func() { t.onEditPromise(p) })
	row.del = lowButton(lang.L("Delete"), theme.DeleteIcon(), func() { t.onDeletePromise(p) })
	box := container.NewVBox(
		container.NewBorder(nil, nil, row.status, container.NewHBox(row.edit, row.del)), due,
		wrapLabel(p.Text, widget.MediumImportance))
	meta := lang.L("made {{.Date}}", map[string]any{"Date": ui.DateText(p.Made)})
	if who := t.names(p.People); who != "" {
		meta = lang.L("to {{.People}}, made {{.Date}}", map[string]any{"People": who, "Date": ui.DateText(p.Made)})
	}
	box.Add(wrapLabel(meta, widget.LowImportance))
	for _, s := range p.Slips {
		apology := lang.L("no apology sent")
		if s.ApologySent {
			apology = lang.L("apology sent")
		}
		box.Add(wrapLabel(lang.L("slipped from {{.Old}} to {{.New}} (told on {{.On}}, {{.Apology}}): {{.Why}}",
			map[string]any{"Old": ui.DateText(s.OldDue), "New": ui.DateText(s.NewDue), "On": ui.DateText(s.On), "Apology": apology, "Why": ui.OneLine(s.Explanation)}),
			widget.WarningImportance))
	}
	if p.Status == dossier.PromiseOpen {
		row.kept = widget.NewButtonWithIcon(lang.L("Kept"), theme.ConfirmIcon(), func() { t.onKept(p) })
		row.slip = widget.NewButtonWithIcon(lang.L("Slipped…"), theme.HistoryIcon(), func() { t.onSlipped(p) })
		row.drop = widget.NewButtonWithIcon(lang.L("Drop"), theme.CancelIcon(), func() { t.onDrop(p) })
		box.Add(container.NewHBox(row.kept, row.slip, row.drop))
	} else {
		row.reopen = widget.NewButtonWithIcon(lang.L("Reopen"), theme.ContentUndoIcon(), func() { t.onReopen(p) })
		box.Add(container.NewHBox(row.reopen))
	}
	return box
}

// savePromise writes p and shows the promises again.
func (t *timeline) savePromise(p dossier.Promise) {
	if err := t.st.SavePromise(&p); err != nil {
		t.host.ShowError(err)
	}
	t.reload()
}

func (t *timeline) onKept(p dossier.Promise) {
	p.Keep(t.host.Today())
	t.savePromise(p)
}

func (t *timeline) onReopen(p dossier.Promise) {
	p.Status, p.DoneOn = dossier.PromiseOpen, dossier.Date{}
	t.savePromise(p)
}

func (t *timeline) onDrop(p dossier.Promise) {
	dialog.ShowConfirm(lang.L("Drop the promise?"),
		lang.L("“{{.Text}}” will be recorded as dropped today.", map[string]any{"Text": ui.Clip(ui.OneLine(p.Text), 80)}),
		func(ok bool) {
			if ok {
				p.Drop(t.host.Today())
				t.savePromise(p)
			}
		}, t.win)
}

func (t *timeline) onDeletePromise(p dossier.Promise) {
	t.confirmDelete(lang.L("Delete the promise?"),
		lang.L("“{{.Text}}” and its slips will be deleted.", map[string]any{"Text": ui.Clip(ui.OneLine(p.Text), 80)}),
		func() (dossier.BinEntry, error) { return t.st.DeletePromise(p.ID) })
}

func (t *timeline) onDeleteEvent(e dossier.Event) {
	t.confirmDelete(lang.L("Delete the event?"),
		lang.L("“{{.Title}}” and its attached files will be deleted.", map[string]any{"Title": ui.Clip(e.Title, 80)}),
		func() (dossier.BinEntry, error) { return t.st.DeleteEvent(e.ID) })
}

// confirmDelete asks title and message; on yes it deletes, offers Undo
// and shows the timeline again.
func (t *timeline) confirmDelete(title, message string, del func() (dossier.BinEntry, error)) {
	dialog.ShowConfirm(title, message, func(ok bool) {
		if !ok {
			return
		}
		entry, err := del()
		if err != nil {
			t.host.ShowError(err)
			return
		}
		ui.OfferUndo(t.host, entry, t.st.Restore)
		t.reload()
	}, t.win)
}

// openAttachment puts the file into the view folder and opens it with the
// system's viewer.
func (t *timeline) openAttachment(a dossier.Attachment) {
	var path string
	var err error
	t.background(func() {
		var data []byte
		if data, err = t.st.File(a); err == nil {
			path, err = t.host.ViewFile(a.Name, data)
		}
	}, func() {
		if err != nil {
			t.host.ShowError(err)
			return
		}
		t.host.OpenPath(path)
	})
}

func (t *timeline) onSaveAttachmentAs(a dossier.Attachment) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			t.host.ShowError(err)
			return
		}
		if w != nil {
			t.saveAttachment(a, w)
		}
	}, t.win)
	fd.SetFileName(a.Name)
	fd.Show()
}

// saveAttachment copies the file out of the workspace into w, and closes w.
func (t *timeline) saveAttachment(a dossier.Attachment, w io.WriteCloser) {
	var err error
	t.background(func() {
		data, rerr := t.st.File(a)
		if rerr == nil {
			_, rerr = w.Write(data)
		}
		err = cmp.Or(rerr, w.Close())
	}, func() {
		if err != nil {
			t.host.ShowError(err)
		}
	})
}
