package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitLabel is a label that cuts its text to its width with an ellipsis,
// as a label with fyne.TextTruncateEllipsis does, without its cost: Fyne
// 2.7's label shapes each text it truncates with a shaper made for that
// one call, which loads the font's layout tables again every time (about
// 0.3 ms a label on the development machine: most of the UI goroutine's
// time when a list of 100,000 people opened). A FitLabel cuts its text
// with the TextFitter of the package.
type FitLabel struct{ fittedLabel }

// NewFitLabel returns a FitLabel showing text.
func NewFitLabel(text string) *FitLabel {
	return NewFitLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{})
}

// NewFitLabelWithStyle returns a FitLabel showing text aligned and styled.
func NewFitLabelWithStyle(text string, align fyne.TextAlign, style fyne.TextStyle) *FitLabel {
	l := &FitLabel{fittedLabel{full: text, fit: (*TextFitter).Fit}}
	l.Label.Text, l.Alignment, l.TextStyle = text, align, style
	l.ExtendBaseWidget(l)
	return l
}

// fittedLabel is a label that shows its text made to fit its width by
// fit (cut or broken into lines), measured with the package's
// TextFitter: FitLabel and WrapLabel.
type fittedLabel struct {
	widget.Label
	full  string  // the whole text; Label.Text is what is shown
	width float32 // the width Label.Text was fitted to
	fit   func(f *TextFitter, s string, width float32, style fyne.TextStyle) string
}

// SetText shows text, fitted to the label's width, and refreshes the
// label (for its importance, say, even when the text is the same).
func (l *fittedLabel) SetText(text string) {
	l.full = text
	l.width = l.Size().Width
	l.Label.SetText(l.fitted())
}

// FullText returns the whole text the label was given.
func (l *fittedLabel) FullText() string { return l.full }

// Resize fits the text to the new width.
func (l *fittedLabel) Resize(size fyne.Size) {
	l.Label.Resize(size)
	if size.Width != l.width {
		l.width = size.Width
		if text := l.fitted(); text != l.Label.Text {
			l.Label.SetText(text)
		}
	}
}

// MinSize is as tall as the text shown and as wide as an ellipsis: the
// label takes the width it is given.
func (l *fittedLabel) MinSize() fyne.Size {
	min := l.Label.MinSize()
	min.Width = fitter.ellipsisWidth(l.TextStyle) + 2*theme.InnerPadding()
	return min
}

// fitted is the whole text fitted to the label's width; the whole text
// while the label has none (it is not laid out yet).
func (l *fittedLabel) fitted() string {
	if l.width <= 0 {
		return l.full
	}
	return l.fit(&fitter, l.full, l.width-2*theme.InnerPadding(), l.TextStyle)
}

// fitter is the TextFitter of every FitLabel.
var fitter TextFitter

// TextFitter cuts texts to a width with an ellipsis, as a label that
// truncates does, for labels that show many texts. It measures each
// character once, in the theme's text size, and adds the widths up:
// without kerning a text measures a little wider than it is drawn, so
// what it keeps always fits; a text that measures at most 8 % too wide is
// measured whole (once a text) before it is cut. It is safe for
// concurrent use.
type TextFitter struct {
	mu     sync.Mutex
	size   float32
	widths map[fyne.TextStyle]map[rune]float32
}

// ellipsis is what ends a text that was cut, as in Fyne's labels.
const ellipsis = "…"

// Fit returns s, or as much of it as fits width in style followed by an
// ellipsis (only the ellipsis when nothing does, nothing when not even
// that). A text of several lines is cut at its first line.
func (f *TextFitter) Fit(s string, width float32, style fyne.TextStyle) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	widths := f.table(style)
	cut, more := s, false
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		cut, more = s[:i], true
	}
	room := width - f.width(widths, '…', style)
	fits := len(cut) // the bytes of cut that fit with the ellipsis
	w, far := float32(0), width*1.08
	for i, r := range cut {
		w += f.width(widths, r, style)
		if w > room && fits == len(cut) {
			fits = i
		}
		if w > far {
			break
		}
	}
	switch {
	case w <= width && !more:
		return cut
	case w <= far && !more && fyne.MeasureText(cut, f.size, style).Width <= width:
		return cut // kerning makes it fit after all
	case room < 0:
		return ""
	}
	return strings.TrimRight(cut[:fits], " ") + ellipsis
}

func (f *TextFitter) ellipsisWidth(style fyne.TextStyle) float32 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.width(f.table(style), '…', style)
}

// table returns the widths measured in style, all measured again when the
// theme's text size changed.
func (f *TextFitter) table(style fyne.TextStyle) map[rune]float32 {
	if size := theme.TextSize(); f.widths == nil || size != f.size {
		f.size, f.widths = size, map[fyne.TextStyle]map[rune]float32{}
	}
	t := f.widths[style]
	if t == nil {
		t = map[rune]float32{}
		f.widths[style] = t
	}
	return t
}

// width is how wide r is drawn in style, in the text size.
func (f *TextFitter) width(widths map[rune]float32, r rune, style fyne.TextStyle) float32 {
	w, ok := widths[r]
	if !ok {
		w = fyne.MeasureText(string(r), f.size, style).Width
		widths[r] = w
	}
	return w
}

// FitSelect returns s in a box as wide as its longest option needs
// (measured as Fyne measures a drop-down, in the current theme and
// language): Fyne makes a drop-down only as wide as its placeholder and
// cuts a longer choice with "…", as it cut "Fill in what the person
// lacks" in the rows of an import's preview. Hide the box, not s, to
// take it out of a layout.
func FitSelect(s *widget.Select) *fyne.Container {
	probe := widget.NewSelect(nil, nil)
	size := s.MinSize()
	for _, o := range s.Options {
		probe.PlaceHolder = o
		size.Width = max(size.Width, probe.MinSize().Width)
	}
	return container.NewGridWrap(size, s)
}
