package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestTextFitterFits: a text that fits is kept whole; one that does not
// is its first line cut short, ending in an ellipsis, and what is kept
// fits as Fyne measures it and is at most a character or two shorter than
// the longest beginning that would.
func TestTextFitterFits(t *testing.T) {
	test.NewTempApp(t)
	measure := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width }
	var f TextFitter
	for _, s := range []string{"", "Northbridge Build Group", "Head of Engineering, Modular Systems",
		"Ágnes Kővári-Szabó", "Генеральный директор", "東京支社 営業部", "Fish & chips 🎉 for all",
		"two\nlines", "AVAWAY To Ty LT", "   spaced   out   "} {
		for width := float32(0); width < 320; width += 7 {
			got := f.Fit(s, width, fyne.TextStyle{})
			first, _, multi := strings.Cut(s, "\n")
			if measure(s) <= width && !multi {
				if got != s {
					t.Errorf("Fit(%q, %v) = %q: it fits whole (%v)", s, width, got, measure(s))
				}
				continue
			}
			if got == "" {
				if measure(ellipsis) <= width {
					t.Errorf("Fit(%q, %v) is empty, yet an ellipsis fits", s, width)
				}
				continue
			}
			kept, ok := strings.CutSuffix(got, ellipsis)
			if !ok || !strings.HasPrefix(first, kept) {
				t.Errorf("Fit(%q, %v) = %q: not a beginning of its first line and an ellipsis", s, width, got)
				continue
			}
			if measure(got) > width {
				t.Errorf("Fit(%q, %v) = %q, %v wide: it does not fit", s, width, got, measure(got))
			}
			best := 0 // the runes of the longest beginning that fits with the ellipsis
			for i := range first {
				if p := strings.TrimRight(first[:i], " "); i > 0 && measure(p+ellipsis) <= width {
					best = max(best, utf8.RuneCountInString(p))
				}
			}
			if utf8.RuneCountInString(kept)+2 < best {
				t.Errorf("Fit(%q, %v) = %q keeps %d characters; %d would fit", s, width, got, utf8.RuneCountInString(kept), best)
			}
		}
	}
}

// TestFitLabel: a FitLabel shows its whole text until it is laid out,
// then as much as its width holds, again when it is resized; asks for no
// more width than an ellipsis; and keeps the whole text.
func TestFitLabel(t *testing.T) {
	test.NewTempApp(t)
	const text = "Head of Engineering, Modular Systems"
	l := NewFitLabel(text)
	if l.Text != text {
		t.Errorf("before layout it shows %q", l.Text)
	}
	if w := l.MinSize().Width; w > fyne.MeasureText(ellipsis, theme.TextSize(), fyne.TextStyle{}).Width+2*theme.InnerPadding() {
		t.Errorf("it asks for %v of width", w)
	}
	var f TextFitter
	for _, width := range []float32{400, 120, 60, 10, 300} {
		l.Resize(fyne.NewSize(width, 36))
		if want := f.Fit(text, width-2*theme.InnerPadding(), fyne.TextStyle{}); l.Text != want {
			t.Errorf("%v wide it shows %q, want %q", width, l.Text, want)
		}
	}
	l.Resize(fyne.NewSize(120, 36))
	l.SetText("Ágnes Kővári-Szabó, Chief Financial Officer")
	if l.FullText() != "Ágnes Kővári-Szabó, Chief Financial Officer" || !strings.HasSuffix(l.Text, ellipsis) {
		t.Errorf("after SetText it holds %q and shows %q", l.FullText(), l.Text)
	}
}
