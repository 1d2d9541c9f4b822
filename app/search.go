package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// searchStore is what the search screen reads: the whole workspace, once,
// to index it.
type searchStore interface {
	Workspace() (dossier.Workspace, error)
}

// searchShown is how many results the screen lists at most.
const searchShown = 200

// searchRow is a row of the results list: a group's heading or a hit.
type searchRow struct {
	heading string // set for a heading
	hit     searchHit
}

// searchScreen finds accounts and people as the user types, in every
// field of their dossiers.
type searchScreen struct {
	desk  *Desk
	index *searchIndex // nil until built
	rows  []searchRow

	entry   *ui.Entry
	summary *widget.Label
	busy    *widget.Activity
	list    *widget.List
	hint    *widget.Label
	body    *fyne.Container

	headingHeight, rowHeight float32 // of the list's rows
	headings                 []int   // the rows that are headings
}

func newSearchScreen(d *Desk) *searchScreen {
	s := &searchScreen{desk: d}
	s.entry = ui.NewEntry(s.OnCancel)
	s.entry.SetPlaceHolder(lang.L("Search accounts and people: name, position, company, hobbies, notes…"))
	s.entry.OnChanged = func(string) { s.run() }
	s.entry.OnSubmitted = func(string) { s.openFirst() }
	s.summary = widget.NewLabel("")
	s.busy = widget.NewActivity()
	s.hint = widget.NewLabel(lang.L("Type a few letters of a name, a position, a company, a hobby or anything in the notes. Several words find the records holding all of them."))
	s.hint.Wrapping = fyne.TextWrapWord
	s.hint.Alignment = fyne.TextAlignCenter
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.body = container.NewStack()
	s.build()
	return s
}

// build indexes the workspace off the UI goroutine; the screen shows a
// spinner meanwhile and searches what was typed once the index is ready.
func (s *searchScreen) build() {
	s.busy.Start()
	s.summary.SetText(lang.L("Reading the workspace…"))
	var ws dossier.Workspace
	var index *searchIndex
	var err error
	s.desk.opts.Background(func() {
		if ws, err = s.desk.ws.Workspace(); err == nil {
			index = newSearchIndex(&ws)
		}
	}, func() {
		s.busy.Stop()
		s.busy.Hide()
		if err != nil {
			s.summary.SetText(lang.L("The workspace could not be read."))
			s.desk.ShowError(err)
			return
		}
		s.index = index
		s.run()
	})
}

func (s *searchScreen) Content() fyne.CanvasObject {
	icon := widget.NewIcon(theme.SearchIcon())
	top := container.NewBorder(nil, nil, icon, nil, s.entry)
	status := container.NewHBox(s.busy, s.summary)
	return container.NewBorder(container.NewVBox(top, status), nil, nil, nil, s.body)
}

// focus puts the cursor in the search field (Ctrl+F).
func (s *searchScreen) Focus() {
	s.desk.win.Canvas().Focus(s.entry)
}

// onCancel (Esc) clears the query.
func (s *searchScreen) OnCancel() {
	if s.entry.Text != "" {
		s.entry.SetText("")
	}
}

// run searches for what is typed and shows the results.
func (s *searchScreen) run() {
	if s.index == nil {
		return
	}
	res := s.index.search(s.entry.Text)
	s.rows = s.rows[:0]
	if len(res.words) == 0 {
		s.summary.SetText("")
		s.showBody(s.hint)
		return
	}
	people := res.people()
	total := len(res.hits)
	if total == 0 {
		s.summary.SetText(lang.L("Nothing matches “{{.Query}}”.", map[string]any{"Query": ui.Clip(ui.OneLine(s.entry.Text), 60)}))
		s.showBody(container.NewCenter(widget.NewLabel(lang.L("Try fewer or shorter words."))))
		return
	}
	// Both groups get a fair share of the rows shown.
	nAcct := min(res.accounts, max(searchShown/2, searchShown-len(people)))
	nPeople := min(len(people), searchShown-nAcct)
	if res.accounts > 0 {
		s.rows = append(s.rows, searchRow{heading: s.heading(lang.L("Accounts"), res.accounts, nAcct)})
		for _, h := range res.hits[:nAcct] {
			s.rows = append(s.rows, searchRow{hit: h})
		}
	}
	if len(people) > 0 {
		s.rows = append(s.rows, searchRow{heading: s.heading(lang.L("People"), len(people), nPeople)})
		for _, h := range people[:nPeople] {
			s.rows = append(s.rows, searchRow{hit: h})
		}
	}
	if shown := nAcct + nPeople; shown < total {
		s.summary.SetText(lang.L("{{.Count}} matches, the best {{.Shown}} shown", map[string]any{"Count": total, "Shown": shown}))
	} else {
		s.summary.SetText(lang.N("{{.Count}} match", total, map[string]any{"Count": total}))
	}
	s.list.UnselectAll()
	s.sizeRows()
	s.list.Refresh()
	s.list.ScrollToTop()
	s.showBody(s.list)
}

