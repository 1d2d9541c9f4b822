package ui

import (
	"errors"
	"fmt"
	"sync"
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

// Entry is a text entry that hands Escape to the desk (cancel) instead of
// swallowing it, and says when the user leaves it.
type Entry struct {
	widget.Entry
	OnEscape    func()
	OnFocusLost func() // after the focus moved elsewhere
}

func NewEntry(onEscape func()) *Entry {
	e := &Entry{OnEscape: onEscape}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape to onEscape and everything else to the entry.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(k)
}

// FocusGained brings the entry into view when the Tab key moved the focus
// to it below the fold.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	Reveal(e)
}

// FocusLost tells OnFocusLost after the entry let the focus go.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.OnFocusLost != nil {
		e.OnFocusLost()
	}
}

// Field is one labelled input of a form with the message line under it.
type Field struct {
	Name  string // the record field it edits, as validation names it
	Label string
	Input fyne.CanvasObject
	Msg   *widget.Label
}

func NewField(name, label string, input fyne.CanvasObject) *Field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.SizeName = theme.SizeNameCaptionText
	msg.Hide()
	return &Field{Name: name, Label: label, Input: input, Msg: msg}
}

// Message is the field's message line as forms lay it out: compact, and
// taking its room under the input whether it says something or not, so
// that a message appearing (when the user leaves a field) never moves the
// fields under it, nor the one the pointer is on.
func (f *Field) Message() fyne.CanvasObject { return Compact(f.Msg) }

// Compact lays out l, a label of caption text, with little padding: the
// room of one caption line whether it shows text or not (more for text of
// several lines). For message lines and the second line of list rows.
func Compact(l *widget.Label) fyne.CanvasObject { return container.New(messageLayout{}, l) }

// compactPad is the padding left above and below a message line.
const compactPad = 2

// messageLayout gives a field's message label the room of one line of
// caption text, shown or hidden, and more only for a message of several
// lines; the label's own padding is pulled in to compactPad (laying it out
// under a theme of less padding cost a form's opening 20-30 ms).
type messageLayout struct{}

// messageLine is the room of one message line.
var messageLine = sync.OnceValue(func() float32 {
	l := widget.NewLabel("Mg")
	l.SizeName = theme.SizeNameCaptionText
	return l.MinSize().Height - 2*(theme.InnerPadding()-compactPad)
})

func (messageLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := messageLine()
	if l := objs[0]; l.Visible() {
		h = max(h, l.MinSize().Height-2*(theme.InnerPadding()-compactPad))
	}
	return fyne.NewSize(0, h)
}

func (messageLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l := objs[0]
	l.Move(fyne.NewPos(0, -(theme.InnerPadding() - compactPad)))
	l.Resize(fyne.NewSize(size.Width, l.MinSize().Height))
}

// SetMessage shows text under the field and outlines its input in red,
// as the forms' messages promise ("fix the fields marked in red"); ""
// hides the line and the outline.
func (f *Field) SetMessage(text string) {
	MarkInvalid(f.Input, text)
	if text == "" {
		f.Msg.SetText("")
		f.Msg.Hide()
		return
	}
	f.Msg.SetText(text)
	f.Msg.Show()
}

// MarkInvalid outlines the text inputs in o in red while problem is not
// "" (an entry shows it while the cursor is elsewhere, with its error
// mark), and takes the outline away when it is.
func MarkInvalid(o fyne.CanvasObject, problem string) {
	var err error
	if problem != "" {
		err = errors.New(problem)
	}
	switch o := o.(type) {
	case *Entry:
		markEntry(&o.Entry, err)
	case *widget.Entry:
		markEntry(o, err)
	case *TextArea:
		if o.invalid != (err != nil) {
			o.invalid = err != nil
			o.Refresh()
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			MarkInvalid(c, problem)
		}
	}
}

func markEntry(e *widget.Entry, err error) {
	if err == nil && !e.AlwaysShowValidationError {
		return // never marked
	}
	e.AlwaysShowValidationError = true
	e.SetValidationError(err)
}

// FieldSet is a form's fields by record field name.
type FieldSet struct {
	Order []*Field
	By    map[string]*Field
}

func (fs *FieldSet) Add(f *Field) *Field {
	if fs.By == nil {
		fs.By = map[string]*Field{}
	}
	fs.Order = append(fs.Order, f)
	fs.By[f.Name] = f
	return f
}

// ShowProblems puts each validation problem of err under its field and
// returns the problems that have no field on this form.
func (fs *FieldSet) ShowProblems(err error) []*dossier.FieldError {
	for _, f := range fs.Order {
		f.SetMessage("")
	}
	var rest []*dossier.FieldError
	for _, p := range dossier.ProblemsOf(err) {
		f := fs.By[p.Field]
		if f == nil {
			rest = append(rest, p)
			continue
		}
		if f.Msg.Visible() {
			continue // the first problem of a field is the one to fix first
		}
		f.SetMessage(Tr(p.Message, p.Data))
	}
	return rest
}

