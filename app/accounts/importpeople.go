package accounts

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

// peopleImport is one import into the account of s, from its preview on.
type peopleImport struct {
	s        *dossierScreen
	file     string
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

	dlg     dialog.Dialog
	summary *widget.Label
	list    *widget.List
	all     *widget.Select // the choice for every duplicate at once
	run     *widget.Button
	busy    dialog.Dialog
	done    string                         // what the import did, once it did it
	rows    map[*fyne.Container]*importRow // the preview's rows, by their container

	// A CSV file: its bytes, its columns and first rows, whether their
	// mapping is the one chosen last time for the same columns, and the
	// mapping step.
	data       []byte
	csv        *contacts.Preview
	remembered bool
	mapping    *mappingStep
}

// importFrom reads the cards read returns (the file name) in the
// background and shows the preview, or what is wrong with the cards.
func (s *dossierScreen) importFrom(name string, read func() ([]byte, error)) *peopleImport {
	imp := &peopleImport{s: s, file: name, rows: map[*fyne.Container]*importRow{}}
	imp.busy = dialog.NewCustomWithoutButtons(lang.L("Reading the cards…"),
		container.NewVBox(widget.NewLabel(name), widget.NewProgressBarInfinite()), s.host.Window())
	imp.busy.Resize(fyne.NewSize(480, 0))
	imp.busy.Show()
	var err error
	s.host.Background(func() {
		var data []byte
		if data, err = read(); err != nil {
			return
		}
		if contacts.IsCSV(data) {
			imp.data = data
			err = imp.previewCSV()
			return
		}
		if imp.cards, err = contacts.Read(name, data); err != nil {
			return
		}
		err = imp.match()
	}, func() {
		imp.busy.Hide()
		if probs := contacts.ProblemsOf(err); len(probs) > 0 {
			imp.showProblems(probs)
			return
		}
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if imp.csv != nil {
			imp.showMapping()
			return
		}
		if len(imp.cards) == 0 {
			dialog.ShowInformation(lang.L("Import people"), lang.L("{{.File}} holds no contact card.", map[string]any{"File": name}), s.host.Window())
			return
		}
		imp.showPreview()
	})
	return imp
}

// previewCSV reads the columns and first rows of the CSV file, with the
// mapping chosen last time for the same columns when there is one.
func (imp *peopleImport) previewCSV() error {
	p, err := contacts.PreviewCSV(imp.file, imp.data, nil, 3)
	if err != nil {
		return err
	}
	if m, err := imp.s.st.Mapping(mappingKind, contacts.HeaderKey(p.Columns)); err == nil {
		if again, err := contacts.PreviewCSV(imp.file, imp.data, m, 3); err == nil {
			p, imp.remembered = again, true
		}
	}
	imp.csv = p
	return nil
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

// replan matches the cards again with the choices made.
func (imp *peopleImport) replan() {
	imp.plan = contacts.MakePlanChoosing(imp.s.acct.ID, imp.cards, imp.existing, imp.others,
		func(i int) contacts.OnMatch { return imp.choice[i] }, func(name string) string { return store.NewID(name, "person") })
}

// showProblems says what is wrong with the cards: nothing is imported.
func (imp *peopleImport) showProblems(probs contacts.Problems) {
	var lines []string
	for i, p := range probs {
		if i == 20 {
			lines = append(lines, lang.N("and {{.Count}} more problem", len(probs)-20, map[string]any{"Count": len(probs) - 20}))
			break
		}
		lines = append(lines, ui.ErrorText(p))
	}
	msg := widget.NewLabel(strings.Join(lines, "\n") + "\n\n" + lang.L("Nothing was imported: correct the file and import it again."))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("These cards cannot be imported"), lang.L("Close"), container.NewVScroll(msg), imp.s.host.Window())
	d.Resize(fyne.NewSize(720, 420))
	d.Show()
	imp.dlg = d
}

// onMatchLabels are the choices for a duplicate, as the preview names
// them, in the order of onMatches.
func onMatchLabels() []string {
	return []string{lang.L("Skip it"), lang.L("Fill in what the person lacks"), lang.L("Add another person")}
}

