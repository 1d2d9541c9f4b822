package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapTexts are the texts the wrapping tests break: words of every
// script, long words, runs of spaces, lines of their own.
var wrapTexts = []string{"", "Northbridge", "For Castellan's 23 hotels. We propose a single platform for bookings, staff rotas and maintenance.",
	"Ágnes Kővári-Szabó, Chief Financial Officer of Dunakanyar Logisztika Zrt.", "Генеральный директор и финансовый директор подписывают договор",
	"東京支社 営業部 東京支社営業部東京支社営業部", "Fish & chips 🎉 for all, at the quay", "two\nlines\n\nand a blank one",
	"Supercalifragilisticexpialidocious-and-then-some-more-hyphens", "   spaced   out   words   ", "a b c d e f g h i j k l m n o p"}

// TestTextFitterWraps: Wrap keeps every character but the spaces at its
// breaks, keeps the text's own lines, makes no line wider than the width
// as Fyne measures it (but a line of one character), and ends a line only
// where the next word (or character, in a word it cuts) would not fit.
func TestTextFitterWraps(t *testing.T) {
	test.NewTempApp(t)
	measure := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width }
	squeeze := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(s) }
	var f TextFitter
	for _, s := range wrapTexts {
		for width := float32(1); width < 700; width += 13 {
			got := f.Wrap(s, width, fyne.TextStyle{})
			if squeeze(got) != squeeze(s) {
				t.Errorf("Wrap(%q, %v) = %q: it lost or added characters", s, width, got)
				continue
			}
			lines := strings.Split(got, "\n")
			k := 0 // the lines of got that come from each line of s, in turn
			for _, para := range strings.Split(s, "\n") {
				var mine []string
				for squeeze(strings.Join(mine, "")) != squeeze(para) || len(mine) == 0 && para == "" {
					if k >= len(lines) {
						t.Fatalf("Wrap(%q, %v) = %q: the line %q went", s, width, got, para)
					}
					mine = append(mine, lines[k])
					k++
					if squeeze(para) == "" {
						break
					}
				}
				pos := 0 // where the line mine[j] ends in para
				for j, l := range mine {
					if utf8.RuneCountInString(strings.TrimSpace(l)) > 1 && measure(l) > width {
						t.Errorf("Wrap(%q, %v): line %q is %v wide", s, width, l, measure(l))
					}
					at := strings.Index(para[pos:], strings.TrimLeft(l, " "))
					if at < 0 {
						t.Fatalf("Wrap(%q, %v): line %q is not in %q", s, width, l, para[pos:])
					}
					pos += at + len(strings.TrimLeft(l, " "))
					if j == len(mine)-1 {
						break
					}
					next := strings.TrimLeft(mine[j+1], " ")
					word, _, _ := strings.Cut(next, " ")
					longer := l + " " + word // the next word, had the line gone on
					if r, _ := utf8.DecodeRuneInString(next); para[pos] != ' ' {
						longer = l + string(r) // a word cut: its next character
					}
					if measure(longer)*1.08 <= width {
						t.Errorf("Wrap(%q, %v): line %q ends early: %q fits (%v)", s, width, l, longer, measure(longer))
					}
				}
			}
			if k != len(lines) {
				t.Errorf("Wrap(%q, %v) = %q: %d lines more than its text's", s, width, got, len(lines)-k)
			}
		}
	}
}

// TestWrapLabel: a WrapLabel shows its whole text until it is laid out,
// then broken into lines of its width, again when resized or given a new
// text; it is as tall as those lines and asks for no more width than an
// ellipsis, as tall as Fyne's own wrapping label give or take a line.
func TestWrapLabel(t *testing.T) {
	test.NewTempApp(t)
	text := wrapTexts[2]
	l := NewWrapLabel(text)
	if l.Text != text {
		t.Errorf("before layout it shows %q", l.Text)
	}
	fyneOwn := widget.NewLabel(text)
	fyneOwn.Wrapping = fyne.TextWrapWord
	var f TextFitter
	for _, width := range []float32{600, 240, 120, 60, 300} {
		l.Resize(fyne.NewSize(width, 36))
		if want := f.Wrap(text, width-2*theme.InnerPadding(), fyne.TextStyle{}); l.Text != want {
			t.Errorf("%v wide it shows %q, want %q", width, l.Text, want)
		}
		if w := l.MinSize().Width; w > fyne.MeasureText(ellipsis, theme.TextSize(), fyne.TextStyle{}).Width+2*theme.InnerPadding() {
			t.Errorf("%v wide it asks for %v of width", width, w)
		}
		fyneOwn.Resize(fyne.NewSize(width, 36))
		lines := float32(strings.Count(l.Text, "\n") + 1)
		lineHeight := (fyneOwn.MinSize().Height - 2*theme.InnerPadding()) / lines
		if h, fh := l.MinSize().Height, fyneOwn.MinSize().Height; h < fh-lineHeight-1 || h > fh+lineHeight+1 {
			t.Errorf("%v wide it is %v tall, Fyne's own wrapping label %v", width, h, fh)
		}
	}
	l.SetText(wrapTexts[3])
	if l.FullText() != wrapTexts[3] || l.Text != f.Wrap(wrapTexts[3], 300-2*theme.InnerPadding(), fyne.TextStyle{}) {
		t.Errorf("after SetText it holds %q and shows %q", l.FullText(), l.Text)
	}
}
