package proposal

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Every paragraph, list item and table cell is written with dir="auto"
// (each takes its text direction from its own text) by these renderers,
// which write what goldmark's would for the node with that attribute
// first. Setting the attribute on each node instead made goldmark give
// each a list of ten attributes: a third of the structure pass, an
// allocation and 400 bytes of new memory for every cell of every table.
// Headings and quotes, few, still get it as an attribute (htmlStructure).

func renderParagraph(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<p dir="auto"`)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ParagraphAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func renderListItem(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</li>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<li dir="auto"`)
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.ListItemAttributeFilter)
	}
	_ = w.WriteByte('>')
	if fc := n.FirstChild(); fc != nil {
		if _, ok := fc.(*ast.TextBlock); !ok {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

// renderTableCell writes a cell as the table extension does with
// TableCellAlignStyle: its alignment as a style. Cells carry no
// attributes of their own (the extension sets none, and no attribute
// syntax is enabled).
func renderTableCell(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag := "td"
	if n.Parent() != nil && n.Parent().Kind() == east.KindTableHeader {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag + ` dir="auto"`)
	if n.Alignment != east.AlignNone {
		_, _ = w.WriteString(` style="text-align:` + n.Alignment.String() + `"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
