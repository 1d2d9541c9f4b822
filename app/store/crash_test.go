package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestCrashChild is the child of TestCrashKeepsAcknowledgedSaves: it says
// "opening", opens the workspace, then saves accounts in a loop and prints
// "ack N" after each save returns, until it is killed.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_CRASH_DIR")
	if dir == "" {
		t.Skip("run by TestCrashKeepsAcknowledgedSaves")
	}
	start, _ := strconv.Atoi(os.Getenv("KAMDESK_CRASH_START"))
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "opening")
	w.Flush()
	s, err := store.Open(dir, store.Options{Passphrase: []byte(os.Getenv("KAMDESK_CRASH_PASSPHRASE"))})
	if err != nil {
		fmt.Fprintln(w, "open failed:", err)
		w.Flush()
		os.Exit(3)
	}
	for n := start; ; n++ {
		a := crashAccount(n)
		err := s.CreateAccount(&a)
		if errors.Is(err, dossier.ErrConflict) {
			// The kill came after the save reached the disk but before its
			// ack: the account is there, unacknowledged.
			err = s.SaveAccount(&a)
		}
		if err != nil {
			fmt.Fprintln(w, "save failed:", err)
			w.Flush()
			os.Exit(4)
		}
		fmt.Fprintf(w, "ack %d\n", n)
		w.Flush()
	}
}

// crashAccount is the account the crash children save as number n.
func crashAccount(n int) dossier.Account {
	return dossier.Account{ID: fmt.Sprintf("crash-%06d", n), Name: fmt.Sprintf("Account %d", n),
		Tier: dossier.TierKey, Notes: strings.Repeat("x", n%500)}
}

// Kills of TestCrashKeepsAcknowledgedSaves: crashWorkers workspaces, each
// killed crashRounds times, side by side.
const (
	crashWorkers = 4
	crashRounds  = 80
)

// TestCrashKeepsAcknowledgedSaves kills processes that save in a loop with
// SIGKILL, crashWorkers×crashRounds times (one workspace encrypted). Half the kills land while the
// child opens the workspace (where Badger creates and deletes its log
// files), the rest while it saves. Every open after a kill (the next
// child's) succeeds the first time; every tenth round this process opens
// and looks for the latest saves; at the end every acknowledged save is
// there. It runs in parallel with the other long tests.
func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	t.Parallel()
	start := time.Now()
	bin := childBinary(t)
	type result struct {
		kills, saves, empty int
		err                 error
	}
	results := make(chan result, crashWorkers)
	for w := range crashWorkers {
		dir := t.TempDir()
		// The first workspace is encrypted: its logs cannot be read
		// before Badger opens them, and crashes must not matter either.
		passphrase := ""
		if w == 0 {
			passphrase = "correct horse battery"
			s, err := store.Open(dir, store.Options{NoGC: true})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			if err := store.Encrypt(dir, []byte(passphrase)); err != nil {
				t.Fatal(err)
			}
		}
		go func() {
			kills, saves, err := crashLoop(bin, dir, passphrase, crashRounds, uint64(w))
			// What the opens did about empty log files, in the log.
			logged, _ := os.ReadFile(filepath.Join(dir, "kamdesk.log"))
			results <- result{kills, saves, strings.Count(string(logged), "removed the empty file"), err}
		}()
	}
	kills, saves, empty := 0, 0, 0
	for range crashWorkers {
		r := <-results
		if r.err != nil {
			t.Error(r.err)
		}
		kills += r.kills
		saves += r.saves
		empty += r.empty
	}
	t.Logf("%d kills, %d acknowledged saves all found, %d empty log files removed on opening, in %v",
		kills, saves, empty, time.Since(start).Round(time.Second))
}

