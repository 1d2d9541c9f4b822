package app

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
	p       dossier.Person
	account string // the account's name
	rank    int    // the account's place in the accounts list
	next    dossier.Date
	due     bool
	bday    int // days to the next birthday, -1 when unknown
}

// peopleScreen lists everybody of every account's decision-making group,
// filtered by account, stakeholder type, ladder level and text.
type peopleScreen struct {
	desk     *Desk
	accounts []dossier.Account
	all      []personRow
	rows     []personRow // what the filters let through, sorted

	table      *ui.SortTable[personRow]
	account    *widget.Select // "All accounts", then accounts in order
	typ        *ui.Choice[dossier.StakeholderType]
	level      *ui.Choice[dossier.Level]
	search     *ui.Entry
	summary    *widget.Label
	newPerson  *widget.Button
	pickAcct   *widget.Select // the account of a new person, in its dialog
	pickDialog dialog.Dialog
}

func newPeopleScreen(d *Desk) (*peopleScreen, error) {
	s := &peopleScreen{desk: d}
	var err error
	if s.accounts, err = d.ws.Accounts(); err != nil {
		return nil, err
	}
	people, err := d.ws.People("")
	if err != nil {
		return nil, err
	}
	rules, err := d.ws.Rules()
	if err != nil {
		return nil, err
	}
	today := d.opts.Today()
	names, ranks := map[string]string{}, map[string]int{}
	for i, a := range s.accounts {
		names[a.ID], ranks[a.ID] = a.Name, i
	}
	for _, p := range people {
		s.all = append(s.all, personRow{p: p, account: names[p.AccountID], rank: ranks[p.AccountID],
			next: p.ContactDate(rules), due: p.ContactDue(rules, today), bday: p.Birthday.DaysUntil(today)})
	}
	s.build()
	s.filter()
	return s, nil
}

func (s *peopleScreen) build() {
	columns := []ui.TableColumn[personRow]{
		ui.Col(lang.L("Name"), 190, func(r *personRow) string { return r.p.Name },
			func(a, b *personRow) int {
				return strings.Compare(strings.ToLower(a.p.Name), strings.ToLower(b.p.Name))
			}),
		ui.Col(lang.L("Account"), 180, func(r *personRow) string { return r.account },
			func(a, b *personRow) int { return cmp.Compare(a.rank, b.rank) }),
		ui.Col(lang.L("Position"), 200, func(r *personRow) string { return dashIfEmpty(r.p.Position) },
			func(a, b *personRow) int {
				return strings.Compare(strings.ToLower(a.p.Position), strings.ToLower(b.p.Position))
			}),
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
				return r.next.String() + " ⚠"
			}
			return r.next.String()
		}, func(a, b *personRow) int { return compareDates(a.next, b.next) }),
		ui.Col(lang.L("Birthday"), 120, func(r *personRow) string {
			switch r.bday {
			case -1:
				return "–"
			case 0:
				return lang.L("today")
			case 1:
				return lang.L("tomorrow")
			}
			return lang.L("in {{.Days}} days", map[string]any{"Days": r.bday})
		}, func(a, b *personRow) int {
			// unknown birthdays last
			return cmp.Compare(uint(a.bday), uint(b.bday))
		}),
	}
	// Sorted by name at first; people a column finds equal stay by name.
	s.table = ui.NewSortTable(&s.rows, columns, 0, func(r *personRow) {
		place := Place{Screen: "person", ID: r.p.ID}
		s.desk.opts.Defer(func() { s.desk.Show(place) })
	})
	s.table.Tie = func(a, b *personRow) int {
		return strings.Compare(strings.ToLower(a.p.Name), strings.ToLower(b.p.Name))
	}

	opts := []string{lang.L("All accounts")}
	for _, a := range s.accounts {
		opts = append(opts, a.Name)
	}
	s.account = widget.NewSelect(opts, func(string) { s.filter() })
	s.account.SetSelectedIndex(0)
	s.typ = ui.NewChoice(dossier.StakeholderTypes, dossier.StakeholderType.Label, lang.L("All types"), func(dossier.StakeholderType) { s.filter() })
	s.typ.SetSelectedIndex(0)
	s.level = ui.NewChoice(dossier.Ladder, dossier.Level.Label, lang.L("All levels"), func(dossier.Level) { s.filter() })
	s.level.SetSelectedIndex(0)
	s.search = ui.NewEntry(nil)
	s.search.SetPlaceHolder(lang.L("Filter by name, position, department, account or contact"))
	s.search.OnChanged = func(string) { s.filter() }
	s.summary = widget.NewLabel("")
	s.newPerson = widget.NewButtonWithIcon(lang.L("New person"), theme.ContentAddIcon(), s.onNew)
	s.newPerson.Importance = widget.HighImportance
	if len(s.accounts) == 0 {
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

// filter shows the people who pass every filter.
func (s *peopleScreen) filter() {
	if s.search == nil {
		return // still being built
	}
	acct, typ, level := s.filteredAccount(), s.typ.Value(), s.level.Value()
	words := strings.Fields(strings.ToLower(s.search.Text))
	s.rows = s.rows[:0]
	for _, r := range s.all {
		if acct != "" && r.p.AccountID != acct || typ != "" && r.p.Type != typ || level != "" && r.p.Level != level {
			continue
		}
		hay := strings.ToLower(strings.Join([]string{r.p.Name, r.p.Position, r.p.Department, r.account, r.p.Email, r.p.Phone}, " "))
		match := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				match = false
				break
			}
		}
		if match {
			s.rows = append(s.rows, r)
		}
	}
	s.table.Sort()
	s.summary.SetText(lang.L("{{.Shown}} of {{.Total}} people", map[string]any{"Shown": len(s.rows), "Total": len(s.all)}))
	s.table.UnselectAll()
	s.table.Refresh()
}

// onSort sorts the table on column col (tapping its header).
func (s *peopleScreen) onSort(col int) { s.table.OnSort(col) }

func (s *peopleScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("People"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.AccountIcon()), title, s.summary), s.newPerson)
	filters := container.NewBorder(nil, nil, container.NewHBox(s.account, s.typ.Select, s.level.Select), nil, s.search)
	top := container.NewVBox(head, filters)
	if len(s.all) == 0 {
		empty := widget.NewLabel(lang.L("Nobody is recorded yet. Add the people of each account's decision-making group."))
		return container.NewBorder(top, nil, nil, nil, container.NewCenter(empty))
	}
	return container.NewBorder(top, nil, nil, nil, s.table)
}

// onNew opens the editor on a new person; with several accounts it asks
// which one first, offering the account of the filter.
func (s *peopleScreen) onNew() {
	switch len(s.accounts) {
	case 0:
		dialog.ShowInformation(lang.L("New person"), lang.L("Add an account first: every person belongs to one."), s.desk.win)
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
		}, s.desk.win)
	s.pickDialog.Resize(fyne.NewSize(440, s.pickDialog.MinSize().Height))
	s.pickDialog.Show()
}

func (s *peopleScreen) openNew(acct string) {
	s.desk.opts.Defer(func() { s.desk.Show(Place{Screen: "person", ID: newPersonPrefix + acct}) })
}
