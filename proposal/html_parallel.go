package proposal

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// A long variant is converted in parts at once, one per core (at most
// four): goldmark's parser and renderer keep nothing of one document
// between calls, so parts of one proposal can be parsed and rendered side
// by side, and the HTML of the parts, one after the other, is the HTML of
// the whole. The Markdown is cut only where that holds, before a level-2
// heading that nothing can carry across (see cutPoints), and the headings'
// IDs, numbered through the whole document, are given once every part is
// parsed, in the order the whole document would have given them.
// TestPartsConvertLikeTheWhole and FuzzRenderHTML hold the two ways to
// the same bytes.
//
// Measured on the development machine (2 cores; BenchmarkExportVsGoldmark,
// 98 KB, 40 sections): see the README's Speed section.
const (
	// partsMin is the length of Markdown from which it is converted in
	// parts; below it starting the goroutines costs more than it saves.
	partsMin = 24 << 10
	// maxParts is how many parts a document is cut into at most.
	maxParts = 4
)

// partsFor is how many parts src is best converted in on this machine.
func partsFor(src []byte) int {
	if len(src) < partsMin {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), maxParts)
}

// convertParts converts src, already cleaned, in at most n parts where
// it can be cut, and returns the HTML of each; ok is false when it was
// not (the caller converts it whole).
func convertParts(src []byte, title string, n int) (out [][]byte, ok bool, err error) {
	cuts := cutPoints(src, n)
	if len(cuts) == 0 {
		return nil, false, nil
	}
	bounds := append(append([]int{0}, cuts...), len(src))
	parts := make([]docPart, len(bounds)-1)
	md := htmlMarkdown()
	// Each part is parsed and then rendered on one goroutine (the
	// caller's for the first part), which waits between the two for the
	// IDs of every part's headings: a goroutine's stack grows as it parses
	// and is then ready for the rendering, where new goroutines grew new
	// stacks in new memory.
	var parsed, rendered sync.WaitGroup
	settled := make(chan struct{})
	convert := func(p *docPart, ctx parser.Context) {
		p.doc = md.Parser().Parse(text.NewReader(p.src), parser.WithContext(ctx))
		parsed.Done()
		<-settled
		p.out.Grow(htmlRoom(len(p.src)))
		p.ids.apply(p.doc)
		p.err = md.Renderer().Render(&p.out, p.src, p.doc)
	}
	ctxs := make([]parser.Context, len(parts))
	for i := range parts {
		p := &parts[i]
		p.src = src[bounds[i]:bounds[i+1]]
		p.ids = &partIDs{part: i}
		ctxs[i] = parser.NewContext(parser.WithIDs(p.ids))
		if i == 0 && title != "" {
			ctxs[i].Set(htmlTitleKey, title)
		}
	}
	parsed.Add(len(parts))
	for i := 1; i < len(parts); i++ {
		rendered.Add(1)
		go func() {
			defer rendered.Done()
			convert(&parts[i], ctxs[i])
		}()
	}
	go func() {
		parsed.Wait()
		// The IDs as the whole document would have drawn them, in its
		// order (a heading dropped by the structure pass drew one too).
		ids := newHeadingIDs()
		for i := range parts {
			parts[i].ids.settle(ids)
		}
		close(settled)
	}()
	convert(&parts[0], ctxs[0])
	rendered.Wait()
	out = make([][]byte, len(parts))
	for i := range parts {
		if parts[i].err != nil {
			return nil, true, parts[i].err
		}
		out[i] = parts[i].out.Bytes()
	}
	return out, true, nil
}

// docPart is one part of a document converted in parts.
type docPart struct {
	src []byte
	ids *partIDs
	doc ast.Node
	out bytes.Buffer
	err error
}

// partIDs stands in for the headings' IDs while a part is parsed: it
// notes what each heading asked for and hands out a stand-in ("\x00part:n"),
// which apply replaces by the ID settle drew for it.
type partIDs struct {
	part  int
	calls []idCall
	drawn [][]byte
}

type idCall struct {
	value []byte
	kind  ast.NodeKind
	put   bool
}

func (p *partIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	p.calls = append(p.calls, idCall{value: bytes.Clone(value), kind: kind})
	return []byte("\x00" + strconv.Itoa(p.part) + ":" + strconv.Itoa(len(p.calls)-1))
}

