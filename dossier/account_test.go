package dossier_test

import (
	"strconv"
	"testing"

	"kamdesk/dossier"
)

func TestAccountMonoDependent(t *testing.T) {
	tests := []struct {
		name  string
		share float64
		rules dossier.Rules
		want  bool
	}{
		{"default, well below", 30, dossier.Rules{}, false},
		{"default, at 75", 75, dossier.Rules{}, false},
		{"default, above 75", 75.1, dossier.Rules{}, true},
		{"default, all revenue", 100, dossier.Rules{}, true},
		{"explicit defaults, at 75", 75, dossier.DefaultRules(), false},
		{"explicit defaults, 76", 76, dossier.DefaultRules(), true},
		{"custom 50, at 50", 50, dossier.Rules{MonoDependencePercent: 50}, false},
		{"custom 50, 50.5", 50.5, dossier.Rules{MonoDependencePercent: 50}, true},
		{"custom 50, 60", 60, dossier.Rules{MonoDependencePercent: 50}, true},
		{"custom 90, 80", 80, dossier.Rules{MonoDependencePercent: 90}, false},
		{"no revenue", 0, dossier.Rules{}, false},
	}
	for _, tt := range tests {
		a := dossier.Account{Name: "Acme", Tier: dossier.TierKey, RevenueShare: tt.share}
		if got := a.MonoDependent(tt.rules); got != tt.want {
			t.Errorf("%s: MonoDependent() with share %v = %v, want %v", tt.name, tt.share, got, tt.want)
		}
	}
}

func TestAccountHas(t *testing.T) {
	a := dossier.Account{Criteria: []dossier.Criterion{dossier.CriterionBrand, dossier.CriterionUnhappy}}
	for _, c := range dossier.Criteria {
		want := c == dossier.CriterionBrand || c == dossier.CriterionUnhappy
		if got := a.Has(c); got != want {
			t.Errorf("Has(%q) = %v, want %v", c, got, want)
		}
	}
}

