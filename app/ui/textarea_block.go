package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textBlock is one piece of a textArea's text: a word-wrapped Entry
// without border that fixes where Entry puts the cursor after a space
// typed at a wrap, and hands what crosses its edges to the area.
type textBlock struct {
	widget.Entry
	a    *TextArea
	soft bool // the paragraph goes on in the next block: no "\n" between
	n    int  // length in characters

	// rows is the number of rows of Text at width, counted once.
	rows      int
	rowsText  string
	rowsWidth float32

	// Entry cannot show the cursor after a space that its word wrap moved
	// out of the last row: it shows it before the space and would type
	// there. want is where the cursor really is while Entry still has it
	// at wantRow, wantCol in wantText; -1 when Entry has it right.
	want             int
	wantRow, wantCol int
	wantText         string

	shift bool // Shift is held
	// spanLo, spanHi are the part of the area's span this block shows
	// selected; -1 when none (textarea_select.go).
	spanLo, spanHi int
	lit            bool // focused for Entry, so that it shows its part
	unsettled      bool // the size of the block, or its cut, may have to change
}

func newTextBlock(a *TextArea) *textBlock {
	b := &textBlock{a: a, want: -1, spanLo: -1, spanHi: -1}
	b.MultiLine = true
	b.Wrapping = fyne.TextWrapWord
	b.ExtendBaseWidget(b)
	b.OnChanged = b.changed
	b.OnCursorChanged = func() {
		if a.active == b {
			a.showCaret()
		}
	}
	if a.Disabled() {
		b.Disable()
	}
	return b
}

// setText puts text in the block without telling the area.
func (b *textBlock) setText(text string) {
	b.a.busy++
	b.SetText(text)
	b.a.busy--
	b.n = utf8.RuneCountInString(text)
	b.want = -1
	b.unsettled = true
}

// changed follows Entry's own changes: typing, and its menu's Cut, Paste,
// Undo.
func (b *textBlock) changed(text string) {
	b.n = utf8.RuneCountInString(text)
	a := b.a
	if a.busy > 0 {
		return
	}
	if i := a.index(b); i >= 0 {
		a.unsettle(i)
	}
	a.changed()
	if a.inKey == 0 {
		a.tidy(b) // a change from Entry's menu: after it, as after a key
	}
}

// MinSize is as tall as the rows of the text.
func (b *textBlock) MinSize() fyne.Size {
	return fyne.NewSize(0, b.height())
}

func (b *textBlock) height() float32 { return float32(b.rowCount()) * b.a.lineHeight() }

// rowCount is the number of rows of the text as Entry wraps it.
func (b *textBlock) rowCount() int {
	w := b.Size().Width
	if w <= 0 {
		return 1
	}
	if b.rowsWidth != w || b.rowsText != b.Text || b.rows == 0 {
		// Rows start further and further into the text; a row past the
		// last one "starts" at 0.
		lo, hi := 1, b.n+1
		for lo < hi {
			mid := (lo + hi) / 2
			if b.rowStart(mid) > 0 {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		b.rows, b.rowsText, b.rowsWidth = lo, b.Text, w
	}
	return b.rows
}

// rowStart is the offset of the first character of row r, learnt from
// Entry's own CursorTextOffset.
func (b *textBlock) rowStart(r int) int {
	row, col := b.CursorRow, b.CursorColumn
	b.CursorRow, b.CursorColumn = r, 0
	p := b.CursorTextOffset()
	b.CursorRow, b.CursorColumn = row, col
	return p
}

// rowCol is the row and column of offset p: the column may be past the
// end of the row, where Entry's wrap took a space away.
func (b *textBlock) rowCol(p int) (int, int) {
	lo, hi := 0, b.rowCount()-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if b.rowStart(mid) <= p {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo, p - b.rowStart(lo)
}

// offset is where the cursor is, in characters into the block.
func (b *textBlock) offset() int {
	if b.want >= 0 && b.CursorRow == b.wantRow && b.CursorColumn == b.wantCol && b.Text == b.wantText {
		return b.want
	}
	b.want = -1
	return b.CursorTextOffset()
}

// aim gives Entry the cursor where it really is, before Entry edits there.
func (b *textBlock) aim() {
	if p := b.offset(); b.want >= 0 {
		b.CursorRow, b.CursorColumn = b.rowCol(p)
	}
}

// expect remembers where the cursor should be after an edit when Entry
// put it somewhere else.
func (b *textBlock) expect(want int) {
	b.want = -1
	if b.CursorTextOffset() != want {
		b.want, b.wantRow, b.wantCol, b.wantText = want, b.CursorRow, b.CursorColumn, b.Text
	}
}

// place puts the cursor at offset p and shows it there.
func (b *textBlock) place(p int) {
	b.unselect()
	b.CursorRow, b.CursorColumn = b.rowCol(max(0, min(p, b.n)))
	b.Refresh()
	b.expect(max(0, min(p, b.n)))
}

// placeRowCol puts the cursor in row, as near column col as the row goes.
func (b *textBlock) placeRowCol(row, col int) {
	b.unselect()
	b.want = -1
	b.CursorRow, b.CursorColumn = max(0, min(row, b.rowCount()-1)), col
	b.Refresh() // Entry brings the column back into the row
}

// unselect drops Entry's selection, if there is one.
func (b *textBlock) unselect() {
	if b.SelectedText() != "" {
		b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) // without Shift: ends the selection
	}
}

// shiftHeld says whether Shift is down.
func (b *textBlock) shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		// The window knows; a Shift let go while another field had the
		// focus (after Shift+Tab) never reached the area.
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return b.shift || b.a.shift
}

// FocusGained follows a click in the block: the cursor is here now, and
// the keyboard goes back to the area, which is the field for the window.
func (b *textBlock) FocusGained() {
	b.Entry.FocusGained()
	a := b.a
	if a.hopping {
		return
	}
	if a.active != b {
		a.active = b
	}
	a.endSpan(false) // the click put the cursor where it belongs
	a.unselectAll()
	if c := a.canvas(); c != nil && c.Focused() == fyne.Focusable(b) {
		c.Focus(a)
		return
	}
	a.setFocused(true)
}

// FocusLost hides the cursor of the block.
func (b *textBlock) FocusLost() { b.Entry.FocusLost() }

// KeyDown notes Shift for Shift+Tab and passes the key to Entry.
func (b *textBlock) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		b.shift = true
	}
	b.Entry.KeyDown(k)
}

