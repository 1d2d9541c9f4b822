package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// keyField is a field the tests type into key by key: an entry or a text
// area.
type keyField interface {
	fyne.Focusable
	fyne.Shortcutable
}

// taField is the field the table test types into, and how to read it.
type taField struct {
	keyField
	set       func(string)
	text      func() string
	onChanged func(func(string))
}

// taNew shows a text area alone in a window width wide, with the focus.
func taNew(t testing.TB, width float32, onEscape func()) (taField, *TextArea, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	a := NewTextArea(onEscape)
	w := test.NewTempWindow(t, a)
	w.Resize(fyne.NewSize(width, 400))
	w.Canvas().Focus(a)
	return taField{a, a.SetText, a.Text, func(f func(string)) { a.OnChanged = f }}, a, w
}

// taOp is a step of a table case: what the user does.
type taOp func(f taField, w fyne.Window)

// taType types s key by key; "\n" is the Return key.
func taType(s string) taOp {
	return func(f taField, w fyne.Window) {
		for _, r := range s {
			if r == '\n' {
				w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				continue
			}
			w.Canvas().Focused().TypedRune(r)
		}
	}
}

// taKey presses key n times.
func taKey(key fyne.KeyName, n int) taOp {
	return func(f taField, w fyne.Window) {
		for range n {
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
		}
	}
}

func taShortcut(s fyne.Shortcut) taOp {
	return func(f taField, w fyne.Window) { w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(s) }
}

func taPaste(text string) taOp {
	return func(f taField, w fyne.Window) {
		cb := fyne.CurrentApp().Clipboard()
		cb.SetContent(text)
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	}
}

func taSet(text string) taOp { return func(f taField, _ fyne.Window) { f.set(text) } }

