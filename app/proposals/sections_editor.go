package proposals

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// blockEditor is the editor of an open block: only open blocks hold
// entries.
type blockEditor struct {
	title     *blockEntry
	kind      *ui.Choice[proposal.Kind]
	weights   []*ui.Entry // in the order of proposal.Audiences
	body      *ui.TextArea
	insert    *widget.Select
	done      *widget.Button
	fields    ui.FieldSet
	badWeight bool
}

func (ed *blockEditor) focusables() []fyne.Focusable {
	out := []fyne.Focusable{ed.title, ed.body, ed.kind, ed.insert, ed.done}
	for _, w := range ed.weights {
		out = append(out, w)
	}
	return out
}

// expand opens the block of a section of the proposal's own for editing.
func (blk *sectionBlock) expand() {
	if blk.ed != nil || !blk.item().Own() {
		return
	}
	s := blk.s
	it := blk.item()
	esc := s.b.OnCancel
	move := func(d int) { s.move(blk, d) }
	ed := &blockEditor{}
	blk.busy = true
	defer func() { blk.busy = false }()

	ed.title = newBlockEntry(esc, move)
	ed.title.SetText(it.Title)
	ed.title.OnChanged = func(t string) {
		blk.item().Title = t
		blk.showTitle()
		blk.edited()
	}
	ed.kind = ui.NewChoice(proposal.Kinds, proposal.Kind.Label, "", func(k proposal.Kind) {
		if blk.busy {
			return
		}
		blk.item().Kind = k
		blk.showMeta()
		blk.edited()
	})
	ed.kind.Set(it.Kind)
	var cells []fyne.CanvasObject
	for _, a := range proposal.Audiences {
		e := ui.NewEntry(esc)
		e.SetPlaceHolder("0")
		if v := it.Audiences[a]; v != 0 {
			e.SetText(strconv.Itoa(v))
		}
		e.OnChanged = func(string) { blk.weightsChanged() }
		ed.weights = append(ed.weights, e)
		cells = append(cells, container.NewBorder(nil, nil, widget.NewLabel(ui.Tr(a.Label())), nil, e))
	}
	ed.body = ui.NewTextArea(esc)
	ed.body.OnShortcut = blockMoveKeys(move)
	ed.body.SetMinRowsVisible(10)
	ed.body.SetText(it.Body)
	ed.body.OnChanged = func(t string) {
		blk.item().Body = t
		blk.showPlaceholders()
		blk.edited()
	}
	opts := make([]string, len(proposal.Placeholders))
	for i, n := range proposal.Placeholders {
		opts[i] = "{{" + n + "}} — " + ui.Tr(proposal.PlaceholderHelp[n])
	}
	ed.insert = widget.NewSelect(opts, func(string) {
		if i := ed.insert.SelectedIndex(); i >= 0 {
			blk.insertPlaceholder(proposal.Placeholders[i])
			ed.insert.ClearSelected()
		}
	})
	ed.insert.PlaceHolder = lang.L("Insert placeholder")
	ed.done = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), blk.collapse)

	ed.fields.Add(ui.NewField("title", lang.L("Title"), ed.title))
	ed.fields.Add(ui.NewField("kind", lang.L("Kind"), ed.kind))
	ed.fields.Add(ui.NewField("audiences", lang.L("Audiences"), container.NewGridWithColumns(4, cells...)))
	ed.fields.Add(ui.NewField("body", lang.L("Text"), ed.body))
	hint := widget.NewLabel(lang.L("Weights 1–100; 0 or empty: not for that audience. Markdown; placeholders such as {{.Example}} are filled in per variant.", map[string]any{"Example": "{{account.name}}"}))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	blk.ed = ed
	blk.editorBox.Objects = []fyne.CanvasObject{ed.fields.Grid(), hint,
		container.NewBorder(nil, nil, nil, ed.done, container.NewHBox(ed.insert))}
	blk.show()
	blk.relayout()
}

// collapse closes the block's editor and shows its summary again.
func (blk *sectionBlock) collapse() {
	if blk.ed == nil {
		return
	}
	blk.s.unfocusIn(blk)
	blk.ed = nil
	blk.editorBox.Objects = nil
	blk.show()
	blk.relayout()
}

// edited follows every change typed into the block.
func (blk *sectionBlock) edited() {
	blk.validate()
	blk.s.b.changed()
}

func (blk *sectionBlock) weightsChanged() {
	if blk.busy || blk.ed == nil {
		return
	}
	it := blk.item()
	w := proposal.Weights{}
	blk.ed.badWeight = false
	for i, a := range proposal.Audiences {
		t := strings.TrimSpace(blk.ed.weights[i].Text)
		if t == "" {
			continue
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			blk.ed.badWeight = true
			n = it.Audiences[a] // keep the last weight that made sense
		}
		if n != 0 {
			w[a] = n
		}
	}
	it.Audiences = w
	blk.showMeta()
	blk.edited()
}

// blockEntry is the title entry of a block's editor: Alt+Up and Alt+Down
// move the block, Escape cancels as everywhere.
type blockEntry struct {
	ui.Entry
	moveKeys func(fyne.Shortcut) bool
}

func newBlockEntry(onEscape func(), onMove func(int)) *blockEntry {
	e := &blockEntry{moveKeys: blockMoveKeys(onMove)}
	e.OnEscape = onEscape
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut moves the block on Alt+Up and Alt+Down.
func (e *blockEntry) TypedShortcut(sc fyne.Shortcut) {
	if !e.moveKeys(sc) {
		e.Entry.TypedShortcut(sc)
	}
}

// blockMoveKeys handles Alt+Up and Alt+Down, which move the block, and
// reports whether sc was one of them.
func blockMoveKeys(onMove func(delta int)) func(fyne.Shortcut) bool {
	return func(sc fyne.Shortcut) bool {
		cs, ok := sc.(*desktop.CustomShortcut)
		if !ok || cs.Modifier != fyne.KeyModifierAlt || onMove == nil {
			return false
		}
		switch cs.KeyName {
		case fyne.KeyUp:
			onMove(-1)
		case fyne.KeyDown:
			onMove(1)
		default:
			return false
		}
		return true
	}
}
