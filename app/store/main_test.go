package store_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kamdesk/app/store"
)

func TestMain(m *testing.M) {
	code := m.Run()
	closeBenchStores()
	// Every workspace the tests closed had its summaries in step with
	// its people (store.SummaryProblems).
	if faults := store.SummaryFaults(); len(faults) > 0 {
		for _, f := range faults {
			fmt.Fprintln(os.Stderr, "summary rows:", f)
		}
		if code == 0 {
			code = 1
		}
	}
	if children.dir != "" {
		os.RemoveAll(children.dir)
	}
	os.Exit(code)
}

// children is the program the tests' child processes run (crash, disk
// full): this test binary, or, when it was built with the race detector,
// these tests built without it, once. A child under the race detector
// takes about twice the CPU time to start, open and save, and a kill or
// a full disk has no data race to find; the crash test's 320 children
// are most of this package's time.
var children struct {
	once sync.Once
	dir  string
	bin  string
}

func childBinary(t *testing.T) string {
	t.Helper()
	if !raceEnabled {
		return os.Args[0]
	}
	children.once.Do(func() {
		children.bin = os.Args[0]
		start := time.Now()
		dir, err := os.MkdirTemp("", "kamdesk-store-children")
		if err != nil {
			t.Logf("building the children: %v; they run with the race detector", err)
			return
		}
		children.dir = dir
		bin := filepath.Join(dir, "store.test")
		// go test puts its own GOROOT/bin first on PATH: the same go.
		cmd := exec.Command("go", "test", "-c", "-o", bin, ".")
		cmd.Env = append(os.Environ(), "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Logf("building the children without the race detector failed, they run with it: %v\n%s", err, out)
			return
		}
		t.Logf("children built without the race detector in %v", time.Since(start).Round(100*time.Millisecond))
		children.bin = bin
	})
	return children.bin
}
