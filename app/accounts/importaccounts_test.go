package accounts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// importAccountsCSV: a new account, and one the test adds (Lakeside
// Clinics, by name, with another industry and the segment and next
// tender it lacks); its dates are written day first.
const importAccountsCSV = "Account Name,Industry,Territory,Tier,Revenue share,Next tender,Website\n" +
	"Polar Freight AS,Logistics,Nordics,Key,4.5%,15.03.2027,https://polarfreight.example\n" +
	"lakeside clinics,Dentistry,Nordics,,,01.09.2027,\n"

// TestImportAccountsFromCSV: "Import accounts…" reads the file behind a
// progress bar, shows its columns with the values of its first rows and
// the fields they fill, asks how the dates are written rather than
// guessing, then shows every row: the new account added, the one already
// here a duplicate with what differs; the user chooses to fill in what
// it lacks, and Import writes it all (never changing what the account
// has), the list showing the new account; the mapping is remembered
// for the next file with the same columns.
func TestImportAccountsFromCSV(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	lakeside := dossier.Account{Name: "Lakeside Clinics", Industry: "Healthcare", Tier: dossier.TierOther}
	if err := st.SaveAccount(&lakeside); err != nil {
		t.Fatal(err)
	}
	f.Show(ui.Place{Screen: "accounts"})
	before := f.Current().(*accountsScreen).RowCount()
	data := []byte(importAccountsCSV)
	imp := importAccountsFrom(q, st, "accounts.csv", func() ([]byte, error) { return data, nil })
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Reading the accounts") {
		t.Errorf("while the file is read the window shows %q", got)
	}
	q.Run()
	if imp.mapping == nil {
		t.Fatal("no mapping step")
	}
	got := uitest.Texts(w.Canvas().Overlays().Top())
	for _, want := range []string{"Columns of accounts.csv", "Account Name", "Polar Freight AS · lakeside clinics", "Territory", "Dates written as"} {
		if !strings.Contains(got, want) {
			t.Errorf("the mapping step does not show %q:\n%s", want, got)
		}
	}
	m := imp.mapping.chosen()
	if m["Account Name"] != "name" || m["Territory"] != "segment" || m["Revenue share"] != "revenue_share" || m["Website"] != "ignore" {
		t.Errorf("the mapping offered: %v", m)
	}
	test.Tap(imp.mapping.next)
	q.Run()
	if !imp.mapping.problem.Visible() || !strings.Contains(imp.mapping.problem.Text, "15.03.2027") || imp.plan != nil {
		t.Fatalf("without a date format: %q, plan %v", imp.mapping.problem.Text, imp.plan)
	}
	test.Type(imp.mapping.dates, "DD.MM.YYYY")
	test.Tap(imp.mapping.next)
	q.Run()
	if imp.plan == nil {
		t.Fatalf("no preview after the mapping: %q", imp.mapping.problem.Text)
	}
	got = uitest.Texts(w.Canvas().Overlays().Top())
	for _, want := range []string{"2 rows in accounts.csv: 1 to add, 0 to fill in an account already here, 1 to skip as already here.",
		"Polar Freight AS", "New: added to the workspace", "Already here (the same name): Lakeside Clinics",
		"Industry: Dentistry in the file, Healthcare here", "Segment or territory: Nordics in the file, empty here",
		"not kept: Website"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview does not say %q:\n%s", want, got)
		}
	}
	imp.all.SetSelected("Fill in what the account lacks")
	if !strings.Contains(imp.summary.Text, "1 to add, 1 to fill in") {
		t.Errorf("after choosing to fill in: %q", imp.summary.Text)
	}
	test.Tap(imp.run)
	q.Run()
	if !strings.Contains(imp.done, "Imported 2 accounts: 1 added, 1 merged, 0 skipped.") {
		t.Errorf("the import says %q", imp.done)
	}
	var polar, filled bool
	for _, a := range must(st.Accounts()) {
		switch a.Name {
		case "Polar Freight AS":
			polar = a.Tier == dossier.TierKey && a.Segment == "Nordics" && a.RevenueShare == 4.5 && a.NextTender.String() == "2027-03-15"
		case "Lakeside Clinics":
			filled = a.ID == lakeside.ID && a.Industry == "Healthcare" && a.Segment == "Nordics" && a.NextTender.String() == "2027-09-01"
		}
	}
	if !polar || !filled {
		t.Errorf("after the import: Polar as in the file %v, Lakeside filled in and its industry kept %v", polar, filled)
	}
	list, ok := f.Current().(*accountsScreen)
	if !ok || list.RowCount() != before+1 || !strings.Contains(list.String(), "polar-freight-as") {
		t.Errorf("the list after the import: %T, %d rows (had %d)", f.Current(), list.RowCount(), before)
	}

	// The same columns again: the mapping is remembered; every row is an
	// account already here.
	imp = importAccountsFrom(q, st, "accounts.csv", func() ([]byte, error) { return data, nil })
	q.Run()
	if !imp.remembered {
		t.Error("the mapping of a file with the same columns was not remembered")
	}
	imp.mapping.dates.SetText("DD.MM.YYYY")
	test.Tap(imp.mapping.next)
	q.Run()
	if a, m, k := imp.plan.Count(); a != 0 || m != 0 || k != 2 {
		t.Errorf("the same file again: %d to add, %d to fill in, %d to skip; want all skipped", a, m, k)
	}
}

// TestImportAccountsRefusesBadRows: a file with a row kamdesk cannot take
// imports nothing and says which line and column; a file that is not CSV
// says so.
func TestImportAccountsRefusesBadRows(t *testing.T) {
	f, w, st := openAccounts(t, true)
	q := &uitest.Queue{Host: f}
	before := len(must(st.Accounts()))
	data := []byte("Name,Tier\nGood Ltd,key\nBad Ltd,gold\n")
	imp := importAccountsFrom(q, st, "bad.csv", func() ([]byte, error) { return data, nil })
	q.Run()
	test.Tap(imp.mapping.next)
	q.Run()
	got := uitest.Texts(w.Canvas().Overlays().Top())
	if !strings.Contains(got, "These rows cannot be imported") || !strings.Contains(got, "bad.csv:3") || !strings.Contains(got, "Nothing was imported") {
		t.Errorf("a bad row: the window says %q", got)
	}
	if n := len(must(st.Accounts())); n != before {
		t.Errorf("%d accounts after a refused import, want %d", n, before)
	}
	importAccountsFrom(q, st, "cards.vcf", func() ([]byte, error) { return []byte(importCards), nil })
	q.Run()
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(strings.ToLower(got), "cards.vcf is not a csv file") {
		t.Errorf("a vCard file: the window says %q", got)
	}
}

// TestAccountsListOffersImport: the accounts list has its Import
// accounts… button next to New account.
func TestAccountsListOffersImport(t *testing.T) {
	_, w, _ := openAccounts(t, true)
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Import accounts…" && b.Visible() {
			found = true
		}
	}
	if !found {
		t.Error("no Import accounts… button on the accounts list")
	}
}
