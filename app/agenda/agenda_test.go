package agenda

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// agendaFrame opens a frame on the sample workspace whose agenda takes
// the dossier's entries and those of more sources, and whose other places
// are Elsewhere.
func agendaFrame(t *testing.T, more []Source, kinds ...Kind) (*ui.Frame, fyne.Window, *store.Store) {
	t.Helper()
	f, w, st := uitest.Open(t, true)
	screens := uitest.ElsewhereAt("account", "person", "accounts", "proposal")
	screens["agenda"] = func(string) (ui.Screen, error) {
		return NewScreen(f, st, append([]Source{Dossier}, more...), append(slices.Clone(DossierKinds), kinds...)), nil
	}
	f.SetScreens(screens)
	return f, w, st
}

// openAgenda opens the agenda afresh.
func openAgenda(t *testing.T, f *ui.Frame) *screen {
	t.Helper()
	f.Open(ui.Place{Screen: "agenda"})
	s, ok := f.Current().(*screen)
	if !ok {
		t.Fatalf("the agenda is %T", f.Current())
	}
	return s
}

// headings lists the agenda's group headings.
func (s *screen) headings() []string {
	var out []string
	for _, r := range s.rows {
		if r.heading != "" {
			out = append(out, r.heading)
		}
	}
	return out
}

// shown lists the items the agenda shows.
func (s *screen) shown() []dossier.AgendaItem {
	var out []dossier.AgendaItem
	for _, r := range s.rows {
		if r.entry != nil {
			out = append(out, r.entry.Item)
		}
	}
	return out
}

// dossierShown lists the items of the dossier's kinds the agenda shows,
// leaving out those of other sources (proposals).
func (s *screen) dossierShown() []dossier.AgendaItem {
	var out []dossier.AgendaItem
	for _, it := range s.shown() {
		switch it.Kind {
		case dossier.AgendaBirthday, dossier.AgendaContact, dossier.AgendaPromise,
			dossier.AgendaTenderPrep, dossier.AgendaTender, dossier.AgendaReview:
			out = append(out, it)
		}
	}
	return out
}

// rowWhere returns the first row of an item that ok accepts.
func (s *screen) rowWhere(t *testing.T, ok func(it dossier.AgendaItem) bool) (int, dossier.AgendaItem) {
	t.Helper()
	for i, r := range s.rows {
		if r.entry != nil && ok(r.entry.Item) {
			return i, r.entry.Item
		}
	}
	t.Fatal("no such item in the agenda")
	return -1, dossier.AgendaItem{}
}

// sampleAgenda is the dossier's agenda of the sample, over days (0 for the
// rules).
func sampleAgenda(t *testing.T, st *store.Store, days int) []dossier.AgendaItem {
	t.Helper()
	ws, err := st.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	if days > 0 {
		ws.Rules.AgendaDays, ws.Rules.BirthdayNoticeDays = days, days
	}
	return dossier.Agenda(&ws, uitest.Today)
}

func TestAgendaShowsLateFirst(t *testing.T) {
	d, w, st := agendaFrame(t, nil)
	s := openAgenda(t, d)
	test.AssertRendersToMarkup(t, "agenda/sample.xml", w.Canvas())

	want := sampleAgenda(t, st, 0)
	if got := s.dossierShown(); len(got) != len(want) || len(got) == 0 {
		t.Fatalf("the agenda shows %d items of the dossier, want the sample's %d", len(got), len(want))
	}
	got := s.shown()
	late := 0
	for _, it := range got {
		if it.Late {
			late++
		}
	}
	if late == 0 {
		t.Fatal("the sample has no late items")
	}
	for i, it := range got {
		if it.Late != (i < late) {
			t.Fatalf("item %d (%s) late=%v; want the %d late items first", i, it.Text(), it.Late, late)
		}
	}
	heads := s.headings()
	if len(heads) != 4 || !strings.HasPrefix(heads[0], "Late — ") || !strings.HasPrefix(heads[1], "Today — ") ||
		!strings.HasPrefix(heads[2], "This week — ") || !strings.HasPrefix(heads[3], "Later — ") {
		t.Errorf("headings %q, want Late, Today, This week, Later", heads)
	}
	// This week ends on Sunday 29 November.
	for _, r := range s.rows {
		if r.entry != nil && group(r.entry.Item, s.today) == 2 && r.entry.Item.Date.After(dossier.MustDate("2026-11-29")) {
			t.Errorf("%s falls this week", r.entry.Item.Date)
		}
	}
	if want := fmt.Sprintf("%d items · %d late", len(got), late); s.summary.Text != want {
		t.Errorf("summary %q, want %q", s.summary.Text, want)
	}
	// Birthdays show the age when the year is known.
	if _, it := s.rowWhere(t, func(it dossier.AgendaItem) bool {
		return it.PersonID == "castellan-aoife-brennan" && it.Kind == dossier.AgendaBirthday
	}); !strings.Contains(ui.Tr(it.Message, it.Data), "turns 43") {
		t.Errorf("Aoife Brennan's birthday says %q, want her age", ui.Tr(it.Message, it.Data))
	}
}

