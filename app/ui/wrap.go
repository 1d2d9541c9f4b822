package ui

import (
	"strings"

	"fyne.io/fyne/v2"
)

// WrapLabel is a label that wraps its text at word boundaries to its
// width, as a label with fyne.TextWrapWord does, without its cost: Fyne
// 2.7's label finds each line's end by a binary search that shapes the
// line's text again at every step (about 20 ms for the few labels of one
// section's block in the builder, most of the UI goroutine's time when a
// proposal of forty sections opened). A WrapLabel breaks its text with the
// TextFitter of the package, which adds up widths of characters measured
// once, and shows the lines in a label that does not wrap.
type WrapLabel struct{ fittedLabel }

// NewWrapLabel returns a WrapLabel showing text.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{fittedLabel{full: text, fit: (*TextFitter).Wrap}}
	l.Label.Text = text
	l.ExtendBaseWidget(l)
	return l
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
