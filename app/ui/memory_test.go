package ui

import (
	"runtime"
	"runtime/metrics"
	"testing"
)

// TestGiveBack: with 64 MB freed in the heap, GiveBack returns it to the
// system; with little freed, it does nothing.
func TestGiveBack(t *testing.T) {
	released := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/released:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64()
	}
	if GiveBack(1 << 40) {
		t.Error("GiveBack gave back less than it was told to keep")
	}
	garbage := make([][]byte, 64)
	for i := range garbage {
		garbage[i] = make([]byte, 1<<20)
		garbage[i][0] = 1
	}
	runtime.KeepAlive(garbage)
	garbage = nil
	runtime.GC() // freed, not yet given back
	before := released()
	if !GiveBack(16 << 20) {
		t.Fatal("GiveBack did nothing with 64 MB freed")
	}
	if got := released() - before; got < 32<<20 {
		t.Errorf("GiveBack released %d MB, want most of 64", got>>20)
	}
}
