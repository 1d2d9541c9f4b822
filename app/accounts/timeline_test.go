package accounts

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// openTimeline opens the sample account northbridge on its Timeline tab.
// On the sample's dates (today 2026-11-25) its promise of a training
// outline, due 2026-11-21, is late.
func openTimeline(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *timeline) {
	t.Helper()
	d, w, st := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	s, ok := d.Current().(*dossierScreen)
	if !ok {
		t.Fatalf("screen = %T, want the dossier", d.Current())
	}
	selectTab(t, s.tabs, "Timeline")
	if s.timeline == nil {
		t.Fatal("the dossier has no timeline")
	}
	return d, w, st, s.timeline
}

func selectTab(t *testing.T, tabs *ui.Tabs, text string) {
	t.Helper()
	for _, it := range tabs.Items {
		if it.Text == text {
			tabs.Select(it)
			return
		}
	}
	t.Fatalf("no tab %q", text)
}

// texts lists the texts of the labels shown under o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && x.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

func hasLabel(o fyne.CanvasObject, part string) bool {
	return slices.ContainsFunc(labelTexts(o), func(s string) bool { return strings.Contains(s, part) })
}

// tapButton taps the button labelled text under o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := uitest.AsButton(x); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

// tapCheck ticks (or unticks) the check box labelled text under o.
func tapCheck(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if c, ok := uitest.AsCheck(x); ok && c.Text == text {
			test.Tap(c)
			return
		}
	}
	t.Fatalf("no check box %q", text)
}

func topOverlay(w fyne.Window) fyne.CanvasObject { return w.Canvas().Overlays().Top() }

func storedEvent(t *testing.T, st *store.Store, title string) (dossier.Event, bool) {
	t.Helper()
	events, err := st.Events("northbridge")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Title == title {
			return e, true
		}
	}
	return dossier.Event{}, false
}

func storedPromise(t *testing.T, st *store.Store, id string) dossier.Promise {
	t.Helper()
	ps, err := st.Promises("northbridge")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no promise %s", id)
	return dossier.Promise{}
}

