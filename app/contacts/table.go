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
