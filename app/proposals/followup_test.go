package proposals

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/agenda"
	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// openFollowUp opens the builder of proposal id on its Follow-up tab.
func openFollowUp(t *testing.T, id string) (*ui.Frame, fyne.Window, *store.Store, *builder, *followUpPart) {
	t.Helper()
	d, w, st := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposal", ID: id})
	b, ok := d.Current().(*builder)
	if !ok {
		t.Fatalf("screen %v is %T, want the builder", d.Place(), d.Current())
	}
	b.showTab(tabFollowUp)
	f, ok := b.part(tabFollowUp).(*followUpPart)
	if !ok {
		t.Fatal("the builder has no Follow-up tab")
	}
	return d, w, st, b, f
}

// sendFromFollowUp marks the proposal as sent on day through the dialog, in the
// variants it proposes.
func sendFromFollowUp(t *testing.T, f *followUpPart, day string) {
	t.Helper()
	test.Tap(f.sendBtn)
	if f.sendAsk == nil {
		t.Fatal("Mark as sent… asks nothing")
	}
	uitest.Retype(f.sendAsk.date.Entry, day)
	test.Tap(f.sendAsk.ok)
}

// eventTitled finds the event of acct titled title in the store.
func eventTitled(t *testing.T, st *store.Store, acct, title string) (dossier.Event, bool) {
	t.Helper()
	evs, err := st.Events(acct)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Title == title {
			return e, true
		}
	}
	return dossier.Event{}, false
}

// taskLines describes the stored tasks: "kind due status".
func taskLines(t *testing.T, st *store.Store, id string) []string {
	t.Helper()
	p, err := st.Proposal(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tk := range p.Tasks {
		out = append(out, string(tk.Kind)+" "+tk.Due.String()+" "+string(tk.Status))
	}
	return out
}

func TestFollowUpMarkSentPlansWorkingDays(t *testing.T) {
	_, w, st, b, f := openFollowUp(t, sampleDraft)
	if got := f.status.Text; got != "Draft · not sent yet" {
		t.Errorf("status line = %q", got)
	}
	if f.wonBtn.Disabled() == false {
		t.Error("a draft can be marked won")
	}
	test.Tap(f.sendBtn)
	if f.sendAsk == nil {
		t.Fatal("Mark as sent… asks nothing")
	}
	if got := f.sendAsk.date.Text; got != "2026-11-25" {
		t.Errorf("sent date defaults to %q, want today", got)
	}
	uitest.Retype(f.sendAsk.date.Entry, "27.11.2026")
	test.Tap(f.sendAsk.ok)
	if got := f.sendAsk.fs.MessageOf("date"); got != "Write the date as YYYY-MM-DD." {
		t.Errorf("a bad date says %q", got)
	}
	uitest.Retype(f.sendAsk.date.Entry, "2026-11-31") // in the form, but no such day
	test.Tap(f.sendAsk.ok)
	if got := f.sendAsk.fs.MessageOf("date"); got != "November 2026 has only 30 days." {
		t.Errorf("31 November says %q", got)
	}
	if p, _ := st.Proposal(sampleDraft); p.Status != proposal.Draft {
		t.Fatal("a bad date marked the proposal sent")
	}
	uitest.Retype(f.sendAsk.date.Entry, "2026-11-27") // a Friday
	test.Tap(f.sendAsk.ok)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stays open after marking the proposal sent")
	}
	want := []string{
		"receipt 2026-11-30 open", // the next working day: Monday
		"next-steps 2026-12-01 open",
		"consideration 2026-12-01 open",
		"meeting 2026-12-04 open",
	}
	if got := taskLines(t, st, sampleDraft); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stored tasks:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	p, _ := st.Proposal(sampleDraft)
	if p.Status != proposal.Sent || p.Sent.String() != "2026-11-27" || b.Dirty() {
		t.Errorf("stored status %s sent %s; builder dirty %v", p.Status, p.Sent, b.Dirty())
	}
	shown := uitest.Visible(f.root)
	for _, s := range []string{"Sent · revision 1 is with the client, sent on Fri 27 Nov 2026", "Check the proposal arrived", "Due Mon 30 Nov 2026 · open", "Due Fri 4 Dec 2026 · open"} {
		if !strings.Contains(shown, s) {
			t.Errorf("the tab does not show %q:\n%s", s, shown)
		}
	}
	ev, ok := eventTitled(t, st, "castellan", "Proposal “Castellan Calm: guest-room climate control for the 23-hotel roll-out” sent")
	if !ok || ev.Kind != dossier.EventLetter || ev.Date.String() != "2026-11-27" {
		t.Errorf("timeline event for sending: %+v (found %v)", ev, ok)
	}
	if !strings.Contains(ev.Text, "Mon 30 Nov 2026: Check the proposal arrived") {
		t.Errorf("the sending event does not list the plan:\n%s", ev.Text)
	}
}

