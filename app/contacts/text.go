// Package contacts brings people in and out of kamdesk as vCards and
// CSV files: it reads vCard 2.1, 3.0 and 4.0 files, and CSV files
// through a mapping of their columns (csv.go, mapping.go), into cards
// (people with the file and line each came from), writes people as
// vCard 4.0, and matches
// imported cards against an account's people to make an import plan
// (add, merge or skip each card) that the command line prints and the
// store carries out. It knows neither Fyne nor the store, so the desktop
// can show the same plan.
//
// The parsing of properties, parameters and values is go-vcard's
// (github.com/emersion/go-vcard); around it this package reads the
// file's encoding (UTF-8, UTF-16 with or without a byte order mark),
// unfolds lines itself to know where each property is, joins the soft
// line breaks of quoted-printable values and names the bare parameters
// of vCard 2.1 (TEL;WORK;VOICE:…), which go-vcard would take for the
// value.
package contacts

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"kamdesk/dossier"
)

// IsVCard reports whether data holds vCards: its first text, in any of
// the encodings Read accepts, is BEGIN:VCARD. A file is known by its
// content, not its name, so that other formats (CSV) can sit beside it.
func IsVCard(data []byte) bool {
	text, err := utf8Text(data[:min(len(data), 512)])
	if err != nil {
		return false
	}
	text = bytes.TrimLeft(text, " \t\r\n")
	return len(text) >= len("BEGIN:VCARD") && strings.EqualFold(string(text[:len("BEGIN:VCARD")]), "BEGIN:VCARD")
}

// utf8Text returns data as UTF-8: UTF-16 with a byte order mark, or
// without one when its first character is ASCII (as a vCard's B is),
// decoded; a UTF-8 byte order mark dropped. Other bytes are returned
// as they are: a property with a CHARSET says what they are, else they
// must be UTF-8.
func utf8Text(data []byte) ([]byte, error) {
	var e unicode.Endianness
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), len(data) >= 2 && data[0] != 0 && data[1] == 0:
		e = unicode.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), len(data) >= 2 && data[0] == 0 && data[1] != 0:
		e = unicode.BigEndian
	default:
		return data, nil
	}
	if len(data)%2 == 1 {
		data = data[:len(data)-1] // a cut file: its last byte is half a character
	}
	out, err := unicode.UTF16(e, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil, dossier.Err("not UTF-16 text", nil, dossier.ErrInvalid)
	}
	return out, nil
}

// line is one logical line of a vCard file: its physical lines unfolded.
type line struct {
	n    int    // the number of its first physical line, from 1
	text string // unfolded
	// the property's group, name (upper case) and the part before the
	// value, as go-vcard reads them
	group, name string
}

// header returns the part of a property line before its value: up to
// the first colon outside a quoted parameter value.
func header(s string) string {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				return s[:i]
			}
		}
	}
	return s
}

// hasParam reports whether the header h names one of the words (upper
// case) as a parameter or parameter value: ENCODING=QUOTED-PRINTABLE, or
// vCard 2.1's bare QUOTED-PRINTABLE.
func hasParam(h string, words ...string) bool {
	h = strings.ToUpper(h)
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(h[i:], w)
			if j < 0 {
				break
			}
			j += i
			end := j + len(w)
			if (j > 0 && strings.ContainsRune(";=,", rune(h[j-1]))) && (end == len(h) || strings.ContainsRune(";,", rune(h[end]))) {
				return true
			}
			i = end
		}
	}
	return false
}

