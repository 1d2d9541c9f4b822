package app

import (
	"sync/atomic"
	"testing"
	"time"
)

// TestEndingCallsStuckWhenRunDoesNotReturn: begun and never ended, the
// watch calls stuck once its grace is over, once however often it began.
func TestEndingCallsStuckWhenRunDoesNotReturn(t *testing.T) {
	called := make(chan struct{}, 2)
	e := NewEnding(20*time.Millisecond, func() { called <- struct{}{} })
	start := time.Now()
	e.Begin()
	e.Begin()
	select {
	case <-called:
		if d := time.Since(start); d < 20*time.Millisecond {
			t.Errorf("stuck was called after %v, before the grace", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("stuck was not called")
	}
	select {
	case <-called:
		t.Error("stuck was called twice")
	case <-time.After(100 * time.Millisecond):
	}
}

// TestEndingLeavesARunThatReturned: ended within the grace (or before the
// watch began), stuck is never called.
func TestEndingLeavesARunThatReturned(t *testing.T) {
	for _, endFirst := range []bool{false, true} {
		var calls atomic.Int32
		e := NewEnding(50*time.Millisecond, func() { calls.Add(1) })
		if endFirst {
			e.Ended()
		}
		e.Begin()
		e.Ended()
		e.Ended()
		time.Sleep(200 * time.Millisecond)
		if n := calls.Load(); n != 0 {
			t.Errorf("ended first %v: stuck called %d times", endFirst, n)
		}
	}
}
