package search

import (
	"slices"
	"strings"
	"testing"

	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func TestFoldAppend(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Müller", "muller"}, {"ÉLODIE Ångström", "elodie angstrom"}, {"Straße", "strasse"}, {"Søren Łukasz", "soren lukasz"},
		{"Ёлкин Дмитрий", "елкин дмитрии"}, {"O’Connell", "o'connell"}, {"Line\nbreak\ttab", "line break tab"},
		{"Mu\u0308ller", "muller"}, {"Zoë", "zoe"}, {"İstanbul", "istanbul"},
	} {
		if got := string(foldAppend(nil, c.in)); got != c.want {
			t.Errorf("foldAppend(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := dossier.Fold(c.in); got != c.want {
			t.Errorf("dossier.Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The ASCII shortcut folds as dossier does.
	for c := range rune(0x80) {
		if got, want := string(foldAppend(nil, string(c))), dossier.FoldRune(c); got != want {
			t.Errorf("foldAppend(%q) = %q, dossier.FoldRune %q", c, got, want)
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

// smallIndex indexes a handful of records whose names and hobbies test
// the ranking.
func smallIndex() *Index {
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
		Events: []dossier.Event{
			{ID: "kickoff", AccountID: "orchard", Kind: dossier.EventMeeting, Date: dossier.MustDate("2026-10-01"),
				Title: "Kick-off with Anna", Text: "Cold-chain audit agreed."},
			{ID: "call", AccountID: "keller", Kind: dossier.EventCall, Date: dossier.MustDate("2026-11-02"),
				Title: "Call about the depot", Text: "Hanna wants a cold-chain pilot."},
		},
		Promises: []dossier.Promise{{ID: "audit", AccountID: "orchard", Text: "Send the cold-chain audit plan"}},
	}
	props := []proposal.Proposal{{ID: "pilot", AccountID: "keller", Title: "Cold-chain pilot for the Leeds depot"}}
	secs := []proposal.Section{{ID: "cover", Title: "Covering letter", Body: "Dear {{client}},\n\nThank you for the cold-chain workshop."}}
	return New(ws, props, secs)
}

// names lists what the hits are, by name or title.
func names(x *Index, hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, x.field(x.Kind(h), int(x.recs[h.rec].item), kindFields[x.Kind(h)][0]))
	}
	return out
}

func TestSearchRanks(t *testing.T) {
	x := smallIndex()
	for _, c := range []struct {
		q             string
		accounts, ppl []string
		field         Field  // of the last person
		before, shown string // the snippet of the last person
	}{
		// Name starts with it, then a later word of the name, then inside
		// a name, then another field.
		{q: "anna", accounts: []string{"Orchard Müller Foods"}, ppl: []string{"Anna Keller", "Boris Annan", "Adrianna Lopez", "Hanna Schmidt", "Petra Novak"},
			field: Hobbies, before: "Trekking to the ", shown: "Anna"},
		{q: "keller", accounts: []string{"Keller Logistics", "Orchard Müller Foods"}, ppl: []string{"Anna Keller", "Adrianna Lopez", "Hanna Schmidt", "Petra Novak"},
			field: AccountName, before: "", shown: "Keller"},
		{q: "MULLER", accounts: []string{"Orchard Müller Foods"}, ppl: []string{"Jürgen Müller", "Anna Keller", "Boris Annan"},
			field: AccountName, before: "Orchard ", shown: "Müller"},
		{q: "director keller", ppl: []string{"Anna Keller", "Hanna Schmidt"}, field: Position, before: "Finance ", shown: "Director"},
		{q: "head engineering orchard", ppl: []string{"Boris Annan"}, field: Position, before: "Head of ", shown: "Engineering"},
		{q: "orchard.example", ppl: []string{"Anna Keller"}, field: Email, before: "anna.keller@", shown: "orchard.example"},
		{q: "nobody"},
	} {
		res := x.Search(c.q)
		gotA, gotP := names(x, res.Of(Account)), names(x, res.Of(Person))
		if !slices.Equal(gotA, c.accounts) || !slices.Equal(gotP, c.ppl) {
			t.Errorf("Search(%q) = %q, %q; want %q, %q", c.q, gotA, gotP, c.accounts, c.ppl)
			continue
		}
		if len(c.ppl) == 0 {
			continue
		}
		h := res.Of(Person)[len(c.ppl)-1]
		before, shown, _ := res.Snippet(h, 80)
		if res.Field(h) != c.field || before != c.before || shown != c.shown {
			t.Errorf("Search(%q): last person shows field %d %q[%q]; want field %d %q[%q]", c.q, res.Field(h), before, shown, c.field, c.before, c.shown)
		}
	}
}

// TestSearchFindsEveryKind finds events, promises, proposals and library
// sections, grouped in the order of Kinds, each group ranked.
func TestSearchFindsEveryKind(t *testing.T) {
	x := smallIndex()
	res := x.Search("cold-chain")
	want := map[Kind][]string{
		Event:    {"Call about the depot", "Kick-off with Anna"}, // newest first within a rank
		Promise:  {"Send the cold-chain audit plan"},
		Proposal: {"Cold-chain pilot for the Leeds depot"},
		Section:  {"Covering letter"},
	}
	for _, k := range Kinds {
		if got := names(x, res.Of(k)); !slices.Equal(got, want[k]) {
			t.Errorf("Search(cold-chain) finds %q of kind %d, want %q", got, k, want[k])
		}
	}
	if res.Len() != 5 || len(res.Hits()) != 5 {
		t.Errorf("Search(cold-chain) finds %d, want 5", res.Len())
	}
	for _, c := range []struct {
		q, account   string
		kind         Kind
		field        Field
		before, show string
	}{
		{"leeds", "Keller Logistics", Proposal, Title, "Cold-chain pilot for the ", "Leeds"},
		{"workshop", "", Section, Body, "…you for the cold-chain ", "workshop"},
		{"orchard plan", "Orchard Müller Foods", Promise, AccountName, "", "Orchard"},
		{"pilot hanna", "Keller Logistics", Event, Text, "Hanna wants a cold-chain ", "pilot"},
	} {
		res := x.Search(c.q)
		hits := res.Of(c.kind)
		if len(hits) != 1 || res.Len() != 1 {
			t.Errorf("Search(%q) finds %d of kind %d, %d in all; want 1", c.q, len(hits), c.kind, res.Len())
			continue
		}
		h := hits[0]
		acct := ""
		if a := x.Account(h); a != nil {
			acct = a.Name
		}
		before, shown, _ := res.Snippet(h, 80)
		if x.Kind(h) != c.kind || acct != c.account || res.Field(h) != c.field || before != c.before || shown != c.show {
			t.Errorf("Search(%q) = kind %d of %q, field %d %q[%q]; want kind %d of %q, field %d %q[%q]",
				c.q, x.Kind(h), acct, res.Field(h), before, shown, c.kind, c.account, c.field, c.before, c.show)
		}
	}
	if h := x.Search("leeds").Of(Proposal)[0]; x.Proposal(h) == nil || x.Proposal(h).ID != "pilot" || x.Person(h) != nil || x.Section(h) != nil {
		t.Errorf("a proposal's hit does not give the proposal alone")
	}
	if h := x.Search("workshop").Of(Section)[0]; x.Section(h) == nil || x.Section(h).ID != "cover" || x.Account(h) != nil {
		t.Errorf("a section's hit does not give the section alone")
	}
	if h := x.Search("kick").Of(Event)[0]; x.Event(h) == nil || x.Event(h).ID != "kickoff" || x.Promise(h) != nil {
		t.Errorf("an event's hit does not give the event alone")
	}
}

func TestSnippetCutsLongText(t *testing.T) {
	notes := strings.Repeat("Lorem ipsum dolor sit amet. ", 20) + "Mentioned the Gärtner project.\n\nThen " + strings.Repeat("more words ", 30)
	x := New(&dossier.Workspace{Accounts: []dossier.Account{{ID: "a", Name: "Acme"}},
		People: []dossier.Person{{ID: "p", AccountID: "a", Name: "Pat Doe", Notes: notes}}}, nil, nil)
	res := x.Search("gartner")
	if res.Len() != 1 {
		t.Fatalf("%d hits, want 1", res.Len())
	}
	before, shown, after := res.Snippet(res.Hits()[0], 60)
	if !strings.HasPrefix(before, "…") || !strings.HasSuffix(before, "the ") || shown != "Gärtner" ||
		!strings.HasPrefix(after, " project. Then more") || !strings.HasSuffix(after, "…") {
		t.Errorf("snippet = %q %q %q; want …the [Gärtner] project. Then more…", before, shown, after)
	}
	if n := len([]rune(before + shown + after)); n > 62 {
		t.Errorf("snippet is %d characters, want about 60", n)
	}
}

// TestSearchWhileTyping types queries letter by letter, as a user does,
// and checks that the searches, which reuse what the last one found, find
// what a fresh search finds.
func TestSearchWhileTyping(t *testing.T) {
	ws := storetest.Workspace(storetest.Options{Accounts: 20, PeoplePerAccount: 20, EventsPerAccount: 5, Seed: 5})
	typed, fresh := New(&ws, nil, nil), New(&ws, nil, nil)
	for _, q := range []string{"müller finance", "anna", "head of eng", "director golf", "x"} {
		for i := range len(q) + 1 {
			prefix := q[:i]
			if !strings.HasSuffix(prefix, "\xc3") { // not inside ü
				got := typed.Search(prefix)
				gotNames := names(typed, got.Hits())
				fresh.lastWords = nil
				fresh.keepSets(nil)
				want := fresh.Search(prefix)
				if wantNames := names(fresh, want.Hits()); !slices.Equal(gotNames, wantNames) || got.groups != want.groups {
					t.Fatalf("typing %q: found %d (%v), a fresh search %d (%v)", prefix, len(gotNames), got.groups, len(wantNames), want.groups)
				}
			}
		}
		// and deleting back
		for i := len(q); i >= 0; i-- {
			if got, want := typed.Search(q[:i]).Len(), New(&ws, nil, nil).Search(q[:i]).Len(); got != want {
				t.Fatalf("deleting back to %q: %d hits, want %d", q[:i], got, want)
			}
		}
	}
}
