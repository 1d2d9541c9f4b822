package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"kamdesk/app/store"
)

// madeDays are the days (0 = fixedNow's) the backups of dir were made on,
// newest first.
func madeDays(t *testing.T, dir string) []int {
	t.Helper()
	var days []int
	start := fixedNow.Truncate(24 * time.Hour)
	for _, b := range must(store.Backups(dir)) {
		days = append(days, int(b.Made.Sub(start)/(24*time.Hour)))
	}
	return days
}

// TestBackupsKeptDailyAndWeekly: forty days of daily opens keep the
// newest backup of each of the last seven days and of each of the last
// four weeks; a policy set later deletes at once what it no longer keeps.
func TestBackupsKeptDailyAndWeekly(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	for day := range 40 { // Wednesday 25 November 2026 to Sunday 3 January 2027
		openAt(t, dir, fixedNow.Add(time.Duration(day)*24*time.Hour+time.Hour), "").Close()
	}
	// The last seven days, 28 December to 3 January (ISO week 53 of
	// 2026), then the Sundays ending weeks 52, 51 and 50: 27, 20 and 13
	// December.
	want := []int{39, 38, 37, 36, 35, 34, 33, 32, 25, 18}
	if got := madeDays(t, dir); !slices.Equal(got, want) {
		t.Errorf("kept the backups of days %v, want %v", got, want)
	}

	s := openAt(t, dir, fixedNow.Add(39*24*time.Hour+2*time.Hour), "")
	if p := must(s.BackupPolicy()); p != store.DefaultBackupPolicy {
		t.Errorf("the policy of a workspace that set none: %+v", p)
	}
	if err := s.SetBackupPolicy(store.BackupPolicy{Daily: 3, Weekly: 2}); err != nil {
		t.Fatal(err)
	}
	if got, want := madeDays(t, dir), []int{39, 38, 37, 32}; !slices.Equal(got, want) {
		t.Errorf("after keeping 3 days and 2 weeks: days %v, want %v", got, want)
	}
	for _, bad := range []store.BackupPolicy{{Daily: 0, Weekly: 4}, {Daily: 7, Weekly: -1}, {Daily: 400, Weekly: 4}} {
		if err := s.SetBackupPolicy(bad); err == nil {
			t.Errorf("the policy %+v was taken", bad)
		}
	}
	if p := must(s.BackupPolicy()); p != (store.BackupPolicy{Daily: 3, Weekly: 2}) {
		t.Errorf("the policy after refused ones: %+v", p)
	}
	s.Close()
}

// TestBackupWhileOpen: a workspace left open past a day backs itself up
// again, on its own goroutine, while it is in use.
func TestBackupWhileOpen(t *testing.T) {
	defer store.SetBackupCheck(10 * time.Millisecond)()
	dir := sampleAt(t, fixedNow)
	var now atomic.Int64
	now.Store(fixedNow.UnixNano())
	s, err := store.Open(dir, store.Options{NoGC: true, Now: func() time.Time { return time.Unix(0, now.Load()).UTC() }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	waitFor := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if len(must(store.Backups(dir))) >= n {
				return
			}
		}
		t.Fatalf("no backup number %d while the workspace stayed open", n)
	}
	waitFor(1) // the open's
	time.Sleep(50 * time.Millisecond)
	if n := len(must(store.Backups(dir))); n != 1 {
		t.Fatalf("%d backups within the day, want 1", n)
	}
	now.Store(fixedNow.Add(21 * time.Hour).UnixNano())
	waitFor(2)
	if _, err := s.Accounts(); err != nil {
		t.Error(err)
	}
}

// TestBackUpToAndVerify: a backup written to a file of one's choosing
// reads back whole with its manifest: when it was made, its schema, and
// the records of each kind the workspace holds; a manifest changed by
// hand, a cut or a changed byte is reported as damage.
func TestBackUpToAndVerify(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	s := openAt(t, dir, fixedNow.Add(time.Hour), "")
	path := filepath.Join(t.TempDir(), "monday.backup")
	b, err := s.BackUpTo(path)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"account": len(must(s.Accounts())), "person": len(must(s.People(""))),
		"proposal": len(must(s.Proposals("")))}
	s.Close()
	if b.Path != path || b.Size == 0 || !b.Made.Equal(fixedNow.Add(time.Hour)) {
		t.Errorf("the backup: %+v", b)
	}
	if own := must(store.Backups(dir)); len(own) != 1 { // the open's own, not this one
		t.Errorf("the workspace's own backups: %v", own)
	}
	r, err := store.VerifyBackup(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Made.Equal(b.Made) || r.Schema != store.SchemaVersion || r.Keys == 0 || r.Size != b.Size {
		t.Errorf("the report: %+v", r)
	}
	for noun, n := range want {
		if r.Records[noun] != n || n == 0 {
			t.Errorf("the backup holds %d of %s, the workspace %d", r.Records[noun], noun, n)
		}
	}
	if len(r.Records) != len(store.RecordNouns()) {
		t.Errorf("records of %d kinds, want %d: %v", len(r.Records), len(store.RecordNouns()), r.Records)
	}

	good := must(os.ReadFile(path))
	manifest := []byte(`"acct":6`)
	if !bytes.Contains(good, manifest) {
		t.Fatalf("the manifest does not count 6 accounts:\n%q", good[len(good)-200:])
	}
	for name, data := range map[string][]byte{
		"manifest changed": bytes.Replace(good, manifest, []byte(`"acct":7`), 1),
		"cut short":        good[:len(good)/2],
	} {
		bad := filepath.Join(t.TempDir(), "bad.backup")
		os.WriteFile(bad, data, 0o600)
		if _, err := store.VerifyBackup(bad, nil); !errors.Is(err, store.ErrDamaged) {
			t.Errorf("%s: %v, want ErrDamaged", name, err)
		}
	}
}

// TestLatestGoodBackup: a damaged newest backup is passed over for the
// one before it; with none whole, the newest's damage is the answer.
func TestLatestGoodBackup(t *testing.T) {
	dir := sampleAt(t, fixedNow)
	openAt(t, dir, fixedNow.Add(time.Hour), "").Close()
	openAt(t, dir, fixedNow.Add(25*time.Hour), "").Close()
	list := must(store.Backups(dir))
	if len(list) != 2 {
		t.Fatalf("%d backups", len(list))
	}
	if b, err := store.LatestGoodBackup(dir, nil); err != nil || b.Path != list[0].Path {
		t.Errorf("with both whole: %v, %v; want the newest", b.Path, err)
	}
	data := must(os.ReadFile(list[0].Path))
	os.WriteFile(list[0].Path, data[:len(data)/2], 0o600)
	if b, err := store.LatestGoodBackup(dir, nil); err != nil || b.Path != list[1].Path {
		t.Errorf("with the newest cut: %v, %v; want the one before", b.Path, err)
	}
	os.WriteFile(list[1].Path, data[:10], 0o600)
	if _, err := store.LatestGoodBackup(dir, nil); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("with none whole: %v, want ErrDamaged", err)
	}
}
