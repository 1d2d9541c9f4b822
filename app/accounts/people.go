package accounts

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// personRow is one person with what the People table shows about them.
type personRow struct {
	p       *dossier.Person // in the slice the list read, never changed: rows are copied by every filter
	account string          // the account's name
	rank    int             // the account's place in the accounts list
	next    dossier.Date
	due     bool
	bday    int // days to the next birthday, -1 when unknown

	name, position string // in lower case, to sort by
	hay            string // what the text filter looks in, in lower case
}

// peopleStore is what the people list reads.
type peopleStore interface {
	Accounts() ([]dossier.Account, error)
	// PeopleSummaries is everybody without their personal texts
	// (dossier.Person.Summary): what the list shows and filters on.
	PeopleSummaries() ([]dossier.Person, error)
	Rules() (dossier.Rules, error)
}

// peopleScreen lists everybody of every account's decision-making group,
// filtered by account, stakeholder type, ladder level and text. It reads
// the people and filters them off the UI goroutine (load, filter).
type peopleScreen struct {
	host     ui.Host
	st       Store
	accounts []dossier.Account
	all      []personRow // never changed in place: background filters read it
	rows     []personRow // what the filters let through, sorted
	loaded   bool
	filters  int // the filters started; only the last one's rows are shown

	table      *ui.SortTable[personRow]
	focus      ui.FirstFocus
	account    *widget.Select // "All accounts", then accounts in order
	typ        *ui.Choice[dossier.StakeholderType]
	level      *ui.Choice[dossier.Level]
	search     *ui.Entry
	summary    *widget.Label
	busy       *ui.Busy
	body       *fyne.Container // the table, or a word that nobody is recorded
	newPerson  *widget.Button
	pickAcct   *widget.Select // the account of a new person, in its dialog
	pickDialog dialog.Dialog
}

// NewPeople opens the list of everybody in every account; it fills in
// the background.
func NewPeople(h ui.Host, st Store) (*peopleScreen, error) {
	s := &peopleScreen{host: h, st: st}
	s.build()
	return s, nil
}

// Keep shows the people of the people screen old while this one loads.
func (s *peopleScreen) Keep(old ui.Screen) {
	if o, ok := old.(*peopleScreen); ok && o.loaded {
		s.setAccounts(o.accounts)
		s.all, s.rows, s.loaded = o.all, slices.Clone(o.rows), true
		s.show()
	}
}

// Load reads the people off the UI goroutine, then filters them.
func (s *peopleScreen) Load() {
	today := s.host.Today()
	var accounts []dossier.Account
	var rows []personRow
	var err error
	s.busy.Start()
	s.host.Background(func() { accounts, rows, err = peopleRows(s.st, today) }, func() {
		if err != nil {
			s.busy.Stop()
			s.host.ShowError(err)
			return
		}
		s.setAccounts(accounts)
		s.all, s.loaded = rows, true
		s.filter()
	})
}

// peopleRows reads the accounts and the rows of the people list; it runs
// off the UI goroutine.
func peopleRows(st peopleStore, today dossier.Date) ([]dossier.Account, []personRow, error) {
	accounts, err := st.Accounts()
	if err != nil {
		return nil, nil, err
	}
	people, err := st.PeopleSummaries()
	if err != nil {
		return nil, nil, err
	}
	rules, err := st.Rules()
	if err != nil {
		return nil, nil, err
	}
	names, ranks := map[string]string{}, map[string]int{}
	for i, a := range accounts {
		names[a.ID], ranks[a.ID] = a.Name, i
	}
	rows := make([]personRow, len(people))
	for i := range people {
		p := &people[i]
		account := names[p.AccountID]
		rows[i] = personRow{p: p, account: account, rank: ranks[p.AccountID],
			next: p.ContactDate(rules), due: p.ContactDue(rules, today), bday: p.Birthday.DaysUntil(today),
			name: strings.ToLower(p.Name), position: strings.ToLower(p.Position),
			hay: strings.ToLower(strings.Join([]string{p.Name, p.Position, p.Department, account, p.Email, p.Phone}, " "))}
	}
	return accounts, rows, nil
}

