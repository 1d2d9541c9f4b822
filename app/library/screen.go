package library

import (
	"fmt"
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
	"kamdesk/proposal"
)

// libraryStore is what the library reads and writes: the sections, and
// the proposals that follow them.
type libraryStore interface {
	Sections() ([]proposal.Section, error)
	Section(id string) (proposal.Section, error)
	SaveSection(s *proposal.Section) error
	CreateSection(s *proposal.Section) error
	DeleteSection(id string) (dossier.BinEntry, error)
	ImportSections(secs []proposal.Section) (added, updated int, err error)
	Proposals(acct string) ([]proposal.Proposal, error)
	Restore(id string) error // undoes a deletion
}

// libraryScreen browses the section library beside the editor of the
// section open. Its place ID is the ID of the section open.
type libraryScreen struct {
	host      ui.Host
	st        libraryStore
	all       []proposal.Section
	shown     []proposal.Section // those the filters let through
	followers map[string]int     // section ID -> proposals following it

	kindSel *widget.Select
	audSel  *widget.Select
	langSel *widget.Select
	search  *ui.Entry
	list    *ui.List
	summary *widget.Label
	body    *fyne.Container // the editor, or the hint when nothing is open
	hint    fyne.CanvasObject
	ed      *sectionEditor
	root    fyne.CanvasObject
	busy    bool // set while the screen changes the list's selection itself
}

func NewScreen(host ui.Host, st libraryStore, id string) (*libraryScreen, error) {
	s := &libraryScreen{host: host, st: st}
	if err := s.load(); err != nil {
		return nil, err
	}
	s.kindSel = widget.NewSelect([]string{lang.L("All kinds")}, func(string) { s.filter() })
	for _, k := range proposal.Kinds {
		s.kindSel.Options = append(s.kindSel.Options, ui.Tr(k.Label()))
	}
	s.audSel = widget.NewSelect([]string{lang.L("All audiences")}, func(string) { s.filter() })
	for _, a := range proposal.Audiences {
		s.audSel.Options = append(s.audSel.Options, ui.Tr(a.Label()))
	}
	s.langSel = widget.NewSelect(nil, func(string) { s.filter() })
	s.search = ui.NewEntry(nil)
	s.search.SetPlaceHolder(lang.L("Filter by words"))
	s.search.OnChanged = func(string) { s.filter() }
	s.summary = widget.NewLabel("")
	s.list = ui.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			t := ui.NewFitLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			sub := ui.NewFitLabel("")
			sub.Importance = widget.LowImportance
			return container.NewVBox(t, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			sec := s.shown[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*ui.FitLabel).SetText(sec.Title)
			box.Objects[1].(*ui.FitLabel).SetText(sectionSummary(sec))
		})
	s.list.OnSelected = s.onSelected
	s.ed = newSectionEditor(s)
	h := widget.NewLabel(lang.L("Select a section to edit, or add one with New (Ctrl+N)."))
	h.Wrapping = fyne.TextWrapWord
	h.Alignment = fyne.TextAlignCenter
	h.Importance = widget.LowImportance
	s.hint = container.NewCenter(container.NewGridWrap(fyne.NewSize(320, h.MinSize().Height*2), h))
	s.body = container.NewStack(s.hint)
	s.fillLanguages()
	s.kindSel.SetSelectedIndex(0)
	s.audSel.SetSelectedIndex(0)
	s.langSel.SetSelectedIndex(0)
	s.build()
	s.filter()
	if id != "" {
		if sec, ok := s.section(id); ok {
			s.open(sec, false)
		}
	}
	return s, nil
}

// load reads the library and counts the proposals that follow each
// section.
func (s *libraryScreen) load() error {
	secs, err := s.st.Sections()
	if err != nil {
		return err
	}
	s.all = secs
	s.countFollowers()
	return nil
}

// countFollowers counts the proposals that follow each section off the UI
// goroutine (it reads every proposal), then shows the count of the section
// open.
func (s *libraryScreen) countFollowers() {
	var followers map[string]int
	var err error
	s.host.Background(func() { followers, err = sectionFollowers(s.st) }, func() {
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.followers = followers
		if s.ed != nil && s.ed.open {
			s.ed.showFollowers()
		}
	})
}

// sectionFollowers counts, for each section, the proposals that follow it.
func sectionFollowers(st libraryStore) (map[string]int, error) {
	props, err := st.Proposals("")
	if err != nil {
		return nil, err
	}
	followers := map[string]int{}
	for _, p := range props {
		seen := map[string]bool{}
		for _, it := range p.Items {
			if it.SectionID != "" && !it.Custom && !seen[it.SectionID] {
				seen[it.SectionID] = true
				followers[it.SectionID]++
			}
		}
	}
	return followers, nil
}

