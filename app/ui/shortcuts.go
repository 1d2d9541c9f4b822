package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
		if f.AnswerKey(k) {
			return
		}
		if top := c.Overlays().Top(); top != nil { // Enter and Esc are for the dialog on top, never for the screen under it
			if k.Name == fyne.KeyEscape && f.closable != nil {
				f.closable.Hide()
				f.closable = nil
				return
			}
			if d := f.dialogEd; k.Name == fyne.KeyEscape && d != nil && d.Dirty() {
				f.Choose(lang.L("Discard the changes?"), lang.L("What you typed in this form is not saved."),
					lang.L("Discard"), lang.L("Keep editing"), d.Close, nil)
				return
			}
			AnswerDialog(top, k)
			return
		}
		if k.Name == fyne.KeyEscape {
			f.OnCancel()
		}
	})
}

// AnswerDialog answers the Fyne dialog shown in the overlay top from the
// keyboard, when none of its fields has the focus: Enter presses its
// default button (the one of high importance, or its only button), Esc
// its cancel button (the one with the cancel icon, the other of two, or
// its only button). It reports whether it pressed one.
func AnswerDialog(top fyne.CanvasObject, k *fyne.KeyEvent) bool {
	buttons := dialogButtons(top)
	var press *widget.Button
	switch {
	case len(buttons) == 1 && (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter || k.Name == fyne.KeyEscape):
		press = buttons[0]
	case k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter:
		for _, b := range buttons {
			if b.Importance == widget.HighImportance {
				press = b
			}
		}
	case k.Name == fyne.KeyEscape:
		for _, b := range buttons {
			if b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
				press = b
			}
		}
		if press == nil && len(buttons) == 2 {
			for _, b := range buttons {
				if b.Importance != widget.HighImportance {
					press = b
				}
			}
		}
	}
	if press == nil {
		return false
	}
	press.Tapped(&fyne.PointEvent{})
	return true
}

// dialogButtons are the buttons, shown and enabled, of the row under a
// Fyne dialog shown in the overlay o: the dialog is a modal pop-up whose
// content holds, fourth, its buttons. Anything else has none.
func dialogButtons(o fyne.CanvasObject) []*widget.Button {
	pop, ok := o.(*widget.PopUp)
	if !ok {
		return nil
	}
	c, ok := pop.Content.(*fyne.Container)
	if !ok || len(c.Objects) != 5 {
		return nil
	}
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *widget.Button:
			if !o.Disabled() {
				out = append(out, o)
			}
		case interface{ Unwrap() *widget.Button }:
			if b := o.Unwrap(); !b.Disabled() {
				out = append(out, b)
			}
		case *fyne.Container:
			for _, x := range o.Objects {
				walk(x)
			}
		}
	}
	walk(c.Objects[3])
	return out
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
	if f.asking != nil {
		return
	}
	if d := f.dialogEd; d != nil { // a form in a dialog saves as its Save button does
		if s, ok := d.(Saver); ok {
			s.OnSave()
		} else {
			d.SaveChanges()
		}
		return
	}
	if s, ok := f.current.(Saver); ok {
		s.OnSave()
	}
}

// OnCancel abandons the current screen's edit (Esc).
func (f *Frame) OnCancel() {
	if c, ok := f.current.(Canceller); ok && f.asking == nil {
		c.OnCancel()
	}
}
