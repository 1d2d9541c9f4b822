package proposals

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// sectionBlock is one section of the proposal on the Sections tab.
type sectionBlock struct {
	s     *sectionsEditor
	index int // the item it shows, in b.p.Items

	card              *ui.Panel
	body              *fyne.Container
	number            *widget.Label
	title             *ui.FitLabel
	meta              *ui.WrapLabel // kind · source · audience weights
	problem           *ui.WrapLabel // validation problems of a closed block
	summary           *ui.WrapLabel // the beginning of the text
	full              *ui.WrapLabel // a library section's whole text, read-only
	editorBox         *fyne.Container
	actions           *fyne.Container
	edit, customise   *widget.Button
	showText          *widget.Button
	up, down, remove  *widget.Button
	phOK, phUnknown   *ui.WrapLabel // placeholders and what they resolve to
	phEmpty           *ui.WrapLabel
	marks             *fyne.Container // readiness findings about the block
	phKey, marksKey   string
	showingText, busy bool

	ed *blockEditor // set while the block is open for editing
}

func (s *sectionsEditor) newBlock(i int) *sectionBlock {
	blk := &sectionBlock{s: s, index: i}
	// numbered as structureChanged numbers it, which then need not
	// refresh a block that is not in the column yet
	blk.number = widget.NewLabelWithStyle(secNumber(i), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	blk.title = ui.NewFitLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	blk.up = widget.NewButtonWithIcon("", ui.Icon(theme.MoveUpIcon()), func() { s.move(blk, -1) })
	blk.down = widget.NewButtonWithIcon("", ui.Icon(theme.MoveDownIcon()), func() { s.move(blk, 1) })
	blk.remove = widget.NewButtonWithIcon(lang.L("Remove"), ui.Icon(theme.DeleteIcon()), func() { s.remove(blk) })
	for _, b := range []*widget.Button{blk.up, blk.down, blk.remove} {
		b.Importance = widget.LowImportance
	}
	header := container.NewBorder(nil, nil, blk.number, container.NewHBox(blk.up, blk.down, blk.remove), blk.title)
	blk.meta = secWrapped(widget.LowImportance)
	blk.problem = secWrapped(widget.DangerImportance)
	blk.summary = secWrapped(widget.MediumImportance)
	blk.full = secWrapped(widget.MediumImportance)
	blk.editorBox = container.NewVBox()
	blk.edit = widget.NewButtonWithIcon(lang.L("Edit"), ui.Icon(theme.DocumentCreateIcon()), blk.expand)
	blk.customise = widget.NewButtonWithIcon(lang.L("Customise for this proposal"), ui.Icon(theme.ContentCopyIcon()), func() { s.customise(blk) })
	blk.showText = widget.NewButtonWithIcon(lang.L("Show text"), ui.Icon(theme.VisibilityIcon()), blk.toggleText)
	blk.actions = container.NewHBox(blk.edit, blk.customise, blk.showText)
	blk.phOK = secWrapped(widget.LowImportance)
	blk.phUnknown = secWrapped(widget.DangerImportance)
	blk.phEmpty = secWrapped(widget.WarningImportance)
	blk.marks = container.NewVBox()
	blk.body = container.NewVBox(header, blk.meta, blk.problem, blk.summary, blk.full,
		blk.editorBox, blk.actions, blk.phOK, blk.phUnknown, blk.phEmpty, blk.marks)
	blk.card = ui.NewPanel(blk.body)
	blk.show()
	return blk
}

// secButtonText sets b's text when it changes: a button refreshed makes
// its renderer at once, and a block not yet in the column need not have
// one (a tenth of the builder's opening went on the "Show text" buttons
// of blocks nobody saw yet).
func secButtonText(b *widget.Button, text string) {
	if b.Text != text {
		b.SetText(text)
	}
}

// secWrapped is an empty word-wrapped label of importance imp.
func secWrapped(imp widget.Importance) *ui.WrapLabel {
	l := ui.NewWrapLabel("")
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
		blk.remove.Icon = theme.DeleteIcon() // coloured for danger by the button
		blk.remove.Refresh()
		secLabelText(blk.summary, "")
		secLabelText(blk.full, "")
		blk.actions.Hide()
		blk.showPlaceholders()
		return
	}
	blk.showTitle()
	blk.showMeta()
	_, _, weights, body := blk.text()
	blk.summary.Importance = widget.MediumImportance
	sum := secSummary(body, blk.s.valuesFor(leadAudience(weights)))
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
		secButtonText(blk.showText, lang.L("Hide text"))
	} else {
		secLabelText(blk.full, "")
		secButtonText(blk.showText, lang.L("Show text"))
	}
	blk.actions.Hidden = open
	blk.validate()
	blk.showPlaceholders()
}

// secLabelText sets a label's text and hides it when there is none.
func secLabelText(l *ui.WrapLabel, text string) {
	if l.FullText() != text {
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
	if o := blk.s.outline; o != nil && blk.index < len(blk.s.blocks) && blk.s.blocks[blk.index] == blk {
		o.list.RefreshItem(blk.index) // the outline names it too (once the block is in place: building all refreshes the outline once)
	}
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
	secLabelText(blk.meta, ui.Tr(kind.Label())+" · "+src+" · "+secWeights(w))
}

// secWeights shows the audiences a section is for: "Executive 90 ·
// Finance 30".
func secWeights(w proposal.Weights) string {
	var parts []string
	for _, a := range proposal.Audiences {
		if v := w[a]; v != 0 {
			parts = append(parts, ui.Tr(a.Label())+" "+strconv.Itoa(v))
		}
	}
	if len(parts) == 0 {
		return lang.L("for no audience")
	}
	return strings.Join(parts, " · ")
}

// secSummary is the beginning of body as its readers see it: the
// placeholders filled in with values, the Markdown markup gone, on one
// line and shortened: enough to recognise a section without opening it.
// A placeholder without a value stays as written, so what is missing
// shows.
func secSummary(body string, values map[string]string) string {
	if out, _, err := proposal.Resolve(body, values); err == nil {
		body = out
	}
	return ui.Clip(proposal.PlainText(body), 280)
}

// leadAudience is the audience a section weighs most for (the first of
// equals), or the whole group for one weighed for none.
func leadAudience(w proposal.Weights) proposal.Audience {
	lead, best := proposal.All, 0
	for _, a := range proposal.Audiences {
		if w[a] > best {
			lead, best = a, w[a]
		}
	}
	return lead
}

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
		ed.fields.ShowProblems(err)
		if ed.badWeight {
			ed.fields.By["audiences"].SetMessage(lang.L("Weights are whole numbers from 0 (not for that audience) to 100."))
		}
		secLabelText(blk.problem, "")
		return
	}
	var lines []string
	for _, p := range dossier.ProblemsOf(err) {
		if l, ok := secFieldLabels[p.Field]; ok {
			lines = append(lines, lang.L(l)+": "+ui.Tr(p.Message, p.Data))
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
	blk.body.Refresh()
	blk.card.Refresh()
	blk.s.layoutList()
}
