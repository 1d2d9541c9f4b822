package app

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
)

// Encryption at rest from the desktop: File → Encryption… encrypts the
// workspace with a passphrase, changes the passphrase or removes the
// encryption. The workspace is closed for the change and opened again
// (Options.Reopen); an encrypted workspace asks for its passphrase when
// kamdesk starts (PassphrasePrompt).

// encrypted is what the desk asks of the workspace about encryption.
type encrypted interface {
	Dir() string
	Encrypted() bool
	CheckPassphrase(passphrase []byte) error
}

// encryptionForm is the Encryption… dialog.
type encryptionForm struct {
	d                *Desk
	dlg              *dialog.CustomDialog
	old, new1, new2  *widget.Entry
	msg              *widget.Label
	encrypt, change  *widget.Button
	decrypt          *widget.Button
	busy             *widget.ProgressBarInfinite
	encryptedAtStart bool
}

func (d *Desk) onEncryption() {
	ws, ok := d.ws.(encrypted)
	if !ok || d.opts.Reopen == nil {
		return
	}
	e, _ := d.Current().(ui.Editor)
	d.Leave(e, func() { d.showEncryption(ws) }, func() {})
}

func (d *Desk) showEncryption(ws encrypted) *encryptionForm {
	f := &encryptionForm{d: d, encryptedAtStart: ws.Encrypted()}
	f.old, f.new1, f.new2 = widget.NewPasswordEntry(), widget.NewPasswordEntry(), widget.NewPasswordEntry()
	f.msg = widget.NewLabel("")
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Importance = widget.DangerImportance
	f.busy = widget.NewProgressBarInfinite()
	f.busy.Stop()
	f.busy.Hide()
	intro := widget.NewLabel(lang.L("This workspace is not encrypted. Encrypting it protects the dossiers if the laptop is lost: without the passphrase nobody can read its files. Keep the passphrase safe: without it, neither can you."))
	var rows []fyne.CanvasObject
	if f.encryptedAtStart {
		intro.SetText(lang.L("This workspace is encrypted: its files cannot be read without the passphrase."))
		rows = append(rows, widget.NewForm(
			widget.NewFormItem(lang.L("Current passphrase"), f.old),
			widget.NewFormItem(lang.L("New passphrase"), f.new1),
			widget.NewFormItem(lang.L("The same again"), f.new2)))
		f.change = widget.NewButtonWithIcon(lang.L("Change passphrase"), theme.ConfirmIcon(), f.onChange)
		f.change.Importance = widget.HighImportance
		f.decrypt = widget.NewButtonWithIcon(lang.L("Remove encryption"), theme.CancelIcon(), f.onDecrypt)
		rows = append(rows, container.NewHBox(f.change, f.decrypt))
	} else {
		rows = append(rows, widget.NewForm(
			widget.NewFormItem(lang.L("Passphrase"), f.new1),
			widget.NewFormItem(lang.L("The same again"), f.new2)))
		f.encrypt = widget.NewButtonWithIcon(lang.L("Encrypt"), theme.ConfirmIcon(), f.onEncrypt)
		f.encrypt.Importance = widget.HighImportance
		rows = append(rows, container.NewHBox(f.encrypt))
	}
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(append(append([]fyne.CanvasObject{intro}, rows...), f.msg, f.busy)...)
	f.dlg = dialog.NewCustom(lang.L("Encryption"), lang.L("Close"), body, d.win)
	f.dlg.Resize(fyne.NewSize(600, body.MinSize().Height+120))
	f.dlg.Show()
	if f.encryptedAtStart {
		d.win.Canvas().Focus(f.old)
	} else {
		d.win.Canvas().Focus(f.new1)
	}
	return f
}

// newPassphrase checks the two new entries.
func (f *encryptionForm) newPassphrase() ([]byte, bool) {
	switch {
	case len([]rune(f.new1.Text)) < 8:
		f.msg.SetText(lang.L("The passphrase needs at least 8 characters."))
	case f.new1.Text != f.new2.Text:
		f.msg.SetText(lang.L("The two passphrases differ."))
	default:
		return []byte(f.new1.Text), true
	}
	return nil, false
}

func (f *encryptionForm) onEncrypt() {
	if p, ok := f.newPassphrase(); ok {
		f.run(nil, p, lang.L("The workspace is encrypted."))
	}
}

func (f *encryptionForm) onChange() {
	if p, ok := f.newPassphrase(); ok {
		f.run([]byte(f.old.Text), p, lang.L("The passphrase is changed."))
	}
}

func (f *encryptionForm) onDecrypt() {
	f.run([]byte(f.old.Text), nil, lang.L("The workspace is no longer encrypted."))
}

// run closes the workspace, changes its encryption in the background and
// opens it again; whatever happens, the desk goes on with a workspace
// that is open.
func (f *encryptionForm) run(old, new []byte, done string) {
	d := f.d
	f.msg.SetText("")
	f.busy.Show()
	f.busy.Start()
	for _, b := range []*widget.Button{f.encrypt, f.change, f.decrypt} {
		if b != nil {
			b.Disable()
		}
	}
	dir := d.ws.(encrypted).Dir()
	closer, _ := d.ws.(io.Closer)
	var ws Workspace
	var err error
	d.opts.Background(func() {
		if old != nil {
			// A wrong passphrase is refused before the workspace closes.
			if err = d.ws.(encrypted).CheckPassphrase(old); err != nil {
				return
			}
		}
		if closer != nil {
			closer.Close()
		}
		switch {
		case old == nil:
			err = store.Encrypt(dir, new)
		case new == nil:
			err = store.Decrypt(dir, old)
		default:
			err = store.ChangePassphrase(dir, old, new)
		}
		open := new
		if err != nil {
			open = old // as it was
		}
		var oerr error
		ws, oerr = d.opts.Reopen(open)
		err = errors.Join(err, oerr)
	}, func() {
		f.busy.Stop()
		f.busy.Hide()
		for _, b := range []*widget.Button{f.encrypt, f.change, f.decrypt} {
			if b != nil {
				b.Enable()
			}
		}
		if ws != nil {
			d.ws = ws
			d.Refresh()
		}
		if err != nil {
			f.msg.SetText(ui.UserError(err).Error())
			return
		}
		f.dlg.Hide()
		dialog.ShowInformation(lang.L("Encryption"), done, d.win)
	})
}

// PassphrasePrompt is the window's content when the workspace in dir is
// encrypted: it asks for the passphrase until open accepts it, saying
// when it is wrong. quit closes the app.
func PassphrasePrompt(dir string, open func(passphrase []byte) error, quit func()) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("This workspace is encrypted"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where := widget.NewLabel(dir)
	where.Importance = widget.LowImportance
	where.Wrapping = fyne.TextWrapBreak
	pass := widget.NewPasswordEntry()
	pass.SetPlaceHolder(lang.L("Passphrase"))
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	var unlock *widget.Button
	try := func() {
		unlock.Disable()
		msg.SetText("")
		err := open([]byte(pass.Text))
		unlock.Enable()
		if err != nil {
			msg.SetText(ui.UserError(err).Error())
			pass.SetText("")
		}
	}
	unlock = widget.NewButtonWithIcon(lang.L("Open"), theme.LoginIcon(), try)
	unlock.Importance = widget.HighImportance
	pass.OnSubmitted = func(string) { try() }
	closeBtn := widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), quit)
	return container.NewPadded(container.NewVBox(title, where, pass, msg, container.NewHBox(unlock, closeBtn)))
}
