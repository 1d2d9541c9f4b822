package store_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"kamdesk/app/store"
	"kamdesk/dossier"
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
	o := store.Options{NoGC: true}
	if os.Getenv("KAMDESK_SYNC_OFF") != "" {
		o = store.WithoutSync(o)
	}
	s, err := store.Open(dir, o)
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	defer s.Close()
	mark, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		os.Exit(3)
	}
	for i := range syncChildSaves {
		fmt.Fprintf(mark, "KDMARK begin %d\n", i)
		a := dossier.Account{Name: fmt.Sprintf("Account %d", i), Tier: dossier.TierKey}
		if err := s.SaveAccount(&a); err != nil {
			fmt.Println("save failed:", err)
			os.Exit(4)
		}
		fmt.Fprintf(mark, "KDMARK ack %d\n", i)
	}
}

// TestSavesAreSyncedBeforeAcknowledged runs the child under strace and
// checks that every save synced before it returned. It also runs the
// child with SyncWrites off and checks that the same inspection finds
// unsynced saves, so the test is known to be able to fail.
func TestSavesAreSyncedBeforeAcknowledged(t *testing.T) {
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
		out := filepath.Join(t.TempDir(), "trace.txt")
		cmd := exec.Command(strace, "-f", "-qq", "-s", "40", "-o", out,
			"-e", "trace=write,fsync,fdatasync,msync,sync_file_range,syncfs,sync",
			os.Args[0], "-test.run=^TestSyncChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KAMDESK_SYNC_DIR="+dir)
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
