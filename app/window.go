package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// RestoreWindow gives w the size it had when it was last closed. Closing
// w (its close button, Fyne's own Quit) calls quit instead, which decides
// whether to close it with CloseWindow. (Fyne does not let an application
// place its window; the system does.)
func RestoreWindow(w fyne.Window, prefs fyne.Preferences, quit func()) {
	width := prefs.FloatWithFallback("window.width", 1280)
	height := prefs.FloatWithFallback("window.height", 800)
	w.Resize(fyne.NewSize(float32(width), float32(height)))
	w.SetCloseIntercept(quit)
}

// CloseWindow remembers w's size for RestoreWindow and closes it, which
// ends the app when w is the main window.
func CloseWindow(w fyne.Window, prefs fyne.Preferences) {
	s := w.Canvas().Size()
	if s.Width > 200 && s.Height > 200 {
		prefs.SetFloat("window.width", float64(s.Width))
		prefs.SetFloat("window.height", float64(s.Height))
	}
	w.Close()
}

// OpenFailure is the window content when the workspace cannot be opened
// (damaged, written by a newer kamdesk, not readable): what happened, in
// one sentence from the store, and what to do. quit closes the app. A
// damaged workspace that has an automatic backup is offered it: restore,
// when not nil, puts the latest backup in place (keeping what it
// replaces aside) and opens the workspace, with the passphrase an
// encrypted backup needs.
func OpenFailure(err error, dir string, quit func(), restore func(passphrase []byte) error) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("kamdesk cannot open the workspace"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(ui.Sentence(ui.ErrorText(err)))
	msg.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("Nothing was changed in {{.Dir}}. Restore the folder from a backup, or start kamdesk on another workspace with: kamdesk --data DIR", map[string]any{"Dir": dir}))
	switch {
	case errors.Is(err, dossier.ErrDiskFull):
		hint.SetText(lang.L("Nothing was changed in {{.Dir}}. Free some space on its disk and start kamdesk again.", map[string]any{"Dir": dir}))
	case errors.Is(err, dossier.ErrLocked):
		hint.SetText(lang.L("Another kamdesk has it open and did not answer. Switch to its window (it may be on another desktop or minimised), or close it and start kamdesk again."))
	case errors.Is(err, dossier.ErrReadOnly):
		hint.SetText(lang.L("Nothing was changed in {{.Dir}}. Copy the folder to a place kamdesk can write to and open the copy with: kamdesk --data DIR", map[string]any{"Dir": dir}))
	}
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	closeBtn := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), quit)
	closeBtn.Importance = widget.HighImportance
	buttons := container.NewHBox(closeBtn)
	body := container.NewVBox(container.NewHBox(widget.NewIcon(theme.ErrorIcon()), title), msg, hint)
	if b, ok := latestGoodBackup(dir); ok && restore != nil && errors.Is(err, dossier.ErrDamaged) {
		hint.SetText(lang.L("Nothing was changed in {{.Dir}}. kamdesk can put its latest automatic backup, made {{.Made}}, in place of the damaged files, which are kept aside in the same folder. What was saved after the backup is not in it.",
			map[string]any{"Dir": dir, "Made": ui.DateText(dossier.DateOf(b.Made.Local())) + " " + b.Made.Local().Format("15:04")}))
		problem := widget.NewLabel("")
		problem.Wrapping = fyne.TextWrapWord
		problem.Importance = widget.DangerImportance
		problem.Hide()
		pass := widget.NewPasswordEntry()
		pass.SetPlaceHolder(lang.L("Passphrase of the backup"))
		var restoreBtn *widget.Button
		do := func() {
			restoreBtn.Disable()
			problem.Hide()
			err := restore([]byte(pass.Text))
			restoreBtn.Enable()
			if err != nil {
				problem.SetText(ui.UserError(err).Error())
				problem.Show()
				pass.SetText("")
			}
		}
		restoreBtn = widget.NewButtonWithIcon(lang.L("Restore the backup"), theme.HistoryIcon(), do)
		restoreBtn.Importance = widget.HighImportance
		closeBtn.Importance = widget.MediumImportance
		pass.OnSubmitted = func(string) { do() }
		if b.Encrypted {
			body.Add(pass)
		}
		body.Add(problem)
		buttons.Objects = []fyne.CanvasObject{restoreBtn, closeBtn}
	}
	body.Add(buttons)
	return container.NewPadded(body)
}

// latestGoodBackup is the backup a damaged workspace is offered: the
// newest that reads back whole, or, when they are encrypted (they can be
// checked only with the passphrase), the newest.
func latestGoodBackup(dir string) (store.Backup, bool) {
	b, err := store.LatestGoodBackup(dir, nil)
	if errors.Is(err, store.ErrPassphraseNeeded) {
		return store.LatestBackup(dir)
	}
	return b, err == nil
}

// readOnlyBar says, above the working area, that the workspace is open
// for reading only and why (a backup disk, a full disk); nil when it is
// not.
func (d *Desk) readOnlyBar() fyne.CanvasObject {
	ro, ok := d.ws.(interface {
		ReadOnly() bool
		ReadOnlyWhy() error
	})
	if !ok || !ro.ReadOnly() {
		return nil
	}
	l := widget.NewLabel(lang.L("Read only — changes cannot be saved: {{.Why}}", map[string]any{"Why": ui.ErrorText(ro.ReadOnlyWhy())}))
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
}

// Opening is the window's content while the workspace in dir is opened
// and checked: a spinner and what is happening. stop stops the spinner;
// call it when the window shows something else: a spinner out of sight
// goes on turning, and each step of it repaints the whole window (it kept
// a core busy for the first minute of every start).
func Opening(dir string) (content fyne.CanvasObject, stop func()) {
	spin := widget.NewActivity()
	spin.Start()
	what := widget.NewLabelWithStyle(lang.L("Opening the workspace…"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	where := widget.NewLabelWithStyle(dir, fyne.TextAlignCenter, fyne.TextStyle{})
	where.Importance = widget.LowImportance
	return container.NewCenter(container.NewVBox(spin, what, where)), spin.Stop
}
