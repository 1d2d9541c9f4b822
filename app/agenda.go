package app

import (
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// agendaStore is what the agenda reads: the whole dossier, for
// dossier.Agenda.
type agendaStore interface {
	Workspace() (dossier.Workspace, error)
}

// agendaEntry is one line of the agenda: what to act on and when (the
// item's date, kind, lateness and message), and where to go to act on it.
type agendaEntry struct {
	item  dossier.AgendaItem
	place Place
}

// agendaQuery is what the agenda asks each of its sources for.
type agendaQuery struct {
	today dossier.Date
	// days is how far ahead to look, for birthdays too; 0 means as the
	// workspace rules say (AgendaDays, BirthdayNoticeDays).
	days int
	// ws is the dossier, read once for every source; sources only read it.
	ws *dossier.Workspace
}

// agendaSource lists entries of the agenda. It runs off the UI goroutine
// and must not touch widgets; it may read the workspace through d.ws.
type agendaSource func(d *Desk, q agendaQuery) ([]agendaEntry, error)

// agendaSources make the agenda: the dossier's, then the proposals'. Each
// source's kinds are in agendaKinds.
var agendaSources = []agendaSource{dossierAgenda, proposalAgenda}

// agendaKind is a kind of agenda item as the screen shows it: the label of
// its filter (English, translated when shown) and its icon.
type agendaKind struct {
	kind  dossier.AgendaKind
	label string
	icon  fyne.ThemeIconName
}

// agendaKinds are the kinds the agenda filters by, in the order of the
// filters. Items of a kind not listed are always shown.
var agendaKinds = []agendaKind{
	{dossier.AgendaBirthday, "Birthdays", theme.IconNameCalendar},
	{dossier.AgendaContact, "Contacts", theme.IconNameMailCompose},
	{dossier.AgendaPromise, "Promises", theme.IconNameConfirm},
	{dossier.AgendaTenderPrep, "Tender preparation", theme.IconNameDocumentCreate},
	{dossier.AgendaTender, "Tenders", theme.IconNameDocument},
	{dossier.AgendaReview, "Annual reviews", theme.IconNameViewRefresh},
	{agendaProposalExpiry, "Expiring proposals", theme.IconNameDocument},
	{agendaProposalFollowUp, "Proposal follow-up", theme.IconNameMailSend},
}

// agendaHorizons are the choices of how far ahead the agenda looks.
var agendaHorizons = []int{7, 30, 90}

// dossierAgenda is the dossier's part of the agenda: birthdays, contacts
// due, promises, tender preparation, tenders and annual reviews.
func dossierAgenda(d *Desk, q agendaQuery) ([]agendaEntry, error) {
	w := *q.ws
	if q.days > 0 {
		r := w.Rules.OrDefault()
		r.AgendaDays, r.BirthdayNoticeDays = q.days, q.days
		w.Rules = r
	}
	items := dossier.Agenda(&w, q.today)
	out := make([]agendaEntry, len(items))
	for i, it := range items {
		place := Place{Screen: "account", ID: it.AccountID}
		if it.PersonID != "" {
			place = Place{Screen: "person", ID: it.PersonID}
		}
		out[i] = agendaEntry{item: it, place: place}
	}
	return out, nil
}

// agendaRow is a row of the agenda list: a group's heading or an entry.
type agendaRow struct {
	heading string
	entry   *agendaEntry
}

// agendaScreen lists what needs attention, late things first, grouped by
// when: late, today, this week, later.
type agendaScreen struct {
	desk   *Desk
	ws     dossier.Workspace
	today  dossier.Date
	days   int // the horizon chosen; 0 until the user chooses one
	hidden map[dossier.AgendaKind]bool

	entries []agendaEntry // from every source, in agenda order
	rows    []agendaRow   // what the list shows

	horizon *widget.RadioGroup
	checks  []*widget.Check
	summary *widget.Label
	busy    *widget.Activity
	list    *widget.List
	body    *fyne.Container

	dateCol fyne.Size // the size of the date column
	loads   int       // counts loads, so that only the last one shows
}

func newAgendaScreen(d *Desk) *agendaScreen {
	s := &agendaScreen{desk: d, today: d.opts.Today(), hidden: map[dossier.AgendaKind]bool{}}
	s.summary = widget.NewLabel(lang.L("Reading the workspace…"))
	s.busy = widget.NewActivity()
	s.list = widget.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.body = container.NewStack()
	for _, k := range agendaKinds {
		kind := k.kind
		c := widget.NewCheck(ui.Tr(k.label), func(on bool) {
			s.hidden[kind] = !on
			s.show()
		})
		c.Checked = true
		s.checks = append(s.checks, c)
	}
	s.horizon = widget.NewRadioGroup(nil, nil)
	s.horizon.Horizontal = true
	s.horizon.Required = true
	return s
}

// load reads the workspace and shows the agenda.
func (s *agendaScreen) Load() { s.read(true) }

// keep shows the entries of the agenda screen old while this one loads.
func (s *agendaScreen) Keep(old screen) {
	if o, ok := old.(*agendaScreen); ok && o.entries != nil {
		s.entries = o.entries
		s.show()
	}
}

// loading and rowCount are for tests: what the list shows.
func (s *agendaScreen) loading() bool { return s.busy.Visible() }
func (s *agendaScreen) rowCount() int { return len(s.rows) }

// read reads the workspace (first is true) or reuses it, asks every
// source for its entries off the UI goroutine and shows them.
func (s *agendaScreen) read(first bool) {
	s.busy.Start()
	s.busy.Show()
	s.loads++
	load := s.loads
	q := agendaQuery{today: s.today, days: s.days}
	var entries []agendaEntry
	var err error
	s.desk.opts.Background(func() {
		if first {
			if s.ws, err = s.desk.ws.Workspace(); err != nil {
				return
			}
		}
		q.ws = &s.ws
		for _, src := range agendaSources {
			var more []agendaEntry
			if more, err = src(s.desk, q); err != nil {
				return
			}
			entries = append(entries, more...)
		}
		slices.SortStableFunc(entries, func(a, b agendaEntry) int { return dossier.CompareAgenda(a.item, b.item) })
	}, func() {
		if load != s.loads {
			return // the user chose another horizon meanwhile
		}
		s.busy.Stop()
		s.busy.Hide()
		if err != nil {
			s.summary.SetText(lang.L("The workspace could not be read."))
			s.desk.ShowError(err)
			return
		}
		if first {
			s.setHorizons()
		}
		s.entries = entries
		s.show()
	})
}

// setHorizons offers 7, 30 and 90 days, and the workspace's own horizon
// when it is another, which is chosen at first.
func (s *agendaScreen) setHorizons() {
	rule := s.ws.Rules.OrDefault().AgendaDays
	days := slices.Clone(agendaHorizons)
	if !slices.Contains(days, rule) {
		days = append(days, rule)
		slices.Sort(days)
	}
	var options []string
	for _, n := range days {
		label := horizonLabel(n)
		options = append(options, label)
		if n == rule {
			s.horizon.Selected = label
		}
	}
	s.horizon.Options = options
	s.horizon.OnChanged = func(label string) {
		for _, n := range days {
			if horizonLabel(n) == label && n != s.days {
				s.days = n
				s.read(false)
			}
		}
	}
	s.horizon.Refresh()
}

func horizonLabel(days int) string {
	return lang.L("{{.Days}} days", map[string]any{"Days": days})
}

// group is the heading an item falls under.
func (s *agendaScreen) group(it dossier.AgendaItem) int {
	// The week ends on Sunday.
	weekEnd := s.today.AddDays((7 - int(s.today.Weekday())) % 7)
	switch {
	case it.Late || it.Date.Before(s.today):
		return 0
	case it.Date.Equal(s.today):
		return 1
	case !it.Date.After(weekEnd):
		return 2
	}
	return 3
}

var agendaGroups = []string{"Late", "Today", "This week", "Later"}

// show lists the entries of the kinds not filtered out, under their
// headings.
func (s *agendaScreen) show() {
	var groups [4][]*agendaEntry
	late := 0
	for i := range s.entries {
		e := &s.entries[i]
		if s.hidden[e.item.Kind] {
			continue
		}
		g := s.group(e.item)
		groups[g] = append(groups[g], e)
		if g == 0 {
			late++
		}
	}
	s.rows = s.rows[:0]
	n := 0
	for g, list := range groups {
		if len(list) == 0 {
			continue
		}
		s.rows = append(s.rows, agendaRow{heading: lang.L("{{.Group}} — {{.Count}}",
			map[string]any{"Group": lang.L(agendaGroups[g]), "Count": len(list)})})
		for _, e := range list {
			s.rows = append(s.rows, agendaRow{entry: e})
		}
		n += len(list)
	}
	text := lang.N("{{.Count}} item", n, map[string]any{"Count": n})
	if late > 0 {
		text += " · " + lang.L("{{.Count}} late", map[string]any{"Count": late})
	}
	s.summary.SetText(text)
	if n == 0 {
		msg := lang.L("Nothing needs attention in this period.")
		if len(s.entries) > 0 {
			msg = lang.L("Nothing of the kinds chosen needs attention in this period.")
		}
		s.body.Objects = []fyne.CanvasObject{container.NewCenter(widget.NewLabel(msg))}
		s.body.Refresh()
		return
	}
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
	if len(s.body.Objects) != 1 || s.body.Objects[0] != s.list {
		s.body.Objects = []fyne.CanvasObject{s.list}
		s.body.Refresh()
	}
}

func (s *agendaScreen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Agenda"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ahead := widget.NewLabel(lang.L("Looking ahead:"))
	top := container.NewHBox(widget.NewIcon(theme.HistoryIcon()), title, s.summary, s.busy, layout.NewSpacer(), ahead, s.horizon)
	filters := container.NewHBox()
	for _, c := range s.checks {
		filters.Add(c)
	}
	return container.NewBorder(container.NewVBox(top, container.NewHScroll(filters)), nil, nil, nil, s.body)
}

// A row template: a heading, or an icon, a date and the item's text.
func (s *agendaScreen) newRow() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Heading", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	date := widget.NewLabel("2006-01-02")
	date.Truncation = fyne.TextTruncateEllipsis
	text := widget.NewLabel("Text")
	text.Truncation = fyne.TextTruncateEllipsis
	item := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.CalendarIcon()),
		container.NewGridWrap(s.dateSize(), date)), nil, text)
	return container.NewStack(heading, item)
}