func TestFollowUpDoneMovesTheStatus(t *testing.T) {
	_, _, st, b, f := openFollowUp(t, sampleDraft)
	sendFromFollowUp(t, f, "2026-11-27")

	test.Tap(uitest.Button(t, f.tasks.Objects[0], "Done…"))
	uitest.Retype(f.ask.date.Entry, "2026-11-30")
	test.Type(f.ask.note, "Samuel Hart confirmed receipt by phone")
	test.Tap(f.ask.ok)
	p, _ := st.Proposal(sampleDraft)
	if p.Status != proposal.Received || p.Tasks[0].Status != proposal.TaskDone || p.Tasks[0].Note != "Samuel Hart confirmed receipt by phone" {
		t.Errorf("after the receipt: status %s, task %+v", p.Status, p.Tasks[0])
	}
	ev, ok := eventTitled(t, st, "castellan", "Receipt confirmed: “Castellan Calm: guest-room climate control for the 23-hotel roll-out”")
	if !ok || ev.Kind != dossier.EventCall || ev.Date.String() != "2026-11-30" || ev.Text != "Samuel Hart confirmed receipt by phone" {
		t.Errorf("timeline event for the receipt: %+v (found %v)", ev, ok)
	}
	if !strings.Contains(uitest.Visible(f.root), "Done on Mon 30 Nov 2026: Samuel Hart confirmed receipt by phone") {
		t.Errorf("the tab does not show the task done:\n%s", uitest.Visible(f.root))
	}

	test.Tap(uitest.Button(t, f.tasks.Objects[3], "Done…"))
	test.Type(f.ask.note, "Review meeting with Samuel and the regional GMs on 10 December")
	test.Tap(f.ask.ok)
	p, _ = st.Proposal(sampleDraft)
	if p.Status != proposal.InDiscussion || b.p.Status != proposal.InDiscussion {
		t.Errorf("after agreeing the meeting: stored %s, builder %s; want in discussion", p.Status, b.p.Status)
	}
	if ev, ok := eventTitled(t, st, "castellan", "Meeting on intermediate results agreed: “Castellan Calm: guest-room climate control for the 23-hotel roll-out”"); !ok || ev.Kind != dossier.EventMeeting || !ev.Date.Equal(uitest.Today) {
		t.Errorf("timeline event for the meeting: %+v (found %v)", ev, ok)
	}
}

func TestFollowUpMoveAndDrop(t *testing.T) {
	_, w, st, _, f := openFollowUp(t, sampleSent)
	// The sample's next-steps task (index 1) is due tomorrow.
	test.Tap(uitest.Button(t, f.tasks.Objects[1], "Move…"))
	uitest.Retype(f.ask.date.Entry, "2026-12-02")
	test.Type(f.ask.note, "Claire is away until Tuesday")
	test.Tap(f.ask.ok)
	p, _ := st.Proposal(sampleSent)
	if got := p.Tasks[1].Due.String(); got != "2026-12-02" || p.Tasks[1].Status != proposal.TaskOpen {
		t.Errorf("moved task: due %s, %s", got, p.Tasks[1].Status)
	}
	if ev, ok := eventTitled(t, st, "northbridge", "Follow-up moved to 2026-12-02: Ask about next steps (“Factory-commissioned controls for the Doncaster modular plant”)"); !ok || ev.Text != "Claire is away until Tuesday" {
		t.Errorf("timeline event for the move: %+v (found %v)", ev, ok)
	}

	test.Tap(uitest.Button(t, f.tasks.Objects[2], "Drop"))
	test.Tap(uitest.Button(t, w.Canvas().Overlays().Top(), "Drop"))
	p, _ = st.Proposal(sampleSent)
	if p.Tasks[2].Status != proposal.TaskDropped || !p.Tasks[2].DoneOn.Equal(uitest.Today) {
		t.Errorf("dropped task: %+v", p.Tasks[2])
	}
	if _, ok := eventTitled(t, st, "northbridge", "Follow-up dropped: Ask how long they need to consider it (“Factory-commissioned controls for the Doncaster modular plant”)"); !ok {
		t.Error("no timeline event for dropping the task")
	}
}

