package store

import (
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// BenchmarkSaveDurability compares the ways to make a save durable before
// it is reported: SyncWrites (fsync inside every commit), no SyncWrites
// plus an explicit db.Sync() after the commit, and neither (not durable:
// the baseline). The figures chosen from are in the comment on
// badgerOptions.
func BenchmarkSaveDurability(b *testing.B) {
	a := dossier.Account{Name: "Northbridge Construction Group", Tier: dossier.TierKey,
		Strategy: string(make([]byte, 800))}
	val, _ := json.Marshal(a)
	for _, mode := range []struct {
		name       string
		syncWrites bool
		explicit   bool
	}{
		{"SyncWrites", true, false},
		{"ExplicitSync", false, true},
		{"NoSync", false, false},
	} {
		b.Run(mode.name, func(b *testing.B) {
			db, err := badger.Open(badgerOptions(b.TempDir(), io.Discard).WithSyncWrites(mode.syncWrites))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				key := []byte(fmt.Sprintf("acct/bench-%d", i%500))
				if err := db.Update(func(txn *badger.Txn) error { return txn.Set(key, val) }); err != nil {
					b.Fatal(err)
				}
				if mode.explicit {
					if err := db.Sync(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
