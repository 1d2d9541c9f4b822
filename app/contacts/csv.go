package contacts

import (
	"strings"

	"kamdesk/dossier"
)

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
	return ReadCSVProgress(file, data, m, df, nil)
}

// ReadCSVProgress is ReadCSV telling progress how far it got, row by
// row.
func ReadCSVProgress(file string, data []byte, m Mapping, df DateFormat, progress Progress) (*Sheet, error) {
	cols, cards, err := readRecords(peopleRecords, file, data, m, df, progress, (*table).card)
	if err != nil {
		return nil, err
	}
	return &Sheet{File: file, Columns: cols, Cards: cards}, nil
}

// recordKind is how the CSV files of a kind of records are read: the
// fields a column may fill, the built-in mapping of headers to them, and
// the fields that hold dates.
type recordKind struct {
	fields []string
	known  func(header string) string
	dates  []string
}

var (
	peopleRecords  = recordKind{fields: PersonFields, known: builtInPerson, dates: []string{"birthday"}}
	accountRecords = recordKind{fields: AccountFields, known: builtInAccount, dates: []string{"next_tender", "annual_review"}}
)

// readRecords reads the records of kind k of the CSV file data: its
// columns given their fields (m's, else the built-in mapping's), its
// dates checked to be ISO dates when df is the zero DateFormat (else
// ErrDateFormat, showing one of them), then each row made a record by
// read, progress told how far it got (it may be nil). All the rows or
// none: the problems of every row (up to maxProblems), each naming the
// file, the line and the column.
func readRecords[R any](k recordKind, file string, data []byte, m Mapping, df DateFormat, progress Progress,
	read func(t *table, row []string, line int, cols []Column, df DateFormat) (R, Problems)) ([]Column, []R, error) {
	t, cols, err := readColumns(k, file, data, m)
	if err != nil {
		return nil, nil, err
	}
	if df.IsZero() {
		for _, f := range k.dates {
			if err := t.isoDates(cols, f); err != nil {
				return nil, nil, err
			}
		}
	}
	var out []R
	var probs Problems
	tick := newTicker(progress, len(t.rows), 0, 1)
	for i, row := range t.rows {
		tick.at(i)
		if len(probs) >= maxProblems {
			break
		}
		r, errs := read(t, row, t.lines[i], cols, df)
		probs = append(probs, errs...)
		if len(errs) == 0 {
			out = append(out, r)
		}
	}
	if len(probs) > 0 {
		return nil, nil, probs
	}
	done(progress)
	return cols, out, nil
}

// readColumns reads the CSV file data, gives its columns their fields of
// k (m's, else the built-in mapping's) and marks those no row has a
// value in.
func readColumns(k recordKind, file string, data []byte, m Mapping) (*table, []Column, error) {
	t, err := readTable(file, data)
	if err != nil {
		return nil, nil, err
	}
	cols, err := columns(file, t.header, m, k.fields, k.known)
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
