package ui

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TextArea is the multi-line text field of kamdesk: notes, strategies,
// what happened, section texts.
//
// Fyne's Entry measures every row of its text again on every key, which
// makes a long note lag, and with word wrap it loses the place of a space
// typed where a line wraps. So a textArea shows its text as blocks: each
// paragraph is an Entry of its own without border (a textBlock), and a
// paragraph of more than a few rows is cut into several blocks where its
// rows start (textarea_cut.go), so that the cuts do not show. The text is
// the blocks one after the other, with "\n" after each paragraph. A key
// re-wraps its block alone. The blocks sit in one bordered box that
// scrolls, and the area, not a block, holds the keyboard focus: it hands
// every key to the block with the cursor, so that for the window, the
// forms and the tests it is one field.
type TextArea struct {
	widget.DisableableWidget

	// OnChanged is called with the whole text after every change.
	OnChanged func(string)

	onEscape   func()
	OnShortcut func(fyne.Shortcut) bool // the form's own shortcuts, tried first

	placeholder string
	minRows     int

	blocks []*textBlock
	active *textBlock // the block with the cursor
	text   string     // the whole text, kept up to date

	column *textColumn
	look   *container.ThemeOverride
	scroll *container.Scroll
	cursor *textCaret

	width      float32 // of the blocks, when they were last laid out
	settleHeld bool    // settle waits: it is under way, or blocks are being rebuilt

	focused bool     // the area or one of its blocks has the keyboard
	invalid bool     // its form says what is wrong with it: outlined in red when not being typed in
	all     bool     // Ctrl+A: everything is selected
	span    textSpan // selected with Shift and the keys (textarea_select.go)
	shift   bool     // Shift is held
	hopping bool     // the focus passes through a block on its way out
	busy    int      // the area changes blocks itself: their OnChanged is no news
	inKey   int      // a key is being handled: the area tidies up afterwards
	hist    textHistory
}

// NewTextArea is a multi-line field showing three rows; Escape calls
// onEscape (cancel) instead of being swallowed.
func NewTextArea(onEscape func()) *TextArea {
	a := &TextArea{onEscape: onEscape, minRows: 3}
	a.ExtendBaseWidget(a)
	a.cursor = newTextCaret()
	a.column = &textColumn{a: a}
	a.column.ExtendBaseWidget(a.column)
	a.look = container.NewThemeOverride(a.column, &blockTheme{})
	page := &textPage{look: a.look}
	page.ExtendBaseWidget(page)
	a.scroll = container.NewVScroll(page)
	a.scroll.OnScrolled = func(fyne.Position) { a.settle() }
	a.rebuild(0, -1, []piece{{}})
	a.active = a.blocks[0]
	return a
}

// Text is the whole text.
func (a *TextArea) Text() string { return a.text }

// SetText replaces the text, puts the cursor at its start and forgets the
// undo history. Only blocks whose text changes are touched.
func (a *TextArea) SetText(text string) {
	a.all = false
	if text != a.text {
		a.replace(0, a.length(), text, 0)
	}
	a.hist = textHistory{}
}

// SetPlaceHolder sets the text shown while the area is empty.
func (a *TextArea) SetPlaceHolder(text string) {
	a.placeholder = text
	a.showPlaceholder()
}

// SetMinRowsVisible sets how many rows the area shows before it scrolls.
func (a *TextArea) SetMinRowsVisible(rows int) {
	a.minRows = rows
	a.Refresh()
}

// Disable makes the text read-only: it can still be selected and copied.
func (a *TextArea) Disable() {
	a.DisableableWidget.Disable()
	for _, b := range a.blocks {
		b.Disable()
	}
}

// Enable makes the text editable again.
func (a *TextArea) Enable() {
	a.DisableableWidget.Enable()
	for _, b := range a.blocks {
		b.Enable()
	}
}

// FocusGained gives the keyboard to the block with the cursor, and brings
// the area into view when the Tab key moved the focus to it below the fold.
func (a *TextArea) FocusGained() {
	a.active.Entry.FocusGained()
	a.setFocused(true)
	Reveal(a)
}

