package accounts

import (
	"testing"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestQuitAsksAboutFormsInDialogs: an event being written in its dialog
// is not dropped by quitting. Save saves it and quits, Discard quits
// without it, Cancel leaves the dialog open with the typing.
func TestQuitAsksAboutFormsInDialogs(t *testing.T) {
	const title, text = "Site visit with Olga", "Olga asked for payment terms."
	open := func(t *testing.T) (*ui.Frame, *int, *timeline, func() bool) {
		d, _, st, quits := quitAccounts(t)
		d.Show(ui.Place{Screen: "account", ID: "northbridge"})
		ds := d.Current().(*dossierScreen)
		selectTab(t, ds.tabs, "Timeline")
		tl := ds.timeline
		test.Tap(tl.addEvent)
		test.Type(tl.eventEd.title, title)
		test.Type(tl.eventEd.text, text)
		saved := func() bool {
			_, ok := storedEvent(t, st, title)
			return ok
		}
		return d, quits, tl, saved
	}
	t.Run("save", func(t *testing.T) {
		d, quits, _, saved := open(t)
		d.Quit()
		uitest.AnswerQuestion(t, d.Window(), "Save")
		if !saved() || *quits != 1 {
			t.Errorf("Save: saved %v, quit %d times", saved(), *quits)
		}
	})
	t.Run("discard", func(t *testing.T) {
		d, quits, _, saved := open(t)
		d.Quit()
		uitest.AnswerQuestion(t, d.Window(), "Discard")
		if saved() || *quits != 1 {
			t.Errorf("Discard: saved %v, quit %d times", saved(), *quits)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		d, quits, tl, saved := open(t)
		d.Quit()
		uitest.AnswerQuestion(t, d.Window(), "Cancel")
		if saved() || *quits != 0 || tl.eventEd.text.Text() != text || d.DialogEditor() == nil {
			t.Errorf("Cancel: saved %v, quit %d times, text %q, dialog open %v", saved(), *quits, tl.eventEd.text.Text(), d.DialogEditor() != nil)
		}
	})
	t.Run("failed save", func(t *testing.T) {
		d, quits, tl, saved := open(t)
		uitest.Retype(tl.eventEd.date.Entry, "2026-13-45")
		d.Quit()
		uitest.AnswerQuestion(t, d.Window(), "Save")
		if saved() || *quits != 0 || tl.eventEd.text.Text() != text {
			t.Errorf("a failed save: saved %v, quit %d times, text %q", saved(), *quits, tl.eventEd.text.Text())
		}
	})
	t.Run("clean dialog", func(t *testing.T) {
		d, _, _, quits := quitAccounts(t)
		d.Show(ui.Place{Screen: "account", ID: "northbridge"})
		ds := d.Current().(*dossierScreen)
		selectTab(t, ds.tabs, "Timeline")
		test.Tap(ds.timeline.addEvent)
		d.Quit()
		if *quits != 1 {
			t.Errorf("an untouched dialog: quit %d times, want at once", *quits)
		}
	})
}

// quitAccounts is openAccounts on the sample, counting the times the app
// quit.
func quitAccounts(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *int) {
	t.Helper()
	f, w, st := openAccounts(t, true)
	quits := 0
	f.SetQuit(func() { quits++ })
	return f, w, st, &quits
}
