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

// typedField is the field the table test types into, and how to read it.
type typedField struct {
	keyField
	set       func(string)
	text      func() string
	onChanged func(func(string))
}

// showArea shows a text area alone in a window width wide, with the focus.
func showArea(t testing.TB, width float32, onEscape func()) (typedField, *TextArea, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	a := NewTextArea(onEscape)
	w := test.NewTempWindow(t, a)
	w.Resize(fyne.NewSize(width, 400))
	w.Canvas().Focus(a)
	return typedField{a, a.SetText, a.Text, func(f func(string)) { a.OnChanged = f }}, a, w
}

// userAction is a step of a table case: what the user does.
type userAction func(f typedField, w fyne.Window)

// typeKeys types s key by key; "\n" is the Return key.
func typeKeys(s string) userAction {
	return func(f typedField, w fyne.Window) {
		for _, r := range s {
			if r == '\n' {
				w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				continue
			}
			w.Canvas().Focused().TypedRune(r)
		}
	}
}

// pressKey presses key n times.
func pressKey(key fyne.KeyName, n int) userAction {
	return func(f typedField, w fyne.Window) {
		for range n {
			w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: key})
		}
	}
}

func pressShortcut(s fyne.Shortcut) userAction {
	return func(f typedField, w fyne.Window) { w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(s) }
}

func pasteText(text string) userAction {
	return func(f typedField, w fyne.Window) {
		cb := fyne.CurrentApp().Clipboard()
		cb.SetContent(text)
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	}
}

func setText(text string) userAction { return func(f typedField, _ fyne.Window) { f.set(text) } }

// holdShift presses Shift (down) or lets it go.
func holdShift(down bool) userAction {
	return func(f typedField, w fyne.Window) {
		k := w.Canvas().Focused().(desktop.Keyable)
		if down {
			k.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		} else {
			k.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
		}
	}
}

// selectWithKeys holds Shift while it presses key n times.
func selectWithKeys(key fyne.KeyName, n int) userAction {
	return func(f typedField, w fyne.Window) {
		holdShift(true)(f, w)
		pressKey(key, n)(f, w)
		holdShift(false)(f, w)
	}
}

// copyOrCut is Ctrl+C or Ctrl+X with the app's clipboard.
func copyOrCut(cut bool) userAction {
	return func(f typedField, w fyne.Window) {
		cb := fyne.CurrentApp().Clipboard()
		var s fyne.Shortcut = &fyne.ShortcutCopy{Clipboard: cb}
		if cut {
			s = &fyne.ShortcutCut{Clipboard: cb}
		}
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(s)
	}
}

// pasteClipboard is Ctrl+V of what the clipboard holds.
func pasteClipboard() userAction {
	return func(f typedField, w fyne.Window) {
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	}
}

// tfSentence is the sentence of issue 8: typed key by key at many widths,
// Entry stored "asked for payment" as "asked forpayment".
const tfSentence = "Olga asked for payment terms and a discount for the second phase of the project, " +
	"then we talked about the schedule again."

const (
	cyrillicSentence = "Ольга попросила условия оплаты и скидку на второй этап проекта, потом мы снова обсудили график."
	longSentence     = "Olga asked for payment terms and a discount for the second phase of the project, then we talked about the schedule again. "
)

