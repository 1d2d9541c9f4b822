package ui

import (
	"runtime/debug"
	"runtime/metrics"
)

// giveBackFrom is how much freed memory the process keeps before
// InBackground gives it back.
const giveBackFrom = 32 << 20

// GiveBack returns the memory the Go heap holds beyond its live objects
// (garbage not yet collected, free spans) to the system when that comes
// to at least the given number of bytes (least), and reports whether it
// did. Reading a big workspace
// (opening the accounts of 100,000 people) leaves the heap at two or
// three times what the lists keep; the runtime gives the rest back only
// over minutes, and a desktop that holds 330 MB after start for 60 MB of
// lists looks like one that leaks. It collects garbage first, on the
// calling goroutine: about the time of one collection of the live heap,
// off the UI goroutine.
func GiveBack(least uint64) bool {
	sample := []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(sample)
	for _, s := range sample {
		if s.Value.Kind() != metrics.KindUint64 {
			return false
		}
	}
	held := sample[0].Value.Uint64() + sample[1].Value.Uint64()
	if live := sample[2].Value.Uint64(); held < live+least {
		return false
	}
	debug.FreeOSMemory()
	return true
}
