package dossier_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"kamdesk/dossier"
)

func TestShiftDates(t *testing.T) {
	born := dossier.Birthday{Day: 17, Month: time.May, Year: 1980}
	w := &dossier.Workspace{
		Accounts: []dossier.Account{
			{ID: "acme", NextTender: d("2026-11-30"), AnnualReview: d("2026-12-31")},
			{ID: "beta"}, // no dates: stays without dates
		},
		People: []dossier.Person{
			{ID: "anna", Birthday: born, LastContact: d("2026-02-27"), NextContact: d("2026-03-02")},
		},
		Events: []dossier.Event{{ID: "ev", Date: d("2026-02-28")}},
		Promises: []dossier.Promise{{ID: "pr", Made: d("2026-02-20"), Due: d("2026-03-09"),
			Slips: []dossier.Slip{{On: d("2026-03-01"), OldDue: d("2026-03-02"), NewDue: d("2026-03-09")}}}},
	}
	w.ShiftDates(10)

	checks := []struct {
		what string
		got  dossier.Date
		want string
	}{
		{"acme next tender", w.Accounts[0].NextTender, "2026-12-10"},
		{"acme annual review", w.Accounts[0].AnnualReview, "2027-01-10"},
		{"beta next tender", w.Accounts[1].NextTender, ""},
		{"beta annual review", w.Accounts[1].AnnualReview, ""},
		{"anna last contact", w.People[0].LastContact, "2026-03-09"},
		{"anna next contact", w.People[0].NextContact, "2026-03-12"},
		{"event date", w.Events[0].Date, "2026-03-10"},
		{"promise made", w.Promises[0].Made, "2026-03-02"},
		{"promise due", w.Promises[0].Due, "2026-03-19"},
		{"promise done on", w.Promises[0].DoneOn, ""},
		{"slip on", w.Promises[0].Slips[0].On, "2026-03-11"},
		{"slip old due", w.Promises[0].Slips[0].OldDue, "2026-03-12"},
		{"slip new due", w.Promises[0].Slips[0].NewDue, "2026-03-19"},
	}
	for _, c := range checks {
		if c.got.String() != c.want {
			t.Errorf("%s after ShiftDates(10) = %q, want %q", c.what, c.got, c.want)
		}
	}
	if w.People[0].Birthday != born {
		t.Errorf("birthday after ShiftDates(10) = %v, want %v unchanged", w.People[0].Birthday, born)
	}

	w.ShiftDates(-10)
	if got := w.Accounts[0].NextTender.String(); got != "2026-11-30" {
		t.Errorf("next tender after shifting back = %s, want 2026-11-30", got)
	}
	if got := w.People[0].LastContact.String(); got != "2026-02-27" {
		t.Errorf("last contact after shifting back = %s, want 2026-02-27", got)
	}
}

func TestSortPeople(t *testing.T) {
	people := []dossier.Person{
		{ID: "user-zed", Name: "Zed", Role: dossier.RoleUser},
		{ID: "none-amy", Name: "Amy"},
		{ID: "dm-low-bob", Name: "Bob", Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceLow},
		{ID: "infl-high", Name: "Cleo", Role: dossier.RoleInfluencer, Influence: dossier.InfluenceHigh},
		{ID: "dm-high-eva", Name: "eva", Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceHigh},
		{ID: "dm-high-dan", Name: "Dan", Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceHigh},
		{ID: "dm-unknown", Name: "Al", Role: dossier.RoleDecisionMaker},
		{ID: "approver", Name: "Yuri", Role: dossier.RoleApprover, Influence: dossier.InfluenceMedium},
		{ID: "gatekeeper", Name: "Gus", Role: dossier.RoleGatekeeper},
	}
	dossier.SortPeople(people)
	var got []string
	for _, p := range people {
		got = append(got, p.ID)
	}
	want := []string{
		"dm-high-dan", "dm-high-eva", // decision makers, high influence, by name ignoring case
		"dm-low-bob", "dm-unknown", // then lower influence, unknown last
		"approver", "infl-high", "user-zed", "gatekeeper", // roles in the order of the domain
		"none-amy", // no role last
	}
	if !slices.Equal(got, want) {
		t.Errorf("SortPeople order = %v, want %v", got, want)
	}
}

