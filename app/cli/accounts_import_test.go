package cli_test

import (
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
	if r.code != 0 || !strings.Contains(r.stdout, "0 added, 3 skipped") || len(accountsOf(t, dir)) != before+3 {
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
