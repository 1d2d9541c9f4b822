package contacts

import (
	"encoding/base64"
	"io"
	"mime/quotedprintable"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"golang.org/x/text/encoding/htmlindex"

	"kamdesk/dossier"
)

// Read reads every card of data, the contents of the file named file
// (the name only appears in problems). All of them or none: a card that
// cannot become a person (no name, an e-mail address that is not one, a
// birthday that is no date, text that is not UTF-8 nor of a CHARSET
// kamdesk knows) is a problem naming the file, its line and its
// property, and Read returns the problems (Problems) of every card.
func Read(file string, data []byte) ([]Card, error) { return ReadProgress(file, data, nil) }

// ReadProgress is Read telling progress how far it got, card by card.
func ReadProgress(file string, data []byte, progress Progress) ([]Card, error) {
	text, err := utf8Text(data)
	if err != nil {
		return nil, Problems{{File: file, Line: 1, Err: err}}
	}
	var cards []Card
	var probs Problems
	var card []line
	begin := 0
	lines := logicalLines(string(text))
	tick := newTicker(progress, len(lines), 0, 1)
	for i, l := range lines {
		tick.at(i)
		if len(probs) >= maxProblems {
			break
		}
		switch {
		case l.group == "" && l.name == "BEGIN":
			if begin != 0 {
				probs = append(probs, &LineError{File: file, Line: l.n, Err: dossier.Err("a card begins inside the card of line {{.Line}}", map[string]any{"Line": begin}, nil)})
			}
			begin, card = l.n, card[:0]
			if !strings.EqualFold(strings.TrimSpace(l.text[len("BEGIN:"):]), "VCARD") {
				probs = append(probs, &LineError{File: file, Line: l.n, Err: dossier.Err("not a vCard (BEGIN:VCARD)", nil, nil)})
			}
		case l.group == "" && l.name == "END":
			if begin == 0 {
				probs = append(probs, &LineError{File: file, Line: l.n, Err: dossier.Err("END without BEGIN:VCARD", nil, nil)})
				continue
			}
			c, errs := readCard(file, begin, card)
			probs = append(probs, errs...)
			if len(errs) == 0 {
				cards = append(cards, c)
			}
			begin = 0
		case begin == 0:
			probs = append(probs, &LineError{File: file, Line: l.n, Err: dossier.Err("outside a card (BEGIN:VCARD … END:VCARD)", nil, nil)})
		default:
			card = append(card, l)
		}
	}
	if begin != 0 && len(probs) < maxProblems {
		probs = append(probs, &LineError{File: file, Line: begin, Err: dossier.Err("the card has no END:VCARD", nil, nil)})
	}
	if len(probs) > 0 {
		return nil, probs
	}
	if len(cards) == 0 {
		return nil, Problems{{File: file, Line: 1, Err: dossier.Err("no vCard in the file", nil, nil)}}
	}
	done(progress)
	return cards, nil
}

// cardReader turns the lines of one card into a Card.
type cardReader struct {
	file  string
	at    map[string][]int    // property name → the lines of its properties, in order
	raw   map[string][]string // property name → their values as written
	probs Problems
	c     Card
}

func (r *cardReader) problem(prop string, n int, err error) {
	r.probs = append(r.probs, &LineError{File: r.file, Line: n, Property: prop, Err: err})
}

// line returns the line of the i-th property called name.
func (r *cardReader) line(name string, i int) int {
	if ls := r.at[name]; i < len(ls) {
		return ls[i]
	}
	return r.c.Line
}

