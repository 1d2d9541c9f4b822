package contacts

import (
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// AccountFields are the fields a column of accounts can fill, by their
// JSON names; competitors are separated by semicolons in their cell.
var AccountFields = []string{"id", "name", "industry", "segment", "tier", "revenue_share", "strategy", "goals",
	"competitors", "next_tender", "annual_review", "owner", "notes", Ignore}

// builtInAccounts are the headers the built-in mapping knows for
// accounts, in lower case: the fields' JSON names, and their words.
var builtInAccounts = map[string]string{
	"id": "id", "name": "name", "account": "name", "account name": "name", "company": "name", "organization": "name",
	"industry": "industry", "segment": "segment", "territory": "segment", "tier": "tier",
	"revenue_share": "revenue_share", "revenue share": "revenue_share", "strategy": "strategy", "goals": "goals",
	"competitors": "competitors", "next_tender": "next_tender", "next tender": "next_tender",
	"annual_review": "annual_review", "annual review": "annual_review", "owner": "owner", "notes": "notes",
}

func builtInAccount(header string) string {
	return builtInAccounts[strings.ToLower(strings.TrimSpace(header))]
}

// DefaultTier is the tier of an account a file gives none.
const DefaultTier = dossier.TierOther

// AccountRow is an account read from a row of a CSV file.
type AccountRow struct {
	File    string
	Line    int
	Account dossier.Account // its ID is the file's, "" when the file gives none
	Ignored []string        // the columns whose values are not kept
	// Given are the fields the row gives a value (a merge fills no
	// other: the tier a row leaves out is DefaultTier, not the file's).
	Given map[string]bool
}

// AccountSheet is a CSV file of accounts read.
type AccountSheet struct {
	File    string
	Columns []Column
	Rows    []AccountRow
}

// ReadAccountsCSV reads the accounts of a CSV file as ReadCSV reads
// people: the columns as m says, else as the built-in mapping does
// (the fields' names); the dates in the format df, ISO dates only
// without one; all the rows or none, every problem naming the file, the
// line and the column. An account without a tier gets DefaultTier.
func ReadAccountsCSV(file string, data []byte, m Mapping, df DateFormat) (*AccountSheet, error) {
	return ReadAccountsCSVProgress(file, data, m, df, nil)
}

// ReadAccountsCSVProgress is ReadAccountsCSV telling progress how far it
// got, row by row.
func ReadAccountsCSVProgress(file string, data []byte, m Mapping, df DateFormat, progress Progress) (*AccountSheet, error) {
	cols, rows, err := readRecords(accountRecords, file, data, m, df, progress, (*table).account)
	if err != nil {
		return nil, err
	}
	return &AccountSheet{File: file, Columns: cols, Rows: rows}, nil
}

// account reads a row of accounts.
func (t *table) account(row []string, n int, cols []Column, df DateFormat) (AccountRow, Problems) {
	r := AccountRow{File: t.file, Line: n, Given: map[string]bool{}}
	a := &r.Account
	from := map[string]string{}
	var probs Problems
	problem := func(col string, err error) {
		probs = append(probs, &LineError{File: t.file, Line: n, Property: col, Err: err})
	}
	for i, col := range cols {
		v := cell(row, i)
		if v == "" {
			continue
		}
		if col.Field == "" || col.Field == Ignore || from[col.Field] != "" {
			r.Ignored = append(r.Ignored, col.Header)
			continue
		}
		from[col.Field] = col.Header
		r.Given[col.Field] = true
		switch col.Field {
		case "id":
			a.ID = v
		case "name":
			a.Name = v
		case "industry":
			a.Industry = v
		case "segment":
			a.Segment = v
		case "tier":
			a.Tier = dossier.Tier(strings.ReplaceAll(strings.ToLower(v), " ", "-"))
		case "revenue_share":
			f, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(v, ",", "."), "%"), 64)
			if err != nil {
				problem(col.Header, dossier.ErrAs(`"{{.Text}}" is not a number`, map[string]any{"Text": v}, dossier.ErrInvalid))
				continue
			}
			a.RevenueShare = f
		case "strategy":
			a.Strategy = v
		case "goals":
			a.Goals = v
		case "competitors":
			for _, c := range strings.Split(v, ";") {
				if c = strings.TrimSpace(c); c != "" {
					a.Competitors = append(a.Competitors, c)
				}
			}
		case "next_tender", "annual_review":
			d, err := df.Date(v)
			if err != nil {
				problem(col.Header, err)
				continue
			}
			if col.Field == "next_tender" {
				a.NextTender = d
			} else {
				a.AnnualReview = d
			}
		case "owner":
			a.Owner = v
		case "notes":
			a.Notes = v
		}
	}
	r.Ignored = append(r.Ignored, t.extra(row)...)
	if len(probs) > 0 {
		return AccountRow{}, probs
	}
	if a.Tier == "" {
		a.Tier = DefaultTier
	}
	for _, fe := range dossier.ProblemsOf(a.Validate()) {
		problem(from[fe.Field], fe)
	}
	if len(probs) > 0 {
		return AccountRow{}, probs
	}
	return r, nil
}

// Date reads v, a date written in the format f; it must have a year.
func (f DateFormat) Date(v string) (dossier.Date, error) {
	if noDate(v) {
		return dossier.Date{}, nil
	}
	b, err := f.Birthday(v)
	if err != nil {
		return dossier.Date{}, err
	}
	if b.Year == 0 {
		format := f.text
		if f.IsZero() {
			format = "YYYY-MM-DD"
		}
		return dossier.Date{}, dossier.ErrAs(`"{{.Text}}" is not a date of the format {{.Format}}`, map[string]any{"Text": v, "Format": format}, dossier.ErrInvalid)
	}
	return dossier.ParseDate(b.String())
}