func (s *peopleScreen) build() {
	columns := []ui.TableColumn[personRow]{
		ui.Col(lang.L("Name"), 190, func(r *personRow) string { return r.p.Name },
			func(a, b *personRow) int { return strings.Compare(a.name, b.name) }),
		ui.Col(lang.L("Account"), 180, func(r *personRow) string { return r.account },
			func(a, b *personRow) int { return cmp.Compare(a.rank, b.rank) }),
		ui.Col(lang.L("Position"), 200, func(r *personRow) string { return dashIfEmpty(r.p.Position) },
			func(a, b *personRow) int { return strings.Compare(a.position, b.position) }),
		ui.Col(lang.L("Type"), 100, func(r *personRow) string { return ui.Tr(r.p.Type.Label()) },
			func(a, b *personRow) int {
				return cmp.Compare(slices.Index(dossier.StakeholderTypes, a.p.Type), slices.Index(dossier.StakeholderTypes, b.p.Type))
			}),
		ui.Col(lang.L("Ladder level"), 110, func(r *personRow) string { return ui.Tr(r.p.Level.Label()) },
			func(a, b *personRow) int { return cmp.Compare(a.p.Level.Rank(), b.p.Level.Rank()) }),
		ui.Col(lang.L("Next contact"), 130, func(r *personRow) string {
			if r.next.IsZero() {
				return "–"
			}
			if r.due {
				return ui.DateText(r.next) + " ⚠"
			}
			return ui.DateText(r.next)
		}, func(a, b *personRow) int { return ui.CompareDates(a.next, b.next) }),
		ui.Col(lang.L("Birthday"), 190, func(r *personRow) string {
			if r.bday == -1 {
				return "–"
			}
			// "8 March (in 98 days)": the day, and how soon it comes.
			day := ui.BirthdayText(dossier.Birthday{Day: r.p.Birthday.Day, Month: r.p.Birthday.Month})
			switch r.bday {
			case 0:
				return day + " (" + lang.L("today") + ")"
			case 1:
				return day + " (" + lang.L("tomorrow") + ")"
			}
			return day + " (" + lang.L("in {{.Days}} days", map[string]any{"Days": r.bday}) + ")"
		}, func(a, b *personRow) int {
			// unknown birthdays last
			return cmp.Compare(uint(a.bday), uint(b.bday))
		}),
	}
	// Sorted by name at first; people a column finds equal stay by name.
	s.table = ui.NewSortTable(&s.rows, columns, 0, func(r *personRow) {
		place := ui.Place{Screen: "person", ID: r.p.ID}
		s.host.Defer(func() { s.host.Show(place) })
	})
	s.table.Tie = func(a, b *personRow) int { return strings.Compare(a.name, b.name) }

	s.account = widget.NewSelect([]string{lang.L("All accounts")}, func(string) { s.filter() })
	s.account.SetSelectedIndex(0)
	s.typ = ui.NewChoice(dossier.StakeholderTypes, dossier.StakeholderType.Label, lang.L("All types"), func(dossier.StakeholderType) { s.filter() })
	s.typ.SetSelectedIndex(0)
	s.level = ui.NewChoice(dossier.Ladder, dossier.Level.Label, lang.L("All levels"), func(dossier.Level) { s.filter() })
	s.level.SetSelectedIndex(0)
	s.search = ui.NewEntry(nil)
	s.search.SetPlaceHolder(lang.L("Filter by name, position, department, account or contact"))
	s.search.OnChanged = func(string) { s.filter() }
	s.summary = widget.NewLabel("")
	s.busy = ui.NewBusy()
	s.body = container.NewStack()
	s.newPerson = widget.NewButtonWithIcon(lang.L("New person"), theme.ContentAddIcon(), s.OnNew)
	s.newPerson.Importance = widget.HighImportance
	s.newPerson.Disable() // until the accounts are read
}

// setAccounts makes accounts the choices of the account filter, keeping
// the account chosen.
func (s *peopleScreen) setAccounts(accounts []dossier.Account) {
	chosen := s.filteredAccount()
	s.accounts = accounts
	opts := []string{lang.L("All accounts")}
	at := 0
	for i, a := range accounts {
		opts = append(opts, a.Name)
		if a.ID == chosen {
			at = i + 1
		}
	}
	s.account.SetOptions(opts)
	s.account.SetSelectedIndex(at)
	if len(accounts) > 0 {
		s.newPerson.Enable()
	} else {
		s.newPerson.Disable()
	}
}

