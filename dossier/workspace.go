package dossier

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
)

// Workspace is every dossier record of a workspace at one moment: what the
// agenda, search and the sample workspace work on.
type Workspace struct {
	Rules      Rules        `json:"rules"`
	Accounts   []Account    `json:"accounts"`
	People     []Person     `json:"people"`
	Team       []TeamMember `json:"team"`
	References []Reference  `json:"references"`
	Events     []Event      `json:"events"`
	Promises   []Promise    `json:"promises"`
}

// Account returns the account with id. It looks at every account before
// it: a caller that looks up many builds a map.
func (w *Workspace) Account(id string) (*Account, bool) {
	for i := range w.Accounts {
		if w.Accounts[i].ID == id {
			scanned.Add(int64(i + 1))
			return &w.Accounts[i], true
		}
	}
	scanned.Add(int64(len(w.Accounts)))
	return nil, false
}

// Person returns the person with id. It looks at every person before it:
// a caller that looks up many builds a map.
func (w *Workspace) Person(id string) (*Person, bool) {
	for i := range w.People {
		if w.People[i].ID == id {
			scanned.Add(int64(i + 1))
			return &w.People[i], true
		}
	}
	scanned.Add(int64(len(w.People)))
	return nil, false
}

// scanned counts the records Account and Person look at.
var scanned atomic.Int64

// Scanned returns how many records Workspace.Account and Workspace.Person
// have looked at since the program started: a count of work, for the
// tests that check a command's cost grows no faster than the workspace
// (a lookup in a loop over the records is the usual quadratic path).
func Scanned() int64 { return scanned.Load() }

// PeopleByAccount returns the people of every account, by account ID, in
// the order of w.People: one pass, where PeopleOf for every account
// would read everybody once per account.
func (w *Workspace) PeopleByAccount() map[string][]Person {
	// Counted first, then copied once into one array cut in runs (each
	// run's capacity ends where it does, so an append copies it): at
	// 100,000 people, appending to each account's slice copied them
	// several times over and was a third of `kamdesk account list`.
	count := map[string]int{}
	for i := range w.People {
		count[w.People[i].AccountID]++
	}
	next := make(map[string]int, len(count))
	end := 0
	for acct, n := range count {
		next[acct] = end
		end += n
	}
	all := make([]Person, len(w.People))
	for i := range w.People {
		acct := w.People[i].AccountID
		all[next[acct]] = w.People[i]
		next[acct]++
	}
	out := make(map[string][]Person, len(count))
	for acct, n := range count {
		end := next[acct]
		out[acct] = all[end-n : end : end]
	}
	return out
}

// SortPeople orders people the way a dossier shows a decision-making group:
// decision makers and high influence first, then by name.
func SortPeople(people []Person) {
	var s PeopleSorter
	for i := range people {
		s.Add(&people[i])
	}
	permute(people, s.keys)
}

// A PeopleSorter gives the order of SortPeople for people seen one at a
// time and not held (the people list's --json at 100,000 people).
type PeopleSorter struct{ keys []sortKey }

// Add notes the next person, p, which is not kept.
func (s *PeopleSorter) Add(p *Person) {
	s.keys = append(s.keys, sortKey{len(s.keys), roleRank(p.Role), -influenceRank(p.Influence), 0, strings.ToLower(p.Name)})
}

// Grow makes room for n more people without growing again: the parts of
// 100,000 people appended one after the other copied their keys (a
// string each, so under the collector's write barriers) into ever bigger
// new memory, a tenth of `person list --json` on one core.
func (s *PeopleSorter) Grow(n int) { s.keys = slices.Grow(s.keys, n) }

// Append notes the people noted in o after those noted in s, as if they
// had been added to s in turn.
func (s *PeopleSorter) Append(o *PeopleSorter) {
	base := len(s.keys)
	for _, k := range o.keys {
		k.at += base
		s.keys = append(s.keys, k)
	}
}

// Order returns the people added in SortPeople's order, as the numbers of
// their turns to Add (from 0).
func (s *PeopleSorter) Order() []int {
	sortKeys(s.keys)
	order := make([]int, len(s.keys))
	for i, k := range s.keys {
		order[i] = k.at
	}
	return order
}

// sortKey is what the dossier's orders compare of a record, worked out
// once a record rather than twice a comparison, and where the record is:
// sorting the keys and then moving each record once is many times faster
// than sorting the records (hundreds of bytes each) themselves.
type sortKey struct {
	at     int
	a, b   int
	share  float64
	folded string // the lowercased name
}

