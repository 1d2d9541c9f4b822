package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kamdesk/app/contacts"
	"kamdesk/app/export"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

// The people of an account in and out as vCards, and in from CSV files
// (app/contacts).

func init() {
	register(
		command{name: "person import", args: "FILE|DIR...", summary: "import people from vCard or CSV files (a folder's too) into an account, never twice the same person (all or nothing)", setup: personImport},
		command{name: "person export", reads: true, args: "[PERSON_ID...]", summary: "write people as vCard 4.0: those named, an account's, or everyone", setup: personExport},
	)
}

func personImport(fs *flag.FlagSet) func(*ctx, []string) error {
	acct := fs.String("account", "", "the `ID` of the account the people join (required)")
	dryRun := fs.Bool("dry-run", false, "say what the import would do and write nothing")
	onMatch := fs.String("on-match", "skip", "what to do with a card that matches a person of the account (the same e-mail, else the same name): skip, merge (fill the fields the person lacks, never change one they have) or add (another person)")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	csvf := addCSVFlags(fs, false)
	return func(c *ctx, args []string) error {
		if len(args) == 0 {
			return usageError{i18n.L("missing {{.What}}", map[string]any{"What": i18n.L("the files or folders to import")})}
		}
		if *acct == "" {
			return usageError{i18n.L("--account is required")}
		}
		on, ok := contacts.ParseOnMatch(*onMatch)
		if !ok {
			return usageError{i18n.L("--on-match {{.Value}} is not one of skip, merge, add", map[string]any{"Value": *onMatch})}
		}
		setup, err := csvf.setup(c, "people", contacts.PersonFields)
		if err != nil {
			return err
		}
		cards, left, sheets, err := readCards(args, setup)
		if probs := contacts.ProblemsOf(err); len(probs) > 0 {
			return printProblems(c, probs)
		}
		if err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		a, err := st.Account(*acct)
		if err != nil {
			return err
		}
		existing, err := st.People(a.ID)
		if err != nil {
			return err
		}
		others, err := st.PeopleSummaries() // the same e-mail in another account is the same person
		if err != nil {
			return err
		}
		plan := contacts.MakePlan(a.ID, cards, existing, others, on, func(name string) string { return store.NewID(name, "person") })
		if !*dryRun {
			drawn := make([]string, len(plan.Added))
			for i := range plan.Added {
				drawn[i] = plan.Added[i].ID
			}
			if err := st.ImportPeople(plan.Added, plan.Updated, plan.Photos); err != nil {
				return err
			}
			ids := make([]*string, len(plan.Items))
			for i := range plan.Items {
				ids[i] = &plan.Items[i].ID
			}
			followIDs(drawn, plan.Added, func(p dossier.Person) string { return p.ID }, ids)
		}
		if err := csvf.saveMapping(c, "people", allColumns(sheets), *dryRun, *asJSON); err != nil {
			return err
		}
		added, merged, skipped := plan.Count()
		report := importReport{Account: a.ID, DryRun: *dryRun, Added: added, Merged: merged, Skipped: skipped, Cards: []importItem{}, CSV: sheets}
		for _, it := range plan.Items {
			item := newImportItem(it.Card.File, it.Card.Line, it.Card.Person.Name, it.Action, it.ID, it.MatchedBy,
				it.Differences, it.Filled, it.Card.Ignored)
			if it.Elsewhere != "" {
				item.Elsewhere, item.elsewhereName = it.Elsewhere, it.Elsewhere
				if other, err := st.Account(it.Elsewhere); err == nil {
					item.elsewhereName = other.Name
				}
			}
			report.Cards = append(report.Cards, item)
		}
		if *asJSON {
			return c.json(report)
		}
		for _, p := range left {
			fmt.Fprintln(c.Stderr, i18n.L("{{.Path}}: neither a vCard nor a CSV file of people, left out", map[string]any{"Path": p}))
		}
		for _, sh := range sheets {
			printColumns(c, sh.File, sh.Columns)
		}
		report.print(c, false)
		data := map[string]any{"Count": len(plan.Items), "Added": added, "Merged": merged, "Skipped": skipped, "Account": a.Name}
		if *dryRun {
			c.printf("%s\n", i18n.N("Dry run, nothing was written: of {{.Count}} card, {{.Added}} would be added, {{.Merged}} merged and {{.Skipped}} skipped.", len(plan.Items), data))
		} else {
			c.printf("%s\n", i18n.N("Imported {{.Count}} card into {{.Account}}: {{.Added}} added, {{.Merged}} merged, {{.Skipped}} skipped.", len(plan.Items), data))
		}
		return nil
	}
}