func readCard(file string, begin int, lines []line) (Card, Problems) {
	r := &cardReader{file: file, at: map[string][]int{}, raw: map[string][]string{}, c: Card{File: file, Line: begin,
		Given: map[string]bool{}, lines: map[string]int{}}}
	var b strings.Builder
	b.WriteString("BEGIN:VCARD\r\n")
	for _, l := range lines {
		if l.name == "" {
			r.problem("", l.n, dossier.Err("not a vCard property (NAME:value)", nil, nil))
			continue
		}
		r.at[l.name] = append(r.at[l.name], l.n)
		r.raw[l.name] = append(r.raw[l.name], l.text[min(len(l.text), len(header(l.text))+1):])
		b.WriteString(bareParams(l.text))
		b.WriteString("\r\n")
	}
	b.WriteString("END:VCARD\r\n")
	if len(r.probs) > 0 {
		return Card{}, r.probs
	}
	vc, err := vcard.NewDecoder(strings.NewReader(b.String())).Decode()
	if err != nil {
		r.problem("", begin, err)
		return Card{}, r.probs
	}
	// go-vcard leaves out a line it cannot read (parameters it cannot
	// parse): find it, so that nothing is lost without a word.
	for name, ls := range r.at {
		if len(vc[name]) == len(ls) {
			continue
		}
		for _, l := range lines {
			if l.name != name {
				continue
			}
			one, err := vcard.NewDecoder(strings.NewReader("BEGIN:VCARD\r\n" + bareParams(l.text) + "\r\nEND:VCARD\r\n")).Decode()
			if err != nil || len(one[name]) != 1 {
				r.problem(name, l.n, dossier.Err("malformed parameters", nil, nil))
			}
		}
	}
	if len(r.probs) > 0 {
		return Card{}, r.probs
	}
	r.read(vc)
	if len(r.probs) > 0 {
		return Card{}, r.probs
	}
	return r.c, nil
}

