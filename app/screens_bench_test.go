package app

import (
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
)

// BenchmarkScreensOnUIGoroutine opens each list screen of a generated
// workspace (5,000 accounts, 100,000 people, 2,000 proposals; set
// KAMDESK_BENCH_SIZE=large for 500/20,000/200) and measures the time the
// UI goroutine spends: building the screen and drawing it, then taking
// the rows the background work read. The background work itself is not
// counted: the window stays responsive while it runs. ui-ms is the UI
// goroutine's time per opening; bg-ms the background work's.
func BenchmarkScreensOnUIGoroutine(b *testing.B) {
	o := storetest.Options{Accounts: 5000, PeoplePerAccount: 20, EventsPerAccount: 4, PromisesPerAccount: 2,
		Proposals: 2000, Seed: 1}
	if os.Getenv("KAMDESK_BENCH_SIZE") == "large" {
		o = storetest.Options{Accounts: 500, PeoplePerAccount: 40, EventsPerAccount: 10, PromisesPerAccount: 4,
			Proposals: 200, Seed: 1}
	}
	test.NewTempApp(b)
	st := benchWorkspace(b, o)
	// The UI goroutine is the benchmark's: background work runs on a
	// goroutine and hands done back, timed apart.
	var (
		mu      sync.Mutex
		running sync.WaitGroup
		bg      time.Duration
		pending []func()
	)
	background := func(work, done func()) {
		running.Add(1)
		go func() {
			defer running.Done()
			t0 := time.Now()
			work()
			mu.Lock()
			bg += time.Since(t0)
			pending = append(pending, done)
			mu.Unlock()
		}()
	}
	// next waits for the background work and returns what it hands back.
	next := func() func() {
		running.Wait()
		mu.Lock()
		defer mu.Unlock()
		if len(pending) == 0 {
			return nil
		}
		done := pending[0]
		pending = pending[1:]
		return done
	}
	w := test.NewTempWindow(b, nil)
	d := NewDesk(w, st, nil, Options{
		Today:      func() dossier.Date { return storetest.DefaultAnchor },
		Defer:      func(f func()) { f() },
		Background: background,
		After:      func(_ time.Duration, f func()) { f() },
	})
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1280, 800))
	for _, screen := range []string{"accounts", "people", "proposals", "agenda", "team", "library"} {
		b.Run(screen, func(b *testing.B) {
			var ui []time.Duration
			mu.Lock()
			bg = 0
			mu.Unlock()
			for b.Loop() {
				d.Open(Place{Screen: "welcome"}) // away, so that the list opens afresh
				for done := next(); done != nil; done = next() {
					done()
				}
				t0 := time.Now()
				d.Open(Place{Screen: screen})
				spent := time.Since(t0)
				for done := next(); done != nil; done = next() { // done may start more (a filter)
					t1 := time.Now()
					done()
					spent += time.Since(t1)
				}
				ui = append(ui, spent)
			}
			slices.Sort(ui)
			b.ReportMetric(float64(ui[len(ui)/2])/1e6, "ui-ms")
			b.ReportMetric(float64(ui[len(ui)-1])/1e6, "ui-max-ms")
			mu.Lock()
			b.ReportMetric(float64(bg)/float64(len(ui))/1e6, "bg-ms")
			mu.Unlock()
		})
	}
}

// benchStores are the generated workspaces of the benchmarks, one per
// size, generated once per test binary (-count runs the benchmark again).
var benchStores = map[storetest.Options]*store.Store{}

func benchWorkspace(b *testing.B, o storetest.Options) *store.Store {
	b.Helper()
	if st := benchStores[o]; st != nil {
		return st
	}
	dir, err := os.MkdirTemp("", "kamdesk-bench")
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := storetest.Generate(st, o); err != nil {
		b.Fatal(err)
	}
	benchStores[o] = st
	benchDirs = append(benchDirs, dir)
	return st
}

// benchDirs are the folders of benchStores, removed by TestMain.
var benchDirs []string