// logicalLines unfolds text into lines: a physical line starting with a
// space or a tab continues the one before (RFC 6350 3.2), a
// quoted-printable value ending in "=" continues on the next line (its
// soft line break), and so does the base64 value of vCard 2.1 whose
// lines are not indented, up to a blank line. Blank lines are dropped.
func logicalLines(text string) []line {
	var out []line
	n := 0
	qp, b64 := false, false // the last line's value is quoted-printable, base64
	for len(text) > 0 {
		n++
		raw := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		raw = strings.TrimSuffix(raw, "\r")
		last := len(out) - 1
		switch {
		case last >= 0 && qp && strings.HasSuffix(out[last].text, "="):
			out[last].text = out[last].text[:len(out[last].text)-1] + raw
			continue
		case last >= 0 && raw != "" && (raw[0] == ' ' || raw[0] == '\t'):
			out[last].text += raw[1:]
			continue
		case strings.TrimSpace(raw) == "":
			b64 = false
			continue
		case last >= 0 && b64 && !strings.ContainsAny(raw, ":;"):
			out[last].text += raw
			continue
		}
		out = append(out, line{n: n, text: raw})
		h := header(raw)
		qp = hasParam(h, "QUOTED-PRINTABLE")
		b64 = hasParam(h, "BASE64", "B")
	}
	for i := range out {
		out[i].group, out[i].name = propertyName(out[i].text)
	}
	return out
}

// propertyName returns the group and the name (upper case) of a
// property line, as go-vcard reads them; "" when the line has no name
// followed by ";" or ":".
func propertyName(s string) (group, name string) {
	if i := strings.IndexAny(s, ".;:"); i >= 0 && s[i] == '.' {
		group, s = s[:i], s[i+1:]
	}
	i := strings.IndexAny(s, ";:")
	if i <= 0 {
		return group, ""
	}
	name = s[:i]
	for _, r := range name {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return group, ""
		}
	}
	return group, strings.ToUpper(name)
}

// bareParams gives vCard 2.1's parameters without a name their name:
// TEL;WORK;VOICE:… becomes TEL;TYPE=WORK;TYPE=VOICE:…, and
// EMAIL;QUOTED-PRINTABLE:… EMAIL;ENCODING=QUOTED-PRINTABLE:…; go-vcard
// would take the last bare one for a parameter whose value is the
// property's value.
func bareParams(s string) string {
	h := header(s)
	if !strings.Contains(h, ";") || strings.Contains(h, `"`) {
		return s
	}
	parts := strings.Split(h, ";")
	changed := false
	for i, p := range parts[1:] {
		if p == "" || strings.Contains(p, "=") {
			continue
		}
		switch strings.ToUpper(p) {
		case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT":
			parts[i+1] = "ENCODING=" + p
		default:
			parts[i+1] = "TYPE=" + p
		}
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(parts, ";") + s[len(h):]
}

// unescape undoes the escapes of a text value (RFC 6350 3.4): "\\",
// "\n" or "\N", "\,", "\;" and "\:"; a backslash before another
// character stays, as sloppy writers leave Windows paths.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		case '\\', ',', ';', ':':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// components splits a structured value (N, ORG) at the semicolons not
// escaped, and unescapes each part.
func components(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == ';' {
			out = append(out, unescape(s[start:i]))
			start = i + 1
		}
	}
	return append(out, unescape(s[start:]))
}

// cleanPhone writes the dashes and spaces that address books put in
// phone numbers (non-breaking hyphens, thin spaces) as the ASCII ones
// kamdesk accepts, and a tel: URI (vCard 4.0) as the number.
func cleanPhone(s string) string {
	s = strings.TrimSpace(s)
	if rest, ok := cutPrefixFold(s, "tel:"); ok {
		s = rest
		if num, ext, ok := strings.Cut(s, ";ext="); ok {
			s = num + " x" + ext
		} else if i := strings.IndexByte(s, ';'); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		switch r {
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D':
			return '-'
		case '\u00A0', '\u2007', '\u2009', '\u202F', '\u2002', '\u2003', '\u3000':
			return ' '
		}
		return r
	}, s))
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// fold writes the line l of a card as RFC 6350 3.2 folds it: at most 75
// octets a line, never inside a UTF-8 character, each continuation
// starting with a space.
func fold(b *bytes.Buffer, l string) {
	const max = 75
	first := true
	for {
		room := max
		if !first {
			room-- // the space
			b.WriteByte(' ')
		}
		if len(l) <= room {
			b.WriteString(l)
			b.WriteString("\r\n")
			return
		}
		cut := room
		for cut > room-utf8.UTFMax && !utf8.RuneStart(l[cut]) {
			cut-- // not inside a character (bytes that are none are cut anywhere)
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n")
		l = l[cut:]
		first = false
	}
}
