package store

import (
	"bytes"
	"encoding/json"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Summary rows. The lists that show every person (the people list, the
// accounts list's coverage, the agenda's birthdays and contacts) need a
// few fields of each, not their personal notes: decoding a whole person
// costs about ten times what decoding its summary does. So every person
// record person/<id> has a summary row sum/person/<id> (dossier.Person's
// Summary, in the compact encoding of encodeSummary), written and deleted
// in the same transaction or batch as the record by setRecord and
// deleteRecord, the only ways a record key is written. The migration from schema 2 writes the summaries of existing
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

// summaryOf encodes the summary of the person record value, noting
// whether value is, byte for byte, what json.Marshal writes of the person
// it holds (recordFormat).
func summaryOf(key, value []byte) ([]byte, error) {
	var p dossier.Person
	if err := json.Unmarshal(value, &p); err != nil {
		return nil, dossier.Err("{{.Key}} is damaged", map[string]any{"Key": string(key)}, err)
	}
	format := byte(0)
	if again, err := json.Marshal(&p); err == nil && bytes.Equal(again, value) {
		format = recordFormat
		if p.Photo == nil {
			format = 1 // also what format 1 wrote: a kamdesk of format 1 believes it too
		}
	}
	return encodeSummary(p.Summary(), format)
}

// recordFormat names the JSON a person record holds when json.Marshal of
// today's dossier.Person wrote it: a summary that says so lets a reader
// take the record's bytes as that JSON without decoding them (the people
// list's --json). Change it whenever the JSON of dossier.Person changes
// (TestRecordFormatNamesPersonJSON fails until then): summaries that name
// an older format are not believed, unless the change is one that leaves
// the older records' JSON as it was (believedFormat).
//
// 2: a person's photo (omitted when there is none, so that the JSON of a
// person without one is format 1's, and their summary still says 1).
const recordFormat = 2

// believedFormat reports whether a summary noting the record format f
// vouches for its record's bytes being today's JSON: format 1 had no
// photo, which today's JSON leaves out when there is none.
func believedFormat(f byte) bool { return f == recordFormat || f == 1 }

// summaryRecordFormat returns the record format the encoded summary b
// notes, 0 when none.
func summaryRecordFormat(b []byte) byte {
	if len(b) < 2 || b[0] != summaryVersion && b[0] != summaryPhotoVersion {
		return 0
	}
	return b[len(b)-1]
}

// setRecord writes value under a record's key, with its summary row.
func setRecord(txn *badger.Txn, key, value []byte) error { return setWithSummary(txn.Set, key, value) }

// setRecordIn is setRecord for a write batch (an import, an erasure).
func setRecordIn(wb *badger.WriteBatch, key, value []byte) error {
	return setWithSummary(wb.Set, key, value)
}

// setWithSummary writes value under key with set, and the summary of the
// record under its summary key.
func setWithSummary(set func(key, value []byte) error, key, value []byte) error {
	if err := set(key, value); err != nil {
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
	return set(sk, sum)
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

// listSummaries decodes the summaries of every person, in key order: the
// order of list's.
func listSummaries(txn *badger.Txn) ([]dossier.Person, error) {
	var out chunked[dossier.Person]
	err := eachSummary(txn, func(p *dossier.Person) error {
		*out.next() = *p
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out.all(), nil
}

// eachSummary calls fn with the summary of every person, in key order,
// decoded into the same Person each time: fn copies what it keeps. The
// summaries are small and live in Badger's tables: they are read as the
// iterator passes, without its prefetching goroutines.
func eachSummary(txn *badger.Txn, fn func(p *dossier.Person) error) error {
	p := append(bytes.Clone(summaryPrefix), kPerson.prefix()...)
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := txn.NewIterator(opt)
	defer it.Close()
	var sum dossier.Person
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		sum = dossier.Person{}
		decoded.Add(1)
		if it.Item().Value(func(b []byte) error { return decodeSummary(b, &sum) }) != nil {
			if err := summaryFromRecord(txn, string(bytes.TrimPrefix(it.Item().Key(), p)), &sum); err != nil {
				return err
			}
		}
		if err := fn(&sum); err != nil {
			return err
		}
	}
	return nil
}

// getSummary decodes the summary of the person id into p; from the
// record when the summary is missing or damaged.
func getSummary(txn *badger.Txn, id string, p *dossier.Person) error {
	decoded.Add(1)
	if item, err := txn.Get(summaryKey(kPerson.key(id))); err == nil {
		if item.Value(func(b []byte) error { return decodeSummary(b, p) }) == nil {
			return nil
		}
	}
	return summaryFromRecord(txn, id, p)
}

// summaryFromRecord makes the summary of the person id, whose summary is
// missing or damaged, from their record: the record says the same.
func summaryFromRecord(txn *badger.Txn, id string, p *dossier.Person) error {
	*p = dossier.Person{}
	if err := get(txn, kPerson, id, p); err != nil {
		return err
	}
	*p = p.Summary()
	return nil
}

// summarize writes the summary row of every person (schema 2 → 3, and
// again 3 → 4). It writes in batches, not one transaction: a workspace of
// 100,000 people holds more summaries than a transaction may, and writing a summary
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

// PeopleSummaries returns the summary of every person
// (dossier.Person.Summary), for the people list, in the store's order:
// the list sorts them as it shows them.
func (s *Store) PeopleSummaries() ([]dossier.Person, error) {
	var out []dossier.Person
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = listSummaries(txn)
		return err
	})
	return out, err
}

// EachPersonSummary calls fn with the summary of every person, in no
// order, into the same Person each time (fn copies what it keeps), and
// stops at fn's first error: for a caller that counts people and keeps
// none, at the cost of reading them.
func (s *Store) EachPersonSummary(fn func(p *dossier.Person) error) error {
	return s.view(func(txn *badger.Txn) error { return eachSummary(txn, fn) })
}

// PeopleSummariesOf returns the summaries of the people of account acct,
// which must exist, or of everybody when acct is empty, in the order of
// People.
func (s *Store) PeopleSummariesOf(acct string) ([]dossier.Person, error) {
	var out []dossier.Person
	err := s.view(func(txn *badger.Txn) (err error) {
		if acct != "" {
			if err := validID(kAccount, acct); err != nil {
				return err
			}
			if ok, err := exists(txn, kAccount.key(acct)); err != nil {
				return err
			} else if !ok {
				return notFound(kAccount, acct)
			}
		}
		if acct == "" {
			out, err = listSummaries(txn)
			return err
		}
		for _, id := range idsOf(txn, kPerson, acct) {
			out = append(out, dossier.Person{})
			if err := getSummary(txn, id, &out[len(out)-1]); err != nil {
				return err
			}
		}
		return nil
	})
	dossier.SortPeople(out)
	return out, err
}