func TestTimelineAddEventWithPeopleAndFile(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // where Open puts its copies
	d, w, st, tl := openTimeline(t)
	var opened *url.URL
	d.SetOpenURL(func(u *url.URL) error { opened = u; return nil })

	test.Tap(tl.addEvent)
	e := tl.eventEd
	if topOverlay(w) == nil || e == nil {
		t.Fatal("Add event opened no editor")
	}
	if got := e.date.Text; got != "2026-11-25" {
		t.Errorf("a new event's date = %q, want today 2026-11-25", got)
	}
	e.kind.Set(dossier.EventCall)
	test.Type(e.title, "Module line workshop")
	tapCheck(t, topOverlay(w), "Anna Keller")
	tapCheck(t, topOverlay(w), "Rajesh Varma")
	test.Type(e.text, "Agreed the test rig.")

	content := []byte("Minutes of the workshop\nline 2\n")
	path := filepath.Join(t.TempDir(), "minutes.txt")
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	e.attachPath(path)
	if !hasLabel(e.attachBox, "minutes.txt") {
		t.Errorf("the editor does not list the attached file: %q", labelTexts(e.attachBox))
	}
	test.Tap(e.save)
	if topOverlay(w) != nil {
		t.Fatalf("the editor stayed open after a valid save: %q", labelTexts(topOverlay(w)))
	}

	ev, ok := storedEvent(t, st, "Module line workshop")
	if !ok {
		t.Fatal("the event is not in the store")
	}
	slices.Sort(ev.People)
	if want := []string{"northbridge-anna-keller", "northbridge-rajesh-varma"}; !slices.Equal(ev.People, want) {
		t.Errorf("people = %v, want %v", ev.People, want)
	}
	if ev.Kind != dossier.EventCall || ev.Text != "Agreed the test rig." || !ev.Date.Equal(uitest.Today) {
		t.Errorf("saved event = %+v", ev)
	}
	if len(ev.Attachments) != 1 || ev.Attachments[0].Name != "minutes.txt" || ev.Attachments[0].Size != int64(len(content)) {
		t.Fatalf("attachments = %+v, want minutes.txt of %d bytes", ev.Attachments, len(content))
	}
	if got, err := st.File(ev.Attachments[0]); err != nil || !bytes.Equal(got, content) {
		t.Errorf("stored file = %q, %v; want %q", got, err, content)
	}

	// The list shows it, newest first, with its people and its file.
	if tl.events[0].ID != ev.ID {
		t.Errorf("first event = %q, want the new one", tl.events[0].Title)
	}
	if !hasLabel(tl.eventBox, "With Anna Keller, Rajesh Varma") || !hasLabel(tl.eventBox, "minutes.txt") {
		t.Error("the list does not show the event's people and file")
	}

	// Open writes the same bytes into the one view folder, however often
	// it is opened, and the folder is emptied when kamdesk exits.
	view, err := ui.OpenViewFolder(filepath.Join(t.TempDir(), "open"))
	if err != nil {
		t.Fatal(err)
	}
	d.SetViewer(view)
	row := tl.eventRows[ev.ID]
	if len(row.open) != 1 {
		t.Fatalf("%d Open buttons, want 1", len(row.open))
	}
	test.Tap(row.open[0])
	test.Tap(row.open[0])
	if opened == nil || opened.Scheme != "file" {
		t.Fatalf("OpenURL got %v, want a file URL", opened)
	}
	if want := filepath.ToSlash(filepath.Join(view.Dir(), "minutes.txt")); opened.Path != want {
		t.Errorf("opened %s, want %s", opened.Path, want)
	}
	if got, err := os.ReadFile(filepath.FromSlash(opened.Path)); err != nil || !bytes.Equal(got, content) {
		t.Errorf("the copy opened = %q, %v; want %q", got, err, content)
	}
	if entries, _ := os.ReadDir(view.Dir()); len(entries) != 1 {
		t.Errorf("opening twice left %d files in the view folder, want 1", len(entries))
	}
	if matches, _ := filepath.Glob(filepath.Join(os.TempDir(), "kamdesk-*")); len(matches) > 0 {
		t.Errorf("opening left temporary folders behind: %v", matches)
	}
	if err := view.Empty(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(view.Dir()); len(entries) != 0 {
		t.Errorf("%d files left after emptying the view folder", len(entries))
	}

	// Save as copies it out.
	out := filepath.Join(t.TempDir(), "copy.txt")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	tl.saveAttachment(ev.Attachments[0], f)
	if got, err := os.ReadFile(out); err != nil || !bytes.Equal(got, content) {
		t.Errorf("saved copy = %q, %v; want %q", got, err, content)
	}
}

func TestTimelineRemoveAttachment(t *testing.T) {
	_, w, st, tl := openTimeline(t)
	test.Tap(tl.addEvent)
	e := tl.eventEd
	test.Type(e.title, "Two files")
	for _, name := range []string{"a.txt", "b.txt"} {
		e.attachReader(name, io.NopCloser(strings.NewReader("contents of "+name)))
	}
	if len(e.remove) != 2 {
		t.Fatalf("%d Remove buttons, want 2", len(e.remove))
	}
	test.Tap(e.remove[0])
	test.Tap(e.save)
	if topOverlay(w) != nil {
		t.Fatal("the editor stayed open")
	}
	ev, _ := storedEvent(t, st, "Two files")
	if len(ev.Attachments) != 1 || ev.Attachments[0].Name != "b.txt" {
		t.Errorf("attachments = %+v, want only b.txt", ev.Attachments)
	}
}

func TestTimelineRefusesTooLargeFile(t *testing.T) {
	_, w, _, tl := openTimeline(t)
	test.Tap(tl.addEvent)
	e := tl.eventEd
	big := io.NopCloser(io.LimitReader(tlZeros{}, dossier.MaxFile+1))
	e.attachReader("huge.bin", big)
	if len(e.attachments) != 0 {
		t.Errorf("a file over the limit was attached: %+v", e.attachments)
	}
	if !hasLabel(topOverlay(w), "larger than 50 MB") {
		t.Errorf("no error about the size: %q", labelTexts(topOverlay(w)))
	}
	if e.save.Disabled() || e.attach.Disabled() {
		t.Error("the editor stays disabled after a refused file")
	}
}

type tlZeros struct{}

func (tlZeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestTimelineEventValidationKeepsTyping(t *testing.T) {
	_, w, st, tl := openTimeline(t)
	before, _ := st.Events("northbridge")
	test.Tap(tl.addEvent)
	e := tl.eventEd
	test.Type(e.text, "Notes typed before the title")
	e.date.SetText("")
	test.Type(e.date, "2026-13-40")
	if got := e.fs.MessageOf("date"); got == "" {
		t.Error("no message under a date that is not a date")
	}
	test.Tap(e.save)
	if topOverlay(w) == nil {
		t.Fatal("the editor closed on an invalid save")
	}
	if got := e.fs.MessageOf("title"); got == "" {
		t.Error("no message under the empty title")
	}
	if e.text.Text() != "Notes typed before the title" {
		t.Errorf("the text typed was lost: %q", e.text.Text())
	}
	if after, _ := st.Events("northbridge"); len(after) != len(before) {
		t.Errorf("an invalid event was saved: %d events, want %d", len(after), len(before))
	}
	e.date.SetText("2026-11-20")
	test.Type(e.title, "Fixed")
	if e.fs.MessageOf("date") != "" || e.fs.MessageOf("title") != "" {
		t.Errorf("messages stay after fixing: %q, %q", e.fs.MessageOf("date"), e.fs.MessageOf("title"))
	}
	test.Tap(e.save)
	if ev, ok := storedEvent(t, st, "Fixed"); !ok || ev.Text != "Notes typed before the title" {
		t.Errorf("after fixing the event saved = %+v, %v", ev, ok)
	}
}

func TestTimelineEditEvent(t *testing.T) {
	_, _, st, tl := openTimeline(t)
	const id = "evt-northbridge-plant-delay"
	test.Tap(tl.eventRows[id].edit)
	e := tl.eventEd
	if e.title.Text != "Modular plant phase 1 moved to April 2027" {
		t.Fatalf("editor title = %q", e.title.Text)
	}
	if got := e.people.Selected; !slices.Equal(got, []string{"Rajesh Varma"}) {
		t.Errorf("people ticked = %v, want Rajesh Varma", got)
	}
	e.title.SetText("Plant phase 1 moved to April")
	tapCheck(t, e.people, "Claire Dunmore")
	test.Tap(e.save)
	ev, ok := storedEvent(t, st, "Plant phase 1 moved to April")
	if !ok || ev.ID != id {
		t.Fatalf("edited event not saved under its ID: %+v", ev)
	}
	if len(ev.People) != 2 {
		t.Errorf("people = %v, want Rajesh Varma and Claire Dunmore", ev.People)
	}
	if !hasLabel(tl.eventBox, "Plant phase 1 moved to April") {
		t.Error("the list shows the old title")
	}
}

func TestTimelineDeleteEventAndUndo(t *testing.T) {
	d, w, st, tl := openTimeline(t)
	const title = "Modular plant phase 1 moved to April 2027"
	test.Tap(tl.eventRows["evt-northbridge-plant-delay"].del)
	tapButton(t, topOverlay(w), "Yes")
	if _, ok := storedEvent(t, st, title); ok {
		t.Fatal("the event is still in the store")
	}
	if hasLabel(tl.eventBox, title) {
		t.Error("the deleted event is still listed")
	}
	tapButton(t, d.Banner(), "Undo")
	if _, ok := storedEvent(t, st, title); !ok {
		t.Fatal("Undo did not bring the event back")
	}
	s := d.Current().(*dossierScreen)
	if s.tabs.Selected().Text != "Timeline" {
		t.Errorf("after Undo the dossier shows %q, want the Timeline", s.tabs.Selected().Text)
	}
	if !hasLabel(s.timeline.eventBox, title) {
		t.Error("the restored event is not listed")
	}
}

func TestTimelineAddPromise(t *testing.T) {
	_, w, st, tl := openTimeline(t)
	test.Tap(tl.addPromise)
	e := tl.promiseEd
	if e.made.Text != "2026-11-25" {
		t.Errorf("made = %q, want today", e.made.Text)
	}
	test.Type(e.text, "Send the spares price list")
	test.Tap(e.save)
	if topOverlay(w) == nil || e.fs.MessageOf("due") == "" {
		t.Fatal("a promise without a due date was accepted")
	}
	test.Type(e.due, "2026-12-10")
	tapCheck(t, e.people, "Gary Whitlow")
	test.Tap(e.save)
	if topOverlay(w) != nil {
		t.Fatalf("the editor stayed open: %q", labelTexts(topOverlay(w)))
	}
	ps, _ := st.Promises("northbridge")
	var got *dossier.Promise
	for i := range ps {
		if ps[i].Text == "Send the spares price list" {
			got = &ps[i]
		}
	}
	if got == nil {
		t.Fatal("the promise is not in the store")
	}
	if got.Status != dossier.PromiseOpen || got.Due.String() != "2026-12-10" || !got.Made.Equal(uitest.Today) ||
		!slices.Equal(got.People, []string{"northbridge-gary-whitlow"}) {
		t.Errorf("saved promise = %+v", *got)
	}
	if row := tl.promiseRows[got.ID]; row == nil || row.kept == nil {
		t.Error("the new promise is not listed as open")
	}
}

func TestTimelinePromiseKeptAndReopened(t *testing.T) {
	_, _, st, tl := openTimeline(t)
	const id = "prm-northbridge-bid-team"
	test.Tap(tl.promiseRows[id].kept)
	p := storedPromise(t, st, id)
	if p.Status != dossier.PromiseKept || !p.DoneOn.Equal(uitest.Today) {
		t.Errorf("after Kept: status %s, done on %s; want kept on %s", p.Status, p.DoneOn, uitest.Today)
	}
	row := tl.promiseRows[id]
	if row.status.Text != "Kept on 25 Nov 2026" || row.kept != nil {
		t.Errorf("the row shows %q with Kept offered: %v", row.status.Text, row.kept != nil)
	}
	test.Tap(row.reopen)
	if p := storedPromise(t, st, id); p.Status != dossier.PromiseOpen || !p.DoneOn.IsZero() {
		t.Errorf("after Reopen: %s, done on %s", p.Status, p.DoneOn)
	}
}

func TestTimelineDropPromise(t *testing.T) {
	_, w, st, tl := openTimeline(t)
	const id = "prm-northbridge-bid-team"
	test.Tap(tl.promiseRows[id].drop)
	tapButton(t, topOverlay(w), "No")
	if p := storedPromise(t, st, id); p.Status != dossier.PromiseOpen {
		t.Fatalf("answering No dropped it: %s", p.Status)
	}
	test.Tap(tl.promiseRows[id].drop)
	tapButton(t, topOverlay(w), "Yes")
	if p := storedPromise(t, st, id); p.Status != dossier.PromiseDropped || !p.DoneOn.Equal(uitest.Today) {
		t.Errorf("after Drop: %s on %s", p.Status, p.DoneOn)
	}
}

func TestTimelineEditAndDeletePromise(t *testing.T) {
	d, w, st, tl := openTimeline(t)
	const id = "prm-northbridge-bid-team"
	test.Tap(tl.promiseRows[id].edit)
	e := tl.promiseEd
	e.text.SetText("Share the tender calendar with Anna Keller.")
	e.due.SetText("2026-12-01")
	test.Tap(e.save)
	if p := storedPromise(t, st, id); p.Text != "Share the tender calendar with Anna Keller." || p.Due.String() != "2026-12-01" {
		t.Errorf("edited promise = %+v", p)
	}
	test.Tap(tl.promiseRows[id].del)
	tapButton(t, topOverlay(w), "Yes")
	if _, ok := tl.promiseRows[id]; ok {
		t.Fatal("the deleted promise is still listed")
	}
	tapButton(t, d.Banner(), "Undo")
	storedPromise(t, st, id) // fails the test when it did not come back
}

func TestTimelineSlippedPromise(t *testing.T) {
	_, w, st, tl := openTimeline(t)
	const id = "prm-northbridge-training-outline"
	before := storedPromise(t, st, id)
	if before.Due.String() != "2026-11-21" {
		t.Fatalf("sample promise due %s, want 2026-11-21", before.Due)
	}
	test.Tap(tl.promiseRows[id].slip)
	e := tl.slipEd
	if e == nil || topOverlay(w) == nil {
		t.Fatal("Slipped… opened no dialog")
	}
	if e.on.Text != "2026-11-25" {
		t.Errorf("told on = %q, want today", e.on.Text)
	}

	// The explanation is required.
	test.Type(e.newDue, "2026-12-05")
	test.Tap(e.save)
	if topOverlay(w) == nil {
		t.Fatal("the dialog closed without an explanation")
	}
	if got := e.fs.MessageOf("explanation"); !strings.Contains(got, "explanation") {
		t.Errorf("message under the explanation = %q", got)
	}
	if !hasLabel(topOverlay(w), "the client is owed an explanation") {
		t.Error("the dialog does not show the message")
	}

	// The new date must come after the current due date.
	test.Type(e.explanation, "The trainer certification body moved its syllabus review.")
	e.newDue.SetText("2026-11-21")
	test.Tap(e.save)
	if got, want := e.fs.MessageOf("new_due"), "must be after the current due date 21 Nov 2026"; got != want {
		t.Errorf("message under the new date = %q, want %q", got, want)
	}
	if p := storedPromise(t, st, id); len(p.Slips) != 0 || !p.Due.Equal(before.Due) {
		t.Fatalf("a rejected slip was saved: %+v", p)
	}
	if e.explanation.Text() != "The trainer certification body moved its syllabus review." {
		t.Errorf("the explanation typed was lost: %q", e.explanation.Text())
	}

	// A valid slip is recorded with everything the client was told.
	e.newDue.SetText("2026-12-05")
	test.Tap(e.apology)
	if e.fs.MessageOf("new_due") != "" {
		t.Errorf("the message stays after fixing the date: %q", e.fs.MessageOf("new_due"))
	}
	test.Tap(e.save)
	if topOverlay(w) != nil {
		t.Fatalf("the dialog stayed open: %q", labelTexts(topOverlay(w)))
	}
	p := storedPromise(t, st, id)
	if len(p.Slips) != 1 {
		t.Fatalf("%d slips recorded, want 1", len(p.Slips))
	}
	s := p.Slips[0]
	if s.Explanation != "The trainer certification body moved its syllabus review." || !s.ApologySent ||
		s.OldDue.String() != "2026-11-21" || s.NewDue.String() != "2026-12-05" || !s.On.Equal(uitest.Today) {
		t.Errorf("slip = %+v", s)
	}
	if p.Due.String() != "2026-12-05" || p.Status != dossier.PromiseOpen {
		t.Errorf("promise after the slip: due %s, %s; want due 2026-12-05, open", p.Due, p.Status)
	}
	if got := tl.promiseRows[id].status.Text; got != "Still open" {
		t.Errorf("status after the slip = %q, want Open (no longer late)", got)
	}
	if !hasLabel(tl.promiseBox, "slipped from 21 Nov 2026 to 5 Dec 2026 (told on 25 Nov 2026, apology sent): The trainer certification") {
		t.Errorf("the slip is not shown: %q", labelTexts(tl.promiseBox))
	}
}

func TestTimelineLatePromise(t *testing.T) {
	_, _, _, tl := openTimeline(t)
	late := tl.promiseRows["prm-northbridge-training-outline"].status
	if late.Text != "Late" || late.Importance != widget.DangerImportance {
		t.Errorf("overdue promise shows %q (importance %v), want Late in red", late.Text, late.Importance)
	}
	if got := tl.promiseRows["prm-northbridge-bid-team"].status.Text; got != "Still open" {
		t.Errorf("promise due 2026-12-07 shows %q, want Open", got)
	}
	// Open promises come first, soonest due first.
	first := tl.promiseBox.Objects[0]
	if !hasLabel(first, "Send Sophie Marsh the outline") {
		t.Errorf("first promise shows %q, want the late training outline", labelTexts(first))
	}
}

// TestTimelineMarkup renders the timeline of northbridge (with its late
// and slipped promises) and the editors, in a window of their own so the
// masters do not depend on the dossier's header.
func TestTimelineMarkup(t *testing.T) {
	d, _, st, _ := openTimeline(t)
	people, _ := st.People("northbridge")
	events, _ := st.Events("northbridge")
	promises, _ := st.Promises("northbridge")
	tl := newTimeline(d, st, "northbridge", people, events, promises)
	w := test.NewTempWindow(t, tl.Content())
	tl.win = w
	w.Resize(fyne.NewSize(1080, 720))
	test.AssertRendersToMarkup(t, "timeline/northbridge.xml", w.Canvas())

	test.Tap(tl.addEvent)
	test.AssertRendersToMarkup(t, "timeline/event_editor.xml", w.Canvas())
	tl.eventEd.dlg.Hide()

	test.Tap(tl.promiseRows["prm-northbridge-training-outline"].slip)
	test.Tap(tl.slipEd.save)
	test.AssertRendersToMarkup(t, "timeline/slip_required.xml", w.Canvas())
}

// TestEventDialogKeys: in the event form Enter in a one-line field saves
// it as Save does, Ctrl+S too; Esc with something typed asks before
// dropping it (Keep editing keeps all of it), and without changes it just
// closes.
func TestEventDialogKeys(t *testing.T) {
	d, w, st, tl := openTimeline(t)
	test.Tap(tl.addEvent)
	e := tl.eventEd
	test.Type(e.title, "Called about spares")
	e.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, ok := storedEvent(t, st, "Called about spares"); !ok || topOverlay(w) != nil {
		t.Fatalf("Enter in the title: saved %v, the form still open %v", ok, topOverlay(w) != nil)
	}

	test.Tap(tl.addEvent)
	e = tl.eventEd
	test.Type(e.title, "Site visit")
	e.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !d.Asking() {
		t.Fatal("Esc with a title typed dropped it without asking")
	}
	uitest.AnswerQuestion(t, w, "Keep editing")
	if d.Asking() || e.title.Text != "Site visit" || topOverlay(w) == nil {
		t.Fatalf("after Keep editing: asking %v, title %q, form open %v", d.Asking(), e.title.Text, topOverlay(w) != nil)
	}
	d.OnSave() // Ctrl+S
	if _, ok := storedEvent(t, st, "Site visit"); !ok || topOverlay(w) != nil {
		t.Fatalf("Ctrl+S in the form: saved %v, still open %v", ok, topOverlay(w) != nil)
	}

	test.Tap(tl.addEvent)
	tl.eventEd.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Asking() || topOverlay(w) != nil {
		t.Error("Esc in a form with nothing typed asks, or does not close it")
	}
}