// crashLoop kills a saving child rounds times on the workspace dir and
// checks the workspace after each kill. It returns the kills and the
// acknowledged saves.
func crashLoop(bin, dir, passphrase string, rounds int, seed uint64) (kills, saves int, err error) {
	rng := rand.New(rand.NewPCG(seed, 7))
	next := 0
	for round := range rounds {
		acked, err := crashOnce(bin, dir, passphrase, next, rng)
		if err != nil {
			return round, next, fmt.Errorf("round %d: %w (files: %s)", round, err, listing(dir))
		}
		if round%10 == 9 {
			// The children reopen after every kill; now and then this
			// process does too, and looks for the saves of this round
			// and a sample of the earlier ones.
			s, err := openAgain(dir, passphrase)
			if err != nil {
				return round, next, fmt.Errorf("round %d: reopening after SIGKILL: %w (files: %s)", round, err, listing(dir))
			}
			check := []int{}
			for n := max(0, acked-20); n <= acked; n++ {
				check = append(check, n)
			}
			for range min(next, 20) {
				check = append(check, rng.IntN(next))
			}
			err = findAccounts(s, check)
			s.Close()
			if err != nil {
				return round, next, fmt.Errorf("round %d: %w", round, err)
			}
		}
		next = acked + 1
	}
	s, err := openAgain(dir, passphrase)
	if err != nil {
		return rounds, next, fmt.Errorf("opening at the end: %w", err)
	}
	defer s.Close()
	all := make([]int, next)
	for n := range all {
		all[n] = n
	}
	return rounds, next, findAccounts(s, all)
}

// openAgain opens the workspace dir in this process, which closed it a
// moment ago. The workers start children all the time, and a child
// between fork and exec holds a copy of every descriptor of this process,
// the one of the directory lock too, until exec closes it: an open then
// finds the lock taken for a few milliseconds. (kamdesk itself never
// reopens a workspace it just closed.)
func openAgain(dir, passphrase string) (*store.Store, error) {
	for try := 0; ; try++ {
		s, err := store.Open(dir, store.Options{NoGC: true, Passphrase: []byte(passphrase)})
		if !errors.Is(err, store.ErrLocked) || try == 50 {
			return s, err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// listing names the files of the database directory of the workspace
// dir with their sizes, for messages.
func listing(dir string) string {
	entries, _ := os.ReadDir(filepath.Join(dir, "db"))
	var b strings.Builder
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			fmt.Fprintf(&b, "%s %d; ", e.Name(), info.Size())
		}
	}
	return b.String()
}

// crashOnce starts a child saving from account number next and kills it,
// while it opens the workspace or after it saved for a while. It returns
// the number of the last save the child acknowledged.
func crashOnce(bin, dir, passphrase string, next int, rng *rand.Rand) (acked int, err error) {
	cmd := exec.Command(bin, "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KAMDESK_CRASH_DIR="+dir, "KAMDESK_CRASH_START="+strconv.Itoa(next),
		"KAMDESK_CRASH_PASSPHRASE="+passphrase)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	duringOpen := rng.IntN(2) == 0
	acked = next - 1
	var kill <-chan time.Time // nil until the time to kill is known
wait:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				return acked, errors.New("the child ended before being killed")
			}
			switch {
			case l == "opening" && duringOpen:
				kill = time.After(time.Duration(rng.IntN(120)) * time.Millisecond)
			case strings.HasPrefix(l, "ack "):
				acked, _ = strconv.Atoi(l[4:])
				if kill == nil {
					kill = time.After(time.Duration(rng.IntN(60)) * time.Millisecond)
				}
			case strings.Contains(l, "failed"):
				// The child's open is the first one after the last kill:
				// it must succeed.
				cmd.Process.Kill()
				cmd.Wait()
				return acked, fmt.Errorf("child: %s", l)
			}
		case <-kill:
			break wait
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	// Acks printed between the last read and the kill still count.
	for l := range lines {
		if n, ok := strings.CutPrefix(l, "ack "); ok {
			acked, _ = strconv.Atoi(n)
		}
	}
	cmd.Wait()
	return acked, nil
}

// findAccounts checks that the crash accounts numbered ns are in s.
func findAccounts(s *store.Store, ns []int) error {
	for _, n := range ns {
		want := crashAccount(n)
		a, err := s.Account(want.ID)
		if err != nil || a.Name != want.Name || a.Notes != want.Notes {
			return fmt.Errorf("acknowledged save %s lost: %v", want.ID, err)
		}
	}
	return nil
}