// filteredAccount is the account chosen in the filter, "" for all.
func (s *peopleScreen) filteredAccount() string {
	if i := s.account.SelectedIndex(); i > 0 {
		return s.accounts[i-1].ID
	}
	return ""
}

// filter shows the people who pass every filter. It filters and sorts
// off the UI goroutine; the list shows what it showed until then.
func (s *peopleScreen) filter() {
	if s.search == nil || !s.loaded {
		return // still being built, or read
	}
	acct, typ, level := s.filteredAccount(), s.typ.Value(), s.level.Value()
	words := strings.Fields(strings.ToLower(s.search.Text))
	all, order := s.all, s.table.Order()
	s.filters++
	n := s.filters
	var rows []personRow
	s.busy.Start()
	s.host.Background(func() {
		rows = filterPeople(all, acct, typ, level, words)
		order(rows)
	}, func() {
		if n != s.filters {
			return // a later filter is on its way
		}
		s.busy.Stop()
		s.rows = rows
		s.show()
	})
}

// filterPeople returns the rows that pass the filters, in their order.
func filterPeople(all []personRow, acct string, typ dossier.StakeholderType, level dossier.Level, words []string) []personRow {
	var rows []personRow
	for i := range all {
		r := &all[i]
		if acct != "" && r.p.AccountID != acct || typ != "" && r.p.Type != typ || level != "" && r.p.Level != level {
			continue
		}
		match := true
		for _, w := range words {
			if !strings.Contains(r.hay, w) {
				match = false
				break
			}
		}
		if match {
			rows = append(rows, *r)
		}
	}
	return rows
}

// show puts the filtered rows on screen.
func (s *peopleScreen) show() {
	s.summary.SetText(lang.L("{{.Shown}} of {{.Total}} people", map[string]any{"Shown": len(s.rows), "Total": len(s.all)}))
	body := fyne.CanvasObject(s.table)
	if len(s.all) == 0 {
		body = container.NewCenter(widget.NewLabel(lang.L("Nobody is recorded yet. Add the people of each account's decision-making group.")))
	}
	s.table.UnselectAll()
	ui.ShowIn(s.body, body)
	s.focus.Try(s.host.Window(), s.table)
}

// Loading and RowCount say what the list shows (the tests ask).
func (s *peopleScreen) Loading() bool { return s.busy.Loading() }
func (s *peopleScreen) RowCount() int { return len(s.rows) }

// onSort sorts the table on column col (tapping its header).
func (s *peopleScreen) onSort(col int) { s.table.OnSort(col) }

func (s *peopleScreen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("People"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.AccountIcon()), title, s.summary, s.busy), s.newPerson)
	filters := container.NewBorder(nil, nil, container.NewHBox(s.account, s.typ, s.level), nil, s.search)
	top := container.NewVBox(head, filters)
	return container.NewBorder(top, nil, nil, nil, s.body)
}

// OnNew opens the editor on a new person; with several accounts it asks
// which one first, offering the account of the filter.
func (s *peopleScreen) OnNew() {
	switch len(s.accounts) {
	case 0:
		dialog.ShowInformation(lang.L("New person"), lang.L("Add an account first: every person belongs to one."), s.host.Window())
		return
	case 1:
		s.openNew(s.accounts[0].ID)
		return
	}
	opts := make([]string, len(s.accounts))
	for i, a := range s.accounts {
		opts[i] = a.Name
	}
	s.pickAcct = widget.NewSelect(opts, nil)
	s.pickAcct.SetSelectedIndex(max(s.account.SelectedIndex()-1, 0))
	s.pickDialog = dialog.NewForm(lang.L("New person"), lang.L("Continue"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Account"), s.pickAcct)},
		func(ok bool) {
			if i := s.pickAcct.SelectedIndex(); ok && i >= 0 {
				s.openNew(s.accounts[i].ID)
			}
		}, s.host.Window())
	s.pickDialog.Resize(fyne.NewSize(440, s.pickDialog.MinSize().Height))
	s.pickDialog.Show()
}

func (s *peopleScreen) openNew(acct string) {
	s.host.Defer(func() { s.host.Show(ui.Place{Screen: "person", ID: newPersonPrefix + acct}) })
}

// FocusFirst gives the keyboard to the table of people: arrows move in it, Enter opens a person,
// as soon as the screen opens.
func (s *peopleScreen) FocusFirst() { s.focus.Want(s.host.Window(), s.table) }
