package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// areaBetweenEntries is a text area between two entries, as on a form.
func areaBetweenEntries(t *testing.T) (before *widget.Entry, a *TextArea, after *widget.Entry, w fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	before, after = widget.NewEntry(), widget.NewEntry()
	a = NewTextArea(nil)
	w = test.NewTempWindow(t, container.NewVBox(before, a, after))
	w.Resize(fyne.NewSize(500, 400))
	return before, a, after, w
}

func TestTextAreaTabGoesThroughLikeAField(t *testing.T) {
	before, a, after, w := areaBetweenEntries(t)
	a.SetText("one\ntwo\nthree")
	c := w.Canvas()
	c.Focus(before)
	c.FocusNext()
	if c.Focused() != a {
		t.Fatalf("Tab from the field before focuses %T, want the area", c.Focused())
	}
	if a.active != a.blocks[0] {
		t.Error("Tab into the area does not land in its first block")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if c.Focused() != after {
		t.Fatalf("Tab in the area focuses %T, want the field after", c.Focused())
	}
	c.FocusPrevious() // Shift+Tab from the field after
	if c.Focused() != a {
		t.Fatalf("Shift+Tab from the field after focuses %T, want the area", c.Focused())
	}
	c.Focused().(desktop.Keyable).KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if c.Focused() != before {
		t.Fatalf("Shift+Tab in the area focuses %T, want the field before", c.Focused())
	}
	if got := a.Text(); got != "one\ntwo\nthree" {
		t.Errorf("Tab typed into the text: %q", got)
	}
	if a.focused {
		t.Error("the area still looks focused after the focus left it")
	}
}

func TestTextAreaEscapeAndWindowShortcuts(t *testing.T) {
	escaped := 0
	test.NewTempApp(t)
	a := NewTextArea(func() { escaped++ })
	w := test.NewTempWindow(t, a)
	saved := 0
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { saved++ })
	w.Canvas().Focus(a)
	a.SetText("one\ntwo")
	a.setCaret(5)
	// What the window does with a key when a field has the focus.
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if escaped != 1 || saved != 1 {
		t.Errorf("Escape called onEscape %d times, Ctrl+S saved %d times; want 1 and 1", escaped, saved)
	}
	if a.Text() != "one\ntwo" {
		t.Errorf("the keys changed the text: %q", a.Text())
	}
}

func TestTextAreaClickHandsTheFocusToTheArea(t *testing.T) {
	_, a, _, w := areaBetweenEntries(t)
	a.SetText("one\ntwo\nthree")
	click := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(5, 5)}, Button: desktop.MouseButtonPrimary}
	a.blocks[2].MouseDown(click) // what the window does on a click
	a.blocks[2].MouseUp(click)
	if w.Canvas().Focused() != a || a.active != a.blocks[2] {
		t.Fatalf("a click in the third paragraph focuses %T, block %d", w.Canvas().Focused(), a.index(a.active))
	}
	if !a.focused {
		t.Error("the area does not look focused")
	}
	w.Canvas().Focused().TypedRune('X')
	if got := a.Text(); !strings.Contains(got, "X") || strings.Index(got, "X") < len("one\ntwo\n") {
		t.Errorf("typed after the click: %q, want the X in the third paragraph", got)
	}
}

func TestTextAreaDisabled(t *testing.T) {
	_, a, _ := showArea(t, 400, nil)
	a.SetText("read only")
	a.Disable()
	test.Type(a, "more")
	a.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	a.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	a.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	if got := a.Text(); got != "read only" {
		t.Errorf("a disabled area took input: %q", got)
	}
	for _, b := range a.blocks {
		if !b.Disabled() {
			t.Error("a block of a disabled area is enabled")
		}
	}
	a.Enable()
	test.Type(a, "now ")
	if got := a.Text(); got != "now read only" {
		t.Errorf("after Enable typing gives %q", got)
	}
}

func TestTextAreaPlaceholderAndOnChanged(t *testing.T) {
	_, a, w := showArea(t, 400, nil)
	a.SetPlaceHolder("Why it slipped")
	var calls []string
	a.OnChanged = func(s string) { calls = append(calls, s) }
	if a.blocks[0].PlaceHolder != "Why it slipped" {
		t.Error("an empty area shows no placeholder")
	}
	typeKeys("ab\ncd")(typedField{}, w)
	if got := a.blocks[0].PlaceHolder; got != "" {
		t.Errorf("two paragraphs still show the placeholder %q", got)
	}
	want := []string{"a", "ab", "ab\n", "ab\nc", "ab\ncd"}
	if strings.Join(calls, "|") != strings.Join(want, "|") {
		t.Errorf("OnChanged said %q, want %q", calls, want)
	}
}

func TestTextAreaUndoByWords(t *testing.T) {
	_, a, w := showArea(t, 400, nil)
	typeKeys("payment terms agreed")(typedField{}, w)
	undo := pressShortcut(&fyne.ShortcutUndo{})
	for _, want := range []string{"payment terms ", "payment ", ""} {
		undo(typedField{}, w)
		if got := a.Text(); got != want {
			t.Errorf("after Ctrl+Z the text is %q, want %q", got, want)
		}
	}
	pressShortcut(&fyne.ShortcutRedo{})(typedField{}, w)
	if got := a.Text(); got != "payment " {
		t.Errorf("after Ctrl+Y the text is %q, want %q", got, "payment ")
	}
}

