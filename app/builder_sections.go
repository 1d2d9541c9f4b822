package app

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

func init() {
	registerBuilderTab(builderTab{name: tabSections, order: 10,
		label: func() string { return lang.L("Sections") }, icon: theme.ListIcon(),
		make: func(b *builder) builderPart { return newSectionsEditor(b) }})
}

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
// every block.
type sectionsEditor struct {
	b      *builder
	blocks []*sectionBlock // one per item, in item order
	list   *fyne.Container // the blocks' cards, in item order
	scroll *container.Scroll
	empty  *widget.Label
	notes  *fyne.Container // findings about the list of sections as a whole
	undo   *widget.Button
	root   fyne.CanvasObject

	notesKey string
	removed  *secRemoval
	values   map[string]string // placeholder values for the whole group
	picker   *libraryPicker    // the open "Add from library" dialog
}

// secRemoval is the last block removed, for "Undo remove".
type secRemoval struct {
	item proposal.Item
	at   int
}

func newSectionsEditor(b *builder) *sectionsEditor {
	s := &sectionsEditor{b: b}
	s.values = proposal.Values(&b.p, b.ctx, proposal.All)
	addLib := widget.NewButtonWithIcon(lang.L("Add from library"), theme.StorageIcon(), s.openPicker)
	addOwn := widget.NewButtonWithIcon(lang.L("Add own section"), theme.ContentAddIcon(), s.addOwn)
	s.undo = widget.NewButtonWithIcon(lang.L("Undo remove"), theme.ContentUndoIcon(), s.undoRemove)
	s.undo.Hide()
	hint := widget.NewLabel(lang.L("Sections from the library follow it until you customise them. Alt+Up and Alt+Down move the section you are editing."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	s.notes = container.NewVBox()
	s.empty = widget.NewLabel(lang.L("The proposal has no sections yet. Add them from the library or write your own."))
	s.empty.Wrapping = fyne.TextWrapWord
	s.list = container.NewVBox()
	s.scroll = container.NewVScroll(container.NewVBox(s.empty, s.list))
	top := container.NewVBox(container.NewHBox(addLib, addOwn, s.undo), hint, s.notes)
	s.root = container.NewBorder(top, nil, nil, nil, s.scroll)
	s.buildBlocks()
	return s
}

func (s *sectionsEditor) content() fyne.CanvasObject { return s.root }

// reload builds the blocks again from the working copy. Blocks open for
// editing stay open when the number of sections did not change.
func (s *sectionsEditor) reload() {
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
	s.values = proposal.Values(&s.b.p, s.b.ctx, proposal.All)
	s.buildBlocks()
	for _, i := range open {
		s.blocks[i].expand()
	}
}

func (s *sectionsEditor) buildBlocks() {
	s.blocks = make([]*sectionBlock, len(s.b.p.Items))
	objs := make([]fyne.CanvasObject, len(s.b.p.Items))
	for i := range s.b.p.Items {
		s.blocks[i] = s.newBlock(i)
		objs[i] = s.blocks[i].card
	}
	s.list.Objects = objs
	s.structureChanged()
	s.showFindings()
}

// structureChanged renumbers the blocks after sections were added, removed
// or moved, and lays the list out again.
func (s *sectionsEditor) structureChanged() {
	for i, blk := range s.blocks {
		blk.index = i
		if n := strconv.Itoa(i+1) + "."; blk.number.Text != n {
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
	s.values = proposal.Values(&s.b.p, s.b.ctx, proposal.All)
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
		icon := fyne.Resource(theme.NewWarningThemedResource(theme.WarningIcon()))
		msg := widget.NewLabel(tr(f.Message, f.Data))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.WarningImportance
		if f.Severity == proposal.SeverityBlocking {
			icon = theme.NewErrorThemedResource(theme.ErrorIcon())
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
	i := blk.index
	j := i + delta
	if j < 0 || j >= len(s.blocks) {
		return
	}
	items := s.b.p.Items
	items[i], items[j] = items[j], items[i]
	s.blocks[i], s.blocks[j] = s.blocks[j], s.blocks[i]
	s.list.Objects[i], s.list.Objects[j] = s.list.Objects[j], s.list.Objects[i]
	s.structureChanged()
	s.b.changed()
	s.ensureVisible(blk)
}

// remove takes the block out of the proposal; "Undo remove" puts it back.
func (s *sectionsEditor) remove(blk *sectionBlock) {
	i := blk.index
	s.unfocusIn(blk)
	s.removed = &secRemoval{item: s.b.p.Items[i], at: i}
	s.b.p.Items = slices.Delete(s.b.p.Items, i, i+1)
	s.blocks = slices.Delete(s.blocks, i, i+1)
	s.list.Objects = slices.Delete(s.list.Objects, i, i+1)
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
	at := min(r.at, len(s.b.p.Items))
	s.b.p.Items = slices.Insert(s.b.p.Items, at, r.item)
	blk := s.newBlock(at)
	s.blocks = slices.Insert(s.blocks, at, blk)
	s.list.Objects = slices.Insert(s.list.Objects, at, fyne.CanvasObject(blk.card))
	s.removed = nil
	s.undo.Hide()
	s.structureChanged()
	s.b.changed()
	s.ensureVisible(blk)
}

// add appends items as new blocks.
func (s *sectionsEditor) add(items ...proposal.Item) []*sectionBlock {
	var added []*sectionBlock
	for _, it := range items {
		s.b.p.Items = append(s.b.p.Items, it)
		blk := s.newBlock(len(s.b.p.Items) - 1)
		s.blocks = append(s.blocks, blk)
		s.list.Objects = append(s.list.Objects, blk.card)
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
	s.b.desk.win.Canvas().Focus(blk.ed.title)
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
	s.b.desk.win.Canvas().Focus(blk.ed.body)
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
		c := s.b.desk.win.Canvas()
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
	c := s.b.desk.win.Canvas()
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

// sectionBlock is one section of the proposal on the Sections tab.
type sectionBlock struct {
	s     *sectionsEditor
	index int // the item it shows, in b.p.Items

	card              *widget.Card
	number, title     *widget.Label
	meta              *widget.Label // kind · source · audience weights
	problem           *widget.Label // validation problems of a closed block
	summary           *widget.Label // the beginning of the text
	full              *widget.Label // a library section's whole text, read-only
	editorBox         *fyne.Container
	actions           *fyne.Container
	edit, customise   *widget.Button
	showText          *widget.Button
	up, down, remove  *widget.Button
	phOK, phUnknown   *widget.Label // placeholders and what they resolve to
	phEmpty           *widget.Label
	marks             *fyne.Container // readiness findings about the block
	phKey, marksKey   string
	showingText, busy bool

	ed *blockEditor // set while the block is open for editing
}

func (s *sectionsEditor) newBlock(i int) *sectionBlock {
	blk := &sectionBlock{s: s, index: i}
	blk.number = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	blk.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	blk.title.Truncation = fyne.TextTruncateEllipsis
	blk.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.move(blk, -1) })
	blk.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.move(blk, 1) })
	blk.remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), func() { s.remove(blk) })
	for _, b := range []*widget.Button{blk.up, blk.down, blk.remove} {
		b.Importance = widget.LowImportance
	}
	header := container.NewBorder(nil, nil, blk.number, container.NewHBox(blk.up, blk.down, blk.remove), blk.title)
	blk.meta = secWrapped(widget.LowImportance)
	blk.problem = secWrapped(widget.DangerImportance)
	blk.summary = secWrapped(widget.MediumImportance)
	blk.full = secWrapped(widget.MediumImportance)
	blk.editorBox = container.NewVBox()
	blk.edit = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), blk.expand)
	blk.customise = widget.NewButtonWithIcon(lang.L("Customise for this proposal"), theme.ContentCopyIcon(), func() { s.customise(blk) })
	blk.showText = widget.NewButtonWithIcon(lang.L("Show text"), theme.VisibilityIcon(), blk.toggleText)
	blk.actions = container.NewHBox(blk.edit, blk.customise, blk.showText)
	blk.phOK = secWrapped(widget.LowImportance)
	blk.phUnknown = secWrapped(widget.DangerImportance)
	blk.phEmpty = secWrapped(widget.WarningImportance)
	blk.marks = container.NewVBox()
	blk.card = widget.NewCard("", "", container.NewVBox(header, blk.meta, blk.problem, blk.summary, blk.full,
		blk.editorBox, blk.actions, blk.phOK, blk.phUnknown, blk.phEmpty, blk.marks))
	blk.show()
	return blk
}

