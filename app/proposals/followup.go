package proposals

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// followUpPart is the builder's Follow-up tab: sending the proposal, the
// follow-up routine after it, and the outcome. Every step is saved at
// once and recorded on the account's timeline.
type followUpPart struct {
	b         *builder
	status    *widget.Label
	sendBtn   *widget.Button
	reviseBtn *widget.Button
	sent      *fyne.Container // the sendings on record
	copyBtns  []*widget.Button
	sendAsk   *sendAsk // the dialog open, if any
	tasks     *fyne.Container
	outcome   *widget.Label
	wonBtn    *widget.Button
	lostBtn   *widget.Button
	root      fyne.CanvasObject
	ask       *followUpAsk // the dialog open, if any
}

func newFollowUpPart(b *builder) *followUpPart {
	f := &followUpPart{b: b}
	f.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.status.Wrapping = fyne.TextWrapWord
	f.sendBtn = widget.NewButtonWithIcon(lang.L("Mark as sent…"), theme.MailSendIcon(), f.onSend)
	f.reviseBtn = widget.NewButtonWithIcon("", theme.ContentAddIcon(), f.onRevise)
	f.sent = container.NewVBox()
	f.tasks = container.NewVBox()
	f.outcome = widget.NewLabel("")
	f.outcome.Wrapping = fyne.TextWrapWord
	f.wonBtn = widget.NewButtonWithIcon(lang.L("Won…"), theme.ConfirmIcon(), func() { f.onOutcome(proposal.Won) })
	f.wonBtn.Importance = widget.SuccessImportance
	f.lostBtn = widget.NewButtonWithIcon(lang.L("Lost…"), theme.CancelIcon(), func() { f.onOutcome(proposal.Lost) })
	f.lostBtn.Importance = widget.DangerImportance

	intro := widget.NewLabel(lang.L("After sending: if receipt is not confirmed, call the next working day; ask about next steps and how long they need to consider it; agree a call or meeting on intermediate results. Neither indifference nor neediness."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	f.root = container.NewVScroll(container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(f.reviseBtn, f.sendBtn)), f.status),
		intro,
		widget.NewSeparator(),
		heading(lang.L("Sent to the client")),
		f.sent,
		widget.NewSeparator(),
		heading(lang.L("Follow-up tasks")),
		f.tasks,
		widget.NewSeparator(),
		heading(lang.L("Outcome")),
		container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(f.wonBtn, f.lostBtn)), f.outcome),
	))
	f.reload()
	return f
}

func (f *followUpPart) Content() fyne.CanvasObject { return f.root }

// onSaved shows the revision just saved.
func (f *followUpPart) onSaved() { f.reload() }

