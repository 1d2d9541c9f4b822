package proposals

import (
	"fmt"
	"image/color"
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
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// peopleEditor is the References and team tab: which references the
// proposal cites, in which order, and which team members are credited for
// preparing it, with their role and the author among them.
type peopleEditor struct {
	b *builder

	refs       *fyne.Container // the reference rows
	refScroll  *container.Scroll
	refChecks  []*widget.Check // in row order
	refNotes   *widget.Label   // readiness findings about references
	team       *fyne.Container // the team member rows
	teamScroll *container.Scroll
	teamChecks []*widget.Check           // in row order
	roleInputs map[string]*ui.Entry      // by member ID, for credited members
	memberRows map[string]*widget.Check  // by member ID
	refRows    map[string]*widget.Check  // by reference ID
	teamNotes  *widget.Label             // readiness findings about credits
	creditsMsg *widget.Label             // validation problems of the credits
	refUp      map[string]*widget.Button // "move up" of each cited reference, by ID
	creditUp   map[string]*widget.Button // "move up" of each credit, by member ID
	author     *widget.Select
	authorIDs  []string          // member ID of each author option
	roles      map[string]string // roles of members whose credit was removed, to restore
	loading    bool
	// built is set once the rows are made, when the tab is first shown
	// (Content): a workspace's references are hundreds of rows, made for
	// nothing when the proposal is opened on another tab.
	built bool
	root  fyne.CanvasObject
}

func newPeopleEditor(b *builder) *peopleEditor {
	e := &peopleEditor{b: b, roles: map[string]string{}}
	e.refs = container.NewVBox()
	e.refScroll = container.NewVScroll(e.refs)
	e.team = container.NewVBox()
	e.teamScroll = container.NewVScroll(e.team)
	e.refNotes = newNoteLabel()
	e.teamNotes = newNoteLabel()
	e.creditsMsg = newNoteLabel()
	e.creditsMsg.Importance = widget.DangerImportance
	e.author = widget.NewSelect(nil, e.onAuthor)
	e.author.PlaceHolder = lang.L("Choose the author")

	heading := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewBorder(container.NewVBox(heading(lang.L("References")),
		lowHint(lang.L("Similar projects delivered for significant companies, cited in the order ticked. Referees who agreed to be contacted are named with their contact.")),
		e.refNotes), nil, nil, nil, e.refScroll)
	authorRow := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Author")), nil, e.author)
	right := container.NewBorder(container.NewVBox(heading(lang.L("Team credits")),
		lowHint(lang.L("The team who prepared the proposal, printed with position, role and contacts; the author comes first.")),
		authorRow, e.teamNotes, e.creditsMsg), nil, nil, nil, e.teamScroll)
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	e.root = split
	return e
}

func newNoteLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func (e *peopleEditor) Content() fyne.CanvasObject {
	if !e.built {
		e.built = true
		e.reload()
	}
	return e.root
}

// reload shows the working copy's references and credits again, once
// they are shown.
func (e *peopleEditor) reload() {
	if !e.built {
		return
	}
	e.buildRefs()
	e.buildTeam()
	e.onChecked()
}

// buildRefs lists the cited references first, in their order, then the
// others in the order of the workspace.
func (e *peopleEditor) buildRefs() {
	e.loading = true
	defer func() { e.loading = false }()
	cited := e.b.p.References
	var objs []fyne.CanvasObject
	e.refChecks = nil
	e.refRows = map[string]*widget.Check{}
	e.refUp = map[string]*widget.Button{}
	for i, id := range cited {
		k := slices.IndexFunc(e.b.ctx.References, func(r dossier.Reference) bool { return r.ID == id })
		if k < 0 {
			objs = append(objs, e.missingRow(id, lang.L("A reference that no longer exists ({{.ID}})", map[string]any{"ID": id}),
				func() { e.uncite(id) }))
			continue
		}
		objs = append(objs, e.refRow(&e.b.ctx.References[k], i, len(cited)))
	}
	for i := range e.b.ctx.References {
		r := &e.b.ctx.References[i]
		if !slices.Contains(cited, r.ID) {
			objs = append(objs, e.refRow(r, -1, len(cited)))
		}
	}
	if len(e.b.ctx.References) == 0 {
		objs = append(objs, lowHint(lang.L("The workspace has no references yet: add them under Team and references.")))
	}
	e.refs.Objects = objs
	e.refs.Refresh()
}

// refRow is one reference: checked when cited (pos is its place among
// the n cited, -1 when it is not), with its project and what may be
// printed about the referee.
func (e *peopleEditor) refRow(r *dossier.Reference, pos, n int) fyne.CanvasObject {
	id := r.ID
	text := r.Client
	if pos >= 0 {
		text = fmt.Sprintf("%d. %s", pos+1, r.Client)
	}
	chk := widget.NewCheck(text, func(on bool) {
		if on {
			e.cite(id)
		} else {
			e.uncite(id)
		}
	})
	chk.Checked = pos >= 0
	e.refChecks = append(e.refChecks, chk)
	e.refRows[id] = chk
	what := ui.OneLine(r.Project)
	if r.Year != 0 {
		what += " — " + strconv.Itoa(r.Year)
	}
	project := widget.NewLabel(what)
	project.Truncation = fyne.TextTruncateEllipsis
	marker := widget.NewLabel("")
	marker.Truncation = fyne.TextTruncateEllipsis
	switch {
	case r.Recommends():
		who := r.Referee.Name
		if r.Referee.Position != "" {
			who += ", " + r.Referee.Position
		}
		marker.SetText(lang.L("May be contacted: {{.Referee}}", map[string]any{"Referee": who}))
		marker.Importance = widget.SuccessImportance
	case strings.TrimSpace(r.Referee.Name) != "":
		marker.SetText(lang.L("No consent: name and contact will not be printed"))
		marker.Importance = widget.WarningImportance
	default:
		marker.SetText(lang.L("No referee named"))
		marker.Importance = widget.LowImportance
	}
	var buttons fyne.CanvasObject
	if pos >= 0 && n > 1 {
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.moveRef(id, -1) })
		e.refUp[id] = up
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.moveRef(id, +1) })
		enableButton(up, pos > 0)
		enableButton(down, pos < n-1)
		buttons = container.NewHBox(up, down)
	}
	return container.NewVBox(container.NewBorder(nil, nil, nil, buttons, chk), indentUnderCheck(container.NewVBox(project, marker)))
}

