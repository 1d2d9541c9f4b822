package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestSortTableHeadingsFit: a column is never narrower than its heading
// with the sort mark, however long the heading is in the desk's language
// ("Следующий тендер" over dates sized for "Next tender").
func TestSortTableHeadingsFit(t *testing.T) {
	test.NewTempApp(t)
	type row struct{ s string }
	rows := []row{{"a"}}
	text := func(r *row) string { return r.s }
	cols := []TableColumn[row]{Col("Следующий тендер", 40, text, nil), Col("ID", 90, text, nil)}
	tbl := NewSortTable(&rows, cols, 0, func(*row) {})
	for i, c := range cols {
		head := widget.NewButton(c.Title+" ▼", nil)
		head.Importance = widget.LowImportance
		if got, need := tbl.Columns[i].Width, head.MinSize().Width; got < need {
			t.Errorf("column %q is %v wide, its heading needs %v", c.Title, got, need)
		}
	}
	if tbl.Columns[1].Width != 90 {
		t.Errorf("a column wider than its heading changed to %v", tbl.Columns[1].Width)
	}
}