// read fills the card from the properties of vc.
func (r *cardReader) read(vc vcard.Card) {
	if v := vc.Get(vcard.FieldVersion); v != nil {
		switch strings.TrimSpace(v.Value) {
		case "2.1", "3.0", "4.0":
		default:
			r.problem("VERSION", r.line("VERSION", 0), dossier.Err("kamdesk reads vCard 2.1, 3.0 and 4.0, not {{.Version}}", map[string]any{"Version": v.Value}, nil))
			return
		}
	}
	p := &r.c.Person
	names := make([]string, 0, len(vc))
	for name := range vc {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fs := vc[name]
		switch {
		case name == "VERSION", name == "PRODID", name == "REV", name == "UID", name == "X-ABLABEL", name == "N":
			// N: read below when there is no FN
		case name == "KIND":
			if k := strings.ToLower(strings.TrimSpace(fs[0].Value)); k != "" && k != string(vcard.KindIndividual) {
				r.c.Ignored = append(r.c.Ignored, "KIND "+k)
			}
		case name == "FN":
			if v, ok := r.text(name, 0, fs[0]); ok {
				r.set("name", name, 0, &p.Name, strings.TrimSpace(v))
			}
		case name == "TITLE":
			if v, ok := r.text(name, 0, fs[0]); ok {
				r.set("position", name, 0, &p.Position, strings.TrimSpace(v))
			}
			r.more(name, fs)
		case name == "ORG":
			if v, ok := r.escaped(name, 0, fs[0]); ok {
				parts := components(v)
				var units []string
				for _, u := range parts[min(1, len(parts)):] {
					if u = strings.TrimSpace(u); u != "" {
						units = append(units, u)
					}
				}
				r.set("department", name, 0, &p.Department, strings.Join(units, " / "))
			}
			r.more(name, fs)
		case name == kamdeskPrefix+"DEPARTMENT":
			// written when ORG cannot hold the department as it is
			if v, ok := r.text(name, 0, fs[0]); ok {
				r.set("department", name, 0, &p.Department, v)
			}
		case name == "EMAIL", name == "TEL":
			i := slices.Index(fs, vc.Preferred(name))
			for j, f := range fs {
				v, ok := r.text(name, j, f)
				if !ok {
					continue
				}
				v = strings.TrimSpace(v)
				if name == "TEL" {
					v = cleanPhone(v)
				} else if rest, ok := cutPrefixFold(v, "mailto:"); ok {
					v = rest
				}
				switch {
				case j == i && name == "EMAIL":
					r.set("email", name, j, &p.Email, v)
				case j == i:
					r.set("phone", name, j, &p.Phone, v)
				case v != "":
					r.c.Ignored = append(r.c.Ignored, name+" "+v)
				}
			}
		case name == "BDAY":
			r.birthday(fs[0])
		case name == "PHOTO":
			r.photo(fs, slices.Index(fs, vc.Preferred(name)))
		case name == "NOTE":
			var notes []string
			for j, f := range fs {
				if v, ok := r.text(name, j, f); ok && strings.TrimSpace(v) != "" {
					notes = append(notes, v)
				}
			}
			r.set("notes", name, 0, &p.Notes, strings.Join(notes, "\n\n"))
		case name == kamdeskPrefix+"ID":
			if v, ok := r.text(name, 0, fs[0]); ok {
				r.c.SourceID = strings.TrimSpace(v)
			}
		case name == kamdeskPrefix+"REPORTS-TO":
			if v, ok := r.text(name, 0, fs[0]); ok {
				r.c.ReportsTo = strings.TrimSpace(v)
				r.c.lines["reports_to"] = r.line(name, 0)
			}
		case fieldByProp(name) != nil:
			f := fieldByProp(name)
			if v, ok := r.text(name, 0, fs[0]); ok {
				if err := f.set(p, v); err != nil {
					r.problem(name, r.line(name, 0), err)
				} else if f.get(p) != "" {
					r.c.Given[f.name] = true
					r.c.lines[f.name] = r.line(name, 0)
				}
			}
		default:
			r.c.Ignored = append(r.c.Ignored, name)
		}
	}
	if p.Name == "" {
		if f := vc.Get("N"); f != nil {
			if v, ok := r.escaped("N", 0, f); ok {
				// family; given; additional; prefixes; suffixes
				c := components(v)
				for len(c) < 5 {
					c = append(c, "")
				}
				var parts []string
				for _, s := range []string{c[3], c[1], c[2], c[0], c[4]} {
					if s = strings.TrimSpace(strings.ReplaceAll(s, ",", " ")); s != "" {
						parts = append(parts, s)
					}
				}
				r.set("name", "N", 0, &p.Name, strings.Join(parts, " "))
			}
		}
	}
	if len(r.probs) > 0 {
		return
	}
	if p.Name == "" {
		r.problem("FN", r.c.Line, dossier.Err("the card has no name (FN or N)", nil, nil))
		return
	}
	r.probs = append(r.probs, check(&r.c, func(field string) (int, string) {
		n, prop := r.c.Line, ""
		if f := fieldNamed(field); f != nil {
			prop = f.prop
			if l, ok := r.c.lines[field]; ok {
				n = l
			}
		}
		return n, prop
	})...)
}

// set keeps the value v of the field (a JSON name) read from the i-th
// property called prop.
func (r *cardReader) set(field, prop string, i int, dst *string, v string) {
	*dst = v
	if v != "" {
		r.c.Given[field] = true
		r.c.lines[field] = r.line(prop, i)
	}
}

// more notes the properties beyond the first of a kind kamdesk keeps one
// of (a second TITLE, ORG).
func (r *cardReader) more(name string, fs []*vcard.Field) {
	if len(fs) > 1 {
		r.c.Ignored = append(r.c.Ignored, name)
	}
}

// text returns the text value of f, the i-th property called name: its
// ENCODING (quoted-printable, base64) and CHARSET undone, and unescaped.
func (r *cardReader) text(name string, i int, f *vcard.Field) (string, bool) {
	v, ok := r.escaped(name, i, f)
	if !ok {
		return "", false
	}
	v = unescape(v)
	if !utf8.ValidString(v) {
		r.problem(name, r.line(name, i), dossier.Err("the text is not UTF-8 (save the file as UTF-8, or say its CHARSET)", nil, dossier.ErrInvalid))
		return "", false
	}
	return v, true
}

