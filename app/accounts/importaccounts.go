package accounts

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app/contacts"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// The import of accounts from a CSV file (the accounts list's and the
// File menu's "Import accounts…"), as `kamdesk account import` does it:
// the mapping step (importcsv.go), the rows read and matched against the
// workspace's accounts in the background, then a preview that says what
// each row does and lets the user choose for each account already here
// (the same ID, else the same name) to skip it or fill in what it lacks,
// and Import writes it all or nothing.

// OnImportAccounts asks for a CSV file of accounts and imports it into
// the workspace (the accounts list's and the File menu's "Import
// accounts…").
func OnImportAccounts(h ui.Host, st Store) {
	ui.AskOpenPath(h, []string{".csv", ".CSV"}, func(path string) {
		importAccountsFrom(h, st, path, func() ([]byte, error) { return os.ReadFile(path) })
	})
}

// accountsImport is one import of accounts.
type accountsImport struct {
	fileImport
	importPreview
	rows     []contacts.AccountRow
	existing []dossier.Account
	// choice is what to do with each row that matches an account: skip
	// it, or fill in what the account lacks.
	choice []contacts.OnMatch
	plan   *contacts.AccountPlan
	done   string // what the import did, once it did it
}

// accountsCSV is the mapping step of the accounts' imports.
func accountsCSV() csvKind {
	return csvKind{kind: "accounts", fields: contacts.AccountFields, labels: accountFieldLabels(), reading: lang.L("Reading the accounts…"),
		dates: lang.L("Dates written as"), datesHint: lang.L("The dates' format, e.g. DD.MM.YYYY"),
		preview: contacts.PreviewAccountsCSV}
}

// accountFieldLabels name the fields a column of accounts can fill, as
// the mapping step and the preview show them.
func accountFieldLabels() map[string]string {
	return map[string]string{
		"id": lang.L("Account ID"), "name": lang.L("Name"), "industry": lang.L("Industry"),
		"segment": lang.L("Segment or territory"), "tier": lang.L("Tier"), "revenue_share": lang.L("Share of our revenue (%)"),
		"strategy": lang.L("Strategy"), "goals": lang.L("Goals"), "competitors": lang.L("Competitors"),
		"next_tender": lang.L("Next tender"), "annual_review": lang.L("Annual review"), "owner": lang.L("Owner"),
		"notes": lang.L("Notes"), contacts.Ignore: lang.L("Not kept"),
	}
}

// importAccountsFrom reads the CSV file read returns (name) in the
// background and shows its mapping step, or what is wrong with it.
func importAccountsFrom(h ui.Host, st Store, name string, read func() ([]byte, error)) *accountsImport {
	imp := &accountsImport{fileImport: fileImport{host: h, st: st, file: name}}
	imp.showBusy(lang.L("Reading the accounts…"))
	var err error
	h.Background(func() {
		if imp.data, err = read(); err != nil {
			return
		}
		if !contacts.IsCSV(imp.data) {
			err = dossier.Err("{{.Path}} is not a CSV file", map[string]any{"Path": name}, nil)
			return
		}
		err = imp.previewCSV(accountsCSV())
	}, func() {
		imp.hideBusy()
		if probs := contacts.ProblemsOf(err); len(probs) > 0 {
			imp.problems(probs)
			return
		}
		if err != nil {
			h.ShowError(err)
			return
		}
		imp.showMapping(accountsCSV(), imp.readCSV, imp.preview, imp.problems)
	})
	return imp
}

// problems says what is wrong with the rows: nothing is imported.
func (imp *accountsImport) problems(probs contacts.Problems) {
	imp.showProblems(lang.L("These rows cannot be imported"), probs)
}

