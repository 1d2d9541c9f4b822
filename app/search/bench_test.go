package search

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The benchmarks search a workspace of 100,000 people: 5,000 accounts of
// 20 people each, with 10 timeline events, 2 promises and 2 proposals per
// account, and the sample's section library.
var (
	benchOnce     sync.Once
	benchWS       dossier.Workspace
	benchProps    []proposal.Proposal
	benchSections []proposal.Section
)

func benchCorpus(b *testing.B) (*dossier.Workspace, []proposal.Proposal, []proposal.Section) {
	benchOnce.Do(func() {
		benchWS = storetest.Workspace(storetest.Options{Accounts: 5000, PeoplePerAccount: 20,
			EventsPerAccount: 10, PromisesPerAccount: 2, Seed: 1})
		benchProps = proposalsFor(benchWS.Accounts, 2)
		if smp, err := store.ParseSample(assets.Sample); err == nil {
			benchSections = smp.Library
		}
	})
	if len(benchSections) == 0 {
		b.Fatal("no sample library")
	}
	return &benchWS, benchProps, benchSections
}

func BenchmarkIndexBuild(b *testing.B) {
	ws, props, secs := benchCorpus(b)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	var x *Index
	var cpu time.Duration
	builds := 0
	for b.Loop() {
		start := threadCPU()
		x = New(ws, props, secs)
		cpu += threadCPU() - start
		builds++
	}
	if threadCPU() >= 0 {
		b.ReportMetric(cpu.Seconds()/float64(builds), "cpu-s/op")
	}
	b.ReportMetric(float64(len(x.recs)), "records")
	postings := 0
	for _, p := range x.postings {
		postings += len(p)
	}
	size := len(x.names) + 4*len(x.nameAt) + 8*len(x.recs) + 12*len(x.tokenAt) + len(x.short)*len(x.short[0])*8 + 4*postings
	size += 5 * int(x.tokenAt[len(x.tokenAt)-1]) // the suffix array's text and its int32 offsets, about
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkSearch runs each query afresh, as if typed or pasted at once:
// the slowest case, as typing on narrows the search to the last matches.
func BenchmarkSearch(b *testing.B) {
	x := New(benchCorpus(b))
	for _, q := range []string{"e", "muller", "finance golf", "head engineering chess"} {
		words := len(strings.Fields(q))
		b.Run(fmt.Sprintf("%dw/%s", words, strings.ReplaceAll(q, " ", "_")), func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				x.lastWords = nil
				x.keepSets(nil)
				n = x.Search(q).Len()
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// typedQueries are typed letter by letter and deleted back by the
// typing benchmark, as a user searching for something does.
var typedQueries = []string{"head engineering chess", "müller", "anna k", "finance director golf",
	"cold-chain pilot", "meeting with", "e", "sarah", "call about", "novak", "retrofit", "o'brien"}

// BenchmarkTyping types each query of typedQueries letter by letter, then
// deletes it back letter by letter, searching at every keystroke; it
// reports the median and the 95th percentile of a keystroke's search.
func BenchmarkTyping(b *testing.B) {
	x := New(benchCorpus(b))
	// The CPU time of the search's thread, beside the time on the clock:
	// on a busy machine the clock also counts the time other programs
	// run.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var wall, cpu []time.Duration
	b.ReportAllocs()
	rounds := 0
	keystroke := func(q string) {
		start, startCPU := time.Now(), threadCPU()
		x.Search(q)
		wall = append(wall, time.Since(start))
		cpu = append(cpu, threadCPU()-startCPU)
	}
	for b.Loop() {
		for _, q := range typedQueries {
			r := []rune(q)
			for i := 1; i <= len(r); i++ {
				keystroke(string(r[:i]))
			}
			for i := len(r) - 1; i >= 0; i-- {
				keystroke(string(r[:i]))
			}
		}
		rounds++
	}
	b.ReportMetric(percentile(wall, 0.5), "p50-ms")
	b.ReportMetric(percentile(wall, 0.95), "p95-ms")
	b.ReportMetric(percentile(wall, 1), "max-ms")
	if threadCPU() >= 0 {
		b.ReportMetric(percentile(cpu, 0.5), "cpu-p50-ms")
		b.ReportMetric(percentile(cpu, 0.95), "cpu-p95-ms")
	}
	b.ReportMetric(float64(len(wall)/rounds), "keystrokes/op")
}

// percentile returns the p-th quantile of times, in milliseconds.
func percentile(times []time.Duration, p float64) float64 {
	times = slices.Sorted(slices.Values(times))
	return float64(times[int(math.Ceil(p*float64(len(times)-1)))]) / 1e6
}