// Clear hides every message.
func (fs *FieldSet) Clear() {
	for _, f := range fs.Order {
		f.SetMessage("")
	}
}

// MessageOf returns the message shown under the field name.
func (fs *FieldSet) MessageOf(name string) string {
	if f := fs.By[name]; f != nil && f.Msg.Visible() {
		return f.Msg.Text
	}
	return ""
}

// Grid lays the fields out in two columns: labels on the left, each input
// with its message under it on the right.
func (fs *FieldSet) Grid() *fyne.Container {
	var objs []fyne.CanvasObject
	for _, f := range fs.Order {
		l := widget.NewLabelWithStyle(f.Label, fyne.TextAlignTrailing, fyne.TextStyle{})
		objs = append(objs, container.NewVBox(l), container.NewVBox(f.Input, f.Message()))
	}
	return container.New(&FormLayout{}, objs...)
}

// FormLayout is a two-column grid whose label column is as wide as the
// widest label, and whose rows are as tall as their tallest cell.
type FormLayout struct{}

func (l *FormLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	lw, iw, h := l.columns(objs)
	pad := theme.Padding()
	return fyne.NewSize(lw+iw+pad, h)
}

func (l *FormLayout) columns(objs []fyne.CanvasObject) (lw, iw, h float32) {
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

func (l *FormLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
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

// DateInput is an entry for a date in YYYY-MM-DD with a calendar to pick
// from. An empty entry is "no date".
type DateInput struct {
	*Entry
	Button *Button
	box    *fyne.Container
	win    fyne.Window
	pop    *widget.PopUp
}

func NewDateInput(win fyne.Window, onEscape func()) *DateInput {
	d := &DateInput{Entry: NewEntry(onEscape), win: win}
	d.Entry.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	d.Button = NewButton("", theme.CalendarIcon(), d.openCalendar)
	d.box = container.NewBorder(nil, nil, nil, d.Button, d.Entry)
	return d
}

// Object is what goes into the form.
func (d *DateInput) Object() fyne.CanvasObject { return d.box }

func (d *DateInput) openCalendar() {
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

// Date returns the date typed, or an error message for the field.
func (d *DateInput) Date() (dossier.Date, error) {
	return dossier.ParseDate(d.Text)
}

// DateProblem is the message for a date field whose text ParseDate
// refused, with its data (an English source template, translated where
// it is shown): the month or day that does not exist when the text has
// the form YYYY-MM-DD.
func DateProblem(err error) (string, map[string]any) {
	var bad *dossier.NoSuchDay
	switch {
	case errors.Is(err, dossier.ErrDateRange):
		return "must be between 1900-01-01 and 2199-12-31", nil
	case !errors.As(err, &bad):
		return "is not a date in the form YYYY-MM-DD", nil
	case bad.Days == 0:
		return "has no month {{.Month}}: months go from 01 to 12", map[string]any{"Month": fmt.Sprintf("%02d", bad.Month)}
	case bad.Day == 0:
		return "has no day 00: days start at 01", nil
	}
	return "is past the end of the month: {{.Month}} {{.Year}} has {{.Days}} days", noSuchDayData(bad)
}

// DateSentence says in a sentence, translated, what is wrong with a date
// field that must hold a date: err from ParseDate, or nil when it is
// empty.
func DateSentence(err error) string {
	var bad *dossier.NoSuchDay
	switch {
	case errors.Is(err, dossier.ErrDateRange):
		return lang.L("The date must be between 1900-01-01 and 2199-12-31.")
	case !errors.As(err, &bad):
		return lang.L("Write the date as YYYY-MM-DD.")
	case bad.Days == 0:
		return lang.L("There is no month {{.Month}}: months go from 01 to 12.", map[string]any{"Month": fmt.Sprintf("%02d", bad.Month)})
	case bad.Day == 0:
		return lang.L("There is no day 00: days start at 01.")
	}
	return lang.L("{{.Month}} {{.Year}} has only {{.Days}} days.", noSuchDayData(bad))
}

// noSuchDayData names the month of bad in the user's language, with its
// year and its days.
func noSuchDayData(bad *dossier.NoSuchDay) map[string]any {
	return map[string]any{"Month": lang.L(monthNames[bad.Month-1]), "Year": bad.Year, "Days": bad.Days}
}

// SetDate shows v ("" for the zero Date).
func (d *DateInput) SetDate(v dossier.Date) { d.SetText(v.String()) }

// Touched tracks the fields the user has edited, so that validation as
// you go does not scold fields they have not reached yet. Once all is set
// (an existing record, or after a save was tried) every problem shows.
type Touched struct {
	All    bool
	fields map[string]bool
}

func (t *Touched) Reset(all bool) { t.All, t.fields = all, nil }

func (t *Touched) Mark(field string) {
	if t.fields == nil {
		t.fields = map[string]bool{}
	}
	t.fields[field] = true
}

// Filter keeps the problems of the fields touched.
func (t *Touched) Filter(p dossier.Problems) dossier.Problems {
	if t.All {
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
