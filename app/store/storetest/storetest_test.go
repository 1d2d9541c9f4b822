package storetest_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var small = storetest.Options{Accounts: 30, PeoplePerAccount: 12, EventsPerAccount: 5, PromisesPerAccount: 4, Seed: 7}

func TestWorkspaceCountsAndValidity(t *testing.T) {
	w := storetest.Workspace(small)
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"accounts", len(w.Accounts), 30}, {"people", len(w.People), 360},
		{"events", len(w.Events), 150}, {"promises", len(w.Promises), 120},
	} {
		if c.got != c.want {
			t.Errorf("%d %s, want %d", c.got, c.what, c.want)
		}
	}
	if len(w.Team) == 0 || len(w.References) == 0 {
		t.Errorf("%d team members and %d references, want some of each", len(w.Team), len(w.References))
	}
	check := func(what, id string, err error) {
		if err != nil {
			t.Errorf("%s %s does not validate: %v", what, id, err)
		}
	}
	for i := range w.Team {
		check("team member", w.Team[i].ID, w.Team[i].Validate())
	}
	for i := range w.References {
		check("reference", w.References[i].ID, w.References[i].Validate())
	}
	for i := range w.Accounts {
		check("account", w.Accounts[i].ID, w.Accounts[i].Validate())
	}
	for i := range w.People {
		check("person", w.People[i].ID, w.People[i].Validate())
	}
	for i := range w.Events {
		check("event", w.Events[i].ID, w.Events[i].Validate())
	}
	for i := range w.Promises {
		check("promise", w.Promises[i].ID, w.Promises[i].Validate())
	}
}

// TestWorkspaceLooksReal checks the variety the generator promises: every
// enum value, names in three scripts, birthdays over the whole year,
// reporting trees, open, late, kept, dropped and slipped promises.
func TestWorkspaceLooksReal(t *testing.T) {
	w := storetest.Workspace(storetest.Options{Accounts: 60, PeoplePerAccount: 20, EventsPerAccount: 6, PromisesPerAccount: 6, Seed: 1})
	seen := map[string]bool{}
	mark := func(k string) { seen[k] = true }
	for _, a := range w.Accounts {
		mark("tier " + string(a.Tier))
		for _, c := range a.Criteria {
			mark("criterion " + string(c))
		}
		if len([]rune(a.Strategy)) < 80 {
			t.Errorf("account %s: strategy %q is too short to look real", a.ID, a.Strategy)
		}
	}
	month := map[time.Month]int{}
	ids := map[string]dossier.Person{}
	for _, p := range w.People {
		ids[p.ID] = p
	}
	for _, p := range w.People {
		mark("role " + string(p.Role))
		mark("influence " + string(p.Influence))
		mark("type " + string(p.Type))
		mark("level " + string(p.Level))
		mark("channel " + string(p.Channel))
		if !p.Birthday.IsZero() {
			month[p.Birthday.Month]++
		}
		for _, r := range p.Name {
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				mark("cyrillic name")
			case r > 127 && unicode.IsLetter(r):
				mark("accented name")
			}
		}
		if p.ReportsTo != "" {
			mark("reports to")
			if m, ok := ids[p.ReportsTo]; !ok || m.AccountID != p.AccountID {
				t.Errorf("person %s reports to %q, not a colleague", p.ID, p.ReportsTo)
			}
		}
		if len(p.Notes) < 40 || p.Hobbies == "" || p.Values == "" {
			t.Errorf("person %s lacks realistic notes, hobbies or values: %+v", p.ID, p)
		}
	}
	if len(month) != 12 {
		t.Errorf("birthdays fall in %d months, want all 12: %v", len(month), month)
	}
	for _, e := range w.Events {
		mark("event " + string(e.Kind))
	}
	for _, pr := range w.Promises {
		mark("promise " + string(pr.Status))
		if pr.Slipped() {
			mark("slipped promise")
		}
		if pr.Late(storetest.DefaultAnchor) {
			mark("late promise")
		}
	}
	want := []string{"cyrillic name", "accented name", "reports to", "slipped promise", "late promise"}
	for _, v := range dossier.Tiers {
		want = append(want, "tier "+string(v))
	}
	for _, v := range dossier.Criteria {
		want = append(want, "criterion "+string(v))
	}
	for _, v := range dossier.BuyingRoles {
		want = append(want, "role "+string(v))
	}
	for _, v := range dossier.Influences {
		want = append(want, "influence "+string(v))
	}
	for _, v := range dossier.StakeholderTypes {
		want = append(want, "type "+string(v))
	}
	for _, v := range dossier.Ladder {
		want = append(want, "level "+string(v))
	}
	for _, v := range dossier.Channels {
		want = append(want, "channel "+string(v))
	}
	for _, v := range dossier.EventKinds {
		want = append(want, "event "+string(v))
	}
	for _, v := range dossier.PromiseStatuses {
		want = append(want, "promise "+string(v))
	}
	for _, k := range want {
		if !seen[k] {
			t.Errorf("no %s in the generated workspace", k)
		}
	}
	if agenda := dossier.Agenda(&w, storetest.DefaultAnchor); len(agenda) < 50 {
		t.Errorf("the generated workspace has %d agenda items, want a busy agenda", len(agenda))
	}
}