// reload shows the working copy's status, tasks and outcome.
func (f *followUpPart) reload() {
	p := &f.b.p
	today := f.b.host.Today()
	status := ui.Tr(p.StatusOn(today).Label())
	sent := p.SentRevision()
	switch {
	case sent == 0:
		f.status.SetText(lang.L("{{.Status}} · not sent yet", map[string]any{"Status": status}))
	case sent == p.Rev():
		f.status.SetText(lang.L("{{.Status}} · revision {{.Revision}} is with the client, sent on {{.Date}}",
			map[string]any{"Status": status, "Revision": sent, "Date": ui.WeekdayDate(p.Sent)}))
	default:
		f.status.SetText(lang.L("{{.Status}} · revision {{.Revision}} in preparation; revision {{.Sent}} is with the client, sent on {{.Date}}",
			map[string]any{"Status": status, "Revision": p.Rev(), "Sent": sent, "Date": ui.WeekdayDate(p.Sent)}))
	}
	closed := p.Status.Closed()
	f.sendBtn.SetText(lang.L("Mark revision {{.Revision}} as sent…", map[string]any{"Revision": p.Rev()}))
	if closed || sent >= p.Rev() {
		f.sendBtn.Hide() // a revision is sent once
	} else {
		f.sendBtn.Show()
	}
	f.reviseBtn.SetText(lang.L("Start revision {{.Revision}}", map[string]any{"Revision": p.Rev() + 1}))
	if f.b.base.CanRevise() && p.Rev() == f.b.base.Rev() {
		f.reviseBtn.Show()
	} else {
		f.reviseBtn.Hide()
	}
	f.sent.Objects = f.sendings()
	f.sent.Refresh()

	f.tasks.Objects = nil
	for i, t := range p.Tasks {
		f.tasks.Add(f.taskRow(i, t, today, closed))
	}
	if len(p.Tasks) == 0 {
		none := widget.NewLabel(lang.L("No follow-up yet: mark the proposal as sent to plan it."))
		none.Importance = widget.LowImportance
		f.tasks.Add(none)
	}
	f.tasks.Refresh()

	switch {
	case closed:
		f.outcome.SetText(lang.L("{{.Status}} on {{.Date}}: {{.Reason}}", map[string]any{
			"Status": ui.Tr(p.Status.Label()), "Date": ui.WeekdayDate(p.Closed), "Reason": ui.OneLine(p.Outcome)}))
		f.outcome.Importance = widget.SuccessImportance
		if p.Status == proposal.Lost {
			f.outcome.Importance = widget.DangerImportance
		}
		f.wonBtn.Hide()
		f.lostBtn.Hide()
	case p.Status == proposal.Draft:
		f.outcome.SetText(lang.L("Record whether it was won or lost once the proposal is sent."))
		f.outcome.Importance = widget.LowImportance
		f.wonBtn.Disable()
		f.lostBtn.Disable()
		f.wonBtn.Show()
		f.lostBtn.Show()
	default:
		f.outcome.SetText(lang.L("Not decided yet."))
		f.outcome.Importance = widget.MediumImportance
		f.wonBtn.Enable()
		f.lostBtn.Enable()
		f.wonBtn.Show()
		f.lostBtn.Show()
	}
	f.outcome.Refresh()
	// The lists above the outcome grew or shrank: the column is laid out
	// again, or the outcome would be drawn over the tasks.
	f.root.Refresh()
}

// taskRow shows follow-up task i: what to do, when, where it stands, and
// what can be done with it.
func (f *followUpPart) taskRow(i int, t proposal.Task, today dossier.Date, closed bool) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(f.b.p.TaskName(t.Kind), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	when := widget.NewLabel("")
	when.Wrapping = fyne.TextWrapWord
	var buttons []fyne.CanvasObject
	switch t.Status {
	case proposal.TaskDone:
		text := lang.L("Done on {{.Date}}", map[string]any{"Date": ui.WeekdayDate(t.DoneOn)})
		if n := ui.OneLine(t.Note); n != "" {
			text += ": " + n
		}
		when.SetText(text)
		when.Importance = widget.SuccessImportance
	case proposal.TaskDropped:
		when.SetText(lang.L("Dropped on {{.Date}} (was due {{.Due}})", map[string]any{"Date": ui.WeekdayDate(t.DoneOn), "Due": ui.WeekdayDate(t.Due)}))
		when.Importance = widget.LowImportance
	default:
		if t.Due.Before(today) {
			n := t.Due.DaysUntil(today)
			when.SetText(lang.N("Due {{.Date}} · late by {{.Count}} day", n, map[string]any{"Date": ui.WeekdayDate(t.Due), "Count": n}))
			when.Importance = widget.DangerImportance
		} else {
			when.SetText(lang.L("Due {{.Date}} · open", map[string]any{"Date": ui.WeekdayDate(t.Due)}))
		}
		if !closed {
			done := widget.NewButtonWithIcon(lang.L("Done…"), theme.ConfirmIcon(), func() { f.onDone(i) })
			done.Importance = widget.HighImportance
			move := widget.NewButtonWithIcon(lang.L("Move…"), ui.Icon(theme.CalendarIcon()), func() { f.onMove(i) })
			drop := widget.NewButtonWithIcon(lang.L("Drop"), ui.Icon(theme.CancelIcon()), func() { f.onDrop(i) })
			drop.Importance = widget.LowImportance
			buttons = append(buttons, done, move, drop)
		}
	}
	return container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(buttons...)), container.NewVBox(title, when))
}

