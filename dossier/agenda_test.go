package dossier_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"kamdesk/dossier"
)

// agendaKey summarises an item as the user would scan it.
func agendaKey(it dossier.AgendaItem) string {
	id := it.RecordID
	if id == "" {
		id = it.PersonID
	}
	if id == "" {
		id = it.AccountID
	}
	late := ""
	if it.Late {
		late = " LATE"
	}
	return fmt.Sprintf("%s %s %s%s", it.Date, it.Kind, id, late)
}

func agendaKeys(items []dossier.AgendaItem) []string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = agendaKey(it)
	}
	return keys
}

func sampleWorkspace() *dossier.Workspace {
	return &dossier.Workspace{
		Accounts: []dossier.Account{
			{ID: "acme", Name: "Acme", Tier: dossier.TierKey, NextTender: d("2026-03-20"), AnnualReview: d("2026-02-20")},
			{ID: "beta", Name: "Beta", Tier: dossier.TierValued, NextTender: d("2026-12-15"), AnnualReview: d("2026-06-01")},
			{ID: "gamma", Name: "Gamma", Tier: dossier.TierOther, NextTender: d("2026-03-10"), Passive: true},
			{ID: "delta", Name: "Delta", Tier: dossier.TierOther, NextTender: d("2026-02-01")},
		},
		People: []dossier.Person{
			{ID: "anna", AccountID: "acme", Name: "Anna Berg", Birthday: dossier.Birthday{Day: 10, Month: time.March, Year: 1980}},
			{ID: "boris", AccountID: "acme", Name: "Boris Ek", Birthday: dossier.Birthday{Day: 2, Month: time.March}},
			{ID: "fay", AccountID: "beta", Name: "Fay Holm", Birthday: dossier.Birthday{Day: 15, Month: time.April}},
			{ID: "carl", AccountID: "acme", Name: "Carl Dahl", NextContact: d("2026-02-25")},
			{ID: "dora", AccountID: "beta", Name: "Dora Falk", LastContact: d("2026-01-10")},
			{ID: "eve", AccountID: "beta", Name: "Eve Gran", LastContact: d("2026-02-01")},
		},
		Promises: []dossier.Promise{
			{ID: "p1", AccountID: "acme", Text: "Send the price list", Due: d("2026-02-27"), Status: dossier.PromiseOpen},
			{ID: "p2", AccountID: "beta", Text: "Call back", Due: d("2026-03-05"), Status: dossier.PromiseOpen},
			{ID: "p3", AccountID: "acme", Text: "Kept one", Due: d("2026-02-20"), Status: dossier.PromiseKept, DoneOn: d("2026-02-19")},
			{ID: "p4", AccountID: "acme", Text: "Far away", Due: d("2026-05-01"), Status: dossier.PromiseOpen},
			{ID: "p5", AccountID: "acme", Text: "Dropped one", Due: d("2026-03-03"), Status: dossier.PromiseDropped, DoneOn: d("2026-03-01")},
		},
	}
}

