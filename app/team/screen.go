package team

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// teamStore is what the team and references screen needs from the
// workspace.
type Store interface {
	Team() ([]dossier.TeamMember, error)
	SaveTeamMember(m *dossier.TeamMember) error
	DeleteTeamMember(id string) (dossier.BinEntry, error)
	References() ([]dossier.Reference, error)
	SaveReference(r *dossier.Reference) error
	DeleteReference(id string) (dossier.BinEntry, error)
	Accounts() ([]dossier.Account, error)
	Restore(id string) error // undoes a deletion
}

// teamScreen edits our team (credited in proposals) and our references
// (past projects with referees), each on its own tab.
//
// Its place ID remembers the tab and the record open: "" (the team),
// "member:<id>", "references" or "reference:<id>". A bare ID is a member.
type teamScreen struct {
	host    ui.Host
	st      Store
	tabs    *ui.Tabs
	members *recordTab
	refs    *recordTab
	root    fyne.CanvasObject
	mf      *memberForm    // the form of members, which holds their list
	rf      *referenceForm // the form of references, which holds theirs
	busy    *ui.Busy
	open    string // the record of the place, opened once the lists are read
	loaded  bool   // the lists hold what was read
}

// NewScreen builds the screen; Load reads the team and the references
// off the UI goroutine (the desk calls it), then opens the record of id.
func NewScreen(h ui.Host, st Store, id string) (*teamScreen, error) {
	s := &teamScreen{host: h, st: st, busy: ui.NewBusy(), open: id}
	mf, rf := &memberForm{s: s}, &referenceForm{s: s}
	s.mf, s.rf = mf, rf
	s.members = newRecordTab(s, "member", mf, mf.newList(),
		lang.L("Select a team member to edit, or add one with New (Ctrl+N)."))
	s.refs = newRecordTab(s, "reference", rf, rf.newList(),
		lang.L("Select a reference to edit, or add one with New (Ctrl+N)."))
	mf.build(s.members.cancel)
	rf.build(s.refs.cancel)
	s.tabs = ui.NewTabs(
		container.NewTabItem(lang.L("Team"), s.members.object()),
		container.NewTabItem(lang.L("References"), s.refs.object()),
	)
	if kind, _, _ := strings.Cut(id, ":"); id == "references" || kind == "reference" {
		s.tabs.SelectIndex(1)
	}
	s.tabs.OnSelected = func(*container.TabItem) { s.remember() }

	title := widget.NewLabelWithStyle(lang.L("Team and references"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(lang.L("Proposals credit the team members who prepared them, with position and contacts, and cite references: delivered projects with a quantified result and a referee."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	header := container.NewVBox(container.NewHBox(widget.NewIcon(theme.GridIcon()), title, s.busy), intro)
	s.root = container.NewBorder(header, nil, nil, nil, s.tabs)
	return s, nil
}

// Keep shows the lists of the screen this one replaces at the same place
// (a refresh, an undo) until Load has read them again.
func (s *teamScreen) Keep(old ui.Screen) {
	if o, ok := old.(*teamScreen); ok && o.loaded {
		s.setLists(o.mf.members, o.rf.refs)
	}
}

// Load reads the team and the references off the UI goroutine, shows
// them, then opens the record the place names.
func (s *teamScreen) Load() {
	var (
		members []dossier.TeamMember
		refs    []dossier.Reference
		err     error
	)
	s.busy.Start()
	s.host.Background(func() {
		if members, err = s.st.Team(); err == nil {
			refs, err = s.st.References()
		}
	}, func() {
		s.busy.Stop()
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.setLists(members, refs)
		kind, rec, found := strings.Cut(s.open, ":")
		switch {
		case kind == "reference":
			s.refs.openID(rec)
		case kind == "member":
			s.members.openID(rec)
		case s.open != "" && s.open != "references" && !found:
			s.members.openID(s.open)
		}
	})
}

// setLists shows members and refs in the lists.
func (s *teamScreen) setLists(members []dossier.TeamMember, refs []dossier.Reference) {
	s.mf.members, s.rf.refs = members, refs
	s.loaded = true
	s.members.list.Refresh()
	s.refs.list.Refresh()
}

// Loading reports whether the lists are being read; RowCount is how many
// members and references they show.
func (s *teamScreen) Loading() bool { return s.busy.Loading() }
func (s *teamScreen) RowCount() int {
	return len(s.mf.members) + len(s.rf.refs)
}

func (s *teamScreen) Content() fyne.CanvasObject { return s.root }

// active is the tab the user is on.
func (s *teamScreen) active() *recordTab {
	if s.tabs.SelectedIndex() == 1 {
		return s.refs
	}
	return s.members
}

func (s *teamScreen) OnNew()      { s.active().OnNew() }
func (s *teamScreen) OnSave()     { s.active().save() }
func (s *teamScreen) OnCancel()   { s.active().cancel() }
func (s *teamScreen) Dirty() bool { return s.members.Dirty() || s.refs.Dirty() }

// saveChanges saves the record open on each tab that has unsaved changes;
// when one cannot be saved its tab comes to the front, showing why.
func (s *teamScreen) SaveChanges() bool {
	for i, t := range []*recordTab{s.members, s.refs} {
		if t.Dirty() && !t.SaveChanges() {
			s.tabs.SelectIndex(i)
			return false
		}
	}
	return true
}

// remember records the tab and the record open as the desk's place, so
// that showing the place again (Undo does) comes back to them.
func (s *teamScreen) remember() {
	if s.host.Current() != s {
		return // still being built: the desk sets the place itself
	}
	t := s.active()
	id := ""
	switch {
	case t.open && t.current >= 0:
		id = t.kind + ":" + t.form.ids()[t.current]
	case t == s.refs:
		id = "references"
	}
	s.host.SetPlace(ui.Place{Screen: "team", ID: id})
}

// recordForm is the editor of one kind of record on a recordTab.
type recordForm interface {
	ids() []string                             // the listed records, in list order
	reload() error                             // reads the records from the workspace
	object() fyne.CanvasObject                 // the fields
	load(i int)                                // shows record i, or a blank one for -1
	changed() bool                             // the form differs from the record loaded
	save() (id string, saved bool)             // saves, or shows why it cannot
	remove(i int, done func(dossier.BinEntry)) // asks, deletes, calls done
	Focus()
}

// recordTab is a list of records beside the form of the one open.
type recordTab struct {
	s       *teamScreen
	kind    string // "member" or "reference": the place ID prefix
	form    recordForm
	list    *ui.List
	body    *fyne.Container // the form, or the hint when nothing is open
	hint    fyne.CanvasObject
	editor  fyne.CanvasObject
	del     *widget.Button
	current int  // the record open; -1 for a new one
	open    bool // a record (or a new one) is in the form
	busy    bool // set while the tab itself changes the list's selection
}

func newRecordTab(s *teamScreen, kind string, form recordForm, list *ui.List, hint string) *recordTab {
	t := &recordTab{s: s, kind: kind, form: form, list: list, current: -1}
	h := widget.NewLabel(hint)
	h.Wrapping = fyne.TextWrapWord
	h.Alignment = fyne.TextAlignCenter
	h.Importance = widget.LowImportance
	t.hint = container.NewCenter(container.NewGridWrap(fyne.NewSize(320, h.MinSize().Height*2), h))
	t.body = container.NewStack(t.hint)
	list.OnSelected = t.onSelected
	return t
}

// object lays the tab out: New above the list, the form beside it.
func (t *recordTab) object() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), t.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), t.cancel)
	t.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), t.onDelete)
	t.del.Importance = widget.DangerImportance
	buttons := container.NewHBox(save, cancel, layout.NewSpacer(), t.del)
	t.editor = container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(t.form.object()))

	newBtn := widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), t.OnNew)
	split := container.NewHSplit(container.NewBorder(container.NewHBox(newBtn), nil, nil, nil, t.list),
		container.NewPadded(t.body))
	split.Offset = 0.4
	return split
}

