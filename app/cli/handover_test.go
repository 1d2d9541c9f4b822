package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccountExport: account export writes one bundle with a one-line
// summary, --json reports its counts, and an existing file is never
// written over.
func TestAccountExport(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "northbridge.kamdesk")
	out := mustRun(t, dir, "account", "export", "northbridge", "-o", file)
	if !strings.HasPrefix(out, "Wrote "+file+": Northbridge") || strings.Count(out, "\n") != 1 {
		t.Errorf("export said %q", out)
	}
	if r := run(t, dir, "account", "export", "northbridge", "--output", file); r.code == 0 || !strings.Contains(r.stderr, "exists already") {
		t.Errorf("an export over an existing file: %+v", r)
	}
	other := filepath.Join(t.TempDir(), "b.kamdesk")
	v := decode[map[string]any](t, mustRun(t, dir, "account", "export", "northbridge", "--output", other, "--json"))
	recs, _ := v["records"].(map[string]any)
	if v["account"] != "northbridge" || recs["people"] != float64(6) || recs["proposals"] == float64(0) || recs["sent_copies"] == float64(0) {
		t.Errorf("export --json: %v", v)
	}
	if r := run(t, dir, "account", "export", "nobody", "-o", filepath.Join(t.TempDir(), "x.kamdesk")); r.code == 0 || !strings.Contains(r.stderr, "nobody") {
		t.Errorf("export of a missing account: %+v", r)
	}
	if left, _ := os.ReadDir(filepath.Dir(file)); len(left) != 1 {
		t.Errorf("files beside the bundle: %v", left)
	}
}
