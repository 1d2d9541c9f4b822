package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

// Quitting asks about unsaved changes on every screen with an editor.

// quitDesk is testDesk counting the times the app quit.
func quitDesk(t *testing.T) (*Desk, fyne.Window, *store.Store, *int) {
	t.Helper()
	d, w, st := testDesk(t, true)
	quits := 0
	d.opts.Quit = func() { quits++ }
	d.InstallShortcuts()
	return d, w, st, &quits
}

// TestQuitAsksAboutUnsavedChanges quits from every screen with an
// editor through Desk.Quit, which the window's close button, File → Quit
// and Ctrl+Q call, and answers each way.
func TestQuitAsksAboutUnsavedChanges(t *testing.T) {
	uitest.QuitCases(t, func(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *int) {
		d, w, st, quits := quitDesk(t)
		return d.Frame, w, st, quits
	}, editorCases())
}

// TestQuitQuestionIsAskedOnce: closing the window again, or pressing
// Ctrl+Q, while the question is open shows no second dialog.
func TestQuitQuestionIsAskedOnce(t *testing.T) {
	d, w, st, quits := quitDesk(t)
	c := editorCases()[0]
	c.Open(d.Frame)
	c.Edit(t, d.Frame)
	d.Quit()
	d.Quit()
	uitest.Shortcut(w, fyne.KeyQ)
	if n := uitest.Overlays(w); n != 1 {
		t.Fatalf("asking to quit three times shows %d dialogs, want 1", n)
	}
	uitest.AnswerQuestion(t, w, "Discard")
	if *quits != 1 || uitest.Overlays(w) != 0 || c.Saved(t, st) {
		t.Errorf("after Discard: quit %d times, %d dialogs, saved %v", *quits, uitest.Overlays(w), c.Saved(t, st))
	}
}

// TestQuitWhileLeaving: a quit asked while the question about leaving is
// open becomes that question, so that answering it quits.
func TestQuitWhileLeaving(t *testing.T) {
	d, w, st, quits := quitDesk(t)
	c := editorCases()[0]
	c.Open(d.Frame)
	c.Edit(t, d.Frame)
	d.OnCancel() // Esc: back to the dossier, which asks
	if uitest.Overlays(w) != 1 {
		t.Fatal("Esc with unsaved changes did not ask")
	}
	d.Quit()
	if n := uitest.Overlays(w); n != 1 {
		t.Fatalf("quitting while asked about leaving shows %d dialogs, want 1", n)
	}
	if _, text := uitest.Answers(t, w); !strings.Contains(text, "before you quit") {
		t.Errorf("the question now says %q, want it to ask before quitting", text)
	}
	uitest.AnswerQuestion(t, w, "Save")
	if !c.Saved(t, st) || *quits != 1 {
		t.Errorf("after Save: saved %v, quit %d times; want saved and quit", c.Saved(t, st), *quits)
	}
}

// TestQuitQuestionByKeyboard: Save has the focus, so Enter saves; Esc
// cancels, from the focused answer or from the window.
func TestQuitQuestionByKeyboard(t *testing.T) {
	c := editorCases()[0]
	t.Run("Enter saves", func(t *testing.T) {
		d, w, st, quits := quitDesk(t)
		c.Open(d.Frame)
		c.Edit(t, d.Frame)
		d.Quit()
		as, _ := uitest.Answers(t, w)
		if f := w.Canvas().Focused(); f != as["Save"] {
			t.Fatalf("the focus is on %v, want Save", f)
		}
		if as["Save"].Importance != widget.HighImportance {
			t.Error("Save is not highlighted as the default")
		}
		uitest.FocusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if !c.Saved(t, st) || *quits != 1 {
			t.Errorf("Enter: saved %v, quit %d times; want Save", c.Saved(t, st), *quits)
		}
	})
	t.Run("Esc cancels", func(t *testing.T) {
		d, w, st, quits := quitDesk(t)
		c.Open(d.Frame)
		c.Edit(t, d.Frame)
		d.Quit()
		uitest.FocusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if *quits != 0 || uitest.Overlays(w) != 0 || c.Saved(t, st) || !c.Shown(d.Frame) {
			t.Errorf("Esc: quit %d times, %d dialogs, saved %v; want Cancel", *quits, uitest.Overlays(w), c.Saved(t, st))
		}
		// With no answer focused (after a click beside the buttons) the
		// window's keys answer.
		d.Quit()
		w.Canvas().Unfocus()
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if *quits != 0 || uitest.Overlays(w) != 0 {
			t.Errorf("Esc on the window: quit %d times, %d dialogs; want Cancel", *quits, uitest.Overlays(w))
		}
		d.Quit()
		w.Canvas().Unfocus()
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEnter})
		if !c.Saved(t, st) || *quits != 1 {
			t.Errorf("Enter on the window: saved %v, quit %d times; want Save", c.Saved(t, st), *quits)
		}
	})
	t.Run("Tab then Enter", func(t *testing.T) {
		d, w, st, quits := quitDesk(t)
		c.Open(d.Frame)
		c.Edit(t, d.Frame)
		d.Quit()
		as, _ := uitest.Answers(t, w)
		w.Canvas().Focus(as["Discard"])
		uitest.FocusedAnswer(t, w).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if c.Saved(t, st) || *quits != 1 {
			t.Errorf("Enter on Discard: saved %v, quit %d times; want Discard", c.Saved(t, st), *quits)
		}
	})
}

