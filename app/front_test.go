package app

import (
	"sync/atomic"
	"testing"
)

// TestSecondKamdeskBringsTheFirstToTheFront: a kamdesk that finds the
// workspace open asks the one that has it open for its window, which is
// told on a goroutine of its own; once the first has stopped, asking
// fails (the second then says so in a window of its own).
func TestSecondKamdeskBringsTheFirstToTheFront(t *testing.T) {
	dir := t.TempDir()
	if err := AskFront(dir); err == nil {
		t.Fatal("asking with no kamdesk listening succeeded")
	}
	var asked atomic.Int32
	fronted := make(chan struct{}, 4)
	stop, err := ListenFront(dir, func() { asked.Add(1); fronted <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 2; i++ {
		if err := AskFront(dir); err != nil {
			t.Fatalf("ask %d: %v", i, err)
		}
		<-fronted
		if got := asked.Load(); got != int32(i) {
			t.Errorf("after %d asks the window was brought to the front %d times", i, got)
		}
	}
	stop()
	if err := AskFront(dir); err == nil {
		t.Error("asking after the first kamdesk stopped succeeded")
	}

	// A socket a crash left behind is replaced.
	stop, err = ListenFront(dir, func() { fronted <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	stop2, err := ListenFront(dir, func() { fronted <- struct{}{} })
	if err != nil {
		t.Fatalf("a leftover socket stops the next kamdesk from listening: %v", err)
	}
	if err := AskFront(dir); err != nil {
		t.Errorf("the kamdesk listening now does not answer: %v", err)
	}
	stop2()
	stop()
}
