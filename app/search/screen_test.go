package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// searchFrame opens a frame on a fresh workspace (the sample when
// sample is true) with the search screen, the other places Elsewhere.
func searchFrame(t *testing.T, sample bool) (*ui.Frame, fyne.Window, *store.Store) {
	t.Helper()
	f, w, st := uitest.Open(t, sample)
	screens := uitest.ElsewhereAt("account", "person", "proposal", "library")
	screens["search"] = func(string) (ui.Screen, error) { return NewScreen(f, st), nil }
	f.SetScreens(screens)
	return f, w, st
}

// openSearch opens the search screen afresh with the cursor in its field,
// as Ctrl+F does.
func openSearch(t *testing.T, d *ui.Frame, w fyne.Window) *screen {
	t.Helper()
	d.Open(ui.Place{Screen: "search"})
	s, ok := d.Current().(*screen)
	if !ok {
		t.Fatalf("the search is %T", d.Current())
	}
	s.Focus()
	if w.Canvas().Focused() != s.entry {
		t.Fatal("the cursor is not in the search field")
	}
	return s
}

// shownNames lists the names of the accounts and people listed.
func (s *screen) shownNames() (accounts, people []string) {
	for _, r := range s.rows {
		if r.heading != "" {
			continue
		}
		switch s.index.Kind(r.hit) {
		case Person:
			people = append(people, s.index.Person(r.hit).Name)
		case Account:
			accounts = append(accounts, s.index.Account(r.hit).Name)
		}
	}
	return accounts, people
}

// rowOf returns the list row of the record named or titled name.
func (s *screen) rowOf(t *testing.T, name string) int {
	t.Helper()
	for i, r := range s.rows {
		if r.heading != "" {
			continue
		}
		if got, _, _ := s.describe(r.hit); got == name {
			return i
		}
	}
	t.Fatalf("%q is not among the results", name)
	return -1
}

// renderedRows returns the text of the result rows on screen.
func renderedRows(w fyne.Window) []string {
	var out []string
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if r, ok := o.(*widget.RichText); ok && r.Visible() && r.String() != "" {
			out = append(out, r.String())
		}
	}
	return out
}

func TestSearchShowsAHintFirst(t *testing.T) {
	d, w, _ := searchFrame(t, true)
	s := openSearch(t, d, w)
	if len(s.body.Objects) != 1 || s.body.Objects[0] != s.hint || !strings.Contains(s.hint.Text, "Type a few letters") {
		t.Errorf("an empty query shows %v, want the hint", s.body.Objects)
	}
	test.Type(s.entry, "   ")
	if s.body.Objects[0] != s.hint || len(s.rows) != 0 {
		t.Errorf("a query of spaces shows %d rows, want the hint", len(s.rows))
	}
}

func TestSearchFindsAsYouType(t *testing.T) {
	d, w, st := searchFrame(t, true)
	// Someone with accents in their name.
	jm := dossier.Person{AccountID: "meridian", Name: "Jürgen Müller", Position: "Cold-chain Engineer",
		Type: dossier.Technical, Level: dossier.Buyer}
	if err := st.SavePerson(&jm); err != nil {
		t.Fatal(err)
	}
	s := openSearch(t, d, w)
	for _, c := range []struct {
		query           string
		accounts, first []string // the accounts found; the first people listed
		all             bool     // first are all the people found
		shows           string   // a result row on screen shows this
	}{
		{query: "okafor", first: []string{"David Okafor"}, shows: "Name: David Okafor"},
		{query: "Head of People", first: []string{"Sophie Marsh"}, shows: "Position: Head of People"},
		{query: "narrowboat", first: []string{"Anna Keller"}, shows: "Hobbies: …"},
		{query: "castellan", accounts: []string{"Castellan Hotels"},
			first: []string{"Aoife Brennan", "Beatriz Moreno", "Marco Della Verde", "Samuel Hart", "Tom Fairley"},
			shows: "Account: Castellan Hotels"},
		{query: "muller", first: []string{"Jürgen Müller"}, shows: "Name: Jürgen Müller"},
		{query: "MÜLLER", first: []string{"Jürgen Müller"}},
		// Rajesh is Head of Engineering, Gary works in its Engineering department.
		{query: "northbridge engineering", accounts: []string{}, first: []string{"Gary Whitlow", "Rajesh Varma"}, all: true},
		{query: "finance northbridge", first: []string{"David Okafor"}, shows: "Position: Finance Director, Northbridge Homes"},
	} {
		s.entry.SetText("")
		test.Type(s.entry, c.query)
		accounts, people := s.shownNames()
		if c.accounts != nil && len(accounts)+len(c.accounts) > 0 && !slices.Equal(accounts, c.accounts) {
			t.Errorf("%q finds accounts %q, want %q", c.query, accounts, c.accounts)
		}
		if len(people) < len(c.first) || !slices.Equal(people[:len(c.first)], c.first) || c.all && len(people) != len(c.first) {
			t.Errorf("%q lists people %q, want %q first", c.query, people, c.first)
		}
		if c.shows != "" {
			rows := renderedRows(w)
			if !slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, c.shows) }) {
				t.Errorf("%q: no row on screen shows %q: %q", c.query, c.shows, rows)
			}
		}
	}
	// Several words must all be found; one that is nowhere finds nothing.
	s.entry.SetText("")
	test.Type(s.entry, "northbridge zebra")
	if len(s.rows) != 0 || !strings.Contains(s.summary.Text, "Nothing matches") {
		t.Errorf("a word found nowhere lists %d rows, summary %q", len(s.rows), s.summary.Text)
	}
	// Esc clears the query.
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.entry.Text != "" || s.body.Objects[0] != s.hint {
		t.Errorf("Esc leaves %q", s.entry.Text)
	}
}

