package cli

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
)

// TestWriteAgendaIsTheTable: writeAgenda writes byte for byte what the
// table of the other lists (text/tabwriter through table and row) writes
// of the same items: with and without late items, dates unset, messages
// with tabs, line breaks, control characters and letters of several
// bytes.
func TestWriteAgendaIsTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	words := []string{"Call", "Ágnes", "Đorđe", "Ферзь", "tab\there", "two\nlines", "bell\a", "ESC\x1b[31m", "日本語", "x"}
	for round := range 300 {
		items := make([]dossier.AgendaItem, rng.IntN(40))
		anyLate := rng.IntN(2) == 0
		for i := range items {
			var msg []string
			for range 1 + rng.IntN(4) {
				msg = append(msg, words[rng.IntN(len(words))])
			}
			items[i] = dossier.AgendaItem{Message: strings.Join(msg, " "), Late: anyLate && rng.IntN(3) == 0}
			if rng.IntN(8) > 0 {
				items[i].Date = dossier.Today().AddDays(rng.IntN(400) - 200)
			}
		}
		var want, got bytes.Buffer
		tw := table(&want, "DATE", "", "WHAT")
		for _, it := range items {
			late := ""
			if it.Late {
				late = "LATE"
			}
			row(tw, it.Date.String(), late, it.Message)
		}
		tw.Flush()
		writeAgenda(&got, items, localText)
		if got.String() != want.String() {
			t.Fatalf("round %d: writeAgenda wrote\n%q\nthe table writes\n%q", round, got.String(), want.String())
		}
	}
}

// TestAgendaOfPeopleInParts: the dossier's agenda made with the people
// read in parts, cut anywhere and read by one to three goroutines, and
// the accounts and promises read for the agenda only (store.AgendaInParts),
// is the agenda made reading everyone whole and the people one by one
// (store.OverviewEach), item for item in the same order, messages made
// alike, or left with their data as the calendar file takes them.
func TestAgendaOfPeopleInParts(t *testing.T) {
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storetest.Generate(s, storetest.Options{Accounts: 9, PeoplePerAccount: 12, PromisesPerAccount: 3, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	today := storetest.DefaultAnchor
	// A passive account's tender is not chased; an account's own
	// preparation time moves its window.
	accts, err := s.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	accts[0].Passive, accts[0].NextTender = true, today.AddDays(30)
	accts[1].NextTender, accts[1].TenderPrepMonths = today.AddDays(100), 1
	for i := range accts[:2] {
		if err := s.SaveAccount(&accts[i]); err != nil {
			t.Fatal(err)
		}
	}
	localized := func(it *dossier.AgendaItem) { it.Message, it.Data = localText(it), nil }
	for _, made := range []func(*dossier.AgendaItem){localized, nil} {
		var m *dossier.AgendaMaker
		ws, err := s.OverviewEach(func(w *dossier.Workspace) {
			w.Rules.AgendaDays, w.Rules.BirthdayNoticeDays = 120, 120
			m = dossier.NewAgendaMaker(w, today, made)
		}, func(p *dossier.Person) { m.Person(p) })
		if err != nil {
			t.Fatal(err)
		}
		want := m.Items
		kinds := map[dossier.AgendaKind]int{}
		for _, it := range want {
			kinds[it.Kind]++
		}
		if len(want) < 50 || len(ws.Accounts) != 9 || len(kinds) < 5 {
			t.Fatalf("%d items of %d kinds of %d accounts: too few for the test", len(want), len(kinds), len(ws.Accounts))
		}
		people, err := s.PeopleSummariesOf("")
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, p := range people {
			ids = append(ids, p.ID)
		}
		slices.Sort(ids)
		for _, splits := range [][]string{nil, {ids[0]}, {ids[len(ids)/2]}, {ids[3], ids[4], ids[40], "zzz"}, ids} {
			for _, workers := range []int{1, 2, 3} {
				_, got, err := agendaOfPeople(s, splits, workers, today, 120, 120, made, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%d splits, %d goroutines: %d items, not the %d read one by one (first: %+v)",
						len(splits), workers, len(got), len(want), got[:min(1, len(got))])
				}
			}
		}
	}
}

// TestAgendaCellIsTheSlowCell: a cell of the agenda is the text on one
// line, tabs as spaces, safe for a terminal, whether it takes the short
// way (plain ASCII) or not.
func TestAgendaCellIsTheSlowCell(t *testing.T) {
	slow := func(s string) string { return terminalText(strings.ReplaceAll(dossier.OneLine(s), "\t", " ")) }
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\nb", "a\rb", "a\vb", "Zoë Brandt", "a\u00a0b",
		"\x1b[31mred", "a\x7fb", "a\x00b", "\u202eevil", "\xff", "Birthday of Lada Barbridge (Ardencroft Works), turns 41", "~!@#$%^&*()_+{}|:\"<>?"} {
		if got, want := agendaCell(s), slow(s); got != want {
			t.Errorf("agendaCell(%q) = %q, want %q", s, got, want)
		}
	}
}
