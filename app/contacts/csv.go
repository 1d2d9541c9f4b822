package contacts

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"kamdesk/dossier"
)

// CSV files are read with encoding/csv, the standard library's reader
// of RFC 4180: quoted fields with commas, quotes and line breaks in
// them, as Outlook and Google write them. Around it: the encoding
// (UTF-8 with or without a byte order mark, UTF-16 with one, as
// Outlook writes), the separator (a comma, or the semicolon or tab the
// header line uses) and rows shorter or longer than the header.

// table is a CSV file read: its header and its rows, each with its line.
type table struct {
	file   string
	header []string
	rows   [][]string
	lines  []int // the line of each row, from 1
}

// separator returns the separator the header line of text uses: the
// one of comma, semicolon and tab it holds most of outside quotes.
func separator(text []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(text) {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted:
			return best(counts)
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	return best(counts)
}

func best(counts map[rune]int) rune {
	sep := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[sep] {
			sep = c
		}
	}
	return sep
}

// csvText returns the text of a CSV file as UTF-8, or the problem with it.
func csvText(file string, data []byte) ([]byte, error) {
	text, err := utf8Text(data)
	if err != nil {
		return nil, Problems{{File: file, Line: 1, Err: err}}
	}
	if !utf8.Valid(text) {
		n := 1
		for len(text) > 0 {
			r, size := utf8.DecodeRune(text)
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				n++
			}
			text = text[size:]
		}
		return nil, Problems{{File: file, Line: n, Err: dossier.ErrAs("the text is not UTF-8 (save the file as CSV UTF-8, or as Unicode text)", nil, dossier.ErrInvalid)}}
	}
	return text, nil
}

// readTable reads the header and the rows of a CSV file; rows without a
// value are left out.
func readTable(file string, data []byte) (*table, error) {
	text, err := csvText(file, data)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = separator(text)
	r.FieldsPerRecord = -1
	t := &table{file: file}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// FieldPos may only be asked about a record that was read.
			n := 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				n = pe.Line
				err = csvProblem(pe.Err)
			}
			return nil, Problems{{File: file, Line: n, Err: err}}
		}
		n, _ := r.FieldPos(0)
		if t.header == nil {
			t.header = make([]string, len(rec))
			for i, h := range rec {
				t.header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			}
			continue
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, n)
	}
	if t.header == nil {
		return nil, Problems{{File: file, Line: 1, Err: dossier.ErrAs("the file is empty", nil, dossier.ErrInvalid)}}
	}
	if len(t.rows) == 0 {
		return nil, Problems{{File: file, Line: 1, Err: dossier.ErrAs("no rows after the header", nil, dossier.ErrInvalid)}}
	}
	return t, nil
}

// csvProblem says in words what encoding/csv found wrong.
func csvProblem(err error) error {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return dossier.ErrAs(`a quote inside a field that does not start with one; put the field in quotes and double the quote ("")`, nil, dossier.ErrInvalid)
	case errors.Is(err, csv.ErrQuote):
		return dossier.ErrAs("a quoted field is not closed", nil, dossier.ErrInvalid)
	}
	return err // encoding/csv has no other error with FieldsPerRecord -1
}

