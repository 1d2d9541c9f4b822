package store_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
)

// BenchmarkEncryptionCost measures what encryption at rest costs on a
// workspace of 10,000 people (100 accounts): opening it, a durable save,
// and listing every person. Compare the plain and encrypted rows.
func BenchmarkEncryptionCost(b *testing.B) {
	for _, enc := range []bool{false, true} {
		name := "plain"
		if enc {
			name = "encrypted"
		}
		dir := b.TempDir()
		s, err := store.Open(dir, store.Options{NoGC: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := storetest.Generate(s, storetest.Options{Accounts: 100, PeoplePerAccount: 100, EventsPerAccount: 5, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		s.Close()
		var pass []byte
		if enc {
			pass = []byte("correct horse battery")
			if err := store.Encrypt(dir, pass); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(name+"/open", func(b *testing.B) {
			for range b.N {
				s, err := store.Open(dir, store.Options{NoGC: true, Passphrase: pass})
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
		s, err = store.Open(dir, store.Options{NoGC: true, Passphrase: pass})
		if err != nil {
			b.Fatal(err)
		}
		acct := must(s.Accounts())[0]
		b.Run(name+"/save", func(b *testing.B) {
			took := make([]time.Duration, 0, b.N)
			for i := range b.N {
				a := acct
				a.Notes = fmt.Sprint("note ", i)
				t0 := time.Now()
				if err := s.SaveAccount(&a); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(t0))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
		})
		b.Run(name+"/list-10k-people", func(b *testing.B) {
			for range b.N {
				if ps := must(s.People("")); len(ps) != 10000 {
					b.Fatalf("%d people", len(ps))
				}
			}
		})
		s.Close()
	}
}
