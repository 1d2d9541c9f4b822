package handover_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"kamdesk/app/export"
	"kamdesk/app/handover"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var today = dossier.MustDate("2026-11-25")

func sampleStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true, NoBackup: true,
		Now: func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestReportNamesListsInWords: the differences of a proposal's lists
// read as people say them: the sections added, removed and changed by
// title (a section that follows the library by the library's title), the
// credits by name, a nested object field by field; never as JSON.
func TestReportNamesListsInWords(t *testing.T) {
	st := sampleStore(t)
	b, err := handover.Gather(st, "castellan", time.Now(), store.SchemaVersion)
	if err != nil {
		t.Fatal(err)
	}
	p := &b.Proposals[0]
	if len(p.Items) < 3 || p.Items[0].Own() || len(p.Credits) == 0 {
		t.Fatalf("the sample's castellan proposal: %d items, %d credits", len(p.Items), len(p.Credits))
	}
	removed, err := st.Section(p.Items[0].SectionID)
	if err != nil {
		t.Fatal(err)
	}
	changed := p.Items[1].Title
	if changed == "" {
		s, _ := st.Section(p.Items[1].SectionID)
		changed = s.Title
	}
	p.Items[1].Custom, p.Items[1].Title, p.Items[1].Body = true, changed, "Our own words."
	p.Items = append(p.Items[1:], proposal.Item{Title: "Site visits", Kind: proposal.KindBenefits, Body: "Twice a year."})
	member, _ := st.TeamMember(p.Credits[0].MemberID)
	p.Credits = p.Credits[1:]
	p.Financial.Investment = proposal.MustDecimal("123456")

	plan, err := handover.Compare(st, b, today)
	if err != nil {
		t.Fatal(err)
	}
	report := strings.Join(handover.Report("x.kamdesk", b, plan, handover.Choice{}), "\n")
	n := len(p.Items)
	for _, want := range []string{
		"items: " + strconv.Itoa(n) + " here, " + strconv.Itoa(n) + " in the bundle (added: Site visits; removed: " + removed.Title + "; changed: " + changed + ")",
		"credits: ", "removed: " + member.Name,
		"financial.investment: ",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report does not say %q:\n%s", want, report)
		}
	}
	if strings.Contains(report, `[{"`) || strings.Contains(report, `{"`) {
		t.Errorf("the report shows JSON:\n%s", report)
	}
}
