package agenda

import (
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// Store is what the agenda reads: the dossier for dossier.Agenda, its
// people as summaries (dossier.Person.Summary) read as they are needed,
// not kept.
type Store interface {
	OverviewWithoutPeople() (dossier.Workspace, error)
	EachPersonSummary(fn func(p *dossier.Person) error) error
}

// Entry is one line of the agenda: what to act on and when (the item's
// date, kind, lateness and message), and where to go to act on it.
type Entry struct {
	Item  dossier.AgendaItem
	Place ui.Place
}

// Query is what the agenda asks each of its sources for.
type Query struct {
	Today dossier.Date
	// Days is how far ahead to look, for birthdays too; 0 means as the
	// workspace rules say (AgendaDays, BirthdayNoticeDays).
	Days int
	// WS is the dossier, read once for every source, without its people;
	// sources only read it.
	WS *dossier.Workspace
	// AllBirthdays asks for every birthday, however far, whatever Days
	// says (a calendar makes each a yearly event).
	AllBirthdays bool
	// People gives each the summary of every person
	// (dossier.Person.Summary), in the store's order, into the same
	// Person each time: at 100,000 people they are not kept. Without it,
	// the people are WS's.
	People func(each func(p *dossier.Person)) error
}

// Source lists entries of the agenda. It runs off the UI goroutine and
// must not touch widgets.
type Source func(q Query) ([]Entry, error)

// Kind is a kind of agenda item as the screen shows it: the label of its
// filter (English, translated when shown) and its icon.
type Kind struct {
	Kind  dossier.AgendaKind
	Label string
	Icon  fyne.ThemeIconName
}

// DossierKinds are the kinds of the dossier's items (Dossier), in the
// order of their filters.
var DossierKinds = []Kind{
	{dossier.AgendaBirthday, "Birthdays", theme.IconNameCalendar},
	{dossier.AgendaContact, "Contacts", theme.IconNameMailCompose},
	{dossier.AgendaPromise, "Promises", theme.IconNameConfirm},
	{dossier.AgendaTenderPrep, "Tender preparation", theme.IconNameDocumentCreate},
	{dossier.AgendaTender, "Tenders", theme.IconNameDocument},
	{dossier.AgendaReview, "Annual reviews", theme.IconNameViewRefresh},
}

// horizons are the choices of how far ahead the agenda looks.
var horizons = []int{7, 30, 90}

// Dossier is the dossier's part of the agenda: birthdays, contacts due,
// promises, tender preparation, tenders and annual reviews.
func Dossier(q Query) ([]Entry, error) {
	w := *q.WS
	if q.Days > 0 {
		r := w.Rules.OrDefault()
		r.AgendaDays, r.BirthdayNoticeDays = q.Days, q.Days
		w.Rules = r
	}
	if q.AllBirthdays {
		r := w.Rules.OrDefault()
		r.BirthdayNoticeDays = 366 // the next of every birthday is within a year
		w.Rules = r
	}
	// In no order: the screen sorts the entries of every source together.
	var items []dossier.AgendaItem
	if q.People == nil { // a dossier with its people in it
		items = dossier.AgendaItems(&w, q.Today)
	} else {
		m := dossier.NewAgendaMaker(&w, q.Today, nil)
		if err := q.People(m.Person); err != nil {
			return nil, err
		}
		items = m.Items
	}
	out := make([]Entry, len(items))
	for i, it := range items {
		place := ui.Place{Screen: "account", ID: it.AccountID}
		if it.PersonID != "" {
			place = ui.Place{Screen: "person", ID: it.PersonID}
		}
		out[i] = Entry{Item: it, Place: place}
	}
	return out, nil
}

// row is a row of the agenda list: a group's heading or an entry.
type row struct {
	heading string
	entry   *Entry
}

// screen lists what needs attention, late things first, grouped by
// when: late, today, this week, later.
type screen struct {
	host    ui.Host
	st      Store
	sources []Source
	kinds   []Kind
	ws      dossier.Workspace
	today   dossier.Date
	days    int // the horizon chosen; 0 until the user chooses one
	hidden  map[dossier.AgendaKind]bool

	entries []Entry // from every source, in agenda order
	rows    []row   // what the list shows
	shownN  int     // entries among rows
	late    int     // late entries among rows

	horizon *widget.RadioGroup
	checks  []*widget.Check
	export  *widget.Button // Export to calendar…
	// exported is the calendar file last written, for tests.
	exported string
	summary  *widget.Label
	busy     *widget.Activity
	list     *ui.List
	focus    ui.FirstFocus
	body     *fyne.Container

	dateCol  fyne.Size // the size of the date column
	loads    int       // counts reads, so that only the last one's entries are kept
	arranges int       // counts arrangements, so that only the last one shows
}

// NewScreen makes the agenda of the entries of sources, with a filter for
// each of kinds (items of a kind not listed are always shown).
func NewScreen(host ui.Host, st Store, sources []Source, kinds []Kind) ui.Screen {
	s := &screen{host: host, st: st, sources: sources, kinds: kinds, today: host.Today(), hidden: map[dossier.AgendaKind]bool{}}
	s.summary = widget.NewLabel(lang.L("Reading the workspace…"))
	s.busy = widget.NewActivity()
	s.list = ui.NewList(func() int { return len(s.rows) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.body = container.NewStack()
	for _, k := range kinds {
		kind := k.Kind
		c := widget.NewCheck(ui.Tr(k.Label), func(on bool) {
			s.hidden[kind] = !on
			s.rearrange()
		})
		c.Checked = true
		s.checks = append(s.checks, c)
	}
	s.export = widget.NewButtonWithIcon(lang.L("Export to calendar…"), theme.CalendarIcon(), s.OnExportCalendar)
	s.horizon = widget.NewRadioGroup(nil, nil)
	s.horizon.Horizontal = true
	s.horizon.Required = true
	return s
}

// load reads the workspace and shows the agenda.
func (s *screen) Load() { s.read(true) }

// Keep shows what the agenda screen old shows while this one loads.
func (s *screen) Keep(old ui.Screen) {
	if o, ok := old.(*screen); ok && o.entries != nil {
		s.entries = o.entries
		if len(o.hidden) == 0 {
			s.show(arrangement{rows: o.rows, shown: o.shownN, late: o.late})
		} else {
			s.rearrange()
		}
	}
}

// Loading and RowCount say what the list shows (the tests ask).
func (s *screen) Loading() bool { return s.busy.Visible() }
func (s *screen) RowCount() int { return len(s.rows) }

// read reads the workspace (first is true) or reuses it, asks every
// source for its entries and arranges them off the UI goroutine, and
// shows them.
func (s *screen) read(first bool) {
	s.busy.Start()
	s.busy.Show()
	s.loads++
	s.arranges++
	load, arranged := s.loads, s.arranges
	q := Query{Today: s.today, Days: s.days}
	hidden := maps.Clone(s.hidden)
	var entries []Entry
	var arr arrangement
	var err error
	s.host.Background(func() {
		if first {
			if s.ws, err = s.st.OverviewWithoutPeople(); err != nil {
				return
			}
		}
		q.WS = &s.ws
		q.People = func(each func(p *dossier.Person)) error {
			return s.st.EachPersonSummary(func(p *dossier.Person) error { each(p); return nil })
		}
		for _, src := range s.sources {
			var more []Entry
			if more, err = src(q); err != nil {
				return
			}
			entries = append(entries, more...)
		}
		dossier.SortAgendaBy(entries, func(e *Entry) *dossier.AgendaItem { return &e.Item })
		arr = arrange(entries, hidden, q.Today)
	}, func() {
		if load != s.loads {
			return // the user chose another horizon meanwhile
		}
		s.busy.Stop()
		s.busy.Hide()
		if err != nil {
			s.summary.SetText(lang.L("The workspace could not be read."))
			s.host.ShowError(err)
			return
		}
		if first {
			s.setHorizons()
		}
		s.entries = entries
		if arranged != s.arranges {
			s.rearrange() // a filter changed meanwhile
			return
		}
		s.show(arr)
	})
}

// rearrange arranges the entries again off the UI goroutine (a filter
// changed) and shows them.
func (s *screen) rearrange() {
	s.arranges++
	arranged := s.arranges
	entries, hidden, today := s.entries, maps.Clone(s.hidden), s.today
	var arr arrangement
	s.host.Background(func() { arr = arrange(entries, hidden, today) }, func() {
		if arranged == s.arranges {
			s.show(arr)
		}
	})
}

// setHorizons offers 7, 30 and 90 days, and the workspace's own horizon
// when it is another, which is chosen at first.
func (s *screen) setHorizons() {
	rule := s.ws.Rules.OrDefault().AgendaDays
	days := slices.Clone(horizons)
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

// group is the heading an item falls under, seen on today.
func group(it dossier.AgendaItem, today dossier.Date) int {
	// The week ends on Sunday.
	weekEnd := today.AddDays((7 - int(today.Weekday())) % 7)
	switch {
	case it.Late || it.Date.Before(today):
		return 0
	case it.Date.Equal(today):
		return 1
	case !it.Date.After(weekEnd):
		return 2
	}
	return 3
}

var groupNames = []string{"Late", "Today", "This week", "Later"}

// arrangement is what the list shows: the rows, and how many entries
// they hold and how many of those are late.
type arrangement struct {
	rows        []row
	shown, late int
}

// arrange puts the entries of the kinds not hidden under their headings.
// It runs off the UI goroutine: at 100,000 people the agenda holds tens
// of thousands of entries.
func arrange(entries []Entry, hidden map[dossier.AgendaKind]bool, today dossier.Date) arrangement {
	var groups [4][]*Entry
	var a arrangement
	for i := range entries {
		e := &entries[i]
		if hidden[e.Item.Kind] {
			continue
		}
		g := group(e.Item, today)
		groups[g] = append(groups[g], e)
		if g == 0 {
			a.late++
		}
		a.shown++
	}
	a.rows = make([]row, 0, a.shown+len(groups))
	for g, list := range groups {
		if len(list) == 0 {
			continue
		}
		a.rows = append(a.rows, row{heading: lang.L("{{.Group}} — {{.Count}}",
			map[string]any{"Group": lang.L(groupNames[g]), "Count": len(list)})})
		for _, e := range list {
			a.rows = append(a.rows, row{entry: e})
		}
	}
	return a
}

// show shows an arrangement of the entries.
func (s *screen) show(a arrangement) {
	s.rows, s.shownN, s.late = a.rows, a.shown, a.late
	n := a.shown
	text := lang.N("{{.Count}} item", n, map[string]any{"Count": n})
	if a.late > 0 {
		text += " · " + lang.L("{{.Count}} late", map[string]any{"Count": a.late})
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
	s.focus.Try(s.host.Window(), s.list)
}

func (s *screen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Agenda"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ahead := widget.NewLabel(lang.L("Looking ahead:"))
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.HistoryIcon()), title, s.summary, s.busy), s.export)
	// The horizon on a row of its own: its choices are long in some
	// languages (Bulgarian needs 1,430 pixels for one row).
	horizon := container.NewHBox(ahead, s.horizon)
	filters := container.NewGridWithColumns(3) // in rows: every kind in view on a laptop too, in every language
	for _, c := range s.checks {
		filters.Add(c)
	}
	return container.NewBorder(container.NewVBox(top, horizon, filters), nil, nil, nil, s.body)
}

func (s *screen) onSelected(id widget.ListItemID) {
	if id >= len(s.rows) || s.rows[id].entry == nil {
		s.list.Unselect(id)
		return
	}
	place := s.rows[id].entry.Place
	s.host.Defer(func() { s.host.Show(place) })
}

// FocusFirst gives the keyboard to the agenda: arrows move in it, Space opens an entry,
// as soon as the screen opens.
func (s *screen) FocusFirst() { s.focus.Want(s.host.Window(), s.list) }
