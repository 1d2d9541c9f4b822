package ui

import (
	"math"
	"slices"

	"kamdesk/dossier"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TableColumn is a column of a sortTable of rows R.
type TableColumn[R any] struct {
	Title string
	Width float32
	Cell  func(r *R) (string, widget.Importance) // the text and its colour
	Cmp   func(a, b *R) int                      // the column's order, ascending
}

// Col makes a column that shows text in the usual colour and sorts by cmp.
func Col[R any](title string, width float32, text func(r *R) string, cmp func(a, b *R) int) TableColumn[R] {
	cell := func(r *R) (string, widget.Importance) { return text(r), widget.MediumImportance }
	return TableColumn[R]{Title: title, Width: width, Cell: cell, Cmp: cmp}
}

// ColorCol makes a column whose cell says its text and its colour.
func ColorCol[R any](title string, width float32, cell func(r *R) (string, widget.Importance), cmp func(a, b *R) int) TableColumn[R] {
	return TableColumn[R]{Title: title, Width: width, Cell: cell, Cmp: cmp}
}

// Text is what the column shows for r.
func (c TableColumn[R]) Text(r *R) string {
	s, _ := c.Cell(r)
	return s
}

// SortTable is a table of rows under column headers that sort it: tapping
// a header sorts by that column, tapping it again reverses the order.
// Arrows move the focus, Space or Enter opens the focused row, as does a
// click (the accounts, people and proposals lists).
type SortTable[R any] struct {
	widget.Table
	Columns []TableColumn[R]
	rows    *[]R
	sortBy  int               // the column sorted on; -1 keeps the order the rows came in
	desc    bool              // descending
	Tie     func(a, b *R) int // orders rows the column finds equal; nil keeps their order
	filled  float32           // the width the columns were last made to fill
}

// NewSortTable shows *rows under columns, sorted on column sortBy (-1 for
// none); selecting a row calls open with it.
func NewSortTable[R any](rows *[]R, columns []TableColumn[R], sortBy int, open func(r *R)) *SortTable[R] {
	t := &SortTable[R]{Columns: columns, rows: rows, sortBy: sortBy}
	t.Length = func() (int, int) { return len(*t.rows), len(t.Columns) }
	t.CreateCell = func() fyne.CanvasObject { return NewFitLabel("") }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		text, imp := t.Columns[id.Col].Cell(&(*t.rows)[id.Row])
		l := o.(*FitLabel)
		l.Importance = imp
		l.SetText(text)
	}
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 {
			return
		}
		b := o.(*widget.Button)
		title := t.Columns[id.Col].Title
		if id.Col == t.sortBy {
			if t.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { t.OnSort(col) }
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(*t.rows) {
			open(&(*t.rows)[id.Row])
		}
	}
	t.ExtendBaseWidget(t)
	for i := range t.Columns {
		// never narrower than its heading with the sort mark: headings
		// are longer in some languages ("Следующий тендер")
		head := widget.NewButton(t.Columns[i].Title+" ▼", nil)
		head.Importance = widget.LowImportance
		t.Columns[i].Width = max(t.Columns[i].Width, float32(math.Ceil(float64(head.MinSize().Width))))
		t.SetColumnWidth(i, t.Columns[i].Width)
	}
	return t
}

// Resize fills the width the table is given: when it is wider than its
// columns need, the columns grow (the wide ones most), so a
// window on a large monitor shows long names and next steps whole instead
// of an empty band on the right. A column the user widened by dragging its
// header's edge keeps its width until the table is resized.
func (t *SortTable[R]) Resize(s fyne.Size) {
	if s.Width != t.filled {
		t.filled = s.Width
		for i, w := range t.fillWidths(s.Width) {
			t.SetColumnWidth(i, w)
		}
	}
	t.Table.Resize(s)
}

// fillWidths are the columns' widths in a table width wide: their own
// widths, and the room left over shared in proportion to the square of
// each width, so that the wide columns of names and titles get most of it
// and a column of dates or percentages little.
func (t *SortTable[R]) fillWidths(width float32) []float32 {
	var sum, squares float32
	for _, c := range t.Columns {
		sum += c.Width
		squares += c.Width * c.Width
	}
	// the table puts a padding's width between columns, and keeps room
	// for its vertical scroll bar
	extra := width - float32(len(t.Columns))*theme.Padding() - theme.ScrollBarSize() - sum
	out := make([]float32, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Width
		if extra > 0 && squares > 0 {
			out[i] = float32(math.Floor(float64(c.Width + extra*c.Width*c.Width/squares)))
		}
	}
	return out
}

// TypedKey treats Return and Enter like Space: open the focused row.
// (Fyne's Table selects the focused cell on Space.)
func (t *SortTable[R]) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		k = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical}
	}
	t.Table.TypedKey(k)
}

// OnSort sorts on col, reversing the order when it is sorted on col
// already.
func (t *SortTable[R]) OnSort(col int) {
	if t.sortBy == col {
		t.desc = !t.desc
	} else {
		t.sortBy, t.desc = col, false
	}
	t.Sort()
	t.Refresh()
}

// Sort puts the rows in the chosen order; call it after changing them.
func (t *SortTable[R]) Sort() { t.Order()(*t.rows) }

// Order returns a function that puts rows in the order the table is
// sorted in now. It touches no widget: background work may call it.
func (t *SortTable[R]) Order() func(rows []R) {
	if t.sortBy < 0 {
		return func([]R) {}
	}
	cmp, tie, desc := t.Columns[t.sortBy].Cmp, t.Tie, t.desc
	return func(rows []R) {
		// Sort the positions, not the rows: a row can be big to copy.
		at := make([]int32, len(rows))
		for i := range at {
			at[i] = int32(i)
		}
		slices.SortStableFunc(at, func(i, j int32) int {
			a, b := &rows[i], &rows[j]
			c := cmp(a, b)
			if c == 0 && tie != nil {
				c = tie(a, b)
			}
			if desc {
				c = -c
			}
			return c
		})
		sorted := make([]R, len(rows))
		for i, k := range at {
			sorted[i] = rows[k]
		}
		copy(rows, sorted)
	}
}

// CompareDates orders dates for a sortable column; unset dates sort
// last.
func CompareDates(a, b dossier.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Time().Compare(b.Time())
}
