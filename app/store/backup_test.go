package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// openAt opens dir as it would be opened at now, with the automatic
// backup on (the default).
func openAt(t *testing.T, dir string, now time.Time, passphrase string) *store.Store {
	t.Helper()
	o := store.Options{NoGC: true, Now: func() time.Time { return now }}
	if passphrase != "" {
		o.Passphrase = []byte(passphrase)
	}
	s, err := store.Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sampleAt is a workspace holding the sample, closed, not backed up yet.
func sampleAt(t *testing.T, now time.Time) string {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir
}

// contents is every account, person and proposal of a workspace, as
// JSON-like text, to compare two workspaces by.
func contents(t *testing.T, dir, passphrase string) string {
	t.Helper()
	o := store.Options{NoGC: true, NoBackup: true, ReadOnly: true}
	if passphrase != "" {
		o.Passphrase = []byte(passphrase)
	}
	s, err := store.Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var b strings.Builder
	for _, a := range must(s.Accounts()) {
		b.WriteString(a.ID + a.Name + a.Strategy + "\n")
	}
	for _, p := range must(s.People("")) {
		b.WriteString(p.ID + p.Name + p.Family + p.Hobbies + "\n")
	}
	for _, p := range must(s.Proposals("")) {
		b.WriteString(p.ID + p.Title + "\n")
	}
	return b.String()
}

// TestDailyBackup: the first open of a day backs the workspace up; a
// second open the same day does not; those of the last seven days are
// kept (ten days of opens fall in two weeks, whose newest are among
// them); the backup holds the workspace as it was.
func TestDailyBackup(t *testing.T) {
	empty := t.TempDir()
	openAt(t, empty, fixedNow, "").Close()
	if got := must(store.Backups(empty)); len(got) != 0 {
		t.Errorf("an empty workspace was backed up: %v", got)
	}
	dir := sampleAt(t, fixedNow)
	openAt(t, dir, fixedNow.Add(time.Hour), "").Close()
	list := must(store.Backups(dir))
	if len(list) != 1 {
		t.Fatalf("after an open of the loaded sample: %d backups, want 1", len(list))
	}
	if !list[0].Made.Equal(fixedNow.Add(time.Hour)) || list[0].Encrypted || list[0].Size == 0 {
		t.Errorf("the backup: %+v", list[0])
	}
	openAt(t, dir, fixedNow.Add(5*time.Hour), "").Close()
	if n := len(must(store.Backups(dir))); n != 1 {
		t.Errorf("a second open the same day: %d backups, want 1", n)
	}
	for day := 1; day <= 9; day++ {
		openAt(t, dir, fixedNow.Add(time.Duration(day)*24*time.Hour), "").Close()
	}
	list = must(store.Backups(dir))
	if len(list) != 7 {
		t.Fatalf("after ten days: %d backups, want the newest 7", len(list))
	}
	if want := fixedNow.Add(9 * 24 * time.Hour); !list[0].Made.Equal(want) {
		t.Errorf("the newest backup was made %v, want %v", list[0].Made, want)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "backups", "*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestRestoreDamaged: a workspace whose MANIFEST is gone is refused with
// a line that names its latest backup and the command to restore it;
// Restore brings back everything the backup held and keeps the damaged
// database aside, unchanged.
func TestRestoreDamaged(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	openAt(t, dir, fixedNow.Add(time.Hour), "").Close() // the backup
	want := contents(t, dir, "")
	if err := os.Remove(filepath.Join(dir, "db", "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	damaged := dbFiles(t, filepath.Join(dir, "db"))
	_, err := store.Open(dir, store.Options{NoGC: true})
	if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "kamdesk restore") || !strings.Contains(err.Error(), "latest automatic backup") {
		t.Fatalf("open of a damaged workspace: %v; want it refused, naming the backup", err)
	}
	b, ok := store.LatestBackup(dir)
	if !ok {
		t.Fatal("no latest backup")
	}
	res, err := store.Restore(dir, b.Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Aside == "" || res.Keys == 0 {
		t.Errorf("restore: %+v", res)
	}
	if got := dbFiles(t, filepath.Join(res.Aside, "db")); !equalFiles(got, damaged) {
		t.Error("the damaged database was not kept aside as it was")
	}
	if got := contents(t, dir, ""); got != want {
		t.Errorf("after the restore the workspace holds\n%s\nwant\n%s", got, want)
	}
}

// TestRestoreRefusesDamagedBackup: a backup cut short, with a byte
// changed, or with more after its end is refused with a line that says
// so, and the workspace is left as it was; backups of both versions (1:
// testdata/backup-v1.backup, 2: the day's backup), and for version 2 a
// header changed by hand too (the checksum covers it).
func TestRestoreRefusesDamagedBackup(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	openAt(t, dir, fixedNow.Add(time.Hour), "").Close()
	b, _ := store.LatestBackup(dir)
	before := dbFiles(t, filepath.Join(dir, "db"))
	for version, path := range map[int]string{1: filepath.Join("testdata", "backup-v1.backup"), 2: b.Path} {
		good, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if magic := fmt.Sprintf("kamdesk backup %d\n", version); !bytes.HasPrefix(good, []byte(magic)) {
			t.Fatalf("%s does not start with %q", path, magic)
		}
		cases := map[string]struct {
			data []byte
			want string
		}{
			"cut short": {good[:len(good)*2/3], "is damaged (it is cut short)"},
			"no end":    {good[:len(good)-40], "is damaged (it is cut short)"},
			"byte flipped": {func() []byte {
				b := slices.Clone(good)
				b[len(b)/2] ^= 0x20
				return b
			}(), "is damaged (its contents do not match their checksum)"},
			"more after the end": {append(slices.Clone(good), "extra"...), "is damaged (there is more after its end)"},
			"not a backup":       {[]byte("hello\n"), "not a kamdesk backup"},
			"empty":              {nil, "not a kamdesk backup"},
		}
		if version == 2 {
			cases["date changed"] = struct {
				data []byte
				want string
			}{bytes.Replace(good, []byte(`"made":"2026-11-25T10`), []byte(`"made":"2026-11-24T10`), 1), "is damaged (its contents do not match their checksum)"}
		}
		for name, c := range cases {
			t.Run(fmt.Sprintf("version %d %s", version, name), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "bad.backup")
				os.WriteFile(path, c.data, 0o600)
				if bytes.Equal(c.data, good) {
					t.Fatal("the damage left the backup as it was")
				}
				_, err := store.Restore(dir, path, nil)
				if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
					t.Errorf("restore: %v; want ErrDamaged, naming the file and saying %q", err, c.want)
				}
				if _, verr := store.VerifyBackup(path, nil); verr == nil || err == nil || verr.Error() != err.Error() {
					t.Errorf("verify: %v; want what restore said", verr)
				}
				if got := dbFiles(t, filepath.Join(dir, "db")); !equalFiles(got, before) {
					t.Error("a refused restore changed the workspace")
				}
				if aside, _ := filepath.Glob(filepath.Join(dir, "replaced-*")); len(aside) > 0 {
					t.Errorf("a refused restore left %v", aside)
				}
			})
		}
	}
}

// TestEncryptedBackup: the backup of an encrypted workspace shows none of
// its texts, needs the passphrase to restore, refuses a wrong one, and
// gives back an encrypted workspace. Encrypting drops the plain backups.
func TestEncryptedBackup(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	openAt(t, dir, fixedNow.Add(time.Hour), "").Close()
	if got := readable(t, filepath.Join(dir, "backups")); len(got) == 0 {
		t.Fatal("the plain backup shows none of the sample's texts: the search cannot tell")
	}
	const pass = "correct horse battery"
	if err := store.Encrypt(dir, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	if got := must(store.Backups(dir)); len(got) != 0 {
		t.Errorf("the plain backups outlived the encryption: %v", got)
	}
	openAt(t, dir, fixedNow.Add(2*time.Hour), pass).Close()
	b, ok := store.LatestBackup(dir)
	if !ok || !b.Encrypted || !store.BackupEncrypted(b.Path) {
		t.Fatalf("no encrypted backup after an open: %+v", b)
	}
	if got := readable(t, dir); len(got) > 0 {
		t.Errorf("the encrypted workspace shows %q", got)
	}
	want := contents(t, dir, pass)
	if _, err := store.Restore(dir, b.Path, nil); !errors.Is(err, store.ErrPassphraseNeeded) {
		t.Errorf("restore without a passphrase: %v", err)
	}
	if _, err := store.Restore(dir, b.Path, []byte("wrong passphrase")); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("restore with a wrong passphrase: %v", err)
	}
	if _, err := store.Restore(dir, b.Path, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	if !store.Encrypted(dir) {
		t.Error("the restored workspace is not encrypted")
	}
	if got := contents(t, dir, pass); got != want {
		t.Errorf("after the restore:\n%s\nwant\n%s", got, want)
	}
}

// TestRestoreWhileOpen: a workspace kamdesk has open is not replaced.
func TestRestoreWhileOpen(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	s := openAt(t, dir, fixedNow.Add(time.Hour), "")
	defer s.Close()
	b, err := s.BackUp()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(dir, b.Path, nil); !errors.Is(err, store.ErrLocked) {
		t.Errorf("restore of an open workspace: %v, want ErrLocked", err)
	}
	if _, err := s.Accounts(); err != nil {
		t.Errorf("the open workspace after a refused restore: %v", err)
	}
}

// TestBackupSeesOneMoment: a backup made while saves go on holds the
// workspace of one moment: every record it holds reads back whole.
func TestBackupSeesOneMoment(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	s := openAt(t, dir, fixedNow, "")
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 300 {
			e := dossier.Event{AccountID: "northbridge", Kind: dossier.EventNote, Date: today, Title: "Note " + strings.Repeat("x", i%40)}
			if err := s.SaveEvent(&e); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var last store.Backup
	for range 3 {
		b, err := s.BackUp()
		if err != nil {
			t.Fatal(err)
		}
		last = b
	}
	<-done
	s.Close()
	other := t.TempDir()
	if _, err := store.Restore(other, last.Path, nil); err != nil {
		t.Fatal(err)
	}
	r, err := store.Open(other, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Events("northbridge"); err != nil {
		t.Errorf("the events of the restored workspace: %v", err)
	}
}

// dbFiles reads every file of a database directory, by name, leaving out
// the lock files an open may touch.
func dbFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out[e.Name()] = b
	}
	return out
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}
