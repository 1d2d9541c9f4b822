package accounts

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

type accountsStore interface {
	Accounts() ([]dossier.Account, error)
	// OverviewEach is the workspace with its people as summaries
	// (dossier.Person.Summary), one at a time: enough for coverage and
	// the agenda.
	OverviewEach(begin func(w *dossier.Workspace), each func(p *dossier.Person)) (dossier.Workspace, error)
}

// accountRow is one account with what the list shows about it.
type accountRow struct {
	acct     dossier.Account
	coverage dossier.Coverage
	mono     bool
	next     dossier.AgendaItem // the account's first agenda item; zero Date if none
	// counting is true while coverage and next are still being worked
	// out (the people and the agenda take longest to read).
	counting bool
}

// accountsScreen lists the key accounts in a sortable table. It fills in
// the background (load): until then it shows a loading state, or the rows
// of the accounts screen it replaces (keep).
type accountsScreen struct {
	host    ui.Host
	st      Store
	rows    []accountRow
	loaded  bool // rows hold the workspace's accounts (or an older screen's)
	table   *ui.SortTable[accountRow]
	focus   ui.FirstFocus
	summary *widget.Label
	busy    *ui.Busy
	body    *fyne.Container // the table, or a word that there are no accounts
	newBtn  *widget.Button
	impBtn  *widget.Button
}

