package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/assets"
	"kamdesk/dossier"
)

// personJSONShape is what decides the JSON json.Marshal writes of a
// dossier.Person: every field's name, tag and type, through nested
// structs, slices, maps and pointers, and which types write themselves.
func personJSONShape() string {
	var b strings.Builder
	seen := map[reflect.Type]bool{}
	marshaler := reflect.TypeFor[json.Marshaler]()
	textMarshaler := reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
	var walk func(t reflect.Type, depth int)
	walk = func(t reflect.Type, depth int) {
		fmt.Fprintf(&b, "%s%s %s marshaler=%v,%v,%v\n", strings.Repeat(" ", depth), t.String(), t.Kind(),
			t.Implements(marshaler), reflect.PointerTo(t).Implements(marshaler), t.Implements(textMarshaler))
		if seen[t] {
			return
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem(), depth+1)
		case reflect.Map:
			walk(t.Key(), depth+1)
			walk(t.Elem(), depth+1)
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				fmt.Fprintf(&b, "%s.%s `%s` exported=%v\n", strings.Repeat(" ", depth+1), f.Name, f.Tag, f.IsExported())
				walk(f.Type, depth+2)
			}
		}
	}
	walk(reflect.TypeFor[dossier.Person](), 0)
	return b.String()
}

// recordFormats are the fingerprints of personJSONShape for each
// recordFormat.
var recordFormats = map[int]string{
	1: "0b8af9c6d4a4c15a21c2b5bde3983f4b08cd1c913573ce1fee1325362febe956",
	2: "e2bffcb2602a90785487a20f083e7a6f3b1eab046d75573375f34053b65c6c60",
}

// TestRecordFormatNamesPersonJSON fails when the JSON of dossier.Person
// changes (a field added, renamed, retagged or retyped) and recordFormat
// was not raised: summaries written before would vouch for records in the
// old JSON.
func TestRecordFormatNamesPersonJSON(t *testing.T) {
	sum := sha256.Sum256([]byte(personJSONShape()))
	got := hex.EncodeToString(sum[:])
	if want := recordFormats[recordFormat]; got != want {
		t.Errorf("the JSON of dossier.Person is not the one recordFormat %d names (%s): raise recordFormat and add {%d: %q} to recordFormats", recordFormat, want, recordFormat+1, got)
	}
}