// apply makes change to the working copy and saves the proposal, then
// records the event on the account's timeline. When the change or the save fails
// the working copy is as it was and the user is told why.
func (f *followUpPart) apply(change func(p *proposal.Proposal) error, event func() dossier.Event) bool {
	b := f.b
	before := b.p
	before.Tasks = slices.Clone(b.p.Tasks)
	if err := change(&b.p); err != nil {
		b.p = before
		b.host.ShowError(err)
		return false
	}
	if !b.SaveChanges() { // it said why
		b.p = before
		b.changed()
		f.reload()
		return false
	}
	f.reload()
	ev := event()
	ev.AccountID = b.p.AccountID
	if err := b.st.SaveEvent(&ev); err != nil {
		b.host.ShowError(err)
	}
	return true
}

// quoted is the proposal's title as event titles quote it.
func (f *followUpPart) quoted() string { return ui.Clip(ui.OneLine(f.b.p.Title), 80) }

// doneEvent is how finishing a follow-up task reads on the timeline.
func (f *followUpPart) doneEvent(k proposal.TaskKind) (dossier.EventKind, string) {
	data := map[string]any{"Title": f.quoted()}
	switch k {
	case proposal.TaskReceipt:
		return dossier.EventCall, lang.L("Receipt confirmed: “{{.Title}}”", data)
	case proposal.TaskNextSteps:
		return dossier.EventCall, lang.L("Next steps discussed: “{{.Title}}”", data)
	case proposal.TaskConsideration:
		return dossier.EventCall, lang.L("Time to consider agreed: “{{.Title}}”", data)
	case proposal.TaskMeeting:
		return dossier.EventMeeting, lang.L("Meeting on intermediate results agreed: “{{.Title}}”", data)
	}
	return dossier.EventNote, lang.L("Follow-up done: “{{.Title}}”", data)
}

func (f *followUpPart) onDone(i int) {
	if i < 0 || i >= len(f.b.p.Tasks) {
		return
	}
	t := f.b.p.Tasks[i]
	f.ask = newFollowUpAsk(f.b.host, f.b.p.TaskName(t.Kind), lang.L("Done"),
		lang.L("Note what you learnt: the answer, the time they need, the date agreed for the meeting."),
		lang.L("Done on"), f.b.host.Today(), lang.L("What was learnt"), false,
		func(on dossier.Date, note string) bool {
			kind, title := f.doneEvent(t.Kind)
			return f.apply(func(p *proposal.Proposal) error { return p.CompleteTask(i, on, note) },
				func() dossier.Event { return dossier.Event{Kind: kind, Date: on, Title: title, Text: note} })
		})
}

func (f *followUpPart) onMove(i int) {
	if i < 0 || i >= len(f.b.p.Tasks) {
		return
	}
	t := f.b.p.Tasks[i]
	f.ask = newFollowUpAsk(f.b.host, f.b.p.TaskName(t.Kind), lang.L("Move"),
		lang.L("Due {{.Date}}. When should it be done instead?", map[string]any{"Date": ui.WeekdayDate(t.Due)}),
		lang.L("New date"), t.Due, lang.L("Why"), false,
		func(due dossier.Date, why string) bool {
			return f.apply(func(p *proposal.Proposal) error { return p.MoveTask(i, due) },
				func() dossier.Event {
					return dossier.Event{Kind: dossier.EventNote, Date: f.b.host.Today(),
						Title: lang.L("Follow-up moved to {{.Date}}: {{.Task}} (“{{.Title}}”)", map[string]any{
							"Date": due.String(), "Task": f.b.p.TaskName(t.Kind), "Title": f.quoted()}),
						Text: why}
				})
		})
}

