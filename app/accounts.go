package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/dossier"
)

type accountsStore interface {
	Accounts() ([]dossier.Account, error)
	Workspace() (dossier.Workspace, error)
}

// accountRow is one account with what the list shows about it.
type accountRow struct {
	acct     dossier.Account
	coverage dossier.Coverage
	mono     bool
	next     dossier.AgendaItem // the account's first agenda item; zero Date if none
}

// accountColumn is a sortable column of the accounts table.
type accountColumn struct {
	title string
	width float32
	text  func(r *accountRow) string
	less  func(a, b *accountRow) int
}

// accountsScreen lists the key accounts in a sortable table.
type accountsScreen struct {
	desk    *Desk
	rows    []accountRow
	columns []accountColumn
	sortBy  int
	desc    bool
	table   *accountTable
	summary *widget.Label
	newBtn  *widget.Button
}

// accountTable is the accounts table, which also opens the row with the
// keyboard focus on Enter. (Fyne's Table selects the focused cell on Space
// and moves the focus with the arrows; selecting opens the account.)
type accountTable struct {
	widget.Table
}

func newAccountTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *accountTable {
	t := &accountTable{}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ShowHeaderRow = true
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey treats Return and Enter like Space: open the focused row.
func (t *accountTable) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		k = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical}
	}
	t.Table.TypedKey(k)
}

func newAccountsScreen(d *Desk) *accountsScreen {
	s := &accountsScreen{desk: d, sortBy: -1}
	s.columns = []accountColumn{
		{lang.L("Account"), 240, func(r *accountRow) string { return r.acct.Name },
			func(a, b *accountRow) int {
				return strings.Compare(strings.ToLower(a.acct.Name), strings.ToLower(b.acct.Name))
			}},
		{lang.L("Tier"), 110, func(r *accountRow) string { return tr(r.acct.Tier.Label()) },
			func(a, b *accountRow) int { return cmp.Compare(a.acct.Tier.Rank(), b.acct.Tier.Rank()) }},
		{lang.L("Share"), 90, func(r *accountRow) string {
			s := strconv.FormatFloat(r.acct.RevenueShare, 'f', -1, 64) + "%"
			if r.mono {
				s += " ⚠"
			}
			return s
		}, func(a, b *accountRow) int { return cmp.Compare(a.acct.RevenueShare, b.acct.RevenueShare) }},
		{lang.L("Coverage"), 150, func(r *accountRow) string {
			return lang.L("{{.People}} people · {{.Strength}}%", map[string]any{"People": r.coverage.People, "Strength": r.coverage.Strength})
		}, func(a, b *accountRow) int { return cmp.Compare(a.coverage.Strength, b.coverage.Strength) }},
		{lang.L("Next tender"), 110, func(r *accountRow) string { return dashIfEmpty(r.acct.NextTender.String()) },
			func(a, b *accountRow) int { return compareDates(a.acct.NextTender, b.acct.NextTender) }},
		{lang.L("Next"), 360, func(r *accountRow) string {
			if r.next.Date.IsZero() {
				return "–"
			}
			return r.next.Date.String() + "  " + clip(tr(r.next.Message, r.next.Data), 60)
		}, func(a, b *accountRow) int { return compareDates(a.next.Date, b.next.Date) }},
	}
	s.summary = widget.NewLabel("")
	s.newBtn = widget.NewButtonWithIcon(lang.L("New account"), theme.ContentAddIcon(), s.onNew)
	s.table = newAccountTable(
		func() (int, int) { return len(s.rows), len(s.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.columns[id.Col].text(&s.rows[id.Row]))
		})
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		title := s.columns[id.Col].title
		if id.Col == s.sortBy {
			if s.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { s.onSort(col) }
	}
	for i, c := range s.columns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			place := Place{Screen: "account", ID: s.rows[id.Row].acct.ID}
			s.desk.opts.Defer(func() { s.desk.Show(place) })
		}
	}
	s.load()
	return s
}

func compareDates(a, b dossier.Date) int {
	// unset dates sort last
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Time().Compare(b.Time())
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (s *accountsScreen) load() {
	w, err := s.desk.ws.Workspace()
	if err != nil {
		s.desk.showError(err)
		return
	}
	today := s.desk.opts.Today()
	agenda := dossier.Agenda(&w, today)
	s.rows = s.rows[:0]
	for _, a := range w.Accounts {
		r := accountRow{acct: a, coverage: dossier.CoverageOf(w.PeopleOf(a.ID)), mono: a.MonoDependent(w.Rules)}
		for _, it := range agenda {
			if it.AccountID == a.ID && !it.Late && (r.next.Date.IsZero() || it.Date.Before(r.next.Date)) {
				r.next = it
			}
		}
		s.rows = append(s.rows, r)
	}
	s.sort()
	n := len(s.rows)
	s.summary.SetText(lang.N("{{.Count}} account", n, map[string]any{"Count": n}))
}

func (s *accountsScreen) onSort(col int) {
	if s.sortBy == col {
		s.desc = !s.desc
	} else {
		s.sortBy, s.desc = col, false
	}
	s.sort()
	s.table.Refresh()
}

func (s *accountsScreen) sort() {
	if s.sortBy < 0 {
		return // the store's order: tier, share, name
	}
	less := s.columns[s.sortBy].less
	slices.SortStableFunc(s.rows, func(a, b accountRow) int {
		c := less(&a, &b)
		if s.desc {
			c = -c
		}
		return c
	})
}

func (s *accountsScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Key accounts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	header := container.NewHBox(widget.NewIcon(theme.HomeIcon()), title, s.summary, layout.NewSpacer(), s.newBtn)
	if len(s.rows) == 0 {
		empty := widget.NewLabel(lang.L("No accounts yet."))
		return container.NewBorder(header, nil, nil, nil, container.NewCenter(empty))
	}
	return container.NewBorder(header, nil, nil, nil, s.table)
}

// onNew opens the form for a new account (Ctrl+N).
func (s *accountsScreen) onNew() { editAccount(s.desk, newAccountID) }

// String describes the table for tests and debugging.
func (s *accountsScreen) String() string {
	var b strings.Builder
	for _, r := range s.rows {
		fmt.Fprintln(&b, r.acct.ID)
	}
	return b.String()
}