// missingRow is a cited record that no longer exists: unticking it
// removes it.
func (e *peopleEditor) missingRow(id, text string, remove func()) fyne.CanvasObject {
	chk := widget.NewCheck(text, func(on bool) {
		if !on {
			remove()
		}
	})
	chk.Checked = true
	return chk
}

func (e *peopleEditor) cite(id string) {
	if e.loading || slices.Contains(e.b.p.References, id) {
		return
	}
	e.b.p.References = append(e.b.p.References, id)
	e.refsChanged()
}

func (e *peopleEditor) uncite(id string) {
	if e.loading {
		return
	}
	e.b.p.References = slices.DeleteFunc(slices.Clone(e.b.p.References), func(r string) bool { return r == id })
	if len(e.b.p.References) == 0 {
		e.b.p.References = nil
	}
	e.refsChanged()
}

func (e *peopleEditor) moveRef(id string, delta int) {
	refs := e.b.p.References
	i := slices.Index(refs, id)
	j := i + delta
	if i < 0 || j < 0 || j >= len(refs) {
		return
	}
	refs[i], refs[j] = refs[j], refs[i]
	e.refsChanged()
}

// refsChanged is called after every change of the cited references; the
// list is rebuilt after the tap that changed it is handled.
func (e *peopleEditor) refsChanged() {
	e.b.host.Defer(e.buildRefs)
	e.b.changed()
}

// onChecked shows the readiness findings about references and credits
// above their lists.
func (e *peopleEditor) onChecked() {
	showAreaFindings(e.refNotes, e.b.findings, proposal.AreaReferences)
	showAreaFindings(e.teamNotes, e.b.findings, proposal.AreaCredits)
}

// focusPlace brings the list a finding is about into view and puts the
// focus on its first entry.
func (e *peopleEditor) focusPlace(pl proposal.Place) {
	scroll, checks := e.refScroll, e.refChecks
	if pl.Area == proposal.AreaCredits {
		scroll, checks = e.teamScroll, e.teamChecks
	}
	scroll.ScrollToTop()
	if len(checks) > 0 {
		if c := e.b.host.Window().Canvas(); c != nil {
			c.Focus(checks[0])
		}
	}
}

// showAreaFindings lists in l the readiness findings about one of areas,
// coloured by the most serious; l hides when there are none.
func showAreaFindings(l *widget.Label, fs []proposal.Finding, areas ...string) {
	var lines []string
	blocking := false
	for _, f := range fs {
		if !slices.Contains(areas, f.Place.Area) {
			continue
		}
		mark := "⚠ "
		if f.Severity == proposal.SeverityBlocking {
			mark, blocking = "✖ ", true
		}
		lines = append(lines, mark+ui.Tr(f.Message, f.Data))
	}
	l.Importance = widget.WarningImportance
	if blocking {
		l.Importance = widget.DangerImportance
	}
	setNote(l, strings.Join(lines, "\n"))
}

// indentUnderCheck shifts obj right by the width of a check box, under the check's
// label.
func indentUnderCheck(obj fyne.CanvasObject) fyne.CanvasObject {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.IconInlineSize()+theme.InnerPadding(), 0))
	return container.NewBorder(nil, nil, gap, nil, obj)
}

// lowHint is a wrapped hint in low importance.
func lowHint(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}
