package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// tableColumn is a column of a sortTable of rows R.
type tableColumn[R any] struct {
	title string
	width float32
	cell  func(r *R) (string, widget.Importance) // the text and its colour
	cmp   func(a, b *R) int                      // the column's order, ascending
}

// col makes a column that shows text in the usual colour and sorts by cmp.
func col[R any](title string, width float32, text func(r *R) string, cmp func(a, b *R) int) tableColumn[R] {
	cell := func(r *R) (string, widget.Importance) { return text(r), widget.MediumImportance }
	return tableColumn[R]{title: title, width: width, cell: cell, cmp: cmp}
}

// text is what the column shows for r.
func (c tableColumn[R]) text(r *R) string {
	s, _ := c.cell(r)
	return s
}

// sortTable is a table of rows under column headers that sort it: tapping
// a header sorts by that column, tapping it again reverses the order.
// Arrows move the focus, Space or Enter opens the focused row, as does a
// click (the accounts, people and proposals lists).
type sortTable[R any] struct {
	widget.Table
	columns []tableColumn[R]
	rows    *[]R
	sortBy  int               // the column sorted on; -1 keeps the order the rows came in
	desc    bool              // descending
	tie     func(a, b *R) int // orders rows the column finds equal; nil keeps their order
}

// newSortTable shows *rows under columns, sorted on column sortBy (-1 for
// none); selecting a row calls open with it.
func newSortTable[R any](rows *[]R, columns []tableColumn[R], sortBy int, open func(r *R)) *sortTable[R] {
	t := &sortTable[R]{columns: columns, rows: rows, sortBy: sortBy}
	t.Length = func() (int, int) { return len(*t.rows), len(t.columns) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		text, imp := t.columns[id.Col].cell(&(*t.rows)[id.Row])
		l := o.(*widget.Label)
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
		title := t.columns[id.Col].title
		if id.Col == t.sortBy {
			if t.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { t.onSort(col) }
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(*t.rows) {
			open(&(*t.rows)[id.Row])
		}
	}
	t.ExtendBaseWidget(t)
	for i, c := range columns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}

// TypedKey treats Return and Enter like Space: open the focused row.
// (Fyne's Table selects the focused cell on Space.)
func (t *sortTable[R]) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		k = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical}
	}
	t.Table.TypedKey(k)
}

// onSort sorts on col, reversing the order when it is sorted on col
// already.
func (t *sortTable[R]) onSort(col int) {
	if t.sortBy == col {
		t.desc = !t.desc
	} else {
		t.sortBy, t.desc = col, false
	}
	t.sort()
	t.Refresh()
}

// sort puts the rows in the chosen order; call it after changing them.
func (t *sortTable[R]) sort() {
	if t.sortBy < 0 {
		return
	}
	cmp := t.columns[t.sortBy].cmp
	slices.SortStableFunc(*t.rows, func(a, b R) int {
		c := cmp(&a, &b)
		if c == 0 && t.tie != nil {
			c = t.tie(&a, &b)
		}
		if t.desc {
			c = -c
		}
		return c
	})
}
