// The preview's tables: GFM tables as grids with aligned cells.

package preview

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	east "github.com/yuin/goldmark/extension/ast"
)

// ---- tables ----

// table renders a GFM table as a grid: the header row in bold on the
// accent colour, cells aligned as the export aligns them (numeric columns
// to the right), a rule under each row, every other body row tinted, and
// a heavier rule above a final bold total row.
func (r *mdPreview) table(t *east.Table) fyne.CanvasObject {
	cols := len(t.Alignments)
	var rows [][]fyne.CanvasObject
	var header []bool
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		isHead := row.Kind() == east.KindTableHeader
		cells := make([]fyne.CanvasObject, cols)
		i := 0
		for c := row.FirstChild(); c != nil && i < cols; c = c.NextSibling() {
			cell, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			st := mdStyle{align: mdCellAlign(cell.Alignment)}
			if isHead {
				st.bold = true
				st.color = theme.ColorNameForegroundOnPrimary
			}
			in := &mdInlineRun{src: r.src}
			in.children(cell, st)
			in.flush(fyne.TextWrapOff)
			cells[i] = widget.NewRichText()
			if len(in.out) > 0 {
				cells[i] = in.out[0]
			}
			i++
		}
		for ; i < cols; i++ {
			cells[i] = widget.NewRichText()
		}
		rows = append(rows, cells)
		header = append(header, isHead)
	}
	return newMDTable(rows, header)
}

func mdCellAlign(a east.Alignment) fyne.TextAlign {
	switch a {
	case east.AlignRight:
		return fyne.TextAlignTrailing
	case east.AlignCenter:
		return fyne.TextAlignCenter
	}
	return fyne.TextAlignLeading
}

// newMDTable lays out rows of cells with their grounds and rules.
func newMDTable(rows [][]fyne.CanvasObject, header []bool) fyne.CanvasObject {
	l := &mdTableLayout{rows: len(rows)}
	if len(rows) > 0 {
		l.cols = len(rows[0])
	}
	var grounds, rules, cells []fyne.CanvasObject
	body := 0
	for i, row := range rows {
		var fill color.Color = color.Transparent
		switch {
		case header[i]:
			fill = theme.Color(theme.ColorNamePrimary)
		default:
			body++
			if body%2 == 0 {
				fill = theme.Color(theme.ColorNameInputBackground)
			}
		}
		grounds = append(grounds, canvas.NewRectangle(fill))
		rule := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
		if i == len(rows)-2 && !header[len(rows)-1] && mdRowIsBold(rows[len(rows)-1]) {
			rule.FillColor = theme.Color(theme.ColorNameForeground)
			l.heavy = true
		}
		rules = append(rules, rule)
		cells = append(cells, row...)
	}
	objs := append(append(grounds, rules...), cells...)
	return container.New(l, objs...)
}

// mdRowIsBold reports whether a row holds bold text: the total line.
func mdRowIsBold(row []fyne.CanvasObject) bool {
	for _, c := range row {
		if rt, ok := c.(*widget.RichText); ok {
			for _, s := range rt.Segments {
				if t, ok := s.(*widget.TextSegment); ok && t.Style.TextStyle.Bold && strings.TrimSpace(t.Text) != "" {
					return true
				}
			}
		}
	}
	return false
}

// mdTableLayout places a table's objects: one ground per row, one rule per
// row, then the cells row by row. Columns are as wide as their widest
// cell; extra width goes to the columns that are not right-aligned.
type mdTableLayout struct {
	rows, cols int
	heavy      bool // the rule above the last row is heavier
}

func (l *mdTableLayout) measure(objs []fyne.CanvasObject) (colW, rowH []float32) {
	colW, rowH = make([]float32, l.cols), make([]float32, l.rows)
	cells := objs[2*l.rows:]
	for r := range l.rows {
		for c := range l.cols {
			m := cells[r*l.cols+c].MinSize()
			colW[c] = max(colW[c], m.Width)
			rowH[r] = max(rowH[r], m.Height)
		}
	}
	return colW, rowH
}

func (l *mdTableLayout) ruleHeight(r int) float32 {
	if l.heavy && r == l.rows-2 {
		return 2
	}
	return 1
}

func (l *mdTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	colW, rowH := l.measure(objs)
	var s fyne.Size
	for _, w := range colW {
		s.Width += w
	}
	for r, h := range rowH {
		s.Height += h + l.ruleHeight(r)
	}
	return s
}

func (l *mdTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	colW, rowH := l.measure(objs)
	min := l.MinSize(objs)
	cells := objs[2*l.rows:]
	if extra := size.Width - min.Width; extra > 0 && l.cols > 0 {
		var flexible []int
		for c := range l.cols {
			if !mdColumnTrailing(cells, l.cols, l.rows, c) {
				flexible = append(flexible, c)
			}
		}
		if len(flexible) == 0 {
			flexible = []int{l.cols - 1}
		}
		for _, c := range flexible {
			colW[c] += extra / float32(len(flexible))
		}
	}
	var y float32
	for r := range l.rows {
		ground, rule := objs[r], objs[l.rows+r]
		ground.Move(fyne.NewPos(0, y))
		ground.Resize(fyne.NewSize(size.Width, rowH[r]))
		var x float32
		for c := range l.cols {
			cell := cells[r*l.cols+c]
			cell.Move(fyne.NewPos(x, y))
			cell.Resize(fyne.NewSize(colW[c], rowH[r]))
			x += colW[c]
		}
		y += rowH[r]
		rule.Move(fyne.NewPos(0, y))
		rule.Resize(fyne.NewSize(size.Width, l.ruleHeight(r)))
		y += l.ruleHeight(r)
	}
}

// TableCells returns the cells of o, row by row, when o is a table of the
// preview (ok is false for anything else): how its tables are read back.
func TableCells(o fyne.CanvasObject) (cells []*widget.RichText, ok bool) {
	box, ok := o.(*fyne.Container)
	if !ok {
		return nil, false
	}
	l, ok := box.Layout.(*mdTableLayout)
	if !ok {
		return nil, false
	}
	for _, c := range box.Objects[2*l.rows:] {
		cells = append(cells, c.(*widget.RichText))
	}
	return cells, true
}

// mdColumnTrailing reports whether the body cells of column c are aligned
// to the trailing side (numbers).
func mdColumnTrailing(cells []fyne.CanvasObject, cols, rows, c int) bool {
	for r := range rows {
		if rt, ok := cells[r*cols+c].(*widget.RichText); ok && len(rt.Segments) > 0 {
			switch s := rt.Segments[0].(type) {
			case *widget.TextSegment:
				return s.Style.Alignment == fyne.TextAlignTrailing
			case *widget.HyperlinkSegment:
				return s.Alignment == fyne.TextAlignTrailing
			}
		}
	}
	return false
}
