package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Choice is a drop-down of enumeration values shown by their translated
// labels; the first option may be "none". It is itself the widget Fyne
// draws and asks (ExtendBaseWidget): a Choice around a Select drawn in its
// place left the Select's pop-up without a window, and Space crashed.
type Choice[T ~string] struct {
	Select
	values []T
	none   string // label of the empty value, "" when a value is required
}

func NewChoice[T ~string](values []T, label func(T) string, none string, changed func(T)) *Choice[T] {
	c := &Choice[T]{values: values, none: none}
	var opts []string
	if none != "" {
		opts = append(opts, none)
	}
	for _, v := range values {
		opts = append(opts, Tr(label(v)))
	}
	c.Options = opts
	c.PlaceHolder = widget.NewSelect(nil, nil).PlaceHolder
	c.OnChanged = func(string) {
		if changed != nil {
			changed(c.Value())
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey hands Esc to the window.
func (c *Choice[T]) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(c, k) {
		c.Select.Select.TypedKey(k)
	}
}

// FocusGained scrolls the drop-down into view, as Select's does.
func (c *Choice[T]) FocusGained() {
	c.Select.Select.FocusGained()
	Reveal(c)
}

func (c *Choice[T]) Value() T {
	i := c.SelectedIndex()
	if c.none != "" {
		i--
	}
	if i < 0 || i >= len(c.values) {
		var zero T
		return zero
	}
	return c.values[i]
}

func (c *Choice[T]) Set(v T) {
	for i, x := range c.values {
		if x == v {
			if c.none != "" {
				i++
			}
			c.SetSelectedIndex(i)
			return
		}
	}
	if c.none != "" {
		c.SetSelectedIndex(0)
	} else {
		c.ClearSelected()
	}
}
