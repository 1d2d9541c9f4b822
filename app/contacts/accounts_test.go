package contacts_test

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"kamdesk/app/contacts"
	"kamdesk/dossier"
)

func TestReadAccountsCSV(t *testing.T) {
	data, err := os.ReadFile("testdata/accounts.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := contacts.ReadAccountsCSV("accounts.csv", data, nil, contacts.DateFormat{}); !errors.Is(err, contacts.ErrDateFormat) || !strings.Contains(err.Error(), `"15.03.2027"`) {
		t.Fatalf("no date format: got %v", err)
	}
	df, _ := contacts.ParseDateFormat("DD.MM.YYYY")
	sh, err := contacts.ReadAccountsCSV("accounts.csv", data, contacts.Mapping{"Revenue share": "revenue_share"}, df)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range sh.Rows {
		a := r.Account
		got = append(got, fmt.Sprintf("%d|%s|%s|%s|%s|%g|%s|%q|%q", r.Line, a.Name, a.Industry, a.Segment, a.Tier, a.RevenueShare, a.NextTender, a.Competitors, r.Ignored))
	}
	want := []string{
		`2|Polar Freight AS|Logistics|Nordics|key|4.5|2027-03-15|["Nordline" "Fjordcargo"]|["Website"]`,
		`3|Ведомство «Восход»|Public sector|CIS|crown-jewel|12||[]|[]`,
		`4|Lakeside Clinics|Healthcare||other|0|2027-09-01|[]|[]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	bad := "Name,Tier,Revenue share\nGood,key,1\nBad,gold,2\n,key,3\nWorse,key,lots\n"
	_, err = contacts.ReadAccountsCSV("bad.csv", []byte(bad), nil, contacts.DateFormat{})
	var where []string
	for _, p := range contacts.ProblemsOf(err) {
		where = append(where, fmt.Sprintf("%s:%d:%s", p.File, p.Line, p.Property))
	}
	if want := []string{"bad.csv:3:Tier", "bad.csv:4:", "bad.csv:5:Revenue share"}; !reflect.DeepEqual(where, want) {
		t.Errorf("problems at %q, want %q\n%v", where, want, err)
	}

	existing := []dossier.Account{{ID: "polar", Name: "POLAR  freight as"}}
	rows := append(sh.Rows, contacts.AccountRow{Line: 9, Account: dossier.Account{Name: "Lakeside clinics", Tier: "key"}},
		contacts.AccountRow{Line: 10, Account: dossier.Account{ID: "polar", Name: "Other name", Tier: "key"}})
	n := 0
	plan := contacts.PlanAccounts(rows, existing, contacts.OnMatchSkip, func(string) string { n++; return fmt.Sprintf("new-%d", n) })
	var acts []string
	for _, it := range plan.Items {
		acts = append(acts, fmt.Sprintf("%s %s %s", it.Action, it.ID, it.MatchedBy))
	}
	if want := []string{"skip polar name", "add new-1 ", "add new-2 ", "skip new-2 name", "skip polar id"}; !reflect.DeepEqual(acts, want) {
		t.Errorf("plan %q, want %q", acts, want)
	}
	if len(plan.Added) != 2 {
		t.Errorf("%d added", len(plan.Added))
	}
}

// TestPlanAccountsMerge: a row that matches an account (by ID, else by
// name) fills, when merged, only the fields the account lacks and
// lists every field that differs; a row that would fill nothing, or one
// left to skip, changes nothing; the tier a row does not give is not a
// difference; a second row of an account the import adds fills what the
// first left empty.
func TestPlanAccountsMerge(t *testing.T) {
	csv := "ID,Name,Industry,Segment,Tier,Revenue share,Competitors,Next tender,Owner\n" +
		"polar,Polar Freight AS,Logistics,Nordics,,4.5,Nordline;Fjordcargo,2027-03-15,anna\n" +
		",LAKESIDE clinics,Healthcare,,key,,,,\n" +
		",Bright Hotels,,,,,,,\n" +
		",Bright Hotels,Hospitality,,,,,,\n"
	sh, err := contacts.ReadAccountsCSV("a.csv", []byte(csv), contacts.Mapping{"Revenue share": "revenue_share"}, contacts.DateFormat{})
	if err != nil {
		t.Fatal(err)
	}
	existing := []dossier.Account{
		{ID: "polar", Name: "Polar Freight", Industry: "Shipping", Tier: dossier.TierValued, Competitors: []string{"Nordline"}},
		{ID: "lakeside", Name: "Lakeside Clinics", Industry: "Healthcare", Tier: dossier.TierOther},
	}
	newID := func(name string) string { return "new-" + strings.ToLower(strings.Fields(name)[0]) }
	describe := func(plan *contacts.AccountPlan) []string {
		var out []string
		for _, it := range plan.Items {
			var d []string
			for _, x := range it.Differences {
				d = append(d, fmt.Sprintf("%s:%q>%q", x.Field, x.Kamdesk, x.Card))
			}
			out = append(out, fmt.Sprintf("%s %s %s filled%q diff%q", it.Action, it.ID, it.MatchedBy, it.Filled, d))
		}
		return out
	}

	skip := contacts.PlanAccounts(sh.Rows, existing, contacts.OnMatchSkip, newID)
	if len(skip.Updated) != 0 || len(skip.Added) != 1 || skip.Added[0].ID != "new-bright" || skip.Added[0].Industry != "" {
		t.Errorf("skip: updated %+v, added %+v; want only Bright Hotels added, as its first row says", skip.Updated, skip.Added)
	}
	if a, m, k := skip.Count(); a != 1 || m != 0 || k != 3 {
		t.Errorf("skip: %d added, %d merged, %d skipped", a, m, k)
	}

	merge := contacts.PlanAccounts(sh.Rows, existing, contacts.OnMatchMerge, newID)
	got := describe(merge)
	want := []string{
		`merge polar id filled["segment" "revenue_share" "next_tender" "owner"] diff["name:\"Polar Freight\">\"Polar Freight AS\"" "industry:\"Shipping\">\"Logistics\"" "segment:\"\">\"Nordics\"" "revenue_share:\"\">\"4.5\"" "competitors:\"Nordline\">\"Nordline; Fjordcargo\"" "next_tender:\"\">\"2027-03-15\"" "owner:\"\">\"anna\""]`,
		`skip lakeside name filled[] diff["name:\"Lakeside Clinics\">\"LAKESIDE clinics\"" "tier:\"other\">\"key\""]`,
		`add new-bright  filled[] diff[]`,
		`merge new-bright name filled["industry"] diff["industry:\"\">\"Hospitality\""]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge: got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(merge.Updated) != 1 {
		t.Fatalf("merge: %d updated, want Polar alone", len(merge.Updated))
	}
	p := merge.Updated[0]
	if p.Name != "Polar Freight" || p.Industry != "Shipping" || p.Tier != dossier.TierValued || p.Segment != "Nordics" ||
		p.RevenueShare != 4.5 || p.NextTender.String() != "2027-03-15" || p.Owner != "anna" || !reflect.DeepEqual(p.Competitors, []string{"Nordline"}) {
		t.Errorf("Polar as merged: %+v; want its own values kept and only the empty ones filled", p)
	}
	if len(merge.Added) != 1 || merge.Added[0].Industry != "Hospitality" {
		t.Errorf("merge: added %+v, want Bright Hotels filled in by its second row", merge.Added)
	}
	if existing[0].Segment != "" {
		t.Error("the plan changed the workspace's accounts it was given")
	}
}
