package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Check is a check box that a long form scrolls into view when Tab gives
// it the focus, as it does an Entry.
type Check struct{ widget.Check }

// NewCheck is widget.NewCheck's Check.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// Unwrap is the check box itself, for tests that look for check boxes.
func (c *Check) Unwrap() *widget.Check { return &c.Check }

// FocusGained scrolls the check box into view.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	Reveal(c)
}

// Select is a drop-down that a long form scrolls into view when Tab gives
// it the focus, as it does an Entry.
type Select struct{ widget.Select }

// NewSelect is widget.NewSelect's Select.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = widget.NewSelect(nil, nil).PlaceHolder // Fyne's own, translated
	s.ExtendBaseWidget(s)
	return s
}

// Unwrap is the drop-down itself, for tests that look for drop-downs.
func (s *Select) Unwrap() *widget.Select { return &s.Select }

// FocusGained scrolls the drop-down into view.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	Reveal(s)
}

// List is a widget.List that opens the row with the focus on Enter as on
// Space (Fyne's list takes only Space): the keyboard opens a row the same
// way in every list of the desk, tables included.
type List struct{ widget.List }

// NewList is widget.NewList's List.
func NewList(length func() int, createItem func() fyne.CanvasObject, updateItem func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, createItem, updateItem
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the row with the focus on Enter, as Space does, and
// hands Esc to the window.
func (l *List) TypedKey(e *fyne.KeyEvent) {
	if passEscape(l, e) {
		return
	}
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		e = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: e.Physical}
	}
	l.List.TypedKey(e)
}

// passEscape hands Esc, which Fyne's check boxes, drop-downs and lists
// drop, to the window (it cancels the form or the dialog, asking first
// when something typed would be lost); it reports whether k was Esc.
func passEscape(o fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
	}
	return true
}

// TypedKey hands Esc to the window.
func (c *Check) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(c, k) {
		c.Check.TypedKey(k)
	}
}

// TypedKey hands Esc to the window.
func (s *Select) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(s, k) {
		s.Select.TypedKey(k)
	}
}

// Button is a widget.Button that hands Esc to the window (Fyne's button
// drops it): Esc cancels a dialog or a form with the focus on one of its
// buttons too.
type Button struct{ widget.Button }

// NewButton is widget.NewButtonWithIcon's Button.
func NewButton(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// Unwrap is the button itself, for tests that look for buttons.
func (b *Button) Unwrap() *widget.Button { return &b.Button }

// TypedKey hands Esc to the window.
func (b *Button) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(b, k) {
		b.Button.TypedKey(k)
	}
}
