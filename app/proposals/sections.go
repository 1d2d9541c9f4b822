package proposals

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// sectionsEditor is the builder's Sections tab: the proposal's items as a
// column of blocks, one per section, in the proposal's order.
//
// Long proposals are edited as blocks, never as one text: a block shows
// the beginning of its text, and only the blocks the user opens (Edit,
// Customise) hold a multi-line entry. Typing updates the item and its own
// block, nothing else; the readiness check runs after a pause (b.changed
// debounces it). The blocks sit in a VBox in a scroll rather than a
// virtualised list (Fyne's List wants rows of known height): a closed
// block is a few labels and buttons, and adding, removing, moving, opening
// or closing a block only lays the column out again, without redrawing
// every block. When the tab opens, the column gets the first few blocks
// at once and the others a few at a time once the window has drawn them
// (see attachSome): the seventeen blocks of a generated proposal, laid
// out at once, kept the UI goroutine twice as long as the rest of the
// builder's opening (BenchmarkScreensOnUIGoroutine/builder).
type sectionsEditor struct {
	b        *builder
	blocks   []*sectionBlock // one per item, in item order
	list     *fyne.Container // the blocks' cards, in item order: blocks[:attached]
	attached int             // the blocks whose cards are in list
	scroll   *container.Scroll
	empty    *widget.Label
	notes    *fyne.Container // findings about the list of sections as a whole
	undo     *widget.Button
	root     fyne.CanvasObject

	notesKey string
	removed  *secRemoval
	values   map[string]string // placeholder values for the whole group
	// variants are the placeholder values of each audience, made when a
	// closed block first needs them, dropped with values
	variants map[proposal.Audience]map[string]string
	picker   *libraryPicker // the open "Add from library" dialog
	outline  *secOutline    // beside the blocks
}

// secRemoval is the last block removed, for "Undo remove".
type secRemoval struct {
	item proposal.Item
	at   int
}

