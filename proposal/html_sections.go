// The structure of the HTML export: sections, the closing block and heading IDs.

package proposal

import (
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func renderHTMLSection(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</section>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*htmlSection)
	if n.class != "" {
		_, _ = w.WriteString(`<section class="` + n.class + "\">\n")
	} else {
		_, _ = w.WriteString("<section>\n")
	}
	return ast.WalkContinue, nil
}

func renderHTMLClosing(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"closing\">\n")
	} else {
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// ---- structure ----

var (
	kindHTMLSection = ast.NewNodeKind("KamdeskSection")
	kindHTMLClosing = ast.NewNodeKind("KamdeskClosing")
)

// htmlSection is a level-2 heading and what follows it.
type htmlSection struct {
	ast.BaseBlock
	class string // "", "credits" or "validity"
}

func (n *htmlSection) Kind() ast.NodeKind { return kindHTMLSection }

func (n *htmlSection) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Class": n.class}, nil)
}

// htmlClosing holds the credits and validity sections that end the document.
type htmlClosing struct{ ast.BaseBlock }

func (n *htmlClosing) Kind() ast.NodeKind { return kindHTMLClosing }

func (n *htmlClosing) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

var htmlTitleKey = parser.NewContextKey()

// htmlStructure gives headings and quotes their own text direction
// (paragraphs, list items and cells get it as they are written,
// html_dir.go), right-aligns
// numeric table columns, and builds the sections described at the top of
// this file.
type htmlStructure struct{}

func (htmlStructure) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if title, ok := pc.Get(htmlTitleKey).(string); ok {
		if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 && sameWords(astText(h, src), title) {
			doc.RemoveChild(doc, h)
		}
	}
	var raws []*ast.RawHTML
	for n := doc.FirstChild(); n != nil; n = nextNode(doc, n, src) {
		switch n := n.(type) {
		case *ast.Heading, *ast.Blockquote: // paragraphs, list items, cells: html_dir.go
			n.SetAttribute(attrDir, attrAuto)
		case *east.Table:
			alignNumericColumns(n, src)
		case *ast.RawHTML:
			raws = append(raws, n)
		}
	}
	dropRawContent(raws, src)
	for _, n := range raws {
		dropRawParagraph(n.Parent())
	}
	wrapSections(doc, src)
}

// rawContentRE matches the inline tags whose content is code or markup,
// not text; rawCloseRE their closing tags.
var (
	rawContentRE = lazyRegexp(`(?i)^<(script|style|title|iframe|noscript|noembed|noframes|xmp|svg)[\s/>]`)
	rawCloseRE   = lazyRegexp(`(?i)^</(script|style|title|iframe|noscript|noembed|noframes|xmp|svg)\s*>`)
)

// dropRawContent removes what lies between an inline <script>, <style> and
// the like and its closing tag in the same paragraph, so that their code
// does not show as text; raw HTML itself is never rendered. An opening tag
// without its closing tag removes nothing. raws are the raw HTML nodes in
// document order.
func dropRawContent(raws []*ast.RawHTML, src []byte) {
	for _, p := range rawContentPairs(raws, src) {
		parent, end := p[0].Parent(), ast.Node(p[1])
		for c := p[0].NextSibling(); c != nil && c != end; {
			after := c.NextSibling()
			parent.RemoveChild(parent, c)
			c = after
		}
	}
}

// rawContentPairs pairs each inline <script>, <style> and the like among
// raws (raw HTML nodes in document order) with the first closing tag of
// the same element among its later siblings; an opening tag between the
// two belongs to the content and opens nothing.
//
// The work is linear: the raw nodes of each parent are looked at once,
// and an opening tag finds its closing tag in a list made beforehand
// (scanning the siblings for it made 10,000 unclosed tags in one
// paragraph take seconds).
func rawContentPairs(raws []*ast.RawHTML, src []byte) [][2]*ast.RawHTML {
	type tag struct {
		n     *ast.RawHTML
		name  string // the element, lowercase
		close bool
	}
	byParent := map[ast.Node][]tag{}
	var parents []ast.Node
	for _, n := range raws {
		v := rawValue(n, src)
		var t tag
		if m := rawContentRE().FindSubmatch(v); m != nil {
			t = tag{n, strings.ToLower(string(m[1])), false}
		} else if m := rawCloseRE().FindSubmatch(v); m != nil {
			t = tag{n, strings.ToLower(string(m[1])), true}
		} else {
			continue
		}
		p := n.Parent()
		if _, seen := byParent[p]; !seen {
			parents = append(parents, p)
		}
		byParent[p] = append(byParent[p], t)
	}
	var pairs [][2]*ast.RawHTML
	for _, parent := range parents {
		tags := byParent[parent]
		// closes[name] lists the indexes in tags of the element's closing
		// tags in order; next[name] is the first of them not passed yet.
		closes := map[string][]int{}
		for i, t := range tags {
			if t.close {
				closes[t.name] = append(closes[t.name], i)
			}
		}
		next := map[string]int{}
		for i := 0; i < len(tags); i++ {
			t := tags[i]
			if t.close {
				continue
			}
			cs, k := closes[t.name], next[t.name]
			for k < len(cs) && cs[k] < i {
				k++
			}
			next[t.name] = k
			if k == len(cs) {
				continue // not closed: nothing is removed
			}
			pairs = append(pairs, [2]*ast.RawHTML{t.n, tags[cs[k]].n})
			i = cs[k] // the tags in between are content
		}
	}
	return pairs
}