func TestFollowUpOutcomeWon(t *testing.T) {
	_, w, st, b, f := openFollowUp(t, sampleSent)
	test.Tap(f.wonBtn)
	test.Tap(f.ask.ok)
	if got := f.ask.fs.MessageOf("note"); got != "is required" {
		t.Errorf("an outcome without a reason says %q", got)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("the dialog closed without a reason")
	}
	test.Type(f.ask.note, "Factory commissioning won over the site-based bid")
	test.Tap(f.ask.ok)
	p, _ := st.Proposal(sampleSent)
	if p.Status != proposal.Won || !p.Closed.Equal(uitest.Today) || p.Outcome != "Factory commissioning won over the site-based bid" {
		t.Errorf("stored outcome: %s on %s: %q", p.Status, p.Closed, p.Outcome)
	}
	for _, tk := range p.Tasks {
		if tk.Status == proposal.TaskOpen {
			t.Errorf("task %s is still open after the outcome", tk.Kind)
		}
	}
	ev, ok := eventTitled(t, st, "northbridge", "Outcome: won — Factory commissioning won over the site-based bid")
	if !ok || ev.Kind != dossier.EventNote || !ev.Date.Equal(uitest.Today) ||
		ev.Text != "Proposal “Factory-commissioned controls for the Doncaster modular plant”: Factory commissioning won over the site-based bid" {
		t.Errorf("timeline event for the outcome: %+v (found %v)", ev, ok)
	}
	if f.wonBtn.Visible() || f.sendBtn.Visible() || f.reviseBtn.Visible() || b.Dirty() {
		t.Error("after the outcome the proposal can still be sent or decided, or is unsaved")
	}
	if got := f.outcome.Text; got != "Won on Wed 25 Nov 2026: Factory commissioning won over the site-based bid" {
		t.Errorf("outcome line = %q", got)
	}
}

func TestFollowUpFailedSaveKeepsTheWorkingCopy(t *testing.T) {
	_, w, st, b, f := openFollowUp(t, sampleSent)
	b.p.Title = "" // an unsaved, invalid edit in another tab
	before := taskLines(t, st, sampleSent)
	test.Tap(uitest.Button(t, f.tasks.Objects[1], "Done…"))
	test.Type(f.ask.note, "They need two weeks")
	test.Tap(f.ask.ok)
	if got := taskLines(t, st, sampleSent); strings.Join(got, ",") != strings.Join(before, ",") {
		t.Errorf("stored tasks changed although the save failed: %v", got)
	}
	if b.p.Tasks[1].Status != proposal.TaskOpen || b.p.Title != "" {
		t.Errorf("the working copy is not as it was: task %s, title %q", b.p.Tasks[1].Status, b.p.Title)
	}
	if _, ok := eventTitled(t, st, "northbridge", "Next steps discussed: “Factory-commissioned controls for the Doncaster modular plant”"); ok {
		t.Error("an event was recorded for a step that was not saved")
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Error("no error shown")
	}
}

func TestFollowUpSentSampleMarkup(t *testing.T) {
	_, _, _, _, f := openFollowUp(t, sampleSent)
	shown := uitest.Visible(f.root)
	for _, s := range []string{
		"Sent · revision 1 is with the client, sent on Sun 22 Nov 2026",
		"Done on Mon 23 Nov 2026: Claire Dunmore confirmed receipt",
		"Due Thu 26 Nov 2026 · open",
		"Due Mon 30 Nov 2026 · open",
	} {
		if !strings.Contains(shown, s) {
			t.Errorf("the tab does not show %q:\n%s", s, shown)
		}
	}
	test.AssertObjectRendersToMarkup(t, "followup/sent.xml", f.root)
}

