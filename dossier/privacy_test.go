package dossier

import "testing"

func TestMentionsName(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Called Anna Keller about the tender.", true},
		{"anna  keller asked for terms", true},
		{"Anna Keller's team", true},
		{"Joanna Kellerman", false},
		{"Anna Kellerová", false},
		{"", false},
		{"Anna\nKeller", true},
	} {
		if got := MentionsName(c.text, "Anna Keller"); got != c.want {
			t.Errorf("MentionsName(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestCollectPersonalData(t *testing.T) {
	nps := 9
	p := Person{ID: "anna", AccountID: "nb", Name: "Anna Keller", Email: "anna@nb.example", Family: "two children",
		Birthday: Birthday{Month: 3, Day: 9}, NPS: &nps, PrivacyNote: "Told us at the site visit; agreed."}
	people := []Person{p, {ID: "tom", Name: "Tom", ReportsTo: "anna"}, {ID: "eva", Name: "Eva", Notes: "Friends with Anna Keller."}}
	events := []Event{{ID: "e1", Title: "Call", People: []string{"anna"}}, {ID: "e2", Title: "Lunch", Text: "Anna Keller liked the plan"},
		{ID: "e3", Title: "Other"}}
	promises := []Promise{{ID: "p1", Text: "Send Anna Keller the terms"}, {ID: "p2", People: []string{"anna"}, Text: "Call back"}}
	d := CollectPersonalData(p, "Northbridge", people, events, promises)
	if d.Source != p.PrivacyNote || d.Account != "Northbridge" {
		t.Errorf("source %q, account %q", d.Source, d.Account)
	}
	facts := map[string]string{}
	for _, f := range d.Facts {
		facts[f.Field] = f.Value
	}
	if facts["family"] != "two children" || facts["nps"] != "9" || facts["birthday"] == "" || facts["email"] == "" || facts["phone"] != "" {
		t.Errorf("facts = %v", facts)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Kind+" "+m.ID+" "+m.How)
	}
	want := []string{"event e1 involved", "event e2 named in the text", "promise p1 named in the text", "promise p2 involved",
		"colleague tom reports to them", "colleague eva named in the text"}
	if len(got) != len(want) {
		t.Fatalf("mentions = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("mention %d = %q, want %q", i, got[i], want[i])
		}
	}
}
