package accounts

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app/contacts"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// The import of people from a phone's or a mail program's vCards, or
// from a CSV file (after its mapping step, importcsv.go), into an
// account (the dossier's "Import people…"): the cards are read and
// matched against the account's people in the background (a progress bar
// meanwhile: ten thousand cards take seconds), then a preview says what
// each card does, lets the user choose for each duplicate (skip, fill
// what the person lacks, or add another person), and Import writes it
// all or nothing, as `kamdesk person import` does (app/contacts).

// onImport asks for a vCard or CSV file and reads it.
func (s *dossierScreen) onImport() {
	ui.AskOpenPath(s.host, []string{".vcf", ".vcard", ".VCF", ".csv", ".CSV"}, func(path string) {
		s.importFrom(path, func() ([]byte, error) { return os.ReadFile(path) })
	})
}

// peopleImport is one import into the account of s.
type peopleImport struct {
	fileImport
	importPreview
	s        *dossierScreen
	cards    []contacts.Card
	existing []dossier.Person
	// others are the people of the other accounts (summaries): a card
	// with one's e-mail is that person, in another account.
	others []dossier.Person
	// accountNames and otherNames are the names of the other accounts
	// and of their people the cards matched, by ID.
	accountNames, otherNames map[string]string
	// choice is what to do with each card that matches a person (the
	// same e-mail, else the same name); a card that matches nobody is
	// added whatever it holds.
	choice []contacts.OnMatch
	plan   *contacts.Plan
	done   string // what the import did, once it did it
}

// importFrom reads the cards read returns (the file name) in the
// background and shows the preview, or what is wrong with the cards.
func (s *dossierScreen) importFrom(name string, read func() ([]byte, error)) *peopleImport {
	imp := &peopleImport{s: s, fileImport: fileImport{host: s.host, st: s.st, file: name}}
	imp.showBusy(lang.L("Reading the cards…"))
	var err error
	s.host.Background(func() {
		var data []byte
		if data, err = read(); err != nil {
			return
		}
		if contacts.IsCSV(data) {
			imp.data = data
			err = imp.previewCSV(peopleCSV())
			return
		}
		if imp.cards, err = contacts.ReadProgress(name, data, imp.progress); err != nil {
			return
		}
		err = imp.match()
	}, func() {
		imp.hideBusy()
		if probs := contacts.ProblemsOf(err); len(probs) > 0 {
			imp.problems(probs)
			return
		}
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if imp.csv != nil {
			imp.showMapping(peopleCSV(), imp.readCSV, imp.preview, imp.problems)
			return
		}
		imp.preview()
	})
	return imp
}

// readCSV reads every row of the CSV file with the mapping and dates'
// format chosen and matches the cards.
func (imp *peopleImport) readCSV(m contacts.Mapping, df contacts.DateFormat, progress contacts.Progress) error {
	sheet, err := contacts.ReadCSVProgress(imp.file, imp.data, m, df, progress)
	if err != nil {
		return err
	}
	imp.cards = sheet.Cards
	return imp.match()
}

// problems says what is wrong with the cards: nothing is imported.
func (imp *peopleImport) problems(probs contacts.Problems) {
	imp.showProblems(lang.L("These cards cannot be imported"), probs)
}

// match matches the cards read against the account's people, every
// duplicate skipped until the user chooses otherwise.
func (imp *peopleImport) match() error {
	var err error
	if imp.existing, err = imp.s.st.People(imp.s.acct.ID); err != nil {
		return err
	}
	if imp.others, err = imp.s.st.PeopleSummaries(); err != nil {
		return err
	}
	imp.choice = make([]contacts.OnMatch, len(imp.cards))
	for i := range imp.choice {
		imp.choice[i] = contacts.OnMatchSkip
	}
	imp.replan()
	imp.accountNames, imp.otherNames = map[string]string{}, map[string]string{}
	for _, it := range imp.plan.Items {
		if id := it.Elsewhere; id != "" {
			imp.otherNames[it.ID] = it.ID
			if imp.accountNames[id] == "" {
				imp.accountNames[id] = id
				if a, err := imp.s.st.Account(id); err == nil {
					imp.accountNames[id] = a.Name
				}
			}
		}
	}
	for _, p := range imp.others {
		if _, ok := imp.otherNames[p.ID]; ok {
			imp.otherNames[p.ID] = p.Name
		}
	}
	return nil
}