var onMatches = []contacts.OnMatch{contacts.OnMatchSkip, contacts.OnMatchMerge, contacts.OnMatchAdd}

func onMatchLabel(on contacts.OnMatch) string {
	for i, o := range onMatches {
		if o == on {
			return onMatchLabels()[i]
		}
	}
	return ""
}

func onMatchOf(label string) contacts.OnMatch {
	for i, l := range onMatchLabels() {
		if l == label {
			return onMatches[i]
		}
	}
	return contacts.OnMatchSkip
}

// showPreview shows what the import would do, card by card, with a
// choice for each duplicate.
func (imp *peopleImport) showPreview() {
	imp.summary = widget.NewLabel("")
	imp.summary.Wrapping = fyne.TextWrapWord
	imp.all = widget.NewSelect(onMatchLabels(), func(label string) {
		on := onMatchOf(label)
		for i, it := range imp.plan.Items {
			if it.MatchedBy != "" {
				imp.choice[i] = on
			}
		}
		imp.changed()
	})
	imp.all.PlaceHolder = lang.L("Choose for every duplicate…")
	imp.list = widget.NewList(func() int { return len(imp.plan.Items) }, imp.newRow, imp.updateRow)
	imp.run = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), imp.importNow)
	imp.run.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { imp.dlg.Hide() })
	top := container.NewVBox(imp.summary, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Duplicates:")), nil, imp.all))
	body := container.NewBorder(top, container.NewHBox(layout.NewSpacer(), cancel, imp.run), nil, nil, imp.list)
	d := dialog.NewCustomWithoutButtons(lang.L("Import people into {{.Account}}", map[string]any{"Account": imp.s.acct.Name}), body, imp.s.host.Window())
	d.Resize(fyne.NewSize(860, 600))
	imp.dlg = d
	imp.changed()
	d.Show()
}

// changed matches the cards again after a choice and shows the result.
func (imp *peopleImport) changed() {
	imp.replan()
	added, merged, skipped := imp.plan.Count()
	imp.summary.SetText(lang.N("{{.Count}} card in {{.File}}: {{.Added}} to add, {{.Merged}} to fill in a person already here, {{.Skipped}} to skip as already here.",
		len(imp.plan.Items), map[string]any{"Count": len(imp.plan.Items), "File": imp.file, "Added": added, "Merged": merged, "Skipped": skipped}))
	dups := 0
	for _, it := range imp.plan.Items {
		if it.MatchedBy != "" {
			dups++
		}
	}
	if dups == 0 {
		imp.all.Disable()
	}
	imp.list.Refresh()
}

// importRow is a card's line in the preview: its name and what the
// import does with it, the fields that differ, and for a duplicate the
// choice.
type importRow struct {
	name, what *ui.FitLabel
	diffs      *ui.WrapLabel
	choice     *widget.Select
	index      int
}

func (imp *peopleImport) newRow() fyne.CanvasObject {
	r := &importRow{name: ui.NewFitLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		what: ui.NewFitLabel(""), diffs: ui.NewWrapLabel("")}
	r.diffs.Importance = widget.LowImportance
	r.choice = widget.NewSelect(onMatchLabels(), nil)
	box := container.NewBorder(nil, nil, nil, r.choice, container.NewVBox(r.name, r.what))
	c := container.NewVBox(box)
	imp.rows[c] = r
	return c
}

