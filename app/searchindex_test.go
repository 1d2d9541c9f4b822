package app

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Müller", "muller"}, {"ÉLODIE Ångström", "elodie angstrom"}, {"Straße", "strasse"}, {"Søren Łukasz", "soren lukasz"},
		{"Ёлкин Дмитрий", "елкин дмитрии"}, {"O’Connell", "o'connell"}, {"Line\nbreak\ttab", "line break tab"},
		{"Mu\u0308ller", "muller"}, {"Zoë", "zoe"}, {"İstanbul", "istanbul"},
	} {
		var b strings.Builder
		foldInto(&b, c.in)
		if got := b.String(); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestQueryWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil}, {"   ", nil}, {"Anna", []string{"anna"}}, {"anna  ANNA", []string{"anna"}},
		{"ann anna k", []string{"anna", "k"}}, {"Head of  Müller", []string{"muller", "head", "of"}},
	} {
		if got := queryWords(c.in); !slices.Equal(got, c.want) {
			t.Errorf("queryWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// smallIndex indexes a handful of people whose names and hobbies test
// the ranking.
func smallIndex() *searchIndex {
	ws := &dossier.Workspace{
		Accounts: []dossier.Account{
			{ID: "keller", Name: "Keller Logistics", Industry: "Logistics"},
			{ID: "orchard", Name: "Orchard Müller Foods", Industry: "Food processing", Notes: "Anna Keller introduced us."},
		},
		People: []dossier.Person{
			{ID: "petra", AccountID: "keller", Name: "Petra Novak", Position: "Buyer", Hobbies: "Trekking to the Annapurna base camp every other year, with her brother."},
			{ID: "hanna", AccountID: "keller", Name: "Hanna Schmidt", Position: "Finance Director"},
			{ID: "adrianna", AccountID: "keller", Name: "Adrianna Lopez", Position: "Buyer"},
			{ID: "boris", AccountID: "orchard", Name: "Boris Annan", Position: "Head of Engineering"},
			{ID: "anna", AccountID: "orchard", Name: "Anna Keller", Position: "Managing Director", Email: "anna.keller@orchard.example"},
			{ID: "jurgen", AccountID: "orchard", Name: "Jürgen Müller", Position: "Head of Quality"},
		},
	}
	return newSearchIndex(ws)
}

// names lists what the hits are, by name.
func names(x *searchIndex, hits []searchHit) []string {
	var out []string
	for _, h := range hits {
		if p := x.hitPerson(h); p != nil {
			out = append(out, p.Name)
		} else {
			out = append(out, x.hitAccount(h).Name)
		}
	}
	return out
}

func TestSearchRanks(t *testing.T) {
	x := smallIndex()
	for _, c := range []struct {
		q             string
		accounts, ppl []string
		field         searchField // of the last person
		before, shown string      // the snippet of the last person
	}{
		// Name starts with it, then a later word of the name, then inside
		// a name, then another field.
		{q: "anna", accounts: []string{"Orchard Müller Foods"}, ppl: []string{"Anna Keller", "Boris Annan", "Adrianna Lopez", "Hanna Schmidt", "Petra Novak"},
			field: inHobbies, before: "Trekking to the ", shown: "Anna"},
		{q: "keller", accounts: []string{"Keller Logistics", "Orchard Müller Foods"}, ppl: []string{"Anna Keller", "Adrianna Lopez", "Hanna Schmidt", "Petra Novak"},
			field: inAccount, before: "", shown: "Keller"},
		{q: "MULLER", accounts: []string{"Orchard Müller Foods"}, ppl: []string{"Jürgen Müller", "Anna Keller", "Boris Annan"},
			field: inAccount, before: "Orchard ", shown: "Müller"},
		{q: "director keller", ppl: []string{"Anna Keller", "Hanna Schmidt"}, field: inPosition, before: "Finance ", shown: "Director"},
		{q: "head engineering orchard", ppl: []string{"Boris Annan"}, field: inPosition, before: "Head of ", shown: "Engineering"},
		{q: "orchard.example", ppl: []string{"Anna Keller"}, field: inEmail, before: "anna.keller@", shown: "orchard.example"},
		{q: "nobody"},
	} {
		res := x.search(c.q)
		gotA, gotP := names(x, res.hits[:res.accounts]), names(x, res.people())
		if !slices.Equal(gotA, c.accounts) || !slices.Equal(gotP, c.ppl) {
			t.Errorf("search(%q) = %q, %q; want %q, %q", c.q, gotA, gotP, c.accounts, c.ppl)
			continue
		}
		if len(c.ppl) == 0 {
			continue
		}
		h := res.people()[len(c.ppl)-1]
		before, shown, _ := x.snippet(h, 80)
		if h.field != c.field || before != c.before || shown != c.shown {
			t.Errorf("search(%q): last person shows field %d %q[%q]; want field %d %q[%q]", c.q, h.field, before, shown, c.field, c.before, c.shown)
		}
	}
}

func TestSnippetCutsLongText(t *testing.T) {
	notes := strings.Repeat("Lorem ipsum dolor sit amet. ", 20) + "Mentioned the Gärtner project.\n\nThen " + strings.Repeat("more words ", 30)
	x := newSearchIndex(&dossier.Workspace{Accounts: []dossier.Account{{ID: "a", Name: "Acme"}},
		People: []dossier.Person{{ID: "p", AccountID: "a", Name: "Pat Doe", Notes: notes}}})
	res := x.search("gartner")
	if len(res.hits) != 1 {
		t.Fatalf("%d hits, want 1", len(res.hits))
	}
	before, shown, after := x.snippet(res.hits[0], 60)
	if !strings.HasPrefix(before, "…") || !strings.HasSuffix(before, "the ") || shown != "Gärtner" ||
		!strings.HasPrefix(after, " project. Then more") || !strings.HasSuffix(after, "…") {
		t.Errorf("snippet = %q %q %q; want …the [Gärtner] project. Then more…", before, shown, after)
	}
	if n := len([]rune(before + shown + after)); n > 62 {
		t.Errorf("snippet is %d characters, want about 60", n)
	}
}

// TestSearchNarrowsCorrectly types queries letter by letter, as a user
// does, and checks that the narrowed searches find what a fresh search
// finds.
func TestSearchNarrowsCorrectly(t *testing.T) {
	ws := storetest.Workspace(storetest.Options{Accounts: 20, PeoplePerAccount: 20, Seed: 5})
	typed, fresh := newSearchIndex(&ws), newSearchIndex(&ws)
	for _, q := range []string{"müller finance", "anna", "head of eng", "director golf", "x"} {
		for i := range len(q) + 1 {
			prefix := q[:i]
			if !strings.HasSuffix(prefix, "\xc3") { // not inside ü
				got := typed.search(prefix)
				gotNames, gotN := names(typed, got.hits), got.accounts
				fresh.lastWords = nil
				want := fresh.search(prefix)
				if wantNames := names(fresh, want.hits); !slices.Equal(gotNames, wantNames) || gotN != want.accounts {
					t.Fatalf("typing %q: found %d (%d accounts), a fresh search %d (%d accounts)", prefix, len(gotNames), gotN, len(wantNames), want.accounts)
				}
			}
		}
		// and deleting back
		for i := len(q); i >= 0; i-- {
			if got, want := len(typed.search(q[:i]).hits), len(newSearchIndex(&ws).search(q[:i]).hits); got != want {
				t.Fatalf("deleting back to %q: %d hits, want %d", q[:i], got, want)
			}
		}
	}
}

// The benchmarks search a workspace of 500 accounts of 40 people each.
var (
	benchOnce sync.Once
	benchWS   dossier.Workspace
)

func benchWorkspace() *dossier.Workspace {
	benchOnce.Do(func() {
		benchWS = storetest.Workspace(storetest.Options{Accounts: 500, PeoplePerAccount: 40, Seed: 1})
	})
	return &benchWS
}

func BenchmarkIndexBuild(b *testing.B) {
	ws := benchWorkspace()
	b.ReportAllocs()
	for b.Loop() {
		newSearchIndex(ws)
	}
}

// BenchmarkSearch runs each query afresh, as if typed or pasted at once:
// the slowest case, as typing on narrows the search to the last matches.
func BenchmarkSearch(b *testing.B) {
	x := newSearchIndex(benchWorkspace())
	for _, q := range []string{"e", "muller", "finance golf", "head engineering chess"} {
		words := len(strings.Fields(q))
		b.Run(fmt.Sprintf("%dw/%s", words, strings.ReplaceAll(q, " ", "_")), func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				x.lastWords = nil
				n = len(x.search(q).hits)
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkTyping types a query letter by letter; ns/op is per keystroke.
func BenchmarkTyping(b *testing.B) {
	x := newSearchIndex(benchWorkspace())
	q := "head engineering chess"
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i = i%len(q) + 1
		x.search(q[:i])
	}
}
