package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRestoreAfterDamage: the day's first command backs the workspace up;
// a workspace whose MANIFEST is gone is refused with a line naming
// `kamdesk restore`; restore --yes brings every account back and keeps
// the damaged database aside; backups lists the backup.
func TestRestoreAfterDamage(t *testing.T) {
	dir := demo(t)
	want := mustRun(t, dir, "account", "show", "northbridge", "--json") // the day's backup is made here
	list := decode[[]map[string]any](t, mustRun(t, dir, "backups", "--json"))
	if len(list) != 1 || list[0]["encrypted"] != false {
		t.Fatalf("backups: %v, want one plain backup", list)
	}
	if err := os.Remove(filepath.Join(dir, "db", "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "account", "list")
	if r.code == 0 || !strings.Contains(r.stderr, "kamdesk restore") || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
		t.Fatalf("a damaged workspace: %+v; want one line naming kamdesk restore", r)
	}
	if r := run(t, dir, "restore"); r.code == 0 {
		t.Errorf("restore without --yes and no answer: %+v, want it refused", r)
	}
	out := mustRun(t, dir, "restore", "--yes")
	if !strings.Contains(out, "Restored the backup") || !strings.Contains(out, "kept in") {
		t.Errorf("restore said %q", out)
	}
	if got := mustRun(t, dir, "account", "show", "northbridge", "--json"); got != want {
		t.Error("after the restore northbridge differs from what the backup held")
	}
	aside, _ := filepath.Glob(filepath.Join(dir, "replaced-*", "db", "*.sst"))
	if len(aside) == 0 {
		t.Error("the damaged database was not kept aside")
	}
	if out := mustRun(t, dir, "backup"); !strings.Contains(out, "Backed up to") {
		t.Errorf("backup said %q", out)
	}
	if r := run(t, dir, "restore", filepath.Join(dir, "nonexistent.backup"), "--yes"); r.code == 0 {
		t.Errorf("restore of a missing file: %+v", r)
	}
}
