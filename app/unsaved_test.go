package app

import (
	"testing"

	"kamdesk/app/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The question about unsaved changes, asked on leaving an editor and on
// quitting: Save (Enter), Discard, Cancel (Esc).

// TestLeaveQuestionByKeyboard: leaving an editor with unsaved changes
// asks once, however often the user tries; Save has the focus, so Enter
// saves and goes on, and Esc stays.
func TestLeaveQuestionByKeyboard(t *testing.T) {
	d, w, st := testDesk(t, true)
	d.InstallShortcuts()
	c := personCase()
	c.Open(d.Frame)
	c.Edit(t, d.Frame)
	person := d.Place()
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
	d.OnCancel()
	if n := uitest.Overlays(w); n != 1 {
		t.Fatalf("leaving three times shows %d dialogs, want 1", n)
	}
	as, _ := uitest.Answers(t, w)
	if w.Canvas().Focused() != as["Save"] || as["Save"].Importance != widget.HighImportance {
		t.Fatal("Save is not the focused, highlighted default")
	}
	uitest.FocusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.Place() != person || !c.Shown(d.Frame) || phone() != before || uitest.Overlays(w) != 0 {
		t.Fatalf("Esc: on %v, edit shown %v, stored %q; want to stay with the edit, unsaved", d.Place(), c.Shown(d.Frame), phone())
	}
	d.Show(Place{Screen: "agenda"})
	uitest.FocusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if d.Place().Screen != "agenda" || phone() != "+44 20 7946 0555" {
		t.Errorf("Enter: on %v, stored %q; want the phone saved and the agenda", d.Place(), phone())
	}
}