// editingCases are what a demanding user does in a multi-line field, and the
// text that must result. PageUp and PageDown go to the start and end of
// these short texts.
var editingCases = []struct {
	name string
	ops  []userAction
	want string
}{
	{"typing", []userAction{typeKeys(tfSentence)}, tfSentence},
	{"typing Cyrillic", []userAction{typeKeys(cyrillicSentence)}, cyrillicSentence},
	{"typing two paragraphs", []userAction{typeKeys("Olga asked for payment terms.\nThen we talked about the schedule.")},
		"Olga asked for payment terms.\nThen we talked about the schedule."},
	{"typing spaces", []userAction{typeKeys("  two  spaces   and three   ")}, "  two  spaces   and three   "},
	{"Enter cuts the paragraph", []userAction{setText("onetwo"), pressKey(fyne.KeyPageUp, 1), pressKey(fyne.KeyRight, 3),
		pressKey(fyne.KeyReturn, 1), typeKeys("X")}, "one\nXtwo"},
	{"Enter twice: an empty paragraph", []userAction{typeKeys("a\n\nb")}, "a\n\nb"},
	{"Backspace at a paragraph start joins", []userAction{setText("one\ntwo"), pressKey(fyne.KeyPageDown, 1),
		pressKey(fyne.KeyLeft, 3), pressKey(fyne.KeyBackspace, 1), typeKeys("-")}, "one-two"},
	{"Delete at a paragraph end joins", []userAction{setText("one\ntwo"), pressKey(fyne.KeyPageUp, 1), pressKey(fyne.KeyEnd, 1),
		pressKey(fyne.KeyDelete, 1), typeKeys("-")}, "one-two"},
	{"Backspace over an empty paragraph", []userAction{setText("a\n\nb"), pressKey(fyne.KeyPageDown, 1),
		pressKey(fyne.KeyLeft, 1), pressKey(fyne.KeyBackspace, 2)}, "ab"},
	{"Right goes into the next paragraph", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 3), typeKeys("X")}, "ab\nXcd"},
	{"Left goes into the previous paragraph", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageDown, 1),
		pressKey(fyne.KeyLeft, 3), typeKeys("X")}, "abX\ncd"},
	{"Down keeps the column", []userAction{setText("abc\ndef"), pressKey(fyne.KeyPageUp, 1), pressKey(fyne.KeyRight, 1),
		pressKey(fyne.KeyDown, 1), typeKeys("X")}, "abc\ndXef"},
	{"Up keeps the column", []userAction{setText("abc\ndef"), pressKey(fyne.KeyPageDown, 1), pressKey(fyne.KeyUp, 1),
		typeKeys("X")}, "abcX\ndef"},
	{"Home and End", []userAction{setText("abc\ndef"), pressKey(fyne.KeyPageDown, 1), pressKey(fyne.KeyHome, 1), typeKeys("<"),
		pressKey(fyne.KeyEnd, 1), typeKeys(">")}, "abc\n<def>"},
	{"paste of paragraphs", []userAction{setText("ab"), pressKey(fyne.KeyPageUp, 1), pressKey(fyne.KeyRight, 1),
		pasteText("1\n2\n\n3"), typeKeys("X")}, "a1\n2\n\n3Xb"},
	{"paste over a selection", []userAction{setText("abc"), pressShortcut(&fyne.ShortcutSelectAll{}), pasteText("x\ny")}, "x\ny"},
	{"select all and type", []userAction{setText("one\ntwo"), pressShortcut(&fyne.ShortcutSelectAll{}), typeKeys("z")}, "z"},
	{"select all and erase", []userAction{setText("one\ntwo"), pressShortcut(&fyne.ShortcutSelectAll{}),
		pressKey(fyne.KeyBackspace, 1)}, ""},
	{"undo typing", []userAction{typeKeys("hello"), pressShortcut(&fyne.ShortcutUndo{})}, ""},
	{"undo and redo", []userAction{typeKeys("hello"), pressShortcut(&fyne.ShortcutUndo{}), pressShortcut(&fyne.ShortcutRedo{})},
		"hello"},
	{"undo Enter", []userAction{setText("onetwo"), pressKey(fyne.KeyPageUp, 1), pressKey(fyne.KeyRight, 3),
		pressKey(fyne.KeyReturn, 1), pressShortcut(&fyne.ShortcutUndo{})}, "onetwo"},
	{"Tab leaves the field", []userAction{typeKeys("a"), pressKey(fyne.KeyTab, 1)}, "a"},
	{"Escape types nothing", []userAction{typeKeys("a"), pressKey(fyne.KeyEscape, 1)}, "a"},
	{"Shift+Right over a paragraph end, then a key", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 1), selectWithKeys(fyne.KeyRight, 3), typeKeys("X")}, "aXd"},
	{"Shift+Down over paragraphs, then Backspace", []userAction{setText("one\ntwo\nthree"), pressKey(fyne.KeyPageUp, 1),
		selectWithKeys(fyne.KeyDown, 2), pressKey(fyne.KeyBackspace, 1)}, "three"},
	{"Shift+Up over a paragraph end, then a key", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageDown, 1),
		selectWithKeys(fyne.KeyUp, 1), typeKeys("X")}, "abX"},
	{"Left ends a selection at its start", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageDown, 1),
		selectWithKeys(fyne.KeyLeft, 3), pressKey(fyne.KeyLeft, 1), typeKeys("X")}, "abX\ncd"},
	{"Right ends a selection at its end", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		selectWithKeys(fyne.KeyRight, 4), pressKey(fyne.KeyRight, 1), typeKeys("X")}, "ab\ncXd"},
	{"copy over paragraphs, paste at the end", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 1), selectWithKeys(fyne.KeyRight, 3), copyOrCut(false), pressKey(fyne.KeyPageDown, 1),
		pasteClipboard()}, "ab\ncdb\nc"},
	{"cut over paragraphs, paste at the end", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 1), selectWithKeys(fyne.KeyRight, 3), copyOrCut(true), pressKey(fyne.KeyPageDown, 1),
		pasteClipboard()}, "adb\nc"},
	{"Ctrl+Shift+End selects to the end", []userAction{setText("ab\ncd\nef"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 1), pressShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd,
			Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}), typeKeys("X")}, "aX"},
	{"Shift+Left after Ctrl+A keeps the rest selected", []userAction{setText("ab\ncd"),
		pressShortcut(&fyne.ShortcutSelectAll{}), selectWithKeys(fyne.KeyLeft, 1), typeKeys("X")}, "Xd"},
	{"undo a key typed over paragraphs", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 1), selectWithKeys(fyne.KeyRight, 3), typeKeys("X"), pressShortcut(&fyne.ShortcutUndo{})}, "ab\ncd"},
	{"Ctrl going down keeps Ctrl+A's selection for Ctrl+C", []userAction{setText("ab"), pressShortcut(&fyne.ShortcutSelectAll{}),
		pressKey(desktop.KeyControlLeft, 1), copyOrCut(false), pressKey(fyne.KeyPageDown, 1), pasteClipboard()}, "abab"},
	{"Ctrl going down keeps a Shift selection for Ctrl+X", []userAction{setText("ab\ncd"), pressKey(fyne.KeyPageUp, 1),
		pressKey(fyne.KeyRight, 1), selectWithKeys(fyne.KeyRight, 3), pressKey(desktop.KeyControlLeft, 1), copyOrCut(true)}, "ad"},
	{"a space at the end of a long text", []userAction{typeKeys(strings.Repeat(longSentence, 3))}, strings.Repeat(longSentence, 3)},
}