// taShift presses Shift (down) or lets it go.
func taShift(down bool) taOp {
	return func(f taField, w fyne.Window) {
		k := w.Canvas().Focused().(desktop.Keyable)
		if down {
			k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		} else {
			k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
}

// taSelect holds Shift while it presses key n times.
func taSelect(key fyne.KeyName, n int) taOp {
	return func(f taField, w fyne.Window) {
		taShift(true)(f, w)
		taKey(key, n)(f, w)
		taShift(false)(f, w)
	}
}

// taClip is Ctrl+C or Ctrl+X with the app's clipboard.
func taClip(cut bool) taOp {
	return func(f taField, w fyne.Window) {
		cb := fyne.CurrentApp().Clipboard()
		var s fyne.Shortcut = &fyne.ShortcutCopy{Clipboard: cb}
		if cut {
			s = &fyne.ShortcutCut{Clipboard: cb}
		}
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(s)
	}
}

// taPasteClip is Ctrl+V of what the clipboard holds.
func taPasteClip() taOp {
	return func(f taField, w fyne.Window) {
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	}
}

// tfSentence is the sentence of issue 8: typed key by key at many widths,
// Entry stored "asked for payment" as "asked forpayment".
const tfSentence = "Olga asked for payment terms and a discount for the second phase of the project, " +
	"then we talked about the schedule again."

const (
	taCyrillic = "Ольга попросила условия оплаты и скидку на второй этап проекта, потом мы снова обсудили график."
	taLong     = "Olga asked for payment terms and a discount for the second phase of the project, then we talked about the schedule again. "
)

// taCases are what a demanding user does in a multi-line field, and the
// text that must result. PageUp and PageDown go to the start and end of
// these short texts.
var taCases = []struct {
	name string
	ops  []taOp
	want string
}{
	{"typing", []taOp{taType(tfSentence)}, tfSentence},
	{"typing Cyrillic", []taOp{taType(taCyrillic)}, taCyrillic},
	{"typing two paragraphs", []taOp{taType("Olga asked for payment terms.\nThen we talked about the schedule.")},
		"Olga asked for payment terms.\nThen we talked about the schedule."},
	{"typing spaces", []taOp{taType("  two  spaces   and three   ")}, "  two  spaces   and three   "},
	{"Enter cuts the paragraph", []taOp{taSet("onetwo"), taKey(fyne.KeyPageUp, 1), taKey(fyne.KeyRight, 3),
		taKey(fyne.KeyReturn, 1), taType("X")}, "one\nXtwo"},
	{"Enter twice: an empty paragraph", []taOp{taType("a\n\nb")}, "a\n\nb"},
	{"Backspace at a paragraph start joins", []taOp{taSet("one\ntwo"), taKey(fyne.KeyPageDown, 1),
		taKey(fyne.KeyLeft, 3), taKey(fyne.KeyBackspace, 1), taType("-")}, "one-two"},
	{"Delete at a paragraph end joins", []taOp{taSet("one\ntwo"), taKey(fyne.KeyPageUp, 1), taKey(fyne.KeyEnd, 1),
		taKey(fyne.KeyDelete, 1), taType("-")}, "one-two"},
	{"Backspace over an empty paragraph", []taOp{taSet("a\n\nb"), taKey(fyne.KeyPageDown, 1),
		taKey(fyne.KeyLeft, 1), taKey(fyne.KeyBackspace, 2)}, "ab"},
	{"Right goes into the next paragraph", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 3), taType("X")}, "ab\nXcd"},
	{"Left goes into the previous paragraph", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageDown, 1),
		taKey(fyne.KeyLeft, 3), taType("X")}, "abX\ncd"},
	{"Down keeps the column", []taOp{taSet("abc\ndef"), taKey(fyne.KeyPageUp, 1), taKey(fyne.KeyRight, 1),
		taKey(fyne.KeyDown, 1), taType("X")}, "abc\ndXef"},
	{"Up keeps the column", []taOp{taSet("abc\ndef"), taKey(fyne.KeyPageDown, 1), taKey(fyne.KeyUp, 1),
		taType("X")}, "abcX\ndef"},
	{"Home and End", []taOp{taSet("abc\ndef"), taKey(fyne.KeyPageDown, 1), taKey(fyne.KeyHome, 1), taType("<"),
		taKey(fyne.KeyEnd, 1), taType(">")}, "abc\n<def>"},
	{"paste of paragraphs", []taOp{taSet("ab"), taKey(fyne.KeyPageUp, 1), taKey(fyne.KeyRight, 1),
		taPaste("1\n2\n\n3"), taType("X")}, "a1\n2\n\n3Xb"},
	{"paste over a selection", []taOp{taSet("abc"), taShortcut(&fyne.ShortcutSelectAll{}), taPaste("x\ny")}, "x\ny"},
	{"select all and type", []taOp{taSet("one\ntwo"), taShortcut(&fyne.ShortcutSelectAll{}), taType("z")}, "z"},
	{"select all and erase", []taOp{taSet("one\ntwo"), taShortcut(&fyne.ShortcutSelectAll{}),
		taKey(fyne.KeyBackspace, 1)}, ""},
	{"undo typing", []taOp{taType("hello"), taShortcut(&fyne.ShortcutUndo{})}, ""},
	{"undo and redo", []taOp{taType("hello"), taShortcut(&fyne.ShortcutUndo{}), taShortcut(&fyne.ShortcutRedo{})},
		"hello"},
	{"undo Enter", []taOp{taSet("onetwo"), taKey(fyne.KeyPageUp, 1), taKey(fyne.KeyRight, 3),
		taKey(fyne.KeyReturn, 1), taShortcut(&fyne.ShortcutUndo{})}, "onetwo"},
	{"Tab leaves the field", []taOp{taType("a"), taKey(fyne.KeyTab, 1)}, "a"},
	{"Escape types nothing", []taOp{taType("a"), taKey(fyne.KeyEscape, 1)}, "a"},
	{"Shift+Right over a paragraph end, then a key", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 1), taSelect(fyne.KeyRight, 3), taType("X")}, "aXd"},
	{"Shift+Down over paragraphs, then Backspace", []taOp{taSet("one\ntwo\nthree"), taKey(fyne.KeyPageUp, 1),
		taSelect(fyne.KeyDown, 2), taKey(fyne.KeyBackspace, 1)}, "three"},
	{"Shift+Up over a paragraph end, then a key", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageDown, 1),
		taSelect(fyne.KeyUp, 1), taType("X")}, "abX"},
	{"Left ends a selection at its start", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageDown, 1),
		taSelect(fyne.KeyLeft, 3), taKey(fyne.KeyLeft, 1), taType("X")}, "abX\ncd"},
	{"Right ends a selection at its end", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taSelect(fyne.KeyRight, 4), taKey(fyne.KeyRight, 1), taType("X")}, "ab\ncXd"},
	{"copy over paragraphs, paste at the end", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 1), taSelect(fyne.KeyRight, 3), taClip(false), taKey(fyne.KeyPageDown, 1),
		taPasteClip()}, "ab\ncdb\nc"},
	{"cut over paragraphs, paste at the end", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 1), taSelect(fyne.KeyRight, 3), taClip(true), taKey(fyne.KeyPageDown, 1),
		taPasteClip()}, "adb\nc"},
	{"Ctrl+Shift+End selects to the end", []taOp{taSet("ab\ncd\nef"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 1), taShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd,
			Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}), taType("X")}, "aX"},
	{"Shift+Left after Ctrl+A keeps the rest selected", []taOp{taSet("ab\ncd"),
		taShortcut(&fyne.ShortcutSelectAll{}), taSelect(fyne.KeyLeft, 1), taType("X")}, "Xd"},
	{"undo a key typed over paragraphs", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 1), taSelect(fyne.KeyRight, 3), taType("X"), taShortcut(&fyne.ShortcutUndo{})}, "ab\ncd"},
	{"Ctrl going down keeps Ctrl+A's selection for Ctrl+C", []taOp{taSet("ab"), taShortcut(&fyne.ShortcutSelectAll{}),
		taKey(desktop.KeyControlLeft, 1), taClip(false), taKey(fyne.KeyPageDown, 1), taPasteClip()}, "abab"},
	{"Ctrl going down keeps a Shift selection for Ctrl+X", []taOp{taSet("ab\ncd"), taKey(fyne.KeyPageUp, 1),
		taKey(fyne.KeyRight, 1), taSelect(fyne.KeyRight, 3), taKey(desktop.KeyControlLeft, 1), taClip(true)}, "ad"},
	{"a space at the end of a long text", []taOp{taType(strings.Repeat(taLong, 3))}, strings.Repeat(taLong, 3)},
}

