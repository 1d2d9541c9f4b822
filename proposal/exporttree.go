package proposal

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The HTML export's Markdown tree, for renderers of other media (the
// desktop preview) that must show exactly what the export shows.

// ParseMarkdown parses md exactly as the HTML export does: the same
// cleaning of the text, the same goldmark extensions (GFM tables,
// strikethrough, task lists, linkify, typographer) and the same structure
// (see the top of html.go). It returns the tree and the source its
// segments point into.
//
// In the tree, raw HTML nodes stay (the export renders them as nothing,
// and so must any other renderer), the content of inline <script> and
// <style> elements is already gone, numeric table columns carry
// AlignRight, and level-2 headings with what follows them sit in section
// nodes (see SectionClass), the closing credits and validity sections in
// a closing node (see IsClosing).
func ParseMarkdown(md string) (ast.Node, []byte) {
	src := []byte(htmlCleanText(md))
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := htmlMarkdown().Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	return doc, src
}

// SectionClass reports whether n is a section node of a tree from
// ParseMarkdown, and its class: "credits" for "Prepared by", "validity"
// for "Validity" or "Valid until…", else "".
func SectionClass(n ast.Node) (class string, ok bool) {
	s, ok := n.(*htmlSection)
	if !ok {
		return "", false
	}
	return s.class, true
}

// IsClosing reports whether n is the node of a tree from ParseMarkdown
// that holds the credits and validity sections ending the document, which
// the export shows together as one closing panel.
func IsClosing(n ast.Node) bool {
	_, ok := n.(*htmlClosing)
	return ok
}
