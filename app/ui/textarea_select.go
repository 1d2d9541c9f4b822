package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// textSpan is a selection made with Shift and the cursor keys: from
// anchor to caret, positions in the whole text, so that it runs over as
// many blocks as it needs. Each block shows its part of it as Entry's own
// selection; the area, not Entry, copies, cuts and replaces it.
type textSpan struct {
	on            bool
	anchor, caret int
}

// selection is the range selected with Ctrl+A or Shift and the keys.
// (A selection made with the mouse, inside one block, is Entry's.)
func (a *TextArea) selection() (from, to int, ok bool) {
	switch {
	case a.all:
		return 0, a.length(), a.length() > 0
	case a.span.on && a.span.anchor != a.span.caret:
		return min(a.span.anchor, a.span.caret), max(a.span.anchor, a.span.caret), true
	}
	return 0, 0, false
}

// selectedText is the text of selection.
func (a *TextArea) selectedText() string {
	from, to, ok := a.selection()
	if !ok {
		return ""
	}
	r := []rune(a.text)
	return string(r[from:to])
}

// replaceSelection puts text in place of the selection.
func (a *TextArea) replaceSelection(text string) {
	from, to, _ := a.selection()
	a.record(editOther, a.caret(), 0)
	a.unselectAll()
	a.replace(from, to, text, from+len([]rune(text)))
}

// extend is a cursor key with Shift: move moves the cursor as the key
// does without Shift, and the selection runs from where it started to
// where the cursor is now.
func (a *TextArea) extend(move func()) {
	anchor, caret := a.caret(), a.caret()
	switch {
	case a.all:
		anchor, caret = 0, a.length()
	case a.span.on:
		anchor, caret = a.span.anchor, a.span.caret
	}
	a.unselectAll()
	a.setCaret(caret)
	move()
	if caret = a.caret(); caret != anchor {
		a.span = textSpan{true, anchor, caret}
		a.showSpan()
	}
	a.ensureVisible()
}

// showSpan shows in every block its part of the span, and the cursor at
// the span's caret.
func (a *TextArea) showSpan() {
	from, to, _ := a.selection()
	s := 0
	for _, b := range a.blocks {
		e := s + b.n
		lo, hi := max(from, s), min(to, e)
		switch {
		case lo >= hi:
			if b.spanLo >= 0 {
				b.spanLo, b.spanHi = -1, -1
				if b == a.active {
					b.place(a.span.caret - s)
				} else {
					b.unselect()
					b.unlight()
				}
			}
		case b.spanLo != lo-s || b.spanHi != hi-s || b == a.active || !b.lit:
			anchor, cursor := lo-s, hi-s
			if b == a.active && a.span.caret == lo {
				anchor, cursor = cursor, anchor
			}
			b.selectRange(anchor, cursor)
			b.spanLo, b.spanHi = lo-s, hi-s
			if b != a.active && !b.lit {
				// Entry shows a selection only while it has the focus;
				// its own cursor does not show in a block (textarea_look.go).
				b.Entry.FocusGained()
				b.lit = true
			}
		}
		s = e
		if !b.soft {
			s++
		}
	}
	a.showCaret()
}

// dropSpan ends the span: its blocks no longer show it, and the cursor
// is where the span's caret was.
func (a *TextArea) dropSpan() { a.endSpan(true) }

// endSpan ends the span; the cursor goes back to its caret with restore
// (not after a click, which puts it where it clicked).
func (a *TextArea) endSpan(restore bool) {
	if !a.span.on {
		return
	}
	caret := a.span.caret
	a.span = textSpan{}
	for _, b := range a.blocks {
		if b.spanLo >= 0 {
			b.spanLo, b.spanHi = -1, -1
			b.unselect()
		}
		if b != a.active {
			b.unlight()
		}
	}
	if restore && a.index(a.active) >= 0 {
		a.setCaret(min(caret, a.length()))
	}
}

// unlight takes away the focus showSpan gave the block.
func (b *textBlock) unlight() {
	if b.lit {
		b.lit = false
		b.Entry.FocusLost()
	}
}

// selectRange selects from offset anchor to offset cursor of the block,
// the cursor at cursor, with the keys Entry selects with.
func (b *textBlock) selectRange(anchor, cursor int) {
	b.place(anchor)
	b.Entry.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	row, col := b.rowCol(cursor)
	key, n := fyne.KeyDown, row-b.CursorRow
	if n < 0 {
		key, n = fyne.KeyUp, -n
	}
	for range n {
		b.Entry.TypedKey(&fyne.KeyEvent{Name: key})
	}
	b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	for range col {
		b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	b.Entry.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	b.want = -1
}