func TestAgendaOpensThePlace(t *testing.T) {
	d, _, _ := agendaFrame(t, nil)
	s := openAgenda(t, d)
	row, it := s.rowWhere(t, func(it dossier.AgendaItem) bool { return it.Kind == dossier.AgendaContact && it.Late })
	s.list.Select(row)
	if p := d.Place(); p != (ui.Place{Screen: "person", ID: it.PersonID}) {
		t.Errorf("a late contact opens %v, want person/%s", p, it.PersonID)
	}

	s = openAgenda(t, d)
	row, it = s.rowWhere(t, func(it dossier.AgendaItem) bool { return it.Kind == dossier.AgendaPromise })
	s.list.Select(row)
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: it.AccountID}) {
		t.Errorf("a promise opens %v, want account/%s", p, it.AccountID)
	}

	s = openAgenda(t, d)
	row, it = s.rowWhere(t, func(it dossier.AgendaItem) bool { return it.Kind == dossier.AgendaTenderPrep })
	s.list.Select(row)
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: it.AccountID}) {
		t.Errorf("a tender preparation opens %v, want account/%s", p, it.AccountID)
	}

	// A heading opens nothing.
	s = openAgenda(t, d)
	s.list.Select(0)
	if d.Place().Screen != "agenda" {
		t.Errorf("selecting a heading opened %v", d.Place())
	}
}

func TestAgendaHorizon(t *testing.T) {
	d, _, st := agendaFrame(t, nil)
	s := openAgenda(t, d)
	if s.horizon.Selected != "30 days" || !slices.Equal(s.horizon.Options, []string{"7 days", "30 days", "90 days"}) {
		t.Fatalf("horizon %q of %q, want 30 days of 7, 30, 90", s.horizon.Selected, s.horizon.Options)
	}
	counts := map[string]int{}
	for _, c := range []struct {
		option string
		days   int
	}{{"7 days", 7}, {"90 days", 90}, {"30 days", 30}} {
		s.horizon.SetSelected(c.option)
		got := s.dossierShown()
		want := sampleAgenda(t, st, c.days)
		if len(got) != len(want) {
			t.Errorf("over %s the agenda shows %d items, want %d", c.option, len(got), len(want))
		}
		for _, it := range got {
			if it.Date.After(uitest.Today.AddDays(c.days)) {
				t.Errorf("over %s the agenda shows %s on %s", c.option, it.Text(), it.Date)
			}
		}
		counts[c.option] = len(got)
	}
	if !(counts["7 days"] < counts["30 days"] && counts["30 days"] < counts["90 days"]) {
		t.Errorf("items over 7, 30, 90 days: %d, %d, %d; want more the further ahead", counts["7 days"], counts["30 days"], counts["90 days"])
	}
}

