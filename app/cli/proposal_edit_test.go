package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPricingAndFinancialMakeAProposalReady follows a user from an empty
// draft to a proposal without blocking findings, on the command line only.
func TestPricingAndFinancialMakeAProposalReady(t *testing.T) {
	dir := demo(t)
	id := strings.TrimSpace(mustRun(t, dir, "proposal", "new", "--account", "northbridge",
		"--title", "Controls for the modular plant",
		"--team", "team-mara-lindqvist,team-jonas-brandt,team-priya-natarajan",
		"--references", "ref-kelsey-rowe-homes,ref-pellmore-hospitals", "--valid-days", "45"))
	if r := run(t, dir, "proposal", "check", id); r.code != 1 {
		t.Fatalf("check of a draft without prices: exit %d, want 1 (blocking)\n%s", r.code, r.stdout)
	}

	csvFile := filepath.Join(t.TempDir(), "pricing.csv")
	os.WriteFile(csvFile, []byte("description,quantity,unit,unit_price,discount,currency\n"+
		"\"Controls kit, per module\",1800,module,412.50,5,GBP\n"+
		"Commissioning licence,1,site-year,24000,,GBP\n"), 0o600)
	out := mustRun(t, dir, "proposal", "pricing", id, "--csv", csvFile)
	for _, want := range []string{"Controls kit, per module", "GBP 705,375.00", "Total GBP", "GBP 729,375.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("pricing output lacks %q:\n%s", want, out)
		}
	}
	out = mustRun(t, dir, "proposal", "financial", id, "--yearly-gain", "310000", "--years", "5")
	for _, want := range []string{"Investment: GBP 729,375.00", "Payback: 28.3 months", "ROI: 112.5% over 5 years"} {
		if !strings.Contains(out, want) {
			t.Errorf("financial output lacks %q:\n%s", want, out)
		}
	}
	if r := run(t, dir, "proposal", "check", id); r.code != 0 {
		t.Errorf("check after pricing and financial result: exit %d, want 0\n%s", r.code, r.stdout)
	}
}

func TestPricingCSVErrorsNameTheLine(t *testing.T) {
	dir := demo(t)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("description,quantity,unit,unit_price,discount,currency\n"+
		"Good line,1,day,100,0,EUR\n"+
		"Bad line,one,day,12,50,0,EUR\n"), 0o600)
	r := run(t, dir, "proposal", "pricing", "prop-castellan-calm-rollout", "--csv", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "bad.csv") || !strings.Contains(r.stderr, "3") {
		t.Errorf("bad CSV: exit %d, stderr %q; want exit 1 naming bad.csv and line 3", r.code, r.stderr)
	}
	bad2 := filepath.Join(t.TempDir(), "bad2.csv")
	os.WriteFile(bad2, []byte("description,quantity,unit,unit_price,discount,currency\nX,abc,day,1,0,EUR\n"), 0o600)
	r = run(t, dir, "proposal", "pricing", "prop-castellan-calm-rollout", "--csv", bad2)
	if r.code != 1 || !strings.Contains(r.stderr, "bad2.csv:2: quantity") {
		t.Errorf("bad quantity: exit %d, stderr %q; want bad2.csv:2: quantity", r.code, r.stderr)
	}
	// Nothing changed in the proposal.
	out := mustRun(t, dir, "proposal", "pricing", "prop-castellan-calm-rollout")
	if strings.Contains(out, "Good line") {
		t.Error("a CSV with errors replaced the pricing table")
	}
}