func TestWorkspaceIsDeterministic(t *testing.T) {
	a, b := storetest.Workspace(small), storetest.Workspace(small)
	if !reflect.DeepEqual(a, b) {
		t.Error("two workspaces of the same seed differ")
	}
	other := small
	other.Seed++
	if c := storetest.Workspace(other); reflect.DeepEqual(a.People, c.People) {
		t.Error("workspaces of different seeds are the same")
	}
}

func open(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestGenerateWritesEverything(t *testing.T) {
	s := open(t)
	if err := storetest.Generate(s, small); err != nil {
		t.Fatal(err)
	}
	want := storetest.Workspace(small)
	got, err := s.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Accounts) != len(want.Accounts) || len(got.People) != len(want.People) || len(got.Team) != len(want.Team) ||
		len(got.References) != len(want.References) || len(got.Events) != len(want.Events) || len(got.Promises) != len(want.Promises) {
		t.Fatalf("stored %d accounts, %d people, %d team, %d references, %d events, %d promises; want %d, %d, %d, %d, %d, %d",
			len(got.Accounts), len(got.People), len(got.Team), len(got.References), len(got.Events), len(got.Promises),
			len(want.Accounts), len(want.People), len(want.Team), len(want.References), len(want.Events), len(want.Promises))
	}
	// The index by account works: the store lists an account's people,
	// events and promises.
	a := want.Accounts[3]
	people, err := s.People(a.ID)
	if err != nil || len(people) != small.PeoplePerAccount {
		t.Errorf("People(%s) = %d people, %v; want %d", a.ID, len(people), err, small.PeoplePerAccount)
	}
	events, err := s.Events(a.ID)
	if err != nil || len(events) != small.EventsPerAccount {
		t.Errorf("Events(%s) = %d events, %v; want %d", a.ID, len(events), err, small.EventsPerAccount)
	}
	promises, err := s.Promises(a.ID)
	if err != nil || len(promises) != small.PromisesPerAccount {
		t.Errorf("Promises(%s) = %d promises, %v; want %d", a.ID, len(promises), err, small.PromisesPerAccount)
	}
	p, err := s.Person(want.People[5].ID)
	if err != nil || p.Name != want.People[5].Name || p.Created.IsZero() {
		t.Errorf("Person(%s) = %q created %v, %v; want %q with a time stamp", want.People[5].ID, p.Name, p.Created, err, want.People[5].Name)
	}
	// A generated record can be edited like any other.
	p.Hobbies = "Kite surfing."
	if err := s.SavePerson(&p); err != nil {
		t.Errorf("saving a generated person: %v", err)
	}
	// Importing the same records again is refused, and changes nothing.
	if err := s.Import(want); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("importing twice: %v, want ErrConflict", err)
	}
}

