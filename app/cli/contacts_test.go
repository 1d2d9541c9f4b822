package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// withStore opens the workspace dir for fn, as a test's hands, and closes it.
func withStore(t testing.TB, dir string, fn func(s *store.Store)) {
	t.Helper()
	s, err := store.Open(dir, store.Options{NoGC: true, Now: func() time.Time { return time.Date(2026, 11, 25, 11, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fn(s)
}

func peopleOf(t testing.TB, dir, acct string) []dossier.Person {
	t.Helper()
	var out []dossier.Person
	withStore(t, dir, func(s *store.Store) {
		var err error
		if out, err = s.People(acct); err != nil {
			t.Fatal(err)
		}
	})
	return out
}

func emptyAccount(t testing.TB, dir string) string {
	t.Helper()
	a := dossier.Account{Name: "Empty Account Ltd", Tier: dossier.TierOther}
	withStore(t, dir, func(s *store.Store) {
		if err := s.SaveAccount(&a); err != nil {
			t.Fatal(err)
		}
	})
	return a.ID
}

// TestVCardRoundTripThroughTheWorkspace: every account's people exported
// as vCards and imported into an empty account are the same people,
// record by record (IDs, account and time stamps aside; each manager the
// same person under the new ID) — Cyrillic and Hungarian names, a
// birthday on 29 February and one without a year, a photo among them.
func TestVCardRoundTripThroughTheWorkspace(t *testing.T) {
	dir := demo(t)
	var before []dossier.Person
	withStore(t, dir, func(s *store.Store) {
		p := dossier.Person{AccountID: "tasbulak", Name: "Ёлкин Фёдор Ильич", Type: dossier.Technical, Level: dossier.Buyer,
			Birthday: dossier.Birthday{Year: 1988, Month: time.February, Day: 29}, Department: "Цех №2; ОТК"}
		q := dossier.Person{AccountID: "kalaszmezo", Name: "Szőke Gyöngyvér", Type: dossier.HR, Level: dossier.Expert,
			Birthday: dossier.Birthday{Month: time.February, Day: 29}, Notes: "Ügyes, „pontos”;\nC:\\Notes"}
		for _, x := range []*dossier.Person{&p, &q} {
			if err := s.SavePerson(x); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.SavePersonWithPhoto(&q, "gyongyver.png", portrait()); err != nil {
			t.Fatal(err)
		}
		var err error
		if before, err = s.People(""); err != nil {
			t.Fatal(err)
		}
	})
	file := filepath.Join(t.TempDir(), "everyone.vcf")
	mustRun(t, dir, "person", "export", "-o", file)
	// Into another workspace (in this one, the same e-mail addresses are
	// the same people: TestPersonImportFindsTheSamePersonElsewhere).
	other := t.TempDir()
	acct := emptyAccount(t, other)
	// The folder holds the file twice: the import makes one record of each person.
	data, _ := os.ReadFile(file)
	os.WriteFile(file+".copy", data, 0o644)
	out := mustRun(t, other, "person", "import", filepath.Dir(file), "--account", acct)
	if !strings.Contains(out, fmt.Sprintf("%d added, 0 merged, %d skipped", len(before), len(before))) {
		t.Fatalf("import said:\n%s", out)
	}
	after := peopleOf(t, other, acct)
	if len(after) != len(before) {
		t.Fatalf("%d people imported, want %d", len(after), len(before))
	}
	nameOf := map[string]string{}
	for _, p := range append(before, after...) {
		nameOf[p.ID] = p.Name
	}
	byName := map[string]dossier.Person{}
	for _, p := range after {
		byName[p.Name] = p
	}
	for _, want := range before {
		got, ok := byName[want.Name]
		if !ok {
			t.Errorf("%s was not imported", want.Name)
			continue
		}
		if nameOf[got.ReportsTo] != nameOf[want.ReportsTo] {
			t.Errorf("%s reports to %q, want %q", want.Name, nameOf[got.ReportsTo], nameOf[want.ReportsTo])
		}
		got.ID, got.AccountID, got.ReportsTo, got.Created, got.Updated = want.ID, want.AccountID, want.ReportsTo, want.Created, want.Updated
		if want.Photo != nil {
			// another file, named for its kind: the same picture
			if got.Photo == nil || got.Photo.SHA256 != want.Photo.SHA256 || got.Photo.FileID == want.Photo.FileID {
				t.Errorf("%s: photo %+v, want the same picture in a file of its own", want.Name, got.Photo)
				continue
			}
			got.Photo = want.Photo
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("imported\n%+v\nwant\n%+v", got, want)
		}
	}
}

// TestPersonImportFindsTheSamePersonElsewhere: cards whose e-mail
// addresses are those of people of other accounts are those people, so
// importing an account's people into another skips them (saying where
// they are) instead of making a second record of each.
func TestPersonImportFindsTheSamePersonElsewhere(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "northbridge.vcf")
	mustRun(t, dir, "person", "export", "--account", "northbridge", "-o", file)
	before := peopleOf(t, dir, "northbridge")
	withEmail := 0
	for _, p := range before {
		if p.Email != "" {
			withEmail++
		}
	}
	acct := emptyAccount(t, dir)
	out := mustRun(t, dir, "person", "import", file, "--account", acct, "--on-match", "merge")
	if !strings.Contains(out, "same e-mail, in the account Northbridge Build Group") ||
		!strings.Contains(out, fmt.Sprintf("%d added, 0 merged, %d skipped", len(before)-withEmail, withEmail)) {
		t.Fatalf("import said:\n%s", out)
	}
	if got := len(peopleOf(t, dir, acct)); got != len(before)-withEmail {
		t.Fatalf("%d people in the new account, want the %d without an e-mail address", got, len(before)-withEmail)
	}
	if after := peopleOf(t, dir, "northbridge"); !reflect.DeepEqual(after, before) {
		t.Fatalf("Northbridge's people changed")
	}
}

// TestPersonImportDryRunSkipAndMerge: a dry run writes nothing; the
// default skips a match and leaves its record byte for byte; --on-match
// merge fills only the fields the person lacks.
func TestPersonImportDryRunSkipAndMerge(t *testing.T) {
	dir := demo(t)
	acct := emptyAccount(t, dir)
	var sparse dossier.Person
	withStore(t, dir, func(s *store.Store) {
		sparse = dossier.Person{AccountID: acct, Name: "Kovács Réka", Position: "CPO", Type: dossier.Finance, Level: dossier.Customer}
		if err := s.SavePerson(&sparse); err != nil {
			t.Fatal(err)
		}
	})
	record := func() []byte {
		var b []byte
		withStore(t, dir, func(s *store.Store) {
			p, err := s.Person(sparse.ID)
			if err != nil {
				t.Fatal(err)
			}
			b, _ = json.Marshal(p)
		})
		return b
	}
	was := record()
	cards := "../contacts/testdata/iphone-3.0.vcf"

	r := run(t, dir, "person", "import", cards, "--account", acct, "--dry-run", "--json")
	if r.code != 0 {
		t.Fatalf("dry run: exit %d, %s", r.code, r.stderr)
	}
	plan := decode[map[string]any](t, r.stdout)
	if plan["dry_run"] != true || plan["added"] != 1.0 || plan["skipped"] != 1.0 {
		t.Fatalf("dry run plan: %s", r.stdout)
	}
	first := plan["cards"].([]any)[0].(map[string]any)
	if first["action"] != "skip" || first["id"] != sparse.ID || first["matched_by"] != "name" {
		t.Fatalf("dry run, first card: %v", first)
	}
	if got := peopleOf(t, dir, acct); len(got) != 1 || string(record()) != string(was) {
		t.Fatalf("the dry run wrote: %d people", len(got))
	}

	out := mustRun(t, dir, "person", "import", cards, "--account", acct)
	for _, want := range []string{"Kovács Réka: skipped as a duplicate of " + sparse.ID + " (same name)",
		`position: "Beszerzési igazgató" in the card, "CPO" in kamdesk`, `email: "reka.kovacs@dunamente.example" in the card, empty in kamdesk`,
		"Tóth Ádám: added as ", "not kept: EMAIL reka.private@mail.example, TEL +36 30 555 0199, URL, X-ABUID",
		`photo: "JPEG 24×32, 1 KB" in the card, empty in kamdesk`} {
		if !strings.Contains(out, want) {
			t.Errorf("the import does not say %q:\n%s", want, out)
		}
	}
	if string(record()) != string(was) {
		t.Fatalf("a skipped match changed:\n%s\nwas\n%s", record(), was)
	}

	out = mustRun(t, dir, "person", "import", cards, "--account", acct, "--on-match", "merge", "--dry-run")
	if !strings.Contains(out, "would be merged into "+sparse.ID+" (same name), filling: department, email, phone, birthday, notes, photo") {
		t.Fatalf("a dry run of the merge said:\n%s", out)
	}
	out = mustRun(t, dir, "person", "import", cards, "--account", acct, "--on-match", "merge")
	if !strings.Contains(out, "merged into "+sparse.ID+" (same name), filled: department, email, phone, birthday, notes, photo") {
		t.Fatalf("merge said:\n%s", out)
	}
	var merged dossier.Person
	withStore(t, dir, func(s *store.Store) { merged, _ = s.Person(sparse.ID) })
	if merged.Position != "CPO" || merged.Type != dossier.Finance || merged.Level != dossier.Customer ||
		merged.Email != "reka.kovacs@dunamente.example" || merged.Birthday.String() != "--03-08" || merged.Department != "Beszerzés" ||
		merged.Photo == nil || merged.Photo.Type != "image/jpeg" {
		t.Fatalf("merged: %+v", merged)
	}
	if got := peopleOf(t, dir, acct); len(got) != 2 {
		t.Fatalf("%d people after the merge, want 2 (Tóth Ádám matched by e-mail)", len(got))
	}
}

// TestPersonImportAllOrNothing: a folder with one broken card imports
// nothing, and the error names the file, the line and the field.
func TestPersonImportAllOrNothing(t *testing.T) {
	dir := demo(t)
	before := len(peopleOf(t, dir, "castellan"))
	r := run(t, dir, "person", "import", "../contacts/testdata/broken", "--account", "castellan")
	if r.code != 1 || !strings.Contains(r.stderr, filepath.Join("../contacts/testdata/broken", "b-bad.vcf")+":5: EMAIL: email: is not a valid e-mail address") ||
		!strings.Contains(r.stderr, "nothing imported") {
		t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if after := len(peopleOf(t, dir, "castellan")); after != before {
		t.Fatalf("%d people after a refused import, want %d", after, before)
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"person", "import", "../contacts/testdata/android-4.0.vcf"}, 2, "--account is required"},
		{[]string{"person", "import", "--account", "castellan"}, 2, "missing the files or folders to import"},
		{[]string{"person", "import", "../contacts/testdata/android-4.0.vcf", "--account", "castellan", "--on-match", "replace"}, 2, "--on-match replace is not one of skip, merge, add"},
		{[]string{"person", "import", "contacts.go", "--account", "castellan"}, 1, "contacts.go is neither a vCard nor a CSV file"},
		{[]string{"person", "import", "../contacts/testdata/android-4.0.vcf", "--account", "nowhere"}, 1, `no account with ID "nowhere"`},
		{[]string{"person", "export"}, 2, "-o is required"},
	} {
		if r := run(t, dir, c.args...); r.code != c.code || !strings.Contains(r.stderr, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.err)
		}
	}
}

func TestPersonExportChoosesPeople(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "two.vcf")
	out := mustRun(t, dir, "person", "export", "northbridge-anna-keller", "castellan-tom-fairley", "--output", file)
	if !strings.Contains(out, "Exported 2 people to "+file) {
		t.Fatalf("export said %q", out)
	}
	data, _ := os.ReadFile(file)
	if n := strings.Count(string(data), "BEGIN:VCARD"); n != 2 || !strings.Contains(string(data), "X-KAMDESK-LEVEL:") {
		t.Fatalf("%d cards:\n%s", n, data)
	}
	if r := run(t, dir, "person", "export", "-o", file, "--account", "castellan"); r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Fatalf("export over a file: exit %d, %s", r.code, r.stderr)
	}
	if r := run(t, dir, "person", "export", "northbridge-anna-keller", "--account", "castellan", "-o", file+"2"); r.code != 1 {
		t.Fatalf("a person of another account: exit %d", r.code)
	}
	if r := run(t, dir, "person", "import", "--help"); r.code != 0 || !strings.Contains(r.stdout, "--on-match") || !strings.Contains(r.stdout, "--dry-run") {
		t.Fatalf("help: %d %s", r.code, r.stdout)
	}
}

