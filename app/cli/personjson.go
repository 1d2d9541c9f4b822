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
// encoded again; the elements wait compressed (s2, about a third of
// their size) for the people's order, known once all are seen, and are
// indented as they are written.
func (c *ctx) personListJSON(st *store.Store, rules dossier.Rules, today dossier.Date) error {
	var order dossier.PeopleSorter
	var elems [][]byte
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	var elem, scratch []byte
	err := st.EachPersonRecord(func(sum *dossier.Person, raw []byte, asMarshaled bool) error {
		order.Add(sum)
		compact.Reset()
		n := len(raw)
		if asMarshaled && n > 2 && raw[0] == '{' && raw[n-1] == '}' {
			derived, err := json.Marshal(derivedOf(sum, rules, today))
			if err != nil {
				return err
			}
			compact.Write(unescapeHTML(scratch[:0], raw[:n-1]))
			compact.WriteByte(',')
			compact.Write(derived[1:])
		} else {
			var p dossier.Person
			if err := json.Unmarshal(raw, &p); err != nil {
				return err
			}
			if err := enc.Encode(toPersonJSON(p, rules, today)); err != nil {
				return err
			}
			compact.Truncate(compact.Len() - 1) // the newline Encode adds
		}
		scratch = s2.Encode(scratch[:cap(scratch)], compact.Bytes())
		elems = append(elems, bytes.Clone(scratch))
		return nil
	})
	if err != nil {
		return err
	}
	w := c.checked()
	if len(elems) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	io.WriteString(w, "[\n")
	for i, at := range order.Order() {
		if scratch, err = s2.Decode(scratch[:cap(scratch)], elems[at]); err != nil {
			return err
		}
		elems[at] = nil
		elem = append(elem[:0], "  "...)
		elem = indentJSON(elem, scratch, "  ", "  ")
		if i < len(elems)-1 {
			elem = append(elem, ',')
		}
		elem = append(elem, '\n')
		if _, err := w.Write(jsonSafe(elem)); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "]\n")
	return err
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
