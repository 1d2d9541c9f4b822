package proposal

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestCausesOfADraftWithoutTeamOrFigures: the fixture without its author,
// credits, references, pricing and financial result has dozens of
// findings; they come from a handful of causes, each fixed in one place.
func TestCausesOfADraftWithoutTeamOrFigures(t *testing.T) {
	p, c := northbridge()
	p.Author, p.Credits, p.References, p.Pricing, p.Financial = "", nil, nil, nil, Financial{}
	fs := Check(p, c)
	causes := Causes(fs)
	n := 0
	for _, k := range causes {
		n += len(k.Findings)
	}
	if n != len(fs) {
		t.Fatalf("the causes hold %d findings, want all %d", n, len(fs))
	}
	if len(fs) < 20 || len(causes) > 10 {
		t.Fatalf("%d findings in %d causes, want many findings in few causes:%s", len(fs), len(causes), describeCauses(causes, fs))
	}
	byArea := map[string]Cause{}
	for _, k := range causes {
		f := k.First()
		for _, g := range k.Findings {
			if g.Code != f.Code || g.Severity != f.Severity || g.Place.Area != f.Place.Area {
				t.Errorf("cause %q holds a %s finding at %s: %s", f.Text(), g.Code, g.Place.Area, g.Text())
			}
		}
		if f.Code == codeUnresolved {
			if _, dup := byArea[f.Place.Area]; dup && f.Place.Area != AreaSection {
				t.Errorf("two causes of placeholders filled in on %s", f.Place.Area)
			}
			byArea[f.Place.Area] = k
		}
	}
	author, ok := byArea[AreaCredits]
	if !ok {
		t.Fatalf("no cause for the author's placeholders:%s", describeCauses(causes, fs))
	}
	if got := strings.Join(author.Placeholders(), " "); !strings.Contains(got, "{{author.name}}") {
		t.Errorf("the author's cause names %q", got)
	}
	if len(author.Audiences()) < 2 {
		t.Errorf("the author's placeholders concern %v, want every variant", author.Audiences())
	}
	if fin, ok := byArea[AreaFinancial]; !ok || len(fin.Findings) < 2 {
		t.Errorf("the financial placeholders are not one cause:%s", describeCauses(causes, fs))
	}
}

// TestCausesKeepApartWhatIsFixedApart: findings that differ in more than
// their variant stay separate causes, and nothing is merged across codes.
func TestCausesKeepApartWhatIsFixedApart(t *testing.T) {
	fs := []Finding{
		{Severity: SeverityBlocking, Code: "no-references", Audience: HR, Message: "The {{.Audience}} variant cites no references.", Data: map[string]any{"Audience": "HR"}, Place: placeAt(AreaReferences)},
		{Severity: SeverityBlocking, Code: codeUnresolved, Audience: HR, Data: map[string]any{"Name": "account.goals", "Placeholder": "{{account.goals}}"}, Place: Place{Area: AreaSection, Item: 1}},
		{Severity: SeverityBlocking, Code: "no-references", Audience: Technical, Message: "The {{.Audience}} variant cites no references.", Data: map[string]any{"Audience": "Technical"}, Place: placeAt(AreaReferences)},
		{Severity: SeverityBlocking, Code: codeUnresolved, Audience: Finance, Data: map[string]any{"Name": "account.goals", "Placeholder": "{{account.goals}}"}, Place: Place{Area: AreaSection, Item: 4}},
		{Severity: SeverityBlocking, Code: codeUnresolved, Audience: Finance, Data: map[string]any{"Name": "account.strategy", "Placeholder": "{{account.strategy}}"}, Place: Place{Area: AreaSection, Item: 1}},
		{Severity: SeverityWarning, Code: "no-references", Audience: Finance, Message: "The {{.Audience}} variant cites no references.", Data: map[string]any{"Audience": "Finance"}, Place: placeAt(AreaReferences)},
	}
	got := describeCauses(Causes(fs), fs)
	want := "\n[0 2] no-references\n[1 3] unresolved-placeholder\n[4] unresolved-placeholder\n[5] no-references"
	if got != want {
		t.Errorf("causes:%s\nwant:%s", got, want)
	}
}

// describeCauses lists each cause as the indexes in fs of its findings,
// and its code.
func describeCauses(cs []Cause, fs []Finding) string {
	var b strings.Builder
	for _, k := range cs {
		var idx []int
		for _, f := range k.Findings {
			idx = append(idx, slices.IndexFunc(fs, func(g Finding) bool { return reflect.DeepEqual(f, g) }))
		}
		fmt.Fprintf(&b, "\n%v %s", idx, k.First().Code)
	}
	return b.String()
}
