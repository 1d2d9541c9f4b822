package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"runtime/debug"
	"strconv"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// personListJSON prints every person as `person list --json` prints them
// through jsonList (toPersonJSON, in SortPeople's order), the same bytes
// (TestPersonListJSONIsTheList), without holding the people: at 100,000
// people decoding every record to encode it again was most of 3.7 s and
// 364 MB.
//
// It reads the people twice, at one moment, in parts on every core
// (store.ReadPeopleInParts, cut where Badger's tables are): first their
// summaries, for the order and the derived values; then their records,
// each made at once into its element of the array from the record's
// bytes as they are when its summary vouches that they are json.Marshal's
// JSON of the person (only the escapes of <, > and & differ from what
// jsonList writes) with the derived values spliced in, else decoded and
// encoded again. Knowing each element's place in the output before it is
// made, it files the element in its bucket of 1,024 places, compressed
// (s2) a block of 32 KB at a time: elements that wait side by side
// compress to about 37 %, where one alone compressed to 90 %. The
// buckets are written in turn, each uncompressed, put in order and
// indented on a core of its own. (At 100,000 people 125 MB of JSON; the
// elements wait in about 37 MB.)
//
// A workspace where a person has no summary (it is damaged) is printed
// the slow way, from every record decoded.
func (c *ctx) personListJSON(st *store.Store, rules dossier.Rules, today dossier.Date) error {
	return c.personListJSONSplit(st, rules, today, st.PersonSplits())
}

// personListJSONSplit is personListJSON with the people read in parts
// cut at splits.
func (c *ctx) personListJSONSplit(st *store.Store, rules dossier.Rules, today dossier.Date, splits []string) error {
	workers := runtime.GOMAXPROCS(0)
	var buckets *elemBuckets
	err := st.ReadPeopleInParts(splits, workers, func(pp *store.PeopleParts) error {
		var err error
		buckets, err = fileElements(pp, workers, rules, today)
		return err
	})
	if errors.Is(err, errNoSummary) {
		people, err := st.People("")
		if err != nil {
			return err
		}
		return c.jsonList(len(people), func(i int) any { return toPersonJSON(people[i], rules, today) })
	}
	if buckets != nil && buckets.restore != nil {
		defer buckets.restore()
	}
	if err != nil {
		return err
	}
	return buckets.write(c.checked())
}

// errNoSummary: a person's record came without their summary.
var errNoSummary = errors.New("a person has no summary")

// summedPart is what the summaries of a part of the people say: their
// order, their IDs and the derived values of each (rowMarshaled unset
// when their record is not as json.Marshal writes it and must be
// decoded).
type summedPart struct {
	order   dossier.PeopleSorter
	ids     []byte
	idEnds  []int32
	derived []derivedRow
	next    int // the next person the records come to
}

func (p *summedPart) id(i int) []byte {
	start := int32(0)
	if i > 0 {
		start = p.idEnds[i-1]
	}
	return p.ids[start:p.idEnds[i]]
}

