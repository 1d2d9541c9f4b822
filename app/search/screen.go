package search

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Store is what the search screen reads, once, to index it: the dossier
// records, every proposal and the section library.
type Store interface {
	Workspace() (dossier.Workspace, error)
	Proposals(acct string) ([]proposal.Proposal, error)
	Sections() ([]proposal.Section, error)
}

// shown is how many results the screen lists at most.
const shownAtMost = 200

// row is a row of the results list: a group's heading or a hit.
type row struct {
	heading string // set for a heading
	hit     Hit
}

// screen finds records as the user types: accounts and people in
// every field of their dossiers, meetings and other timeline events,
// promises, proposals and library sections.
type screen struct {
	host  ui.Host
	st    Store
	index *Index // nil until built
	res   Result // what the rows show
	rows  []row

	entry   *ui.Entry
	summary *widget.Label
	busy    *widget.Activity
	list    *ui.List
	hint    *widget.Label
	body    *fyne.Container

	headingHeight, rowHeight float32 // of the list's rows
	headings                 []int   // the rows that are headings
}

// NewScreen makes the search screen; it reads st once, off the UI
// goroutine, to build its index.
func NewScreen(host ui.Host, st Store) ui.Screen {
	s := &screen{host: host, st: st}
	s.entry = ui.NewEntry(s.OnCancel)
	s.entry.SetPlaceHolder(lang.L("Search accounts, people, meetings, proposals and library sections…"))
	s.entry.OnChanged = func(string) { s.run() }
	s.entry.OnSubmitted = func(string) { s.openFirst() }
	s.summary = widget.NewLabel("")
	s.busy = widget.NewActivity()
	s.hint = widget.NewLabel(lang.L("Type a few letters of a name, a position, a company, a hobby, the notes, a meeting, a promise, a proposal's title or a library section. Several words find the records holding all of them."))
	s.hint.Wrapping = fyne.TextWrapWord
	s.hint.Alignment = fyne.TextAlignCenter
	s.list = ui.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.body = container.NewStack()
	s.build()
	return s
}

// build indexes the workspace off the UI goroutine; the screen shows a
// spinner meanwhile and searches what was typed once the index is ready.
func (s *screen) build() {
	s.busy.Start()
	s.summary.SetText(lang.L("Reading the workspace…"))
	var index *Index
	var err error
	st := s.st
	s.host.Background(func() {
		var ws dossier.Workspace
		var props []proposal.Proposal
		var secs []proposal.Section
		if ws, err = st.Workspace(); err != nil {
			return
		}
		if props, err = st.Proposals(""); err != nil {
			return
		}
		if secs, err = st.Sections(); err != nil {
			return
		}
		index = New(&ws, props, secs)
	}, func() {
		s.busy.Stop()
		s.busy.Hide()
		if err != nil {
			s.summary.SetText(lang.L("The workspace could not be read."))
			s.host.ShowError(err)
			return
		}
		s.index = index
		s.run()
	})
}

func (s *screen) Content() fyne.CanvasObject {
	icon := widget.NewIcon(theme.SearchIcon())
	top := container.NewBorder(nil, nil, icon, nil, s.entry)
	status := container.NewHBox(s.busy, s.summary)
	return container.NewBorder(container.NewVBox(top, status), nil, nil, nil, s.body)
}

// focus puts the cursor in the search field (Ctrl+F).
func (s *screen) Focus() {
	s.host.Window().Canvas().Focus(s.entry)
}

// onCancel (Esc) clears the query.
func (s *screen) OnCancel() {
	if s.entry.Text != "" {
		s.entry.SetText("")
	}
}

// run searches for what is typed and shows the results.
func (s *screen) run() {
	if s.index == nil {
		return
	}
	res := s.index.Search(s.entry.Text)
	s.res = res
	s.rows = s.rows[:0]
	if len(res.Words) == 0 {
		s.summary.SetText("")
		s.showBody(s.hint)
		return
	}
	total := res.Len()
	if total == 0 {
		s.summary.SetText(lang.L("Nothing matches “{{.Query}}”.", map[string]any{"Query": ui.Clip(ui.OneLine(s.entry.Text), 60)}))
		s.showBody(container.NewCenter(widget.NewLabel(lang.L("Try fewer or shorter words."))))
		return
	}
	shown := searchShares(res)
	n := 0
	for i, k := range Kinds {
		hits := res.Of(k)
		if len(hits) == 0 {
			continue
		}
		s.rows = append(s.rows, row{heading: s.heading(searchGroupName(k), len(hits), shown[i])})
		for _, h := range hits[:shown[i]] {
			s.rows = append(s.rows, row{hit: h})
		}
		n += shown[i]
	}
	if n < total {
		s.summary.SetText(lang.L("{{.Count}} matches, the best {{.Shown}} shown", map[string]any{"Count": total, "Shown": n}))
	} else {
		s.summary.SetText(lang.N("{{.Count}} match", total, map[string]any{"Count": total}))
	}
	s.list.UnselectAll()
	s.sizeRows()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.showBody(s.list)
}

