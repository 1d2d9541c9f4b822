package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// AddressLabel shows an e-mail address, a telephone number or a web
// address whole: when its column is too narrow for it on one line it
// breaks only where such an address has a natural seam, before "@" and
// after ".", "-", "/" or a space, never inside a word, and every character
// stays (a copy of the text is the address).
type AddressLabel struct{ fittedLabel }

// NewAddressLabel returns an AddressLabel showing text.
func NewAddressLabel(text string) *AddressLabel {
	l := &AddressLabel{fittedLabel{full: text, fit: (*TextFitter).WrapAddress}}
	l.Label.Text = text
	l.ExtendBaseWidget(l)
	return l
}

// MinSize is as wide as the widest piece between two seams: narrower than
// that the address could only be broken inside a word.
func (l *AddressLabel) MinSize() fyne.Size {
	min := l.fittedLabel.MinSize()
	fitter.mu.Lock()
	widths := fitter.table(l.TextStyle)
	var widest, w float32
	for _, piece := range addressPieces(l.full) {
		w = 0
		for _, r := range strings.TrimRight(piece, " ") {
			w += fitter.width(widths, r, l.TextStyle)
		}
		widest = max(widest, w)
	}
	fitter.mu.Unlock()
	min.Width = max(min.Width, widest+2*theme.InnerPadding())
	return min
}

// WrapAddress breaks s into lines no wider than width at the seams of an
// address (see AddressLabel); a piece wider than a line has one to itself.
func (f *TextFitter) WrapAddress(s string, width float32, style fyne.TextStyle) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	widths := f.table(style)
	var b strings.Builder
	var w float32
	for _, piece := range addressPieces(s) {
		var pw float32
		for _, r := range piece {
			pw += f.width(widths, r, style)
		}
		if w > 0 && w+pw > width {
			b.WriteByte('\n')
			w = 0
		}
		b.WriteString(piece)
		w += pw
	}
	return b.String()
}

// addressPieces cuts s at the seams of an address: before "@", after ".",
// "-", "/" and spaces. The pieces joined are s.
func addressPieces(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch r {
		case '@':
			if i > start {
				out = append(out, s[start:i])
				start = i
			}
		case '.', '-', '/', ' ':
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