// readCards reads the cards of the files named and of the files in the
// folders named (not their subfolders, nor hidden files): vCards, and
// CSV files read as setup says. A file named must be one or the other;
// the files of a folder that are neither (known by their content; a CSV
// file of a folder must have a column of people) are left out, and
// returned. Problems in the cards come as
// contacts.Problems, of every file.
func readCards(paths []string, setup csvSetup) (cards []contacts.Card, left []string, sheets []csvFile, err error) {
	var probs contacts.Problems
	read := func(path string, named bool) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var cs []contacts.Card
		switch {
		case contacts.IsVCard(data):
			cs, err = contacts.Read(path, data)
		case named && contacts.IsCSV(data), contacts.IsPeopleCSV(data, setup.mapping):
			var sh *contacts.Sheet
			if sh, err = contacts.ReadCSV(path, data, setup.mappingFor(data), setup.dates); sh != nil {
				cs = sh.Cards
				sheets = append(sheets, csvFile{File: path, Columns: sh.Columns})
			}
		case named:
			return dossier.Err("{{.Path}} is neither a vCard nor a CSV file (kamdesk imports vCard 2.1, 3.0 and 4.0, and CSV)", map[string]any{"Path": path}, nil)
		default:
			left = append(left, path)
			return nil
		}
		if p := contacts.ProblemsOf(err); len(p) > 0 {
			probs = append(probs, p...)
			return nil
		}
		cards = append(cards, cs...)
		return err
	}
	for _, path := range paths {
		info, err := os.Stat(path)
		if err != nil {
			return nil, nil, nil, err
		}
		if !info.IsDir() {
			if err := read(path, true); err != nil {
				return nil, nil, nil, err
			}
			continue
		}
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, nil, nil, err
		}
		n := len(cards) + len(left) + len(probs)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") || !e.Type().IsRegular() {
				continue
			}
			if err := read(filepath.Join(path, e.Name()), false); err != nil {
				return nil, nil, nil, err
			}
		}
		if len(cards)+len(left)+len(probs) == n {
			return nil, nil, nil, dossier.Err("no vCard or CSV files in {{.Path}}", map[string]any{"Path": path}, nil)
		}
	}
	if len(probs) > 0 {
		return nil, nil, nil, probs
	}
	return cards, left, sheets, nil
}

func personExport(fs *flag.FlagSet) func(*ctx, []string) error {
	acct := fs.String("account", "", "only the people of this `ID`")
	out := outputFlag(fs, "the `FILE` to write (required); an existing file is not replaced without --force")
	force := fs.Bool("force", false, "replace an existing file")
	return func(c *ctx, args []string) error {
		if *out == "" {
			return usageError{i18n.L("-o is required")}
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		var people []dossier.Person
		if len(args) == 0 {
			if *acct != "" {
				if _, err := st.Account(*acct); err != nil {
					return err
				}
			}
			if people, err = st.People(*acct); err != nil {
				return err
			}
		}
		for _, id := range args {
			p, err := st.Person(id)
			if err != nil {
				return err
			}
			if *acct != "" && p.AccountID != *acct {
				return dossier.Err("{{.Person}} works for another account", map[string]any{"Person": id}, dossier.ErrConflict)
			}
			if !slices.ContainsFunc(people, func(q dossier.Person) bool { return q.ID == p.ID }) {
				people = append(people, p)
			}
		}
		if len(people) == 0 {
			c.printf("%s\n", i18n.L("No people yet."))
			return nil
		}
		accounts, err := st.Accounts()
		if err != nil {
			return err
		}
		names := make(map[string]string, len(accounts))
		for _, a := range accounts {
			names[a.ID] = a.Name
		}
		var b bytes.Buffer
		photo := func(ph *dossier.Photo) ([]byte, error) { return st.File(ph.Attachment) }
		if err := contacts.Write(&b, people, func(id string) string { return names[id] }, photo); err != nil {
			return err
		}
		if err := export.WriteNew(*out, b.Bytes(), 0o644, *force); err != nil {
			if msg := existsMessage(err); msg != "" {
				return errors.New(msg)
			}
			return err
		}
		c.printf("%s\n", i18n.N("Exported {{.Count}} person to {{.Path}}", len(people), map[string]any{"Count": len(people), "Path": *out}))
		return nil
	}
}
