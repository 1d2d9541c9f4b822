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
	plan := contacts.PlanAccounts(rows, existing, func(string) string { n++; return fmt.Sprintf("new-%d", n) })
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