func TestImportChecksRecords(t *testing.T) {
	base := storetest.Workspace(storetest.Options{Accounts: 2, PeoplePerAccount: 3, EventsPerAccount: 1, PromisesPerAccount: 1, Seed: 3})
	for _, c := range []struct {
		name   string
		change func(w *dossier.Workspace)
		want   error
		text   string
	}{
		{"invalid person", func(w *dossier.Workspace) { w.People[1].Email = "not an address" }, dossier.ErrInvalid, "email"},
		{"no ID", func(w *dossier.Workspace) { w.Accounts[0].ID = "" }, dossier.ErrInvalid, "no ID"},
		{"ID twice", func(w *dossier.Workspace) { w.People[2].ID = w.People[1].ID }, dossier.ErrConflict, "twice"},
		{"unknown account", func(w *dossier.Workspace) { w.People[1].AccountID = "nowhere" }, dossier.ErrNotFound, "nowhere"},
		{"manager elsewhere", func(w *dossier.Workspace) { w.People[4].ReportsTo = w.People[1].ID }, dossier.ErrConflict, "another account"},
		{"loop", func(w *dossier.Workspace) {
			w.People[0].ReportsTo = w.People[2].ID
			w.People[2].ReportsTo = w.People[0].ID
		},
			dossier.ErrConflict, "loop"},
		{"event with a stranger", func(w *dossier.Workspace) { w.Events[0].People = []string{w.People[5].ID} }, dossier.ErrConflict, "another account"},
		{"unknown owner", func(w *dossier.Workspace) { w.Accounts[1].Owner = "team-nobody" }, dossier.ErrNotFound, "owner"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := storetest.Workspace(storetest.Options{Accounts: 2, PeoplePerAccount: 3, EventsPerAccount: 1, PromisesPerAccount: 1, Seed: 3})
			c.change(&w)
			s := open(t)
			err := s.Import(w)
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Fatalf("Import = %v, want %v mentioning %q", err, c.want, c.text)
			}
			if got, _ := s.Workspace(); len(got.Accounts)+len(got.People)+len(got.Team) != 0 {
				t.Errorf("a refused import wrote %d accounts, %d people, %d team members", len(got.Accounts), len(got.People), len(got.Team))
			}
		})
	}
	// The unchanged workspace imports.
	if err := open(t).Import(base); err != nil {
		t.Errorf("Import of a valid workspace: %v", err)
	}
}

func BenchmarkGenerate(b *testing.B) {
	o := storetest.Options{Accounts: 500, PeoplePerAccount: 40, EventsPerAccount: 10, PromisesPerAccount: 4, Seed: 1}
	for b.Loop() {
		b.StopTimer()
		s, err := store.Open(b.TempDir(), store.Options{NoGC: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := storetest.Generate(s, o); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkWorkspaceRead reads a generated workspace of 20,000 people
// back, as the search and agenda screens do when they open.
func BenchmarkWorkspaceRead(b *testing.B) {
	s, err := store.Open(b.TempDir(), store.Options{NoGC: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := storetest.Generate(s, storetest.Options{Accounts: 500, PeoplePerAccount: 40, EventsPerAccount: 10, PromisesPerAccount: 4, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Workspace(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGenerateProposals: with Proposals, Generate adds the library and
// the proposals, every one valid and saved as it was made; the rest of
// the workspace is what it is without them.
func TestGenerateProposals(t *testing.T) {
	o := small
	o.Proposals = 40
	if !reflect.DeepEqual(storetest.Workspace(o), storetest.Workspace(small)) {
		t.Fatal("asking for proposals changed the workspace")
	}
	w := storetest.Workspace(o)
	lib := storetest.Library()
	want := storetest.Proposals(o, &w, lib)
	if len(want) != 40 || !reflect.DeepEqual(want, storetest.Proposals(o, &w, lib)) {
		t.Fatalf("%d proposals, or not the same twice", len(want))
	}
	statuses := map[proposal.Status]int{}
	for i := range want {
		if err := want[i].Validate(); err != nil {
			t.Errorf("proposal %s does not validate: %v", want[i].ID, err)
		}
		statuses[want[i].Status]++
	}
	if len(statuses) < 3 {
		t.Errorf("statuses %v, want a mix", statuses)
	}
	s := open(t)
	if err := storetest.Generate(s, o); err != nil {
		t.Fatal(err)
	}
	secs, err := s.Sections()
	if err != nil || len(secs) != len(lib) {
		t.Fatalf("%d sections, %v; want %d", len(secs), err, len(lib))
	}
	got, err := s.Proposals("")
	if err != nil || len(got) != len(want) {
		t.Fatalf("%d proposals stored, %v; want %d", len(got), err, len(want))
	}
	// Each can be saved again through the store's checks (its account,
	// team, references and sections exist).
	for i := range got {
		if got[i].Status != proposal.Draft {
			continue
		}
		if err := s.SaveProposal(&got[i]); err != nil {
			t.Errorf("saving generated proposal %s: %v", got[i].ID, err)
		}
	}
}