// secWrapped is an empty word-wrapped label of importance imp.
func secWrapped(imp widget.Importance) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

func (blk *sectionBlock) item() *proposal.Item { return &blk.s.b.p.Items[blk.index] }

// missing reports a block that follows a library section that is gone.
func (blk *sectionBlock) missing() bool {
	it := blk.item()
	if it.Own() {
		return false
	}
	_, ok := blk.s.libSection(it.SectionID)
	return !ok
}

// text returns the block's title, kind, weights and Markdown as the
// proposal uses them: the library's current ones for a block that follows
// the library.
func (blk *sectionBlock) text() (title string, kind proposal.Kind, w proposal.Weights, body string) {
	it := blk.item()
	if !it.Own() {
		if sec, ok := blk.s.libSection(it.SectionID); ok {
			return sec.Title, sec.Kind, sec.Audiences, sec.Body
		}
		return "", "", nil, ""
	}
	return it.Title, it.Kind, it.Audiences, it.Body
}

// show puts the item's current state on the block.
func (blk *sectionBlock) show() {
	it := blk.item()
	open := blk.ed != nil
	secLabelText(blk.problem, "")
	if blk.missing() {
		blk.title.SetText(lang.L("Missing library section"))
		blk.meta.Importance = widget.DangerImportance
		secLabelText(blk.meta, lang.L("The library section “{{.ID}}” no longer exists. Remove it from the proposal, or add another section from the library.",
			map[string]any{"ID": it.SectionID}))
		blk.remove.Importance = widget.DangerImportance
		blk.remove.Refresh()
		secLabelText(blk.summary, "")
		secLabelText(blk.full, "")
		blk.actions.Hide()
		blk.showPlaceholders()
		return
	}
	blk.showTitle()
	blk.showMeta()
	_, _, _, body := blk.text()
	blk.summary.Importance = widget.MediumImportance
	sum := secSummary(body)
	if sum == "" {
		sum = lang.L("No text yet.")
		blk.summary.Importance = widget.LowImportance
	}
	secLabelText(blk.summary, sum)
	blk.summary.Hidden = open
	own := it.Own()
	blk.edit.Hidden = !own || open
	blk.customise.Hidden = own
	blk.showText.Hidden = own
	if blk.showingText && !own {
		secLabelText(blk.full, body)
		blk.summary.Hide()
		blk.showText.SetText(lang.L("Hide text"))
	} else {
		secLabelText(blk.full, "")
		blk.showText.SetText(lang.L("Show text"))
	}
	blk.actions.Hidden = open
	blk.validate()
	blk.showPlaceholders()
}

