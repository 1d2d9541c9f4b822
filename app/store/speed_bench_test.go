package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/proposal"
)

// The sizes of issue 10: a large desk (500 accounts, 20,000 people, 200
// proposals) and a very large one (5,000 accounts, 100,000 people, 2,000
// proposals).
var (
	benchLarge = storetest.Options{Accounts: 500, PeoplePerAccount: 40, EventsPerAccount: 10, PromisesPerAccount: 4,
		Proposals: 200, Seed: 1}
	benchHuge = storetest.Options{Accounts: 5000, PeoplePerAccount: 20, EventsPerAccount: 4, PromisesPerAccount: 2,
		Proposals: 2000, Seed: 1}
)

type benchSize struct {
	name string
	o    storetest.Options
}

// benchSizes are the sizes sub-benchmarks run at; KAMDESK_BENCH_SIZE=large
// (or huge) runs one of them only.
func benchSizes() []benchSize {
	all := []benchSize{{"large", benchLarge}, {"huge", benchHuge}}
	only := os.Getenv("KAMDESK_BENCH_SIZE")
	if only == "" {
		return all
	}
	var out []benchSize
	for _, s := range all {
		if strings.Contains(only, s.name) {
			out = append(out, s)
		}
	}
	return out
}

// benchStores are the generated workspaces, one per size, generated once
// per test binary: generating the huge one takes most of a minute.
var benchStores struct {
	sync.Mutex
	m map[string]*store.Store
}

// benchStore returns the workspace of o, generated on first use. It stays
// open until the test binary exits; its directory is removed by TestMain.
func benchStore(b *testing.B, o storetest.Options) *store.Store {
	b.Helper()
	benchStores.Lock()
	defer benchStores.Unlock()
	key := fmt.Sprintf("%+v", o)
	if s := benchStores.m[key]; s != nil {
		return s
	}
	dir, err := os.MkdirTemp("", "kamdesk-bench")
	if err != nil {
		b.Fatal(err)
	}
	benchDirs = append(benchDirs, dir)
	s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	if err := storetest.Generate(s, o); err != nil {
		b.Fatal(err)
	}
	if benchStores.m == nil {
		benchStores.m = map[string]*store.Store{}
	}
	benchStores.m[key] = s
	return s
}

// benchDirs are the directories of benchStore, removed at exit.
var benchDirs []string

func closeBenchStores() {
	benchStores.Lock()
	defer benchStores.Unlock()
	for _, s := range benchStores.m {
		s.Close()
	}
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
}

var benchToday = storetest.DefaultAnchor

// BenchmarkCreateProposal does what the desktop does to create a proposal
// from the library: the New proposal dialog reads the accounts, the
// library, the proposals and the team; Create saves the draft; the builder
// then opens it (the proposal, its context) and checks its readiness.
func BenchmarkCreateProposal(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size.name, func(b *testing.B) {
			s := benchStore(b, size.o)
			accts, err := s.Accounts()
			if err != nil {
				b.Fatal(err)
			}
			team, err := s.Team()
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				// The dialog.
				if _, err := s.Accounts(); err != nil {
					b.Fatal(err)
				}
				secs, err := s.Sections()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Proposals(""); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Team(); err != nil {
					b.Fatal(err)
				}
				// Create.
				p := proposal.Proposal{Title: fmt.Sprintf("Benchmark proposal %d", i), Language: "en",
					Status: proposal.Draft, Issued: benchToday, ValidDays: 30,
					AccountID: accts[i%len(accts)].ID, Author: team[0].ID,
					Credits: []proposal.Credit{{MemberID: team[0].ID}}}
				for _, sec := range secs {
					p.Items = append(p.Items, proposal.Item{SectionID: sec.ID})
				}
				if err := s.SaveProposal(&p); err != nil {
					b.Fatal(err)
				}
				// The builder.
				p, err = s.Proposal(p.ID)
				if err != nil {
					b.Fatal(err)
				}
				ctx, err := s.Context(p.AccountID, benchToday)
				if err != nil {
					b.Fatal(err)
				}
				proposal.Check(&p, ctx)
				i++
			}
		})
	}
}

