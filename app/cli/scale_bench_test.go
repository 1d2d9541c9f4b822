package cli_test

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkListCommands runs each list command on generated workspaces
// of 1,000, 10,000 and 100,000 people (20 people an account, a proposal
// for every five accounts; KAMDESK_BENCH_SIZE=large stops at 10,000) as
// `kamdesk` does (open for reading, the command, close; output thrown
// away), and reports the median milliseconds and megabytes allocated at
// each size and the growth from one size to the next: ten times the
// people should cost about ten times as much, not a hundred.
func BenchmarkListCommands(b *testing.B) {
	sizes := []struct {
		name     string
		accounts int
	}{{"1k", 50}, {"10k", 500}, {"100k", 5000}}
	if os.Getenv("KAMDESK_BENCH_SIZE") == "large" {
		sizes = sizes[:2]
	}
	dirs := make([]string, len(sizes))
	for i, sz := range sizes {
		dirs[i] = generated(b, sz.accounts, 20)
		runCommand(b, dirs[i], []string{"account", "list"}) // the day's backup
	}
	for _, args := range scaleCommands {
		b.Run(strings.Join(args, "_"), func(b *testing.B) {
			ms := make([][]float64, len(sizes))
			mb := make([][]float64, len(sizes))
			for b.Loop() {
				for i := range sizes {
					var before, after runtime.MemStats
					runtime.ReadMemStats(&before)
					start := time.Now()
					runCommand(b, dirs[i], args)
					ms[i] = append(ms[i], float64(time.Since(start).Microseconds())/1000)
					runtime.ReadMemStats(&after)
					mb[i] = append(mb[i], float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
				}
			}
			for i, sz := range sizes {
				b.ReportMetric(median(ms[i]), "ms-"+sz.name)
				b.ReportMetric(median(mb[i]), "MB-"+sz.name)
				if i > 0 {
					b.ReportMetric(median(ms[i])/median(ms[i-1]), fmt.Sprintf("x%s-%s", sizes[i-1].name, sz.name))
				}
			}
			b.ReportMetric(0, "ns/op")
		})
	}
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// runCommand runs a command, its output thrown away.
func runCommand(b testing.TB, dir string, args []string) {
	b.Helper()
	if code := runWith(b, testEnv(io.Discard, io.Discard), dir, args...); code != 0 {
		b.Fatalf("%v: exit %d", args, code)
	}
}
