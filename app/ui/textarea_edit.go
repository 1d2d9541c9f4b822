package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
)

// start is where block i begins in the text, in characters.
func (a *TextArea) start(i int) int {
	p := 0
	for _, b := range a.blocks[:i] {
		p += b.n
		if !b.soft {
			p++
		}
	}
	return p
}

func (a *TextArea) index(b *textBlock) int { return slices.Index(a.blocks, b) }

// blockAt is the block holding position p of the text, and p in it; where
// two blocks of a paragraph meet, the later one.
func (a *TextArea) blockAt(p int) (int, int) {
	s := 0
	for i, b := range a.blocks {
		end := s + b.n
		if p < end || p == end && (!b.soft || i == len(a.blocks)-1) {
			return i, max(0, p-s)
		}
		s = end
		if !b.soft {
			s++
		}
	}
	last := len(a.blocks) - 1
	return last, a.blocks[last].n
}

// caret is the cursor's position in the text.
func (a *TextArea) caret() int { return a.start(a.index(a.active)) + a.active.offset() }

// setCaret puts the cursor at position p of the text and shows it.
func (a *TextArea) setCaret(p int) {
	i, off := a.blockAt(p)
	a.activate(a.blocks[i])
	a.active.place(off)
	a.hist.caret = p
	a.ensureVisible()
}

// activate moves the cursor, and the look of the focus, to block b.
func (a *TextArea) activate(b *textBlock) {
	old := a.active
	a.active = b
	if old == b || !a.focused {
		a.showCaret()
		return
	}
	if old != nil {
		old.Entry.FocusLost()
		old.lit = false
	}
	b.Entry.FocusGained()
}

// replace puts s in place of the characters from..to of the text and the
// cursor at caret. Only the blocks touched are cut again.
func (a *TextArea) replace(from, to int, s string, caret int) {
	i0, o0 := a.blockAt(from)
	i1, o1 := a.blockAt(to)
	text := string([]rune(a.blocks[i0].Text)[:o0]) + s + string([]rune(a.blocks[i1].Text)[o1:])
	a.rebuild(i0, i1, chunkText(text, a.blocks[i1].soft))
	if i0 > 0 {
		a.blocks[i0-1].unsettled = true // its cut depends on the first word after it
	}
	a.changed()
	a.setCaret(caret)
}

// rebuild puts blocks showing pieces in place of blocks i0..i1, reusing
// them; only blocks whose text changes are set again.
func (a *TextArea) rebuild(i0, i1 int, pieces []piece) {
	held := a.settleHeld
	a.settleHeld = true // no settling before the texts are in
	defer func() { a.settleHeld = held }()
	old := a.blocks[i0 : i1+1]
	nb := make([]*textBlock, len(pieces))
	var fresh []*textBlock
	for k, p := range pieces {
		if k < len(old) {
			nb[k] = old[k]
		} else {
			nb[k] = newTextBlock(a)
			fresh = append(fresh, nb[k])
		}
		nb[k].soft = p.soft
		nb[k].unsettled = true
	}
	if len(old) > len(nb) && slices.Contains(old[len(nb):], a.active) {
		a.active = nil
	}
	a.blocks = slices.Concat(a.blocks[:i0], nb, a.blocks[i1+1:])
	if len(fresh) > 0 {
		a.look.Refresh() // the blocks' theme reaches the new ones
	}
	for k, p := range pieces {
		if b := nb[k]; b.Text != p.text || slices.Contains(fresh, b) {
			b.setText(p.text)
		}
	}
	a.showPlaceholder()
	a.relayout()
}

// tidy follows an edit in b, once Entry is done with it: b takes the
// height of its rows, the blocks around it settle, the cursor stays in
// view.
func (a *TextArea) tidy(b *textBlock) {
	i := a.index(b)
	if i < 0 {
		return
	}
	if strings.Contains(b.Text, "\n") { // pasted by Entry's own menu
		s := a.start(i)
		a.replace(s, s+b.n, b.Text, a.caret())
		return
	}
	if b.height() != b.Size().Height {
		a.relayout()
	}
	a.ensureVisible()
}

