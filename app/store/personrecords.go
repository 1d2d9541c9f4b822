package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// EachPersonRecord calls fn for every person, in the store's order, with
// their summary (decoded into the same Person each time), the bytes of
// their record (valid during the call only) and whether those bytes are
// the JSON json.Marshal writes of the person today (their summary notes
// recordFormat), all at one moment; it stops at fn's first error. A
// caller that prints every person as JSON takes the bytes as they are
// when they are, instead of decoding 100,000 records to encode them
// again.
func (s *Store) EachPersonRecord(fn func(sum *dossier.Person, raw []byte, asMarshaled bool) error) error {
	return s.view(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false // read as the iterators pass
		records := txn.NewIterator(opt)
		defer records.Close()
		sums := txn.NewIterator(opt)
		defer sums.Close()
		rp := kPerson.prefix()
		sp := append(bytes.Clone(summaryPrefix), rp...)
		sums.Seek(sp)
		var sum dossier.Person
		var want []byte
		for records.Seek(rp); records.ValidForPrefix(rp); records.Next() {
			key := records.Item().Key()
			// The summary keys are the record keys behind "sum/": both
			// iterators go the same way.
			want = append(append(want[:0], summaryPrefix...), key...)
			for sums.ValidForPrefix(sp) && bytes.Compare(sums.Item().Key(), want) < 0 {
				sums.Next()
			}
			summed, asMarshaled := false, false
			decoded.Add(1)
			if sums.ValidForPrefix(sp) && bytes.Equal(sums.Item().Key(), want) {
				sums.Item().Value(func(b []byte) error {
					if decodeSummary(b, &sum) == nil {
						summed, asMarshaled = true, summaryRecordFormat(b) == recordFormat
					}
					return nil
				})
			}
			err := records.Item().Value(func(raw []byte) error {
				if !summed { // no summary, or a damaged one: the record says the same
					var p dossier.Person
					if err := json.Unmarshal(raw, &p); err != nil {
						return fmt.Errorf("person %q is damaged: %w", bytes.TrimPrefix(key, rp), err)
					}
					sum = p.Summary()
				}
				return fn(&sum, raw, asMarshaled)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}
