package app

import (
	"bytes"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/app/ui/uitest"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Lists load in the background (issue 10): opening a list returns to the
// UI at once, with a loading state, while the workspace is read on another
// goroutine; a list shown again keeps its rows until the new ones are in.

// goroutineID is the number of the calling goroutine, from its stack.
func goroutineID() int {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	buf = bytes.TrimPrefix(buf, []byte("goroutine "))
	id, _ := strconv.Atoi(string(buf[:bytes.IndexByte(buf, ' ')]))
	return id
}

// gatedStore holds the reads of whole lists at a gate, and reports a read
// made on the UI goroutine (it would freeze the window on a big workspace).
type gatedStore struct {
	*store.Store
	t  *testing.T
	ui int // the UI goroutine: the test's

	mu     sync.Mutex
	gate   chan struct{} // nil or closed: reads go through
	onUI   []string      // the reads made on the UI goroutine
	waited int           // the reads held at the gate
}

// hold makes the next reads wait until release.
func (g *gatedStore) hold() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gate, g.waited = make(chan struct{}), 0
}

// release lets the held reads through.
func (g *gatedStore) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.gate != nil {
		close(g.gate)
		g.gate = nil
	}
}

func (g *gatedStore) pass(what string) {
	g.mu.Lock()
	gate := g.gate
	if goroutineID() == g.ui {
		g.onUI = append(g.onUI, what)
		gate = nil // do not freeze the test: report it
	} else if gate != nil {
		g.waited++
	}
	g.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-time.After(time.Minute):
			g.t.Errorf("%s waited a minute at the gate", what)
		}
	}
}

// readsOnUI returns and forgets the reads made on the UI goroutine.
func (g *gatedStore) readsOnUI() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	r := g.onUI
	g.onUI = nil
	return r
}

func (g *gatedStore) Workspace() (dossier.Workspace, error) {
	g.pass("Workspace")
	return g.Store.Workspace()
}

func (g *gatedStore) Overview() (dossier.Workspace, error) {
	g.pass("Overview")
	return g.Store.Overview()
}

func (g *gatedStore) PeopleSummaries() ([]dossier.Person, error) {
	g.pass("PeopleSummaries")
	return g.Store.PeopleSummaries()
}

func (g *gatedStore) People(acct string) ([]dossier.Person, error) {
	g.pass("People")
	return g.Store.People(acct)
}

func (g *gatedStore) Proposals(acct string) ([]proposal.Proposal, error) {
	g.pass("Proposals")
	return g.Store.Proposals(acct)
}

func (g *gatedStore) Team() ([]dossier.TeamMember, error) {
	g.pass("Team")
	return g.Store.Team()
}

func (g *gatedStore) References() ([]dossier.Reference, error) {
	g.pass("References")
	return g.Store.References()
}

func (g *gatedStore) HasAccounts() (bool, error) {
	g.pass("HasAccounts")
	return g.Store.HasAccounts()
}

func (g *gatedStore) AccountNames() ([]dossier.AccountName, error) {
	g.pass("AccountNames")
	return g.Store.AccountNames()
}

func (g *gatedStore) ProposalHeads(acct string) ([]proposal.Head, error) {
	g.pass("ProposalHeads")
	return g.Store.ProposalHeads(acct)
}

func (g *gatedStore) Readiness(today dossier.Date) (map[string]proposal.Readiness, error) {
	g.pass("Readiness")
	return g.Store.Readiness(today)
}

func (g *gatedStore) Accounts() ([]dossier.Account, error) {
	g.pass("Accounts")
	return g.Store.Accounts()
}

func (g *gatedStore) Context(acct string, today dossier.Date) (*proposal.Context, error) {
	g.pass("Context")
	return g.Store.Context(acct, today)
}

// laterWork runs background work on goroutines as the desk does, and hands
// what is to be done on the UI goroutine back when the test calls finish.
type laterWork struct {
	running sync.WaitGroup
	mu      sync.Mutex
	done    []func()
}

func (l *laterWork) run(work, done func()) {
	l.running.Add(1)
	go func() {
		defer l.running.Done()
		work()
		l.mu.Lock()
		l.done = append(l.done, done)
		l.mu.Unlock()
	}()
}

// finish waits for the work started, then runs what it hands back, until
// no work is left.
func (l *laterWork) finish() {
	for {
		l.running.Wait()
		l.mu.Lock()
		done := l.done
		l.done = nil
		l.mu.Unlock()
		if len(done) == 0 {
			return
		}
		for _, f := range done {
			f()
		}
	}
}

