package app

import (
	"strings"
	"testing"

	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The question about unsaved changes, asked on leaving an editor and on
// quitting: Save (Enter), Discard, Cancel (Esc).

// answers returns the answers of the question on top of w, by label, and
// the question's text; it fails the test when no question is shown.
func answers(t *testing.T, w fyne.Window) (map[string]*ui.Answer, string) {
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

// answerQuestion taps the answer labelled text.
func answerQuestion(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	as, _ := answers(t, w)
	a := as[text]
	if a == nil {
		t.Fatalf("the question has no answer %q", text)
	}
	test.Tap(a)
}

// focusedAnswer is the answer with the keyboard focus.
func focusedAnswer(t *testing.T, w fyne.Window) fyne.Focusable {
	t.Helper()
	f, ok := w.Canvas().Focused().(*ui.Answer)
	if !ok {
		t.Fatalf("the focus is on %T, not on an answer", w.Canvas().Focused())
	}
	return f
}

// overlays counts the dialogs over w's content.
func overlays(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

// TestLeaveQuestionByKeyboard: leaving an editor with unsaved changes
// asks once, however often the user tries; Save has the focus, so Enter
// saves and goes on, and Esc stays.
func TestLeaveQuestionByKeyboard(t *testing.T) {
	d, w, st := testDesk(t, true)
	d.InstallShortcuts()
	d.Show(Place{Screen: "account", ID: "northbridge"})
	d.Show(Place{Screen: "person", ID: "northbridge-david-okafor"})
	s := d.Current().(*personScreen)
	uitest.Retype(s.phone, "+44 20 7946 0555")
	phone := func() string {
		p, err := st.Person("northbridge-david-okafor")
		if err != nil {
			t.Fatal(err)
		}
		return p.Phone
	}
	before := phone()
	d.Show(Place{Screen: "agenda"})
	d.Show(Place{Screen: "accounts"})
	s.OnCancel()
	if n := overlays(w); n != 1 {
		t.Fatalf("leaving three times shows %d dialogs, want 1", n)
	}
	as, _ := answers(t, w)
	if w.Canvas().Focused() != as["Save"] || as["Save"].Importance != widget.HighImportance {
		t.Fatal("Save is not the focused, highlighted default")
	}
	focusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Current() != s || s.phone.Text != "+44 20 7946 0555" || phone() != before || overlays(w) != 0 {
		t.Fatalf("Esc: on %v, phone %q, stored %q; want to stay with the edit, unsaved", d.Place(), s.phone.Text, phone())
	}
	d.Show(Place{Screen: "agenda"})
	focusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.Place().Screen != "agenda" || phone() != "+44 20 7946 0555" {
		t.Errorf("Enter: on %v, stored %q; want the phone saved and the agenda", d.Place(), phone())
	}
}
