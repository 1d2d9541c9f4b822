package ui

import (
	"runtime"
	"runtime/metrics"
	"testing"
)

// TestGiveBack: with 64 MB freed in the heap, GiveBack returns it to the
// system (what the heap holds free, not given back, is then small); with
// little freed, it does nothing. (Measured as what is left free, not as
// what was released by the call: the runtime's own scavenger may give
// some back first, on a busy machine more of it.)
func TestGiveBack(t *testing.T) {
	free := func() uint64 {
		s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
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
	if !GiveBack(16 << 20) {
		t.Fatal("GiveBack did nothing with 64 MB freed")
	}
	if left := free(); left > 16<<20 {
		t.Errorf("after GiveBack the heap holds %d MB free, not given back", left>>20)
	}
}
