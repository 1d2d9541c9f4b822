package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// BenchmarkTextAreaTyping20k is the cost of one key typed in the middle of
// a note of 20,000 characters in a field 600 pixels wide and 14 rows
// tall (the largest kamdesk shows): in ~50 paragraphs, and as one
// paragraph. "entry" is Fyne's word-wrapped multi-line Entry, what the
// fields were before; "area" is the textArea. ns/op is per key; every 200
// keys the note starts again (not timed), so that it stays near 20,000.
//
//	go test -run '^$' -bench TextAreaTyping20k -count 5 ./app/
func BenchmarkTextAreaTyping20k(b *testing.B) {
	para := strings.Repeat(longSentence, 3) + "\n" // about 370 characters
	notes := map[string]string{
		"paragraphs":    strings.Repeat(para, 20000/len(para)+1)[:20000],
		"one-paragraph": strings.Repeat(longSentence, 20000/len(longSentence)+1)[:20000],
	}
	const keys = "lorem ipsum dolor sit amet, "
	for _, shape := range []string{"paragraphs", "one-paragraph"} {
		note := notes[shape]
		b.Run("entry/"+shape, func(b *testing.B) {
			test.NewTempApp(b)
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(600, 300))
			w.Canvas().Focus(e)
			start := func() {
				e.SetText(note)
				e.CursorRow, e.CursorColumn = 40, 0 // the middle of the paragraphs, inside the one
				e.Refresh()
			}
			benchTyping(b, w, start, keys)
		})
		b.Run("area/"+shape, func(b *testing.B) {
			test.NewTempApp(b)
			a := NewTextArea(nil)
			w := test.NewTempWindow(b, a)
			w.Resize(fyne.NewSize(600, 300))
			w.Canvas().Focus(a)
			start := func() {
				a.SetText(note)
				a.setCaret(len(note) / 2)
			}
			benchTyping(b, w, start, keys)
		})
	}
}

// benchTyping types keys into the focused field of w, b.N keys, calling
// start (untimed) before the first key and every 200 keys.
func benchTyping(b *testing.B, w fyne.Window, start func(), keys string) {
	rs := []rune(keys)
	start()
	for i := range 20 { // warm Fyne's cache of measured text up
		w.Canvas().Focused().TypedRune(rs[i%len(rs)])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%200 == 0 {
			b.StopTimer()
			start()
			b.StartTimer()
		}
		w.Canvas().Focused().TypedRune(rs[i%len(rs)])
	}
}