// gatedDesk opens a desk on the sample workspace behind a gatedStore, with
// its background work on goroutines that the test finishes.
func gatedDesk(t *testing.T) (*Desk, *gatedStore, *laterWork) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.LoadSample(assets.Sample, testToday, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	g := &gatedStore{Store: st, t: t, ui: goroutineID()}
	later := &laterWork{}
	w := test.NewTempWindow(t, nil)
	d := NewDesk(w, g, nil, Options{
		Today:      func() dossier.Date { return testToday },
		Defer:      func(f func()) { f() },
		Background: later.run,
		After:      func(_ time.Duration, f func()) { f() },
	})
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1280, 800))
	d.Start()
	if reads := g.readsOnUI(); len(reads) > 0 {
		t.Errorf("starting the desk read %v on the UI goroutine", reads)
	}
	later.finish()
	return d, g, later
}

// listScreen is what the test asks of a list screen.
type listScreen interface {
	Loading() bool
	RowCount() int
}

func TestListsLoadInTheBackground(t *testing.T) {
	d, g, later := gatedDesk(t)
	for _, name := range []string{"accounts", "people", "proposals", "agenda", "team"} {
		t.Run(name, func(t *testing.T) {
			g.mu.Lock()
			g.ui = goroutineID() // the subtest's goroutine is the UI's now
			g.mu.Unlock()
			// Another screen first, so that the list is opened afresh.
			other := "team"
			if name == "team" {
				other = "accounts"
			}
			d.Show(Place{Screen: other})
			later.finish()
			g.readsOnUI()

			g.hold()
			d.Show(Place{Screen: name})
			if reads := g.readsOnUI(); len(reads) > 0 {
				t.Errorf("opening %s read %v on the UI goroutine", name, reads)
			}
			s, ok := d.Current().(listScreen)
			if !ok {
				t.Fatalf("%s is a %T, not a list screen", name, d.Current())
			}
			if !s.Loading() {
				t.Errorf("%s shows no loading state while its data is read", name)
			}
			if n := s.RowCount(); n != 0 {
				t.Errorf("%s shows %d rows before its data is read", name, n)
			}
			g.release()
			later.finish()
			if s.Loading() {
				t.Errorf("%s still shows its loading state once loaded", name)
			}
			loaded := s.RowCount()
			if loaded == 0 {
				t.Fatalf("%s shows no rows once loaded", name)
			}

			// Shown again (a refresh after a change elsewhere), it keeps
			// its rows on screen until the new ones are read.
			g.hold()
			d.Refresh()
			if reads := g.readsOnUI(); len(reads) > 0 {
				t.Errorf("refreshing %s read %v on the UI goroutine", name, reads)
			}
			s = d.Current().(listScreen)
			if n := s.RowCount(); n != loaded {
				t.Errorf("refreshing %s shows %d rows while loading, want the %d already shown", name, n, loaded)
			}
			if !s.Loading() {
				t.Errorf("refreshing %s shows no loading state", name)
			}
			g.release()
			later.finish()
			if n := s.RowCount(); n != loaded || s.Loading() {
				t.Errorf("refreshed %s: %d rows, loading %v; want %d rows, loaded", name, n, s.Loading(), loaded)
			}
		})
	}
}

// TestNewProposalDialogReadsInTheBackground: Ctrl+N on the proposals reads
// what the dialog offers (every account's name, every proposal's head)
// off the UI goroutine, then opens the dialog.
func TestNewProposalDialogReadsInTheBackground(t *testing.T) {
	d, g, later := gatedDesk(t)
	d.Show(Place{Screen: "proposals"})
	later.finish()
	g.readsOnUI()
	g.hold()
	d.OnNew()
	if reads := g.readsOnUI(); len(reads) > 0 {
		t.Errorf("Ctrl+N read %v on the UI goroutine", reads)
	}
	if uitest.Overlays(d.win) != 0 {
		t.Error("the dialog opened before what it offers was read")
	}
	g.release()
	later.finish()
	if _, text := uitest.Dialog(t, d.win); !strings.Contains(text, "New proposal") {
		t.Fatalf("the dialog did not open once what it offers was read: %q", text)
	}
}

func (g *gatedStore) OverviewEach(begin func(w *dossier.Workspace), each func(p *dossier.Person)) (dossier.Workspace, error) {
	g.pass("OverviewEach")
	return g.Store.OverviewEach(begin, each)
}

func (g *gatedStore) OverviewWithoutPeople() (dossier.Workspace, error) {
	g.pass("OverviewWithoutPeople")
	return g.Store.OverviewWithoutPeople()
}

func (g *gatedStore) EachPersonSummary(fn func(p *dossier.Person) error) error {
	g.pass("EachPersonSummary")
	return g.Store.EachPersonSummary(fn)
}