func (s *searchScreen) heading(group string, count, shown int) string {
	if shown < count {
		return lang.L("{{.Group}} — {{.Count}}, {{.Shown}} shown", map[string]any{"Group": group, "Count": count, "Shown": shown})
	}
	return lang.L("{{.Group}} — {{.Count}}", map[string]any{"Group": group, "Count": count})
}

func (s *searchScreen) showBody(o fyne.CanvasObject) {
	if len(s.body.Objects) == 1 && s.body.Objects[0] == o {
		return
	}
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// sizeRows gives headings the height of their one line; the other rows
// keep the height of the template, a hit's.
func (s *searchScreen) sizeRows() {
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
func (s *searchScreen) newRow() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Heading", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title := widget.NewRichText()
	title.Truncation = fyne.TextTruncateEllipsis
	match := widget.NewRichText()
	match.Truncation = fyne.TextTruncateEllipsis
	lines := container.NewVBox(title, match)
	hit := container.NewBorder(nil, nil, widget.NewIcon(theme.AccountIcon()), nil, lines)
	return container.NewStack(heading, hit)
}

func (s *searchScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	row := s.rows[id]
	stack := o.(*fyne.Container)
	heading, hit := stack.Objects[0].(*widget.Label), stack.Objects[1].(*fyne.Container)
	if row.heading != "" {
		heading.SetText(row.heading)
		heading.Show()
		hit.Hide()
		return
	}
	heading.Hide()
	hit.Show()
	lines := hit.Objects[0].(*fyne.Container)
	icon := hit.Objects[1].(*widget.Icon)
	title, match := lines.Objects[0].(*widget.RichText), lines.Objects[1].(*widget.RichText)
	x := s.index
	acct := x.hitAccount(row.hit)
	name, where := "", ""
	if p := x.hitPerson(row.hit); p != nil {
		icon.SetResource(theme.AccountIcon())
		name = p.Name
		if acct != nil {
			where = acct.Name
		}
		if p.Position != "" {
			where = p.Position + " · " + where
		}
	} else {
		icon.SetResource(theme.HomeIcon())
		name, where = acct.Name, ui.Tr(acct.Tier.Label())
		if acct.Industry != "" {
			where += " · " + acct.Industry
		}
	}
	title.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: name, Style: strong},
		&widget.TextSegment{Text: "  " + where, Style: plain},
	}
	title.Refresh()
	before, found, after := x.snippet(row.hit, 110)
	match.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: searchFieldLabel(row.hit.field) + ": ", Style: subtle}}
	for _, seg := range []*widget.TextSegment{{Text: before, Style: plain}, {Text: found, Style: strong}, {Text: after, Style: plain}} {
		if seg.Text != "" {
			match.Segments = append(match.Segments, seg)
		}
	}
	match.Refresh()
}

// Text styles of the result rows, all inline.
var (
	plain  = widget.RichTextStyleInline
	strong = widget.RichTextStyleStrong
	subtle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}
)

// searchFieldLabel names a searched field the way the dossier labels it.
func searchFieldLabel(f searchField) string {
	switch f {
	case inName:
		return ui.FieldLabel("name")
	case inPosition:
		return ui.FieldLabel("position")
	case inDepartment:
		return ui.FieldLabel("department")
	case inAccount:
		return lang.L("Account")
	case inIndustry:
		return ui.FieldLabel("industry")
	case inSegment:
		return ui.FieldLabel("segment")
	case inCompetitors:
		return ui.FieldLabel("competitors")
	case inStrategy:
		return ui.FieldLabel("strategy")
	case inGoals:
		return ui.FieldLabel("goals")
	case inEmail:
		return ui.FieldLabel("email")
	case inHobbies:
		return ui.FieldLabel("hobbies")
	case inFamily:
		return ui.FieldLabel("family")
	case inValues:
		return ui.FieldLabel("values")
	}
	return ui.FieldLabel("notes")
}

func (s *searchScreen) onSelected(id widget.ListItemID) {
	if id >= len(s.rows) || s.rows[id].heading != "" {
		s.list.Unselect(id)
		return
	}
	s.open(s.rows[id].hit)
}

// openFirst opens the best result (Enter in the search field).
func (s *searchScreen) openFirst() {
	for _, r := range s.rows {
		if r.heading == "" {
			s.open(r.hit)
			return
		}
	}
}

// open shows the place of a hit: an account's dossier, a person's page.
func (s *searchScreen) open(h searchHit) {
	var place Place
	if p := s.index.hitPerson(h); p != nil {
		place = Place{Screen: "person", ID: p.ID}
	} else {
		place = Place{Screen: "account", ID: s.index.hitAccount(h).ID}
	}
	s.desk.opts.Defer(func() { s.desk.Show(place) })
}