func (f *followUpPart) onDrop(i int) {
	if i < 0 || i >= len(f.b.p.Tasks) {
		return
	}
	t := f.b.p.Tasks[i]
	c := dialog.NewConfirm(lang.L("Drop follow-up"),
		lang.L("Drop “{{.Task}}”, due {{.Date}}? It will no longer be on the agenda.", map[string]any{"Task": f.b.p.TaskName(t.Kind), "Date": ui.WeekdayDate(t.Due)}),
		func(ok bool) {
			if !ok {
				return
			}
			today := f.b.host.Today()
			f.apply(func(p *proposal.Proposal) error { return p.DropTask(i, today) },
				func() dossier.Event {
					return dossier.Event{Kind: dossier.EventNote, Date: today,
						Title: lang.L("Follow-up dropped: {{.Task}} (“{{.Title}}”)", map[string]any{
							"Task": f.b.p.TaskName(t.Kind), "Title": f.quoted()})}
				})
		}, f.b.host.Window())
	c.SetConfirmText(lang.L("Drop"))
	c.Show()
}

func (f *followUpPart) onOutcome(s proposal.Status) {
	if f.b.p.Status.Closed() || f.b.p.Status == proposal.Draft {
		return
	}
	title, word := lang.L("Proposal won"), lang.L("won")
	if s == proposal.Lost {
		title, word = lang.L("Proposal lost"), lang.L("lost")
	}
	f.ask = newFollowUpAsk(f.b.host, title, lang.L("Record outcome"),
		lang.L("Open follow-up tasks are dropped. Say why: it is what a colleague will want to know."),
		lang.L("Date"), f.b.host.Today(), lang.L("Reason"), true,
		func(on dossier.Date, why string) bool {
			return f.apply(func(p *proposal.Proposal) error { return p.Close(s, on, why) },
				func() dossier.Event {
					return dossier.Event{Kind: dossier.EventNote, Date: on,
						Title: lang.L("Outcome: {{.Outcome}} — {{.Reason}}", map[string]any{"Outcome": word, "Reason": ui.Clip(ui.OneLine(why), 120)}),
						Text:  lang.L("Proposal “{{.Title}}”: {{.Reason}}", map[string]any{"Title": ui.OneLine(f.b.p.Title), "Reason": why})}
				})
		})
}

// followUpAsk is a dialog asking for a date and, optionally, a note. It
// stays open, keeping what was typed, until the step is recorded.
type followUpAsk struct {
	fs   ui.FieldSet
	dlg  *dialog.CustomDialog
	date *ui.DateInput
	note *ui.TextArea // nil when no note is asked
	ok   *widget.Button
}

func newFollowUpAsk(h ui.Host, title, confirm, intro, dateLabel string, date dossier.Date,
	noteLabel string, noteRequired bool, do func(on dossier.Date, note string) bool) *followUpAsk {
	a := &followUpAsk{}
	var dlg *dialog.CustomDialog
	hide := func() { dlg.Hide() }
	a.date = ui.NewDateInput(h.Window(), hide)
	a.date.SetDate(date)
	a.fs.Add(ui.NewField("date", dateLabel, a.date.Object()))
	if noteLabel != "" {
		a.note = ui.NewTextArea(hide)
		a.fs.Add(ui.NewField("note", noteLabel, a.note))
	}
	grid := a.fs.Grid()
	a.ok = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), func() {
		a.fs.Clear()
		on, err := a.date.Date()
		valid := true
		if err != nil || on.IsZero() {
			a.fs.By["date"].SetMessage(ui.DateSentence(err))
			valid = false
		}
		note := ""
		if a.note != nil {
			note = strings.TrimSpace(a.note.Text())
			if noteRequired && note == "" {
				a.fs.By["note"].SetMessage(ui.Tr("is required"))
				valid = false
			}
		}
		grid.Refresh() // the messages take room
		if valid && do(on, note) {
			dlg.Hide()
		}
	})
	a.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), hide)
	body := fyne.CanvasObject(grid)
	if intro != "" {
		l := widget.NewLabel(intro)
		l.Wrapping = fyne.TextWrapWord
		body = container.NewBorder(l, nil, nil, nil, body)
	}
	dlg = dialog.NewCustomWithoutButtons(title, body, h.Window())
	dlg.SetButtons([]fyne.CanvasObject{cancel, a.ok})
	a.dlg = dlg
	dlg.Resize(fyne.NewSize(560, body.MinSize().Height+160))
	dlg.Show()
	if a.note != nil {
		h.Window().Canvas().Focus(a.note)
	} else {
		h.Window().Canvas().Focus(a.date.Entry)
	}
	return a
}