// FocusLost takes the keyboard away from the blocks.
func (a *TextArea) FocusLost() {
	a.all = false
	a.dropSpan()
	a.shift = false // its KeyUp may go to the next field
	for _, b := range a.blocks {
		b.shift = false
	}
	a.active.Entry.FocusLost()
	a.setFocused(false)
}

// TypedRune types r where the cursor is.
func (a *TextArea) TypedRune(r rune) { a.active.TypedRune(r) }

// TypedKey handles k where the cursor is.
func (a *TextArea) TypedKey(k *fyne.KeyEvent) { a.active.TypedKey(k) }

// TypedShortcut handles the text shortcuts and passes the others (Ctrl+S,
// Ctrl+N) on to the window.
func (a *TextArea) TypedShortcut(s fyne.Shortcut) { a.active.TypedShortcut(s) }

// KeyDown and KeyUp tell the block whether Shift is held (selection).
func (a *TextArea) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		a.shift = true
	}
	a.active.KeyDown(k)
}

// KeyUp see KeyDown.
func (a *TextArea) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		// The cursor may have gone through other blocks since Shift went
		// down: none of them may think it still held.
		a.shift = false
		for _, b := range a.blocks {
			b.KeyUp(k)
		}
		return
	}
	a.active.KeyUp(k)
}

// AcceptsTab is true so that the area sees Tab and Shift+Tab, and moves
// the focus out of the area instead of into its next block.
func (a *TextArea) AcceptsTab() bool { return true }

// Cursor is the text cursor over the whole box.
func (a *TextArea) Cursor() desktop.Cursor { return desktop.TextCursor }

// Tapped follows a click in the box beside or below the text: the cursor
// goes to the nearest row, or to the end of the text, as in an Entry.
func (a *TextArea) Tapped(ev *fyne.PointEvent) {
	y := ev.Position.Y - areaTheme().Size(theme.SizeNameInputBorder) + a.scroll.Offset.Y
	for _, b := range a.blocks {
		if y < b.Position().Y+b.Size().Height {
			at := fyne.NewPos(min(max(ev.Position.X-b.Position().X, 0), b.Size().Width), max(y-b.Position().Y, 0))
			click := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary}
			b.MouseDown(click) // takes the focus, which comes back to the area
			b.MouseUp(click)
			return
		}
	}
	if c := a.canvas(); c != nil && !a.Disabled() {
		c.Focus(a)
	}
	a.setCaret(a.length())
}

func (a *TextArea) setFocused(on bool) {
	if a.focused == on {
		return
	}
	a.focused = on
	a.Refresh()
	a.showCaret()
}

// areaTheme is the app's theme. The area does not ask its own Theme: the
// blocks' theme is in force while they are laid out, and would answer.
func areaTheme() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// canvas is the window's canvas, nil while the area is not shown.
func (a *TextArea) canvas() fyne.Canvas {
	return fyne.CurrentApp().Driver().CanvasForObject(a)
}

// leave moves the focus to the next field (forward) or the previous one,
// as Tab does for single-line fields.
func (a *TextArea) leave(forward bool) {
	c := a.canvas()
	if c == nil {
		return
	}
	a.hopping = true
	defer func() { a.hopping = false }()
	if forward {
		c.Focus(a.blocks[len(a.blocks)-1])
		c.FocusNext()
	} else {
		c.Focus(a.blocks[0])
		c.FocusPrevious()
	}
}

// length is the number of characters of the text.
func (a *TextArea) length() int { return utf8.RuneCountInString(a.text) }

// changed brings the text up to date and tells OnChanged.
func (a *TextArea) changed() {
	var sb strings.Builder
	sb.Grow(len(a.text) + 16)
	for i, b := range a.blocks {
		sb.WriteString(b.Text)
		if !b.soft && i < len(a.blocks)-1 {
			sb.WriteByte('\n')
		}
	}
	text := sb.String()
	if text == a.text {
		return
	}
	a.text = text
	if a.OnChanged != nil {
		a.OnChanged(text)
	}
}

// showPlaceholder shows the placeholder in the only block, if it is.
func (a *TextArea) showPlaceholder() {
	for i, b := range a.blocks {
		p := ""
		if i == 0 && len(a.blocks) == 1 {
			p = a.placeholder
		}
		if b.PlaceHolder != p {
			b.SetPlaceHolder(p)
		}
	}
}