// Where a long paragraph is cut into blocks, keys work as if it were not.
func TestTextAreaKeysAcrossCuts(t *testing.T) {
	long := strings.Repeat(longSentence, 20)
	_, a, w := showArea(t, 300, nil)
	a.SetText(long)
	cut := -1
	for i, b := range a.blocks[:len(a.blocks)-1] {
		if b.soft && a.index(a.active) >= 0 {
			cut = a.start(i + 1)
			break
		}
	}
	if cut < 0 {
		t.Fatalf("%d blocks, none cut inside the paragraph", len(a.blocks))
	}
	at := func(p int, ops ...userAction) string {
		a.SetText(long)
		a.setCaret(p)
		for _, op := range ops {
			op(typedField{}, w)
		}
		return a.Text()
	}
	r := []rune(long)
	join := func(parts ...string) string { return strings.Join(parts, "") }
	for _, c := range []struct {
		name string
		got  string
		want string
	}{
		{"type at the cut", at(cut, typeKeys("X")), join(string(r[:cut]), "X", string(r[cut:]))},
		{"Backspace at the cut", at(cut, pressKey(fyne.KeyBackspace, 1)), join(string(r[:cut-1]), string(r[cut:]))},
		{"Delete at the cut", at(cut, pressKey(fyne.KeyDelete, 1)), join(string(r[:cut]), string(r[cut+1:]))},
		{"Left over the cut", at(cut+1, pressKey(fyne.KeyLeft, 2), typeKeys("X")),
			join(string(r[:cut-1]), "X", string(r[cut-1:]))},
		{"Right over the cut", at(cut-1, pressKey(fyne.KeyRight, 2), typeKeys("X")),
			join(string(r[:cut+1]), "X", string(r[cut+1:]))},
		{"Enter at the cut", at(cut, pressKey(fyne.KeyReturn, 1)), join(string(r[:cut]), "\n", string(r[cut:]))},
	} {
		if c.got != c.want {
			i := 0
			for i < len(c.got) && i < len(c.want) && c.got[i] == c.want[i] {
				i++
			}
			t.Errorf("%s: the texts differ from byte %d: got %q, want %q", c.name, i,
				c.got[max(0, i-20):min(len(c.got), i+20)], c.want[max(0, i-20):min(len(c.want), i+20)])
		}
	}
}

func TestTextAreaLongPasteAndDownThrough(t *testing.T) {
	_, a, w := showArea(t, 420, nil)
	text := strings.Repeat(longSentence+"\n", 30) + strings.Repeat(cyrillicSentence+" ", 40)
	pasteText(text)(typedField{}, w)
	if got := a.Text(); got != text {
		t.Fatalf("pasted %d bytes, the text has %d", len(text), len(got))
	}
	pressKey(fyne.KeyPageUp, 100)(typedField{}, w)
	if a.caret() != 0 {
		t.Errorf("PageUp to the top leaves the cursor at %d", a.caret())
	}
	rows := len(rowStarts(a))
	pressKey(fyne.KeyDown, rows+3)(typedField{}, w)
	if got, want := a.caret(), a.length(); got != want {
		t.Errorf("Down through every row leaves the cursor at %d, want the end %d", got, want)
	}
	pressKey(fyne.KeyUp, rows+3)(typedField{}, w)
	if a.caret() != 0 {
		t.Errorf("Up through every row leaves the cursor at %d, want 0", a.caret())
	}
	pressShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})(typedField{}, w)
	typeKeys("!")(typedField{}, w)
	if got := a.Text(); got != text+"!" {
		t.Errorf("Ctrl+End and a key: the text ends %q", got[len(got)-10:])
	}
}

func TestTextAreaClickBelowTheText(t *testing.T) {
	_, a, _, w := areaBetweenEntries(t)
	a.SetText("one\ntwo")
	test.TapCanvas(w.Canvas(), a.Position().Add(fyne.NewPos(200, a.Size().Height-6)))
	if w.Canvas().Focused() != a {
		t.Fatalf("a click below the text focuses %T, want the area", w.Canvas().Focused())
	}
	w.Canvas().Focused().TypedRune('!')
	if got := a.Text(); got != "one\ntwo!" {
		t.Errorf("typed after a click below the text: %q, want the end", got)
	}
}

func TestTextAreaSelectAllSurvivesWindowShortcuts(t *testing.T) {
	_, a, w := showArea(t, 400, nil)
	a.SetText("one\ntwo")
	save := &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	for _, op := range []userAction{pressShortcut(&fyne.ShortcutSelectAll{}), pressShortcut(save)} {
		op(typedField{}, w)
	}
	if !a.all {
		t.Fatal("Ctrl+S dropped the selection of the whole text")
	}
	pressShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyBackspace, Modifier: fyne.KeyModifierShortcutDefault})(typedField{}, w)
	if got := a.Text(); got != "" {
		t.Errorf("Ctrl+Backspace over the whole text leaves %q", got)
	}
	a.SetText("kept")
	pressShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})(typedField{}, w)
	typeKeys(" more")(typedField{}, w)
	a.Disable()
	pressShortcut(&fyne.ShortcutUndo{})(typedField{}, w)
	if got := a.Text(); got != "kept more" {
		t.Errorf("Ctrl+Z in a disabled area changed the text to %q", got)
	}
}

