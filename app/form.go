package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/dossier"
)

// Forms in kamdesk validate as the user types and show each problem right
// under its field, in the words of the domain's validation. A failed save
// keeps everything typed.

// entry is a text entry that hands Escape to the desk (cancel) instead of
// swallowing it.
type entry struct {
	widget.Entry
	onEscape func()
}

func newEntry(onEscape func()) *entry {
	e := &entry{onEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape to onEscape and everything else to the entry.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// field is one labelled input of a form with the message line under it.
type field struct {
	name  string // the record field it edits, as validation names it
	label string
	input fyne.CanvasObject
	msg   *widget.Label
}

func newField(name, label string, input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	return &field{name: name, label: label, input: input, msg: msg}
}

// setMessage shows text under the field; "" hides the line.
func (f *field) setMessage(text string) {
	if text == "" {
		f.msg.SetText("")
		f.msg.Hide()
		return
	}
	f.msg.SetText(text)
	f.msg.Show()
}

// fieldSet is a form's fields by record field name.
type fieldSet struct {
	order []*field
	by    map[string]*field
}

func (fs *fieldSet) add(f *field) *field {
	if fs.by == nil {
		fs.by = map[string]*field{}
	}
	fs.order = append(fs.order, f)
	fs.by[f.name] = f
	return f
}

// showProblems puts each validation problem of err under its field and
// returns the problems that have no field on this form.
func (fs *fieldSet) showProblems(err error) []*dossier.FieldError {
	for _, f := range fs.order {
		f.setMessage("")
	}
	var rest []*dossier.FieldError
	for _, p := range dossier.ProblemsOf(err) {
		f := fs.by[p.Field]
		if f == nil {
			rest = append(rest, p)
			continue
		}
		if f.msg.Visible() {
			continue // the first problem of a field is the one to fix first
		}
		f.setMessage(tr(p.Message, p.Data))
	}
	return rest
}

// clear hides every message.
func (fs *fieldSet) clear() {
	for _, f := range fs.order {
		f.setMessage("")
	}
}

// messageOf returns the message shown under the field name.
func (fs *fieldSet) messageOf(name string) string {
	if f := fs.by[name]; f != nil && f.msg.Visible() {
		return f.msg.Text
	}
	return ""
}

// grid lays the fields out in two columns: labels on the left, each input
// with its message under it on the right.
func (fs *fieldSet) grid() *fyne.Container {
	var objs []fyne.CanvasObject
	for _, f := range fs.order {
		l := widget.NewLabelWithStyle(f.label, fyne.TextAlignTrailing, fyne.TextStyle{})
		objs = append(objs, container.NewVBox(l), container.NewVBox(f.input, f.msg))
	}
	return container.New(&formLayout{}, objs...)
}

// formLayout is a two-column grid whose label column is as wide as the
// widest label, and whose rows are as tall as their tallest cell.
type formLayout struct{}

func (l *formLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	lw, iw, h := l.columns(objs)
	pad := theme.Padding()
	return fyne.NewSize(lw+iw+pad, h)
}

func (l *formLayout) columns(objs []fyne.CanvasObject) (lw, iw, h float32) {
	pad := theme.Padding()
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i].MinSize(), objs[i+1].MinSize()
		lw = max(lw, a.Width)
		iw = max(iw, b.Width)
		if i > 0 {
			h += pad
		}
		h += max(a.Height, b.Height)
	}
	return
}

func (l *formLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw, _, _ := l.columns(objs)
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i], objs[i+1]
		bh := b.MinSize().Height
		rh := max(a.MinSize().Height, bh)
		a.Move(fyne.NewPos(0, y))
		a.Resize(fyne.NewSize(lw, rh))
		b.Move(fyne.NewPos(lw+pad, y))
		b.Resize(fyne.NewSize(size.Width-lw-pad, rh))
		y += rh + pad
	}
}

// dateInput is an entry for a date in YYYY-MM-DD with a calendar to pick
// from. An empty entry is "no date".
type dateInput struct {
	*entry
	button *widget.Button
	box    *fyne.Container
	win    fyne.Window
	pop    *widget.PopUp
}

func newDateInput(win fyne.Window, onEscape func()) *dateInput {
	d := &dateInput{entry: newEntry(onEscape), win: win}
	d.entry.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	d.button = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.openCalendar)
	d.box = container.NewBorder(nil, nil, nil, d.button, d.entry)
	return d
}

// object is what goes into the form.
func (d *dateInput) object() fyne.CanvasObject { return d.box }

func (d *dateInput) openCalendar() {
	start := time.Now()
	if v, err := dossier.ParseDate(d.Text); err == nil && !v.IsZero() {
		start = v.Time()
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		d.SetText(dossier.DateOf(t).String())
		if d.pop != nil {
			d.pop.Hide()
		}
	})
	clearBtn := widget.NewButton(lang.L("No date"), func() {
		d.SetText("")
		d.pop.Hide()
	})
	d.pop = widget.NewPopUp(container.NewVBox(cal, clearBtn), d.win.Canvas())
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.box)
	d.pop.ShowAtPosition(pos.Add(fyne.NewPos(0, d.box.Size().Height)))
}

// date returns the date typed, or an error message for the field.
func (d *dateInput) date() (dossier.Date, error) {
	return dossier.ParseDate(d.Text)
}

// dateProblem is the message for a date field whose text ParseDate
// refused (an English source string, translated where it is shown).
func dateProblem(err error) string {
	if errors.Is(err, dossier.ErrDateRange) {
		return "must be between 1900-01-01 and 2199-12-31"
	}
	return "is not a date in the form YYYY-MM-DD"
}

// setDate shows v ("" for the zero Date).
func (d *dateInput) setDate(v dossier.Date) { d.SetText(v.String()) }

// choice is a drop-down of enumeration values shown by their translated
// labels; the first option may be "none".
type choice[T ~string] struct {
	*widget.Select
	values []T
	none   string // label of the empty value, "" when a value is required
}

func newChoice[T ~string](values []T, label func(T) string, none string, changed func(T)) *choice[T] {
	c := &choice[T]{values: values, none: none}
	var opts []string
	if none != "" {
		opts = append(opts, none)
	}
	for _, v := range values {
		opts = append(opts, tr(label(v)))
	}
	c.Select = widget.NewSelect(opts, func(string) {
		if changed != nil {
			changed(c.value())
		}
	})
	return c
}

func (c *choice[T]) value() T {
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

func (c *choice[T]) set(v T) {
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

// touched tracks the fields the user has edited, so that validation as
// you go does not scold fields they have not reached yet. Once all is set
// (an existing record, or after a save was tried) every problem shows.
type touched struct {
	all    bool
	fields map[string]bool
}

func (t *touched) reset(all bool) { t.all, t.fields = all, nil }

func (t *touched) mark(field string) {
	if t.fields == nil {
		t.fields = map[string]bool{}
	}
	t.fields[field] = true
}

// filter keeps the problems of the fields touched.
func (t *touched) filter(p dossier.Problems) dossier.Problems {
	if t.all {
		return p
	}
	var out dossier.Problems
	for _, e := range p {
		if t.fields[e.Field] {
			out = append(out, e)
		}
	}
	return out
}