func (imp *peopleImport) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := imp.rows[o.(*fyne.Container)]
	if r == nil || i >= len(imp.plan.Items) {
		return
	}
	it := imp.plan.Items[i]
	r.index = i
	name := it.Card.Person.Name
	if name == "" {
		name = fmt.Sprintf("%s:%d", it.Card.File, it.Card.Line)
	}
	r.name.SetText(name)
	var what string
	switch {
	case it.MatchedBy == "":
		what = lang.L("New: added to the account")
	case it.Elsewhere != "":
		what = lang.L("Already in {{.Account}} (the same e-mail): {{.Name}}",
			map[string]any{"Account": imp.accountNames[it.Elsewhere], "Name": imp.nameOf(it.ID)})
	case it.MatchedBy == "email":
		what = lang.L("Already here (the same e-mail): {{.Name}}", map[string]any{"Name": imp.nameOf(it.ID)})
	default:
		what = lang.L("Already here (the same name): {{.Name}}", map[string]any{"Name": imp.nameOf(it.ID)})
	}
	r.what.SetText(what)
	r.choice.OnChanged = nil
	if it.MatchedBy == "" {
		r.choice.Hide()
	} else {
		// A person of another account is skipped or added here, not
		// filled in from here.
		r.choice.Options = onMatchLabels()
		if it.Elsewhere != "" {
			r.choice.Options = []string{onMatchLabel(contacts.OnMatchSkip), onMatchLabel(contacts.OnMatchAdd)}
		}
		selected := imp.choice[i]
		if it.Elsewhere != "" && selected == contacts.OnMatchMerge {
			selected = contacts.OnMatchSkip
		}
		r.choice.SetSelected(onMatchLabel(selected))
		r.choice.Show()
		r.choice.OnChanged = func(label string) {
			imp.choice[r.index] = onMatchOf(label)
			imp.changed()
		}
	}
	var diffs []string
	for _, d := range it.Differences {
		data := map[string]any{"Field": ui.Tr(d.Field), "Card": d.Card, "Kamdesk": d.Kamdesk}
		if d.Kamdesk == "" {
			diffs = append(diffs, lang.L("{{.Field}}: {{.Card}} in the card, empty here", data))
		} else {
			diffs = append(diffs, lang.L("{{.Field}}: {{.Card}} in the card, {{.Kamdesk}} here", data))
		}
	}
	if it.Action == contacts.Merge && len(it.Filled) > 0 {
		labels := make([]string, len(it.Filled))
		for i, f := range it.Filled {
			labels[i] = ui.FieldLabel(f)
		}
		diffs = append(diffs, lang.L("Fills in: {{.Fields}}", map[string]any{"Fields": strings.Join(labels, ", ")}))
	}
	if ph := it.Card.Person.Photo; ph != nil && it.Action == contacts.Add {
		diffs = append(diffs, ui.FieldLabel("photo")+": "+photoText(ph))
	}
	if len(it.Card.Ignored) > 0 {
		diffs = append(diffs, lang.L("not kept: {{.List}}", map[string]any{"List": strings.Join(it.Card.Ignored, ", ")}))
	}
	c := o.(*fyne.Container)
	if len(diffs) > 0 {
		r.diffs.SetText(strings.Join(diffs, " · "))
		if len(c.Objects) == 1 {
			c.Add(r.diffs)
		}
	} else if len(c.Objects) > 1 {
		c.Objects = c.Objects[:1]
		c.Refresh()
	}
	imp.list.SetItemHeight(i, c.MinSize().Height)
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

// importNow writes the plan, all or nothing, in the background, then
// shows the account again and says what was done.
func (imp *peopleImport) importNow() {
	s := imp.s
	imp.run.Disable()
	imp.dlg.Hide()
	imp.busy = dialog.NewCustomWithoutButtons(lang.L("Importing…"), widget.NewProgressBarInfinite(), s.host.Window())
	imp.busy.Show()
	plan := imp.plan
	var err error
	s.host.Background(func() { err = s.st.ImportPeople(plan.Added, plan.Updated, plan.Photos) }, func() {
		imp.busy.Hide()
		if err != nil {
			s.host.ShowError(err)
			imp.run.Enable()
			imp.dlg.Show()
			return
		}
		added, merged, skipped := plan.Count()
		imp.done = lang.N("Imported {{.Count}} card into {{.Account}}: {{.Added}} added, {{.Merged}} merged, {{.Skipped}} skipped.",
			len(plan.Items), map[string]any{"Count": len(plan.Items), "Account": s.acct.Name, "Added": added, "Merged": merged, "Skipped": skipped})
		s.host.Show(ui.Place{Screen: "account", ID: s.acct.ID})
		dialog.ShowInformation(lang.L("Import people"), imp.done, s.host.Window())
	})
}
