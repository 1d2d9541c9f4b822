package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WrapLabel is a label that wraps its text at word boundaries to its
// width, as a label with fyne.TextWrapWord does, without its cost: Fyne
// 2.7's label finds each line's end by a binary search that shapes the
// line's text again at every step (about 20 ms for the few labels of one
// section's block in the builder, most of the UI goroutine's time when a
// proposal of forty sections opened). A WrapLabel breaks its text with the
// TextFitter of the package, which adds up widths of characters measured
// once, and shows the lines in a label that does not wrap.
type WrapLabel struct {
	widget.Label
	full  string  // the whole text; Label.Text is it broken into lines
	width float32 // the width Label.Text was broken for
}

// NewWrapLabel returns a WrapLabel showing text.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{full: text}
	l.Label.Text = text
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text, broken into lines of the label's width, and
// refreshes the label (for its importance, say, even when the text is the
// same).
func (l *WrapLabel) SetText(text string) {
	l.full = text
	l.width = l.Size().Width
	l.Label.SetText(l.wrapped())
}

// FullText returns the text the label was given, without the breaks it
// made.
func (l *WrapLabel) FullText() string { return l.full }

// Resize breaks the text again for the new width.
func (l *WrapLabel) Resize(size fyne.Size) {
	l.Label.Resize(size)
	if size.Width != l.width {
		l.width = size.Width
		if text := l.wrapped(); text != l.Label.Text {
			l.Label.SetText(text)
		}
	}
}

// MinSize is as tall as the lines of the text at the label's width, and
// as wide as an ellipsis: like a label that wraps, it takes the width it
// is given.
func (l *WrapLabel) MinSize() fyne.Size {
	min := l.Label.MinSize()
	min.Width = fitter.ellipsisWidth(l.TextStyle) + 2*theme.InnerPadding()
	return min
}

// wrapped is the whole text broken into lines of the label's width; the
// whole text while the label has none (it is not laid out yet).
func (l *WrapLabel) wrapped() string {
	if l.width <= 0 {
		return l.full
	}
	return fitter.Wrap(l.full, l.width-2*theme.InnerPadding(), l.TextStyle)
}

// Wrap breaks s into lines no wider than width in style, as a label that
// wraps words does: a line ends at a space (the spaces at the break are
// left out), and a word wider than a line is cut where it reaches the
// end. The lines of s stay lines. As Fit, it adds up widths of characters,
// which makes a text a little wider than it is drawn, so every line fits.
func (f *TextFitter) Wrap(s string, width float32, style fyne.TextStyle) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	widths := f.table(style)
	var b strings.Builder
	b.Grow(len(s) + len(s)/32)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		f.wrapLine(&b, line, width, widths, style)
	}
	return b.String()
}

// wrapLine writes s to b, broken into lines of width.
func (f *TextFitter) wrapLine(b *strings.Builder, s string, width float32, widths map[rune]float32, style fyne.TextStyle) {
	start := 0      // where the line being filled begins, in s
	w := float32(0) // its width so far
	space := -1     // the last space of the line, where it may end
	for i, r := range s {
		rw := f.width(widths, r, style)
		if r == ' ' { // spaces may reach past the end: they are left out there
			space = i
			w += rw
			continue
		}
		if w+rw > width && strings.TrimLeft(s[start:i], " ") != "" {
			end, next := i, i // cut the word
			if space > start && strings.TrimLeft(s[start:space], " ") != "" {
				end, next = space, space+1 // or end the line at its last space
			}
			b.WriteString(strings.TrimRight(s[start:end], " "))
			b.WriteByte('\n')
			for next < i && s[next] == ' ' {
				next++
			}
			start, space, w = next, -1, 0
			for _, r := range s[start:i] {
				w += f.width(widths, r, style)
			}
		}
		w += rw
	}
	b.WriteString(strings.TrimRight(s[start:], " "))
}
