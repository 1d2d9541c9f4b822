package accounts

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/contacts"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// importCards are two cards for northbridge: one of a person the test
// adds (Tomasz Lis, by name, with the e-mail and phone kamdesk lacks and
// another position), one new.
const importCards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tomasz Lis\r\nN:Lis;Tomasz;;;\r\nEMAIL:tomasz.lis@northbridge.example\r\n" +
	"TEL:+44 113 496 0190\r\nTITLE:Site Manager\r\nEND:VCARD\r\n" +
	"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Priya Natarajan\r\nEMAIL:priya.natarajan@northbridge.example\r\n" +
	"TITLE:Head of Procurement\r\nBDAY:--0415\r\nEND:VCARD\r\n"

// TestImportPeopleFromTheDossier: "Import people…" reads the cards in the
// background behind a progress bar, shows what each card does (the new
// person added, the one already there a duplicate, with what differs),
// lets the user choose for the duplicate, and imports all or nothing:
// never a second record of a person.
func TestImportPeopleFromTheDossier(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	s, err := NewDossier(q, st, "northbridge")
	if err != nil {
		t.Fatal(err)
	}
	tomasz := dossier.Person{AccountID: "northbridge", Name: "Tomasz Lis", Position: "Works Manager",
		Type: dossier.Technical, Level: dossier.Buyer}
	if err := st.SavePerson(&tomasz); err != nil {
		t.Fatal(err)
	}
	w.SetContent(s.Content())
	before := len(must(st.People("northbridge")))
	imp := s.importFrom("cards.vcf", func() ([]byte, error) { return []byte(importCards), nil })
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Reading the cards") {
		t.Errorf("while the cards are read the window shows %q", got)
	}
	q.Run()
	got := uitest.Texts(w.Canvas().Overlays().Top())
	for _, want := range []string{"2 cards in cards.vcf: 1 to add, 0 to fill in a person already here, 1 to skip",
		"Priya Natarajan", "New: added to the account", "Already here (the same name): Tomasz Lis",
		"position: Site Manager in the card, Works Manager here"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview does not say %q:\n%s", want, got)
		}
	}
	if len(imp.plan.Items) != 2 || imp.plan.Items[0].MatchedBy != "name" {
		t.Fatalf("the plan: %+v", imp.plan.Items)
	}
	// The duplicate: fill in what Tomasz lacks (his e-mail and phone,
	// never his position, which kamdesk has).
	imp.choice[0] = contacts.OnMatchMerge
	imp.changed()
	if !strings.Contains(imp.summary.Text, "1 to add, 1 to fill in") {
		t.Errorf("after choosing to fill in: %q", imp.summary.Text)
	}
	test.Tap(imp.run)
	q.Run()
	people := must(st.People("northbridge"))
	if len(people) != before+1 {
		t.Fatalf("%d people after the import, want %d: one added, none twice", len(people), before+1)
	}
	var priya, filled bool
	for _, p := range people {
		switch p.Name {
		case "Priya Natarajan":
			priya = p.Email == "priya.natarajan@northbridge.example" && p.Birthday.String() == "--04-15"
		case "Tomasz Lis":
			filled = p.Email == "tomasz.lis@northbridge.example" && p.Phone == "+44 113 496 0190" && p.Position == "Works Manager"
		}
	}
	if !priya || !filled {
		t.Errorf("after the import: Priya as in her card %v, Tomasz filled in and his position kept %v", priya, filled)
	}
	if !strings.Contains(imp.done, "1 added, 1 merged, 0 skipped") {
		t.Errorf("the import says %q", imp.done)
	}

	// Importing the same cards again: both are duplicates, skipped.
	s2, _ := NewDossier(q, st, "northbridge")
	imp = s2.importFrom("cards.vcf", func() ([]byte, error) { return []byte(importCards), nil })
	q.Run()
	if a, m, k := imp.plan.Count(); a != 0 || m != 0 || k != 2 {
		t.Errorf("the same cards again: %d to add, %d to merge, %d to skip; want all skipped", a, m, k)
	}
}

// TestImportPeopleRefusesBadCards: a file with a bad card imports
// nothing and says which card and line.
func TestImportPeopleRefusesBadCards(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	s, _ := NewDossier(q, st, "northbridge")
	before := len(must(st.People("northbridge")))
	data, err := os.ReadFile("../contacts/testdata/iphone-3.0.vcf")
	if err != nil {
		t.Fatal(err)
	}
	bad := string(data) + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nobody;;;;\r\nBDAY:31.02.1980\r\nEND:VCARD\r\n"
	s.importFrom("bad.vcf", func() ([]byte, error) { return []byte(bad), nil })
	q.Run()
	got := uitest.Texts(w.Canvas().Overlays().Top())
	if !strings.Contains(got, "bad.vcf:") || !strings.Contains(got, "Nothing was imported") {
		t.Errorf("a bad card: the window says %q", got)
	}
	if n := len(must(st.People("northbridge"))); n != before {
		t.Errorf("%d people after a refused import, want %d", n, before)
	}
}