func TestSearchGolden(t *testing.T) {
	d, w, _ := searchFrame(t, true)
	s := openSearch(t, d, w)
	test.Type(s.entry, "finance")
	// Four people, and the library section that mentions the finance team.
	if got := s.summary.Text; got != "5 matches" {
		t.Errorf("summary %q, want 5 matches", got)
	}
	test.AssertRendersToMarkup(t, "search/finance.xml", w.Canvas())
}

func TestSearchOpensTheResult(t *testing.T) {
	d, w, _ := searchFrame(t, true)
	s := openSearch(t, d, w)
	test.Type(s.entry, "castellan")
	s.list.Select(s.rowOf(t, "Castellan Hotels"))
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: "castellan"}) {
		t.Errorf("selecting the account opened %v, want account/castellan", p)
	}

	s = openSearch(t, d, w)
	test.Type(s.entry, "narrowboat")
	s.list.Select(s.rowOf(t, "Anna Keller"))
	if p := d.Place(); p != (ui.Place{Screen: "person", ID: "northbridge-anna-keller"}) {
		t.Errorf("selecting a person opened %v, want person/northbridge-anna-keller", p)
	}

	// Enter opens the best result.
	s = openSearch(t, d, w)
	test.Type(s.entry, "okafor")
	s.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p := d.Place(); p != (ui.Place{Screen: "person", ID: "northbridge-david-okafor"}) {
		t.Errorf("Enter opened %v, want person/northbridge-david-okafor", p)
	}

	// Headings are not results.
	s = openSearch(t, d, w)
	test.Type(s.entry, "castellan")
	s.list.Select(0)
	if d.Place().Screen != "search" {
		t.Errorf("selecting a heading opened %v", d.Place())
	}
}

// TestSearchShowsTheBest200 searches a generated workspace of 400 people,
// where one letter matches nearly everybody.
func TestSearchShowsTheBest200(t *testing.T) {
	d, w, st := searchFrame(t, false)
	if err := storetest.Generate(st, storetest.Options{Accounts: 10, PeoplePerAccount: 40, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	s := openSearch(t, d, w)
	test.Type(s.entry, "e")
	accounts, people := s.shownNames()
	if len(accounts)+len(people) != shownAtMost {
		t.Errorf("%d results listed, want %d", len(accounts)+len(people), shownAtMost)
	}
	if len(accounts) == 0 || len(people) == 0 {
		t.Errorf("%d accounts and %d people listed, want both groups", len(accounts), len(people))
	}
	want := s.index.Search("e").Len()
	if wantText := fmt.Sprintf("%d matches, the best %d shown", want, shownAtMost); want <= shownAtMost || s.summary.Text != wantText {
		t.Errorf("summary %q, want %q", s.summary.Text, wantText)
	}
}

// TestSearchScreenOpensEveryKind finds a meeting, a promise, a proposal and a
// library section under their headings, and opens each where it is kept.
func TestSearchScreenOpensEveryKind(t *testing.T) {
	d, w, _ := searchFrame(t, true)
	for _, c := range []struct {
		query, heading, row string
		place               ui.Place
		tab                 string // the dossier's tab shown
	}{
		{query: "plant visit", heading: "Meetings and other events — 1", row: "Visit to the Doncaster modular plant construction site",
			place: ui.Place{Screen: "account", ID: "northbridge"}, tab: "Timeline"},
		{query: "whole-life comparison", heading: "Promises — 1", row: "Send David Okafor a whole-life cost comparison per home over 15 years, our cont…",
			place: ui.Place{Screen: "account", ID: "northbridge"}, tab: "Timeline"},
		{query: "castellan calm", heading: "Proposals — 1", row: "Castellan Calm: guest-room climate control for the 23-hotel roll-out",
			place: ui.Place{Screen: "proposal", ID: "prop-castellan-calm-rollout"}},
		{query: "veldmark academy", heading: "Library sections — 3", row: "Training and handover: the Veldmark Academy",
			place: ui.Place{Screen: "library", ID: "training-academy"}},
	} {
		d.Remember("dossier.tab", "")
		s := openSearch(t, d, w)
		test.Type(s.entry, c.query)
		if !slices.ContainsFunc(s.rows, func(r row) bool { return r.heading == c.heading }) {
			var headings []string
			for _, r := range s.rows {
				if r.heading != "" {
					headings = append(headings, r.heading)
				}
			}
			t.Errorf("%q shows the headings %q, want %q among them", c.query, headings, c.heading)
			continue
		}
		s.list.Select(s.rowOf(t, c.row))
		if p := d.Place(); p != c.place {
			t.Errorf("selecting %q opened %v, want %v", c.row, p, c.place)
		}
		if c.tab == "" {
			continue
		}
		if got := d.Recall("dossier.tab"); got != c.tab {
			t.Errorf("selecting %q asks the dossier for its %q tab, want %s", c.row, got, c.tab)
		}
	}
}
