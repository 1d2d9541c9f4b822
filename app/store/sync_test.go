package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// A SIGKILL does not lose what the kernel holds in its page cache, so the
// crash test passes even when nothing is ever synced. A power cut does
// lose it. TestSavesAreSyncedBeforeAcknowledged therefore watches the
// system calls of a process that saves: between the start of each save
// and the moment it is reported saved, the data must have been synced to
// the disk (fsync, fdatasync, msync and kin, on any thread).

// syncChildSaves is how many saves the child makes.
const syncChildSaves = 40

// TestSyncChild is the child of TestSavesAreSyncedBeforeAcknowledged: it
// saves accounts and writes a marker before and after each save to a
// file the tracer watches.
func TestSyncChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_SYNC_DIR")
	if dir == "" {
		t.Skip("run by TestSavesAreSyncedBeforeAcknowledged")
	}
	exports := os.Getenv("KAMDESK_SYNC_WHAT") == "exports"
	o := store.Options{NoGC: true}
	if exports {
		// Recorded in the pending-exports file by a store open for reading.
		o = store.Options{NoGC: true, NoBackup: true, ForReading: true, RecordsExports: true}
	}
	if os.Getenv("KAMDESK_SYNC_OFF") != "" {
		o = store.WithoutSync(o)
	}
	s, err := store.Open(dir, o)
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	defer s.Close()
	if a := (dossier.Account{Name: "Probe", Tier: dossier.TierKey}); exports && !errors.Is(s.CreateAccount(&a), store.ErrReadOnly) {
		fmt.Println("the workspace opened for writing: the pending-exports file is not what is traced")
		os.Exit(5)
	}
	mark, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		os.Exit(3)
	}
	for i := range syncChildSaves {
		fmt.Fprintf(mark, "KDMARK begin %d\n", i)
		if exports {
			e := proposal.Export{At: fixedNow.Add(time.Duration(i) * time.Second), Audience: proposal.Finance,
				Format: "html", File: filepath.Join(dir, fmt.Sprintf("export-%d.html", i))}
			err = s.RecordExports(syncChildProposal, []proposal.Export{e})
		} else {
			a := dossier.Account{Name: fmt.Sprintf("Account %d", i), Tier: dossier.TierKey}
			err = s.SaveAccount(&a)
		}
		if err != nil {
			fmt.Println("save failed:", err)
			os.Exit(4)
		}
		fmt.Fprintf(mark, "KDMARK ack %d\n", i)
	}
}

// syncChildProposal is a proposal of the sample workspace.
const syncChildProposal = "prop-northbridge-modular-controls"

// TestSavesAreSyncedBeforeAcknowledged runs the child under strace and
// checks that every save synced before it returned: saves of records, and
// exports recorded by a store open for reading (pending.go). It also runs
// the child with syncing off and checks that the same inspection finds
// unsynced saves, so the test is known to be able to fail.
func TestSavesAreSyncedBeforeAcknowledged(t *testing.T) {
	for _, what := range []string{"saves", "exports"} {
		t.Run(what, func(t *testing.T) { testSyncedBeforeAcknowledged(t, what) })
	}
}

func testSyncedBeforeAcknowledged(t *testing.T, what string) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		if os.Getenv("KAMDESK_REQUIRE_STRACE") != "" {
			t.Fatal("strace is not installed (.ci/install-deps --test installs it)")
		}
		t.Skip("strace is not installed")
	}
	trace := func(t *testing.T, syncOff bool) (unsynced []int) {
		t.Helper()
		dir := t.TempDir()
		if what == "exports" {
			dir = sampleWorkspace(t)
		}
		out := filepath.Join(t.TempDir(), "trace.txt")
		cmd := exec.Command(strace, "-f", "-qq", "-s", "40", "-o", out,
			"-e", "trace=write,fsync,fdatasync,msync,sync_file_range,syncfs,sync",
			os.Args[0], "-test.run=^TestSyncChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KAMDESK_SYNC_DIR="+dir, "KAMDESK_SYNC_WHAT="+what)
		if syncOff {
			cmd.Env = append(cmd.Env, "KAMDESK_SYNC_OFF=1")
		}
		if b, err := cmd.CombinedOutput(); err != nil {
			if strings.Contains(string(b), "ptrace") && os.Getenv("KAMDESK_REQUIRE_STRACE") == "" {
				t.Skipf("strace cannot trace here: %s", b)
			}
			t.Fatalf("traced child: %v\n%s", err, b)
		}
		return unsyncedSaves(t, out)
	}
	if got := trace(t, false); len(got) > 0 {
		t.Errorf("%d of %d saves were acknowledged before their data was synced to disk (saves %v)",
			len(got), syncChildSaves, got)
	}
	if got := trace(t, true); len(got) == 0 {
		t.Errorf("with SyncWrites off the trace found every save synced: the inspection cannot tell")
	}
}

var (
	markLine = regexp.MustCompile(`write\(\d+, "KDMARK (begin|ack) (\d+)\\n"`)
	syncLine = regexp.MustCompile(`\b(fsync|fdatasync|msync|sync_file_range|syncfs|sync)\(.*\)\s+= 0|<\.\.\. (fsync|fdatasync|msync|sync_file_range|syncfs|sync) resumed>.*= 0`)
)

// unsyncedSaves reads an strace log and returns the saves between whose
// begin and ack markers no sync call completed.
func unsyncedSaves(t *testing.T, path string) []int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var unsynced []int
	current, synced, acks := -1, false, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if m := markLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			if m[1] == "begin" {
				current, synced = n, false
				continue
			}
			acks++
			if n != current || !synced {
				unsynced = append(unsynced, n)
			}
			continue
		}
		if current >= 0 && syncLine.MatchString(l) {
			synced = true
		}
	}
	if acks != syncChildSaves {
		t.Fatalf("the trace shows %d acknowledged saves, want %d", acks, syncChildSaves)
	}
	return unsynced
}
