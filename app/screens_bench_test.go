package app

import (
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// BenchmarkScreensOnUIGoroutine opens each list screen of a generated
// workspace (5,000 accounts, 100,000 people, 2,000 proposals; set
// KAMDESK_BENCH_SIZE=large for 500/20,000/200), and the builder of one of
// its proposals on each of its tabs, and measures the time the
// UI goroutine spends: building the screen and drawing it, then taking
// the rows the background work read. The background work itself is not
// counted: the window stays responsive while it runs. ui-ms is the UI
// goroutine's time per opening; stall-ms the longest of the pieces it
// comes in (work a screen defers to after the window drew, as the
// builder's blocks after the first, is a piece of its own: the window
// draws and takes input between pieces); bg-ms the background work's.
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
	// As the desktop does, the window shows the opening message first,
	// whose text loads the fonts (tens of milliseconds, once a process).
	opening, stop := Opening(st.Dir())
	w.SetContent(opening)
	w.Resize(fyne.NewSize(1280, 800))
	stop()
	d := NewDesk(w, st, nil, Options{
		Today: func() dossier.Date { return storetest.DefaultAnchor },
		Defer: func(f func()) {
			mu.Lock()
			pending = append(pending, f)
			mu.Unlock()
		},
		Background: background,
		After:      func(_ time.Duration, f func()) { f() },
	})
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1280, 800))
	heads, err := st.ProposalHeads("")
	if err != nil || len(heads) == 0 {
		b.Fatalf("%d proposals: %v", len(heads), err)
	}
	// The builder opens on its first tab, or on the tab its place names.
	id := heads[len(heads)/2].ID
	places := map[string]Place{"builder": {Screen: "proposal", ID: id}}
	screens := []string{"accounts", "people", "proposals", "agenda", "team", "library", "builder"}
	for _, tab := range []string{"pricing", "financial", "people", "validity", "audiences", "readiness", "follow-up"} {
		places["builder:"+tab] = Place{Screen: "proposal", ID: id + ":" + tab}
		screens = append(screens, "builder:"+tab)
	}
	for _, screen := range screens {
		place, ok := places[screen]
		if !ok {
			place = Place{Screen: screen}
		}
		b.Run(screen, func(b *testing.B) {
			var ui, stalls []time.Duration
			mu.Lock()
			bg = 0
			mu.Unlock()
			for b.Loop() {
				d.Open(Place{Screen: "welcome"}) // away, so that the list opens afresh
				for done := next(); done != nil; done = next() {
					done()
				}
				t0 := time.Now()
				d.Open(place)
				spent := time.Since(t0)
				stall := spent
				for done := next(); done != nil; done = next() { // done may start more (a filter)
					t1 := time.Now()
					done()
					spent += time.Since(t1)
					stall = max(stall, time.Since(t1))
				}
				ui = append(ui, spent)
				stalls = append(stalls, stall)
			}
			slices.Sort(ui)
			slices.Sort(stalls)
			b.ReportMetric(float64(ui[len(ui)/2])/1e6, "ui-ms")
			b.ReportMetric(float64(ui[len(ui)-1])/1e6, "ui-max-ms")
			b.ReportMetric(float64(stalls[len(stalls)/2])/1e6, "stall-ms")
			b.ReportMetric(float64(stalls[len(stalls)-1])/1e6, "stall-max-ms")
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

// BenchmarkStart opens a generated workspace that was closed properly, as
// the desktop does at start (store.Open, the desk, its Start), and times
// until the accounts list shows the accounts (names-ms) and until it shows
// their coverage and next step too (full-ms); heap-MB is the Go heap in
// use after a collection once the list is full. Window and GL start-up
// (a few hundred milliseconds) are not counted: see the README.
func BenchmarkStart(b *testing.B) {
	o := storetest.Options{Accounts: 5000, PeoplePerAccount: 20, EventsPerAccount: 4, PromisesPerAccount: 2,
		Proposals: 2000, Seed: 1}
	if os.Getenv("KAMDESK_BENCH_SIZE") == "large" {
		o = storetest.Options{Accounts: 500, PeoplePerAccount: 40, EventsPerAccount: 10, PromisesPerAccount: 4,
			Proposals: 200, Seed: 1}
	}
	test.NewTempApp(b)
	dir, err := os.MkdirTemp("", "kamdesk-bench")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs = append(benchDirs, dir)
	st, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := storetest.Generate(st, o); err != nil {
		b.Fatal(err)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	type list interface {
		Loading() bool
		RowCount() int
	}
	var names, full, heap []float64
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	for b.Loop() {
		runtime.GC()
		q := &uitest.Queue{} // background work waits for the loop below
		t0 := time.Now()
		st, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		d := NewDesk(w, st, nil, Options{
			Today:      func() dossier.Date { return storetest.DefaultAnchor },
			Defer:      func(f func()) { f() },
			Background: q.Background,
			After:      func(_ time.Duration, f func()) { f() },
		})
		w.SetContent(d.Content())
		d.Start()
		var shown time.Duration
		for q.Step() {
			l, ok := d.Current().(list)
			if ok && shown == 0 && l.RowCount() > 0 {
				shown = time.Since(t0)
			}
			if ok && l.RowCount() > 0 && !l.Loading() {
				break
			}
		}
		names = append(names, float64(shown)/1e6)
		full = append(full, float64(time.Since(t0))/1e6)
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = append(heap, float64(m.HeapInuse)/(1<<20))
		st.Close()
	}
	median := func(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }
	b.ReportMetric(median(names), "names-ms")
	b.ReportMetric(median(full), "full-ms")
	b.ReportMetric(median(heap), "heap-MB")
}
