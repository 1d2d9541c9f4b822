package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The oracle is a brute-force search written plainly from the records,
// without the index: a record matches when every word of the folded
// query is in one of its folded fields. Its rank is the sum over the
// words: 0 when the word starts the name (or title), 1 when it starts a
// later word of it, 2 when it is inside it, 3 when it is only in another
// field. Words that are part of another word of the query do not count.

// oracleRecord is a record as the oracle sees it.
type oracleRecord struct {
	key    string   // kind/ID
	fields []string // folded; the name first
}

func oracleRecords(ws *dossier.Workspace, props []proposal.Proposal, secs []proposal.Section) []oracleRecord {
	accountOf := func(id string) dossier.Account {
		a, _ := ws.Account(id)
		if a == nil {
			return dossier.Account{}
		}
		return *a
	}
	var out []oracleRecord
	add := func(kind Kind, id string, fields ...string) {
		for i, f := range fields {
			fields[i] = dossier.Fold(f)
		}
		out = append(out, oracleRecord{key: fmt.Sprintf("%d/%s", kind, id), fields: fields})
	}
	for _, a := range ws.Accounts {
		add(Account, a.ID, a.Name, a.Industry, a.Segment, strings.Join(a.Competitors, ", "), a.Strategy, a.Goals, a.Notes)
	}
	for _, p := range ws.People {
		a := accountOf(p.AccountID)
		add(Person, p.ID, p.Name, p.Position, p.Department, a.Name, a.Industry, p.Email, p.Hobbies, p.Family, p.Values, p.Notes)
	}
	for _, e := range ws.Events {
		add(Event, e.ID, e.Title, e.Text, accountOf(e.AccountID).Name)
	}
	for _, p := range ws.Promises {
		add(Promise, p.ID, p.Text, accountOf(p.AccountID).Name)
	}
	for _, p := range props {
		add(Proposal, p.ID, p.Title, accountOf(p.AccountID).Name)
	}
	for _, s := range secs {
		add(Section, s.ID, s.Title, s.Body)
	}
	return out
}

// oracleSearch returns the keys of the records matching q, with their rank.
func oracleSearch(recs []oracleRecord, q string) map[string]int {
	all := strings.Fields(dossier.Fold(q))
	var words []string
	for i, w := range all {
		partOfAnother := false
		for j, o := range all {
			if j != i && strings.Contains(o, w) && (o != w || j < i) {
				partOfAnother = true
			}
		}
		if !partOfAnother {
			words = append(words, w)
		}
	}
	found := map[string]int{}
	if len(words) == 0 {
		return found
	}
next:
	for _, r := range recs {
		rank := 0
		for _, w := range words {
			name := r.fields[0]
			switch {
			case strings.HasPrefix(name, w):
			case startsAWord(name, w):
				rank++
			case strings.Contains(name, w):
				rank += 2
			case slices.ContainsFunc(r.fields[1:], func(f string) bool { return strings.Contains(f, w) }):
				rank += 3
			default:
				continue next
			}
		}
		found[r.key] = rank
	}
	return found
}

// startsAWord reports whether w is in name right after a character that
// is neither a letter nor a digit of ASCII, nor any other letter.
func startsAWord(name, w string) bool {
	for i := 1; i < len(name); i++ {
		c := name[i-1]
		sep := c < utf8.RuneSelf && !unicode.IsLetter(rune(c)) && !unicode.IsDigit(rune(c))
		if sep && strings.HasPrefix(name[i:], w) {
			return true
		}
	}
	return false
}