// permute sorts the keys stably (by a, b, share descending, then folded)
// and puts recs in their order.
func permute[T any](recs []T, keys []sortKey) {
	sortKeys(keys)
	reorder(recs, func(i int) int { return keys[i].at })
}

// sortKeys sorts keys stably by a, b, share descending, then folded: as
// every key's at is its place before the sort, ties go by at, which is
// the stable sort's order at the unstable sort's speed
// (TestSortKeysIsTheStableSort). Many keys are sorted in two halves at
// once, then merged: at 100,000 people half the time on two cores.
func sortKeys(keys []sortKey) {
	byKeyThenAt := func(x, y sortKey) int {
		if c := compareKeys(x, y); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	}
	if len(keys) < 1<<14 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(keys, byKeyThenAt)
		return
	}
	mid := len(keys) / 2
	done := make(chan struct{})
	go func() {
		defer close(done)
		slices.SortFunc(keys[:mid], byKeyThenAt)
	}()
	slices.SortFunc(keys[mid:], byKeyThenAt)
	<-done
	merged := make([]sortKey, 0, len(keys))
	i, j := 0, mid
	for i < mid && j < len(keys) {
		if byKeyThenAt(keys[i], keys[j]) <= 0 {
			merged = append(merged, keys[i])
			i++
		} else {
			merged = append(merged, keys[j])
			j++
		}
	}
	merged = append(append(merged, keys[i:mid]...), keys[j:]...)
	copy(keys, merged)
}

func compareKeys(x, y sortKey) int {
	if c := cmp.Compare(x.a, y.a); c != 0 {
		return c
	}
	if c := cmp.Compare(x.b, y.b); c != 0 {
		return c
	}
	if c := cmp.Compare(y.share, x.share); c != 0 {
		return c
	}
	return strings.Compare(x.folded, y.folded)
}

// reorder puts recs in the order of their positions at(0), at(1), …, a
// permutation, in place: each record is moved once along the cycles of
// the permutation, without a second slice of them (20 MB for the agenda
// of 100,000 people).
func reorder[T any](recs []T, at func(i int) int) {
	done := make([]bool, len(recs))
	for start := range recs {
		if done[start] {
			continue
		}
		first := recs[start]
		j := start
		for {
			done[j] = true
			k := at(j)
			if k == start {
				recs[j] = first
				break
			}
			recs[j] = recs[k]
			j = k
		}
	}
}

func roleRank(r BuyingRole) int {
	if i := indexOf(BuyingRoles, r); i >= 0 {
		return i
	}
	return len(BuyingRoles)
}

func influenceRank(i Influence) int { return indexOf(Influences, i) }

// SortAccounts orders accounts by tier, then by share of revenue (largest
// first), then by name.
func SortAccounts(accounts []Account) {
	keys := make([]sortKey, len(accounts))
	for i := range accounts {
		a := &accounts[i]
		keys[i] = sortKey{i, tierRank(a.Tier), 0, a.RevenueShare, strings.ToLower(a.Name)}
	}
	permute(accounts, keys)
}

func tierRank(t Tier) int {
	if i := t.Rank(); i >= 0 {
		return i
	}
	return len(Tiers)
}

// ShiftDates moves every dated plan and event of w by days, leaving
// birthdays alone. The sample workspace uses it to stay current: its dates
// are written relative to an anchor day and moved to today on loading.
func (w *Workspace) ShiftDates(days int) {
	mv := func(d *Date) {
		if !d.IsZero() {
			*d = d.AddDays(days)
		}
	}
	for i := range w.Accounts {
		a := &w.Accounts[i]
		mv(&a.NextTender)
		mv(&a.AnnualReview)
	}
	for i := range w.People {
		p := &w.People[i]
		mv(&p.LastContact)
		mv(&p.NextContact)
	}
	for i := range w.Events {
		mv(&w.Events[i].Date)
	}
	for i := range w.Promises {
		pr := &w.Promises[i]
		mv(&pr.Made)
		mv(&pr.Due)
		mv(&pr.DoneOn)
		for j := range pr.Slips {
			s := &pr.Slips[j]
			mv(&s.On)
			mv(&s.OldDue)
			mv(&s.NewDue)
		}
	}
}