// readCSV reads every row with the mapping and dates' format chosen and
// matches them against the workspace's accounts, every one already here
// skipped until the user chooses otherwise.
func (imp *accountsImport) readCSV(m contacts.Mapping, df contacts.DateFormat, progress contacts.Progress) error {
	sheet, err := contacts.ReadAccountsCSVProgress(imp.file, imp.data, m, df, progress)
	if err != nil {
		return err
	}
	if imp.existing, err = imp.st.Accounts(); err != nil {
		return err
	}
	imp.rows = sheet.Rows
	imp.choice = make([]contacts.OnMatch, len(imp.rows))
	for i := range imp.choice {
		imp.choice[i] = contacts.OnMatchSkip
	}
	imp.replan()
	return nil
}

// replan matches the rows again with the choices made and says what the
// import would do.
func (imp *accountsImport) replan() string {
	imp.plan = contacts.PlanAccountsChoosing(imp.rows, imp.existing,
		func(i int) contacts.OnMatch { return imp.choice[i] }, func(name string) string { return store.NewID(name, "account") })
	added, merged, skipped := imp.plan.Count()
	return lang.N("{{.Count}} row in {{.File}}: {{.Added}} to add, {{.Merged}} to fill in an account already here, {{.Skipped}} to skip as already here.",
		len(imp.plan.Items), map[string]any{"Count": len(imp.plan.Items), "File": imp.file, "Added": added, "Merged": merged, "Skipped": skipped})
}

// preview shows what the import would do, row by row, with a choice for
// each account already here: skip it, or fill in what it lacks.
func (imp *accountsImport) preview() {
	h := imp.fileImport.host
	imp.showPreview(h, previewSpec{
		title:     lang.L("Import accounts"),
		options:   []contacts.OnMatch{contacts.OnMatchSkip, contacts.OnMatchMerge},
		labels:    []string{lang.L("Skip it"), lang.L("Fill in what the account lacks")},
		count:     func() int { return len(imp.plan.Items) },
		item:      imp.item,
		duplicate: func(i int) bool { return imp.plan.Items[i].MatchedBy != "" },
		choose:    func(i int, on contacts.OnMatch) { imp.choice[i] = on },
		replan:    imp.replan,
		write:     func() error { return imp.st.ImportAccounts(imp.plan.Added, imp.plan.Updated) },
		done: func() {
			plan := imp.plan
			added, merged, skipped := plan.Count()
			imp.done = lang.N("Imported {{.Count}} account: {{.Added}} added, {{.Merged}} merged, {{.Skipped}} skipped.",
				len(plan.Items), map[string]any{"Count": len(plan.Items), "Added": added, "Merged": merged, "Skipped": skipped})
			h.Show(ui.Place{Screen: "accounts"})
			dialog.ShowInformation(lang.L("Import accounts"), imp.done, h.Window())
		},
	})
}

// item is what the preview shows of row i.
func (imp *accountsImport) item(i int) previewItem {
	it := imp.plan.Items[i]
	out := previewItem{name: it.Row.Account.Name, duplicate: it.MatchedBy != "", choice: imp.choice[i]}
	if out.name == "" {
		out.name = fmt.Sprintf("%s:%d", it.Row.File, it.Row.Line)
	}
	switch it.MatchedBy {
	case "":
		out.what = lang.L("New: added to the workspace")
	case "id":
		out.what = lang.L("Already here (the same ID): {{.Name}}", map[string]any{"Name": imp.nameOf(it.ID)})
	default:
		out.what = lang.L("Already here (the same name): {{.Name}}", map[string]any{"Name": imp.nameOf(it.ID)})
	}
	labels := accountFieldLabels()
	out.addDifferences(inFile, it.Differences, func(field string) string { return labels[field] })
	out.addNotKept(it.Row.Ignored)
	return out
}

// nameOf is the name of the workspace's account id, or of the row added
// as id.
func (imp *accountsImport) nameOf(id string) string {
	for _, a := range imp.existing {
		if a.ID == id {
			return a.Name
		}
	}
	for _, a := range imp.plan.Added {
		if a.ID == id {
			return a.Name
		}
	}
	return id
}