// cell returns the value of column i of a row, "" beyond its end.
func cell(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// markEmpty marks the columns no row has a value in.
func (t *table) markEmpty(cols []Column) {
	for i := range cols {
		cols[i].Empty = true
		for _, row := range t.rows {
			if cell(row, i) != "" {
				cols[i].Empty = false
				break
			}
		}
	}
}

// extra returns the names of the cells of row beyond the header that
// hold a value ("column 12"), which nothing reads.
func (t *table) extra(row []string) []string {
	var out []string
	for i := len(t.header); i < len(row); i++ {
		if strings.TrimSpace(row[i]) != "" {
			out = append(out, "#"+strconv.Itoa(i+1))
		}
	}
	return out
}

// Header returns the headers of the columns of a CSV file, nil when it
// has none that can be read.
func Header(data []byte) []string {
	text, err := utf8Text(data)
	if err != nil {
		return nil
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = separator(text)
	r.FieldsPerRecord = -1
	rec, err := r.Read()
	if err != nil {
		return nil
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(strings.TrimPrefix(rec[i], "\ufeff"))
	}
	return rec
}

// IsCSV reports whether data is a CSV file Read CSV may read: text (in
// an encoding it accepts) whose first line, not a vCard's, holds at
// least two columns, or one the built-in mapping knows.
func IsCSV(data []byte) bool {
	if IsVCard(data) {
		return false
	}
	head := data[:min(len(data), 8192)]
	text, err := utf8Text(head)
	if err != nil || bytes.IndexByte(text, 0) >= 0 {
		return false
	}
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	} else if len(head) < len(data) {
		return false
	}
	if !utf8.Valid(text) {
		return false
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = separator(text)
	rec, err := r.Read()
	if err != nil {
		return false
	}
	h := strings.TrimPrefix(rec[0], "\ufeff")
	return len(rec) >= 2 || builtInPerson(h) != "" || builtInAccount(h) != ""
}

// IsPeopleCSV reports whether data is a CSV file (IsCSV) that holds
// people: a column of its is named by m or known to the built-in
// mapping. A folder's other CSV files are not an import's.
func IsPeopleCSV(data []byte, m Mapping) bool {
	if !IsCSV(data) {
		return false
	}
	for _, h := range Header(data) {
		if f := m.field(h); f != "" && f != Ignore {
			return true
		}
		if f := builtInPerson(h); f != "" && f != Ignore {
			return true
		}
	}
	return false
}

// Sheet is a CSV file of people read: its columns, the fields they
// fill, and a card a row.
type Sheet struct {
	File    string
	Columns []Column
	Cards   []Card
}

// ReadCSV reads the people of a CSV file, data, named file: a card a
// row, its columns read as m says, else as the built-in mapping does
// (m may be nil). The birthdays are read in the format df; with the
// zero DateFormat they must be ISO dates (YYYY-MM-DD, --MM-DD), and a
// file whose birthdays are written otherwise is refused (ErrDateFormat,
// showing one of them) rather than read by a guess between day first
// and month first. All the rows or none: every row that cannot become a
// person is a problem naming the file, its line and its column.
func ReadCSV(file string, data []byte, m Mapping, df DateFormat) (*Sheet, error) {
	t, cols, err := readPeopleTable(file, data, m)
	if err != nil {
		return nil, err
	}
	if df.IsZero() {
		if err := t.isoDates(cols, "birthday"); err != nil {
			return nil, err
		}
	}
	sh := &Sheet{File: file, Columns: cols}
	var probs Problems
	for i, row := range t.rows {
		if len(probs) >= maxProblems {
			break
		}
		c, errs := t.card(row, t.lines[i], cols, df)
		probs = append(probs, errs...)
		if len(errs) == 0 {
			sh.Cards = append(sh.Cards, c)
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return sh, nil
}

// readPeopleTable reads the CSV file of people data and gives its columns
// their fields, m's or the built-in mapping's.
func readPeopleTable(file string, data []byte, m Mapping) (*table, []Column, error) {
	return readColumns(file, data, m, PersonFields, builtInPerson)
}

// readColumns reads the CSV file data, gives its columns their fields of
// fields (m's, else known's) and marks those no row has a value in.
func readColumns(file string, data []byte, m Mapping, fields []string, known func(string) string) (*table, []Column, error) {
	t, err := readTable(file, data)
	if err != nil {
		return nil, nil, err
	}
	cols, err := columns(file, t.header, m, fields, known)
	if err != nil {
		return nil, nil, err
	}
	t.markEmpty(cols)
	return t, cols, nil
}

// isoDates returns ErrDateFormat when a column of the field holds a
// date that is not ISO.
func (t *table) isoDates(cols []Column, field string) error {
	for i, col := range cols {
		if col.Field != field {
			continue
		}
		for j, row := range t.rows {
			if v := cell(row, i); !noDate(v) && !isISODate(v) {
				return Problems{{File: t.file, Line: t.lines[j], Property: col.Header,
					Err: dossier.ErrAs(`the dates are written as "{{.Sample}}", which can be read more than one way: say their format (DD.MM.YYYY, MM/DD/YYYY, YYYY-MM-DD…)`,
						map[string]any{"Sample": v}, ErrDateFormat)}}
			}
		}
	}
	return nil
}

// card reads a row of people.
func (t *table) card(row []string, n int, cols []Column, df DateFormat) (Card, Problems) {
	c := Card{File: t.file, Line: n, Given: map[string]bool{}}
	p := &c.Person
	from := map[string]string{} // field → the header of the column it was read from
	var probs Problems
	problem := func(col string, err error) {
		probs = append(probs, &LineError{File: t.file, Line: n, Property: col, Err: err})
	}
	var first, middle, last []string
	for i, col := range cols {
		v := cell(row, i)
		if v == "" {
			continue
		}
		var dst *string
		switch col.Field {
		case "", Ignore:
			if !quiet(col.Header) {
				c.Ignored = append(c.Ignored, col.Header)
			}
			continue
		case "first":
			first = append(first, v)
			continue
		case "middle":
			middle = append(middle, v)
			continue
		case "last":
			last = append(last, v)
			continue
		case "birthday":
			if noDate(v) {
				continue
			}
			if from["birthday"] != "" {
				c.Ignored = append(c.Ignored, col.Header)
				continue
			}
			b, err := df.Birthday(v)
			if err != nil {
				problem(col.Header, err)
				continue
			}
			p.Birthday = b
		case "email":
			// Google writes an e-mail address's others of the same label
			// in its cell: "a@x ::: b@y".
			vs := strings.Split(v, ":::")
			for j := range vs {
				vs[j] = strings.TrimSpace(vs[j])
				if rest, ok := cutPrefixFold(vs[j], "mailto:"); ok {
					vs[j] = rest
				}
			}
			if from["email"] == "" {
				p.Email, vs = vs[0], vs[1:]
				c.Given["email"], from["email"] = true, col.Header
			}
			for _, e := range vs {
				if e != "" && !strings.EqualFold(e, p.Email) {
					c.Ignored = append(c.Ignored, col.Header+" "+e)
				}
			}
			continue
		case "phone":
			v = cleanPhone(v)
			if from["phone"] != "" {
				if v != p.Phone {
					c.Ignored = append(c.Ignored, col.Header+" "+v)
				}
				continue
			}
			p.Phone = v
		case "name":
			dst = &p.Name
		case "position":
			dst = &p.Position
		case "department":
			dst = &p.Department
		case "notes":
			dst = &p.Notes
		default:
			if from[col.Field] != "" {
				c.Ignored = append(c.Ignored, col.Header)
				continue
			}
			if f := fieldNamed(col.Field); f != nil && f.set != nil {
				if err := f.set(p, v); err != nil {
					problem(col.Header, err)
					continue
				}
			}
		}
		if dst != nil {
			if from[col.Field] != "" {
				if *dst != v {
					c.Ignored = append(c.Ignored, col.Header)
				}
				continue
			}
			*dst = v
		}
		c.Given[col.Field], from[col.Field] = true, col.Header
	}
	c.Ignored = append(c.Ignored, t.extra(row)...)
	if p.Name == "" {
		p.Name = strings.Join(append(append(first, middle...), last...), " ")
		if p.Name != "" {
			c.Given["name"] = true
		}
	}
	if len(probs) > 0 {
		return Card{}, probs
	}
	if p.Name == "" {
		problem("", dossier.ErrAs("the row has no name (map a column to name, or to first and last)", nil, dossier.ErrInvalid))
		return Card{}, probs
	}
	probs = check(&c, func(field string) (int, string) { return n, from[field] })
	if len(probs) > 0 {
		return Card{}, probs
	}
	return c, nil
}