func TestAccountTenderPrepStart(t *testing.T) {
	tests := []struct {
		name   string
		tender string
		months int // account override
		rules  dossier.Rules
		want   string
	}{
		{"default 9 months", "2026-10-15", 0, dossier.Rules{}, "2026-01-15"},
		{"default, month end", "2026-11-30", 0, dossier.Rules{}, "2026-02-28"},
		{"default, month end in leap year", "2028-11-30", 0, dossier.Rules{}, "2028-02-29"},
		{"default, 31st to 30-day month", "2027-03-31", 0, dossier.Rules{}, "2026-06-30"},
		{"workspace rule 6", "2026-10-15", 0, dossier.Rules{TenderPrepMonths: 6}, "2026-04-15"},
		{"account override 3", "2026-10-15", 3, dossier.Rules{}, "2026-07-15"},
		{"account override beats rule", "2026-10-15", 12, dossier.Rules{TenderPrepMonths: 6}, "2025-10-15"},
		{"account override, clamped", "2026-05-31", 3, dossier.Rules{}, "2026-02-28"},
		{"no tender", "", 0, dossier.Rules{}, ""},
		{"no tender, override", "", 3, dossier.Rules{}, ""},
	}
	for _, tt := range tests {
		a := dossier.Account{Name: "Acme", Tier: dossier.TierKey, TenderPrepMonths: tt.months}
		if tt.tender != "" {
			a.NextTender = d(tt.tender)
		}
		got := a.TenderPrepStart(tt.rules)
		if got.String() != tt.want {
			t.Errorf("%s: TenderPrepStart() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAccountInTenderPrep(t *testing.T) {
	a := dossier.Account{Name: "Acme", Tier: dossier.TierKey, NextTender: d("2026-11-30")} // prep from 2026-02-28
	tests := []struct {
		today string
		want  bool
	}{
		{"2026-01-01", false},
		{"2026-02-27", false},
		{"2026-02-28", true},
		{"2026-06-15", true},
		{"2026-11-30", true},
		{"2026-12-01", false},
	}
	for _, tt := range tests {
		if got := a.InTenderPrep(dossier.Rules{}, d(tt.today)); got != tt.want {
			t.Errorf("InTenderPrep(%s) for a tender on 2026-11-30 = %v, want %v", tt.today, got, tt.want)
		}
	}

	a.TenderPrepMonths = 2 // prep from 2026-09-30
	if a.InTenderPrep(dossier.Rules{}, d("2026-09-29")) {
		t.Errorf("InTenderPrep(2026-09-29) with 2 months = true, want false")
	}
	if !a.InTenderPrep(dossier.Rules{}, d("2026-09-30")) {
		t.Errorf("InTenderPrep(2026-09-30) with 2 months = false, want true")
	}

	none := dossier.Account{Name: "Beta", Tier: dossier.TierKey}
	if none.InTenderPrep(dossier.Rules{}, d("2026-06-15")) {
		t.Errorf("InTenderPrep without a tender = true, want false")
	}
}

func TestPersonNPSClass(t *testing.T) {
	tests := []struct {
		score *int
		want  dossier.NPSClass
		ok    bool
	}{
		{dossier.IntPtr(0), dossier.Detractor, true},
		{dossier.IntPtr(6), dossier.Detractor, true},
		{dossier.IntPtr(7), dossier.Neutral, true},
		{dossier.IntPtr(8), dossier.Neutral, true},
		{dossier.IntPtr(9), dossier.Promoter, true},
		{dossier.IntPtr(10), dossier.Promoter, true},
		{nil, "", false},
	}
	for _, tt := range tests {
		p := dossier.Person{NPS: tt.score}
		got, ok := p.NPSClass()
		if got != tt.want || ok != tt.ok {
			score := "nil"
			if tt.score != nil {
				score = strconv.Itoa(*tt.score)
			}
			t.Errorf("NPSClass() with score %s = %q, %v; want %q, %v", score, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPersonContact(t *testing.T) {
	today := d("2026-03-10")
	tests := []struct {
		name  string
		last  string
		next  string
		rules dossier.Rules
		date  string // ContactDate
		due   bool   // ContactDue(today)
	}{
		{"next agreed, in future", "", "2026-03-12", dossier.Rules{}, "2026-03-12", false},
		{"next agreed, today", "", "2026-03-10", dossier.Rules{}, "2026-03-10", true},
		{"next agreed, past", "", "2026-03-01", dossier.Rules{}, "2026-03-01", true},
		{"next agreed wins over old last contact", "2025-01-01", "2026-04-01", dossier.Rules{}, "2026-04-01", false},
		{"last + 60 days, not yet", "2026-01-10", "", dossier.Rules{}, "2026-03-11", false},
		{"last + 60 days, today", "2026-01-09", "", dossier.Rules{}, "2026-03-10", true},
		{"last + 60 days, past", "2025-12-01", "", dossier.Rules{}, "2026-01-30", true},
		{"last + custom 30 days", "2026-02-08", "", dossier.Rules{ContactIntervalDays: 30}, "2026-03-10", true},
		{"last + custom 30 days, not yet", "2026-02-09", "", dossier.Rules{ContactIntervalDays: 30}, "2026-03-11", false},
		{"neither", "", "", dossier.Rules{}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p dossier.Person
			if tt.last != "" {
				p.LastContact = d(tt.last)
			}
			if tt.next != "" {
				p.NextContact = d(tt.next)
			}
			if got := p.ContactDate(tt.rules); got.String() != tt.date {
				t.Errorf("ContactDate() = %q, want %q", got, tt.date)
			}
			if got := p.ContactDue(tt.rules, today); got != tt.due {
				t.Errorf("ContactDue(%s) = %v, want %v", today, got, tt.due)
			}
		})
	}
}

func TestCoverageOf(t *testing.T) {
	people := []dossier.Person{
		{ID: "a", Type: dossier.Executive, Level: dossier.Expert, Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceHigh},
		{ID: "b", Type: dossier.Finance, Level: dossier.Customer, Role: dossier.RoleApprover, Influence: dossier.InfluenceMedium},
		{ID: "c", Type: dossier.Finance, Level: dossier.Doubter, Role: dossier.RoleEvaluator},
		{ID: "e", Type: dossier.OtherType, Level: dossier.Opponent, Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceLow},
		{ID: "f", Type: dossier.Technical, Level: dossier.Advocate, Role: dossier.RoleUser},
	}
	c := dossier.CoverageOf(people)
	if c.People != 5 {
		t.Errorf("People = %d, want 5", c.People)
	}
	wantLevel := map[dossier.Level]int{dossier.Expert: 1, dossier.Customer: 1, dossier.Doubter: 1, dossier.Opponent: 1, dossier.Advocate: 1}
	for _, l := range dossier.Ladder {
		if c.ByLevel[l] != wantLevel[l] {
			t.Errorf("ByLevel[%s] = %d, want %d", l, c.ByLevel[l], wantLevel[l])
		}
	}
	wantType := map[dossier.StakeholderType]int{dossier.Executive: 1, dossier.Finance: 2, dossier.Technical: 1, dossier.OtherType: 1}
	for _, typ := range dossier.StakeholderTypes {
		if c.ByType[typ] != wantType[typ] {
			t.Errorf("ByType[%s] = %d, want %d", typ, c.ByType[typ], wantType[typ])
		}
	}
	if c.Audiences != 3 { // executive, finance, technical; no HR; "other" does not count
		t.Errorf("Audiences = %d, want 3", c.Audiences)
	}
	if c.DecisionMakers != 2 {
		t.Errorf("DecisionMakers = %d, want 2", c.DecisionMakers)
	}
	if c.Warm != 3 { // expert, customer, advocate
		t.Errorf("Warm = %d, want 3", c.Warm)
	}
	// Weighted mean: (3*1 + 2*0.6 + 1*0.2 + 1*0 + 1*0.8) / (3+2+1+1+1) = 5.2/8 = 0.65.
	if c.Strength != 65 {
		t.Errorf("Strength = %d, want 65", c.Strength)
	}
}

func TestCoverageStrength(t *testing.T) {
	p := func(l dossier.Level, i dossier.Influence) dossier.Person {
		return dossier.Person{Type: dossier.OtherType, Level: l, Influence: i}
	}
	tests := []struct {
		name   string
		people []dossier.Person
		want   int
	}{
		{"empty", nil, 0},
		{"one expert", []dossier.Person{p(dossier.Expert, "")}, 100},
		{"one opponent", []dossier.Person{p(dossier.Opponent, dossier.InfluenceHigh)}, 0},
		{"expert high + opponent low", []dossier.Person{
			p(dossier.Expert, dossier.InfluenceHigh), p(dossier.Opponent, dossier.InfluenceLow)}, 75},
		{"expert low + opponent high", []dossier.Person{
			p(dossier.Expert, dossier.InfluenceLow), p(dossier.Opponent, dossier.InfluenceHigh)}, 25},
		{"expert medium + opponent unknown", []dossier.Person{
			p(dossier.Expert, dossier.InfluenceMedium), p(dossier.Opponent, "")}, 67},
		{"one buyer", []dossier.Person{p(dossier.Buyer, dossier.InfluenceMedium)}, 40},
		{"unknown level ignored", []dossier.Person{p(dossier.Expert, ""), p("friend", dossier.InfluenceHigh)}, 100},
		{"only unknown levels", []dossier.Person{p("friend", "")}, 0},
	}
	for _, tt := range tests {
		if got := dossier.CoverageOf(tt.people).Strength; got != tt.want {
			t.Errorf("%s: Strength = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestCoverageEmptyAndAudiences(t *testing.T) {
	c := dossier.CoverageOf(nil)
	if c.People != 0 || c.Audiences != 0 || c.DecisionMakers != 0 || c.Warm != 0 || c.Strength != 0 {
		t.Errorf("CoverageOf(nil) = %+v, want all zero", c)
	}
	if c.ByLevel == nil || c.ByType == nil {
		t.Errorf("CoverageOf(nil) maps = %v, %v; want empty, non-nil maps", c.ByLevel, c.ByType)
	}

	var all []dossier.Person
	for _, typ := range dossier.StakeholderTypes {
		all = append(all, dossier.Person{Type: typ, Level: dossier.Buyer}, dossier.Person{Type: typ, Level: dossier.Buyer})
	}
	if got := dossier.CoverageOf(all).Audiences; got != 4 {
		t.Errorf("Audiences with every type twice = %d, want 4", got)
	}
	onlyOther := []dossier.Person{{Type: dossier.OtherType, Level: dossier.Expert}}
	if got := dossier.CoverageOf(onlyOther).Audiences; got != 0 {
		t.Errorf("Audiences with only %q = %d, want 0", dossier.OtherType, got)
	}
}