func TestAgendaFiltersByKind(t *testing.T) {
	d, _, _ := agendaFrame(t, nil)
	s := openAgenda(t, d)
	all := len(s.shown())
	contacts := 0
	for _, it := range s.shown() {
		if it.Kind == dossier.AgendaContact {
			contacts++
		}
	}
	i := slices.IndexFunc(DossierKinds, func(k Kind) bool { return k.Kind == dossier.AgendaContact })
	check := s.checks[i]
	if check.Text != "Contacts" || contacts == 0 {
		t.Fatalf("filter %q with %d contacts in the agenda", check.Text, contacts)
	}
	test.Tap(check)
	for _, it := range s.shown() {
		if it.Kind == dossier.AgendaContact {
			t.Fatalf("contacts filtered out, the agenda still shows %s", it.Text())
		}
	}
	if got := len(s.shown()); got != all-contacts {
		t.Errorf("without contacts %d items, want %d", got, all-contacts)
	}
	test.Tap(check)
	if got := len(s.shown()); got != all {
		t.Errorf("with contacts again %d items, want %d", got, all)
	}
	// Everything filtered out says so.
	for _, c := range s.checks {
		test.Tap(c)
	}
	said := slices.ContainsFunc(test.LaidOutObjects(s.body), func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		return ok && strings.Contains(l.Text, "Nothing of the kinds chosen")
	})
	if len(s.rows) != 0 || !said {
		t.Errorf("with every kind filtered out the agenda shows %d rows and no explanation", len(s.rows))
	}
}

// TestAgendaTakesOtherSources adds a source, as the proposals will.
func TestAgendaTakesOtherSources(t *testing.T) {
	d, _, _ := agendaFrame(t, []Source{func(q Query) ([]Entry, error) {
		return []Entry{{
			Item: dossier.AgendaItem{Date: q.Today.AddDays(2), Kind: "test-kind", AccountID: "castellan",
				Message: "Proposal to {{.Account}} expires", Data: map[string]any{"Account": "Castellan Hotels"}},
			Place: ui.Place{Screen: "accounts"},
		}}, nil
	}}, Kind{"test-kind", "Test items", theme.IconNameDocument})
	s := openAgenda(t, d)
	if len(s.checks) != len(DossierKinds)+1 || s.checks[len(s.checks)-1].Text != "Test items" {
		t.Errorf("no filter for the added kind")
	}
	row, it := s.rowWhere(t, func(it dossier.AgendaItem) bool { return it.Kind == "test-kind" })
	if group(it, s.today) != 2 {
		t.Errorf("an item in two days falls in group %d, want this week", group(it, s.today))
	}
	s.list.Select(row)
	if d.Place().Screen != "accounts" {
		t.Errorf("the added item opens %v, want its own place", d.Place())
	}
}

// TestAgendaArrangesInTheBackground: at 100,000 people the agenda holds
// tens of thousands of entries, so choosing a kind arranges them off the
// UI goroutine, and the list keeps what it shows until the new rows are in.
func TestAgendaArrangesInTheBackground(t *testing.T) {
	f, _, st := agendaFrame(t, nil)
	h := &uitest.Queue{Host: f}
	s := NewScreen(h, st, []Source{Dossier}, DossierKinds).(*screen)
	s.Load()
	if len(s.rows) != 0 || !s.Loading() {
		t.Fatalf("before its work ran the agenda shows %d rows (loading %v)", len(s.rows), s.Loading())
	}
	h.Run()
	all := len(s.shown())
	if all == 0 || s.Loading() {
		t.Fatalf("after reading the agenda shows %d items (loading %v)", all, s.Loading())
	}
	test.Tap(s.checks[0]) // Birthdays off
	if got := len(s.shown()); got != all || h.Len() != 1 {
		t.Fatalf("a filter changed the rows on the UI goroutine (%d → %d items, %d jobs queued)", all, got, h.Len())
	}
	h.Run()
	if got := len(s.shown()); got >= all {
		t.Errorf("without birthdays %d items, had %d", got, all)
	}
	// A filter changed while the workspace is read again applies to the
	// rows read.
	s.horizon.SetSelected(horizonLabel(90))
	test.Tap(s.checks[1]) // Contacts off
	h.Run()
	for _, it := range s.shown() {
		if it.Kind == dossier.AgendaBirthday || it.Kind == dossier.AgendaContact {
			t.Fatalf("birthdays and contacts are filtered out, the agenda shows %s", it.Text())
		}
	}
	if len(s.shown()) == 0 {
		t.Error("over 90 days without birthdays and contacts the agenda shows nothing")
	}
}

// TestAgendaTakesTheKeyboardWhenOpened: the list has the focus as soon as
// the agenda opens.
func TestAgendaTakesTheKeyboardWhenOpened(t *testing.T) {
	d, w, _ := agendaFrame(t, nil)
	if s := openAgenda(t, d); w.Canvas().Focused() != s.list {
		t.Errorf("the agenda opened with the focus on %T, want its list", w.Canvas().Focused())
	}
}
