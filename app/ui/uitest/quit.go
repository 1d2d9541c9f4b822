package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/store"
	"kamdesk/app/ui"
)

// EditorCase is a screen with an editor: how to open it, make an edit
// that can be saved and one that cannot, and tell where the edit is.
type EditorCase struct {
	Name  string
	Open  func(d *ui.Frame)
	Edit  func(t *testing.T, d *ui.Frame) // an edit the save takes
	Spoil func(t *testing.T, d *ui.Frame) // an edit the save refuses
	// Saved reports whether the store holds the edit.
	Saved func(t *testing.T, st *store.Store) bool
	// Shown reports whether the screen still shows the edit, or the
	// spoiled text.
	Shown, Spoiled func(d *ui.Frame) bool
	// Refused reports whether the screen (or a dialog) says why the
	// spoiled edit was not saved.
	Refused func(d *ui.Frame, w fyne.Window) bool
}

// QuitCases quits from each case's screen through Frame.Quit, which the
// window's close button, File → Quit and Ctrl+Q call, and answers each
// way. quitFrame opens a frame whose quitting counts in the int.
func QuitCases(t *testing.T, quitFrame func(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *int), cases []EditorCase) {
	for _, c := range cases {
		t.Run(c.Name+"/clean", func(t *testing.T) {
			d, w, _, quits := quitFrame(t)
			c.Open(d)
			d.Quit()
			if *quits != 1 || Overlays(w) != 0 {
				t.Errorf("quitting with nothing changed: quit %d times, %d dialogs; want to quit at once", *quits, Overlays(w))
			}
		})
		t.Run(c.Name+"/save", func(t *testing.T) {
			d, w, st, quits := quitFrame(t)
			c.Open(d)
			c.Edit(t, d)
			d.Quit()
			as, text := Answers(t, w)
			if !strings.Contains(text, "Save them before you quit?") || len(as) != 3 || as["Save"] == nil || as["Discard"] == nil || as["Cancel"] == nil {
				t.Fatalf("the question says %q with %d answers, want Save, Discard, Cancel", text, len(as))
			}
			if *quits != 0 {
				t.Fatal("quit before the answer")
			}
			AnswerQuestion(t, w, "Save")
			if !c.Saved(t, st) {
				t.Error("Save did not save the edit")
			}
			if *quits != 1 {
				t.Errorf("after Save the app quit %d times, want 1", *quits)
			}
		})
		t.Run(c.Name+"/discard", func(t *testing.T) {
			d, w, st, quits := quitFrame(t)
			c.Open(d)
			c.Edit(t, d)
			d.Quit()
			AnswerQuestion(t, w, "Discard")
			if c.Saved(t, st) {
				t.Error("Discard saved the edit")
			}
			if *quits != 1 {
				t.Errorf("after Discard the app quit %d times, want 1", *quits)
			}
		})
		t.Run(c.Name+"/cancel", func(t *testing.T) {
			d, w, st, quits := quitFrame(t)
			c.Open(d)
			before := d.Current()
			c.Edit(t, d)
			d.Quit()
			AnswerQuestion(t, w, "Cancel")
			if *quits != 0 {
				t.Error("Cancel quit")
			}
			if d.Current() != before || !c.Shown(d) {
				t.Error("Cancel left the screen or lost the edit")
			}
			if c.Saved(t, st) {
				t.Error("Cancel saved the edit")
			}
			if Overlays(w) != 0 {
				t.Error("the question stayed open after Cancel")
			}
		})
		t.Run(c.Name+"/failed save", func(t *testing.T) {
			d, w, st, quits := quitFrame(t)
			c.Open(d)
			before := d.Current()
			c.Edit(t, d)
			c.Spoil(t, d)
			d.Quit()
			AnswerQuestion(t, w, "Save")
			if *quits != 0 {
				t.Fatal("the app quit although the save failed")
			}
			if d.Current() != before || !c.Shown(d) || !c.Spoiled(d) {
				t.Error("a failed save left the screen or lost what was typed")
			}
			if !c.Refused(d, w) {
				t.Error("a failed save did not say why")
			}
			if c.Saved(t, st) {
				t.Error("the refused edit is in the store")
			}
			if top := w.Canvas().Overlays().Top(); top != nil {
				for _, o := range test.LaidOutObjects(top) {
					if _, ok := o.(*ui.Answer); ok {
						t.Error("the question is still open after a failed save")
					}
				}
			}
		})
	}
}