// indexFound is what the index finds for q, as the oracle writes it; it
// also checks that the hits are grouped by kind, each group best first,
// and that each hit shows a word of the query.
func indexFound(t *testing.T, x *Index, q string) map[string]int {
	t.Helper()
	res := x.Search(q)
	found := map[string]int{}
	n := 0
	for _, k := range Kinds {
		last := -1
		for _, h := range res.Of(k) {
			r := x.recs[h.rec]
			if r.kind != k {
				t.Fatalf("Search(%q): a hit of kind %d among kind %d", q, r.kind, k)
			}
			if int(h.rank) < last {
				t.Fatalf("Search(%q): kind %d is not ranked", q, k)
			}
			last = int(h.rank)
			id := map[Kind]string{Account: "", Person: "", Event: "", Promise: "", Proposal: "", Section: ""}
			switch k {
			case Account:
				id[k] = x.Account(h).ID
			case Person:
				id[k] = x.Person(h).ID
			case Event:
				id[k] = x.Event(h).ID
			case Promise:
				id[k] = x.Promise(h).ID
			case Proposal:
				id[k] = x.Proposal(h).ID
			case Section:
				id[k] = x.Section(h).ID
			}
			found[fmt.Sprintf("%d/%s", k, id[k])] = int(h.rank)
			if n++; n%7 == 0 { // the snippets of some
				_, shown, _ := res.Snippet(h, 80)
				if !slices.ContainsFunc(res.Words, func(w string) bool { return strings.Contains(dossier.Fold(shown), w) }) {
					t.Errorf("Search(%q): a hit shows %q, not a word of the query %q", q, shown, res.Words)
				}
			}
		}
	}
	if n != res.Len() {
		t.Fatalf("Search(%q): %d hits in the groups, %d in all", q, n, res.Len())
	}
	return found
}

// randomQuery picks one to three words, or parts of words, from the fields
// of random records, in random case; now and then a random letter.
func randomQuery(rng *rand.Rand, ws *dossier.Workspace, props []proposal.Proposal, secs []proposal.Section) string {
	var texts []string
	pickText := func() string {
		switch rng.IntN(8) {
		case 0:
			a := ws.Accounts[rng.IntN(len(ws.Accounts))]
			return strings.Join([]string{a.Name, a.Industry, a.Strategy, a.Notes}, " ")
		case 1, 2:
			p := ws.People[rng.IntN(len(ws.People))]
			return strings.Join([]string{p.Name, p.Position, p.Department, p.Email, p.Hobbies, p.Family, p.Values, p.Notes}, " ")
		case 3:
			e := ws.Events[rng.IntN(len(ws.Events))]
			return e.Title + " " + e.Text
		case 4:
			return ws.Promises[rng.IntN(len(ws.Promises))].Text
		case 5:
			return props[rng.IntN(len(props))].Title
		case 6:
			s := secs[rng.IntN(len(secs))]
			return s.Title + " " + s.Body
		}
		return string(rune('a' + rng.IntN(26)))
	}
	same := pickText()
	for range 1 + rng.IntN(3) {
		text := same
		if rng.IntN(3) == 0 {
			text = pickText() // words of different records rarely meet
		}
		words := strings.Fields(text)
		if len(words) == 0 {
			continue
		}
		w := []rune(words[rng.IntN(len(words))])
		from := 0
		if rng.IntN(3) == 0 {
			from = rng.IntN(len(w))
		}
		to := from + 1 + rng.IntN(len(w)-from)
		part := string(w[from:to])
		switch rng.IntN(3) {
		case 0:
			part = strings.ToUpper(part)
		case 1:
			part = dossier.Fold(part)
		}
		texts = append(texts, part)
	}
	return strings.Join(texts, " ")
}

// oracleCorpus is a workspace to test against the oracle: generated
// records, proposals to its accounts and the sample's section library;
// or the sample workspace as it is.
func oracleCorpus(t *testing.T, generated bool) (*dossier.Workspace, []proposal.Proposal, []proposal.Section) {
	t.Helper()
	smp, err := store.ParseSample(assets.Sample)
	if err != nil {
		t.Fatal(err)
	}
	if !generated {
		return &smp.Workspace, smp.Proposals, smp.Library
	}
	ws := storetest.Workspace(storetest.Options{Accounts: 24, PeoplePerAccount: 12, EventsPerAccount: 6, PromisesPerAccount: 3, Seed: 11})
	return &ws, proposalsFor(ws.Accounts, 2), smp.Library
}

