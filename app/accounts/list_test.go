package accounts

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

func TestAccountsTableSortsAndOpens(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	s := d.Current().(*accountsScreen)
	test.AssertRendersToMarkup(t, "accounts.xml", w.Canvas())
	if got := s.rows[0].acct.ID; got != "northbridge" {
		t.Errorf("first row = %q, want the crown jewel northbridge", got)
	}
	s.onSort(0) // by name, ascending
	if got := s.rows[0].acct.Name; got != "Castellan Hotels" {
		t.Errorf("sorted by name, first = %q, want Castellan Hotels", got)
	}
	s.onSort(0) // descending
	if got := s.rows[0].acct.Name; got != "ГМК «Тасбулак»" {
		t.Errorf("sorted by name descending, first = %q, want ГМК «Тасбулак» (Cyrillic after Latin)", got)
	}
	s.onSort(2) // share ascending
	if got := s.rows[len(s.rows)-1].acct.ID; got != "northbridge" {
		t.Errorf("sorted by share, last = %q, want northbridge (38%%)", got)
	}
	s.table.Select(widget.TableCellID{Row: len(s.rows) - 1, Col: 0})
	if p := d.Place(); p.Screen != "account" || p.ID != "northbridge" {
		t.Errorf("selecting a row opened %v, want account/northbridge", p)
	}
}

func TestDossierShowsTheGroup(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	s, ok := d.Current().(*dossierScreen)
	if !ok {
		t.Fatalf("screen = %T, want the dossier", d.Current())
	}
	test.AssertRendersToMarkup(t, "dossier.xml", w.Canvas())
	if len(s.people) != 6 {
		t.Errorf("%d people in the group, want 6", len(s.people))
	}
	// Tapping a card in the org chart shows that person's dossier.
	var card *personCard
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if c, ok := o.(*personCard); ok && c.person.Name == "Rajesh Varma" {
			card = c
		}
	}
	if card == nil {
		t.Fatal("no card for Rajesh Varma in the org chart")
	}
	test.Tap(card)
	test.AssertRendersToMarkup(t, "dossier_person.xml", w.Canvas())
	found := false
	for _, o := range test.LaidOutObjects(s.detail) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Builds home automation on Raspberry Pi boards; village cricket on Sundays." {
			found = true
		}
	}
	if !found {
		t.Error("the person's hobbies are not shown after tapping their card")
	}
}

func TestUnknownAccountFallsBackToTheList(t *testing.T) {
	d, _, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account", ID: "gone"})
	if got := d.Place().Screen; got != "accounts" {
		t.Errorf("opening a deleted account shows %q, want accounts", got)
	}
}

func TestLayoutTree(t *testing.T) {
	people := []dossier.Person{
		{ID: "ceo"}, {ID: "cfo", ReportsTo: "ceo"}, {ID: "cto", ReportsTo: "ceo"},
		{ID: "dev", ReportsTo: "cto"}, {ID: "loop-a", ReportsTo: "loop-b"}, {ID: "loop-b", ReportsTo: "loop-a"},
		{ID: "outsider", ReportsTo: "someone-else"},
	}
	pos, size := layoutTree(people)
	if pos["cfo"].Y <= pos["ceo"].Y || pos["dev"].Y <= pos["cto"].Y {
		t.Errorf("reports are not below their managers: %v", pos)
	}
	ceoCentre := pos["ceo"].X + cardW/2
	if ceoCentre <= pos["cfo"].X || ceoCentre >= pos["cto"].X+cardW {
		t.Errorf("the CEO is not centred over the reports: %v", pos)
	}
	if _, ok := pos["outsider"]; !ok {
		t.Error("a person whose manager is not in the group is not drawn")
	}
	if size.Width < 4*cardW {
		t.Errorf("chart width %v too small for 4 columns", size.Width)
	}
	if _, ok := pos["loop-a"]; !ok {
		t.Error("people in a reporting loop are not drawn")
	}
}

// TestAccountsListShowsAccountsFirst: on a big workspace the accounts
// read in a moment and their coverage and next step take most of a
// second, so the list shows the accounts at once, coverage and next step
// as "…", and fills those in; a list that replaces one on screen keeps the
// full rows until the new ones are in.
func TestAccountsListShowsAccountsFirst(t *testing.T) {
	f, w, st := uitest.Open(t, true)
	q := &uitest.Queue{Host: f}
	s := NewList(q, st)
	w.SetContent(s.Content())
	s.Load()
	if !q.Step() || s.RowCount() == 0 || !s.Loading() {
		t.Fatalf("after reading the accounts: %d rows, loading %v", s.RowCount(), s.Loading())
	}
	shown := test.RenderToMarkup(w.Canvas())
	if !strings.Contains(shown, "Northbridge") || !strings.Contains(shown, ">…</text>") || strings.Contains(shown, "people ·") {
		t.Errorf("before the coverage is worked out the list shows:\n%s", shown)
	}
	q.Run()
	shown = test.RenderToMarkup(w.Canvas())
	if s.Loading() || strings.Contains(shown, ">…</text>") || !strings.Contains(shown, "people ·") {
		t.Errorf("once loaded the list shows (loading %v):\n%s", s.Loading(), shown)
	}
	again := NewList(q, st)
	again.Keep(s)
	w.SetContent(again.Content())
	again.Load()
	q.Step()
	if shown := test.RenderToMarkup(w.Canvas()); strings.Contains(shown, ">…</text>") || !strings.Contains(shown, "people ·") {
		t.Errorf("a list opened again showed the accounts without their coverage:\n%s", shown)
	}
	q.Run()
}