// areaWidths are the widths of the window the table cases run in.
var areaWidths = []float32{150, 210, 300, 420, 640}

func TestTextAreaTable(t *testing.T) {
	for _, c := range editingCases {
		for _, width := range areaWidths {
			t.Run(fmt.Sprintf("%s/%v", c.name, width), func(t *testing.T) {
				f, _, w := showArea(t, width, func() {})
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

// oddTexts are texts that must come back byte for byte from SetText.
var oddTexts = []string{
	"", "\n", "\n\n", "a\n", "\na", "  leading", "trailing  ", " ", "a\r\nb\r\n", "\ttab\tand tab",
	"emoji 🙂 and Ольга", strings.Repeat(longSentence, 200), strings.Repeat(longSentence+"\n", 40),
	strings.Repeat("x", 5000), strings.Repeat(longSentence, 20) + "\n\n" + strings.Repeat(cyrillicSentence+" ", 30),
}

func TestTextAreaSetTextRoundTrip(t *testing.T) {
	_, a, _ := showArea(t, 400, nil)
	for _, s := range oddTexts {
		a.SetText(s)
		if got := a.Text(); got != s {
			t.Errorf("SetText(%.40q…) then Text() = %.40q…", s, got)
		}
	}
	for _, s := range oddTexts { // and the same from a fresh area
		b := NewTextArea(nil)
		b.SetText(s)
		if got := b.Text(); got != s {
			t.Errorf("a new area: SetText(%.40q…) then Text() = %.40q…", s, got)
		}
	}
}

// rowStarts are the offsets in the text where the area's rows start.
func rowStarts(a *TextArea) []int {
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
	long := strings.Repeat(longSentence, 25) + "\n\n" + strings.Repeat(cyrillicSentence+" ", 12) + "\nshort"
	_, a, w := showArea(t, 600, nil)
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
		got, want := rowStarts(a), entryRows(e)
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
	typeKeys("typing in the middle of a long paragraph, ")(typedField{}, w)
	check("after typing", 900)
	pressKey(fyne.KeyBackspace, 30)(typedField{}, w)
	check("after erasing", 900)
	a.setCaret(len(longSentence) * 10)
	pressKey(fyne.KeyReturn, 1)(typedField{}, w)
	typeKeys("x")(typedField{}, w)
	check("after cutting the paragraph", 330)
}