// proposalsFor invents n proposals to each account.
func proposalsFor(accounts []dossier.Account, n int) []proposal.Proposal {
	topics := []string{"Cold-chain monitoring", "Framework agreement", "Pilot", "Energy retrofit", "Service contract",
		"Controls platform", "Room climate roll-out", "Maintenance renewal", "Phase 2 extension"}
	var out []proposal.Proposal
	for i, a := range accounts {
		for j := range n {
			topic := topics[(i*n+j)%len(topics)]
			out = append(out, proposal.Proposal{ID: fmt.Sprintf("p%d-%d", i, j), AccountID: a.ID,
				Title: fmt.Sprintf("%s for %s, %d", topic, a.Name, 2026+j)})
		}
	}
	return out
}

// TestSearchAgreesWithTheOracle types random queries letter by letter,
// deletes some letters back, and compares every result with a
// brute-force search: the same records, with the same ranks.
func TestSearchAgreesWithTheOracle(t *testing.T) {
	for _, generated := range []bool{false, true} {
		ws, props, secs := oracleCorpus(t, generated)
		recs := oracleRecords(ws, props, secs)
		x := New(ws, props, secs)
		rng := rand.New(rand.NewPCG(7, uint64(len(recs))))
		queries := 150
		if testing.Short() {
			queries = 30
		}
		matched := 0
		check := func(q string) {
			got, want := indexFound(t, x, q), oracleSearch(recs, q)
			if len(want) > 0 {
				matched++
			}
			for k, r := range want {
				if g, ok := got[k]; !ok {
					t.Errorf("Search(%q) misses %s (rank %d)", q, k, r)
				} else if g != r {
					t.Errorf("Search(%q) ranks %s %d, want %d", q, k, g, r)
				}
			}
			for k := range got {
				if _, ok := want[k]; !ok {
					t.Errorf("Search(%q) finds %s, which does not match", q, k)
				}
			}
			if t.Failed() {
				t.FailNow()
			}
		}
		for range queries {
			q := []rune(randomQuery(rng, ws, props, secs))
			for i := range len(q) + 1 {
				check(string(q[:i]))
			}
			for i := len(q) - 1; i >= max(0, len(q)-3); i-- {
				check(string(q[:i]))
			}
		}
		if matched < queries {
			t.Errorf("only %d searches found something: the queries test too little", matched)
		}
	}
}

// TestFoldAgreesWithUnicode checks dossier's folding table against the
// Unicode decompositions it was generated from: below U+2070 a rune
// folds to its lowercase without nonspacing marks (NFD), save for the
// exceptions; above, to its lowercase.
func TestFoldAgreesWithUnicode(t *testing.T) {
	exceptions := map[rune]bool{}
	for _, r := range "ßẞæÆœŒøØłŁđĐðÐþÞıħĦĸŉĲĳĿŀſŊŋŦŧ\u00a0\u2000\u2001\u2018\u2019\u02bc\u201c\u201d\u1fef\u2010\u2011\u2012\u2013\u2014" {
		exceptions[r] = true
	}
	for r := rune(0); r < 0x3000; r++ {
		if exceptions[r] {
			if dossier.FoldRune(r) == string(unicode.ToLower(r)) {
				t.Errorf("FoldRune(%U) = %q: an exception that folds to nothing new", r, dossier.FoldRune(r))
			}
			continue
		}
		want := string(unicode.ToLower(r))
		switch {
		case r >= 0x2070:
		case r < ' ':
			want = " "
		default:
			var base []rune
			for _, d := range norm.NFD.String(want) {
				if !unicode.Is(unicode.Mn, d) {
					base = append(base, d)
				}
			}
			want = string(base)
		}
		if got := dossier.FoldRune(r); got != want {
			t.Errorf("FoldRune(%U %q) = %q, want %q (run go generate in dossier?)", r, r, got, want)
		}
	}
}