func (s *libraryScreen) section(id string) (proposal.Section, bool) {
	i := slices.IndexFunc(s.all, func(x proposal.Section) bool { return x.ID == id })
	if i < 0 {
		return proposal.Section{}, false
	}
	return s.all[i], true
}

// fillLanguages offers the languages the library is written in.
func (s *libraryScreen) fillLanguages() {
	sel := s.langSel.Selected
	opts := []string{lang.L("All languages")}
	for _, sec := range s.all {
		if !slices.Contains(opts[1:], sec.Language) {
			opts = append(opts, sec.Language)
		}
	}
	slices.Sort(opts[1:])
	s.langSel.Options = opts
	if !slices.Contains(opts, sel) {
		sel = opts[0]
	}
	s.langSel.Selected = sel
	s.langSel.Refresh()
}

// sectionSummary is the line under a section's title in the list.
func sectionSummary(sec proposal.Section) string {
	var parts []string
	for _, a := range proposal.Audiences {
		if w := sec.Audiences.For(a); w > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", ui.Tr(a.Label()), w))
		}
	}
	return ui.Tr(sec.Kind.Label()) + " · " + sec.Language + " · " + strings.Join(parts, ", ")
}

// filter shows the sections of the kind, audience and language chosen
// whose title, text or ID contain the words typed.
func (s *libraryScreen) filter() {
	if s.list == nil || s.langSel == nil || s.summary == nil {
		return // still being built
	}
	var kind proposal.Kind
	if i := s.kindSel.SelectedIndex(); i > 0 {
		kind = proposal.Kinds[i-1]
	}
	var aud proposal.Audience
	if i := s.audSel.SelectedIndex(); i > 0 {
		aud = proposal.Audiences[i-1]
	}
	lng := ""
	if i := s.langSel.SelectedIndex(); i > 0 {
		lng = s.langSel.Selected
	}
	words := strings.Fields(strings.ToLower(s.search.Text))
	s.shown = s.shown[:0]
	for _, sec := range s.all {
		if kind != "" && sec.Kind != kind || aud != "" && sec.Audiences.For(aud) == 0 || lng != "" && sec.Language != lng {
			continue
		}
		hay := strings.ToLower(sec.Title + "\n" + sec.Body + "\n" + sec.ID)
		if slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(hay, w) }) {
			continue
		}
		s.shown = append(s.shown, sec)
	}
	n := len(s.shown)
	if n == len(s.all) {
		s.summary.SetText(lang.N("{{.Count}} section", n, map[string]any{"Count": n}))
	} else {
		s.summary.SetText(lang.L("{{.Shown}} of {{.All}}", map[string]any{"Shown": n,
			"All": lang.N("{{.Count}} section", len(s.all), map[string]any{"Count": len(s.all)})}))
	}
	s.list.Refresh()
	s.showSelection()
}

// showSelection makes the list's selection match the section open.
func (s *libraryScreen) showSelection() {
	s.busy = true
	defer func() { s.busy = false }()
	if s.ed.open && s.ed.sec.ID != "" {
		if i := slices.IndexFunc(s.shown, func(x proposal.Section) bool { return x.ID == s.ed.sec.ID }); i >= 0 {
			s.list.Select(i)
			if s.list.Size().Height == 0 {
				// Not laid out yet: List.Select scrolled as if the list had
				// no room at all. Put the row at the top instead.
				row := s.list.CreateItem().MinSize().Height + theme.Padding()
				s.list.ScrollToOffset(float32(i) * row)
			}
			return
		}
	}
	s.list.UnselectAll()
}

func (s *libraryScreen) onSelected(i widget.ListItemID) {
	if s.busy || i < 0 || i >= len(s.shown) {
		return
	}
	sec := s.shown[i]
	if s.ed.open && s.ed.sec.ID == sec.ID {
		return
	}
	s.leave(func() { s.open(sec, false) }, s.showSelection)
}

// leave runs goOn at once, or after asking about unsaved changes; stay
// runs when the user stays.
func (s *libraryScreen) leave(goOn, stay func()) { s.host.Leave(s, goOn, stay) }

// open shows sec in the editor; fresh is true for a section not saved yet.
func (s *libraryScreen) open(sec proposal.Section, fresh bool) {
	s.ed.load(sec, fresh)
	s.body.Objects = []fyne.CanvasObject{s.ed.object}
	s.body.Refresh()
	s.showSelection()
	s.remember()
}

