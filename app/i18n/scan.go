package i18n

import (
	"encoding/json"
	"unicode/utf8"
)

// catMessage is a message of a catalogue: a text, or plural forms.
type catMessage struct {
	id, text string
	forms    map[string]string // nil for a text
}

// scanCatalogue reads every message of a catalogue, data: a JSON object
// whose values are texts or objects of plural forms ("one", "other", …),
// as go-i18n and Fyne write them. It reports false when data is not such
// an object; the caller then reads it with encoding/json, which says the
// same of every catalogue scanCatalogue reads (FuzzScanCatalogue).
//
// It is made for the catalogues' shape: every command reads one or two of
// them, 1,700 messages each, and decoding them into a map of raw values
// with encoding/json, then each value again, was a tenth of a short
// command's time (and most of its garbage). The messages' strings are
// parts of data unless they hold an escape or bytes that are not UTF-8,
// which encoding/json decodes (a string of its own for each of the 3,600
// strings was a third of the scan).
func scanCatalogue(data string) ([]catMessage, bool) {
	s := catScanner{data: data}
	if !s.next('{') {
		return nil, false
	}
	// about 90 bytes a message in the catalogues kamdesk ships
	out := make([]catMessage, 0, len(data)/64)
	if s.next('}') {
		return out, s.end()
	}
	for {
		id, ok := s.str()
		if !ok || !s.next(':') {
			return nil, false
		}
		m := catMessage{id: id}
		switch s.peek() {
		case '"':
			m.text, ok = s.str()
		case '{':
			m.forms, ok = s.forms()
		default:
			ok = false
		}
		if !ok {
			return nil, false
		}
		out = append(out, m)
		switch {
		case s.next(','):
		case s.next('}'):
			return out, s.end()
		default:
			return nil, false
		}
	}
}

type catScanner struct {
	data string
	i    int
}

// peek is the next byte that is not white space, 0 at the end.
func (s *catScanner) peek() byte {
	for s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return c
		}
	}
	return 0
}

// next consumes c, the next byte that is not white space, if it is.
func (s *catScanner) next(c byte) bool {
	if s.peek() != c {
		return false
	}
	s.i++
	return true
}

// end reports whether nothing but white space follows.
func (s *catScanner) end() bool { return s.peek() == 0 && s.i == len(s.data) }

// str reads a JSON string.
func (s *catScanner) str() (string, bool) {
	if s.peek() != '"' {
		return "", false
	}
	start, plain := s.i, true
	for j := start + 1; j < len(s.data); j++ {
		switch c := s.data[j]; {
		case c == '\\':
			plain = false
			j++
		case c == '"':
			s.i = j + 1
			raw := s.data[start+1 : j]
			if plain && utf8.ValidString(raw) {
				return raw, true
			}
			var out string
			if json.Unmarshal([]byte(s.data[start:j+1]), &out) != nil {
				return "", false
			}
			return out, true
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

// forms reads an object of plural forms, strings by name.
func (s *catScanner) forms() (map[string]string, bool) {
	s.i++ // '{'
	forms := map[string]string{}
	if s.next('}') {
		return forms, true
	}
	for {
		name, ok := s.str()
		if !ok || !s.next(':') {
			return nil, false
		}
		text, ok := s.str()
		if !ok {
			return nil, false
		}
		forms[name] = text
		switch {
		case s.next(','):
		case s.next('}'):
			return forms, true
		default:
			return nil, false
		}
	}
}