// dropRawParagraph removes p when it is a paragraph of raw HTML only,
// which would render empty.
func dropRawParagraph(p ast.Node) {
	if p == nil || p.Kind() != ast.KindParagraph || p.Parent() == nil {
		return
	}
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindRawHTML {
			return
		}
	}
	p.Parent().RemoveChild(p.Parent(), p)
}

func rawValue(n *ast.RawHTML, src []byte) []byte {
	var b []byte
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

// wrapSections moves each level-2 heading and the blocks after it into a
// section, then wraps the closing sections.
func wrapSections(doc *ast.Document, src []byte) {
	var cur *htmlSection
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		h, isHeading := n.(*ast.Heading)
		switch {
		case isHeading && h.Level == 2:
			cur = &htmlSection{class: closingClass(astText(h, src))}
			doc.InsertBefore(doc, n, cur)
			doc.RemoveChild(doc, n)
			cur.AppendChild(cur, n)
		case isHeading && h.Level == 1:
			cur = nil
		case cur != nil:
			doc.RemoveChild(doc, n)
			cur.AppendChild(cur, n)
		}
		n = next
	}
	var first ast.Node
	for n := doc.LastChild(); n != nil; n = n.PreviousSibling() {
		if s, ok := n.(*htmlSection); !ok || s.class == "" {
			break
		}
		first = n
	}
	if first == nil {
		return
	}
	c := &htmlClosing{}
	doc.InsertBefore(doc, first, c)
	for n := c.NextSibling(); n != nil; {
		next := n.NextSibling()
		doc.RemoveChild(doc, n)
		c.AppendChild(c, n)
		n = next
	}
}

// closingClass recognises the credits and validity headings, in every
// language a proposal is written in.
func closingClass(heading string) string {
	h := strings.ToLower(strings.TrimSpace(heading))
	h = strings.TrimSpace(strings.TrimRight(h, ":."))
	for _, w := range wordsOf {
		validity := strings.ToLower(w.validity)
		until, _, _ := strings.Cut(strings.ToLower(w.validUntil), "{")
		switch {
		case strings.HasPrefix(h, strings.ToLower(w.credits)):
			return "credits"
		case h == validity || strings.HasPrefix(h, validity+" ") || strings.HasPrefix(h, strings.TrimSpace(until)):
			return "validity"
		}
	}
	return ""
}

// alignNumericColumns right-aligns the columns without an explicit alignment
// whose body cells are all numbers or amounts.
func alignNumericColumns(t *east.Table, src []byte) {
	cols := len(t.Alignments)
	numeric := make([]bool, cols)
	seen := make([]bool, cols)
	for i := range numeric {
		numeric[i] = t.Alignments[i] == east.AlignNone
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() != east.KindTableRow {
			continue
		}
		i := 0
		for cell := row.FirstChild(); cell != nil && i < cols; cell = cell.NextSibling() {
			if numeric[i] {
				s := strings.TrimSpace(astText(cell, src))
				if s != "" {
					seen[i] = true
					numeric[i] = looksNumeric(s)
				}
			}
			i++
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		i := 0
		for cell := row.FirstChild(); cell != nil && i < cols; cell = cell.NextSibling() {
			if numeric[i] && seen[i] {
				if c, ok := cell.(*east.TableCell); ok {
					c.Alignment = east.AlignRight
				}
			}
			i++
		}
	}
}

// looksNumeric reports whether s reads as a number, an amount or a
// percentage: "12,500.00", "€ 1 200", "EUR 9'800", "-15 %", "—".
func looksNumeric(s string) bool {
	s = strings.Trim(s, "*_ ")
	if s == "—" || s == "–" || s == "-" {
		return true
	}
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case 'A' <= r && r <= 'Z':
			letters++ // currency codes
		case strings.ContainsRune(" .,'’+-−–%()/\u00a0\u202f\u2009", r), unicode.Is(unicode.Sc, r):
		default:
			return false
		}
	}
	return digits > 0 && letters <= 3
}

// astText returns the text of n's descendants, backslash escapes and
// character references resolved.
func astText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() {
				b.WriteString(html.UnescapeString(string(c.Value)))
			} else {
				b.Write(c.Value)
			}
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// sameWords reports whether a and b have the same letters and digits in
// the same words, ignoring case, punctuation and typography; a text
// without any is like no other.
func sameWords(a, b string) bool {
	words := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	wa := words(a)
	return wa != "" && wa == words(b)
}

// headingIDs gives headings deterministic IDs made of their lowercased
// letters and digits (any script), words joined by '-', numbered from -1
// when repeated.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

func (s *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	dash := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			dash = true
		}
		if b.Len() > 80 {
			break
		}
	}
	base := b.String()
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *headingIDs) Put(value []byte) { s.used[string(value)] = true }