func (t *recordTab) Dirty() bool { return t.open && t.form.changed() }

// leave runs goOn at once, or after asking about unsaved changes; stay
// runs when the user stays.
func (t *recordTab) leave(goOn, stay func()) { t.s.host.Leave(t, goOn, stay) }

func (t *recordTab) onSelected(i widget.ListItemID) {
	if t.busy || t.open && t.current == i {
		return
	}
	id := t.form.ids()[i] // saving first may reorder the list
	t.leave(func() { t.openID(id) }, t.showSelection)
}

// showSelection makes the list's selection match the record open.
func (t *recordTab) showSelection() {
	t.busy = true
	defer func() { t.busy = false }()
	if t.open && t.current >= 0 {
		t.list.Select(t.current)
	} else {
		t.list.UnselectAll()
	}
}

// openAt shows record i in the form; -1 starts a new one.
func (t *recordTab) openAt(i int) {
	t.current, t.open = i, true
	t.form.load(i)
	if i < 0 {
		t.del.Hide()
	} else {
		t.del.Show()
	}
	t.showSelection()
	t.body.Objects = []fyne.CanvasObject{t.editor}
	t.body.Refresh()
	t.s.remember()
}

// openID opens the record with id, if it is listed.
func (t *recordTab) openID(id string) {
	if i := slices.Index(t.form.ids(), id); i >= 0 {
		t.openAt(i)
	}
}