// TestSummariesOfASchema3Workspace: a workspace written before the
// summaries noted the record's format (schema 3, summary encoding 1) is
// brought up to date when it opens: every summary notes the format of its
// record, and the lists read the same people.
func TestSummariesOfASchema3Workspace(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), nil); err != nil {
		t.Fatal(err)
	}
	want, err := s.PeopleSummaries()
	if err != nil {
		t.Fatal(err)
	}
	// As the schema-3 kamdesk wrote it: version byte 1, no format byte.
	err = s.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		p := append([]byte(nil), summaryPrefix...)
		old := map[string][]byte{}
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			v[0] = 1
			old[string(it.Item().KeyCopy(nil))] = v[:len(v)-1]
		}
		for k, v := range old {
			if err := txn.Set([]byte(k), v); err != nil {
				return err
			}
		}
		return txn.Set(schemaKey, binary.BigEndian.AppendUint32(nil, 3))
	})
	if err != nil {
		t.Fatal(err)
	}
	restore := SkipSummaryCheck() // outdated on purpose
	s.Close()
	restore()

	s, err = Open(dir, Options{NoGC: true, NoBackup: true, Now: func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	err = s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Seek(summaryPrefix); it.ValidForPrefix(summaryPrefix); it.Next() {
			n++
			if err := it.Item().Value(func(v []byte) error {
				if f := summaryRecordFormat(v); !believedFormat(f) {
					return fmt.Errorf("the summary %s notes record format %d, want one believed (%d)", it.Item().Key(), f, recordFormat)
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || n != len(want) {
		t.Fatalf("%d summaries after the upgrade (%v), want %d", n, err, len(want))
	}
	got, err := s.PeopleSummaries()
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("after the upgrade the summaries read differently (%v)", err)
	}
}

// TestPeopleInParts: cut anywhere and read by any number of goroutines,
// every person comes once, the parts one after the other in the store's
// order, with their summary and then their record; the records kamdesk
// wrote are vouched for as json.Marshal's JSON, one written otherwise
// (keys in another order, as an older kamdesk or another program might
// have) is not; one whose summary is missing comes with their record
// only; an error stops the reading.
func TestPeopleInParts(t *testing.T) {
	s, err := Open(t.TempDir(), Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	restore := SkipSummaryCheck() // one summary goes on purpose
	defer restore()
	defer s.Close()
	if _, err := s.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), nil); err != nil {
		t.Fatal(err)
	}
	people, err := s.People("")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]dossier.Person{}
	for _, p := range people {
		byID[p.ID] = p
	}
	sums, err := s.PeopleSummaries()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string // in the store's order
	sumByID := map[string]dossier.Person{}
	for _, p := range sums {
		ids = append(ids, p.ID)
		sumByID[p.ID] = p
	}
	slices.Sort(ids)
	odd, lost := ids[3], ids[5]
	err = s.db.Update(func(txn *badger.Txn) error {
		p := byID[odd]
		b, _ := json.Marshal(map[string]any{"name": p.Name, "id": p.ID, "account_id": p.AccountID}) // keys sorted: not Marshal's order of Person
		sum, err := summaryOf(kPerson.key(odd), b)
		if err != nil {
			return err
		}
		if err := txn.Set(kPerson.key(odd), b); err != nil {
			return err
		}
		if err := txn.Set(summaryKey(kPerson.key(odd)), sum); err != nil {
			return err
		}
		return txn.Delete(summaryKey(kPerson.key(lost)))
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, splits := range [][]string{nil, {ids[0]}, {ids[4]}, {ids[1], ids[2], ids[7], "zzz"}, ids} {
		for _, workers := range []int{1, 2, 3} {
			var gotSums, gotRecords [][]string
			err := s.ReadPeopleInParts(splits, workers, func(pp *PeopleParts) error {
				if pp.Parts() != len(splits)+1 {
					t.Errorf("%d parts, want %d", pp.Parts(), len(splits)+1)
				}
				gotSums = make([][]string, pp.Parts())
				gotRecords = make([][]string, pp.Parts())
				err := pp.Summaries(func(_, part int, id []byte, sum *dossier.Person, asMarshaled bool) error {
					gotSums[part] = append(gotSums[part], string(id))
					if string(id) != sum.ID {
						t.Errorf("the summary of %s came with the ID %s", sum.ID, id)
					}
					if asMarshaled == (sum.ID == odd) {
						t.Errorf("the record of %s vouched for: %v", sum.ID, asMarshaled)
					}
					if sum.ID != odd && !reflect.DeepEqual(*sum, sumByID[sum.ID]) {
						t.Errorf("the summary of %s differs from PeopleSummaries'", sum.ID)
					}
					return nil
				})
				if err != nil {
					return err
				}
				return pp.Records(func(_, part int, id, raw []byte) error {
					gotRecords[part] = append(gotRecords[part], string(id))
					if want, _ := json.Marshal(byID[string(id)]); string(id) != odd && !bytes.Equal(raw, want) {
						t.Errorf("the record of %s is not its JSON", id)
					}
					return nil
				})
			})
			if err != nil {
				t.Fatalf("splits %q, %d workers: %v", splits, workers, err)
			}
			want := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == lost })
			if got := slices.Concat(gotSums...); !slices.Equal(got, want) {
				t.Errorf("splits %q, %d workers: the summaries came as %q, want %q", splits, workers, got, want)
			}
			if got := slices.Concat(gotRecords...); !slices.Equal(got, ids) {
				t.Errorf("splits %q, %d workers: the records came as %q, want %q", splits, workers, got, ids)
			}
		}
	}
	stop := errors.New("stop")
	var n atomic.Int32
	err = s.ReadPeopleInParts([]string{ids[4]}, 2, func(pp *PeopleParts) error {
		return pp.Records(func(_, _ int, _, _ []byte) error { n.Add(1); return stop })
	})
	if err != stop || n.Load() > 2 {
		t.Errorf("an error from fn: %v after %d people, want stop after at most 2", err, n.Load())
	}
	if err := s.ReadPeopleInParts([]string{ids[4], ids[1]}, 2, func(*PeopleParts) error { return nil }); err == nil {
		t.Error("splits out of order were taken")
	}
}
