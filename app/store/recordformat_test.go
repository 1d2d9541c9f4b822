package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
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
				if f := summaryRecordFormat(v); f != recordFormat {
					return fmt.Errorf("the summary %s notes record format %d, want %d", it.Item().Key(), f, recordFormat)
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

// TestEachPersonRecord: every person comes in the store's order with
// their summary and record; the records kamdesk wrote are vouched for as
// json.Marshal's JSON, one written otherwise (keys in another order, as
// an older kamdesk or another program might have) is not, and one whose
// summary is missing still comes, with a summary from the record.
func TestEachPersonRecord(t *testing.T) {
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
	odd, lost := sums[3].ID, sums[5].ID
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
	i := 0
	err = s.EachPersonRecord(func(sum *dossier.Person, raw []byte, asMarshaled bool) error {
		if i >= len(sums) || sum.ID != sums[i].ID {
			return fmt.Errorf("person %d is %s, want %s", i, sum.ID, sums[i].ID)
		}
		i++
		if sum.ID == odd {
			if asMarshaled {
				t.Errorf("the record of %s, written with its keys sorted, is vouched for as json.Marshal's", odd)
			}
			return nil
		}
		if !reflect.DeepEqual(*sum, sums[i-1]) && sum.ID != lost {
			t.Errorf("the summary of %s differs from PeopleSummaries'", sum.ID)
		}
		if sum.ID == lost && !reflect.DeepEqual(*sum, byID[lost].Summary()) {
			t.Errorf("%s, without a summary, came with %+v", lost, *sum)
		}
		want, _ := json.Marshal(byID[sum.ID])
		if !bytes.Equal(raw, want) {
			t.Errorf("the record of %s is not its JSON", sum.ID)
		}
		if !asMarshaled && sum.ID != lost {
			t.Errorf("the record of %s, written by kamdesk, is not vouched for", sum.ID)
		}
		return nil
	})
	if err != nil || i != len(sums) {
		t.Fatalf("EachPersonRecord: %d people, %v; want %d", i, err, len(sums))
	}
}
