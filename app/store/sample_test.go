package store_test

import (
	"strings"
	"testing"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func TestLoadSampleIsIdempotentAndCurrent(t *testing.T) {
	s := open(t, t.TempDir())
	today := dossier.MustDate("2027-03-10")
	n, err := s.LoadSample(assets.Sample, today, export.Snapshot)
	if err != nil {
		t.Fatal(err)
	}
	smp, err := store.ParseSample(assets.Sample)
	if err != nil {
		t.Fatal(err)
	}
	w := smp.Workspace
	want := len(w.Accounts) + len(w.People) + len(w.Team) + len(w.References) + len(w.Events) + len(w.Promises) +
		len(smp.Library) + len(smp.Proposals)
	if len(smp.Library) == 0 || len(smp.Proposals) == 0 {
		t.Errorf("the sample has %d sections and %d proposals, want some of each", len(smp.Library), len(smp.Proposals))
	}
	if n != want {
		t.Errorf("LoadSample added %d records, want %d", n, want)
	}

	// A user edit survives a second load, and nothing is added twice.
	accts, _ := s.Accounts()
	first := accts[0]
	first.Notes = "edited by the user"
	if err := s.SaveAccount(&first); err != nil {
		t.Fatal(err)
	}
	n, err = s.LoadSample(assets.Sample, today, export.Snapshot)
	if err != nil || n != 0 {
		t.Errorf("second LoadSample added %d, %v; want 0, nil", n, err)
	}
	if got, _ := s.Account(first.ID); got.Notes != "edited by the user" {
		t.Errorf("second LoadSample overwrote an edit: notes = %q", got.Notes)
	}

	// Dates moved with the anchor: the earliest upcoming tender keeps its
	// distance from the anchor, now measured from today.
	shift := smp.Anchor.DaysUntil(today)
	orig := w.Accounts[0]
	got, _ := s.Account(orig.ID)
	if !orig.NextTender.IsZero() && !got.NextTender.Equal(orig.NextTender.AddDays(shift)) {
		t.Errorf("next tender = %v, want %v moved by %d days", got.NextTender, orig.NextTender, shift)
	}
	for _, orig := range smp.Proposals {
		got, err := s.Proposal(orig.ID)
		if err != nil {
			t.Errorf("sample proposal %s: %v", orig.ID, err)
			continue
		}
		if !got.Issued.Equal(orig.Issued.AddDays(shift)) || got.Expiry().IsZero() ||
			!got.Expiry().Equal(orig.Expiry().AddDays(shift)) || got.Sent.IsZero() != orig.Sent.IsZero() {
			t.Errorf("proposal %s issued %v, expiry %v, sent %v; want %v, %v, %v moved by %d days",
				orig.ID, got.Issued, got.Expiry(), got.Sent, orig.Issued, orig.Expiry(), orig.Sent, shift)
		}
		for i, task := range got.Tasks {
			if task.Due.IsWeekend() {
				t.Errorf("proposal %s task %d due on a weekend: %v", orig.ID, i, task.Due)
			}
		}
	}
	if secs, _ := s.Sections(); len(secs) != len(smp.Library) {
		t.Errorf("library after loading = %d sections, want %d", len(secs), len(smp.Library))
	}
	ws, err := s.Workspace()
	if err != nil {
		t.Fatal(err)
	}
	if len(dossier.Agenda(&ws, today)) == 0 {
		t.Error("the sample workspace has an empty agenda on the day it is loaded")
	}
}

// TestLoadSampleCompany: the sample brings its own house style to a
// workspace that has none, and never replaces the company a workspace
// has; the sent copies it records show the company the workspace keeps.
func TestLoadSampleCompany(t *testing.T) {
	today := dossier.MustDate("2027-03-10")
	s := open(t, t.TempDir())
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	c, err := s.Company()
	if err != nil || c.Name != "Veldmark Controls Ltd" || len(c.Logo) == 0 || c.BrandColour == "" || c.Signature == "" {
		t.Fatalf("the sample's company = %+v, %v; want Veldmark Controls Ltd with a logo, a colour and a signature", c.Name, err)
	}

	s = open(t, t.TempDir())
	own := proposal.Company{Name: "Harrowfield Partners LLP", Website: "harrowfinch.example"}
	if err := s.SaveCompany(own); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Company(); c.Name != own.Name || c.Website != own.Website || len(c.Logo) > 0 {
		t.Errorf("LoadSample replaced the workspace's company: %+v", c)
	}
	ps, _ := s.Proposals("")
	sent := 0
	for _, p := range ps {
		last, ok := p.LastSending()
		if !ok {
			continue
		}
		snap, err := s.Snapshot(p.ID, last.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range snap.Files {
			sent++
			if !strings.Contains(v.Markdown, own.Name) || strings.Contains(v.Markdown, "Veldmark Controls") {
				t.Errorf("the sent copy of %s does not show the workspace's company:\n%s", p.ID, v.Markdown)
			}
		}
	}
	if sent == 0 {
		t.Error("the sample recorded no sent copy")
	}
}
