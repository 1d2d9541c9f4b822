package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestCrashChild is the child of TestCrashKeepsAcknowledgedSaves: it saves
// accounts in a loop and prints "ack N" after each save returns, until it
// is killed.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_CRASH_DIR")
	if dir == "" {
		t.Skip("run by TestCrashKeepsAcknowledgedSaves")
	}
	start, _ := strconv.Atoi(os.Getenv("KAMDESK_CRASH_START"))
	s, err := store.Open(dir, store.Options{})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	w := bufio.NewWriter(os.Stdout)
	for n := start; ; n++ {
		a := dossier.Account{ID: fmt.Sprintf("crash-%06d", n), Name: fmt.Sprintf("Account %d", n),
			Tier: dossier.TierKey, Notes: strings.Repeat("x", n%2000)}
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

// TestCrashKeepsAcknowledgedSaves kills a process that saves in a loop
// with SIGKILL, many times; after each kill the workspace opens and every
// save the process had acknowledged is there.
func TestCrashKeepsAcknowledgedSaves(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	dir := t.TempDir()
	rounds := 20
	next := 0
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KAMDESK_CRASH_DIR="+dir, "KAMDESK_CRASH_START="+strconv.Itoa(next))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := -1
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		deadline := time.After(time.Duration(50+rand.IntN(400)) * time.Millisecond)
		killed := false
		for !killed {
			select {
			case l, ok := <-lines:
				if !ok {
					cmd.Wait()
					t.Fatalf("round %d: child ended before being killed", round)
				}
				if n, ok := strings.CutPrefix(l, "ack "); ok {
					acked, _ = strconv.Atoi(n)
				} else if strings.Contains(l, "failed") {
					t.Fatalf("round %d: child: %s", round, l)
				}
			case <-deadline:
				if acked < next {
					// Not one save yet (slow start under -race); give it time.
					deadline = time.After(100 * time.Millisecond)
					continue
				}
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
		// Acks printed between the last read and the kill still count.
		for l := range lines {
			if n, ok := strings.CutPrefix(l, "ack "); ok {
				acked, _ = strconv.Atoi(n)
			}
		}
		cmd.Wait()

		s, err := store.Open(dir, store.Options{NoGC: true})
		if err != nil {
			t.Fatalf("round %d: reopening after SIGKILL: %v", round, err)
		}
		for n := 0; n <= acked; n++ {
			id := fmt.Sprintf("crash-%06d", n)
			a, err := s.Account(id)
			if err != nil || a.Name != fmt.Sprintf("Account %d", n) {
				s.Close()
				t.Fatalf("round %d: acknowledged save %s lost: %v, %+v", round, id, err, a)
			}
		}
		s.Close()
		next = acked + 1
	}
	t.Logf("%d kills, %d acknowledged saves all found", rounds, next)
}