// escaped is text without the unescaping, for the values made of
// components (N, ORG): they are split at the semicolons not escaped.
//
// The value is taken as the line wrote it, not as go-vcard gives it: its
// unescaping misses "\;", "\:" and "\N", and once done cannot be told
// from a backslash that was written escaped ("C:\\Notes").
func (r *cardReader) escaped(name string, i int, f *vcard.Field) (string, bool) {
	v := f.Value
	if raws := r.raw[name]; i < len(raws) {
		v = raws[i]
	}
	v, err := decodeValue(v, f.Params)
	if err != nil {
		r.problem(name, r.line(name, i), err)
		return "", false
	}
	return v, true
}

// decodeValue undoes the ENCODING (quoted-printable, base64) and the
// CHARSET of a value v with the parameters ps.
func decodeValue(v string, ps vcard.Params) (string, error) {
	switch enc := strings.ToUpper(ps.Get("ENCODING")); enc {
	case "", "8BIT", "7BIT":
	case "QUOTED-PRINTABLE":
		b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(v)))
		if err != nil {
			return "", dossier.Err("bad quoted-printable text", nil, dossier.ErrInvalid)
		}
		v = string(b)
	case "B", "BASE64":
		b, err := base64.StdEncoding.DecodeString(strings.Map(dropSpace, v))
		if err != nil {
			return "", dossier.Err("bad base64 data", nil, dossier.ErrInvalid)
		}
		v = string(b)
	default:
		return "", dossier.Err("unknown ENCODING {{.Encoding}}", map[string]any{"Encoding": enc}, dossier.ErrInvalid)
	}
	if cs := ps.Get("CHARSET"); cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		e, err := htmlindex.Get(cs)
		if err != nil {
			return "", dossier.Err("unknown CHARSET {{.Charset}}", map[string]any{"Charset": cs}, dossier.ErrInvalid)
		}
		b, err := e.NewDecoder().String(v)
		if err != nil {
			return "", dossier.Err("the text is not {{.Charset}}", map[string]any{"Charset": cs}, dossier.ErrInvalid)
		}
		v = b
	}
	return v, nil
}

func dropSpace(r rune) rune {
	if r == ' ' || r == '\t' || r == '\r' || r == '\n' {
		return -1
	}
	return r
}

// birthday reads BDAY: 1985-04-15, 19850415, --0415, --04-15, a date and
// time (its date), and Apple's birthday without a year (a year given as
// X-APPLE-OMIT-YEAR, 1604).
func (r *cardReader) birthday(f *vcard.Field) {
	n := r.line("BDAY", 0)
	v, ok := r.text("BDAY", 0, f)
	if !ok {
		return
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	d := v
	if i := strings.IndexByte(d, 'T'); i > 0 {
		d = d[:i]
	}
	var s string
	switch {
	case strings.HasPrefix(d, "--") && len(d) == 6 && digits(d[2:]): // --MMDD
		s = "--" + d[2:4] + "-" + d[4:]
	case strings.HasPrefix(d, "--") && len(d) == 7 && d[4] == '-': // --MM-DD
		s = d
	case len(d) == 8 && digits(d): // YYYYMMDD
		s = d[:4] + "-" + d[4:6] + "-" + d[6:]
	case len(d) == 10 && d[4] == '-' && d[7] == '-': // YYYY-MM-DD
		s = d
	default:
		r.problem("BDAY", n, dossier.Err(`"{{.Text}}" is not a birthday (YYYY-MM-DD, YYYYMMDD or --MMDD)`, map[string]any{"Text": v}, dossier.ErrInvalid))
		return
	}
	if omit := f.Params.Get("X-APPLE-OMIT-YEAR"); omit != "" && len(s) == 10 && s[:4] == omit {
		s = "--" + s[5:]
	}
	b, err := dossier.ParseBirthday(s)
	if err != nil {
		r.problem("BDAY", n, err)
		return
	}
	r.c.Person.Birthday = b
	r.c.Given["birthday"] = true
	r.c.lines["birthday"] = n
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
