package proposals

import (
	"image/color"
	"slices"
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

// peopleEditor is the References and team tab: which references the
// proposal cites, in which order, and which team members are credited for
// preparing it, with their role and the author among them.
type peopleEditor struct {
	b *builder

	refs       *ui.List  // the references, a row each, made for those in view
	refItems   []refItem // what the rows show, in order
	refViews   map[fyne.CanvasObject]*refView
	refStamp   int             // counts the rows given an item
	noRefs     *widget.Label   // in place of the list when there are none
	refNotes   *widget.Label   // readiness findings about references
	team       *fyne.Container // the team member rows
	teamScroll *container.Scroll
	teamChecks []*ui.Check               // in row order
	roleInputs map[string]*ui.Entry      // by member ID, for credited members
	memberRows map[string]*ui.Check      // by member ID
	teamNotes  *widget.Label             // readiness findings about credits
	creditsMsg *widget.Label             // validation problems of the credits
	creditUp   map[string]*widget.Button // "move up" of each credit, by member ID
	author     *ui.Select
	authorIDs  []string          // member ID of each author option
	roles      map[string]string // roles of members whose credit was removed, to restore
	loading    bool
	// built is set once the rows are made, when the tab is first shown
	// (Content).
	built bool
	root  fyne.CanvasObject
}

func newPeopleEditor(b *builder) *peopleEditor {
	e := &peopleEditor{b: b, roles: map[string]string{}}
	e.newRefList()
	e.team = container.NewVBox()
	e.teamScroll = container.NewVScroll(e.team)
	e.refNotes = newNoteLabel()
	e.teamNotes = newNoteLabel()
	e.creditsMsg = newNoteLabel()
	e.creditsMsg.Importance = widget.DangerImportance
	e.author = ui.NewSelect(nil, e.onAuthor)
	e.author.PlaceHolder = lang.L("Choose the author")

	heading := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewBorder(container.NewVBox(heading(lang.L("References")),
		lowHint(lang.L("Similar projects delivered for significant companies, cited in the order ticked. Referees who agreed to be contacted are named with their contact.")),
		e.refNotes), nil, nil, nil, container.NewBorder(e.noRefs, nil, nil, nil, e.refs))
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

// missingRow is a cited record that no longer exists: unticking it
// removes it.
func (e *peopleEditor) missingRow(id, text string, remove func()) fyne.CanvasObject {
	chk := ui.NewCheck(text, func(on bool) {
		if !on {
			remove()
		}
	})
	chk.Checked = true
	return chk
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
	if pl.Area == proposal.AreaReferences {
		if v := e.refViewOf(0); v != nil {
			if c := e.b.host.Window().Canvas(); c != nil {
				c.Focus(v.chk)
			}
		}
		return
	}
	scroll, checks := e.teamScroll, e.teamChecks
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
	for _, c := range proposal.Causes(fs) { // one line per cause, not one per variant and section
		f := causeFinding(c)
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