func TestSortAccounts(t *testing.T) {
	accounts := []dossier.Account{
		{ID: "other", Name: "Omega", Tier: dossier.TierOther, RevenueShare: 50},
		{ID: "key-small", Name: "Alpha", Tier: dossier.TierKey, RevenueShare: 5},
		{ID: "unknown-tier", Name: "Aardvark", Tier: "gold", RevenueShare: 90},
		{ID: "crown", Name: "Zulu", Tier: dossier.TierCrownJewel, RevenueShare: 1},
		{ID: "key-big", Name: "Zeta", Tier: dossier.TierKey, RevenueShare: 30},
		{ID: "key-small-b", Name: "beta", Tier: dossier.TierKey, RevenueShare: 5},
		{ID: "valued", Name: "Mid", Tier: dossier.TierValued, RevenueShare: 10},
	}
	dossier.SortAccounts(accounts)
	var got []string
	for _, a := range accounts {
		got = append(got, a.ID)
	}
	want := []string{"crown", "key-big", "key-small", "key-small-b", "valued", "other", "unknown-tier"}
	if !slices.Equal(got, want) {
		t.Errorf("SortAccounts order = %v, want %v", got, want)
	}
}

func TestWorkspaceLookups(t *testing.T) {
	w := sampleWorkspace()
	a, ok := w.Account("beta")
	if !ok || a.Name != "Beta" {
		t.Fatalf("Account(beta) = %v, %v; want Beta, true", a, ok)
	}
	a.Name = "Beta Group"
	if w.Accounts[1].Name != "Beta Group" {
		t.Errorf("change through Account() pointer not visible: %q, want %q", w.Accounts[1].Name, "Beta Group")
	}
	if a, ok := w.Account("nope"); ok || a != nil {
		t.Errorf("Account(nope) = %v, %v; want nil, false", a, ok)
	}
	p, ok := w.Person("dora")
	if !ok || p.Name != "Dora Falk" {
		t.Fatalf("Person(dora) = %v, %v; want Dora Falk, true", p, ok)
	}
	if p, ok := w.Person(""); ok || p != nil {
		t.Errorf("Person(\"\") = %v, %v; want nil, false", p, ok)
	}
	var ids []string
	byAccount := w.PeopleByAccount()
	for _, p := range byAccount["beta"] {
		ids = append(ids, p.ID)
	}
	if want := []string{"fay", "dora", "eve"}; !slices.Equal(ids, want) {
		t.Errorf("PeopleByAccount()[beta] = %v, want %v", ids, want)
	}
	if got := byAccount["gamma"]; len(got) != 0 {
		t.Errorf("PeopleByAccount()[gamma] = %v, want none", got)
	}
	// The runs share one array: appending to one must not write over
	// another's people.
	before := map[string][]string{}
	for acct, people := range byAccount {
		for _, p := range people {
			before[acct] = append(before[acct], p.ID)
		}
	}
	for acct := range byAccount {
		_ = append(byAccount[acct], dossier.Person{ID: "intruder"})
	}
	for acct, people := range byAccount {
		var ids []string
		for _, p := range people {
			ids = append(ids, p.ID)
		}
		if !slices.Equal(ids, before[acct]) {
			t.Errorf("after appending to every account's people, %s has %v, want %v", acct, ids, before[acct])
		}
	}
}

func TestWorkspaceJSONRoundTrip(t *testing.T) {
	w := sampleWorkspace()
	w.People[0].NPS = dossier.IntPtr(9)
	b, err := json.Marshal(w)
	if err != nil {
		t.Fatalf("Marshal error = %v", err)
	}
	var back dossier.Workspace
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("Unmarshal error = %v", err)
	}
	if got := back.Accounts[0].NextTender.String(); got != "2026-03-20" {
		t.Errorf("next tender after round trip = %q, want 2026-03-20", got)
	}
	if got := back.Accounts[3].AnnualReview; !got.IsZero() {
		t.Errorf("unset annual review after round trip = %q, want unset", got)
	}
	if got := back.People[0].Birthday; got != w.People[0].Birthday {
		t.Errorf("birthday after round trip = %v, want %v", got, w.People[0].Birthday)
	}
	if got := back.People[1].Birthday.String(); got != "--03-02" {
		t.Errorf("birthday without year after round trip = %q, want --03-02", got)
	}
	if back.People[0].NPS == nil || *back.People[0].NPS != 9 {
		t.Errorf("NPS after round trip = %v, want 9", back.People[0].NPS)
	}
	if back.People[1].NPS != nil {
		t.Errorf("unset NPS after round trip = %v, want nil", *back.People[1].NPS)
	}
	if got, want := agendaKeys(dossier.Agenda(&back, d("2026-03-02"))), agendaKeys(dossier.Agenda(w, d("2026-03-02"))); !slices.Equal(got, want) {
		t.Errorf("agenda after round trip = %v, want %v", got, want)
	}
}