// TestAccountRowsAsFromTheWholeAgenda: the rows worked out with the
// people coming one at a time are those worked out, as before, from every
// person and the whole sorted agenda: coverage, and the next step, the
// first item of the agenda that is not late (the first of equal ones).
func TestAccountRowsAsFromTheWholeAgenda(t *testing.T) {
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := storetest.Generate(st, storetest.Options{Accounts: 60, PeoplePerAccount: 25, EventsPerAccount: 2,
		PromisesPerAccount: 3, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	for _, today := range []dossier.Date{storetest.DefaultAnchor, storetest.DefaultAnchor.AddDays(40), storetest.DefaultAnchor.AddDays(-90)} {
		got, err := accountRows(st, today)
		if err != nil {
			t.Fatal(err)
		}
		w, err := st.Overview()
		if err != nil {
			t.Fatal(err)
		}
		people := w.PeopleByAccount()
		next := map[string]dossier.AgendaItem{}
		for _, it := range dossier.Agenda(&w, today) {
			if n, ok := next[it.AccountID]; !it.Late && (!ok || it.Date.Before(n.Date)) {
				next[it.AccountID] = it
			}
		}
		if len(got) != len(w.Accounts) {
			t.Fatalf("%d rows, want %d", len(got), len(w.Accounts))
		}
		withNext := 0
		for i, a := range w.Accounts {
			r := got[i]
			if r.acct.ID != a.ID || !reflect.DeepEqual(r.coverage, dossier.CoverageOf(people[a.ID])) ||
				r.mono != a.MonoDependent(w.Rules) || !reflect.DeepEqual(r.next, next[a.ID]) {
				t.Fatalf("on %s the row of %s is %+v, want coverage %+v, next %+v", today, a.ID, r, dossier.CoverageOf(people[a.ID]), next[a.ID])
			}
			if !r.next.Date.IsZero() {
				withNext++
			}
		}
		if withNext == 0 {
			t.Errorf("on %s no account has a next step: the test compares nothing", today)
		}
	}
}

// TestListsTakeTheKeyboardWhenOpened: the accounts and people tables have
// the focus as soon as they open, so arrows and Enter work without
// tabbing to them first.
func TestListsTakeTheKeyboardWhenOpened(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	s := d.Current().(*accountsScreen)
	if w.Canvas().Focused() != s.table {
		t.Fatalf("the accounts list opened with the focus on %T, want its table", w.Canvas().Focused())
	}
	second := s.rows[1].acct.ID
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: second}) {
		t.Errorf("Down, Enter opened %v, want the second account %s", p, second)
	}
	d.Show(ui.Place{Screen: "people"})
	if ps := d.Current().(*peopleScreen); w.Canvas().Focused() != ps.table {
		t.Errorf("the people list opened with the focus on %T, want its table", w.Canvas().Focused())
	}
}

// TestListTakesTheKeyboardOnceLoaded: in the desktop the table is put on
// screen only once its rows are read in the background; it takes the
// focus then, unless the user has put it elsewhere meanwhile.
func TestListTakesTheKeyboardOnceLoaded(t *testing.T) {
	f, w, st := uitest.Open(t, true)
	q := &uitest.Queue{Host: f}
	s := NewList(q, st)
	w.SetContent(s.Content())
	s.Load()
	s.FocusFirst()
	if w.Canvas().Focused() == s.table {
		t.Fatal("the table took the focus before it was on screen")
	}
	q.Run()
	if w.Canvas().Focused() != s.table {
		t.Errorf("once loaded the focus is on %T, want the table", w.Canvas().Focused())
	}

	// Typing in a field while the list loads keeps the focus there.
	other := widget.NewEntry()
	again := NewList(q, st)
	w.SetContent(container.NewBorder(other, nil, nil, nil, again.Content()))
	again.Load()
	again.FocusFirst()
	w.Canvas().Focus(other)
	q.Run()
	if w.Canvas().Focused() != other {
		t.Errorf("the loaded list took the focus from the field the user chose (%T)", w.Canvas().Focused())
	}
}