// close empties the form and the selection.
func (t *recordTab) close() {
	t.current, t.open = -1, false
	t.showSelection()
	t.body.Objects = []fyne.CanvasObject{t.hint}
	t.body.Refresh()
	t.s.remember()
}

func (t *recordTab) OnNew() {
	t.leave(func() {
		t.openAt(-1)
		t.form.Focus()
	}, t.showSelection)
}

// cancel drops the edit in progress.
func (t *recordTab) cancel() {
	if t.open {
		t.close()
	}
}

// save saves the record open (the Save button, Ctrl+S).
func (t *recordTab) save() { t.SaveChanges() }

// saveChanges saves the record open, keeps it open and reports whether it
// was saved.
func (t *recordTab) SaveChanges() bool {
	if !t.open {
		return true
	}
	id, ok := t.form.save()
	if !ok {
		return false
	}
	if err := t.form.reload(); err != nil {
		t.s.host.ShowError(err)
	}
	t.list.Refresh()
	if i := slices.Index(t.form.ids(), id); i >= 0 {
		t.openAt(i)
	} else {
		t.close()
	}
	return true
}

func (t *recordTab) onDelete() {
	if !t.open || t.current < 0 {
		return
	}
	id := t.form.ids()[t.current]
	t.form.remove(t.current, func(e dossier.BinEntry) {
		if err := t.form.reload(); err != nil {
			t.s.host.ShowError(err)
		}
		t.list.Refresh()
		t.close()
		// Undo shows the place again: let it open the restored record.
		t.s.host.SetPlace(ui.Place{Screen: "team", ID: t.kind + ":" + id})
		ui.OfferUndo(t.s.host, e, t.s.st.Restore)
	})
}

// showSaveError puts the problems of a failed save under their fields
// and tells of the rest in a dialog; what was typed stays.
func showSaveError(d ui.Host, fs *ui.FieldSet, err error) {
	rest := fs.ShowProblems(err)
	if len(dossier.ProblemsOf(err)) == 0 || len(rest) > 0 {
		d.ShowError(err)
	}
}

// confirmDelete asks before a deletion; yes runs it.
func confirmDelete(d ui.Host, title, message string, yes func()) {
	c := dialog.NewConfirm(title, message, func(ok bool) {
		if ok {
			yes()
		}
	}, d.Window())
	c.SetConfirmText(lang.L("Delete"))
	c.SetDismissText(lang.L("Keep"))
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}

// joinSome joins the non-empty parts with sep.
func joinSome(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// FocusFirst gives the keyboard to the list of the tab shown when no
// record is open in the form, so that arrows and Space work at once.
func (s *teamScreen) FocusFirst() {
	if t := s.active(); !t.open {
		s.host.Window().Canvas().Focus(t.list)
	}
}
