package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

func accountsOf(t *testing.T, dir string) map[string]dossier.Account {
	t.Helper()
	out := map[string]dossier.Account{}
	withStore(t, dir, func(s *store.Store) {
		as, err := s.Accounts()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			out[a.Name] = a
		}
	})
	return out
}

// TestAccountImport: a dry run writes nothing; the import adds the
// accounts once, matching existing ones by name; a bad row writes
// nothing and is named by file, line and column.
func TestAccountImport(t *testing.T) {
	dir := demo(t)
	before := len(accountsOf(t, dir))
	args := []string{"account", "import", samples + "accounts.csv", "--date-format", "DD.MM.YYYY", "--map", "Revenue share=revenue_share"}
	r := run(t, dir, append(args, "--dry-run")...)
	if r.code != 0 || !strings.Contains(r.stdout, "3 would be added") || len(accountsOf(t, dir)) != before {
		t.Fatalf("dry run: exit %d, %d accounts\n%s%s", r.code, len(accountsOf(t, dir)), r.stdout, r.stderr)
	}
	r = run(t, dir, args...)
	if r.code != 0 || !strings.Contains(r.stdout, "3 added") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	got := accountsOf(t, dir)
	if a := got["Polar Freight AS"]; a.Tier != dossier.TierKey || a.Segment != "Nordics" || a.RevenueShare != 4.5 || a.NextTender.String() != "2027-03-15" {
		t.Errorf("Polar Freight: %+v", a)
	}
	r = run(t, dir, args...)
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 0 merged, 3 skipped") || len(accountsOf(t, dir)) != before+3 {
		t.Fatalf("again: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("Name,Tier\nNew Good Ltd,key\nNew Bad Ltd,gold\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, "account", "import", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "bad.csv:3: Tier: tier:") || len(accountsOf(t, dir)) != before+3 {
		t.Errorf("bad row: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestAccountImportMerge: with --on-match merge a row that matches an
// account (by ID, else by name) fills only what the account lacks,
// never a field it has, and says field by field what differs; a dry run
// writes nothing; a row with nothing to fill is skipped; one bad row
// (an owner who is no team member) writes nothing at all, neither the
// new accounts nor the filled-in ones; --on-match add is refused (an
// account is never added twice); --json says it all.
func TestAccountImportMerge(t *testing.T) {
	dir := demo(t)
	mustRun(t, dir, "account", "import", samples+"accounts.csv", "--date-format", "DD.MM.YYYY", "--map", "Revenue share=revenue_share")
	before := accountsOf(t, dir)
	lakeside := before["Lakeside Clinics"]
	file := filepath.Join(t.TempDir(), "more.csv")
	csv := "ID,Name,Segment,Next tender,Owner,Industry\n" +
		",lakeside clinics,Nordics,2027-10-01,team-tomas-reyes,Dentistry\n" +
		"northbridge,Other Name,,,,Builders\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "account", "import", file, "--on-match", "merge", "--dry-run")
	for _, want := range []string{
		"more.csv:2 lakeside clinics: would be merged into " + lakeside.ID + " (same name), filling: segment, owner",
		`next_tender: "2027-10-01" in the file, "2027-09-01" in kamdesk`,
		`segment: "Nordics" in the file, empty in kamdesk`,
		"more.csv:3 Other Name: would be skipped as a duplicate of northbridge (same ID)",
		`industry: "Builders" in the file, "Construction" in kamdesk`,
		"of 2 accounts, 0 would be added, 1 merged and 1 skipped",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the dry run does not say %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	if got := accountsOf(t, dir)["Lakeside Clinics"]; got.Segment != "" || got.Owner != "" {
		t.Fatalf("a dry run wrote: %+v", got)
	}

	// One bad row: nothing written, the merge neither.
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte(csv+",Brand New Ltd,,,nobody,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, "account", "import", bad, "--on-match", "merge"); r.code != 1 || !strings.Contains(r.stderr, "nobody") {
		t.Errorf("an owner who is no team member: exit %d, stderr %q", r.code, r.stderr)
	}
	got := accountsOf(t, dir)
	if len(got) != len(before) || got["Lakeside Clinics"].Segment != "" {
		t.Fatalf("a refused import wrote: %d accounts (had %d), Lakeside %+v", len(got), len(before), got["Lakeside Clinics"])
	}

	r = run(t, dir, "account", "import", file, "--on-match", "merge", "--json")
	var out struct {
		Added, Merged, Skipped int
		Rows                   []struct {
			Action, ID, MatchedBy string
			Filled                []string
			Differences           []struct{ Field, Kamdesk, Card string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != 0 {
		t.Fatalf("--json: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	if out.Added != 0 || out.Merged != 1 || out.Skipped != 1 || len(out.Rows) != 2 || out.Rows[0].Action != "merge" ||
		out.Rows[0].ID != lakeside.ID || strings.Join(out.Rows[0].Filled, ",") != "segment,owner" || len(out.Rows[0].Differences) != 5 ||
		out.Rows[1].Action != "skip" || out.Rows[1].ID != "northbridge" {
		t.Errorf("--json: %+v", out)
	}
	l := accountsOf(t, dir)["Lakeside Clinics"]
	if l.Segment != "Nordics" || l.Owner != "team-tomas-reyes" || l.Industry != "Healthcare" || l.NextTender.String() != "2027-09-01" {
		t.Errorf("Lakeside after the merge: %+v; want segment and owner filled, industry and next tender kept", l)
	}
	if n := accountsOf(t, dir)["Northbridge Build Group"]; n.Industry != "Construction" {
		t.Errorf("Northbridge after the import: %+v", n)
	}
	if r := run(t, dir, "account", "import", file, "--on-match", "merge"); r.code != 0 || !strings.Contains(r.stdout, "0 added, 0 merged, 2 skipped") {
		t.Errorf("again, nothing left to fill: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "account", "import", file, "--on-match", "add"); r.code != 2 || !strings.Contains(r.stderr, "--on-match add is not one of skip, merge") {
		t.Errorf("--on-match add: exit %d, stderr %q", r.code, r.stderr)
	}
}
