// The Markdown export is as safe as the HTML export.

package proposal

import (
	"slices"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A Markdown file is opened in viewers that render raw HTML and follow
// any link. So what the HTML export refuses never reaches the Markdown
// export either: safeMarkdown parses the text exactly as the HTML export
// does and removes, in the source,
//
//   - raw HTML, inline and in blocks, and the content of inline <script>,
//     <style> and the like (as dropRawContent does);
//   - the brackets and destination of a link the URL policy refuses
//     (javascript:, data:, relative...), keeping its text, and the
//     definitions of such links ("[x]: javascript:...");
//   - an image that is not a data: raster image, keeping its alt text;
//   - an <autolink> the URL policy refuses, keeping its text, escaped;
//   - the info string of a fenced code block beyond its language, reduced
//     as the HTML export reduces it (a viewer writes it into an attribute);
//
// and cleans the text as htmlCleanText does (controls, bidirectional
// controls, invisible characters). Everything else stays byte for byte:
// a proposal without such things exports exactly as before. Removing can
// make something new (the "<" before a refused link meeting the link's
// text), so the text is parsed again until nothing is left to remove; a
// text that does not settle in a few rounds is exported as plain text.

// maxSafeMarkdownRounds bounds the rounds of safeMarkdown; each round
// only removes, and real text settles in one.
const maxSafeMarkdownRounds = 4

// safeMarkdown returns md without what the HTML export would not render
// as it is (see above).
func safeMarkdown(md string) string {
	md = htmlCleanText(md)
	if !strings.ContainsAny(md, "<[`~") {
		return md // no HTML, link, image, autolink or code fence: nothing to parse for
	}
	for range maxSafeMarkdownRounds {
		edits, ok := unsafeSpans(md)
		if !ok {
			break
		}
		if len(edits) == 0 {
			return md
		}
		md = applyEdits(md, edits)
	}
	if edits, ok := unsafeSpans(md); ok && len(edits) == 0 {
		return md
	}
	return EscapeMarkdown(md)
}

// edit replaces md[start:end] with repl.
type edit struct {
	start, end int
	repl       string
}

// applyEdits applies edits, sorted or not; of edits starting at the same
// place the longest wins, and an edit that overlaps one applied before it
// (a link inside removed <script> content) is skipped.
func applyEdits(md string, edits []edit) string {
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var out []byte
	pos := 0
	for _, e := range edits {
		if e.start < pos || e.end < e.start || e.end > len(md) {
			continue
		}
		out = append(out, md[pos:e.start]...)
		out = append(out, e.repl...)
		pos = e.end
	}
	return string(append(out, md[pos:]...))
}

// unsafeSpans lists the edits that make md safe, parsed as the HTML
// export parses it, and false when a link is not where the parser says
// it is (then only plain text is safe).
func unsafeSpans(md string) (edits []edit, ok bool) {
	src := []byte(md)
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := safetyParser().Parse(text.NewReader(src), parser.WithContext(pc))
	spans, _ := pc.Get(linkSpansKey).(map[ast.Node]linkSpan)
	ok = true
	// linkAt reports whether the source has the opener of a link (or
	// image) at start and the end of its text at sp.close.
	linkAt := func(start int, opener string, sp linkSpan) bool {
		good := start >= 0 && sp.close >= start+len(opener) && sp.end > sp.close && sp.end <= len(src) &&
			string(src[start:start+len(opener)]) == opener && src[sp.close] == ']'
		ok = ok && good
		return good
	}
	var raws []*ast.RawHTML
	del := func(start, end int) { edits = append(edits, edit{start: start, end: end}) }
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				del(seg.Start, seg.Start+len(trimNewline(seg.Value(src))))
			}
			if n.HasClosure() {
				seg := n.ClosureLine
				del(seg.Start, seg.Start+len(trimNewline(seg.Value(src))))
			}
			return ast.WalkSkipChildren, nil
		case *ast.LinkReferenceDefinition:
			if !allowedLink(string(util.URLEscape(n.Destination, true))) {
				lines := n.Lines()
				for i := range lines.Len() {
					seg := lines.At(i)
					del(seg.Start, seg.Start+len(trimNewline(seg.Value(src))))
				}
			}
		case *ast.FencedCodeBlock:
			// a viewer writes the info string into an attribute: keep the
			// language as the HTML export does, drop the rest
			if n.Info != nil {
				seg := n.Info.Segment
				if lang := codeLanguage(n.Language(src)); string(seg.Value(src)) != lang {
					edits = append(edits, edit{seg.Start, seg.Stop, lang})
				}
			}
		case *ast.RawHTML:
			raws = append(raws, n)
			for i := range n.Segments.Len() {
				seg := n.Segments.At(i)
				del(seg.Start, seg.Stop)
			}
		case *ast.Link:
			if allowedLink(string(util.URLEscape(n.Destination, true))) {
				break
			}
			if sp := spans[n]; linkAt(n.Pos(), "[", sp) {
				del(n.Pos(), n.Pos()+1)
				del(sp.close, sp.end)
			}
		case *ast.Image:
			if allowedImage(string(util.URLEscape(n.Destination, true))) {
				break
			}
			if sp := spans[n]; linkAt(n.Pos(), "![", sp) {
				del(n.Pos(), n.Pos()+2)
				del(sp.close, sp.end)
			}
		case *ast.AutoLink:
			start := n.Pos()
			label := n.Label(src)
			end := start + len(label) + 2
			if start < 0 || end > len(src) || src[start] != '<' || src[end-1] != '>' {
				return ast.WalkContinue, nil // a bare URL found by linkify: plain text to a viewer
			}
			raw := n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail {
				raw = append([]byte("mailto:"), raw...)
			}
			if !allowedLink(string(util.URLEscape(raw, false))) {
				edits = append(edits, edit{start, end, EscapeMarkdown(string(label))})
			}
		}
		return ast.WalkContinue, nil
	})
	// The content of an inline <script> or <style> goes with its tags.
	for _, p := range rawContentPairs(raws, src) {
		first, last := p[0].Segments, p[1].Segments
		if first.Len() > 0 && last.Len() > 0 {
			del(first.At(0).Start, last.At(last.Len()-1).Stop)
		}
	}
	return edits, ok
}