// TestDossierOffersImport: the decision-making group has its Import
// people… button next to Add person.
func TestDossierOffersImport(t *testing.T) {
	f, w, _ := openAccounts(t, true)
	f.Show(ui.Place{Screen: "account", ID: "northbridge"})
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Import people…" && b.Visible() {
			found = true
		}
	}
	if !found {
		t.Error("no Import people… button on the dossier")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestImportPeopleFromCSV: a CSV file goes through the mapping step: its
// columns with the values of its first rows and the fields the built-in
// mapping gives Google's headers; a birthday written day first is not
// read until its format is given; the people then go through the same
// preview; the mapping chosen is remembered for the next file with the
// same columns.
func TestImportPeopleFromCSV(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	s, _ := NewDossier(q, st, "northbridge")
	data, err := os.ReadFile("../contacts/testdata/gmail.csv")
	if err != nil {
		t.Fatal(err)
	}
	imp := s.importFrom("gmail.csv", func() ([]byte, error) { return data, nil })
	q.Run()
	if imp.csv == nil || imp.mapping == nil {
		t.Fatal("a CSV file was not given the mapping step")
	}
	got := uitest.Texts(w.Canvas().Overlays().Top())
	for _, want := range []string{"Columns of gmail.csv", "E-mail 1 - Value", "kristine.berg@tellus.example", "Organization Title"} {
		if !strings.Contains(got, want) {
			t.Errorf("the mapping step does not show %q:\n%s", want, got)
		}
	}
	// "Organization Title" → position, as Google's header says.
	m := imp.mapping.chosen()
	if m["Organization Title"] != "position" || m["E-mail 1 - Value"] != "email" {
		t.Errorf("the mapping offered: %v", m)
	}
	test.Tap(imp.mapping.next)
	q.Run()
	if imp.plan == nil || len(imp.plan.Items) == 0 {
		t.Fatalf("no preview after the mapping: problem %q", imp.mapping.problem.Text)
	}
	test.Tap(imp.run)
	q.Run()
	found := false
	for _, p := range must(st.People("northbridge")) {
		found = found || p.Name == "Kristine Nakamura-Berg" && p.Email == "kristine.berg@tellus.example" && p.Position == "Operations Director"
	}
	if !found {
		t.Error("Kristine was not imported from the CSV file as it holds her")
	}

	// The same columns again: the mapping chosen is remembered.
	imp = s.importFrom("gmail.csv", func() ([]byte, error) { return data, nil })
	q.Run()
	if !imp.remembered {
		t.Error("the mapping of a file with the same columns was not remembered")
	}
}

// TestImportCSVAsksForTheDateFormat: birthdays written day first are not
// guessed: the mapping step says so, and reads them once the format is
// given.
func TestImportCSVAsksForTheDateFormat(t *testing.T) {
	f, _, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	s, _ := NewDossier(q, st, "northbridge")
	data := []byte("Name,E-mail,Birthday\nIlona Varga,ilona.varga@northbridge.example,08.03.1981\n")
	imp := s.importFrom("people.csv", func() ([]byte, error) { return data, nil })
	q.Run()
	test.Tap(imp.mapping.next)
	q.Run()
	if !imp.mapping.problem.Visible() || !strings.Contains(imp.mapping.problem.Text, "08.03.1981") {
		t.Fatalf("without a date format: %q", imp.mapping.problem.Text)
	}
	if imp.plan != nil {
		t.Fatal("the rows were read with a guessed date format")
	}
	imp.mapping.dates.SetText("DD.MM.YYYY")
	test.Tap(imp.mapping.next)
	q.Run()
	if imp.plan == nil || len(imp.plan.Items) != 1 || imp.plan.Items[0].Card.Person.Birthday.String() != "1981-03-08" {
		t.Fatalf("with DD.MM.YYYY: %+v", imp.plan)
	}
}

// TestImportPeopleShowsProgress: while a few thousand cards are read the
// dialog shows a bar that fills as they are (not one that only says
// "busy"), from near empty to full; then the preview shows them all.
func TestImportPeopleShowsProgress(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	s, _ := NewDossier(q, st, "northbridge")
	var sb strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&sb, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nagy%d;Réka;;;\r\nFN:Réka Nagy%d\r\nTITLE:Beszerző\r\n"+
			"EMAIL:reka.nagy%d@bench.example\r\nEND:VCARD\r\n", i, i, i)
	}
	imp := s.importFrom("many.vcf", func() ([]byte, error) { return []byte(sb.String()), nil })
	var bars, busy int
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		switch o.(type) {
		case *widget.ProgressBar:
			bars++
		case *widget.ProgressBarInfinite:
			busy++
		}
	}
	if bars != 1 || busy != 0 || imp.bar == nil || imp.bar.Value != 0 {
		t.Fatalf("while reading the dialog shows %d progress bars and %d busy bars; want one bar, empty", bars, busy)
	}
	var seen []float64
	imp.fraction.AddListener(binding.NewDataListener(func() {
		v, _ := imp.fraction.Get()
		seen = append(seen, v)
	}))
	q.Run()
	if len(seen) < 20 || seen[len(seen)-1] != 1 || imp.bar.Value != 1 {
		t.Fatalf("the bar showed %d values ending at %v (bar at %g); want it to fill up to 1", len(seen), seen[max(0, len(seen)-1):], imp.bar.Value)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] < seen[i-1] {
			t.Fatalf("the bar went back from %g to %g", seen[i-1], seen[i])
		}
	}
	if moved := seen[len(seen)/2]; moved <= 0 || moved >= 1 {
		t.Errorf("half way the bar showed %g; want it between empty and full", moved)
	}
	if !strings.Contains(imp.summary.Text, "3000 cards in many.vcf: 3000 to add") {
		t.Errorf("after reading: %q", imp.summary.Text)
	}
}
