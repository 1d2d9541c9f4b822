package store_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// TestDiskChild is run by TestDiskFull, in the mode KAMDESK_DISK_MODE:
//
//	save   save accounts from KAMDESK_DISK_FROM on, "ack N" after each,
//	       until a save fails ("full MESSAGE" or "failed MESSAGE"), then close
//	hold   save KAMDESK_DISK_COUNT accounts, say "ready" and wait to be killed
//	check  open ("open rw", "open ro REASON" or "refused MESSAGE"), look for
//	       the accounts below KAMDESK_DISK_COUNT ("found N"), try a save
//	       ("saved" or "not saved MESSAGE"), close
func TestDiskChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_DISK_DIR")
	if dir == "" {
		t.Skip("run by TestDiskFull")
	}
	from, _ := strconv.Atoi(os.Getenv("KAMDESK_DISK_FROM"))
	count, _ := strconv.Atoi(os.Getenv("KAMDESK_DISK_COUNT"))
	s, err := store.Open(dir, store.Options{NoGC: true})
	if err != nil {
		fmt.Printf("refused %v\n", err)
		if !errors.Is(err, store.ErrDiskFull) {
			os.Exit(5)
		}
		return
	}
	defer s.Close()
	switch os.Getenv("KAMDESK_DISK_MODE") {
	case "save":
		for n := from; n < from+100000; n++ {
			a := diskAccount(n)
			if err := s.CreateAccount(&a); err != nil {
				if errors.Is(err, store.ErrDiskFull) {
					fmt.Printf("full %v\n", err)
					return
				}
				fmt.Printf("failed %v\n", err)
				os.Exit(4)
			}
			fmt.Printf("ack %d\n", n)
		}
	case "hold":
		for n := from; n < from+count; n++ {
			a := diskAccount(n)
			if err := s.CreateAccount(&a); err != nil {
				fmt.Printf("failed %v\n", err)
				os.Exit(4)
			}
		}
		fmt.Println("ready")
		select {}
	case "check":
		if s.ReadOnly() {
			fmt.Printf("open ro %s\n", s.ReadOnlyReason())
		} else {
			fmt.Println("open rw")
		}
		found := 0
		for n := range count {
			want := diskAccount(n)
			if a, err := s.Account(want.ID); err == nil && a.Notes == want.Notes {
				found++
			}
		}
		fmt.Printf("found %d\n", found)
		a := diskAccount(count + 1000000)
		if err := s.CreateAccount(&a); err != nil {
			fmt.Printf("not saved %v\n", err)
			if !errors.Is(err, store.ErrDiskFull) {
				os.Exit(4)
			}
		} else {
			fmt.Println("saved")
		}
	}
}

// diskAccount is the account number n of the disk children: 16 KB of
// notes, so that a small disk fills in a few hundred saves.
func diskAccount(n int) dossier.Account {
	return dossier.Account{ID: fmt.Sprintf("full-%07d", n), Name: fmt.Sprintf("Account %d", n),
		Tier: dossier.TierKey, Notes: strings.Repeat(fmt.Sprintf("%07d ", n), 2048)}
}

// diskChild runs TestDiskChild and returns its lines. It fails the test if
// the child crashed (a signal such as SIGBUS, a panic, a fatal error) or
// ended other than as its mode says.
func diskChild(t *testing.T, bin, dir, mode string, from, count int) []string {
	t.Helper()
	cmd := exec.Command(bin, "-test.run=^TestDiskChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KAMDESK_DISK_DIR="+dir, "KAMDESK_DISK_MODE="+mode,
		"KAMDESK_DISK_FROM="+strconv.Itoa(from), "KAMDESK_DISK_COUNT="+strconv.Itoa(count))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	text := out.String()
	if err != nil || strings.Contains(text, "SIGBUS") || strings.Contains(text, "panic") || strings.Contains(text, "fatal error") {
		t.Fatalf("%s child: %v\n%s", mode, err, tail(text, 20))
	}
	return strings.Split(strings.TrimSpace(text), "\n")
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// lineWith returns the first line that starts with prefix, without it.
func lineWith(lines []string, prefix string) (string, bool) {
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, prefix); ok {
			return rest, true
		}
	}
	return "", false
}