// BenchmarkImportVCards: importing 10,000 cards into an account, the
// plan and the save (`person import`), in a workspace of the sample.
func BenchmarkImportVCards(b *testing.B) {
	var sb strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&sb, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nagy%d;Réka;;;\r\nFN:Réka Nagy%d\r\nORG:Bench Kft.;Beszerzés\r\nTITLE:Beszerző\r\n"+
			"EMAIL;TYPE=INTERNET;TYPE=WORK:reka.nagy%d@bench.example\r\nTEL;TYPE=WORK:+36 1 555 %04d\r\nBDAY:1980-%02d-%02d\r\n"+
			"NOTE:Invented person number %d for the benchmark\\, with a note.\r\nEND:VCARD\r\n", i, i, i, i, i%12+1, i%28+1, i)
	}
	file := filepath.Join(b.TempDir(), "10k.vcf")
	os.WriteFile(file, []byte(sb.String()), 0o644)
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		var out, errb strings.Builder
		env := testEnv(&out, &errb)
		if code := runWith(b, env, dir, "demo"); code != 0 {
			b.Fatal(errb.String())
		}
		acct := emptyAccount(b, dir)
		b.StartTimer()
		if code := runWith(b, env, dir, "person", "import", file, "--account", acct); code != 0 {
			b.Fatal(errb.String())
		}
		b.StopTimer()
		if !strings.Contains(out.String(), "10000 added") {
			b.Fatalf("import said %s", out.String()[max(0, out.Len()-200):])
		}
		b.StartTimer()
	}
}
