package cli

import (
	"fmt"
	"strings"

	"kamdesk/app/contacts"
	"kamdesk/app/i18n"
)

// What `person import` and `account import` say of their plan: the same
// report, card by card or row by row, as --json prints it and as lines.

// importReport is what an import did, or would do, with each card
// (person import) or row (account import).
type importReport struct {
	Account string       `json:"account,omitempty"` // person import: the account the people join
	DryRun  bool         `json:"dry_run"`
	Added   int          `json:"added"`
	Merged  int          `json:"merged"`
	Skipped int          `json:"skipped"`
	Cards   []importItem `json:"cards,omitempty"` // person import
	Rows    []importItem `json:"rows,omitempty"`  // account import
	// CSV: the CSV files read, how their columns were read.
	CSV []csvFile `json:"csv,omitempty"`
}

// importItem is what an import does with one card or row.
type importItem struct {
	File   string          `json:"file"`
	Line   int             `json:"line"`
	Name   string          `json:"name"`
	Action contacts.Action `json:"action"`
	// ID is the record's: the new one (add), or the one matched.
	ID        string `json:"id,omitempty"`
	MatchedBy string `json:"matched_by,omitempty"`
	// Elsewhere is the account of the person a card matched by e-mail
	// when it is another (person import); elsewhereName its name.
	Elsewhere     string `json:"elsewhere,omitempty"`
	elsewhereName string
	Differences   []contacts.Difference `json:"differences"`
	Filled        []string              `json:"filled"`
	NotKept       []string              `json:"not_kept"`
}

// newImportItem is an item of a report, its lists never null in JSON.
func newImportItem(file string, line int, name string, action contacts.Action, id, matchedBy string,
	diffs []contacts.Difference, filled, notKept []string) importItem {
	return importItem{File: file, Line: line, Name: name, Action: action, ID: id, MatchedBy: matchedBy,
		Differences: nonNil(diffs), Filled: nonNil(filled), NotKept: nonNil(notKept)}
}

// print says, item by item, what the import does, every field that
// differs (its value in the card, or in the file when inFile) and what
// is not kept.
func (r *importReport) print(c *ctx, inFile bool) {
	items := r.Cards
	if items == nil {
		items = r.Rows
	}
	for _, it := range items {
		c.printf("%s\n", it.line(r.DryRun))
		for _, d := range it.Differences {
			data := map[string]any{"Field": d.Field, "Card": quoted(d.Card), "Kamdesk": quoted(d.Kamdesk)}
			switch {
			case inFile && d.Kamdesk == "":
				c.printf("    %s\n", i18n.L("{{.Field}}: {{.Card}} in the file, empty in kamdesk", data))
			case inFile:
				c.printf("    %s\n", i18n.L("{{.Field}}: {{.Card}} in the file, {{.Kamdesk}} in kamdesk", data))
			case d.Kamdesk == "":
				c.printf("    %s\n", i18n.L("{{.Field}}: {{.Card}} in the card, empty in kamdesk", data))
			default:
				c.printf("    %s\n", i18n.L("{{.Field}}: {{.Card}} in the card, {{.Kamdesk}} in kamdesk", data))
			}
		}
		if len(it.NotKept) > 0 {
			c.printf("    %s\n", i18n.L("not kept: {{.List}}", map[string]any{"List": strings.Join(it.NotKept, ", ")}))
		}
	}
}

// line says what the import does, or would do, with the item.
func (it *importItem) line(dryRun bool) string {
	by := ""
	switch {
	case it.Elsewhere != "":
		by = i18n.L("same e-mail, in the account {{.Account}}", map[string]any{"Account": it.elsewhereName})
	case it.MatchedBy == "email":
		by = i18n.L("same e-mail")
	case it.MatchedBy == "name":
		by = i18n.L("same name")
	case it.MatchedBy == "id":
		by = i18n.L("same ID")
	}
	fields := strings.Join(it.Filled, ", ")
	if fields == "" {
		fields = "–"
	}
	data := map[string]any{"Where": fmt.Sprintf("%s:%d", it.File, it.Line), "Name": it.Name, "ID": it.ID, "By": by, "Fields": fields}
	switch {
	case it.Action == contacts.Add && dryRun:
		return i18n.L("{{.Where}} {{.Name}}: would be added", data)
	case it.Action == contacts.Add:
		return i18n.L("{{.Where}} {{.Name}}: added as {{.ID}}", data)
	case it.Action == contacts.Merge && dryRun:
		return i18n.L("{{.Where}} {{.Name}}: would be merged into {{.ID}} ({{.By}}), filling: {{.Fields}}", data)
	case it.Action == contacts.Merge:
		return i18n.L("{{.Where}} {{.Name}}: merged into {{.ID}} ({{.By}}), filled: {{.Fields}}", data)
	case dryRun:
		return i18n.L("{{.Where}} {{.Name}}: would be skipped as a duplicate of {{.ID}} ({{.By}})", data)
	}
	return i18n.L("{{.Where}} {{.Name}}: skipped as a duplicate of {{.ID}} ({{.By}})", data)
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }

// followIDs makes the items' IDs (ids) follow the IDs the store drew
// for records of an import whose own were taken meanwhile: the record
// drawn[i] was planned with is saved as saved[i].
func followIDs[T any](drawn []string, saved []T, idOf func(T) string, ids []*string) {
	for i := range drawn {
		if now := idOf(saved[i]); drawn[i] != now {
			for _, id := range ids {
				if *id == drawn[i] {
					*id = now
				}
			}
		}
	}
}