// BenchmarkCreateProposalLean is BenchmarkCreateProposal with the
// dialog reading what it shows: the accounts' names (AccountNames) and
// the heads of the proposals to start from (ProposalHeads), not every
// field of every account and proposal.
func BenchmarkCreateProposalLean(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size.name, func(b *testing.B) {
			s := benchStore(b, size.o)
			team, err := s.Team()
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			for b.Loop() {
				accts, err := s.AccountNames()
				if err != nil {
					b.Fatal(err)
				}
				secs, err := s.Sections()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.ProposalHeads(""); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Team(); err != nil {
					b.Fatal(err)
				}
				p := proposal.Proposal{Title: fmt.Sprintf("Benchmark proposal %d", i), Language: "en",
					Status: proposal.Draft, Issued: benchToday, ValidDays: 30,
					AccountID: accts[i%len(accts)].ID, Author: team[0].ID,
					Credits: []proposal.Credit{{MemberID: team[0].ID}}}
				for _, sec := range secs {
					p.Items = append(p.Items, proposal.Item{SectionID: sec.ID})
				}
				if err := s.SaveProposal(&p); err != nil {
					b.Fatal(err)
				}
				p, err = s.Proposal(p.ID)
				if err != nil {
					b.Fatal(err)
				}
				ctx, err := s.Context(p.AccountID, benchToday)
				if err != nil {
					b.Fatal(err)
				}
				proposal.Check(&p, ctx)
				i++
			}
		})
	}
}

