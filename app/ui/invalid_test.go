package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"kamdesk/dossier"
)

// outlinedInRed reports whether o draws a border in the theme's error
// colour.
func outlinedInRed(o fyne.CanvasObject) bool {
	r := test.WidgetRenderer(o.(fyne.Widget))
	r.Refresh() // as the window does when it next draws
	red := theme.Color(theme.ColorNameError)
	for _, c := range r.Objects() {
		if r, ok := c.(*canvas.Rectangle); ok && r.StrokeWidth > 0 && colorEq(r.StrokeColor, red) {
			return true
		}
	}
	return false
}

func colorEq(a, b color.Color) bool {
	if a == nil || b == nil {
		return false
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// TestFieldsWithAProblemAreOutlinedInRed: the forms say "fix the fields
// marked in red"; a field whose value has a problem is outlined in red
// (an entry, a date's entry, a text area) until the problem is gone, and
// a field without one is not.
func TestFieldsWithAProblemAreOutlinedInRed(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(Theme{}) // the test theme draws no input borders
	w := test.NewTempWindow(t, nil)
	name, notes := NewEntry(nil), NewTextArea(nil)
	date := NewDateInput(w, nil)
	var fs FieldSet
	fs.Add(NewField("name", "Name", name))
	fs.Add(NewField("birthday", "Birthday", date.Object()))
	fs.Add(NewField("notes", "Notes", notes))
	other := NewEntry(nil)
	fs.Add(NewField("position", "Position", other))
	w.SetContent(container.NewVBox(fs.Grid()))
	w.Resize(fyne.NewSize(600, 500))

	var pr dossier.Problems
	pr.Add("name", "is required", nil)
	pr.Add("birthday", "has no month 13", nil)
	pr.Add("notes", "is too long (at most {{.Max}} characters)", map[string]any{"Max": 4000})
	fs.ShowProblems(pr.Err())
	for _, c := range []struct {
		field string
		o     fyne.CanvasObject
	}{{"name", name}, {"birthday", date.Entry}, {"notes", notes}} {
		if !outlinedInRed(c.o) {
			t.Errorf("the %s field has a problem and is not outlined in red", c.field)
		}
	}
	if outlinedInRed(other) {
		t.Error("a field without a problem is outlined in red")
	}
	fs.ShowProblems(nil)
	for _, o := range []fyne.CanvasObject{name, date.Entry, notes} {
		if outlinedInRed(o) {
			t.Errorf("%T stays red once its problem is gone", o)
		}
	}
}

// TestMessagesDoNotMoveTheFields: a message appearing under a field (the
// user left it empty) leaves every field of the form where it was, the
// one under the pointer included.
func TestMessagesDoNotMoveTheFields(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var fs FieldSet
	inputs := map[string]*Entry{}
	for _, name := range []string{"name", "position", "email", "phone"} {
		inputs[name] = NewEntry(nil)
		fs.Add(NewField(name, name, inputs[name]))
	}
	w.SetContent(container.NewVBox(fs.Grid()))
	w.Resize(fyne.NewSize(600, 500))
	at := func() map[string]fyne.Position {
		out := map[string]fyne.Position{}
		for name, e := range inputs {
			out[name] = fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
		}
		return out
	}
	before := at()
	var pr dossier.Problems
	pr.Add("name", "is required", nil)
	pr.Add("email", "is not an e-mail address such as anna@example.com", nil)
	fs.ShowProblems(pr.Err())
	w.Content().Refresh()
	w.Resize(fyne.NewSize(601, 500)) // laid out again
	if got := at(); got["position"] != before["position"] || got["phone"] != before["phone"] || got["email"] != before["email"] {
		t.Errorf("the messages moved the fields: before %v, after %v", before, got)
	}
	if fs.MessageOf("name") != "is required" {
		t.Errorf("the name says %q", fs.MessageOf("name"))
	}
}
