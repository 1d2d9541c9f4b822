package cli

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/klauspost/compress/s2"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// personListJSON prints every person as `person list --json` prints them
// through jsonList (toPersonJSON, in SortPeople's order), the same bytes
// (TestPersonListJSONIsTheList), without holding the people: at 100,000
// people decoding every record to encode it again was most of 3.7 s and
// 364 MB. The records come in the store's order (store.EachPersonRecord);
// each is made into its element of the array at once, from the record's
// bytes as they are when its summary vouches that they are json.Marshal's
// JSON of the person (only the escapes of <, > and & differ from what
// jsonList writes) with the derived values spliced in, else decoded and
// encoded again; the elements wait compressed (s2) for the people's
// order, known once all are seen, and are indented as they are written.
// Both halves use both cores.
func (c *ctx) personListJSON(st *store.Store, rules dossier.Rules, today dossier.Date) error {
	// The elements are made beside the reading: the store's iterator on
	// this goroutine, the rest on another, a batch at a time.
	var order dossier.PeopleSorter
	var elems [][]byte
	var makeErr error
	batches := make(chan *personBatch, 2)
	made := make(chan struct{})
	go func() {
		defer close(made)
		m := elemMaker{rules: rules, today: today}
		for b := range batches {
			for i := 0; i < len(b.ends) && makeErr == nil; i++ {
				var e []byte
				if e, makeErr = m.make(b.raw(i), b.asMarshaled[i], &b.derived[i]); makeErr == nil {
					elems = append(elems, e)
				}
			}
		}
	}()
	b := &personBatch{}
	err := st.EachPersonRecord(func(sum *dossier.Person, raw []byte, asMarshaled bool) error {
		order.Add(sum)
		b.add(raw, asMarshaled, derivedOf(sum, rules, today))
		if len(b.ends) == cap(b.ends) {
			batches <- b
			b = &personBatch{}
		}
		return nil
	})
	if len(b.ends) > 0 {
		batches <- b
	}
	close(batches)
	<-made
	if err == nil {
		err = makeErr
	}
	if err != nil {
		return err
	}
	w := c.checked()
	if len(elems) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	io.WriteString(w, "[\n")
	// Written in the people's order, each run of 512 elements
	// uncompressed, indented and made terminal-safe on its own goroutine,
	// at most four ahead of the writing.
	ord := order.Order()
	const run = 512
	type piece struct {
		text []byte
		err  error
	}
	pieces := make(chan chan piece, 4)
	go func() {
		defer close(pieces)
		for start := 0; start < len(ord); start += run {
			ch := make(chan piece, 1)
			pieces <- ch
			go func(ats []int, last bool) {
				var p piece
				var plain, elem []byte
				size := 0
				for _, at := range ats {
					n, _ := s2.DecodedLen(elems[at])
					size += n + n/4 // with the indentation
				}
				p.text = make([]byte, 0, size)
				for i, at := range ats {
					if plain, p.err = s2.Decode(plain[:cap(plain)], elems[at]); p.err != nil {
						break
					}
					elems[at] = nil
					elem = append(elem[:0], "  "...)
					elem = indentJSON(elem, plain, "  ", "  ")
					if !last || i < len(ats)-1 {
						elem = append(elem, ',')
					}
					elem = append(elem, '\n')
					p.text = append(p.text, jsonSafe(elem)...)
				}
				ch <- p
			}(ord[start:min(start+run, len(ord))], start+run >= len(ord))
		}
	}()
	for ch := range pieces {
		p := <-ch
		if err == nil {
			err = p.err
		}
		if err == nil {
			_, err = w.Write(p.text)
		}
		// After an error the rest is made and dropped, so that no
		// goroutine is left waiting.
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "]\n")
	return err
}

// personBatch is a run of records as EachPersonRecord gives them, their
// bytes copied end to end.
type personBatch struct {
	data        []byte
	ends        []int
	asMarshaled []bool
	derived     []personDerived
}

func (b *personBatch) add(raw []byte, asMarshaled bool, d personDerived) {
	if b.ends == nil {
		b.ends = make([]int, 0, 256)
		b.data = make([]byte, 0, 256*len(raw)*5/4)
	}
	b.data = append(b.data, raw...)
	b.ends = append(b.ends, len(b.data))
	b.asMarshaled = append(b.asMarshaled, asMarshaled)
	b.derived = append(b.derived, d)
}

func (b *personBatch) raw(i int) []byte {
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	return b.data[start:b.ends[i]]
}

// elemMaker makes a person's element of `person list --json`, compact and
// compressed, from their record's bytes.
type elemMaker struct {
	rules   dossier.Rules
	today   dossier.Date
	compact bytes.Buffer
	enc     *json.Encoder
	scratch []byte
}

// make returns the element of the person whose record is raw: its bytes
// with the escapes of <, > and & undone and the derived values d spliced
// in when asMarshaled says they are json.Marshal's JSON of the person,
// else the person decoded and encoded again.
func (m *elemMaker) make(raw []byte, asMarshaled bool, d *personDerived) ([]byte, error) {
	m.compact.Reset()
	n := len(raw)
	if asMarshaled && n > 2 && raw[0] == '{' && raw[n-1] == '}' {
		derived, err := json.Marshal(d)
		if err != nil {
			return nil, err
		}
		m.compact.Write(unescapeHTML(m.scratch[:0], raw[:n-1]))
		m.compact.WriteByte(',')
		m.compact.Write(derived[1:])
	} else {
		var p dossier.Person
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		if m.enc == nil {
			m.enc = json.NewEncoder(&m.compact)
			m.enc.SetEscapeHTML(false)
		}
		if err := m.enc.Encode(toPersonJSON(p, m.rules, m.today)); err != nil {
			return nil, err
		}
		m.compact.Truncate(m.compact.Len() - 1) // the newline Encode adds
	}
	m.scratch = s2.Encode(m.scratch[:cap(m.scratch)], m.compact.Bytes())
	return bytes.Clone(m.scratch), nil
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