// searchShares shares the shownAtMost rows among the groups of kinds
// found: equally, and what a small group leaves goes to the bigger ones.
func searchShares(res Result) []int {
	shown := make([]int, len(Kinds))
	left := shownAtMost
	for left > 0 {
		open := 0 // the groups with more to show
		for i, k := range Kinds {
			if len(res.Of(k)) > shown[i] {
				open++
			}
		}
		if open == 0 {
			break
		}
		share := max(left/open, 1)
		for i, k := range Kinds {
			if add := min(len(res.Of(k))-shown[i], share, left); add > 0 {
				shown[i] += add
				left -= add
			}
		}
	}
	return shown
}

// searchGroupName is the heading of the results of kind k.
func searchGroupName(k Kind) string {
	switch k {
	case Account:
		return lang.L("Accounts")
	case Person:
		return lang.L("People")
	case Event:
		return lang.L("Meetings and other events")
	case Promise:
		return lang.L("Promises")
	case Proposal:
		return lang.L("Proposals")
	}
	return lang.L("Library sections")
}

func (s *screen) heading(group string, count, shown int) string {
	if shown < count {
		return lang.L("{{.Group}} — {{.Count}}, {{.Shown}} shown", map[string]any{"Group": group, "Count": count, "Shown": shown})
	}
	return lang.L("{{.Group}} — {{.Count}}", map[string]any{"Group": group, "Count": count})
}

func (s *screen) showBody(o fyne.CanvasObject) {
	if len(s.body.Objects) == 1 && s.body.Objects[0] == o {
		return
	}
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// sizeRows gives headings the height of their one line; the other rows
// keep the height of the template, a hit's.
func (s *screen) sizeRows() {
	if s.rowHeight == 0 {
		row := s.newRow().(*fyne.Container)
		s.headingHeight, s.rowHeight = row.Objects[0].MinSize().Height, row.MinSize().Height
	}
	for _, i := range s.headings {
		if i >= len(s.rows) || s.rows[i].heading == "" {
			s.list.SetItemHeight(i, s.rowHeight)
		}
	}
	s.headings = s.headings[:0]
	for i, r := range s.rows {
		if r.heading != "" {
			s.list.SetItemHeight(i, s.headingHeight)
			s.headings = append(s.headings, i)
		}
	}
}

// A row template: a heading, or an icon with two lines of rich text (the
// name and account; the field that matched with the match in bold).
func (s *screen) newRow() fyne.CanvasObject {
	title := widget.NewRichText()
	title.Truncation = fyne.TextTruncateEllipsis
	match := widget.NewRichText()
	match.Truncation = fyne.TextTruncateEllipsis
	lines := container.NewVBox(title, match)
	hit := container.NewBorder(nil, nil, widget.NewIcon(theme.AccountIcon()), nil, lines)
	return ui.HeadedRow(hit)
}

func (s *screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	row := s.rows[id]
	shown := ui.SetHeadedRow(o, row.heading)
	if shown == nil {
		return
	}
	hit := shown.(*fyne.Container)
	lines := hit.Objects[0].(*fyne.Container)
	icon := hit.Objects[1].(*widget.Icon)
	title, match := lines.Objects[0].(*widget.RichText), lines.Objects[1].(*widget.RichText)
	name, where, res := s.describe(row.hit)
	icon.SetResource(res)
	title.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: name, Style: strong},
		&widget.TextSegment{Text: "  " + where, Style: plain},
	}
	title.Refresh()
	before, found, after := s.res.Snippet(row.hit, 110)
	match.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: searchFieldLabel(s.res.Field(row.hit)) + ": ", Style: subtle}}
	for _, seg := range []*widget.TextSegment{{Text: before, Style: plain}, {Text: found, Style: strong}, {Text: after, Style: plain}} {
		if seg.Text != "" {
			match.Segments = append(match.Segments, seg)
		}
	}
	match.Refresh()
}

