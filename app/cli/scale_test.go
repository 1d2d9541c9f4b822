package cli_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
)

// scaleCommands are the list commands whose cost must grow with the
// workspace and no faster.
var scaleCommands = [][]string{
	{"account", "list"}, {"account", "list", "--json"},
	{"person", "list"}, {"person", "list", "--json"},
	{"agenda"}, {"agenda", "--json"},
	{"proposal", "list"}, {"team", "list"}, {"reference", "list"}, {"library", "list"},
}

// generated makes a workspace of accounts with peoplePer people each, a
// few events and promises each, and a proposal for every five accounts.
func generated(t testing.TB, accounts, peoplePer int) string {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true,
		Now: func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	err = storetest.Generate(s, storetest.Options{Accounts: accounts, PeoplePerAccount: peoplePer,
		EventsPerAccount: 2, PromisesPerAccount: 2, Proposals: accounts / 5, Seed: 7, Anchor: today})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// work is what one run of a command costs, counted, not timed: the
// records and summaries the store decodes, the records the workspace's
// lookups look at, and the memory allocations.
type work struct{ decoded, scanned, mallocs int64 }

func (w work) String() string {
	return fmt.Sprintf("%d decoded, %d scanned, %d allocations", w.decoded, w.scanned, w.mallocs)
}

func measure(t *testing.T, dir string, args []string) work {
	t.Helper()
	if r := run(t, dir, args...); r.code != 0 { // the day's backup, the caches
		t.Fatalf("%v: exit %d, %s", args, r.code, r.stderr)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, s := store.Decoded(), dossier.Scanned()
	run(t, dir, args...)
	runtime.ReadMemStats(&after)
	return work{store.Decoded() - d, dossier.Scanned() - s, int64(after.Mallocs - before.Mallocs)}
}

// TestListCommandsGrowLinearly: from 1,000 people in 50 accounts to
// 10,000 in 500 (ten times the people, the accounts and the proposals),
// no list command's work grows more than twelve times. A
// lookup by ID in a loop over the records (the agenda naming each
// proposal's account, account list reading everybody once per account)
// grows about a hundred times. The speed benchmarks go on to 100,000
// people (BenchmarkListCommands, make bench), which a test under the
// race detector cannot afford to generate.
func TestListCommandsGrowLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("generates workspaces of 1,000 and 10,000 people")
	}
	small, big := generated(t, 50, 20), generated(t, 500, 20)
	for _, args := range scaleCommands {
		a, b := measure(t, small, args), measure(t, big, args)
		for _, c := range []struct {
			what     string
			from, to int64
		}{{"records decoded", a.decoded, b.decoded}, {"records scanned", a.scanned, b.scanned},
			{"allocations", a.mallocs, b.mallocs}} {
			if c.to > 12*max(c.from, 1) && c.to > 1000 {
				t.Errorf("%v: %s grew from %d to %d (×%.1f) for ten times the people",
					args, c.what, c.from, c.to, float64(c.to)/float64(max(c.from, 1)))
			}
		}
		t.Logf("%v: 1,000 people: %v; 10,000: %v", args, a, b)
	}
}