// replan matches the cards again with the choices made and says what
// the import would do.
func (imp *peopleImport) replan() string {
	imp.plan = contacts.MakePlanChoosing(imp.s.acct.ID, imp.cards, imp.existing, imp.others,
		func(i int) contacts.OnMatch { return imp.choice[i] }, func(name string) string { return store.NewID(name, "person") })
	added, merged, skipped := imp.plan.Count()
	return lang.N("{{.Count}} card in {{.File}}: {{.Added}} to add, {{.Merged}} to fill in a person already here, {{.Skipped}} to skip as already here.",
		len(imp.plan.Items), map[string]any{"Count": len(imp.plan.Items), "File": imp.file, "Added": added, "Merged": merged, "Skipped": skipped})
}

// preview shows what the import would do, card by card, with a choice
// for each duplicate: skip it, fill in what the person lacks, or add
// another person.
func (imp *peopleImport) preview() {
	s := imp.s
	if len(imp.cards) == 0 {
		dialog.ShowInformation(lang.L("Import people"), lang.L("{{.File}} holds no contact card.", map[string]any{"File": imp.file}), s.host.Window())
		return
	}
	imp.showPreview(s.host, previewSpec{
		title:   lang.L("Import people into {{.Account}}", map[string]any{"Account": s.acct.Name}),
		options: []contacts.OnMatch{contacts.OnMatchSkip, contacts.OnMatchMerge, contacts.OnMatchAdd},
		labels:  []string{lang.L("Skip it"), lang.L("Fill in what the person lacks"), lang.L("Add another person")},
		count:   func() int { return len(imp.plan.Items) },
		item:    imp.item,
		duplicate: func(i int) bool {
			return imp.plan.Items[i].MatchedBy != ""
		},
		choose: func(i int, on contacts.OnMatch) { imp.choice[i] = on },
		replan: imp.replan,
		write:  func() error { return s.st.ImportPeople(imp.plan.Added, imp.plan.Updated, imp.plan.Photos) },
		done: func() {
			plan := imp.plan
			added, merged, skipped := plan.Count()
			imp.done = lang.N("Imported {{.Count}} card into {{.Account}}: {{.Added}} added, {{.Merged}} merged, {{.Skipped}} skipped.",
				len(plan.Items), map[string]any{"Count": len(plan.Items), "Account": s.acct.Name, "Added": added, "Merged": merged, "Skipped": skipped})
			s.host.Show(ui.Place{Screen: "account", ID: s.acct.ID})
			dialog.ShowInformation(lang.L("Import people"), imp.done, s.host.Window())
		},
	})
}

// item is what the preview shows of card i.
func (imp *peopleImport) item(i int) previewItem {
	it := imp.plan.Items[i]
	out := previewItem{name: it.Card.Person.Name, duplicate: it.MatchedBy != "", choice: imp.choice[i]}
	if out.name == "" {
		out.name = fmt.Sprintf("%s:%d", it.Card.File, it.Card.Line)
	}
	switch {
	case it.MatchedBy == "":
		out.what = lang.L("New: added to the account")
	case it.Elsewhere != "":
		out.what = lang.L("Already in {{.Account}} (the same e-mail): {{.Name}}",
			map[string]any{"Account": imp.accountNames[it.Elsewhere], "Name": imp.nameOf(it.ID)})
		// a person of another account is skipped or added here, not
		// filled in from here
		out.options = []contacts.OnMatch{contacts.OnMatchSkip, contacts.OnMatchAdd}
		if out.choice == contacts.OnMatchMerge {
			out.choice = contacts.OnMatchSkip
		}
	case it.MatchedBy == "email":
		out.what = lang.L("Already here (the same e-mail): {{.Name}}", map[string]any{"Name": imp.nameOf(it.ID)})
	default:
		out.what = lang.L("Already here (the same name): {{.Name}}", map[string]any{"Name": imp.nameOf(it.ID)})
	}
	out.addDifferences(inCard, it.Differences, func(field string) string { return ui.Tr(field) })
	if it.Action == contacts.Merge && len(it.Filled) > 0 {
		labels := make([]string, len(it.Filled))
		for i, f := range it.Filled {
			labels[i] = ui.FieldLabel(f)
		}
		out.diffs = append(out.diffs, lang.L("Fills in: {{.Fields}}", map[string]any{"Fields": strings.Join(labels, ", ")}))
	}
	if ph := it.Card.Person.Photo; ph != nil && it.Action == contacts.Add {
		out.diffs = append(out.diffs, ui.FieldLabel("photo")+": "+photoText(ph))
	}
	out.addNotKept(it.Card.Ignored)
	return out
}

// nameOf is the name of the account's person id, or of the card added
// as id.
func (imp *peopleImport) nameOf(id string) string {
	for _, p := range imp.existing {
		if p.ID == id {
			return p.Name
		}
	}
	if name, ok := imp.otherNames[id]; ok {
		return name
	}
	for _, p := range imp.plan.Added {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}
