package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// How a paragraph is cut into blocks. Entry measures every row of its
// text again on every key (about half a millisecond a row here), so a
// block holds a few rows only. A cut falls where the paragraph, wrapped
// as a whole, starts a row: Fyne wraps each row greedily from its start,
// so the blocks then show exactly the rows of the paragraph and the cut
// does not show.
const (
	blockChunk   = 600 // characters of a first cut, made before the rows are known
	blockRowsMax = 6   // a block with more rows is cut in two
	blockRowsMin = 2   // a piece of a paragraph with fewer rows joins the next
)

// piece is the text of a block; soft when the paragraph goes on in the
// next block.
type piece struct {
	text string
	soft bool
}

// chunkText cuts text into pieces: paragraph after paragraph, each cut at
// spaces into pieces of about blockChunk characters at most. soft says
// whether the last piece goes on in a next block.
func chunkText(text string, soft bool) []piece {
	paras := strings.Split(text, "\n")
	var out []piece
	for i, p := range paras {
		parts := cutParagraph(p)
		for j, t := range parts {
			out = append(out, piece{t, j < len(parts)-1 || (i == len(paras)-1 && soft)})
		}
	}
	return out
}

// cutParagraph cuts p into pieces of at most blockChunk characters, as
// even as the spaces allow; each piece but the last ends after a space.
func cutParagraph(p string) []string {
	r := []rune(p)
	var out []string
	for len(r) > blockChunk {
		n := (len(r) + blockChunk - 1) / blockChunk
		ideal := len(r) / n
		cut := ideal // no space near: the cut falls inside a word
		for k := ideal; k > ideal/2; k-- {
			if unicode.IsSpace(r[k-1]) {
				cut = k
				break
			}
		}
		out = append(out, string(r[:cut]))
		r = r[cut:]
	}
	return append(out, string(r))
}

// closed says whether block i ends where its paragraph, wrapped as one,
// would end a row: when the first word of the next block does not fit on
// the last row of block i.
func (a *TextArea) closed(i int) bool {
	b, next := a.blocks[i], []rune(a.blocks[i+1].Text)
	text := []rune(b.Text)
	if len(text) == 0 {
		return false
	}
	last := text[b.rowStart(b.rowCount()-1):]
	word := next[:min(1, len(next))] // after a cut inside a word, the next letter
	if unicode.IsSpace(text[len(text)-1]) {
		word = next
		if k := strings.IndexFunc(string(next), unicode.IsSpace); k >= 0 {
			word = []rune(string(next)[:k])
		}
	}
	size := areaTheme().Size(theme.SizeNameText)
	return fyne.MeasureText(string(last)+string(word), size, fyne.TextStyle{}).Width > b.Size().Width
}

// settle keeps the blocks on screen (and the one before them) the right
// size, with cuts that do not show: it cuts a block with too many rows,
// joins a small piece of a paragraph to the next one, and moves the last
// row of a block into the next one where the paragraph, wrapped as one,
// would start a row. Each block changed is looked at again; blocks below
// the view wait, unsettled, until they are scrolled to: a change can run
// on through a whole long paragraph.
func (a *TextArea) settle() {
	if a.settleHeld || a.scroll == nil || a.index(a.active) < 0 || a.blocks[0].Size().Width <= 0 {
		return // not laid out: no rows to go by
	}
	a.settleHeld = true
	defer func() { a.settleHeld = false }()
	top, bottom := a.scroll.Offset.Y, a.scroll.Offset.Y+a.scroll.Size().Height
	caret, active, touched, moved := a.caret(), a.active, false, false
	j := 0
	for j+1 < len(a.blocks) && a.blocks[j+1].Position().Y+a.blocks[j+1].Size().Height < top {
		j++ // above the view; the block just above it is looked at
	}
	for guard := 4*len(a.blocks) + 16; j < len(a.blocks) && guard > 0; guard-- {
		b := a.blocks[j]
		if j > 0 && b.Position().Y > bottom {
			break // below the view: later
		}
		if !b.unsettled {
			j++
			continue
		}
		rows := b.rowCount()
		switch {
		case rows > blockRowsMax:
			a.cut(j, b.rowStart(rows/2))
		case b.soft && rows < blockRowsMin:
			next := a.blocks[j+1]
			b.soft = next.soft
			b.setText(b.Text + next.Text)
			a.remove(j + 1)
		case b.soft && !a.closed(j):
			text := []rune(b.Text)
			l := b.rowStart(rows - 1)
			next := a.blocks[j+1]
			next.setText(string(text[l:]) + next.Text)
			if l > 0 {
				b.setText(string(text[:l]))
			} else {
				a.remove(j)
				j = max(j-1, 0) // the block before now meets next
				a.blocks[j].unsettled = true
			}
		default:
			b.unsettled = false
			j++
			continue
		}
		touched = true
		moved = moved || b == active || j+1 < len(a.blocks) && a.blocks[j+1] == active || a.index(active) < 0
	}
	if !touched {
		return
	}
	a.showPlaceholder()
	a.relayout()
	if moved {
		a.setCaret(caret)
	}
}

// unsettle marks the blocks i-1..i to be looked at again: the cut before
// block i depends on the first word of i.
func (a *TextArea) unsettle(i int) {
	a.blocks[i].unsettled = true
	if i > 0 {
		a.blocks[i-1].unsettled = true
	}
}

// cut cuts block j at offset at into two blocks of one paragraph.
func (a *TextArea) cut(j, at int) {
	b := a.blocks[j]
	text := []rune(b.Text)
	nb := newTextBlock(a)
	nb.soft, b.soft = b.soft, true
	a.blocks = append(a.blocks[:j+1], append([]*textBlock{nb}, a.blocks[j+1:]...)...)
	a.look.Refresh() // the blocks' theme reaches the new one
	b.setText(string(text[:at]))
	nb.setText(string(text[at:]))
	nb.Resize(fyne.NewSize(b.Size().Width, b.Size().Height))
	nb.Move(b.Position())
}

// remove takes block j away; the cursor goes to its neighbour.
func (a *TextArea) remove(j int) {
	if a.active == a.blocks[j] {
		a.active = a.blocks[max(j-1, 0)]
		if j == 0 {
			a.active = a.blocks[1]
		}
	}
	a.blocks = append(a.blocks[:j], a.blocks[j+1:]...)
}