// TestQuitRoutes: the Quit menu item, Ctrl+Q and the window's close
// button all ask the question.
func TestQuitRoutes(t *testing.T) {
	c := editorCases()[0]
	var quitItem *fyne.MenuItem
	for _, run := range []struct {
		name string
		quit func(t *testing.T, d *Desk, w fyne.Window)
	}{
		{"File → Quit", func(_ *testing.T, d *Desk, _ fyne.Window) {
			file := d.MainMenu().Items[0]
			quitItem = file.Items[len(file.Items)-1]
			quitItem.Action()
		}},
		{"Ctrl+Q", func(_ *testing.T, _ *Desk, w fyne.Window) { uitest.Shortcut(w, fyne.KeyQ) }},
		{"close button", func(t *testing.T, d *Desk, w fyne.Window) {
			iw := &interceptedWindow{Window: w}
			RestoreWindow(iw, fyne.CurrentApp().Preferences(), d.Quit)
			iw.intercept()
			if iw.closed > 0 {
				t.Error("the close button closed the window without the desk")
			}
		}},
	} {
		t.Run(run.name, func(t *testing.T) {
			d, w, _, quits := quitDesk(t)
			d.Show(Place{Screen: "accounts"})
			run.quit(t, d, w)
			if *quits != 1 || uitest.Overlays(w) != 0 {
				t.Errorf("with nothing to save: quit %d times, %d dialogs; want to quit at once", *quits, uitest.Overlays(w))
			}
			c.Open(d.Frame)
			c.Edit(t, d.Frame)
			run.quit(t, d, w)
			uitest.AnswerQuestion(t, w, "Cancel")
			if *quits != 1 || !c.Shown(d.Frame) {
				t.Errorf("after Cancel: quit %d times, edit shown %v", *quits, c.Shown(d.Frame))
			}
		})
	}
	if quitItem == nil || quitItem.Label != "Quit" || !quitItem.IsQuit || quitItem.Shortcut == nil {
		t.Errorf("the File menu does not end with Quit (Ctrl+Q): %+v", quitItem)
	}
}

// interceptedWindow remembers the close intercept, so that a test can
// press the close button. It counts the calls to Close instead of
// closing: the test driver cannot close a window twice.
type interceptedWindow struct {
	fyne.Window
	intercept func()
	closed    int
}

func (w *interceptedWindow) Close() { w.closed++ }

func (w *interceptedWindow) SetCloseIntercept(f func()) {
	w.intercept = f
	w.Window.SetCloseIntercept(f)
}

func TestCloseWindowRemembersItsSize(t *testing.T) {
	test.NewTempApp(t)
	prefs := fyne.CurrentApp().Preferences()
	w := test.NewWindow(widget.NewLabel("kamdesk")) // CloseWindow closes it
	iw := &interceptedWindow{Window: w}
	quit := false
	RestoreWindow(iw, prefs, func() { quit = true })
	if got := w.Canvas().Size(); got.Width != 1280 || got.Height != 800 {
		t.Errorf("first size = %v, want 1280×800", got)
	}
	iw.intercept()
	if !quit {
		t.Fatal("the close button did not ask the desk")
	}
	w.Resize(fyne.NewSize(900, 700))
	CloseWindow(w, prefs)
	if wd, ht := prefs.Float("window.width"), prefs.Float("window.height"); wd != 900 || ht != 700 {
		t.Errorf("remembered %v×%v, want 900×700", wd, ht)
	}
	w2 := test.NewTempWindow(t, widget.NewLabel("kamdesk"))
	RestoreWindow(w2, prefs, func() {})
	if got := w2.Canvas().Size(); got.Width != 900 || got.Height != 700 {
		t.Errorf("restored size = %v, want 900×700", got)
	}
}
