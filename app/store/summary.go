package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Summary rows. The lists that show every person (the people list, the
// accounts list's coverage, the agenda's birthdays and contacts) need a
// few fields of each, not their personal notes: decoding a whole person
// costs about ten times what decoding its summary does. So every person
// record person/<id> has a summary row sum/person/<id> (dossier.Person's
// Summary, JSON), written and deleted in the same transaction or batch as
// the record by setRecord and deleteRecord, the only ways a record key is
// written. The migration from schema 2 writes the summaries of existing
// workspaces; consistency checks them.

var summaryPrefix = []byte("sum/")

// summaryKey is the key of the summary row of the record under key, or
// nil when records under key have none.
func summaryKey(key []byte) []byte {
	if !bytes.HasPrefix(key, kPerson.prefix()) {
		return nil
	}
	return append(bytes.Clone(summaryPrefix), key...)
}

// summaryOf encodes the summary of the person record value.
func summaryOf(key, value []byte) ([]byte, error) {
	var p dossier.Person
	if err := json.Unmarshal(value, &p); err != nil {
		return nil, fmt.Errorf("%s is damaged: %w", key, err)
	}
	return json.Marshal(p.Summary())
}

// setRecord writes value under a record's key, with its summary row.
func setRecord(txn *badger.Txn, key, value []byte) error {
	if err := txn.Set(key, value); err != nil {
		return err
	}
	sk := summaryKey(key)
	if sk == nil {
		return nil
	}
	sum, err := summaryOf(key, value)
	if err != nil {
		return err
	}
	return txn.Set(sk, sum)
}

// deleteRecord deletes a record's key and its summary row.
func deleteRecord(txn *badger.Txn, key []byte) error {
	if err := txn.Delete(key); err != nil {
		return err
	}
	if sk := summaryKey(key); sk != nil {
		return txn.Delete(sk)
	}
	return nil
}

// setRecordIn is setRecord for a write batch (an import, an erasure).
func setRecordIn(wb *badger.WriteBatch, key, value []byte) error {
	if err := wb.Set(key, value); err != nil {
		return err
	}
	sk := summaryKey(key)
	if sk == nil {
		return nil
	}
	sum, err := summaryOf(key, value)
	if err != nil {
		return err
	}
	return wb.Set(sk, sum)
}

// listSummaries decodes the summary rows of kind k, in key order: the
// same order as list's.
func listSummaries[T any](txn *badger.Txn, k kind) ([]T, error) {
	return listPrefix[T](txn, append(bytes.Clone(summaryPrefix), k.prefix()...), "summary of "+k.noun)
}

// summarize writes the summary row of every person (schema 2 → 3). It
// writes in batches, not one transaction: a workspace of 100,000 people
// holds more summaries than a transaction may, and writing a summary
// again is harmless, so a migration a crash cut short is simply done
// again at the next open.
func summarize(db *badger.DB) error {
	wb := db.NewWriteBatch()
	defer wb.Cancel()
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		p := kPerson.prefix()
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			key := it.Item().KeyCopy(nil)
			var sum []byte
			err := it.Item().Value(func(v []byte) (err error) {
				sum, err = summaryOf(key, v)
				return err
			})
			if err != nil {
				return err
			}
			if err := wb.Set(summaryKey(key), sum); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
