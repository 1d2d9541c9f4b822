package cli

import (
	"flag"
	"os"
	"strings"

	"kamdesk/app/contacts"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

// Accounts in from CSV files (app/contacts).

func init() {
	register(command{name: "account import", args: "FILE.csv...", summary: "add accounts from CSV files, never a second record of the same account: one already there is skipped or filled in (all or nothing)", setup: accountImport})
}

// accountImportJSON is the plan of an account import as --json prints it.
type accountImportJSON struct {
	DryRun  bool                   `json:"dry_run"`
	Added   int                    `json:"added"`
	Merged  int                    `json:"merged"`
	Skipped int                    `json:"skipped"`
	Rows    []accountImportRowJSON `json:"rows"`
	CSV     []csvFile              `json:"csv"`
}

type accountImportRowJSON struct {
	File        string                `json:"file"`
	Line        int                   `json:"line"`
	Name        string                `json:"name"`
	Action      contacts.Action       `json:"action"`
	ID          string                `json:"id"`
	MatchedBy   string                `json:"matched_by,omitempty"`
	Differences []contacts.Difference `json:"differences"`
	Filled      []string              `json:"filled"`
	NotKept     []string              `json:"not_kept"`
}

func accountImport(fs *flag.FlagSet) func(*ctx, []string) error {
	dryRun := fs.Bool("dry-run", false, "say what the import would do and write nothing")
	onMatch := fs.String("on-match", "skip", "what to do with a row that matches an account (the same ID, else the same name): skip, or merge (fill the fields the account lacks, never change one it has)")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	csvf := addCSVFlags(fs, true)
	return func(c *ctx, args []string) error {
		if len(args) == 0 {
			return usageError{i18n.L("missing {{.What}}", map[string]any{"What": i18n.L("the CSV files to import")})}
		}
		on, ok := contacts.ParseOnMatch(*onMatch)
		if !ok || on == contacts.OnMatchAdd {
			return usageError{i18n.L("--on-match {{.Value}} is not one of skip, merge", map[string]any{"Value": *onMatch})}
		}
		setup, err := csvf.setup(c, "accounts", contacts.AccountFields)
		if err != nil {
			return err
		}
		var rows []contacts.AccountRow
		var files []csvFile
		var probs contacts.Problems
		for _, path := range args {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if !contacts.IsCSV(data) {
				return dossier.Err("{{.Path}} is not a CSV file", map[string]any{"Path": path}, nil)
			}
			sh, err := contacts.ReadAccountsCSV(path, data, setup.mappingFor(data), setup.dates)
			if p := contacts.ProblemsOf(err); len(p) > 0 {
				probs = append(probs, p...)
				continue
			}
			if err != nil {
				return err
			}
			rows = append(rows, sh.Rows...)
			files = append(files, csvFile{File: path, Columns: sh.Columns})
		}
		if len(probs) > 0 {
			return printProblems(c, probs)
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		existing, err := st.Accounts()
		if err != nil {
			return err
		}
		plan := contacts.PlanAccounts(rows, existing, on, func(name string) string { return store.NewID(name, "account") })
		if !*dryRun {
			drawn := make([]string, len(plan.Added))
			for i := range plan.Added {
				drawn[i] = plan.Added[i].ID
			}
			if err := st.ImportAccounts(plan.Added, plan.Updated); err != nil {
				return err
			}
			ids := make([]*string, len(plan.Items))
			for i := range plan.Items {
				ids[i] = &plan.Items[i].ID
			}
			followIDs(drawn, plan.Added, func(a dossier.Account) string { return a.ID }, ids)
		}
		if err := csvf.saveMapping(c, "accounts", allColumns(files), *dryRun, *asJSON); err != nil {
			return err
		}
		added, merged, skipped := plan.Count()
		if *asJSON {
			out := accountImportJSON{DryRun: *dryRun, Added: added, Merged: merged, Skipped: skipped, Rows: []accountImportRowJSON{}, CSV: files}
			for _, it := range plan.Items {
				out.Rows = append(out.Rows, accountImportRowJSON{File: it.Row.File, Line: it.Row.Line, Name: it.Row.Account.Name,
					Action: it.Action, ID: it.ID, MatchedBy: it.MatchedBy, Differences: nonNil(it.Differences),
					Filled: nonNil(it.Filled), NotKept: nonNil(it.Row.Ignored)})
			}
			return c.json(out)
		}
		for _, f := range files {
			printColumns(c, f.File, f.Columns)
		}
		for _, it := range plan.Items {
			c.printf("%s\n", importLine(it.Row.File, it.Row.Line, it.Row.Account.Name, it.Action, it.ID, it.MatchedBy, it.Filled, *dryRun))
			for _, d := range it.Differences {
				data := map[string]any{"Field": d.Field, "Card": quoted(d.Card), "Kamdesk": quoted(d.Kamdesk)}
				if d.Kamdesk == "" {
					c.printf("    %s\n", i18n.L("{{.Field}}: {{.Card}} in the file, empty in kamdesk", data))
				} else {
					c.printf("    %s\n", i18n.L("{{.Field}}: {{.Card}} in the file, {{.Kamdesk}} in kamdesk", data))
				}
			}
			if len(it.Row.Ignored) > 0 {
				c.printf("    %s\n", i18n.L("not kept (kamdesk has no place for it): {{.List}}", map[string]any{"List": strings.Join(it.Row.Ignored, ", ")}))
			}
		}
		data := map[string]any{"Count": len(plan.Items), "Added": added, "Merged": merged, "Skipped": skipped}
		if *dryRun {
			c.printf("%s\n", i18n.N("Dry run, nothing was written: of {{.Count}} account, {{.Added}} would be added, {{.Merged}} merged and {{.Skipped}} skipped.", len(plan.Items), data))
		} else {
			c.printf("%s\n", i18n.N("Imported {{.Count}} account: {{.Added}} added, {{.Merged}} merged, {{.Skipped}} skipped.", len(plan.Items), data))
		}
		return nil
	}
}
