// Package uitest is what the tests of the desktop's screens share: a frame
// in a test window on a real workspace, and the hands and eyes of a user
// (type, find a button, read the labels, answer a question).
package uitest

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/i18n"
	"kamdesk/app/i18n/fynelang"
	"kamdesk/app/i18n/quiet"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// Today is the date the tests live on.
var Today = dossier.MustDate("2026-11-25")

// Main runs a package's tests in plain English, with the catalogue loaded.
func Main(m *testing.M) {
	Setup()
	os.Exit(m.Run())
}

// Setup makes the tests' language plain English and loads the catalogue.
func Setup() {
	quiet.Restore() // Fyne's locale lookup at start-up said nothing
	if err := fynelang.Load(); err != nil {
		panic(err)
	}
}

// BackgroundAndWait runs work on a goroutine of its own, as the desk does,
// waits for it, then runs done on the caller's (the test's UI) goroutine.
func BackgroundAndWait(work, done func()) {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		work()
	}()
	<-finished
	done()
}

// Options are the frame options of a test: today is Today, background
// work is waited for, deferred and delayed work runs at once, and what
// would go away by itself (the undo bar) stays.
func Options() ui.Options {
	return ui.Options{
		Today:      func() dossier.Date { return Today },
		Defer:      func(f func()) { f() },
		Background: BackgroundAndWait,
		After:      func(_ time.Duration, f func()) { f() },
		Expire:     func(time.Duration, func()) {}, // the undo bar stays until a test closes it
	}
}

// Store opens a fresh workspace for the test, with the sample in it when
// sample is true.
func Store(t *testing.T, sample bool) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true,
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if sample {
		if _, err := st.LoadSample(assets.Sample, Today, export.Snapshot); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// Open makes a frame in a 1280×800 test window on a fresh workspace (the
// sample when sample is true), with its shortcuts installed. The caller
// gives it its screens (SetScreens) and opens a place.
func Open(t *testing.T, sample bool) (*ui.Frame, fyne.Window, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	st := Store(t, sample)
	w := test.NewTempWindow(t, nil)
	f := ui.NewFrame(w, nil, Options())
	w.SetContent(f.Body())
	w.Resize(fyne.NewSize(1280, 800))
	f.InstallShortcuts(nil)
	return f, w, st
}

// KeyField is a field the tests type into key by key: an entry or a text
// area.
type KeyField interface {
	fyne.Focusable
	fyne.Shortcutable
}

// Type types text into e key by key, Enter between lines.
func Type(e KeyField, text string) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
		test.Type(e, line)
	}
}

// Retype empties e with the keyboard and types text.
func Retype(e KeyField, text string) {
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	Type(e, text)
}

// Shortcut presses Ctrl+key on the window.
func Shortcut(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

// FindButton returns the visible button labelled text under root, or nil;
// a widget built on a button (ui's undo bar's) counts as its button.
func FindButton(root fyne.CanvasObject, text string) *widget.Button {
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := AsButton(o); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

// AsButton is o as a button: a widget.Button, or a widget built on one
// (the undo bar's buttons, which tell the bar the pointer is on them).
func AsButton(o fyne.CanvasObject) (*widget.Button, bool) {
	if u, ok := o.(interface{ Unwrap() *widget.Button }); ok {
		return u.Unwrap(), true
	}
	b, ok := o.(*widget.Button)
	return b, ok
}

// AsCheck is o as a check box: a widget.Check or a check box made on one
// (ui.Check).
func AsCheck(o fyne.CanvasObject) (*widget.Check, bool) {
	if u, ok := o.(interface{ Unwrap() *widget.Check }); ok {
		return u.Unwrap(), true
	}
	c, ok := o.(*widget.Check)
	return c, ok
}

// Button returns the visible button labelled text under root; the test
// fails without one.
func Button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b := FindButton(root, text)
	if b == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return b
}

// EntryWithText returns the visible entry under root whose text is text,
// or nil: a field found as the user sees it, by what it holds.
func EntryWithText(root fyne.CanvasObject, text string) *widget.Entry {
	for _, o := range test.LaidOutObjects(root) {
		var e *widget.Entry
		switch o := o.(type) {
		case *widget.Entry:
			e = o
		case *ui.Entry:
			e = &o.Entry
		}
		if e != nil && e.Visible() && e.Text == text {
			return e
		}
	}
	return nil
}

// SelectTab selects the tab labelled text of the tabs under root, as a
// click on it would; the test fails without one.
func SelectTab(t *testing.T, root fyne.CanvasObject, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if tabs, ok := o.(*ui.Tabs); ok {
			for _, it := range tabs.Items {
				if it.Text == text {
					tabs.Select(it)
					return
				}
			}
		}
	}
	t.Fatalf("no tab %q on screen", text)
}

// Texts returns the visible labels under root, one a line; a label cut
// to its width (ui.FitLabel) with its whole text, as a label that
// truncates holds it.
func Texts(root fyne.CanvasObject) string {
	var texts []string
	for _, o := range test.LaidOutObjects(root) {
		if text, ok := labelText(o); ok {
			texts = append(texts, text)
		}
	}
	return strings.Join(texts, "\n")
}

// labelText returns the text of o when it is a visible label with a
// text: a label cut to its width (ui.FitLabel) or broken into lines
// (ui.WrapLabel) with its whole text.
func labelText(o fyne.CanvasObject) (string, bool) {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text, l.Visible() && l.Text != ""
	case *ui.FitLabel:
		return l.FullText(), l.Visible() && l.FullText() != ""
	case *ui.WrapLabel:
		return l.FullText(), l.Visible() && l.FullText() != ""
	}
	return "", false
}

