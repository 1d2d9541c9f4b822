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

	"kamdesk/app/export"
	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// sendAsk is the "Mark as sent" dialog: the day it was sent and the
// variants that went out, each with the people it is addressed to. It
// stays open, keeping what was chosen, until the sending is recorded.
type sendAsk struct {
	fs     ui.FieldSet
	dlg    *dialog.CustomDialog
	date   *ui.DateInput
	checks map[proposal.Audience]*ui.Check
	ok     *widget.Button
}

func (f *followUpPart) onSend() {
	b := f.b
	if b.p.Status.Closed() || b.p.SentRevision() >= b.p.Rev() {
		return
	}
	var notes []string
	if n := b.blocking(); n > 0 {
		notes = append(notes, lang.N("The readiness check found {{.Count}} problem to fix before sending.", n, map[string]any{"Count": n}))
	}
	if s := b.p.SentRevision(); s > 0 {
		notes = append(notes, lang.L("Revision {{.Sent}} was sent on {{.Date}}: sending revision {{.Revision}} plans the open follow-up anew.",
			map[string]any{"Sent": s, "Revision": b.p.Rev(), "Date": ui.WeekdayDate(b.p.Sent)}))
	}
	notes = append(notes, lang.L("A copy of each variant sent is kept, exactly as the client receives it. The follow-up is planned on the working days after this date."))

	a := &sendAsk{checks: map[proposal.Audience]*ui.Check{}}
	var dlg *dialog.CustomDialog
	hide := func() { dlg.Hide() }
	a.date = ui.NewDateInput(b.host.Window(), hide)
	a.date.SetDate(b.host.Today())
	a.fs.Add(ui.NewField("date", lang.L("Sent on"), a.date.Object()))
	chosen := proposal.DefaultSentVariants(b.ctx)
	variants := container.NewVBox()
	for _, v := range proposal.Variants {
		label := ui.Tr(v.Label())
		if v == proposal.All {
			label = lang.L("Whole group")
		}
		if people := b.ctx.Addressees(v); v != proposal.All && len(people) > 0 {
			var names []string
			for _, p := range people {
				names = append(names, p.Name)
			}
			label = lang.L("{{.Variant}}: {{.People}}", map[string]any{"Variant": label, "People": ui.Clip(strings.Join(names, ", "), 90)})
		}
		c := ui.NewCheck(label, nil)
		c.SetChecked(slices.Contains(chosen, v))
		a.checks[v] = c
		variants.Add(c)
	}
	a.fs.Add(ui.NewField("variants", lang.L("Variants sent"), variants))
	grid := a.fs.Grid()
	a.ok = widget.NewButtonWithIcon(lang.L("Mark as sent"), theme.MailSendIcon(), func() {
		a.fs.Clear()
		on, err := a.date.Date()
		valid := true
		if err != nil || on.IsZero() {
			a.fs.By["date"].SetMessage(ui.DateSentence(err))
			valid = false
		}
		var auds []proposal.Audience
		for _, v := range proposal.Variants {
			if a.checks[v].Checked {
				auds = append(auds, v)
			}
		}
		if len(auds) == 0 {
			a.fs.By["variants"].SetMessage(lang.L("Tick the variants that were sent."))
			valid = false
		}
		grid.Refresh()
		if valid && f.send(on, auds) {
			dlg.Hide()
		}
	})
	a.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), hide)
	intro := widget.NewLabel(strings.Join(notes, "\n"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, nil, nil, nil, grid)
	dlg = dialog.NewCustomWithoutButtons(lang.L("Mark revision {{.Revision}} as sent", map[string]any{"Revision": b.p.Rev()}), body, b.host.Window())
	dlg.SetButtons([]fyne.CanvasObject{cancel, a.ok})
	a.dlg = dlg
	dlg.Resize(fyne.NewSize(620, body.MinSize().Height+160))
	dlg.Show()
	b.host.Window().Canvas().Focus(a.date.Entry)
	f.sendAsk = a
}