// close empties the editor.
func (s *libraryScreen) close() {
	s.ed.open = false
	s.ed.sec = proposal.Section{}
	s.body.Objects = []fyne.CanvasObject{s.hint}
	s.body.Refresh()
	s.showSelection()
	s.remember()
}

// remember records the section open as the desk's place, so that Undo
// and the next start come back to it.
func (s *libraryScreen) remember() {
	if s.host.Current() != s {
		return // still being built: the desk sets the place itself
	}
	s.host.SetPlace(ui.Place{Screen: "library", ID: s.ed.sec.ID})
}

func (s *libraryScreen) build() {
	title := widget.NewLabelWithStyle(lang.L("Section library"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	importBtn := widget.NewButtonWithIcon(lang.L("Import…"), theme.FolderOpenIcon(), s.onImport)
	exportBtn := widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), s.onExport)
	newBtn := widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), s.OnNew)
	header := container.NewHBox(widget.NewIcon(theme.StorageIcon()), title, s.summary, layout.NewSpacer(), newBtn, importBtn, exportBtn)
	// Two rows, so that the list and the editor fit a 13-inch screen.
	filters := container.NewVBox(
		container.NewGridWithColumns(2, s.kindSel, s.audSel),
		container.NewBorder(nil, nil, s.langSel, nil, s.search))
	split := container.NewHSplit(container.NewBorder(filters, nil, nil, nil, s.list), container.NewPadded(s.body))
	split.Offset = 0.36
	s.root = container.NewBorder(header, nil, nil, nil, split)
}

func (s *libraryScreen) Content() fyne.CanvasObject { return s.root }

// dirty reports unsaved changes in the editor.
func (s *libraryScreen) Dirty() bool { return s.ed.open && s.ed.changed() }

// onNew starts a new section (Ctrl+N), in the language the list shows.
func (s *libraryScreen) OnNew() {
	s.leave(func() {
		sec := proposal.Section{Kind: proposal.KindOther, Language: "en"}
		if i := s.langSel.SelectedIndex(); i > 0 {
			sec.Language = s.langSel.Selected
		}
		if i := s.kindSel.SelectedIndex(); i > 0 {
			sec.Kind = proposal.Kinds[i-1]
		}
		s.open(sec, true)
		s.host.Window().Canvas().Focus(s.ed.title)
	}, s.showSelection)
}

// onSave saves the section open (Ctrl+S).
func (s *libraryScreen) OnSave() { s.SaveChanges() }

// saveChanges saves the section open, keeps it open and reports whether
// it was saved.
func (s *libraryScreen) SaveChanges() bool {
	if !s.ed.open {
		return true
	}
	sec, ok := s.ed.save()
	if !ok {
		return false
	}
	if err := s.reload(); err != nil {
		s.host.ShowError(err)
	}
	s.open(sec, false)
	return true
}

// onCancel drops the edit in progress (Esc): a section goes back to what
// is saved, a new one is abandoned.
func (s *libraryScreen) OnCancel() {
	switch {
	case !s.ed.open:
	case s.ed.fresh:
		s.close()
	default:
		s.ed.load(s.ed.sec, false)
	}
}

// reload reads the library again and refreshes the list.
func (s *libraryScreen) reload() error {
	if err := s.load(); err != nil {
		return err
	}
	s.fillLanguages()
	s.filter()
	return nil
}

func (s *libraryScreen) onDelete() {
	if !s.ed.open || s.ed.fresh {
		return
	}
	sec := s.ed.sec
	msg := lang.L("Delete the section “{{.Title}}”? You can undo this.", map[string]any{"Title": sec.Title})
	if n := s.followers[sec.ID]; n > 0 {
		msg = lang.N("Delete the section “{{.Title}}”? {{.Count}} proposal follows it and will miss it until you undo this.",
			n, map[string]any{"Title": sec.Title, "Count": n})
	}
	c := dialog.NewConfirm(lang.L("Delete section"), msg, func(ok bool) {
		if !ok {
			return
		}
		e, err := s.st.DeleteSection(sec.ID)
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if err := s.reload(); err != nil {
			s.host.ShowError(err)
		}
		s.close()
		// Undo shows the place again: let it open the restored section.
		s.host.SetPlace(ui.Place{Screen: "library", ID: sec.ID})
		ui.OfferUndo(s.host, e, s.st.Restore)
	}, s.host.Window())
	c.SetConfirmImportance(widget.DangerImportance)
	c.SetConfirmText(lang.L("Delete"))
	c.Show()
}

// FocusFirst gives the keyboard to the list of sections when none is
// open, so that arrows and Space work at once.
func (s *libraryScreen) FocusFirst() {
	if !s.ed.open {
		s.host.Window().Canvas().Focus(s.list)
	}
}