// TestSortsMatchTheirComparisons: SortPeople and SortAccounts sort by keys
// worked out once; the order is the stable order of the comparisons they
// document, ties and case included.
func TestSortsMatchTheirComparisons(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	names := []string{"Ann", "ann", "Bob", "bob", "Émile", "Zoë", "zed", "Carl", "carl", "Dana"}
	var people []dossier.Person
	var accounts []dossier.Account
	for i := range 3000 {
		people = append(people, dossier.Person{ID: fmt.Sprint("p", i), Name: names[rng.IntN(len(names))],
			Role: slices.Concat(dossier.BuyingRoles, []dossier.BuyingRole{""})[rng.IntN(len(dossier.BuyingRoles)+1)], Influence: slices.Concat(dossier.Influences, []dossier.Influence{""})[rng.IntN(len(dossier.Influences)+1)]})
		accounts = append(accounts, dossier.Account{ID: fmt.Sprint("a", i), Name: names[rng.IntN(len(names))],
			Tier: slices.Concat(dossier.Tiers, []dossier.Tier{""})[rng.IntN(len(dossier.Tiers)+1)], RevenueShare: float64(rng.IntN(4))})
	}
	wantPeople := slices.Clone(people)
	slices.SortStableFunc(wantPeople, comparePeople)
	dossier.SortPeople(people)
	for i := range people {
		if people[i].ID != wantPeople[i].ID {
			t.Fatalf("person %d is %s, want %s", i, people[i].ID, wantPeople[i].ID)
		}
	}
	wantAccounts := slices.Clone(accounts)
	slices.SortStableFunc(wantAccounts, compareAccounts)
	dossier.SortAccounts(accounts)
	for i := range accounts {
		if accounts[i].ID != wantAccounts[i].ID {
			t.Fatalf("account %d is %s, want %s", i, accounts[i].ID, wantAccounts[i].ID)
		}
	}
}

// comparePeople is the order SortPeople documents, compared directly.
func comparePeople(a, b dossier.Person) int {
	rank := func(r dossier.BuyingRole) int {
		if i := slices.Index(dossier.BuyingRoles, r); i >= 0 {
			return i
		}
		return len(dossier.BuyingRoles)
	}
	if c := cmp.Compare(rank(a.Role), rank(b.Role)); c != 0 {
		return c
	}
	if c := cmp.Compare(slices.Index(dossier.Influences, b.Influence), slices.Index(dossier.Influences, a.Influence)); c != 0 {
		return c
	}
	return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
}

// compareAccounts is the order SortAccounts documents, compared directly.
func compareAccounts(a, b dossier.Account) int {
	rank := func(t dossier.Tier) int {
		if i := t.Rank(); i >= 0 {
			return i
		}
		return len(dossier.Tiers)
	}
	if c := cmp.Compare(rank(a.Tier), rank(b.Tier)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.RevenueShare, a.RevenueShare); c != 0 {
		return c
	}
	return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
}

// BenchmarkSortPeople sorts 100,000 people in random order: Keys is
// SortPeople, Compare sorting the records with the comparison (as
// SortPeople did).
func BenchmarkSortPeople(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	people := make([]dossier.Person, 100_000)
	for i := range people {
		people[i] = dossier.Person{ID: fmt.Sprint("p", i), Name: fmt.Sprintf("Person %d", rng.IntN(50000)),
			Role:      dossier.BuyingRoles[rng.IntN(len(dossier.BuyingRoles))],
			Influence: dossier.Influences[rng.IntN(len(dossier.Influences))],
			Notes:     strings.Repeat("n", 300)}
	}
	work := make([]dossier.Person, len(people))
	b.Run("Keys", func(b *testing.B) {
		for b.Loop() {
			copy(work, people)
			dossier.SortPeople(work)
		}
	})
	b.Run("Compare", func(b *testing.B) {
		for b.Loop() {
			copy(work, people)
			slices.SortStableFunc(work, comparePeople)
		}
	})
}