// BenchmarkProposalsList is the data of the proposals list: every
// proposal and its readiness. Slow is what the list did (a context per
// account, then the check, on every load); First is Readiness after a
// change that may touch any proposal (here: the rules saved); Cached is
// Readiness with no change since; AfterSave is Readiness after a
// proposal was saved (that one is checked again); AfterPersonSave after a
// person was saved (the proposals to their account are). Every case but Slow
// reads the proposals too, as the list must; HeadsCached reads their
// heads instead (ProposalHeads), enough for a row.
func BenchmarkProposalsList(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size.name, func(b *testing.B) {
			s := benchStore(b, size.o)
			rules, err := s.Rules()
			if err != nil {
				b.Fatal(err)
			}
			b.Run("Slow", func(b *testing.B) {
				for b.Loop() {
					props, err := s.Proposals("")
					if err != nil {
						b.Fatal(err)
					}
					ctxs := map[string]*proposal.Context{}
					for i := range props {
						ctx, ok := ctxs[props[i].AccountID]
						if !ok {
							if ctx, err = s.Context(props[i].AccountID, benchToday); err != nil {
								b.Fatal(err)
							}
							ctxs[props[i].AccountID] = ctx
						}
						proposal.Blocking(proposal.Check(&props[i], ctx))
					}
				}
			})
			list := func(b *testing.B) {
				if _, err := s.Proposals(""); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Readiness(benchToday); err != nil {
					b.Fatal(err)
				}
			}
			b.Run("First", func(b *testing.B) {
				for b.Loop() {
					if err := s.SaveRules(rules); err != nil {
						b.Fatal(err)
					}
					list(b)
				}
			})
			b.Run("Cached", func(b *testing.B) {
				list(b)
				for b.Loop() {
					list(b)
				}
			})
			b.Run("HeadsCached", func(b *testing.B) {
				list(b)
				for b.Loop() {
					if _, err := s.ProposalHeads(""); err != nil {
						b.Fatal(err)
					}
					if _, err := s.Readiness(benchToday); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("ReadinessCached", func(b *testing.B) {
				list(b)
				for b.Loop() {
					if _, err := s.Readiness(benchToday); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("AfterSave", func(b *testing.B) {
				props, err := s.Proposals("")
				if err != nil {
					b.Fatal(err)
				}
				i := slices.IndexFunc(props, func(p proposal.Proposal) bool { return p.Status == proposal.Draft })
				p := props[i]
				list(b)
				n := 0
				for b.Loop() {
					n++
					p.Title = fmt.Sprintf("Edited %d", n)
					if err := s.SaveProposal(&p); err != nil {
						b.Fatal(err)
					}
					list(b)
				}
			})
			b.Run("AfterPersonSave", func(b *testing.B) {
				props, err := s.Proposals("")
				if err != nil {
					b.Fatal(err)
				}
				people, err := s.People(props[0].AccountID)
				if err != nil {
					b.Fatal(err)
				}
				pe := people[len(people)-1]
				list(b)
				n := 0
				for b.Loop() {
					n++
					pe.Notes = fmt.Sprintf("Edited %d", n)
					if err := s.SavePerson(&pe); err != nil {
						b.Fatal(err)
					}
					list(b)
				}
			})
		})
	}
}

// BenchmarkSaveProposal is Create alone: SaveProposal of a new draft.
func BenchmarkSaveProposal(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size.name, func(b *testing.B) {
			s := benchStore(b, size.o)
			accts, _ := s.Accounts()
			team, _ := s.Team()
			secs, _ := s.Sections()
			i := 0
			for b.Loop() {
				p := proposal.Proposal{Title: fmt.Sprintf("Benchmark proposal %d", i), Language: "en",
					Status: proposal.Draft, Issued: benchToday, ValidDays: 30,
					AccountID: accts[i%len(accts)].ID, Author: team[0].ID,
					Credits: []proposal.Credit{{MemberID: team[0].ID}}}
				for _, sec := range secs {
					p.Items = append(p.Items, proposal.Item{SectionID: sec.ID})
				}
				if err := s.SaveProposal(&p); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkScreenReads are the store calls the Accounts, People and
// Proposals screens make when they open.
func BenchmarkScreenReads(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(size.name, func(b *testing.B) {
			s := benchStore(b, size.o)
			accts, _ := s.Accounts()
			for _, c := range []struct {
				name string
				fn   func() error
			}{
				{"Workspace", func() error { _, err := s.Workspace(); return err }},
				{"Overview", func() error { _, err := s.Overview(); return err }},
				{"Accounts", func() error { _, err := s.Accounts(); return err }},
				{"PeopleSummaries", func() error { _, err := s.PeopleSummaries(); return err }},
				{"PeopleAll", func() error { _, err := s.People(""); return err }},
				{"PeopleOfAccount", func() error { _, err := s.People(accts[0].ID); return err }},
				{"Rules", func() error { _, err := s.Rules(); return err }},
				{"ProposalsAll", func() error { _, err := s.Proposals(""); return err }},
				{"ProposalHeads", func() error { _, err := s.ProposalHeads(""); return err }},
				{"AccountNames", func() error { _, err := s.AccountNames(); return err }},
				{"Context", func() error { _, err := s.Context(accts[0].ID, benchToday); return err }},
				{"Sections", func() error { _, err := s.Sections(); return err }},
				{"Team", func() error { _, err := s.Team(); return err }},
			} {
				b.Run(c.name, func(b *testing.B) {
					for b.Loop() {
						if err := c.fn(); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkOpen opens and closes a generated workspace that was closed
// properly, as every command and the desktop's start do: "as-closed"
// finds every file as the note of the clean close says and does not read
// the tables again (closed.go); "full-checks" (a workspace copied, or
// after a crash) reads every table (preflight.go), then Badger opens.
func BenchmarkOpen(b *testing.B) {
	for _, size := range benchSizes() {
		dir, err := os.MkdirTemp("", "kamdesk-bench")
		if err != nil {
			b.Fatal(err)
		}
		defer os.RemoveAll(dir)
		s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := storetest.Generate(s, size.o); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		defer store.SkipSummaryCheck()()
		for _, full := range []bool{false, true} {
			name := size.name + "/as-closed"
			if full {
				name = size.name + "/full-checks"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if full {
						os.Remove(filepath.Join(dir, "kamdesk.closed"))
					}
					s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
					if err != nil {
						b.Fatal(err)
					}
					if s.CheckedFully() != full {
						b.Fatalf("full checks %v, want %v", s.CheckedFully(), full)
					}
					if err := s.Close(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
