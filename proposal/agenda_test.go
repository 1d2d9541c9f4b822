package proposal

import (
	"testing"

	"kamdesk/dossier"
)

func TestAgenda(t *testing.T) {
	today := dossier.MustDate("2026-11-25")
	horizon := today.AddDays(30)
	sent := Proposal{ID: "sent", AccountID: "nb", Title: "Controls", Issued: dossier.MustDate("2026-11-02"), ValidDays: 30}
	if err := sent.MarkSent(dossier.MustDate("2026-11-20"), DefaultFollowUp()); err != nil { // a Friday
		t.Fatal(err)
	}
	sent.CompleteTask(0, dossier.MustDate("2026-11-23"), "arrived")
	expired := Proposal{ID: "old", AccountID: "nb", Title: "Old  offer", Issued: dossier.MustDate("2026-09-01"), ValidDays: 30, Status: Draft}
	won := Proposal{ID: "won", AccountID: "nb", Title: "Won", Issued: today, ValidDays: 5, Status: Won}
	later := Proposal{ID: "later", AccountID: "nb", Title: "Later", Issued: today, ValidDays: 90, Status: Draft}
	items := Agenda([]Proposal{sent, expired, won, later}, func(string) string { return "Northbridge" }, today, horizon)
	dossier.SortAgenda(items)
	var got []string
	for _, it := range items {
		late := ""
		if it.Late {
			late = "late "
		}
		got = append(got, it.Date.String()+" "+late+it.Text())
	}
	want := []string{
		"2026-10-01 late Proposal “Old offer” to Northbridge expired on 2026-10-01",
		"2026-11-24 late Follow up “Controls”: Ask about next steps",
		"2026-11-24 late Follow up “Controls”: Ask how long they need to consider it",
		"2026-11-27 Follow up “Controls”: Agree a call or meeting on intermediate results",
		"2026-12-02 Proposal “Controls” to Northbridge expires on 2026-12-02",
	}
	if len(got) != len(want) {
		t.Fatalf("agenda:\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestNextTask(t *testing.T) {
	var p Proposal
	if _, ok := p.NextTask(); ok {
		t.Error("a proposal never sent has a next task")
	}
	p.Issued, p.ValidDays = dossier.MustDate("2026-11-02"), 30
	if err := p.MarkSent(dossier.MustDate("2026-11-20"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	p.CompleteTask(0, dossier.MustDate("2026-11-23"), "arrived")
	got, ok := p.NextTask()
	if !ok || got.Kind != TaskNextSteps || got.Due != dossier.MustDate("2026-11-24") {
		t.Errorf("NextTask = %+v, %v; want next steps on 2026-11-24", got, ok)
	}
}
