package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

const samples = "../contacts/testdata/"

// TestPersonImportCSVOutlookAndGmail: Outlook's export (UTF-16, dates
// month first) and Google's import without a hand's edit, once; again,
// every row is a duplicate and is skipped, or merged into the empty
// fields of the person.
func TestPersonImportCSVOutlookAndGmail(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	r := run(t, dir, "person", "import", samples+"outlook-utf16le.csv", samples+"gmail.csv", "--account", acct, "--date-format", "MM/DD/YYYY")
	if r.code != 0 {
		t.Fatalf("import: exit %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{"Imported 5 cards", "Business Street → unknown, left out (map it with --map)", "Job Title → position"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	people := peopleOf(t, dir, acct)
	got := map[string]dossier.Person{}
	for _, p := range people {
		got[p.Name] = p
	}
	if len(people) != 5 {
		t.Fatalf("%d people: %v", len(people), people)
	}
	if p := got["Ingrid Solberg"]; p.Email != "ingrid.solberg@fjordline.example" || p.Birthday.String() != "1985-04-15" || p.Position != "Head of Procurement" {
		t.Errorf("Ingrid: %+v", p)
	}
	if p := got["Dmitri Orlov"]; p.Birthday.String() != "--11-02" || p.Email != "dmitri.orlov@tellus.example" {
		t.Errorf("Dmitri: %+v", p)
	}

	// A second time: the same e-mail addresses, skipped; Dmitri's
	// position removed, then merged back.
	withStore(t, dir, func(s *store.Store) {
		p := got["Dmitri Orlov"]
		p.Position = ""
		if err := s.SavePerson(&p); err != nil {
			t.Fatal(err)
		}
	})
	r = run(t, dir, "person", "import", samples+"gmail.csv", "--account", acct)
	if r.code != 0 || !strings.Contains(r.stdout, "2 skipped") || !strings.Contains(r.stdout, "skipped as a duplicate of") {
		t.Fatalf("again: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, "person", "import", samples+"gmail.csv", "--account", acct, "--on-match", "merge")
	if r.code != 0 || !strings.Contains(r.stdout, "filled: position") {
		t.Fatalf("merge: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, p := range peopleOf(t, dir, acct) {
		if p.Name == "Dmitri Orlov" && p.Position != "Buyer" {
			t.Errorf("merged: %+v", p)
		}
	}
	if n := len(peopleOf(t, dir, acct)); n != 5 {
		t.Errorf("%d people after importing twice, want 5", n)
	}
}

// TestPersonImportCSVDatesAndDryRun: a birthday column with dates that
// are not ISO is refused until --date-format says their format, showing
// one; a dry run writes nothing, not even the mapping to save.
func TestPersonImportCSVDatesAndDryRun(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	const m = "Vorname=first,Nachname=last,Telefon=phone,Geburtstag=birthday"
	r := run(t, dir, "person", "import", samples+"semicolon.csv", "--account", acct, "--map", m)
	if r.code != 1 || !strings.Contains(r.stderr, `semicolon.csv:2: Geburtstag: the dates are written as "03.07.1971"`) || !strings.Contains(r.stderr, "--date-format") {
		t.Fatalf("no --date-format: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, dir, "person", "import", samples+"semicolon.csv", "--account", acct, "--map", m, "--date-format", "DD.MM.YYYY", "--dry-run", "--save-mapping", "de")
	if r.code != 0 || !strings.Contains(r.stdout, "Geburtstag → birthday") || !strings.Contains(r.stdout, "2 would be added") {
		t.Fatalf("dry run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if len(peopleOf(t, dir, acct)) != 0 {
		t.Fatal("the dry run wrote people")
	}
	withStore(t, dir, func(s *store.Store) {
		if _, err := s.Mapping("people", "de"); err == nil {
			t.Error("the dry run saved the mapping")
		}
	})
	r = run(t, dir, "person", "import", samples+"semicolon.csv", "--account", acct, "--map", m, "--date-format", "DD.MM.YYYY", "--save-mapping", "de")
	if r.code != 0 || !strings.Contains(r.stdout, "Mapping saved as de") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, p := range peopleOf(t, dir, acct) {
		if p.Name == "Jürgen Albrecht" && p.Birthday.String() != "1971-07-03" || p.Name == "Anna Lindqvist" && p.Birthday.String() != "--12-24" {
			t.Errorf("%s: birthday %s", p.Name, p.Birthday)
		}
	}
	// The saved mapping reads a file of the same headers into another
	// account (the same people, added there too as asked).
	other := emptyAccount(t, dir)
	r = run(t, dir, "person", "import", samples+"semicolon.csv", "--account", other, "--mapping", "de", "--date-format", "D.M.YYYY", "--on-match", "add")
	if r.code != 0 || len(peopleOf(t, dir, other)) != 2 {
		t.Fatalf("--mapping de: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// and one of fewer columns, the others of the mapping left aside.
	fewer := filepath.Join(t.TempDir(), "fewer.csv")
	if err := os.WriteFile(fewer, []byte("Nachname;Vorname;Geburtstag\nKovács;Eszter;1988-02-29\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, "person", "import", fewer, "--account", other, "--mapping", "de")
	if r.code != 0 || !strings.Contains(r.stdout, "Eszter Kovács: added") {
		t.Fatalf("--mapping de, fewer columns: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, dir, "person", "import", samples+"semicolon.csv", "--account", other, "--mapping", "fr"); r.code != 1 || !strings.Contains(r.stderr, `no saved mapping "fr"`) {
		t.Errorf("--mapping fr: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestPersonImportCSVMapErrors(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--map", "Vorname=given"}, 2, `"given" is not a field kamdesk knows (fields: first, middle, last, name, email, phone`},
		{[]string{"--map", "Vorname"}, 2, `"Vorname" is not HEADER=FIELD`},
		{[]string{"--map", "Surname=last"}, 1, `semicolon.csv:1: Surname: the file has no column "Surname" (its columns: Vorname, Nachname, E-Mail, Telefon, Position, Geburtstag)`},
		{[]string{"--map", "Vorname=first", "--mapping", "de"}, 2, "not both"},
		{[]string{"--date-format", "DD.MM.YY"}, 2, `"DD.MM.YY" is not a date format`},
	} {
		r := run(t, dir, append([]string{"person", "import", samples + "semicolon.csv", "--account", acct}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

// TestPersonImportCSVBadRowWritesNothing: one bad row among good ones
// and good files: nothing is written, and the problem names the file,
// the line and the column.
func TestPersonImportCSVBadRowWritesNothing(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("Name,E-mail,Level\nGood One,good@example.org,buyer\nBad One,bad@,buyer\nWorse One,w@example.org,emperor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "person", "import", samples+"gmail.csv", bad, "--account", acct)
	for _, want := range []string{"bad.csv:3: E-mail: email:", "bad.csv:4: Level: level:", "nothing imported: fix the 2 problems"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if r.code != 1 || len(peopleOf(t, dir, acct)) != 0 {
		t.Errorf("exit %d, %d people written", r.code, len(peopleOf(t, dir, acct)))
	}
}

// TestPersonImportCSVJSON: --json prints the plan and the columns, and
// nothing else on stdout, a mapping saved or not.
func TestPersonImportCSVJSON(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	r := run(t, dir, "person", "import", samples+"gmail.csv", "--account", acct, "--json", "--save-mapping", "google")
	var out struct {
		Added int `json:"added"`
		CSV   []struct {
			File    string `json:"file"`
			Columns []struct {
				Header, Field string
				Empty         bool
			} `json:"columns"`
		} `json:"csv"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != 0 {
		t.Fatalf("exit %d, %v:\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	if out.Added != 2 || len(out.CSV) != 1 || out.CSV[0].Columns[0].Header != "First Name" || out.CSV[0].Columns[0].Field != "first" {
		t.Errorf("got %+v", out)
	}
	if !strings.Contains(r.stderr, "Mapping saved as google") {
		t.Errorf("stderr %q", r.stderr)
	}
}

// TestPersonImportFolderOfVCardsAndCSV: a folder's vCards and CSV files
// of people are read, its other files (a CSV file without a column of
// people among them) left out and named.
func TestPersonImportFolderOfVCardsAndCSV(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	folder := t.TempDir()
	for name, from := range map[string]string{"a.vcf": "android-4.0.vcf", "b.csv": "gmail.csv"} {
		data, err := os.ReadFile(samples + from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(folder, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(folder, "notes.txt"), []byte("Call back, Tuesday\n"), 0o644)
	os.WriteFile(filepath.Join(folder, "prices.csv"), []byte("description,quantity\nLicence,1\n"), 0o644)
	r := run(t, dir, "person", "import", folder, "--account", acct)
	if r.code != 0 || !strings.Contains(r.stderr, "notes.txt: neither a vCard nor a CSV file of people, left out") || !strings.Contains(r.stderr, "prices.csv: neither") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := len(peopleOf(t, dir, acct)); n != 3 {
		t.Errorf("%d people, want 3 (a vCard and two rows)\n%s", n, r.stdout)
	}
}