func newSectionsEditor(b *builder) *sectionsEditor {
	s := &sectionsEditor{b: b}
	s.setValues()
	addLib := widget.NewButtonWithIcon(lang.L("Add from library"), ui.Icon(theme.StorageIcon()), s.openPicker)
	addOwn := widget.NewButtonWithIcon(lang.L("Add own section"), ui.Icon(theme.ContentAddIcon()), s.addOwn)
	s.undo = widget.NewButtonWithIcon(lang.L("Undo remove"), ui.Icon(theme.ContentUndoIcon()), s.undoRemove)
	s.undo.Hide()
	hint := widget.NewLabel(lang.L("Sections from the library follow it until you customise them. Alt+Up and Alt+Down move the section you are editing."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	s.notes = container.NewVBox()
	s.empty = widget.NewLabel(lang.L("The proposal has no sections yet. Add them from the library or write your own."))
	s.empty.Wrapping = fyne.TextWrapWord
	s.list = container.NewVBox()
	s.scroll = container.NewVScroll(ui.NewReadable(container.NewVBox(s.empty, s.list))) // lines of a readable length on a wide monitor
	top := container.NewVBox(container.NewHBox(addLib, addOwn, s.undo), hint, s.notes)
	s.buildBlocks(secFirstBlocks)
	s.outline = newSecOutline(s)
	split := container.NewHSplit(s.outline.root, s.scroll)
	split.Offset = 0.24
	s.root = container.NewBorder(top, nil, nil, nil, split)
	return s
}

// secFirstBlocks are the blocks the Sections tab shows as it opens, about
// as many as a window 800 pixels tall shows closed (a taller one gets the
// next ones a frame later); secMoreBlocks those it adds at a time after
// that.
const secFirstBlocks, secMoreBlocks = 1, 2

func (s *sectionsEditor) Content() fyne.CanvasObject { return s.root }

// reload builds the blocks again from the working copy. Blocks open for
// editing stay open when the number of sections did not change.
func (s *sectionsEditor) reload() {
	// The proposal read again (saved, or its sent terms put back): a block
	// removed before is no longer one to put back into it.
	s.removed = nil
	s.undo.Hide()
	var open []int
	if len(s.blocks) == len(s.b.p.Items) {
		for _, blk := range s.blocks {
			if blk.ed != nil {
				open = append(open, blk.index)
			}
		}
	}
	for _, blk := range s.blocks {
		s.unfocusIn(blk)
	}
	s.setValues()
	s.buildBlocks(len(s.b.p.Items)) // all: the list stays where it was scrolled to
	for _, i := range open {
		s.blocks[i].expand()
	}
}

// buildBlocks makes a block for every item and puts the first ones in the
// column, the others a few at a time afterwards.
func (s *sectionsEditor) buildBlocks(first int) {
	s.blocks = make([]*sectionBlock, len(s.b.p.Items))
	for i := range s.b.p.Items {
		s.blocks[i] = s.newBlock(i)
	}
	s.attached = min(first, len(s.blocks))
	objs := make([]fyne.CanvasObject, s.attached, len(s.blocks))
	for i := range objs {
		objs[i] = s.blocks[i].card
	}
	s.list.Objects = objs
	s.structureChanged()
	s.showFindings()
	if s.attached < len(s.blocks) {
		s.b.host.Defer(s.attachSome)
	}
}

// attachSome puts a few more blocks in the column, and asks to be called
// again for the rest: the UI goroutine draws the window and handles the
// user's input in between.
func (s *sectionsEditor) attachSome() {
	if s.attached >= len(s.blocks) {
		return
	}
	s.attach(min(s.attached+secMoreBlocks, len(s.blocks)))
	if s.attached < len(s.blocks) {
		s.b.host.Defer(s.attachSome)
	}
}

// attach puts the blocks up to n in the column.
func (s *sectionsEditor) attach(n int) {
	if n <= s.attached {
		return
	}
	for _, blk := range s.blocks[s.attached:n] {
		s.list.Objects = append(s.list.Objects, blk.card)
	}
	s.attached = n
	s.layoutList()
}

// attachAll puts every block in the column: what changes the order of
// the blocks or scrolls to one needs them all there.
func (s *sectionsEditor) attachAll() { s.attach(len(s.blocks)) }

// structureChanged renumbers the blocks after sections were added, removed
// or moved, and lays the list out again.
func (s *sectionsEditor) structureChanged() {
	for i, blk := range s.blocks {
		blk.index = i
		if n := secNumber(i); blk.number.Text != n {
			blk.number.SetText(n)
		}
		secEnable(blk.up, i > 0)
		secEnable(blk.down, i < len(s.blocks)-1)
	}
	if len(s.blocks) > 0 {
		s.empty.Hide()
	} else {
		s.empty.Show()
	}
	s.layoutList()
	if s.outline != nil {
		s.outline.refresh()
	}
}

// layoutList places the blocks again after blocks were added, removed,
// moved, opened or closed. It only moves and sizes them: refreshing the
// whole list would draw every block again, which takes long in a long
// proposal.
func (s *sectionsEditor) layoutList() {
	content := s.scroll.Content
	content.Resize(content.MinSize().Max(s.scroll.Size())) // lays the column out when its size changes
	s.list.Layout.Layout(s.list.Objects, s.list.Size())    // and when only the order changed
	canvas.Refresh(content)
}

// secNumber is the number shown on the block of item i.
func secNumber(i int) string { return strconv.Itoa(i+1) + "." }

// secEnable enables or disables w, refreshing it only when that changes.
func secEnable(w fyne.Disableable, on bool) {
	if on && w.Disabled() {
		w.Enable()
	} else if !on && !w.Disabled() {
		w.Disable()
	}
}

// onChecked shows the readiness findings: under each block those about
// it, above the list those about the list of sections.
func (s *sectionsEditor) onChecked() {
	s.setValues()
	s.showFindings()
}

func (s *sectionsEditor) showFindings() {
	per := make([][]proposal.Finding, len(s.blocks))
	var list []proposal.Finding
	for _, f := range s.b.findings {
		switch {
		case f.Place.Area == proposal.AreaSection && f.Place.Item >= 0 && f.Place.Item < len(per):
			per[f.Place.Item] = append(per[f.Place.Item], f)
		case f.Place.Area == proposal.AreaSections:
			list = append(list, f)
		}
	}
	for i, blk := range s.blocks {
		secShowMarks(blk.marks, &blk.marksKey, per[i])
		blk.showPlaceholders()
	}
	secShowMarks(s.notes, &s.notesKey, list)
}

// secShowMarks puts a red (blocking) or amber (warning) mark with its message
// in box for each finding; key remembers what is shown, so that an
// unchanged box is left alone.
func secShowMarks(box *fyne.Container, key *string, fs []proposal.Finding) {
	var k strings.Builder
	for _, f := range fs {
		k.WriteString(string(f.Severity) + f.Text() + "\n")
	}
	if k.String() == *key {
		return
	}
	*key = k.String()
	objs := make([]fyne.CanvasObject, len(fs))
	for i, f := range fs {
		icon := ui.IconIn(theme.WarningIcon(), theme.ColorNameWarning)
		msg := widget.NewLabel(ui.Tr(f.Message, f.Data))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.WarningImportance
		if f.Severity == proposal.SeverityBlocking {
			icon = ui.IconIn(theme.ErrorIcon(), theme.ColorNameError)
			msg.Importance = widget.DangerImportance
		}
		objs[i] = container.NewBorder(nil, nil, widget.NewIcon(icon), nil, msg)
	}
	box.Objects = objs
	box.Refresh()
}

// libSection returns the library section with id.
func (s *sectionsEditor) libSection(id string) (*proposal.Section, bool) {
	for i := range s.b.ctx.Library {
		if s.b.ctx.Library[i].ID == id {
			return &s.b.ctx.Library[i], true
		}
	}
	return nil, false
}

// move moves the block by delta places (-1 up, +1 down), keeping the
// focus where it is.
func (s *sectionsEditor) move(blk *sectionBlock, delta int) {
	s.attachAll()
	s.moveTo(blk, blk.index+delta)
}

// moveTo moves the block to place j, the blocks between closing up (a
// row dragged in the outline goes there).
func (s *sectionsEditor) moveTo(blk *sectionBlock, j int) {
	s.attachAll()
	i := blk.index
	if j < 0 || j >= len(s.blocks) || j == i {
		return
	}
	moveElem(s.b.p.Items, i, j)
	moveElem(s.blocks, i, j)
	moveElem(s.list.Objects, i, j)
	s.structureChanged()
	s.b.changed()
	s.ensureVisible(blk)
}

// remove takes the block out of the proposal; "Undo remove" puts it back.
func (s *sectionsEditor) remove(blk *sectionBlock) {
	s.attachAll()
	i := blk.index
	s.unfocusIn(blk)
	s.removed = &secRemoval{item: s.b.p.Items[i], at: i}
	s.b.p.Items = slices.Delete(s.b.p.Items, i, i+1)
	s.blocks = slices.Delete(s.blocks, i, i+1)
	s.list.Objects = slices.Delete(s.list.Objects, i, i+1)
	s.attached--
	s.undo.Show()
	s.structureChanged()
	s.b.changed()
}

// undoRemove restores the last removed section at its place.
func (s *sectionsEditor) undoRemove() {
	r := s.removed
	if r == nil {
		return
	}
	s.attachAll()
	at := min(r.at, len(s.b.p.Items))
	s.b.p.Items = slices.Insert(s.b.p.Items, at, r.item)
	blk := s.newBlock(at)
	s.blocks = slices.Insert(s.blocks, at, blk)
	s.list.Objects = slices.Insert(s.list.Objects, at, fyne.CanvasObject(blk.card))
	s.attached++
	s.removed = nil
	s.undo.Hide()
	s.structureChanged()
	s.b.changed()
	s.ensureVisible(blk)
}

// add appends items as new blocks.
func (s *sectionsEditor) add(items ...proposal.Item) []*sectionBlock {
	s.attachAll()
	var added []*sectionBlock
	for _, it := range items {
		s.b.p.Items = append(s.b.p.Items, it)
		blk := s.newBlock(len(s.b.p.Items) - 1)
		s.blocks = append(s.blocks, blk)
		s.list.Objects = append(s.list.Objects, blk.card)
		s.attached++
		added = append(added, blk)
	}
	if len(added) == 0 {
		return nil
	}
	s.structureChanged()
	s.b.changed()
	return added
}

// addOwn appends a section written for this proposal and opens it with
// its title selected, ready to be typed over.
func (s *sectionsEditor) addOwn() {
	blk := s.add(proposal.Item{Title: lang.L("New section"), Kind: proposal.KindOther,
		Audiences: proposal.Weights{proposal.Executive: 50, proposal.HR: 50, proposal.Finance: 50, proposal.Technical: 50}})[0]
	blk.expand()
	s.ensureVisible(blk)
	s.b.host.Window().Canvas().Focus(blk.ed.title)
	blk.ed.title.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// customise turns a block that follows the library into a copy of the
// library section that belongs to this proposal, and opens it.
func (s *sectionsEditor) customise(blk *sectionBlock) {
	it := blk.item()
	sec, ok := s.libSection(it.SectionID)
	if !ok || it.Own() {
		return
	}
	it.Custom = true
	it.Title, it.Kind, it.Body = sec.Title, sec.Kind, sec.Body
	it.Audiences = maps.Clone(sec.Audiences)
	blk.showingText = false
	blk.expand()
	s.b.changed()
	s.b.host.Window().Canvas().Focus(blk.ed.body)
}

// focusPlace shows where a finding points: a block, opened with the focus
// in its text when it can be edited, or the top of the list.
func (s *sectionsEditor) focusPlace(pl proposal.Place) {
	switch pl.Area {
	case proposal.AreaSections:
		s.scroll.ScrollToTop()
	case proposal.AreaSection:
		if pl.Item < 0 || pl.Item >= len(s.blocks) {
			return
		}
		blk := s.blocks[pl.Item]
		c := s.b.host.Window().Canvas()
		switch {
		case blk.item().Own():
			blk.expand()
			s.ensureVisible(blk)
			c.Focus(blk.ed.body)
		case blk.missing():
			s.ensureVisible(blk)
			c.Focus(blk.remove)
		default:
			s.ensureVisible(blk)
			c.Focus(blk.customise)
		}
	}
}

// ensureVisible scrolls so that the block is in view, its top first.
func (s *sectionsEditor) ensureVisible(blk *sectionBlock) {
	s.attachAll()
	y := s.list.Position().Y + blk.card.Position().Y
	h := blk.card.Size().Height
	view := s.scroll.Size().Height
	off := s.scroll.Offset.Y
	if y < off {
		off = y
	} else if y+h > off+view {
		off = min(y, y+h-view)
	}
	off = max(0, min(off, s.scroll.Content.MinSize().Height-view))
	s.scroll.ScrollToOffset(fyne.NewPos(0, off))
}

// unfocusIn takes the focus away from the block's inputs before the block
// goes away or closes.
func (s *sectionsEditor) unfocusIn(blk *sectionBlock) {
	if blk.ed == nil {
		return
	}
	c := s.b.host.Window().Canvas()
	f := c.Focused()
	if f == nil {
		return
	}
	for _, o := range blk.ed.focusables() {
		if f == o {
			c.Unfocus()
			return
		}
	}
}
