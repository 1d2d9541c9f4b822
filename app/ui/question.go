package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
)

// Unsaved changes: leaving a screen, switching records inside one and
// quitting all ask the same question, as a mail client does, with three
// answers: Save (the default, answered by Enter), Discard, and Cancel
// (answered by Esc). The frame shows at most one such question at a time.

// AnswerKey answers the open question from the keyboard when none of its
// buttons has the focus (Enter saves, Esc cancels); it reports whether a
// question was open.
func (f *Frame) AnswerKey(k *fyne.KeyEvent) bool {
	if f.asking == nil {
		return false
	}
	f.asking.typedKey(k)
	return true
}

// question is the open question about unsaved changes.
type question struct {
	frame *Frame
	dlg   *dialog.CustomDialog
	msg   *widget.Label
	save  *Answer // the default
	ed    Editor  // what Save saves
	goOn  func()  // after Save or Discard
	stay  func()  // after Cancel, or a save that failed
	// choice is set for a question that is not about unsaved changes
	// (choose): quitting answers it with its second answer first.
	choice bool
}

// Leave runs goOn at once when e has no unsaved changes (e may be nil).
// Otherwise it asks first: Save saves e and goes on if that succeeded,
// Discard goes on without saving, Cancel and a failed save run stay.
// While the question is open, further requests to leave run their stay.
func (f *Frame) Leave(e Editor, goOn, stay func()) {
	if f.asking != nil {
		stay()
		return
	}
	if e == nil || !e.Dirty() {
		goOn()
		return
	}
	f.ask(lang.L("You have changes that are not saved. Save them before you go on?"), e, goOn, stay)
}

// Quit ends the app, asking first when the current screen has unsaved
// changes. The window's close button, File → Quit and Ctrl+Q all come
// here. Asked while a question about unsaved changes is open, it makes
// that question the question before quitting, instead of asking twice.
func (f *Frame) Quit() {
	if q := f.asking; q != nil && q.choice {
		q.onCancel() // then ask about what is unsaved, if anything
	}
	// A form open in a dialog (an event, a promise) is asked about
	// first; once it is saved or dropped, the screen behind it.
	if g := f.dialogEd; g != nil && f.asking == nil && g.Dirty() {
		f.ask(quitMessage(), g, func() { g.Close(); f.Quit() }, func() {})
		return
	}
	e, _ := f.current.(Editor)
	if q := f.asking; q != nil {
		if e != nil {
			q.ed = e
		}
		q.goOn = f.quit
		q.msg.SetText(quitMessage())
		f.win.Canvas().Focus(q.save)
		return
	}
	if e == nil || !e.Dirty() {
		f.quit()
		return
	}
	f.ask(quitMessage(), e, f.quit, func() {})
}

func quitMessage() string {
	return lang.L("You have changes that are not saved. Save them before you quit?")
}

// quit ends the app without asking.
func (f *Frame) quit() {
	if f.opts.Quit != nil {
		f.opts.Quit()
		return
	}
	f.win.Close()
}

// ask shows the question, saying message, with Save focused so that
// Enter saves.
func (f *Frame) ask(message string, e Editor, goOn, stay func()) {
	q := &question{frame: f, ed: e, goOn: goOn, stay: stay}
	q.msg = widget.NewLabel(message)
	q.dlg = dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), q.msg, f.win)
	q.save = q.newAnswer(lang.L("Save"), theme.DocumentSaveIcon(), q.onSave)
	q.save.Importance = widget.HighImportance
	discard := q.newAnswer(lang.L("Discard"), theme.DeleteIcon(), q.onDiscard)
	cancel := q.newAnswer(lang.L("Cancel"), theme.CancelIcon(), q.onCancel)
	q.dlg.SetButtons([]fyne.CanvasObject{discard, cancel, q.save})
	f.asking = q
	q.dlg.Show()
	f.win.Canvas().Focus(q.save)
}

// typedKey answers the question from the keyboard when none of its
// buttons has the focus: Enter saves, Esc cancels.
func (q *question) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		q.onSave()
	case fyne.KeyEscape:
		q.onCancel()
	}
}

// close takes the question off the screen; the desk may ask again.
func (q *question) close() {
	q.frame.asking = nil
	q.dlg.Hide()
}

func (q *question) onSave() {
	q.close()
	if q.ed == nil || q.ed.SaveChanges() { // a choice (choose) saves nothing
		q.goOn()
	} else {
		q.stay()
	}
}

func (q *question) onDiscard() {
	q.close()
	q.goOn()
}

func (q *question) onCancel() {
	q.close()
	q.stay()
}

// Answer is a button of the question. Focused, it is pressed by Enter as
// well as Space, and Esc cancels the question.
type Answer struct {
	widget.Button
	q *question
}

func (q *question) newAnswer(label string, icon fyne.Resource, tapped func()) *Answer {
	a := &Answer{q: q}
	a.Text, a.Icon, a.OnTapped = label, icon, tapped
	a.ExtendBaseWidget(a)
	return a
}

// TypedKey presses the button on Enter and cancels on Esc.
func (a *Answer) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		a.OnTapped()
	case fyne.KeyEscape:
		a.q.onCancel()
	default:
		a.Button.TypedKey(k)
	}
}

// askReplace asks whether to replace the files of an export that are in
// dir already; replace writes them again, replacing.
func (f *Frame) AskReplace(exists *export.ExistsError, dir string, replace func()) {
	names := make([]string, 0, 4)
	for i, p := range exists.Paths {
		if i == 3 {
			names = append(names, lang.L("and {{.Count}} more", map[string]any{"Count": len(exists.Paths) - 3}))
			break
		}
		names = append(names, filepath.Base(p))
	}
	f.Choose(lang.L("Replace the files?"),
		lang.N("{{.Count}} file of this export is in {{.Dir}} already: {{.Names}}. Replace it?", len(exists.Paths),
			map[string]any{"Count": len(exists.Paths), "Dir": dir, "Names": strings.Join(names, ", ")}),
		lang.L("Replace"), lang.L("Cancel"), replace, func() {})
}

// choose asks a question that is not about unsaved changes, with the same
// keyboard and the same guard against stacking: yes is the default
// (focused, Enter), no the other answer (Esc); with no empty, yes is the
// only answer and Esc gives it too. It reports false, asking nothing, when
// a question is open already.
func (f *Frame) Choose(title, message, yes, no string, onYes, onNo func()) bool {
	if f.asking != nil {
		return false
	}
	q := &question{frame: f, goOn: onYes, stay: onNo, choice: true}
	if no == "" {
		q.stay = onYes
	}
	if q.goOn == nil {
		q.goOn = func() {}
	}
	if q.stay == nil { // nothing to do but close the question
		q.stay = func() {}
	}
	q.msg = widget.NewLabel(message)
	q.msg.Wrapping = fyne.TextWrapWord
	q.dlg = dialog.NewCustomWithoutButtons(title, q.msg, f.win)
	q.save = q.newAnswer(yes, theme.ConfirmIcon(), q.onSave)
	q.save.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{q.save}
	if no != "" {
		buttons = []fyne.CanvasObject{q.newAnswer(no, theme.CancelIcon(), q.onCancel), q.save}
	}
	q.dlg.SetButtons(buttons)
	q.dlg.Resize(fyne.NewSize(560, q.msg.MinSize().Height+140))
	f.asking = q
	q.dlg.Show()
	f.win.Canvas().Focus(q.save)
	return true
}