// fill writes a file into dir until the disk is full, and returns it.
func fill(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "ballast")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return path
			}
			t.Fatal(err)
		}
	}
}

// TestDiskFull saves on a 16 MB tmpfs until the disk is full. The save
// that does not fit is refused in one line ("the disk is full: N MB more
// are needed"), no process crashes (today's code dies with SIGBUS), and
// every acknowledged save is there when the workspace opens again. On a
// disk with no byte left, a workspace closed properly opens read-only
// (reads work, saves say the disk is full); one kamdesk was killed in,
// whose logs must be replayed, is refused in one line until space is
// freed, then opens with everything.
func TestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a disk")
	}
	t.Parallel()
	mnt := tmpfs(t, "16m")
	dir := filepath.Join(mnt, "ws")
	bin := childBinary(t)

	lines := diskChild(t, bin, dir, "save", 0, 0)
	acked := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "ack ") {
			acked++
		}
	}
	msg, ok := lineWith(lines, "full ")
	if !ok || !strings.Contains(msg, "the disk is full") || !strings.Contains(msg, "MB") {
		t.Fatalf("the last save: %q, want one line saying the disk is full", tail(strings.Join(lines, "\n"), 3))
	}
	if acked < 20 {
		t.Errorf("only %d saves before the disk was full", acked)
	}
	t.Logf("%d saves, then: %s", acked, msg)

	lines = diskChild(t, bin, dir, "check", 0, acked)
	if got, _ := lineWith(lines, "found "); got != strconv.Itoa(acked) {
		t.Errorf("after reopening: found %s of %d acknowledged saves (%q)", got, acked, lines)
	}

	t.Run("closed, no space left", func(t *testing.T) {
		ballast := fill(t, mnt)
		defer os.Remove(ballast)
		lines := diskChild(t, bin, dir, "check", 0, acked)
		if l, _ := lineWith(lines, "open "); !strings.HasPrefix(l, "ro ") || !strings.Contains(l, "disk is full") {
			t.Errorf("open: %q, want read-only because the disk is full", l)
		}
		if got, _ := lineWith(lines, "found "); got != strconv.Itoa(acked) {
			t.Errorf("found %s of %d", got, acked)
		}
		if l, _ := lineWith(lines, "not saved "); !strings.Contains(l, "disk is full") {
			t.Errorf("a save on a full disk: %q", lines)
		}
	})

	t.Run("killed, no space left", func(t *testing.T) {
		cmd := exec.Command(bin, "-test.run=^TestDiskChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "KAMDESK_DISK_DIR="+dir, "KAMDESK_DISK_MODE=hold",
			"KAMDESK_DISK_FROM="+strconv.Itoa(acked), "KAMDESK_DISK_COUNT=20")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		ready := false
		var said []string
		for !ready && sc.Scan() {
			ready = sc.Text() == "ready"
			said = append(said, sc.Text())
		}
		cmd.Process.Signal(syscall.SIGKILL)
		if !ready {
			// An automatic backup must not have taken the room they needed.
			t.Fatalf("the 20 saves before the kill failed: %q", said)
		}
		cmd.Wait()
		ballast := fill(t, mnt)
		lines := diskChild(t, bin, dir, "check", 0, acked+20)
		if l, _ := lineWith(lines, "refused "); !strings.Contains(l, "is full") || !strings.Contains(l, "MB more are needed to open") {
			t.Errorf("open on a full disk after a kill: %q, want refused: the disk is full", lines)
		}
		os.Remove(ballast)
		lines = diskChild(t, bin, dir, "check", 0, acked+20)
		if got, _ := lineWith(lines, "found "); got != strconv.Itoa(acked+20) {
			t.Errorf("with space freed: found %s of %d (%q)", got, acked+20, lines)
		}
	})
}
