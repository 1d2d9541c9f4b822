package proposal

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// PlainText is the text a reader sees of Markdown md, on one line: the
// markup gone (emphasis, links, headings, list marks, escapes), blocks
// and list items parted by " · " after a heading or a table cell and by a
// space elsewhere. The builder shows it on a closed section, so that a
// section reads as the client will read it, not as "**Dear** {{...}}".
func PlainText(md string) string {
	src := []byte(htmlCleanText(md))
	doc := htmlMarkdown().Parser().Parse(text.NewReader(src))
	var b strings.Builder
	sep := ""
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(sep)
				sep = ""
				b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
				if c.SoftLineBreak() || c.HardLineBreak() {
					sep = " "
				}
				continue
			case *ast.String: // the typographer's quotes and dashes, as HTML entities
				b.WriteString(sep)
				sep = ""
				b.WriteString(html.UnescapeString(string(c.Value)))
				continue
			case *ast.AutoLink:
				b.WriteString(sep)
				sep = ""
				b.Write(c.Label(src))
				continue
			case *ast.CodeSpan:
				b.WriteString(sep)
				sep = ""
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if s, ok := t.(*ast.Text); ok {
						b.Write(s.Segment.Value(src))
					}
				}
				continue
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					b.WriteString(sep)
					seg := lines.At(i)
					b.WriteString(strings.TrimRight(string(seg.Value(src)), "\n"))
					sep = " "
				}
				continue
			case *ast.HTMLBlock, *ast.RawHTML:
				continue // never shown: the export leaves raw HTML out
			}
			walk(c)
			if b.Len() == 0 {
				continue
			}
			switch c.(type) {
			case *ast.Heading, *east.TableCell:
				sep = " · "
			default:
				if c.Type() == ast.TypeBlock && sep == "" {
					sep = " "
				}
			}
		}
	}
	walk(doc)
	return strings.Join(strings.Fields(b.String()), " ")
}