// Dialog returns the dialog on top of the window and its text.
func Dialog(t *testing.T, w fyne.Window) (fyne.CanvasObject, string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top, Texts(top)
}

// Overlays counts the dialogs over w's content.
func Overlays(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

// Answers returns the answers of the question on top of w, by label, and
// the question's text; it fails the test when no question is shown.
func Answers(t *testing.T, w fyne.Window) (map[string]*ui.Answer, string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no question is shown")
	}
	out := map[string]*ui.Answer{}
	var texts []string
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *ui.Answer:
			out[x.Text] = x
		case *widget.Label:
			texts = append(texts, x.Text)
		}
	}
	if len(out) == 0 {
		t.Fatalf("the dialog on top is not the question about unsaved changes: %q", texts)
	}
	return out, strings.Join(texts, "\n")
}

// AnswerQuestion taps the answer labelled text.
func AnswerQuestion(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	as, _ := Answers(t, w)
	a := as[text]
	if a == nil {
		t.Fatalf("the question has no answer %q", text)
	}
	test.Tap(a)
}

// FocusedAnswer is the answer with the keyboard focus.
func FocusedAnswer(t *testing.T, w fyne.Window) fyne.Focusable {
	t.Helper()
	f, ok := w.Canvas().Focused().(*ui.Answer)
	if !ok {
		t.Fatalf("the focus is on %T, not on an answer", w.Canvas().Focused())
	}
	return f
}

// What is typed is what is stored (issue 8): a sentence typed key by key
// into every multi-line field of kamdesk, at widths where its spaces fall
// at the ends of rows, is saved byte for byte.

// Sentence is the sentence of issue 8: typed key by key at many widths,
// Entry stored "asked for payment" as "asked forpayment".
const Sentence = "Olga asked for payment terms and a discount for the second phase of the project, " +
	"then we talked about the schedule again."

// Widths are the widths of the field the sentence is typed at.
var Widths = []float32{180, 260, 340, 430, 540, 700, 900}

// TypeAt shows field f width wide and types s into it, key by key.
func TypeAt(f fyne.Focusable, width float32, s string) {
	o := f.(fyne.CanvasObject)
	o.Resize(fyne.NewSize(width, max(o.Size().Height, 80)))
	test.Type(f, s)
}

// CheckSentence compares what was stored in field at width with Sentence.
func CheckSentence(t *testing.T, field string, width float32, got string) {
	t.Helper()
	if got != Sentence {
		t.Errorf("%s typed %v wide, stored\n%q\nwant\n%q", field, width, got, Sentence)
	}
}

// Visible returns what the user reads under root: the visible labels (a
// label cut to its width with its whole text, as in Texts) and check
// boxes, one a line.
func Visible(root fyne.CanvasObject) string {
	var out []string
	for _, o := range test.LaidOutObjects(root) {
		if text, ok := labelText(o); ok {
			out = append(out, text)
		} else if c, ok := AsCheck(o); ok && o.Visible() {
			out = append(out, c.Text)
		}
	}
	return strings.Join(out, "\n")
}

// Elsewhere is a screen of another area, for a frame that tests one area:
// opening a place there shows it, so that the test sees where the user
// went.
type Elsewhere struct{ Place ui.Place }

// Content is an empty area.
func (Elsewhere) Content() fyne.CanvasObject { return widget.NewLabel("") }

// ElsewhereAt returns makers of Elsewhere screens for the named screens.
func ElsewhereAt(screens ...string) map[string]ui.Maker {
	m := map[string]ui.Maker{}
	for _, name := range screens {
		m[name] = func(id string) (ui.Screen, error) { return Elsewhere{ui.Place{Screen: name, ID: id}}, nil }
	}
	return m
}

// Queue is a host whose background and deferred work waits until the
// test runs it, so that a test can look at a screen between its steps:
// what it shows while it reads, and after.
type Queue struct {
	ui.Host
	jobs []func()
}

// Background queues work and done; Step runs them.
func (q *Queue) Background(work, done func()) {
	q.jobs = append(q.jobs, func() { BackgroundAndWait(work, done) })
}

// Defer queues f, as work the screen leaves for after the window drew;
// Step runs it.
func (q *Queue) Defer(f func()) { q.jobs = append(q.jobs, f) }

// Len is the number of jobs waiting.
func (q *Queue) Len() int { return len(q.jobs) }

// Step runs the first job waiting, its work on a goroutine of its own and
// then done; it reports whether there was one.
func (q *Queue) Step() bool {
	if len(q.jobs) == 0 {
		return false
	}
	next := q.jobs[0]
	q.jobs = q.jobs[1:]
	next()
	return true
}

// Run runs the jobs waiting, and those they queue in turn.
func (q *Queue) Run() {
	for q.Step() {
	}
}

// UseLanguage makes the desk's messages, dates and numbers those of code
// (ru, hu, …), as main does for --lang or the desk's setting, and English
// again after the test.
func UseLanguage(t *testing.T, code string) {
	t.Helper()
	t.Setenv("LANGUAGE", os.Getenv("LANGUAGE"))
	i18n.SetLanguage(code)
	if err := fynelang.Load(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		i18n.SetLanguage("en")
		fynelang.Load()
	})
}