// newParagraph cuts the paragraph at the cursor (Enter).
func (a *TextArea) newParagraph(b *textBlock) {
	if _, _, ok := a.selection(); ok {
		a.replaceSelection("\n")
		return
	}
	a.record(editOther, a.caret(), 0)
	if b.SelectedText() != "" {
		b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	p := a.caret()
	a.replace(p, p, "\n", p+1)
}

// erase is Backspace, or Delete when forward: at the edge of a block it
// joins two paragraphs, or takes a character from the next block.
func (a *TextArea) erase(b *textBlock, forward bool) {
	if _, _, ok := a.selection(); ok {
		a.replaceSelection("")
		return
	}
	if b.SelectedText() != "" {
		a.record(editOther, a.caret(), 0)
		b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		a.tidy(b)
		return
	}
	pos := b.offset()
	p := a.start(a.index(b)) + pos
	kind, key := editBack, fyne.KeyBackspace
	if forward {
		kind, key = editDelete, fyne.KeyDelete
	}
	switch {
	case !forward && pos == 0:
		if p > 0 {
			a.record(kind, p, 0)
			a.replace(p-1, p, "", p-1)
		}
	case forward && pos == b.n:
		if p < a.length() {
			a.record(kind, p, 0)
			a.replace(p, p+1, "", p)
		}
	default:
		a.record(kind, p, 0)
		b.aim()
		b.Entry.TypedKey(&fyne.KeyEvent{Name: key})
		if forward {
			b.expect(pos)
		} else {
			b.expect(pos - 1)
		}
		a.tidy(b)
	}
	a.hist.caret = a.caret()
}

// move moves the cursor for an arrow, Home, End, PageUp or PageDown key.
// Left and Right go one character through the whole text, blocks and
// wraps alike; Up and Down go on into the next block at its edge rows.
func (a *TextArea) move(_ *textBlock, key fyne.KeyName) {
	if from, to, ok := a.selection(); ok && a.span.on && (key == fyne.KeyLeft || key == fyne.KeyRight) {
		// Left and Right end a selection at its start or end.
		a.unselectAll()
		if key == fyne.KeyLeft {
			a.setCaret(from)
		} else {
			a.setCaret(to)
		}
		return
	}
	a.unselectAll()
	b := a.active
	plain := b.SelectedText() == ""
	switch {
	case key == fyne.KeyLeft && plain:
		a.setCaret(max(a.caret()-1, 0))
	case key == fyne.KeyRight && plain:
		a.setCaret(min(a.caret()+1, a.length()))
	case key == fyne.KeyUp && plain && b.CursorRow == 0:
		a.moveRows(b, -1)
	case key == fyne.KeyDown && plain && b.CursorRow >= b.rowCount()-1:
		a.moveRows(b, 1)
	case key == fyne.KeyPageUp:
		a.moveRows(b, -a.pageRows())
	case key == fyne.KeyPageDown:
		a.moveRows(b, a.pageRows())
	default:
		b.Entry.TypedKey(&fyne.KeyEvent{Name: key})
	}
	a.ensureVisible()
}

// pageRows is how many rows PageUp and PageDown move: a view less one.
func (a *TextArea) pageRows() int {
	return max(1, int(a.scroll.Size().Height/a.lineHeight())-1)
}

// moveRows moves the cursor n rows down (up for n < 0), across blocks,
// keeping its column as Entry does.
func (a *TextArea) moveRows(b *textBlock, n int) {
	i, row, col := a.index(b), b.CursorRow, b.CursorColumn
	for n > 0 {
		left := a.blocks[i].rowCount() - 1 - row
		if n <= left {
			row += n
			break
		}
		if i == len(a.blocks)-1 {
			a.setCaret(a.length())
			return
		}
		n -= left + 1
		i, row = i+1, 0
	}
	for n < 0 {
		if -n <= row {
			row += n
			break
		}
		if i == 0 {
			a.setCaret(0)
			return
		}
		n += row + 1
		i--
		row = a.blocks[i].rowCount() - 1
	}
	a.activate(a.blocks[i])
	a.active.placeRowCol(row, col)
}