// NewList opens the list of accounts; it fills in the background.
func NewList(h ui.Host, st Store) *accountsScreen {
	s := &accountsScreen{host: h, st: st}
	columns := []ui.TableColumn[accountRow]{
		ui.Col(lang.L("Account"), 240, func(r *accountRow) string { return r.acct.Name },
			func(a, b *accountRow) int {
				return strings.Compare(strings.ToLower(a.acct.Name), strings.ToLower(b.acct.Name))
			}),
		ui.Col(lang.L("Tier"), 110, func(r *accountRow) string { return ui.Tr(r.acct.Tier.Label()) },
			func(a, b *accountRow) int { return cmp.Compare(a.acct.Tier.Rank(), b.acct.Tier.Rank()) }),
		ui.Col(lang.L("Share"), 90, func(r *accountRow) string {
			s := ui.PercentText(r.acct.RevenueShare)
			if r.mono {
				s += " ⚠"
			}
			return s
		}, func(a, b *accountRow) int { return cmp.Compare(a.acct.RevenueShare, b.acct.RevenueShare) }),
		ui.Col(lang.L("Coverage"), 150, func(r *accountRow) string {
			if r.counting {
				return "…"
			}
			return lang.L("{{.People}} people · {{.Strength}}%", map[string]any{"People": r.coverage.People, "Strength": r.coverage.Strength})
		}, func(a, b *accountRow) int { return cmp.Compare(a.coverage.Strength, b.coverage.Strength) }),
		ui.Col(lang.L("Next tender"), 110, func(r *accountRow) string { return dashIfEmpty(ui.DateText(r.acct.NextTender)) },
			func(a, b *accountRow) int { return ui.CompareDates(a.acct.NextTender, b.acct.NextTender) }),
		ui.Col(lang.L("Next"), 360, func(r *accountRow) string {
			if r.counting {
				return "…"
			}
			if r.next.Date.IsZero() {
				return "–"
			}
			return ui.DateText(r.next.Date) + "  " + ui.Clip(ui.Tr(r.next.Message, r.next.Data), 60)
		}, func(a, b *accountRow) int { return ui.CompareDates(a.next.Date, b.next.Date) }),
	}
	s.summary = widget.NewLabel("")
	s.newBtn = widget.NewButtonWithIcon(lang.L("New account"), theme.ContentAddIcon(), s.OnNew)
	s.impBtn = widget.NewButtonWithIcon(lang.L("Import accounts…"), ui.Icon(theme.DownloadIcon()), func() { OnImportAccounts(s.host, s.st) })
	s.table = ui.NewSortTable(&s.rows, columns, -1, func(r *accountRow) {
		place := ui.Place{Screen: "account", ID: r.acct.ID}
		s.host.Defer(func() { s.host.Show(place) })
	})
	s.busy = ui.NewBusy()
	s.body = container.NewStack()
	return s
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// Keep shows the rows of the accounts screen old while this one loads.
func (s *accountsScreen) Keep(old ui.Screen) {
	if o, ok := old.(*accountsScreen); ok && o.loaded {
		s.rows, s.loaded = slices.Clone(o.rows), true
		s.show()
	}
}

// Load reads the accounts off the UI goroutine and shows them: first the
// accounts alone, which read quickly, when nothing is on screen yet; then
// with their coverage and next step, which need everybody and the agenda
// (at 100,000 people most of a second).
func (s *accountsScreen) Load() {
	today := s.host.Today()
	var accounts []dossier.Account
	var err error
	s.busy.Start()
	s.host.Background(func() { accounts, err = s.st.Accounts() }, func() {
		if err != nil {
			s.busy.Stop()
			s.host.ShowError(err)
			return
		}
		if !s.loaded {
			rows := make([]accountRow, len(accounts))
			for i, a := range accounts {
				rows[i] = accountRow{acct: a, counting: true}
			}
			s.rows = rows
			s.table.Sort() // the store's order (tier, share, name) until a header is tapped
			s.show()
		}
		var rows []accountRow
		s.host.Background(func() { rows, err = accountRows(s.st, today) }, func() {
			s.busy.Stop()
			if err != nil {
				s.host.ShowError(err)
				return
			}
			s.rows, s.loaded = rows, true
			s.table.Sort()
			s.show()
		})
	})
}

// show puts the rows on screen.
func (s *accountsScreen) show() {
	n := len(s.rows)
	s.summary.SetText(lang.N("{{.Count}} account", n, map[string]any{"Count": n}))
	body := fyne.CanvasObject(s.table)
	if n == 0 { // a new workspace: the welcome offers the sample
		sample := widget.NewButtonWithIcon(lang.L("Load the sample workspace…"), theme.DownloadIcon(), func() {
			s.host.Show(ui.Place{Screen: "welcome"})
		})
		body = container.NewCenter(container.NewVBox(widget.NewLabel(lang.L("No accounts yet.")), container.NewCenter(sample)))
	}
	ui.ShowIn(s.body, body)
	s.focus.Try(s.host.Window(), s.table)
}

// accountRows are the rows of the accounts list: it runs off the UI
// goroutine. The people come one at a time (store.OverviewEach) and are
// not kept, nor is the agenda: each account's coverage is tallied and its
// next step (its first item of the agenda that is not late) chosen as
// they come. At 100,000 people holding them and the whole agenda was most
// of the desktop's memory at start.
func accountRows(st accountsStore, today dossier.Date) ([]accountRow, error) {
	tallies := map[string]*dossier.CoverageTally{}
	// The first of equal items is the one made first, as in the
	// agenda's order: items of one kind are made in the same order.
	next := map[string]dossier.AgendaItem{}
	var m *dossier.AgendaMaker
	take := func() {
		for _, it := range m.Items {
			if it.Late {
				continue
			}
			n, ok := next[it.AccountID]
			if !ok || it.Date.Before(n.Date) || it.Date.Equal(n.Date) && it.Kind < n.Kind {
				next[it.AccountID] = it
			}
		}
		m.Items = m.Items[:0]
	}
	w, err := st.OverviewEach(func(w *dossier.Workspace) {
		m = dossier.NewAgendaMaker(w, today, nil)
		take()
	}, func(p *dossier.Person) {
		t := tallies[p.AccountID]
		if t == nil {
			t = &dossier.CoverageTally{}
			tallies[p.AccountID] = t
		}
		t.Add(p)
		m.Person(p)
		take()
	})
	if err != nil {
		return nil, err
	}
	rows := make([]accountRow, 0, len(w.Accounts))
	for _, a := range w.Accounts {
		t := tallies[a.ID]
		if t == nil {
			t = &dossier.CoverageTally{}
		}
		rows = append(rows, accountRow{acct: a, coverage: t.Coverage(),
			mono: a.MonoDependent(w.Rules), next: next[a.ID]})
	}
	return rows, nil
}

// onSort sorts the table on column col (tapping its header).
func (s *accountsScreen) onSort(col int) { s.table.OnSort(col) }

func (s *accountsScreen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Key accounts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	header := container.NewHBox(widget.NewIcon(theme.HomeIcon()), title, s.summary, s.busy, layout.NewSpacer(), s.impBtn, s.newBtn)
	return container.NewBorder(header, nil, nil, nil, s.body)
}

// OnNew opens the form for a new account (Ctrl+N).
func (s *accountsScreen) OnNew() { editAccount(s.host, newAccountID) }

// String describes the table for tests and debugging.
func (s *accountsScreen) String() string {
	var b strings.Builder
	for _, r := range s.rows {
		fmt.Fprintln(&b, r.acct.ID)
	}
	return b.String()
}

// Loading and RowCount say what the list shows (the tests ask).
func (s *accountsScreen) Loading() bool { return s.busy.Loading() }
func (s *accountsScreen) RowCount() int { return len(s.rows) }

// FocusFirst gives the keyboard to the table of accounts: arrows move in it, Enter opens an account,
// as soon as the screen opens.
func (s *accountsScreen) FocusFirst() { s.focus.Want(s.host.Window(), s.table) }