func (s *agendaScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	row := s.rows[id]
	stack := o.(*fyne.Container)
	heading, item := stack.Objects[0].(*widget.Label), stack.Objects[1].(*fyne.Container)
	if row.heading != "" {
		heading.SetText(row.heading)
		heading.Show()
		item.Hide()
		return
	}
	heading.Hide()
	item.Show()
	text := item.Objects[0].(*widget.Label)
	left := item.Objects[1].(*fyne.Container)
	icon, date := left.Objects[0].(*widget.Icon), left.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	it := row.entry.item
	icon.SetResource(theme.Icon(kindIcon(it.Kind)))
	date.Importance = widget.MediumImportance
	if it.Late {
		date.Importance = widget.DangerImportance
	}
	date.SetText(it.Date.String() + " " + weekday(it.Date.Weekday()))
	text.SetText(ui.OneLine(ui.Tr(it.Message, it.Data)))
}

func kindIcon(k dossier.AgendaKind) fyne.ThemeIconName {
	for _, ak := range agendaKinds {
		if ak.kind == k {
			return ak.icon
		}
	}
	return theme.IconNameInfo
}

// weekday is the short name of a day of the week.
func weekday(d time.Weekday) string {
	return lang.X("weekday."+strconv.Itoa(int(d)), d.String()[:3])
}

// dateSize is the size of the date column: a date and the longest
// weekday name.
func (s *agendaScreen) dateSize() fyne.Size {
	if s.dateCol.IsZero() {
		for d := time.Sunday; d <= time.Saturday; d++ {
			m := widget.NewLabel("2026-12-30 " + weekday(d)).MinSize()
			s.dateCol = s.dateCol.Max(m)
		}
		// Room for the widest digits, which the sample date may not have.
		s.dateCol.Width += 2 * theme.InnerPadding()
	}
	return s.dateCol
}

func (s *agendaScreen) onSelected(id widget.ListItemID) {
	if id >= len(s.rows) || s.rows[id].entry == nil {
		s.list.Unselect(id)
		return
	}
	place := s.rows[id].entry.place
	s.desk.opts.Defer(func() { s.desk.Show(place) })
}