// fileElements reads the summaries of pp, sorts, then reads the records
// and files every element in its bucket.
func fileElements(pp *store.PeopleParts, workers int, rules dossier.Rules, today dossier.Date) (_ *elemBuckets, err error) {
	parts := make([]summedPart, pp.Parts())
	err = pp.Summaries(func(_, part int, id []byte, sum *dossier.Person, asMarshaled bool) error {
		p := &parts[part]
		p.order.Add(sum)
		p.ids = append(p.ids, id...)
		p.idEnds = append(p.idEnds, int32(len(p.ids)))
		var row derivedRow
		if asMarshaled {
			row = rowOf(derivedOf(sum, rules, today))
		}
		p.derived = append(p.derived, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var order dossier.PeopleSorter
	starts := make([]int, len(parts))
	total := 0
	for i := range parts {
		starts[i] = total
		total += len(parts[i].idEnds)
	}
	order.Grow(total)
	for i := range parts {
		order.Append(&parts[i].order)
		parts[i].order = dossier.PeopleSorter{}
	}
	b := newElemBuckets(total, workers)
	// What the command holds from here on grows with the people (about
	// 480 bytes each at 100,000: their elements compressed, derived
	// values, IDs and places); what it reads is garbage at once (Badger
	// decompresses every block it passes into new memory). Told the
	// first, the collector takes the second as it comes instead of
	// letting the heap grow to twice what is held: at 100,000 people the
	// whole process stays near 180 MB instead of 225-240 MB. The limit
	// leaves 160 bytes a person of room over what is held: at 480 the
	// runtime spent a tenth of the command giving memory back to the
	// system and taking it again (2026-12-02: 0.1 s less CPU, the whole
	// process 175 MB instead of 160 MB). A lower limit the user set
	// (GOMEMLIMIT) stays.
	if limit := int64(24<<20 + 640*total); limit < debug.SetMemoryLimit(-1) {
		was := debug.SetMemoryLimit(limit)
		b.restore = func() { debug.SetMemoryLimit(was) }
		defer func() {
			if err != nil {
				b.restore()
			}
		}()
	}
	place := make([]int32, total)
	for at, pos := range order.Order() {
		place[pos] = int32(at)
	}
	makers := make([]elemMaker, workers)
	for i := range makers {
		makers[i] = elemMaker{rules: rules, today: today}
	}
	err = pp.Records(func(worker, part int, id, raw []byte) error {
		p := &parts[part]
		i := p.next
		if i >= len(p.idEnds) || !bytes.Equal(id, p.id(i)) {
			return errNoSummary
		}
		p.next++
		e, err := makers[worker].make(raw, &p.derived[i])
		if err != nil {
			return err
		}
		b.file(worker, int(place[starts[part]+i]), e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range parts {
		if parts[i].next != len(parts[i].idEnds) {
			return nil, errNoSummary // a summary without its record
		}
	}
	return b, nil
}

// elemMaker makes a person's element of `person list --json`, compact,
// from their record's bytes.
type elemMaker struct {
	rules   dossier.Rules
	today   dossier.Date
	compact bytes.Buffer
	enc     *json.Encoder
	scratch []byte
}

// make returns the element of the person whose record is raw (valid until
// the next call): its bytes with the escapes of <, > and & undone and the
// derived values spliced in when d says the bytes are json.Marshal's
// JSON of the person (rowMarshaled); else the person decoded and encoded
// again.
func (m *elemMaker) make(raw []byte, d *derivedRow) ([]byte, error) {
	n := len(raw)
	if d.flags&rowMarshaled != 0 && n > 2 && raw[0] == '{' && raw[n-1] == '}' {
		m.scratch = unescapeHTML(m.scratch[:0], raw[:n-1])
		return d.appendFields(append(m.scratch, ',')), nil
	}
	var p dossier.Person
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, err
	}
	m.compact.Reset()
	if m.enc == nil {
		m.enc = json.NewEncoder(&m.compact)
		m.enc.SetEscapeHTML(false)
	}
	if err := m.enc.Encode(toPersonJSON(p, m.rules, m.today)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(m.compact.Bytes(), []byte("\n")), nil // the newline Encode adds
}

// derivedRow is what --json derives for a person (personDerived), kept
// for each of them from their summary to their record: no text and no
// numbers of their own in memory (appending each person's derived JSON
// to a buffer made 12 MB of new memory at 100,000 people, a tenth of the
// command's time in page faults).
type derivedRow struct {
	nps       dossier.NPSClass // one of the classes' constants: nothing made
	next      int32            // the next birthday, in days from 1970-01-01
	days, age int32
	flags     uint8
}

const (
	rowMarshaled = 1 << iota // the record is json.Marshal's JSON; the row holds
	rowBirthday              // next and days hold
	rowAge                   // age holds
	rowDue                   // contact is due
)

// rowOf returns d as a row, marked rowMarshaled unless a value does not
// fit one (a birthday outside the years 1000-9999), when the record is
// decoded instead.
func rowOf(d personDerived) derivedRow {
	r := derivedRow{nps: d.NPSClass, flags: rowMarshaled}
	if d.ContactDue {
		r.flags |= rowDue
	}
	fits := func(n int) bool { return n >= math.MinInt32 && n <= math.MaxInt32 }
	if !d.NextBirthday.IsZero() || d.DaysToBirthday != nil {
		if d.NextBirthday.IsZero() || d.DaysToBirthday == nil || !fits(*d.DaysToBirthday) {
			return derivedRow{}
		}
		y := d.NextBirthday.Time().Year()
		if y < 1000 || y > 9999 {
			return derivedRow{}
		}
		r.flags |= rowBirthday
		r.next = int32(d.NextBirthday.Time().Unix() / 86400)
		r.days = int32(*d.DaysToBirthday)
	}
	if d.Age != nil {
		if !fits(*d.Age) {
			return derivedRow{}
		}
		r.flags |= rowAge
		r.age = int32(*d.Age)
	}
	return r
}

// appendFields appends the fields of the row and the closing brace as
// json.Marshal writes them of its personDerived: json.Marshal without its
// opening brace, at a fraction of its cost (TestDerivedFieldsAreMarshal).
func (r *derivedRow) appendFields(b []byte) []byte {
	b = appendJSONString(append(b, `"nps_class":`...), string(r.nps))
	b = append(b, `,"next_birthday":"`...)
	if r.flags&rowBirthday != 0 {
		y, m, d := time.Unix(int64(r.next)*86400, 0).UTC().Date()
		b = appendDigits(b, y, 4)
		b = appendDigits(append(b, '-'), int(m), 2)
		b = appendDigits(append(b, '-'), d, 2)
	}
	b = append(b, `","days_to_birthday":`...)
	b = appendIntIf(b, r.days, r.flags&rowBirthday != 0)
	b = appendIntIf(append(b, `,"age_next_birthday":`...), r.age, r.flags&rowAge != 0)
	b = strconv.AppendBool(append(b, `,"contact_due":`...), r.flags&rowDue != 0)
	return append(b, '}')
}

// appendDigits appends n, from 0, with at least width digits.
func appendDigits(b []byte, n, width int) []byte {
	for w := 10; width > 1; width, w = width-1, w*10 {
		if n < w {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendJSONString appends s quoted as json.Marshal quotes it.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s) // never fails for a string
			return append(b, q...)
		}
	}
	return append(append(append(b, '"'), s...), '"')
}

func appendIntIf(b []byte, n int32, set bool) []byte {
	if !set {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// unescapeHTML appends src, JSON, to dst with the escapes json.Marshal
// writes for <, > and & (\u003c, \u003e, \u0026) turned back into the
// characters, as an encoder that does not escape HTML writes them. A
// backslash in JSON always starts an escape, so an escaped backslash
// followed by "u003c" stays as it is.
func unescapeHTML(dst, src []byte) []byte {
	if !bytes.Contains(src, []byte(`\u00`)) {
		return append(dst, src...)
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '\\' || i+1 == len(src) {
			dst = append(dst, c)
			continue
		}
		if src[i+1] == 'u' && i+5 < len(src) && src[i+2] == '0' && src[i+3] == '0' {
			var r byte
			switch string(src[i+4 : i+6]) {
			case "3c":
				r = '<'
			case "3e":
				r = '>'
			case "26":
				r = '&'
			}
			if r != 0 {
				dst = append(dst, r)
				i += 5
				continue
			}
		}
		dst = append(dst, c, src[i+1])
		i++
	}
	return dst
}
