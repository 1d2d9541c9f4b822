package ui

import (
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// shortcut handles the text shortcuts; false for the others.
func (a *TextArea) shortcut(b *textBlock, s fyne.Shortcut) bool {
	switch s := s.(type) {
	case *fyne.ShortcutUndo:
		if !a.Disabled() {
			a.undo()
		}
	case *fyne.ShortcutRedo:
		if !a.Disabled() {
			a.redo()
		}
	case *fyne.ShortcutSelectAll:
		a.selectAll()
	case *fyne.ShortcutCopy:
		if _, _, ok := a.selection(); ok {
			clipboardOf(s.Clipboard).SetContent(a.selectedText())
		} else {
			b.Entry.TypedShortcut(s)
		}
	case *fyne.ShortcutCut:
		switch {
		case a.Disabled():
		case a.hasSelection():
			clipboardOf(s.Clipboard).SetContent(a.selectedText())
			a.replaceSelection("")
		case b.SelectedText() != "":
			a.record(editOther, a.caret(), 0)
			b.Entry.TypedShortcut(s)
			a.tidy(b)
		}
	case *fyne.ShortcutPaste:
		if !a.Disabled() {
			a.paste(b, clipboardOf(s.Clipboard).Content())
		}
	case *desktop.CustomShortcut:
		return a.keyShortcut(b, s)
	default:
		return false
	}
	return true
}

// keyShortcut handles Ctrl+Home, Ctrl+End and Entry's word keys
// (Ctrl+Left, Ctrl+Right, Ctrl+Backspace, Ctrl+Delete) across blocks.
func (a *TextArea) keyShortcut(b *textBlock, s *desktop.CustomShortcut) bool {
	mod := s.Modifier &^ fyne.KeyModifierShift
	if mod != fyne.KeyModifierShortcutDefault && mod != fyne.KeyModifierAlt && mod != fyne.KeyModifierSuper {
		return false
	}
	if s.Modifier&fyne.KeyModifierShift != 0 && mod == fyne.KeyModifierShortcutDefault && !b.Disabled() {
		switch s.KeyName {
		case fyne.KeyHome, fyne.KeyEnd, fyne.KeyLeft, fyne.KeyRight:
			// Select to the start or end of the text, or word by word.
			plainKey := &desktop.CustomShortcut{KeyName: s.KeyName, Modifier: mod}
			a.extend(func() { a.keyShortcut(a.active, plainKey) })
			return true
		}
	}
	pos, plain := b.offset(), s.Modifier&fyne.KeyModifierShift == 0 && b.SelectedText() == ""
	switch s.KeyName {
	case fyne.KeyHome, fyne.KeyEnd:
		if mod != fyne.KeyModifierShortcutDefault || !plain {
			return false
		}
		a.unselectAll()
		if s.KeyName == fyne.KeyHome {
			a.setCaret(0)
		} else {
			a.setCaret(a.length())
		}
	case fyne.KeyLeft, fyne.KeyRight:
		a.unselectAll()
		if plain && (s.KeyName == fyne.KeyLeft && pos == 0 || s.KeyName == fyne.KeyRight && pos == b.n) {
			a.move(b, s.KeyName)
			return true
		}
		b.Entry.TypedShortcut(s)
		a.ensureVisible()
	case fyne.KeyBackspace, fyne.KeyDelete:
		forward := s.KeyName == fyne.KeyDelete
		switch {
		case b.Disabled():
			return true
		case a.hasSelection():
			a.replaceSelection("")
			return true
		}
		if plain && (!forward && pos == 0 || forward && pos == b.n) {
			a.erase(b, forward)
			return true
		}
		a.record(editOther, a.caret(), 0)
		b.aim()
		b.Entry.TypedShortcut(s)
		a.tidy(b)
	default:
		return false
	}
	return true
}

// clipboardOf is c, or the app's clipboard when a shortcut comes without.
func clipboardOf(c fyne.Clipboard) fyne.Clipboard {
	if c != nil {
		return c
	}
	return fyne.CurrentApp().Clipboard()
}

// paste inserts text at the cursor: several paragraphs become blocks.
func (a *TextArea) paste(b *textBlock, text string) {
	if text == "" {
		return
	}
	if a.hasSelection() {
		a.replaceSelection(text)
		return
	}
	a.record(editOther, a.caret(), 0)
	if b.SelectedText() != "" {
		b.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	p := a.caret()
	a.replace(p, p, text, p+utf8.RuneCountInString(text))
}

// selectAll selects the whole text (Ctrl+A): the box takes the colour of
// a selection, and the next key replaces, copies or cuts it all.
func (a *TextArea) selectAll() {
	if a.text == "" {
		return
	}
	a.dropSpan()
	a.all = true
	a.Refresh()
	a.showCaret()
}

// unselectAll ends a selection made with Ctrl+A or with Shift and the
// keys.
func (a *TextArea) unselectAll() {
	a.dropSpan()
	if a.all {
		a.all = false
		a.Refresh()
		a.showCaret()
	}
}

// hasSelection says whether there is a selection of the area's own.
func (a *TextArea) hasSelection() bool {
	_, _, ok := a.selection()
	return ok
}

// editKind is the kind of an edit, for the undo history.
type editKind int

const (
	editNone editKind = iota
	editType
	editBack
	editDelete
	editOther
)

// textState is a text and where its cursor was.
type textState struct {
	text  string
	caret int
}

// textHistory is the area's undo and redo: the text before each edit.
// Typing a word, or erasing with one key, is one edit.
type textHistory struct {
	undo, redo []textState
	kind       editKind
	caret      int  // where the last edit left the cursor
	last       rune // the last character typed
}

const historyMax = 200

// record notes the text before an edit at caret, unless the edit goes on
// with the last one.
func (a *TextArea) record(kind editKind, caret int, r rune) {
	h := &a.hist
	same := kind != editOther && kind == h.kind && caret == h.caret && len(h.undo) > 0
	if kind == editType && unicode.IsSpace(h.last) && !unicode.IsSpace(r) {
		same = false // a new word
	}
	h.kind, h.last, h.redo = kind, r, nil
	if same {
		return
	}
	h.undo = append(h.undo, textState{a.text, caret})
	if len(h.undo) > historyMax {
		h.undo = h.undo[1:]
	}
}

// undo brings back the text before the last edit (Ctrl+Z).
func (a *TextArea) undo() {
	h := &a.hist
	if len(h.undo) == 0 {
		return
	}
	st := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, textState{a.text, a.caret()})
	h.kind = editNone
	a.restore(st)
}

// redo makes the last edit undone again (Ctrl+Y).
func (a *TextArea) redo() {
	h := &a.hist
	if len(h.redo) == 0 {
		return
	}
	st := h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, textState{a.text, a.caret()})
	h.kind = editNone
	a.restore(st)
}

// restore brings back an earlier text; only the part that differs is
// replaced.
func (a *TextArea) restore(st textState) {
	a.unselectAll()
	from, to, s := textDiff(a.text, st.text)
	a.replace(from, to, s, st.caret)
}

// textDiff says which characters from..to of old to replace with s to get
// new.
func textDiff(old, new string) (from, to int, s string) {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for p > 0 && p < len(old) && !utf8.RuneStart(old[p]) {
		p--
	}
	q := 0
	for q < len(old)-p && q < len(new)-p && old[len(old)-1-q] == new[len(new)-1-q] {
		q++
	}
	for q > 0 && !utf8.RuneStart(old[len(old)-q]) {
		q--
	}
	from = utf8.RuneCountInString(old[:p])
	to = from + utf8.RuneCountInString(old[p:len(old)-q])
	return from, to, new[p : len(new)-q]
}