// send records the sending of the working copy's revision on day on in
// the variants auds: unsaved edits are saved first, then the proposal is
// marked as sent and saved with the copy of what was sent and the event
// on the timeline, in one step. It reports whether all went well; when
// not, the user was told why and nothing was recorded.
func (f *followUpPart) send(on dossier.Date, auds []proposal.Audience) bool {
	b := f.b
	if b.Dirty() {
		b.OnSave()
		if b.Dirty() { // the save failed and said why
			return false
		}
	}
	p := cloneProposal(b.p)
	if err := p.MarkSent(on, proposal.DefaultFollowUp()); err != nil {
		b.host.ShowError(err)
		return false
	}
	snap, err := export.Snapshot(&p, b.ctx, auds)
	if err != nil {
		b.host.ShowError(err)
		return false
	}
	ev := export.SentEvent(&p, on)
	ev.Text = planText(&p)
	if err := b.st.SendProposal(&p, snap, &ev); err != nil {
		b.host.ShowError(err)
		return false
	}
	b.p = p
	b.setSaved()
	for _, part := range b.parts {
		part.reload()
	}
	b.check()
	return true
}

// onRevise starts the next revision of a sent proposal, saved at once, so
// that its terms can be changed.
func (f *followUpPart) onRevise() {
	b := f.b
	if !b.base.CanRevise() || b.Dirty() {
		return
	}
	p := cloneProposal(b.p)
	if err := p.NewRevision(b.host.Today()); err != nil {
		b.host.ShowError(err)
		return
	}
	if err := b.st.SaveProposal(&p); err != nil {
		b.host.ShowError(err)
		return
	}
	b.p = p
	b.setSaved()
	for _, part := range b.parts {
		part.reload()
	}
	b.check()
}

// planText lists the follow-up planned when p was sent.
func planText(p *proposal.Proposal) string {
	lines := []string{lang.L("Follow-up planned:")}
	for _, t := range p.Tasks {
		if t.Status == proposal.TaskOpen {
			lines = append(lines, "- "+ui.WeekdayDate(t.Due)+": "+p.TaskName(t.Kind))
		}
	}
	return strings.Join(lines, "\n")
}

// sendings lists the sendings on record, newest first, each with the
// button that shows what was sent.
func (f *followUpPart) sendings() []fyne.CanvasObject {
	p := &f.b.p
	var rows []fyne.CanvasObject
	f.copyBtns = nil
	for i := len(p.Sendings) - 1; i >= 0; i-- {
		s := p.Sendings[i]
		var to []string
		for _, v := range s.Variants {
			w := ui.Tr(v.Audience.Label())
			if len(v.People) > 0 {
				w += " (" + strings.Join(v.People, ", ") + ")"
			}
			to = append(to, w)
		}
		text := widget.NewLabel(lang.L("Revision {{.Revision}} · sent on {{.Date}} · {{.To}}",
			map[string]any{"Revision": s.Revision, "Date": ui.WeekdayDate(s.On), "To": strings.Join(to, "; ")}))
		text.Wrapping = fyne.TextWrapWord
		ref := p.ID + "/" + s.ID
		open := widget.NewButtonWithIcon(lang.L("What was sent…"), theme.MailSendIcon(), func() { ui.ShowSentCopy(f.b.host, f.b.st, ref) })
		f.copyBtns = append(f.copyBtns, open)
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewCenter(open), text))
	}
	if len(p.Sendings) == 0 && p.SentRevision() > 0 {
		l := widget.NewLabel(lang.L("Sent on {{.Date}}, before kamdesk kept copies of what was sent.", map[string]any{"Date": ui.WeekdayDate(p.Sent)}))
		l.Importance = widget.LowImportance
		rows = append(rows, l)
	}
	if len(rows) == 0 {
		l := widget.NewLabel(lang.L("Nothing sent yet."))
		l.Importance = widget.LowImportance
		rows = append(rows, l)
	}
	return rows
}