// describe returns what the first line of a hit's row shows: the name
// or title of the record, where it belongs, and its icon.
func (s *screen) describe(h Hit) (name, where string, icon fyne.Resource) {
	x := s.index
	acctName := ""
	if a := x.Account(h); a != nil {
		acctName = a.Name
	}
	join := func(parts ...string) string {
		out := ""
		for _, p := range parts {
			if p != "" && out != "" {
				out += " · "
			}
			out += p
		}
		return out
	}
	switch x.Kind(h) {
	case Account:
		a := x.Account(h)
		return a.Name, join(ui.Tr(a.Tier.Label()), a.Industry), theme.HomeIcon()
	case Person:
		p := x.Person(h)
		return p.Name, join(p.Position, acctName), theme.AccountIcon()
	case Event:
		e := x.Event(h)
		return e.Title, join(ui.Tr(e.Kind.Label()), ui.DateText(e.Date), acctName), theme.HistoryIcon()
	case Promise:
		p := x.Promise(h)
		return ui.Clip(ui.OneLine(p.Text), 80), join(lang.L("Promise due {{.Date}}", map[string]any{"Date": ui.DateText(p.Due)}), acctName), theme.ConfirmIcon()
	case Proposal:
		p := x.Proposal(h)
		return p.Title, join(ui.Tr(p.Status.Label()), acctName), theme.DocumentIcon()
	}
	sec := x.Section(h)
	return sec.Title, join(ui.Tr(sec.Kind.Label()), lang.L("Library")), theme.StorageIcon()
}

// Text styles of the result rows, all inline.
var (
	plain  = widget.RichTextStyleInline
	strong = widget.RichTextStyleStrong
	subtle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}
)

// searchFieldLabel names a searched field the way the forms label it.
func searchFieldLabel(f Field) string {
	switch f {
	case Name:
		return ui.FieldLabel("name")
	case Title:
		return ui.FieldLabel("title")
	case Text:
		return ui.FieldLabel("text")
	case Position:
		return ui.FieldLabel("position")
	case Department:
		return ui.FieldLabel("department")
	case AccountName:
		return lang.L("Account")
	case Industry:
		return ui.FieldLabel("industry")
	case Segment:
		return ui.FieldLabel("segment")
	case Competitors:
		return ui.FieldLabel("competitors")
	case Strategy:
		return ui.FieldLabel("strategy")
	case Goals:
		return ui.FieldLabel("goals")
	case Email:
		return ui.FieldLabel("email")
	case Hobbies:
		return ui.FieldLabel("hobbies")
	case Family:
		return ui.FieldLabel("family")
	case Values:
		return ui.FieldLabel("values")
	case Body:
		return ui.FieldLabel("body")
	}
	return ui.FieldLabel("notes")
}

func (s *screen) onSelected(id widget.ListItemID) {
	if id >= len(s.rows) || s.rows[id].heading != "" {
		s.list.Unselect(id)
		return
	}
	s.open(s.rows[id].hit)
}

// openFirst opens the best result (Enter in the search field).
func (s *screen) openFirst() {
	for _, r := range s.rows {
		if r.heading == "" {
			s.open(r.hit)
			return
		}
	}
}

// open shows the place of a hit: an account's dossier, a person's page, the
// timeline of the account of an event or a promise, a proposal in the
// builder, a section in the library.
func (s *screen) open(h Hit) {
	x := s.index
	var place ui.Place
	switch x.Kind(h) {
	case Person:
		p := x.Person(h)
		place = ui.Place{Screen: "person", ID: p.ID}
	case Event:
		place = ui.Place{Screen: "account", ID: x.Event(h).AccountID}
		s.host.Remember("dossier.tab", lang.L("Timeline"))
	case Promise:
		place = ui.Place{Screen: "account", ID: x.Promise(h).AccountID}
		s.host.Remember("dossier.tab", lang.L("Timeline"))
	case Proposal:
		place = ui.Place{Screen: "proposal", ID: x.Proposal(h).ID}
	case Section:
		place = ui.Place{Screen: "library", ID: x.Section(h).ID}
	default:
		place = ui.Place{Screen: "account", ID: x.Account(h).ID}
	}
	s.host.Defer(func() { s.host.Show(place) })
}