// KeyUp see KeyDown.
func (b *textBlock) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		b.shift = false
	}
	b.Entry.KeyUp(k)
}

// TypedRune types r at the cursor; a new line starts a paragraph.
func (b *textBlock) TypedRune(r rune) {
	a := b.a
	if a.active != b {
		a.active.TypedRune(r) // the window still had the focus here
		return
	}
	if b.Disabled() {
		return
	}
	if r == '\n' {
		a.newParagraph(b)
		return
	}
	if _, _, ok := a.selection(); ok {
		a.replaceSelection(string(r))
		return
	}
	a.inKey++
	defer func() { a.inKey-- }()
	if b.SelectedText() != "" {
		a.record(editOther, a.caret(), 0)
		b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // removes the selection
	}
	pos := b.offset()
	a.record(editType, a.caret(), r)
	b.aim()
	b.Entry.TypedRune(r)
	b.expect(pos + 1)
	a.hist.caret = a.caret()
	a.tidy(b)
}

// modifierKeys come as keys of their own when they go down; they change
// nothing.
var modifierKeys = map[fyne.KeyName]bool{desktop.KeyShiftLeft: true, desktop.KeyShiftRight: true,
	desktop.KeyControlLeft: true, desktop.KeyControlRight: true, desktop.KeyAltLeft: true, desktop.KeyAltRight: true,
	desktop.KeySuperLeft: true, desktop.KeySuperRight: true, desktop.KeyMenu: true}

// selectKeys move the cursor; with Shift they select, inside a block.
var selectKeys = map[fyne.KeyName]bool{fyne.KeyUp: true, fyne.KeyDown: true, fyne.KeyLeft: true, fyne.KeyRight: true,
	fyne.KeyHome: true, fyne.KeyEnd: true, fyne.KeyPageUp: true, fyne.KeyPageDown: true}

// TypedKey edits and moves the cursor; at the edges of the block it goes
// on in the next or previous one.
func (b *textBlock) TypedKey(k *fyne.KeyEvent) {
	a := b.a
	if a.active != b {
		a.active.TypedKey(k)
		return
	}
	if modifierKeys[k.Name] {
		return // Ctrl on its way to Ctrl+C: the selection stays
	}
	switch k.Name {
	case fyne.KeyEscape:
		if a.onEscape != nil {
			a.onEscape()
		}
		return
	case fyne.KeyTab:
		a.leave(!b.shiftHeld())
		return
	}
	if b.shiftHeld() && selectKeys[k.Name] {
		if b.Disabled() {
			a.unselectAll()
			b.Entry.TypedKey(k) // Entry's own, inside the block
			a.ensureVisible()
			return
		}
		a.extend(func() { a.move(a.active, k.Name) }) // across blocks
		return
	}
	if b.Disabled() {
		return
	}
	a.inKey++
	defer func() { a.inKey-- }()
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		a.newParagraph(b)
	case fyne.KeyBackspace, fyne.KeyDelete:
		a.erase(b, k.Name == fyne.KeyDelete)
	default:
		a.move(b, k.Name)
	}
}

// TypedShortcut handles the text shortcuts across blocks and passes the
// window's own (Ctrl+S, Ctrl+N, Ctrl+F) on to the window.
func (b *textBlock) TypedShortcut(s fyne.Shortcut) {
	a := b.a
	if a.active != b {
		a.active.TypedShortcut(s)
		return
	}
	if a.OnShortcut != nil && a.OnShortcut(s) {
		return
	}
	a.inKey++
	defer func() { a.inKey-- }()
	if a.shortcut(b, s) {
		return
	}
	if c := a.canvas(); c != nil {
		if sh, ok := c.(fyne.Shortcutable); ok {
			sh.TypedShortcut(s)
		}
	}
}
