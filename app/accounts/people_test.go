package accounts

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

func openPeople(t *testing.T) (*ui.Frame, *peopleScreen) {
	t.Helper()
	d, _, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "people"})
	s, ok := d.Current().(*peopleScreen)
	if !ok {
		t.Fatalf("screen = %T, want the people screen", d.Current())
	}
	return d, s
}

func rowNames(s *peopleScreen) []string {
	var out []string
	for _, r := range s.rows {
		out = append(out, r.p.Name)
	}
	return out
}

func TestPeopleListsEverybody(t *testing.T) {
	d, w, st := openAccounts(t, true)
	d.Show(ui.Place{Screen: "people"})
	test.AssertRendersToMarkup(t, "people/all.xml", w.Canvas())
	s := d.Current().(*peopleScreen)
	all, _ := st.People("")
	if len(s.rows) != len(all) || len(all) != 32 {
		t.Errorf("the table shows %d people, want all %d (32 in the sample)", len(s.rows), len(all))
	}
	if got := s.summary.Text; got != "32 of 32 people" {
		t.Errorf("summary = %q", got)
	}
	r := s.rows[0] // sorted by name: Anna Keller
	for col, want := range []string{"Anna Keller", "Northbridge Build Group", "Managing Director, Northbridge Homes",
		"Executive", "Advocate", "12 Dec 2026", "19 November (in 359 days)"} {
		if got := s.table.Columns[col].Text(&r); got != want {
			t.Errorf("first row, column %s = %q, want %q", s.table.Columns[col].Title, got, want)
		}
	}
}

func TestPeopleFilters(t *testing.T) {
	tests := []struct {
		name string
		set  func(s *peopleScreen)
		want []string
	}{
		{"finance", func(s *peopleScreen) { s.typ.Set(dossier.Finance) },
			[]string{"David Okafor", "Fiona Castell", "Karen Holt", "Molnár Ildikó", "Samuel Hart", "Елена Викторовна Ким"}},
		{"text", func(s *peopleScreen) { test.Type(s.search, "okafor") }, []string{"David Okafor"}},
		{"text in account and position", func(s *peopleScreen) { test.Type(s.search, "meridian director") },
			[]string{"Karen Holt", "Pieter van Dam"}},
		{"account and level", func(s *peopleScreen) {
			s.account.SetSelected("Castellan Hotels")
			s.level.Set(dossier.Expert)
		}, []string{"Aoife Brennan"}},
		{"nobody", func(s *peopleScreen) {
			s.typ.Set(dossier.HR)
			s.level.Set(dossier.Expert)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s := openPeople(t)
			tt.set(s)
			got := rowNames(s)
			if len(got) != len(tt.want) {
				t.Fatalf("rows = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("rows = %v, want %v", got, tt.want)
					break
				}
			}
			if n := s.table.Length; n != nil {
				if rows, _ := n(); rows != len(tt.want) {
					t.Errorf("the table has %d rows, want %d", rows, len(tt.want))
				}
			}
		})
	}
}

func TestPeopleSorts(t *testing.T) {
	_, s := openPeople(t)
	s.onSort(4) // ladder level, from the bottom
	if l := s.rows[0].p.Level; l != dossier.Opponent {
		t.Errorf("sorted by level, first = %s, want an opponent", l)
	}
	s.onSort(4)
	if l := s.rows[0].p.Level; l != dossier.Expert {
		t.Errorf("sorted by level descending, first = %s, want an expert", l)
	}
	s.onSort(5) // next contact, earliest first
	if got := s.rows[0].p.Name; got != "Gary Whitlow" {
		t.Errorf("sorted by next contact, first = %q, want Gary Whitlow (due since 2026-10-01)", got)
	}
	s.onSort(1) // account, in the accounts' order
	if got := s.rows[0].account; got != "Northbridge Build Group" {
		t.Errorf("sorted by account, first = %q, want the crown jewel Northbridge", got)
	}
	s.onSort(0)
	if got := s.rows[0].p.Name; got != "Anna Keller" {
		t.Errorf("sorted by name, first = %q, want Anna Keller", got)
	}
}

func TestPeopleOpensPerson(t *testing.T) {
	d, s := openPeople(t)
	s.typ.Set(dossier.Finance)
	s.table.Select(widget.TableCellID{Row: 4, Col: 0}) // Samuel Hart
	if pl := d.Place(); pl != (ui.Place{Screen: "person", ID: "castellan-samuel-hart"}) {
		t.Fatalf("selecting a row opened %v, want person/castellan-samuel-hart", pl)
	}
	d.OnCancel()
	if got := d.Place().Screen; got != "people" {
		t.Errorf("cancelling the person opened from People goes to %q, want people", got)
	}
}

func TestPeopleNewPersonAsksTheAccount(t *testing.T) {
	d, s := openPeople(t)
	s.account.SetSelected("Meridian Freight")
	d.OnNew() // Ctrl+N
	if s.pickAcct == nil || d.Window().Canvas().Overlays().Top() == nil {
		t.Fatal("New person with several accounts does not ask which account")
	}
	if got := s.pickAcct.Selected; got != "Meridian Freight" {
		t.Errorf("the dialog offers %q, want the filtered account Meridian Freight", got)
	}
	s.pickAcct.SetSelected("Castellan Hotels")
	tapInDialog(t, d.Window(), "Continue")
	if pl := d.Place(); pl != (ui.Place{Screen: "person", ID: "new:castellan"}) {
		t.Errorf("the new person opened %v, want person/new:castellan", pl)
	}
}

func TestPeopleEmptyWorkspace(t *testing.T) {
	d, w, _ := openAccounts(t, false)
	d.Show(ui.Place{Screen: "people"})
	s := d.Current().(*peopleScreen)
	if !s.newPerson.Disabled() {
		t.Error("New person is enabled without any account")
	}
	if !shown(w.Canvas().Content(), "Nobody is recorded yet. Add the people of each account's decision-making group.") {
		t.Error("the empty People screen does not say why it is empty")
	}
	d.OnNew()
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+N without accounts says nothing")
	}
}
