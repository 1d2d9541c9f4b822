package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"sync"
	"time"

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

// summaryVersion is the first byte of an encoded summary: 2 since the
// summary ends with the record's format (summaryOf); 3 for the summary
// of a person with a photo, which carries the photo's reference. The
// summaries of people without a photo stay as version 2 wrote them.
const (
	summaryVersion      = 2
	summaryPhotoVersion = 3
)

// encodeSummary encodes the summary p compactly: decoding it costs a
// tenth of decoding the same fields from JSON, which at 100,000 people is
// most of what opening a list costs. The encoding is the version byte,
// then the fields in order: strings as a length and their bytes, numbers
// as varints, a date as its day number (1 + days since 1970-01-01, 0 when
// unset), the NPS as 0 (not asked) or 1 + the score, time stamps as
// time.Time's binary form with its length; then, in version 3, the
// photo's strings (file ID, name, checksum, type) and numbers (size,
// width, height); last the record's format (summaryOf).
func encodeSummary(p dossier.Person, format byte) ([]byte, error) {
	b := make([]byte, 0, 256)
	if p.Photo != nil {
		b = append(b, summaryPhotoVersion)
	} else {
		b = append(b, summaryVersion)
	}
	for _, s := range summaryStrings(&p) {
		b = binary.AppendUvarint(b, uint64(len(*s)))
		b = append(b, *s...)
	}
	b = binary.AppendVarint(b, int64(p.Birthday.Day))
	b = binary.AppendVarint(b, int64(p.Birthday.Month))
	b = binary.AppendVarint(b, int64(p.Birthday.Year))
	nps := int64(0)
	if p.NPS != nil {
		nps = int64(*p.NPS) + 1
	}
	b = binary.AppendVarint(b, nps)
	b = binary.AppendVarint(b, dayNumber(p.LastContact))
	b = binary.AppendVarint(b, dayNumber(p.NextContact))
	for _, t := range []time.Time{p.Created, p.Updated} {
		tb, err := t.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = binary.AppendUvarint(b, uint64(len(tb)))
		b = append(b, tb...)
	}
	if ph := p.Photo; ph != nil {
		for _, s := range photoStrings(ph) {
			b = binary.AppendUvarint(b, uint64(len(*s)))
			b = append(b, *s...)
		}
		for _, n := range []int64{ph.Size, int64(ph.Width), int64(ph.Height)} {
			b = binary.AppendVarint(b, n)
		}
	}
	return append(b, format), nil
}

// photoStrings are the string fields of a summary's photo, in encoding
// order.
func photoStrings(ph *dossier.Photo) []*string {
	return []*string{&ph.FileID, &ph.Name, &ph.SHA256, &ph.Type}
}

// summaryStrings are the string fields of a summary, in encoding order.
// (The enums are strings too.)
func summaryStrings(p *dossier.Person) []*string {
	return []*string{&p.ID, &p.AccountID, &p.Name, &p.Position, &p.Department,
		(*string)(&p.Role), (*string)(&p.Influence), (*string)(&p.Type), (*string)(&p.Level),
		&p.Email, &p.Phone, (*string)(&p.Channel)}
}

func dayNumber(d dossier.Date) int64 {
	if d.IsZero() {
		return 0
	}
	return d.Time().Unix()/86400 + 1
}

func dateOfNumber(n int64) dossier.Date {
	if n == 0 {
		return dossier.Date{}
	}
	return dossier.DateOf(time.Unix((n-1)*86400, 0).UTC())
}

var errShortSummary = errors.New("cut short")

// enumTexts are the strings of the values of the summary's enums.
var enumTexts = sync.OnceValue(func() map[string]string {
	m := map[string]string{"": ""}
	add := func(s string) { m[s] = s }
	for _, v := range dossier.BuyingRoles {
		add(string(v))
	}
	for _, v := range dossier.Influences {
		add(string(v))
	}
	for _, v := range dossier.StakeholderTypes {
		add(string(v))
	}
	for _, v := range dossier.Ladder {
		add(string(v))
	}
	for _, v := range dossier.Channels {
		add(string(v))
	}
	return m
})

// enumText returns the enum value's own string for s, or s when it is
// none (a value of a newer kamdesk).
func enumText(s string) string {
	if t, ok := enumTexts()[s]; ok {
		return t
	}
	return s
}

// decodeSummary decodes b (encodeSummary) into *p. Its strings share
// one allocation.
func decodeSummary(b []byte, p *dossier.Person) error {
	if len(b) == 0 || b[0] != summaryVersion && b[0] != summaryPhotoVersion {
		return errors.New("unknown summary encoding")
	}
	all := string(b) // one allocation for every string
	at := 1
	uvarint := func() (uint64, error) {
		v, n := binary.Uvarint(b[at:])
		if n <= 0 {
			return 0, errShortSummary
		}
		at += n
		return v, nil
	}
	varint := func() (int64, error) {
		v, n := binary.Varint(b[at:])
		if n <= 0 {
			return 0, errShortSummary
		}
		at += n
		return v, nil
	}
	*p = dossier.Person{}
	str := func(s *string) error {
		n, err := uvarint()
		if err != nil || n > uint64(len(b)-at) {
			return errShortSummary
		}
		*s = all[at : at+int(n)]
		at += int(n)
		return nil
	}
	for _, s := range summaryStrings(p) {
		if err := str(s); err != nil {
			return err
		}
	}
	// The enums are the constants' strings, not parts of all: a map key
	// or a line kept for one of them would keep the whole summary alive.
	p.Role = dossier.BuyingRole(enumText(string(p.Role)))
	p.Influence = dossier.Influence(enumText(string(p.Influence)))
	p.Type = dossier.StakeholderType(enumText(string(p.Type)))
	p.Level = dossier.Level(enumText(string(p.Level)))
	p.Channel = dossier.Channel(enumText(string(p.Channel)))
	var ints [6]int64
	for i := range ints {
		v, err := varint()
		if err != nil {
			return err
		}
		ints[i] = v
	}
	p.Birthday = dossier.Birthday{Day: int(ints[0]), Month: time.Month(ints[1]), Year: int(ints[2])}
	if ints[3] > 0 {
		nps := int(ints[3] - 1)
		p.NPS = &nps
	}
	p.LastContact, p.NextContact = dateOfNumber(ints[4]), dateOfNumber(ints[5])
	for _, t := range []*time.Time{&p.Created, &p.Updated} {
		n, err := uvarint()
		if err != nil || n > uint64(len(b)-at) {
			return errShortSummary
		}
		if err := t.UnmarshalBinary(b[at : at+int(n)]); err != nil {
			return err
		}
		at += int(n)
	}
	if b[0] == summaryPhotoVersion {
		ph := &dossier.Photo{}
		for _, s := range photoStrings(ph) {
			if err := str(s); err != nil {
				return err
			}
		}
		var n [3]int64
		for i := range n {
			v, err := varint()
			if err != nil {
				return err
			}
			n[i] = v
		}
		ph.Size, ph.Width, ph.Height = n[0], int(n[1]), int(n[2])
		p.Photo = ph
	}
	if at != len(b)-1 { // the record's format
		return dossier.Err("{{.Count}} bytes too many", map[string]any{"Count": len(b) - 1 - at}, nil)
	}
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