// proposalEntries are the entries the proposals give the agenda over
// days from today (0: the workspace's rules), in agenda order.
func proposalEntries(t *testing.T, st *store.Store, days int) []agenda.Entry {
	t.Helper()
	ws, err := st.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	entries, err := Agenda(st)(agenda.Query{Today: uitest.Today, Days: days, WS: &ws})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(entries, func(a, b agenda.Entry) int { return dossier.CompareAgenda(a.Item, b.Item) })
	return entries
}

func TestAgendaShowsProposalFollowUps(t *testing.T) {
	_, _, st := openProposalArea(t, true)
	var got []string
	for _, e := range proposalEntries(t, st, 0) {
		if e.Item.Kind == agendaProposalFollowUp {
			got = append(got, e.Item.Date.String()+" "+ui.Tr(e.Item.Message, e.Item.Data))
			if e.Place != (ui.Place{Screen: "proposal", ID: sampleSent}) {
				t.Errorf("a follow-up opens %v, want the builder of %s", e.Place, sampleSent)
			}
		}
	}
	want := []string{
		"2026-11-26 Follow up “Factory-commissioned controls for the Doncaster modular plant”: Ask about next steps",
		"2026-11-26 Follow up “Factory-commissioned controls for the Doncaster modular plant”: Ask how long they need to consider it",
		"2026-11-30 Follow up “Factory-commissioned controls for the Doncaster modular plant”: Agree a call or meeting on intermediate results",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("proposal follow-ups on the agenda:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Over 90 days the four proposals' expiry dates come into view.
	var expiring []string
	for _, e := range proposalEntries(t, st, 90) {
		if e.Item.Kind == agendaProposalExpiry {
			expiring = append(expiring, ui.Tr(e.Item.Message, e.Item.Data))
		}
	}
	if len(expiring) != 4 || expiring[0] != "Proposal “Factory-commissioned controls for the Doncaster modular plant” to Northbridge Build Group expires on 4 Jan 2027" ||
		!slices.Contains(expiring, "Proposal “Автоматика вахтового посёлка «Тасбулак-2» с заводской пусконаладкой” to ГМК «Тасбулак» expires on 11 Jan 2027") ||
		!slices.Contains(expiring, "Proposal “Energia- és hűtésfelügyelet egy rendszerben mind az öt üzemben” to Kalászmező Élelmiszeripari Zrt. expires on 11 Jan 2027") {
		t.Errorf("expiring proposals over 90 days: %q", expiring)
	}
}

// sendStored records a sending of p on day through the store, as the
// desktop does.
func sendStored(t *testing.T, st *store.Store, p *proposal.Proposal, day dossier.Date) {
	t.Helper()
	ctx, err := st.Context(p.AccountID, day)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.MarkSent(day, proposal.DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	snap, err := export.Snapshot(p, ctx, proposal.DefaultSentVariants(ctx))
	if err != nil {
		t.Fatal(err)
	}
	ev := export.SentEvent(p, day)
	if err := st.SendProposal(p, snap, &ev); err != nil {
		t.Fatal(err)
	}
}

func TestAgendaLateFollowUpAndExpiredProposal(t *testing.T) {
	_, _, st := openProposalArea(t, true)
	p, err := st.Proposal(sampleSent)
	if err != nil {
		t.Fatal(err)
	}
	// A sent revision keeps its terms: start revision 2, issued long ago,
	// and send it, so that it expired on 2026-10-31.
	if err := p.NewRevision(dossier.MustDate("2026-10-01")); err != nil {
		t.Fatal(err)
	}
	p.ValidDays = 30
	if err := st.SaveProposal(&p); err != nil {
		t.Fatal(err)
	}
	sendStored(t, st, &p, dossier.MustDate("2026-11-23"))
	p.CompleteTask(len(p.Tasks)-4, dossier.MustDate("2026-11-24"), "arrived")
	p.Tasks[len(p.Tasks)-3].Due = dossier.MustDate("2026-11-20") // next steps
	if err := st.SaveProposal(&p); err != nil {
		t.Fatal(err)
	}
	won, _ := st.Proposal(sampleDraft)
	won.ValidUntil = dossier.MustDate("2026-11-26")
	if err := st.SaveProposal(&won); err != nil {
		t.Fatal(err)
	}
	sendStored(t, st, &won, dossier.MustDate("2026-11-24"))
	won.Close(proposal.Won, uitest.Today, "signed")
	if err := st.SaveProposal(&won); err != nil {
		t.Fatal(err)
	}
	var late []string
	for _, e := range proposalEntries(t, st, 0) {
		it := e.Item
		if it.RecordID == sampleDraft {
			t.Errorf("a won proposal is on the agenda: %s", ui.Tr(it.Message, it.Data))
		}
		if it.Late && it.RecordID == sampleSent {
			late = append(late, ui.Tr(it.Message, it.Data))
		}
	}
	want := []string{
		"Proposal “Factory-commissioned controls for the Doncaster modular plant” to Northbridge Build Group expired on 31 Oct 2026",
		"Follow up “Factory-commissioned controls for the Doncaster modular plant”: Ask about next steps",
	}
	if strings.Join(late, "\n") != strings.Join(want, "\n") {
		t.Errorf("late proposal items:\n%s\nwant\n%s", strings.Join(late, "\n"), strings.Join(want, "\n"))
	}
}

// TestFollowUpAfterSendingNothingOverlaps: after "Mark as sent…" the tab
// shows the planned tasks, then the outcome under them, not over them
// (the Outcome block covered task 2's buttons), in a real-size window.
func TestFollowUpAfterSendingNothingOverlaps(t *testing.T) {
	_, w, _, _, f := openFollowUp(t, sampleDraft)
	w.Resize(fyne.NewSize(1280, 800))
	sendFromFollowUp(t, f, "2026-11-25")
	if len(f.b.p.Tasks) < 2 {
		t.Fatalf("sending planned %d tasks", len(f.b.p.Tasks))
	}
	tasksEnd := f.tasks.Position().Y + f.tasks.Size().Height
	if f.tasks.Size().Height < f.tasks.MinSize().Height {
		t.Errorf("the task list is %v tall, its rows need %v", f.tasks.Size().Height, f.tasks.MinSize().Height)
	}
	col := f.root.(*container.Scroll).Content.(*fyne.Container) // the tab's column: ..., the tasks, a rule, "Outcome", its row
	row := col.Objects[len(col.Objects)-1]
	if row.Position().Y < tasksEnd {
		t.Errorf("the outcome row starts at %v, above the end of the tasks at %v", row.Position().Y, tasksEnd)
	}
	test.AssertRendersToMarkup(t, "followup/after_sending.xml", w.Canvas())
}

// TestFollowUpInTheProposalsLanguage: the calls after sending are made to
// the client, so a Russian proposal's follow-up steps are named in
// Russian, in an English desk too: on its Follow-up tab, in the
// proposals list and on the agenda; an English one's stay English.
func TestFollowUpInTheProposalsLanguage(t *testing.T) {
	d, _, st, b, f := openFollowUp(t, "prop-tasbulak-camp-controls")
	if b.p.Language != "ru" {
		t.Fatalf("the sample's Tasbulak proposal is in %q", b.p.Language)
	}
	sendFromFollowUp(t, f, "2026-11-25")
	if len(b.p.Tasks) == 0 {
		t.Fatal("sending planned no follow-up")
	}
	page := uitest.Texts(f.root)
	for _, want := range []string{"Проверить, что предложение получено", "Спросить о следующих шагах"} {
		if !strings.Contains(page, want) {
			t.Errorf("the Follow-up tab lacks %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "Check the proposal arrived") {
		t.Errorf("the Russian proposal's steps are in English:\n%s", page)
	}
	var steps []string
	for _, e := range proposalEntries(t, st, 30) {
		if e.Item.Kind == agendaProposalFollowUp {
			steps = append(steps, ui.Tr(e.Item.Message, e.Item.Data))
		}
	}
	all := strings.Join(steps, "\n")
	if !strings.Contains(all, "Спросить о следующих шагах") || !strings.Contains(all, "Ask about next steps") {
		t.Errorf("on the agenda the Russian proposal's steps are not Russian, or the English one's not English:\n%s", all)
	}
	d.Show(ui.Place{Screen: "proposals"})
	if s, ok := d.Current().(*proposalsScreen); !ok || !strings.Contains(s.String(), "Проверить, что предложение получено") {
		t.Errorf("the proposals list does not name the Russian proposal's next step in Russian:\n%v", d.Current())
	}
}
