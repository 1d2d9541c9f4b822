package cli

import (
	"flag"
	"os"

	"kamdesk/app/contacts"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

// Accounts in from CSV files (app/contacts).

func init() {
	register(command{name: "account import", args: "FILE.csv...", summary: "add accounts from CSV files, never a second record of the same account: one already there is skipped or filled in (all or nothing)", setup: accountImport})
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
		report := importReport{DryRun: *dryRun, Added: added, Merged: merged, Skipped: skipped, Rows: []importItem{}, CSV: files}
		for _, it := range plan.Items {
			report.Rows = append(report.Rows, newImportItem(it.Row.File, it.Row.Line, it.Row.Account.Name, it.Action, it.ID, it.MatchedBy,
				it.Differences, it.Filled, it.Row.Ignored))
		}
		if *asJSON {
			return c.json(report)
		}
		for _, f := range files {
			printColumns(c, f.File, f.Columns)
		}
		report.print(c, true)
		data := map[string]any{"Count": len(plan.Items), "Added": added, "Merged": merged, "Skipped": skipped}
		if *dryRun {
			c.printf("%s\n", i18n.N("Dry run, nothing was written: of {{.Count}} account, {{.Added}} would be added, {{.Merged}} merged and {{.Skipped}} skipped.", len(plan.Items), data))
		} else {
			c.printf("%s\n", i18n.N("Imported {{.Count}} account: {{.Added}} added, {{.Merged}} merged, {{.Skipped}} skipped.", len(plan.Items), data))
		}
		return nil
	}
}