func TestAgenda(t *testing.T) {
	today := d("2026-03-02") // a Monday; default horizon 2026-04-01
	items := dossier.Agenda(sampleWorkspace(), today)

	want := []string{
		"2026-02-20 review acme LATE",
		"2026-02-25 contact carl LATE",
		"2026-02-27 promise p1 LATE",
		"2026-03-02 birthday boris",
		"2026-03-02 tender-prep acme",
		"2026-03-05 promise p2",
		"2026-03-10 birthday anna",
		"2026-03-11 contact dora",
		"2026-03-15 tender-prep beta",
		"2026-03-20 tender acme",
	}
	if got := agendaKeys(items); !slices.Equal(got, want) {
		t.Errorf("Agenda(%s) =\n  %s\nwant\n  %s", today, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	texts := map[string]string{
		"2026-02-20 review acme LATE":  "Annual review of Acme: is it still a key account?",
		"2026-02-25 contact carl LATE": "Get in touch with Carl Dahl (Acme)",
		"2026-02-27 promise p1 LATE":   "Promise to Acme: Send the price list",
		"2026-03-02 birthday boris":    "Birthday of Boris Ek (Acme)",
		"2026-03-02 tender-prep acme":  "Tender preparation for Acme: tender on 2026-03-20",
		"2026-03-05 promise p2":        "Promise to Beta: Call back",
		"2026-03-10 birthday anna":     "Birthday of Anna Berg (Acme), turns 46",
		"2026-03-11 contact dora":      "Get in touch with Dora Falk (Beta)",
		"2026-03-15 tender-prep beta":  "Tender preparation for Beta: tender on 2026-12-15",
		"2026-03-20 tender acme":       "Tender of Acme",
	}
	for _, it := range items {
		k := agendaKey(it)
		if want, ok := texts[k]; ok && it.Text() != want {
			t.Errorf("Text() of %s = %q, want %q", k, it.Text(), want)
		}
		if strings.Contains(it.Text(), "{{") {
			t.Errorf("Text() of %s = %q has an unfilled parameter", k, it.Text())
		}
	}

	for _, it := range items {
		switch {
		case it.PersonID == "fay":
			t.Errorf("birthday 44 days ahead is on the agenda: %s", agendaKey(it))
		case it.PersonID == "eve":
			t.Errorf("contact due after the horizon is on the agenda: %s", agendaKey(it))
		case it.RecordID == "p3" || it.RecordID == "p5":
			t.Errorf("kept or dropped promise is on the agenda: %s", agendaKey(it))
		case it.RecordID == "p4":
			t.Errorf("promise due after the horizon is on the agenda: %s", agendaKey(it))
		case it.AccountID == "gamma":
			t.Errorf("passive account is on the agenda: %s", agendaKey(it))
		case it.AccountID == "delta" && (it.Kind == dossier.AgendaTender || it.Kind == dossier.AgendaTenderPrep):
			t.Errorf("past tender is on the agenda: %s", agendaKey(it))
		}
	}

	// Items tie back to their records.
	for _, it := range items {
		if it.AccountID == "" {
			t.Errorf("item %s has no account", agendaKey(it))
		}
		if (it.Kind == dossier.AgendaBirthday || it.Kind == dossier.AgendaContact) && it.PersonID == "" {
			t.Errorf("item %s has no person", agendaKey(it))
		}
	}
}

func TestAgendaEmpty(t *testing.T) {
	if got := dossier.Agenda(&dossier.Workspace{}, d("2026-03-02")); len(got) != 0 {
		t.Errorf("Agenda(empty) = %v, want nothing", agendaKeys(got))
	}
}

func TestAgendaBirthdayNotice(t *testing.T) {
	today := d("2026-03-02")
	tests := []struct {
		name     string
		birthday dossier.Birthday
		rules    dossier.Rules
		want     string // the item key, or "" for none
	}{
		{"today", dossier.Birthday{Day: 2, Month: time.March}, dossier.Rules{}, "2026-03-02 birthday p"},
		{"yesterday is next year", dossier.Birthday{Day: 1, Month: time.March}, dossier.Rules{}, ""},
		{"30 days ahead", dossier.Birthday{Day: 1, Month: time.April}, dossier.Rules{}, "2026-04-01 birthday p"},
		{"31 days ahead", dossier.Birthday{Day: 2, Month: time.April}, dossier.Rules{}, ""},
		{"7-day notice, 7 ahead", dossier.Birthday{Day: 9, Month: time.March}, dossier.Rules{BirthdayNoticeDays: 7}, "2026-03-09 birthday p"},
		{"7-day notice, 8 ahead", dossier.Birthday{Day: 10, Month: time.March}, dossier.Rules{BirthdayNoticeDays: 7}, ""},
		{"60-day notice beyond agenda days", dossier.Birthday{Day: 16, Month: time.April}, dossier.Rules{BirthdayNoticeDays: 60}, "2026-04-16 birthday p"},
		{"none recorded", dossier.Birthday{}, dossier.Rules{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &dossier.Workspace{Rules: tt.rules, People: []dossier.Person{{ID: "p", AccountID: "acme", Name: "P"}}}
			w.People[0].Birthday = tt.birthday
			got := agendaKeys(dossier.Agenda(w, today))
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Agenda = %v, want %v", got, want)
			}
		})
	}
}

func TestAgendaBirthdayAcrossNewYear(t *testing.T) {
	w := &dossier.Workspace{
		Accounts: []dossier.Account{{ID: "acme", Name: "Acme", Tier: dossier.TierKey}},
		People: []dossier.Person{{ID: "p", AccountID: "acme", Name: "Ida Lund",
			Birthday: dossier.Birthday{Day: 5, Month: time.January, Year: 1970}}},
	}
	items := dossier.Agenda(w, d("2026-12-20"))
	if len(items) != 1 {
		t.Fatalf("Agenda = %v, want one birthday", agendaKeys(items))
	}
	if got, want := agendaKey(items[0]), "2027-01-05 birthday p"; got != want {
		t.Errorf("item = %s, want %s", got, want)
	}
	if got, want := items[0].Text(), "Birthday of Ida Lund (Acme), turns 57"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

func TestAgendaLeapDayBirthday(t *testing.T) {
	w := &dossier.Workspace{People: []dossier.Person{{ID: "p", AccountID: "acme", Name: "Leo",
		Birthday: dossier.Birthday{Day: 29, Month: time.February, Year: 2000}}}}
	items := dossier.Agenda(w, d("2026-02-20"))
	if got, want := agendaKeys(items), []string{"2026-02-28 birthday p"}; !slices.Equal(got, want) {
		t.Fatalf("Agenda = %v, want %v", got, want)
	}
	if !strings.Contains(items[0].Text(), "turns 26") {
		t.Errorf("Text() = %q, want it to contain %q", items[0].Text(), "turns 26")
	}
}

func TestAgendaContacts(t *testing.T) {
	today := d("2026-03-02") // horizon 2026-04-01
	tests := []struct {
		name       string
		last, next string
		want       string
	}{
		{"agreed today", "", "2026-03-02", "2026-03-02 contact p"},
		{"agreed yesterday", "", "2026-03-01", "2026-03-01 contact p LATE"},
		{"agreed at horizon", "", "2026-04-01", "2026-04-01 contact p"},
		{"agreed after horizon", "", "2026-04-02", ""},
		{"interval ends at horizon", "2026-01-31", "", "2026-04-01 contact p"},
		{"interval ends after horizon", "2026-02-01", "", ""},
		{"interval long over", "2025-06-01", "", "2025-07-31 contact p LATE"},
		{"never contacted, nothing agreed", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := dossier.Person{ID: "p", AccountID: "acme", Name: "P"}
			if tt.last != "" {
				p.LastContact = d(tt.last)
			}
			if tt.next != "" {
				p.NextContact = d(tt.next)
			}
			got := agendaKeys(dossier.Agenda(&dossier.Workspace{People: []dossier.Person{p}}, today))
			var want []string
			if tt.want != "" {
				want = []string{tt.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Agenda = %v, want %v", got, want)
			}
		})
	}
}

func TestAgendaPromises(t *testing.T) {
	today := d("2026-03-02")
	w := &dossier.Workspace{Promises: []dossier.Promise{
		{ID: "soon", AccountID: "acme", Text: "a", Due: d("2026-03-03"), Status: dossier.PromiseOpen},
		{ID: "today", AccountID: "acme", Text: "b", Due: d("2026-03-02"), Status: dossier.PromiseOpen},
		{ID: "late-recent", AccountID: "acme", Text: "c", Due: d("2026-03-01"), Status: dossier.PromiseOpen},
		{ID: "late-old", AccountID: "acme", Text: "d", Due: d("2026-01-15"), Status: dossier.PromiseOpen},
		{ID: "kept-late", AccountID: "acme", Text: "e", Due: d("2026-01-10"), Status: dossier.PromiseKept, DoneOn: d("2026-01-09")},
		{ID: "horizon", AccountID: "acme", Text: "f", Due: d("2026-04-01"), Status: dossier.PromiseOpen},
		{ID: "beyond", AccountID: "acme", Text: "g", Due: d("2026-04-02"), Status: dossier.PromiseOpen},
	}}
	want := []string{
		"2026-01-15 promise late-old LATE",
		"2026-03-01 promise late-recent LATE",
		"2026-03-02 promise today",
		"2026-03-03 promise soon",
		"2026-04-01 promise horizon",
	}
	if got := agendaKeys(dossier.Agenda(w, today)); !slices.Equal(got, want) {
		t.Errorf("Agenda =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestAgendaTenders(t *testing.T) {
	today := d("2026-03-02") // horizon 2026-04-01
	tests := []struct {
		name    string
		account dossier.Account
		rules   dossier.Rules
		want    []string
	}{
		{"tender today", dossier.Account{NextTender: d("2026-03-02")}, dossier.Rules{},
			[]string{"2026-03-02 tender a", "2026-03-02 tender-prep a"}},
		{"tender yesterday", dossier.Account{NextTender: d("2026-03-01")}, dossier.Rules{}, nil},
		{"tender at horizon", dossier.Account{NextTender: d("2026-04-01")}, dossier.Rules{},
			[]string{"2026-03-02 tender-prep a", "2026-04-01 tender a"}},
		{"tender after horizon, prep running", dossier.Account{NextTender: d("2026-06-01")}, dossier.Rules{},
			[]string{"2026-03-02 tender-prep a"}},
		{"prep starts at horizon", dossier.Account{NextTender: d("2027-01-01")}, dossier.Rules{},
			[]string{"2026-04-01 tender-prep a"}},
		{"prep starts after horizon", dossier.Account{NextTender: d("2027-01-02")}, dossier.Rules{}, nil},
		{"prep starts today", dossier.Account{NextTender: d("2026-12-02")}, dossier.Rules{},
			[]string{"2026-03-02 tender-prep a"}},
		{"account override 3 months", dossier.Account{NextTender: d("2026-06-15"), TenderPrepMonths: 3}, dossier.Rules{},
			[]string{"2026-03-15 tender-prep a"}},
		{"rule 2 months, prep later", dossier.Account{NextTender: d("2026-06-15")}, dossier.Rules{TenderPrepMonths: 2}, nil},
		{"passive", dossier.Account{NextTender: d("2026-03-10"), Passive: true}, dossier.Rules{}, nil},
		{"no tender", dossier.Account{}, dossier.Rules{}, nil},
		{"review today", dossier.Account{AnnualReview: d("2026-03-02")}, dossier.Rules{},
			[]string{"2026-03-02 review a"}},
		{"review overdue", dossier.Account{AnnualReview: d("2025-12-31")}, dossier.Rules{},
			[]string{"2025-12-31 review a LATE"}},
		{"review after horizon", dossier.Account{AnnualReview: d("2026-04-02")}, dossier.Rules{}, nil},
		{"review with longer horizon", dossier.Account{AnnualReview: d("2026-04-02")}, dossier.Rules{AgendaDays: 60},
			[]string{"2026-04-02 review a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.account
			a.ID, a.Name, a.Tier = "a", "A", dossier.TierKey
			w := &dossier.Workspace{Rules: tt.rules, Accounts: []dossier.Account{a}}
			if got := agendaKeys(dossier.Agenda(w, today)); !slices.Equal(got, tt.want) {
				t.Errorf("Agenda = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSortAgenda(t *testing.T) {
	items := []dossier.AgendaItem{
		{Date: d("2026-03-05"), Kind: dossier.AgendaTender, AccountID: "1"},
		{Date: d("2026-03-01"), Kind: dossier.AgendaContact, AccountID: "2", Late: true},
		{Date: d("2026-03-03"), Kind: dossier.AgendaBirthday, AccountID: "3"},
		{Date: d("2026-02-01"), Kind: dossier.AgendaReview, AccountID: "4", Late: true},
		{Date: d("2026-03-03"), Kind: dossier.AgendaPromise, AccountID: "5"},
		{Date: d("2026-03-03"), Kind: dossier.AgendaBirthday, AccountID: "6"},
		{Date: d("2026-01-01"), Kind: dossier.AgendaContact, AccountID: "7"}, // not late: comes after the late ones
	}
	dossier.SortAgenda(items)
	var got []string
	for _, it := range items {
		got = append(got, it.AccountID)
	}
	want := []string{"4", "2", "7", "3", "6", "5", "1"}
	if !slices.Equal(got, want) {
		t.Errorf("SortAgenda order = %v, want %v", got, want)
	}
}

// TestSortAgendaIsTheStableSort: on random agendas with many ties,
// SortAgenda gives exactly the order of a stable sort by CompareAgenda.
func TestSortAgendaIsTheStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	kinds := []dossier.AgendaKind{dossier.AgendaTenderPrep, dossier.AgendaReview, dossier.AgendaBirthday, dossier.AgendaContact, dossier.AgendaPromise, dossier.AgendaTender, "proposal-follow-up", "proposal-expiry"}
	for round := range 200 {
		items := make([]dossier.AgendaItem, rng.IntN(300))
		for i := range items {
			items[i] = dossier.AgendaItem{Kind: kinds[rng.IntN(len(kinds))], Late: rng.IntN(3) == 0, RecordID: strconv.Itoa(i)}
			if rng.IntN(10) > 0 { // some without a date
				items[i].Date = d("2026-03-01").AddDays(rng.IntN(9) - 4)
			}
		}
		want := slices.Clone(items)
		slices.SortStableFunc(want, dossier.CompareAgenda)
		dossier.SortAgenda(items)
		for i := range items {
			if items[i].RecordID != want[i].RecordID {
				t.Fatalf("round %d: item %d is %s, the stable sort has %s", round, i, items[i].RecordID, want[i].RecordID)
			}
		}
	}
}

// TestAgendaReviewQuestionPerTier: the annual review asks a whole sentence
// for each tier, never "a Other account".
func TestAgendaReviewQuestionPerTier(t *testing.T) {
	today := d("2026-03-02")
	want := map[dossier.Tier]string{
		dossier.TierCrownJewel: "Annual review of Acme: is it still one of our crown jewels?",
		dossier.TierKey:        "Annual review of Acme: is it still a key account?",
		dossier.TierValued:     "Annual review of Acme: is it still a valued account?",
		dossier.TierOther:      "Annual review of Acme: does it still belong among the other accounts?",
	}
	for _, tier := range dossier.Tiers {
		w := &dossier.Workspace{Accounts: []dossier.Account{{ID: "acme", Name: "Acme", Tier: tier, AnnualReview: today}}}
		items := dossier.Agenda(w, today)
		if len(items) != 1 || items[0].Text() != want[tier] {
			t.Errorf("tier %s: %v, want %q", tier, items, want[tier])
		}
	}
}