func trimNewline(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

// safetyParser parses as htmlMarkdown does, and records where each link
// and image ends in the source (see spanLinkParser).
var safetyParser = sync.OnceValue(func() parser.Parser {
	inline := parser.DefaultInlineParsers()
	for i, v := range inline {
		if v.Value == parser.NewLinkParser() {
			inline[i] = util.Prioritized(spanLinkParser{v.Value.(parser.InlineParser)}, v.Priority)
		}
	}
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inline...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	return goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignStyle)),
			extension.Strikethrough,
			extension.TaskList,
			extension.Linkify,
			extension.Typographer,
		),
	).Parser()
})

// linkSpan is where the source of a link or image continues after its
// text: close is the "]" that ends the text, end the first byte after the
// destination, title or reference label.
type linkSpan struct{ close, end int }

var linkSpansKey = parser.NewContextKey()

// spanLinkParser is goldmark's link parser, recording the linkSpan of
// every link and image it makes in the parser context: the AST knows
// where a link starts (Pos) but not where it ends.
type spanLinkParser struct{ parser.InlineParser }

func (s spanLinkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	_, before := block.Position()
	n := s.InlineParser.Parse(parent, block, pc)
	switch n.(type) {
	case *ast.Link, *ast.Image:
		_, after := block.Position()
		spans, _ := pc.Get(linkSpansKey).(map[ast.Node]linkSpan)
		if spans == nil {
			spans = map[ast.Node]linkSpan{}
			pc.Set(linkSpansKey, spans)
		}
		spans[n] = linkSpan{close: before.Start, end: after.Start}
	}
	return n
}

func (s spanLinkParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if cb, ok := s.InlineParser.(parser.CloseBlocker); ok {
		cb.CloseBlock(parent, block, pc)
	}
}
