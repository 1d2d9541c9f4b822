package i18n

import (
	"strconv"
	"strings"
	"sync"
	"text/template"
	"unicode"
)

// fill fills in message, a text/template, with d: not in the catalogue,
// the message itself. (Handing it to go-i18n as a default message would
// parse it afresh at every call: a second for the 5,000 lines of an
// agenda.) A message that is text and {{.Name}} fields only, filled from
// a map of strings and whole numbers (the agenda's 90,000 lines at
// 100,000 people), is filled without text/template, the same way
// (FuzzFill compares them).
func fill(message string, d any) string {
	if !strings.Contains(message, "{{") {
		return message // nothing to fill in
	}
	v, ok := parsed.Load(message)
	if !ok {
		p, err := template.New("").Parse(message)
		if err != nil {
			return message
		}
		v, _ = parsed.LoadOrStore(message, &filler{t: p, parts: simpleParts(message)})
	}
	f := v.(*filler)
	if m, ok := d.(map[string]any); ok && f.parts != nil {
		if s, ok := f.fillMap(m); ok {
			return s
		}
	}
	var b strings.Builder
	if f.t.Execute(&b, d) != nil {
		return message
	}
	return b.String()
}

// parsed are the fillers of the messages the catalogue does not hold, by
// message.
var parsed sync.Map

// filler is a parsed message.
type filler struct {
	t     *template.Template
	parts []part // nil unless the message is text and {{.Name}} fields only
}

// part is text, or the field key when key is set.
type part struct{ text, key string }

// simpleParts splits message into text and {{.Name}} fields, or returns
// nil when it holds any other action.
func simpleParts(message string) []part {
	var parts []part
	for rest := message; rest != ""; {
		i := strings.Index(rest, "{{")
		if i < 0 {
			parts = append(parts, part{text: rest})
			break
		}
		if i > 0 {
			parts = append(parts, part{text: rest[:i]})
		}
		j := strings.Index(rest[i:], "}}")
		if j < 0 {
			return nil
		}
		name, ok := strings.CutPrefix(rest[i+2:i+j], ".")
		if !ok || !isIdentifier(name) {
			return nil
		}
		parts = append(parts, part{key: name})
		rest = rest[i+j+2:]
	}
	return parts
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// fillMap fills the fields from m, as text/template would; false when a
// value is of a kind it leaves to text/template.
func (f *filler) fillMap(m map[string]any) (string, bool) {
	var b strings.Builder
	for _, p := range f.parts {
		if p.key == "" {
			b.WriteString(p.text)
			continue
		}
		v, ok := m[p.key]
		if !ok {
			b.WriteString("<no value>")
			continue
		}
		switch v := v.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteString(strconv.Itoa(v))
		case int64:
			b.WriteString(strconv.FormatInt(v, 10))
		default:
			return "", false
		}
	}
	return b.String(), true
}