// taWidths are the widths of the window the table cases run in.
var taWidths = []float32{150, 210, 300, 420, 640}

func TestTextAreaTable(t *testing.T) {
	for _, c := range taCases {
		for _, width := range taWidths {
			t.Run(fmt.Sprintf("%s/%v", c.name, width), func(t *testing.T) {
				f, _, w := taNew(t, width, func() {})
				changed := "(none)"
				f.onChanged(func(s string) { changed = s })
				for _, op := range c.ops {
					op(f, w)
				}
				if got := f.text(); got != c.want {
					t.Errorf("text\n%q\nwant\n%q", got, c.want)
				}
				if changed != "(none)" && changed != c.want {
					t.Errorf("OnChanged last said\n%q\nwant\n%q", changed, c.want)
				}
			})
		}
	}
}

// taOdd are texts that must come back byte for byte from SetText.
var taOdd = []string{
	"", "\n", "\n\n", "a\n", "\na", "  leading", "trailing  ", " ", "a\r\nb\r\n", "\ttab\tand tab",
	"emoji 🙂 and Ольга", strings.Repeat(taLong, 200), strings.Repeat(taLong+"\n", 40),
	strings.Repeat("x", 5000), strings.Repeat(taLong, 20) + "\n\n" + strings.Repeat(taCyrillic+" ", 30),
}

func TestTextAreaSetTextRoundTrip(t *testing.T) {
	_, a, _ := taNew(t, 400, nil)
	for _, s := range taOdd {
		a.SetText(s)
		if got := a.Text(); got != s {
			t.Errorf("SetText(%.40q…) then Text() = %.40q…", s, got)
		}
	}
	for _, s := range taOdd { // and the same from a fresh area
		b := NewTextArea(nil)
		b.SetText(s)
		if got := b.Text(); got != s {
			t.Errorf("a new area: SetText(%.40q…) then Text() = %.40q…", s, got)
		}
	}
}

// taRows are the offsets in the text where the area's rows start.
func taRows(a *TextArea) []int {
	var out []int
	for i, b := range a.blocks {
		s := a.start(i)
		for r := range b.rowCount() {
			out = append(out, s+b.rowStart(r))
		}
	}
	return out
}

// entryRows are the offsets where the rows of e start.
func entryRows(e *widget.Entry) []int {
	var out []int
	for r := 0; ; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		p := e.CursorTextOffset()
		if r > 0 && p == 0 {
			return out
		}
		out = append(out, p)
	}
}

// The cuts of a long paragraph into blocks do not show: the area has the
// rows one Entry has for the whole text, as it is typed and as its width
// changes.
func TestTextAreaCutsDoNotShow(t *testing.T) {
	long := strings.Repeat(taLong, 25) + "\n\n" + strings.Repeat(taCyrillic+" ", 12) + "\nshort"
	_, a, w := taNew(t, 600, nil)
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	we := test.NewTempWindow(t, e)
	check := func(when string, width float32) {
		t.Helper()
		w.Resize(fyne.NewSize(width, 400))
		we.Resize(fyne.NewSize(width, 400))
		e.SetText(a.Text())
		// The wheel over the text scrolls it; blocks are settled as they come into view.
		test.Scroll(w.Canvas(), fyne.NewPos(50, 50), 0, a.column.MinSize().Height)
		for range int(a.column.MinSize().Height/200) + 1 {
			test.Scroll(w.Canvas(), fyne.NewPos(50, 50), 0, -200)
		}
		got, want := taRows(a), entryRows(e)
		if !slices.Equal(got, want) {
			t.Errorf("%s at %v: rows start at\n%v\nwant\n%v", when, width, got, want)
		}
		if len(a.blocks) < 4 {
			t.Errorf("%s at %v: %d blocks, want the paragraphs cut", when, width, len(a.blocks))
		}
		for _, b := range a.blocks {
			if b.rowCount() > blockRowsMax*2 {
				t.Errorf("%s at %v: a block of %d rows", when, width, b.rowCount())
			}
		}
	}
	a.SetText(long)
	for _, width := range []float32{600, 250, 420, 900} {
		check("after SetText", width)
	}
	a.setCaret(1000)
	taType("typing in the middle of a long paragraph, ")(taField{}, w)
	check("after typing", 900)
	taKey(fyne.KeyBackspace, 30)(taField{}, w)
	check("after erasing", 900)
	a.setCaret(len(taLong) * 10)
	taKey(fyne.KeyReturn, 1)(taField{}, w)
	taType("x")(taField{}, w)
	check("after cutting the paragraph", 330)
}