// secLabelText sets a label's text and hides it when there is none.
func secLabelText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

func (blk *sectionBlock) showTitle() {
	title, _, _, _ := blk.text()
	if strings.TrimSpace(title) == "" {
		title = lang.L("Untitled section")
	}
	blk.title.SetText(title)
}

func (blk *sectionBlock) showMeta() {
	it := blk.item()
	_, kind, w, _ := blk.text()
	src := lang.L("written for this proposal")
	switch {
	case it.Custom:
		src = lang.L("customised copy")
	case it.SectionID != "":
		src = lang.L("follows the library")
	}
	blk.meta.Importance = widget.LowImportance
	secLabelText(blk.meta, tr(kind.Label())+" · "+src+" · "+secWeights(w))
}

// secWeights shows the audiences a section is for: "Executive 90 ·
// Finance 30".
func secWeights(w proposal.Weights) string {
	var parts []string
	for _, a := range proposal.Audiences {
		if v := w[a]; v != 0 {
			parts = append(parts, tr(a.Label())+" "+strconv.Itoa(v))
		}
	}
	if len(parts) == 0 {
		return lang.L("for no audience")
	}
	return strings.Join(parts, " · ")
}

// secSummary is the beginning of body on one line, shortened: enough to
// recognise a section without opening it.
func secSummary(body string) string { return clip(oneLine(body), 280) }

// validate checks a section of the proposal's own as the user edits it,
// showing the problems under the fields of an open block and on one line
// on a closed one.
func (blk *sectionBlock) validate() {
	it := blk.item()
	var err error
	if it.Own() {
		sec := proposal.Section{Title: it.Title, Kind: it.Kind, Audiences: it.Audiences,
			Language: blk.s.b.p.Language, Body: it.Body}
		err = sec.Validate()
	}
	if ed := blk.ed; ed != nil {
		ed.fields.showProblems(err)
		if ed.badWeight {
			ed.fields.by["audiences"].setMessage(lang.L("Weights are whole numbers from 0 (not for that audience) to 100."))
		}
		secLabelText(blk.problem, "")
		return
	}
	var lines []string
	for _, p := range dossier.ProblemsOf(err) {
		if l, ok := secFieldLabels[p.Field]; ok {
			lines = append(lines, lang.L(l)+": "+tr(p.Message, p.Data))
		}
	}
	secLabelText(blk.problem, strings.Join(lines, "\n"))
}

