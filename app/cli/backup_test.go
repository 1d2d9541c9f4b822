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

// TestBackupToAFileVerifyAndRestoreIntoANewFolder: `backup FILE` writes a
// backup where the user says (never over a file), `backup --verify`
// reads it whole without a workspace and counts its records, and
// `restore FILE` fills a new or empty folder without asking but refuses
// a folder that holds something unless --replace.
func TestBackupToAFileVerifyAndRestoreIntoANewFolder(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "before-the-tender.backup")
	if out := mustRun(t, dir, "backup", file); !strings.Contains(out, "Backed up to "+file) {
		t.Errorf("backup FILE said %q", out)
	}
	if r := run(t, dir, "backup", file); r.code == 0 || !strings.Contains(r.stderr, "exists already") {
		t.Errorf("a backup over an existing file: %+v", r)
	}
	nowhere := filepath.Join(t.TempDir(), "no workspace")
	out := mustRun(t, nowhere, "backup", "--verify", file)
	for _, want := range []string{"is whole", "accounts", "people", "proposals", "library sections"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify does not say %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(nowhere); !os.IsNotExist(err) {
		t.Errorf("verify made its --data folder: %v", err)
	}
	v := decode[map[string]any](t, mustRun(t, t.TempDir(), "backup", "--verify", "--json", file))
	records, _ := v["records"].(map[string]any)
	if records["accounts"] != float64(6) || records["people"] != float64(32) || v["keys"] == float64(0) {
		t.Errorf("verify --json: %v", v)
	}
	bad := filepath.Join(t.TempDir(), "bad.backup")
	data, _ := os.ReadFile(file)
	os.WriteFile(bad, data[:len(data)/2], 0o600)
	if r := run(t, t.TempDir(), "backup", "--verify", bad); r.code == 0 || !strings.Contains(r.stderr, "damaged") {
		t.Errorf("verify of a cut backup: %+v", r)
	}

	want := mustRun(t, dir, "account", "list", "--json")
	if r := run(t, dir, "restore", file, "--yes"); r.code == 0 || !strings.Contains(r.stderr, "not empty") || !strings.Contains(r.stderr, "--replace") {
		t.Errorf("restore into the workspace itself: %+v, want it refused", r)
	}
	if aside, _ := filepath.Glob(filepath.Join(dir, "replaced-*")); len(aside) > 0 {
		t.Errorf("a refused restore moved the workspace aside: %v", aside)
	}
	fresh := filepath.Join(t.TempDir(), "restored")
	if out := mustRun(t, fresh, "restore", file); !strings.Contains(out, "Restored the backup") {
		t.Errorf("restore into a new folder said %q", out)
	}
	if got := mustRun(t, fresh, "account", "list", "--json"); got != want {
		t.Errorf("the restored workspace lists\n%s\nwant\n%s", got, want)
	}
	if out := mustRun(t, dir, "restore", file, "--replace", "--yes"); !strings.Contains(out, "kept in") {
		t.Errorf("restore --replace said %q", out)
	}

	if out := mustRun(t, dir, "backups", "--keep-daily", "3", "--keep-weekly", "2"); !strings.Contains(out, "last 3 days and 2 weeks") {
		t.Errorf("backups --keep-daily said %q", out)
	}
	if r := run(t, dir, "backups", "--keep-daily", "0"); r.code == 0 || !strings.Contains(r.stderr, "daily") {
		t.Errorf("keeping no daily backup: %+v", r)
	}
}

// TestVerifyAndRestoreAVersion1Backup: a backup in the format kamdesk
// wrote before its body was Badger's backup stream verifies with its
// counts and restores into a new folder, encrypted or not.
func TestVerifyAndRestoreAVersion1Backup(t *testing.T) {
	pass := filepath.Join(t.TempDir(), "passphrase")
	os.WriteFile(pass, []byte("fixture passphrase\n"), 0o600)
	for _, file := range []string{"backup-v1.backup", "backup-v1-encrypted.backup"} {
		path := filepath.Join("..", "store", "testdata", file)
		v := decode[map[string]any](t, mustRun(t, t.TempDir(), "--passphrase-file", pass, "backup", "--verify", "--json", path))
		records, _ := v["records"].(map[string]any)
		if v["keys"] != float64(84) || records["accounts"] != float64(2) || records["people"] != float64(6) || v["encrypted"] != (file != "backup-v1.backup") {
			t.Errorf("verify --json %s: %v", file, v)
		}
		fresh := filepath.Join(t.TempDir(), "restored")
		if out := mustRun(t, fresh, "--passphrase-file", pass, "restore", path); !strings.Contains(out, "Restored the backup made ") || !strings.Contains(out, "(84 entries)") {
			t.Errorf("restore %s said %q", file, out)
		}
		if people := decode[[]map[string]any](t, mustRun(t, fresh, "--passphrase-file", pass, "person", "list", "--json")); len(people) != 6 {
			t.Errorf("the workspace restored from %s lists %d people, want 6", file, len(people))
		}
	}
}
