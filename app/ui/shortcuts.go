package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// InstallShortcuts makes the frame's shortcuts work on the window's
// canvas (Esc when no field has the focus, Enter and Esc answering a
// question about unsaved changes, and Ctrl+N, Ctrl+S when the window has
// no menu bar, as in tests), with more Ctrl shortcuts (Ctrl+F, Ctrl+Q).
func (f *Frame) InstallShortcuts(more map[fyne.KeyName]func()) {
	c := f.win.Canvas()
	keys := map[fyne.KeyName]func(){fyne.KeyN: f.OnNew, fyne.KeyS: f.OnSave}
	for key, do := range more {
		keys[key] = do
	}
	for key, do := range keys {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { do() })
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if f.AnswerKey(k) || k.Name != fyne.KeyEscape {
			return
		}
		if c.Overlays().Top() != nil { // Esc is for the dialog on top, never for the screen under it
			if f.closable != nil {
				f.closable.Hide()
				f.closable = nil
			}
			return
		}
		f.OnCancel()
	})
}

// ShowClosable shows d, a dialog that only informs (its one button closes
// it), and lets Esc close it too.
func (f *Frame) ShowClosable(d dialog.Dialog) {
	f.closable = d
	d.SetOnClosed(func() {
		if f.closable == d {
			f.closable = nil
		}
	})
	d.Show()
}

// The shortcuts wait while a question about unsaved changes is open.

// OnNew makes a new record on the current screen (Ctrl+N).
func (f *Frame) OnNew() {
	if c, ok := f.current.(Creator); ok && f.asking == nil {
		c.OnNew()
	}
}

// OnSave saves the current screen (Ctrl+S).
func (f *Frame) OnSave() {
	if s, ok := f.current.(Saver); ok && f.asking == nil {
		s.OnSave()
	}
}

// OnCancel abandons the current screen's edit (Esc).
func (f *Frame) OnCancel() {
	if c, ok := f.current.(Canceller); ok && f.asking == nil {
		c.OnCancel()
	}
}
