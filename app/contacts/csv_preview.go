package contacts

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Preview is the start of a CSV file of people or accounts as a mapping
// step shows it: its columns with the fields they fill (m's, else the built-in
// mapping's), and the values of its first rows, column by column.
type Preview struct {
	Columns []Column
	Rows    [][]string // the first rows, each as long as Columns
}

// PreviewCSV reads the header and up to n rows of the CSV file of
// people data.
func PreviewCSV(file string, data []byte, m Mapping, n int) (*Preview, error) {
	return previewOf(peopleRecords, file, data, m, n)
}

// PreviewAccountsCSV reads the header and up to n rows of the CSV file
// of accounts data, its columns given their fields as ReadAccountsCSV
// gives them.
func PreviewAccountsCSV(file string, data []byte, m Mapping, n int) (*Preview, error) {
	return previewOf(accountRecords, file, data, m, n)
}

func previewOf(k recordKind, file string, data []byte, m Mapping, n int) (*Preview, error) {
	t, cols, err := readColumns(k, file, data, m)
	if err != nil {
		return nil, err
	}
	return t.preview(cols, n), nil
}

// preview is the start of t, its columns cols: up to n rows.
func (t *table) preview(cols []Column, n int) *Preview {
	p := &Preview{Columns: cols}
	for _, row := range t.rows[:min(n, len(t.rows))] {
		r := make([]string, len(cols))
		for i := range cols {
			r[i] = cell(row, i)
		}
		p.Rows = append(p.Rows, r)
	}
	return p
}

// HeaderKey names the set of headers of cols, whatever their order and
// case, as a mapping's name may be written (lowercase letters, digits,
// '-'): a mapping chosen for a file is remembered for the next file with
// the same columns.
func HeaderKey(cols []Column) string {
	var hs []string
	for _, c := range cols {
		hs = append(hs, strings.ToLower(strings.TrimSpace(c.Header)))
	}
	slices.Sort(hs)
	sum := sha256.Sum256([]byte(strings.Join(hs, "\x00")))
	return "headers-" + hex.EncodeToString(sum[:8])
}