// secFieldLabels label the fields of a section's editor.
var secFieldLabels = map[string]string{"title": "Title", "kind": "Kind", "audiences": "Audiences", "body": "Text"}

// toggleText shows or hides the whole text of a library section.
func (blk *sectionBlock) toggleText() {
	blk.showingText = !blk.showingText
	blk.show()
	blk.relayout()
}

func (blk *sectionBlock) relayout() {
	blk.card.Refresh()
	blk.s.layoutList()
}

// blockEditor is the editor of an open block: only open blocks hold
// entries.
type blockEditor struct {
	title     *blockEntry
	kind      *choice[proposal.Kind]
	weights   []*entry // in the order of proposal.Audiences
	body      *blockEntry
	insert    *widget.Select
	done      *widget.Button
	fields    fieldSet
	badWeight bool
}

func (ed *blockEditor) focusables() []fyne.Focusable {
	out := []fyne.Focusable{ed.title, ed.body, ed.kind.Select, ed.insert, ed.done}
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
	esc := s.b.desk.onCancel
	move := func(d int) { s.move(blk, d) }
	ed := &blockEditor{}
	blk.busy = true
	defer func() { blk.busy = false }()

	ed.title = newBlockEntry(false, esc, move)
	ed.title.SetText(it.Title)
	ed.title.OnChanged = func(t string) {
		blk.item().Title = t
		blk.showTitle()
		blk.edited()
	}
	ed.kind = newChoice(proposal.Kinds, proposal.Kind.Label, "", func(k proposal.Kind) {
		if blk.busy {
			return
		}
		blk.item().Kind = k
		blk.showMeta()
		blk.edited()
	})
	ed.kind.set(it.Kind)
	var cells []fyne.CanvasObject
	for _, a := range proposal.Audiences {
		e := newEntry(esc)
		e.SetPlaceHolder("0")
		if v := it.Audiences[a]; v != 0 {
			e.SetText(strconv.Itoa(v))
		}
		e.OnChanged = func(string) { blk.weightsChanged() }
		ed.weights = append(ed.weights, e)
		cells = append(cells, container.NewBorder(nil, nil, widget.NewLabel(tr(a.Label())), nil, e))
	}
	ed.body = newBlockEntry(true, esc, move)
	ed.body.SetMinRowsVisible(10)
	ed.body.SetText(it.Body)
	ed.body.OnChanged = func(t string) {
		blk.item().Body = t
		blk.showPlaceholders()
		blk.edited()
	}
	opts := make([]string, len(proposal.Placeholders))
	for i, n := range proposal.Placeholders {
		opts[i] = "{{" + n + "}} — " + tr(proposal.PlaceholderHelp[n])
	}
	ed.insert = widget.NewSelect(opts, func(string) {
		if i := ed.insert.SelectedIndex(); i >= 0 {
			blk.insertPlaceholder(proposal.Placeholders[i])
			ed.insert.ClearSelected()
		}
	})
	ed.insert.PlaceHolder = lang.L("Insert placeholder")
	ed.done = widget.NewButtonWithIcon(lang.L("Done"), theme.ConfirmIcon(), blk.collapse)

	ed.fields.add(newField("title", lang.L("Title"), ed.title))
	ed.fields.add(newField("kind", lang.L("Kind"), ed.kind.Select))
	ed.fields.add(newField("audiences", lang.L("Audiences"), container.NewGridWithColumns(4, cells...)))
	ed.fields.add(newField("body", lang.L("Text"), ed.body))
	hint := widget.NewLabel(lang.L("Weights 1–100; 0 or empty: not for that audience. Markdown; placeholders such as {{.Example}} are filled in per variant.", map[string]any{"Example": "{{account.name}}"}))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	blk.ed = ed
	blk.editorBox.Objects = []fyne.CanvasObject{ed.fields.grid(), hint,
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

// blockEntry is an entry of a block's editor: Alt+Up and Alt+Down move the
// block, Escape cancels as everywhere.
type blockEntry struct {
	entry
	onMove func(delta int)
}

func newBlockEntry(multiLine bool, onEscape func(), onMove func(int)) *blockEntry {
	e := &blockEntry{onMove: onMove}
	e.onEscape = onEscape
	if multiLine {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut moves the block on Alt+Up and Alt+Down.
func (e *blockEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && e.onMove != nil {
		switch cs.KeyName {
		case fyne.KeyUp:
			e.onMove(-1)
			return
		case fyne.KeyDown:
			e.onMove(1)
			return
		}
	}
	e.Entry.TypedShortcut(sc)
}