// TestTextAreaShiftSelectsAcrossBlocks: Shift+Down from the middle of a
// long paragraph runs the selection over the blocks it is cut into and
// into the next paragraph; every block shows its part selected (the
// parts, joined, are the selection), and Ctrl+X cuts exactly it.
func TestTextAreaShiftSelectsAcrossBlocks(t *testing.T) {
	_, a, w := showArea(t, 300, nil)
	text := strings.Repeat(longSentence, 12) + "\n" + strings.Repeat(cyrillicSentence+" ", 3)
	a.SetText(text)
	if len(a.blocks) < 4 {
		t.Fatalf("%d blocks: the text is not cut", len(a.blocks))
	}
	from := 40
	a.setCaret(from)
	selectWithKeys(fyne.KeyDown, len(rowStarts(a))-3)(typedField{}, w)
	to := a.caret()
	if !a.span.on || to <= a.start(3) {
		t.Fatalf("Shift+Down from %d: span %+v, caret %d; want it past the third block (%d)", from, a.span, to, a.start(3))
	}
	r := []rune(text)
	var shown strings.Builder
	for i, b := range a.blocks {
		sel := b.SelectedText()
		shown.WriteString(sel)
		s := a.start(i)
		if s > from && s+b.n < to && sel != b.Text {
			t.Errorf("block %d lies inside the selection but shows %q selected", i, sel)
		}
		if !b.soft && sel != "" && s+b.n < to {
			shown.WriteString("\n")
		}
	}
	if got, want := shown.String(), string(r[from:to]); got != want {
		t.Errorf("the blocks show selected\n%q\nwant\n%q", got, want)
	}
	// Entry draws a selection only while it has the focus: each block
	// with a part has it, for Entry.
	for i, b := range a.blocks {
		if b.SelectedText() != "" && b != a.active && !b.lit {
			t.Errorf("block %d holds a part of the selection but does not draw it", i)
		}
	}
	copyOrCut(true)(typedField{}, w)
	if got := fyne.CurrentApp().Clipboard().Content(); got != string(r[from:to]) {
		t.Errorf("Ctrl+X put %d characters on the clipboard, want %d", len([]rune(got)), to-from)
	}
	if got, want := a.Text(), string(r[:from])+string(r[to:]); got != want {
		t.Errorf("after Ctrl+X the text has %d characters, want %d", len([]rune(got)), len([]rune(want)))
	}
	for i, b := range a.blocks {
		if b.SelectedText() != "" {
			t.Errorf("after Ctrl+X block %d still shows %q selected", i, b.SelectedText())
		}
	}
}

// TestTextAreaClickEndsASelection: a click after a selection made with
// Shift over paragraphs ends it; the next key goes where the click was,
// and replaces nothing.
func TestTextAreaClickEndsASelection(t *testing.T) {
	_, a, _, w := areaBetweenEntries(t)
	a.SetText("one\ntwo\nthree")
	w.Canvas().Focus(a)
	a.setCaret(1)
	selectWithKeys(fyne.KeyDown, 1)(typedField{}, w)
	if _, _, ok := a.selection(); !ok {
		t.Fatal("Shift+Down selected nothing")
	}
	click := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(1, 5)}, Button: desktop.MouseButtonPrimary}
	a.blocks[2].MouseDown(click)
	a.blocks[2].MouseUp(click)
	w.Canvas().Focused().TypedRune('X')
	if got := a.Text(); got != "one\ntwo\nXthree" {
		t.Errorf("typed after the click: %q, want %q", got, "one\ntwo\nXthree")
	}
	for i, b := range a.blocks {
		if b.SelectedText() != "" {
			t.Errorf("block %d still shows %q selected", i, b.SelectedText())
		}
	}
}

// TestTextAreaShiftTabForgetsShift: after Shift+Tab out of the area (the
// Shift goes up in the other field), coming back and pressing Down moves
// the cursor, selecting nothing.
func TestTextAreaShiftTabForgetsShift(t *testing.T) {
	before, a, _, w := areaBetweenEntries(t)
	a.SetText("one\ntwo\nthree")
	c := w.Canvas()
	c.Focus(a)
	a.setCaret(0)
	c.Focused().(desktop.Keyable).KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if c.Focused() != before {
		t.Fatalf("Shift+Tab focuses %T", c.Focused())
	}
	before.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft}) // where the window sends it
	c.Focus(a)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	c.Focused().TypedRune('X')
	if got := a.Text(); got != "one\nXtwo\nthree" {
		t.Errorf("Down and a key after coming back: %q, want %q", got, "one\nXtwo\nthree")
	}
}
