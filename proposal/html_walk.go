package proposal

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// attrDir and attrAuto are dir="auto", set on every block of text: made
// once, not twice per block.
var (
	attrDir = []byte("dir")
	// attrAuto is boxed once: a []byte made an any at every call was an
	// allocation per block.
	attrAuto any = []byte("auto")
)

// nextNode is the node after n in document order below doc, but for the
// inline nodes of a block whose text has no "<": only raw HTML among them
// matters to Transform, and it needs one. Skipping them halves the walk
// (ast.Walk over every inline node was a twentieth of an export).
func nextNode(doc, n ast.Node, src []byte) ast.Node {
	if c := n.FirstChild(); c != nil && (c.Type() != ast.TypeInline || mayHoldHTML(n, src)) {
		return c
	}
	for ; n != doc; n = n.Parent() {
		if s := n.NextSibling(); s != nil {
			return s
		}
	}
	return nil
}

// mayHoldHTML reports whether the inline contents of block b may hold raw
// HTML: its lines have a "<", or it has no lines to tell.
func mayHoldHTML(b ast.Node, src []byte) bool {
	if b.Type() != ast.TypeBlock {
		return true
	}
	lines := b.Lines()
	if lines.Len() == 0 {
		return true
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(src), '<') >= 0 {
			return true
		}
	}
	return false
}