func (p *partIDs) Put(value []byte) {
	p.calls = append(p.calls, idCall{value: bytes.Clone(value), put: true})
}

// settle draws the IDs of this part's headings from the document's ids,
// in the order they were asked for.
func (p *partIDs) settle(ids *headingIDs) {
	p.drawn = make([][]byte, len(p.calls))
	for i, c := range p.calls {
		if c.put {
			ids.Put(c.value)
			continue
		}
		p.drawn[i] = ids.Generate(c.value, c.kind)
	}
}

// apply replaces the stand-ins in doc's attributes by the IDs drawn.
func (p *partIDs) apply(doc ast.Node) {
	prefix := "\x00" + strconv.Itoa(p.part) + ":"
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		v, ok := n.AttributeString("id")
		if !ok {
			return ast.WalkContinue, nil
		}
		b, isBytes := v.([]byte)
		if !isBytes || !bytes.HasPrefix(b, []byte(prefix)) {
			return ast.WalkContinue, nil
		}
		if i, err := strconv.Atoi(string(b[len(prefix):])); err == nil && i < len(p.drawn) {
			n.SetAttributeString("id", p.drawn[i])
		}
		return ast.WalkContinue, nil
	})
}

// cutPoints returns at most n-1 offsets of src, in order, where it can be
// cut into parts that convert apart to what the whole converts to, as
// near as it has them to equal parts; none when nothing can be cut. A cut
// comes before a line "## Title" at the line's start, after a blank
// line, outside fenced code, whose title and the one of the level-2
// heading before it are plain words that name no closing section
// (credits, validity: the structure pass wraps the last of those
// together). Such a heading starts a block that nothing before it can
// continue: a list, a quote or indented code ends at a line that is not
// indented, a table or a paragraph at a blank line. What could tie
// parts together makes the document convert whole: a link reference
// definition (anything holding "]:") anywhere, and any line that starts
// with "<" (an HTML block can run across blank lines).
func cutPoints(src []byte, n int) []int {
	if n < 2 || bytes.Contains(src, []byte("]:")) {
		return nil
	}
	var can []int
	var fence byte // the character of the fenced code block open, if any
	fenceLen := 0
	blank, prevPlain := true, true
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		line := bytes.TrimRight(src[off:next], "\r\n")
		ind := 0
		for ind < len(line) && ind < 4 && line[ind] == ' ' {
			ind++
		}
		rest := line[ind:]
		switch {
		case fence != 0:
			if ind <= 3 && fenceRun(rest, fence) >= fenceLen && len(bytes.TrimLeft(bytes.TrimLeft(rest, string(fence)), " \t")) == 0 {
				fence = 0
			}
		case ind <= 3 && len(rest) > 0 && rest[0] == '<':
			return nil
		case ind <= 3 && len(rest) > 0 && (rest[0] == '`' || rest[0] == '~') && fenceRun(rest, rest[0]) >= 3:
			fence, fenceLen = rest[0], fenceRun(rest, rest[0])
		case ind == 0 && bytes.HasPrefix(line, []byte("## ")):
			title := string(bytes.TrimSpace(line[3:]))
			plain := plainTitle(title) && closingClass(title) == ""
			if blank && plain && prevPlain && off > 0 {
				can = append(can, off)
			}
			prevPlain = plain
		}
		blank = fence == 0 && len(bytes.TrimSpace(line)) == 0
		off = next
	}
	var cuts []int
	last := 0
	for k := 1; k < n; k++ {
		target := k * len(src) / n
		best := -1
		for _, c := range can {
			if c > last && (best < 0 || abs(c-target) < abs(best-target)) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		cuts = append(cuts, best)
		last = best
	}
	return cuts
}

// fenceRun is the number of c that b starts with.
func fenceRun(b []byte, c byte) int {
	i := 0
	for i < len(b) && b[i] == c {
		i++
	}
	return i
}

// plainTitle reports whether a heading's text is letters, digits, spaces
// and punctuation that no Markdown, link or typography changes, so that
// the text as written is the text the structure pass reads.
func plainTitle(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ':
		case strings.ContainsRune(".,:;()/?%+", r):
		default:
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
