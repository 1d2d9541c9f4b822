package proposals

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// The references of the References and team tab are a list that makes
// rows only for the references in view: a workspace has hundreds of
// references, and a column of a row each took the UI goroutine about a
// second to open the tab at 250, and again at every tick.

// refItem is one row of the references list.
type refItem struct {
	id  string
	ref *dossier.Reference // nil: cited, but no longer in the workspace
	pos int                // its place among the cited, -1 when not cited
}

// refView is the widgets of one row, showing the items in view in turn.
type refView struct {
	chk             *widget.Check
	up, down        *widget.Button
	buttons         *fyne.Container
	project, marker *ui.FitLabel
	index           int // the item it shows
	stamp           int // when it was last given an item: the newest of two showing one is in view
}

func (e *peopleEditor) newRefList() {
	e.refViews = map[fyne.CanvasObject]*refView{}
	e.noRefs = lowHint(lang.L("The workspace has no references yet: add them under Team and references."))
	e.noRefs.Hide()
	e.refs = ui.NewList(func() int { return len(e.refItems) }, e.newRefRow, e.showRefRow)
	// A row is ticked or unticked by tapping it, or with Space when the
	// list has the focus (the arrows move among the rows).
	e.refs.OnSelected = func(i widget.ListItemID) {
		e.refs.Unselect(i)
		if i >= 0 && i < len(e.refItems) {
			e.toggleRef(e.refItems[i].id, e.refItems[i].pos < 0)
		}
	}
}

func (e *peopleEditor) newRefRow() fyne.CanvasObject {
	v := &refView{index: -1}
	v.chk = widget.NewCheck("", nil)
	v.up = widget.NewButtonWithIcon("", ui.Icon(theme.MoveUpIcon()), func() { e.moveRef(e.refID(v), -1) })
	v.down = widget.NewButtonWithIcon("", ui.Icon(theme.MoveDownIcon()), func() { e.moveRef(e.refID(v), +1) })
	v.buttons = container.NewHBox(v.up, v.down)
	v.project = ui.NewFitLabel("")
	v.marker = ui.NewFitLabel("")
	row := container.NewVBox(container.NewBorder(nil, nil, nil, v.buttons, v.chk),
		indentUnderCheck(container.NewVBox(v.project, v.marker)))
	e.refViews[row] = v
	return row
}

// showRefRow shows item i in a row: ticked when cited, with its project
// and what may be printed about the referee.
func (e *peopleEditor) showRefRow(i widget.ListItemID, row fyne.CanvasObject) {
	v := e.refViews[row]
	if v == nil || i < 0 || i >= len(e.refItems) {
		return
	}
	it := e.refItems[i]
	e.refStamp++
	v.index, v.stamp = i, e.refStamp
	n := len(e.b.p.References)
	v.chk.OnChanged = nil // showing is not ticking
	v.chk.Text, v.chk.Checked = refText(it), it.pos >= 0
	v.chk.Refresh()
	v.chk.OnChanged = func(on bool) { e.toggleRef(e.refID(v), on) }
	v.buttons.Hidden = it.pos < 0 || n < 2
	enableButton(v.up, it.pos > 0)
	enableButton(v.down, it.pos >= 0 && it.pos < n-1)
	v.buttons.Refresh()
	if it.ref == nil {
		v.project.Hide()
		v.marker.Hide()
		return
	}
	r := it.ref
	what := ui.OneLine(r.Project)
	if r.Year != 0 {
		what += " — " + strconv.Itoa(r.Year)
	}
	v.project.Show()
	v.project.SetText(what)
	switch {
	case r.Recommends():
		who := r.Referee.Name
		if r.Referee.Position != "" {
			who += ", " + r.Referee.Position
		}
		v.marker.Importance = widget.SuccessImportance
		v.marker.SetText(lang.L("May be contacted: {{.Referee}}", map[string]any{"Referee": who}))
	case strings.TrimSpace(r.Referee.Name) != "":
		v.marker.Importance = widget.WarningImportance
		v.marker.SetText(lang.L("No consent: name and contact will not be printed"))
	default:
		v.marker.Importance = widget.LowImportance
		v.marker.SetText(lang.L("No referee named"))
	}
	v.marker.Show()
}

// refID is the reference the row v shows ("" when it shows none, which
// every action ignores).
func (e *peopleEditor) refID(v *refView) string {
	if v.index < 0 || v.index >= len(e.refItems) {
		return ""
	}
	return e.refItems[v.index].id
}

// refText is the label of an item's check box: the client, numbered when
// cited.
func refText(it refItem) string {
	if it.ref == nil {
		return lang.L("A reference that no longer exists ({{.ID}})", map[string]any{"ID": it.id})
	}
	if it.pos >= 0 {
		return fmt.Sprintf("%d. %s", it.pos+1, it.ref.Client)
	}
	return it.ref.Client
}

// buildRefs lists the cited references first, in their order, then the
// others in the order of the workspace.
func (e *peopleEditor) buildRefs() {
	refs := e.b.ctx.References
	at := make(map[string]int, len(refs))
	for i := range refs {
		at[refs[i].ID] = i
	}
	cited := e.b.p.References
	items := make([]refItem, 0, len(refs)+len(cited))
	for i, id := range cited {
		it := refItem{id: id, pos: i}
		if k, ok := at[id]; ok {
			it.ref = &refs[k]
		}
		items = append(items, it)
	}
	for i := range refs {
		if !slices.Contains(cited, refs[i].ID) {
			items = append(items, refItem{id: refs[i].ID, ref: &refs[i], pos: -1})
		}
	}
	e.refItems = items
	e.noRefs.Hidden = len(refs) > 0
	e.refs.Hidden = len(items) == 0
	e.refs.Refresh()
	e.noRefs.Refresh()
}

// refViewOf scrolls the list to item i and returns the row that shows it
// (nil when there is no such item).
func (e *peopleEditor) refViewOf(i int) *refView {
	if i < 0 || i >= len(e.refItems) {
		return nil
	}
	e.refs.ScrollTo(i)
	var in *refView
	for _, v := range e.refViews {
		if v.index == i && (in == nil || v.stamp > in.stamp) {
			in = v
		}
	}
	return in
}

// toggleRef cites the reference id (on) or stops citing it.
func (e *peopleEditor) toggleRef(id string, on bool) {
	if on {
		e.cite(id)
	} else {
		e.uncite(id)
	}
}

func (e *peopleEditor) cite(id string) {
	if id == "" || slices.Contains(e.b.p.References, id) {
		return
	}
	e.b.p.References = append(e.b.p.References, id)
	e.refsChanged()
}

func (e *peopleEditor) uncite(id string) {
	if !slices.Contains(e.b.p.References, id) {
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
// list shows them again after the tap that changed it is handled.
func (e *peopleEditor) refsChanged() {
	e.b.host.Defer(e.buildRefs)
	e.b.changed()
}
