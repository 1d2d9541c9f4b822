package contacts_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"kamdesk/app/contacts"
	"kamdesk/dossier"
)

// everyField returns people with every field a person has, in
// Cyrillic, Hungarian and English, the texts full of what vCard
// escapes; the second reports to the first, the third was born on
// 29 February, the fourth has a birthday without a year.
func everyField() []dossier.Person {
	nps := func(n int) *int { return &n }
	return []dossier.Person{
		{ID: "elena-1", AccountID: "acme", Name: "Елена Сергеевна Петрова", Position: "Финансовый директор",
			Department: "Финансы; казначейство", Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceHigh,
			Type: dossier.Finance, Level: dossier.Advocate, Email: "E.Petrova@sever.example", Phone: "+7 (812) 555-01-23",
			Channel: dossier.ChannelEmail, Birthday: dossier.Birthday{Year: 1981, Month: time.November, Day: 23},
			Family: "Муж Андрей, дочь Ольга (12)", Hobbies: "Шахматы, горные лыжи", Values: "Точность, порядок",
			Notes: "Первая строка;\nвторая, с запятой\n\nC:\\Notes\\new — путь\\, не экранирование: ок",
			NPS:   nps(9), LastContact: dossier.MustDate("2026-10-01"), NextContact: dossier.MustDate("2026-12-15"),
			PrivacyNote: "Согласие получено устно, 2026-03-02"},
		{ID: "reka-2", AccountID: "acme", Name: "Kovács Réka", Position: "Beszerzési igazgató", Department: "Beszerzés",
			ReportsTo: "elena-1", Role: dossier.RoleEvaluator, Influence: dossier.InfluenceMedium,
			Type: dossier.Technical, Level: dossier.Buyer, Email: "reka.kovacs@dunamente.example", Phone: "+36 1 555 0142",
			Channel: dossier.ChannelPhone, Birthday: dossier.Birthday{Month: time.March, Day: 8},
			Hobbies: "Vitorlázás a Balatonon, őszibarack-pálinka", NPS: nps(0)},
		{ID: "leap-3", AccountID: "acme", Name: "Ólafur Ásgeirsson", Type: dossier.Executive, Level: dossier.Opponent,
			ReportsTo: "reka-2", Birthday: dossier.Birthday{Year: 1988, Month: time.February, Day: 29},
			Notes: strings.Repeat("Ein langer Text ohne Umbruch, der über viele Zeilen gefaltet wird. ", 12)},
		{ID: "noyear-4", AccountID: "acme", Name: "Maria Dela Cruz", Type: dossier.HR, Level: dossier.Expert,
			Birthday: dossier.Birthday{Month: time.February, Day: 29}, Email: "maria@luzon.example",
			Photo: storedPhoto("file-maria", tinyPNG(12, 18))},
	}
}

func counter() func(string) string {
	n := 0
	return func(name string) string { n++; return fmt.Sprintf("new-%d", n) }
}

// TestRoundTrip: people written as vCards and read back into an empty
// account are the same people, field by field (IDs aside; the managers
// are the same people under their new IDs).
func TestRoundTrip(t *testing.T) {
	people := everyField()
	var b bytes.Buffer
	if err := contacts.Write(&b, people, func(string) string { return "Acme, Inc.; Holding" }, photoBytes(t)); err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, longer than 75: %q", i+1, len(l), l)
		}
	}
	cards, err := contacts.Read("people.vcf", b.Bytes())
	if err != nil {
		t.Fatalf("Read: %v\n%s", err, b.String())
	}
	plan := contacts.MakePlan("empty", cards, nil, nil, contacts.OnMatchSkip, counter())
	if len(plan.Added) != len(people) || len(plan.Updated) != 0 {
		t.Fatalf("plan adds %d and updates %d, want %d and 0", len(plan.Added), len(plan.Updated), len(people))
	}
	newID := map[string]string{}
	for i, it := range plan.Items {
		newID[people[i].ID] = it.ID
	}
	for i, got := range plan.Added {
		want := people[i]
		want.ID, want.AccountID = got.ID, "empty"
		if want.ReportsTo != "" {
			want.ReportsTo = newID[want.ReportsTo]
		}
		if want.Photo != nil {
			// read as a card's photo: not stored yet, named for its kind
			ph := *want.Photo
			ph.FileID, ph.Name = "", "photo.png"
			want.Photo = &ph
			if data := plan.Photos[ph.SHA256]; !bytes.Equal(data, tinyPNG(12, 18)) {
				t.Errorf("person %d: the plan's photo is %d bytes, not the ones written", i, len(data))
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("person %d read back as\n%+v\nwant\n%+v", i, got, want)
		}
		if ign := plan.Items[i].Card.Ignored; len(ign) > 0 {
			t.Errorf("person %d: the card's %q were ignored", i, ign)
		}
	}
}

type sample struct {
	file                                     string
	cards                                    int
	name, position, department, email, phone string
	birthday                                 string
	notes                                    string // the notes start so
	ignored                                  []string
	photo                                    string // its description starts so
}

// TestRealWorldSamples reads the exports of address books (invented
// people): an iPhone's vCard 3.0 with itemN groups and X-ABLabel and a
// birthday without a year, Outlook's UTF-16, an old phone's vCard 2.1 in
// quoted-printable UTF-8, and a vCard 4.0 with --MMDD, folded lines and
// a photo as a data: URI. Both photos are kept.
func TestRealWorldSamples(t *testing.T) {
	for _, s := range []sample{
		{file: "iphone-3.0.vcf", cards: 2, name: "Kovács Réka", position: "Beszerzési igazgató", department: "Beszerzés",
			email: "reka.kovacs@dunamente.example", phone: "+36 1 555 0142", birthday: "--03-08",
			notes: "Prefers morning calls, never Fridays.\nAsked", ignored: []string{"EMAIL reka.private@mail.example", "TEL +36 30 555 0199", "URL", "X-ABUID"},
			photo: "JPEG 24×32, "},
		{file: "outlook-utf16le.vcf", cards: 1, name: "Елена Сергеевна Петрова", position: "Финансовый директор",
			department: "Финансовый отдел", email: "E.Petrova@sever-terminal.example", phone: "+7 (812) 555-01-23",
			birthday: "1981-11-23", notes: "Отвечает за бюджет 2027 г."},
		{file: "phone-2.1-qp.vcf", cards: 1, name: "Драгомир Иванов Стоянов", department: "Техническа служба",
			email: "d.stoyanov@trakia-agro.example", phone: "+359 32 555 017",
			notes: "Колекционира стари карти на Пловдив; обича джаз и планински преходи през лятото.", ignored: []string{"TEL +359 88 555 0171"}},
		{file: "android-4.0.vcf", cards: 1, name: "Ingrid Solheim Bakken", position: "Teknisk sjef", department: "Teknisk avdeling",
			email: "ingrid.bakken@fjordkraft-maritim.example", phone: "+47-55-55-01-08 x204", birthday: "--04-15",
			notes: "Reiser mye mellom Bergen og Ålesund; foretrekker korte møter tidlig på dagen, helst", ignored: []string{"GENDER"},
			photo: "PNG 16×16, "},
	} {
		t.Run(s.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + s.file)
			if err != nil {
				t.Fatal(err)
			}
			if !contacts.IsVCard(data) {
				t.Fatal("IsVCard = false")
			}
			cards, err := contacts.Read(s.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(cards) != s.cards {
				t.Fatalf("%d cards, want %d", len(cards), s.cards)
			}
			p := cards[0].Person
			got := []string{p.Name, p.Position, p.Department, p.Email, p.Phone, p.Birthday.String()}
			want := []string{s.name, s.position, s.department, s.email, s.phone, s.birthday}
			if !slices.Equal(got, want) {
				t.Errorf("read\n%q\nwant\n%q", got, want)
			}
			if !strings.HasPrefix(p.Notes, s.notes) {
				t.Errorf("notes %q, want them to start with %q", p.Notes, s.notes)
			}
			if p.Type != contacts.DefaultType || p.Level != contacts.DefaultLevel {
				t.Errorf("type and level %s %s, want the defaults", p.Type, p.Level)
			}
			if !slices.Equal(cards[0].Ignored, s.ignored) {
				t.Errorf("ignored %q, want %q", cards[0].Ignored, s.ignored)
			}
			switch ph := p.Photo; {
			case s.photo == "" && ph != nil:
				t.Errorf("a photo %+v, want none", ph)
			case s.photo != "" && (ph == nil || !strings.HasPrefix(ph.Describe(), s.photo) || int64(len(cards[0].Photo)) != ph.Size):
				t.Errorf("the photo %+v (%d bytes read), want %s…", ph, len(cards[0].Photo), s.photo)
			}
		})
	}
}

// TestBadCards: each problem names the file, the line and the property.
func TestBadCards(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       string // the first problem
	}{
		{"bad e-mail", "BEGIN:VCARD\nVERSION:4.0\nFN:Jose Ramos\nEMAIL:jose(at)luzon.example\nEND:VCARD\n",
			"x.vcf:4: EMAIL: email: is not a valid e-mail address"},
		{"bad birthday", "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBDAY:1985-02-30\nEND:VCARD\n",
			`x.vcf:4: BDAY: "1985-02-30": day 30 does not exist in February`},
		{"birthday words", "BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n",
			`x.vcf:4: BDAY: "circa 1800" is not a birthday (YYYY-MM-DD, YYYYMMDD or --MMDD)`},
		{"no name", "BEGIN:VCARD\nVERSION:4.0\nEMAIL:a@b.example\nEND:VCARD\n",
			"x.vcf:1: FN: the card has no name (FN or N)"},
		{"no end", "BEGIN:VCARD\nVERSION:4.0\nFN:A\n", "x.vcf:1: the card has no END:VCARD"},
		{"not a property", "BEGIN:VCARD\nVERSION:4.0\nFN:A\njust words\nEND:VCARD\n",
			"x.vcf:4: not a vCard property (NAME:value)"},
		{"unknown charset", "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=X-NONE:A\nEND:VCARD\n",
			"x.vcf:3: FN: unknown CHARSET X-NONE"},
		{"not UTF-8", "BEGIN:VCARD\nVERSION:3.0\nFN:J\xf6rg\nEND:VCARD\n",
			"x.vcf:3: FN: the text is not UTF-8 (save the file as UTF-8, or say its CHARSET)"},
		{"bad level", "BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-KAMDESK-LEVEL:friend\nEND:VCARD\n",
			"x.vcf:4: X-KAMDESK-LEVEL: level: "},
		{"version 5", "BEGIN:VCARD\nVERSION:5.0\nFN:A\nEND:VCARD\n", "x.vcf:2: VERSION: kamdesk reads vCard 2.1, 3.0 and 4.0, not 5.0"},
		{"text outside", "hello\nBEGIN:VCARD\nFN:A\nEND:VCARD\n", "x.vcf:1: outside a card"},
		{"empty", "", "x.vcf:1: no vCard in the file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cards, err := contacts.Read("x.vcf", []byte(c.text))
			if err == nil {
				t.Fatalf("Read gave %d cards and no error", len(cards))
			}
			probs := contacts.ProblemsOf(err)
			if len(probs) == 0 || !strings.HasPrefix(probs[0].Error(), c.want) {
				t.Fatalf("error %q, want it to start with %q", err, c.want)
			}
			if cards != nil {
				t.Fatalf("cards %v with the error", cards)
			}
		})
	}
}

// TestWindowsCharset: vCard 2.1 of Windows says its charset.
func TestWindowsCharset(t *testing.T) {
	text := "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=windows-1251:\xcf\xe5\xf2\xf0\xee\xe2;\xc8\xe2\xe0\xed\r\nEND:VCARD\r\n"
	cards, err := contacts.Read("w.vcf", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := cards[0].Person.Name; got != "Иван Петров" {
		t.Fatalf("name %q, want Иван Петров", got)
	}
}

func cardsOf(t *testing.T, text string) []contacts.Card {
	t.Helper()
	cards, err := contacts.Read("in.vcf", []byte(strings.ReplaceAll(text, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	return cards
}

// TestPlanMatches: a card matches a person of the account by e-mail
// whatever its case, else by name whatever its case and accents, or an
// earlier card of the same import; skip leaves the person as they are,
// merge fills only what they lack, add adds anyway.
func TestPlanMatches(t *testing.T) {
	existing := []dossier.Person{
		{ID: "anna", AccountID: "acme", Name: "Anna Kovács", Email: "anna@acme.example", Position: "CFO",
			Type: dossier.Finance, Level: dossier.Customer, Updated: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "ivan", AccountID: "acme", Name: "Иван Петров", Type: dossier.Executive, Level: dossier.Buyer},
	}
	cards := cardsOf(t, `BEGIN:VCARD
VERSION:4.0
FN:Anna K.
EMAIL:ANNA@acme.example
TITLE:Chief Financial Officer
TEL:+36 1 555 0000
BDAY:--0702
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:иван  петров
NOTE:Met at the fair
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Nora New
EMAIL:nora@acme.example
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Nora Again
EMAIL:Nora@Acme.example
TITLE:Buyer
END:VCARD
`)
	before := slices.Clone(existing)

	skip := contacts.MakePlan("acme", cards, existing, nil, contacts.OnMatchSkip, counter())
	type row struct {
		action    contacts.Action
		id, by    string
		differ    int
		filled    []string
		firstDiff contacts.Difference
	}
	var got []row
	for _, it := range skip.Items {
		r := row{action: it.Action, id: it.ID, by: it.MatchedBy, differ: len(it.Differences), filled: it.Filled}
		if len(it.Differences) > 0 {
			r.firstDiff = it.Differences[0]
		}
		got = append(got, r)
	}
	want := []row{
		{contacts.Skip, "anna", "email", 4, nil, contacts.Difference{Field: "name", Kamdesk: "Anna Kovács", Card: "Anna K."}},
		{contacts.Skip, "ivan", "name", 2, nil, contacts.Difference{Field: "name", Kamdesk: "Иван Петров", Card: "иван  петров"}},
		{contacts.Add, "new-1", "", 0, nil, contacts.Difference{}},
		{contacts.Skip, "new-1", "email", 2, nil, contacts.Difference{Field: "name", Kamdesk: "Nora New", Card: "Nora Again"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("skip plan\n%+v\nwant\n%+v", got, want)
	}
	if len(skip.Updated) != 0 || len(skip.Added) != 1 || !reflect.DeepEqual(existing, before) {
		t.Fatalf("skip plan updates %d, adds %d, or changed the people it was given", len(skip.Updated), len(skip.Added))
	}

	merge := contacts.MakePlan("acme", cards, existing, nil, contacts.OnMatchMerge, counter())
	if f := merge.Items[0].Filled; !slices.Equal(f, []string{"phone", "birthday"}) {
		t.Fatalf("merge fills %q of Anna, want phone and birthday (her name and position stay)", f)
	}
	if len(merge.Updated) != 2 {
		t.Fatalf("merge updates %d people, want 2", len(merge.Updated))
	}
	anna := merge.Updated[0]
	if anna.Name != "Anna Kovács" || anna.Position != "CFO" || anna.Phone != "+36 1 555 0000" || anna.Birthday.String() != "--07-02" ||
		anna.Type != dossier.Finance || anna.Level != dossier.Customer || !anna.Updated.Equal(existing[0].Updated) {
		t.Fatalf("Anna merged: %+v", anna)
	}
	if ivan := merge.Updated[1]; ivan.Notes != "Met at the fair" || ivan.Name != "Иван Петров" {
		t.Fatalf("Ivan merged: %+v", ivan)
	}
	if len(merge.Added) != 1 || merge.Added[0].Position != "Buyer" || merge.Added[0].Name != "Nora New" {
		t.Fatalf("merge adds %+v, want Nora New with the position of the second card", merge.Added)
	}

	add := contacts.MakePlan("acme", cards, existing, nil, contacts.OnMatchAdd, counter())
	if a, m, s := add.Count(); a != 4 || m != 0 || s != 0 {
		t.Fatalf("add plan: %d added, %d merged, %d skipped; want 4 0 0", a, m, s)
	}
}

// TestManagerNotInTheImport: a card whose manager is neither in the
// import nor in the account loses the manager, and says so.
func TestManagerNotInTheImport(t *testing.T) {
	cards := cardsOf(t, "BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-KAMDESK-REPORTS-TO:boss-1\nEND:VCARD\n")
	plan := contacts.MakePlan("acme", cards, nil, nil, contacts.OnMatchSkip, counter())
	if plan.Added[0].ReportsTo != "" || !slices.Contains(plan.Items[0].Card.Ignored, "X-KAMDESK-REPORTS-TO") {
		t.Fatalf("added %+v, ignored %q", plan.Added[0], plan.Items[0].Card.Ignored)
	}
	existing := []dossier.Person{{ID: "boss-1", AccountID: "acme", Name: "Boss", Type: dossier.Executive, Level: dossier.Buyer}}
	cards = cardsOf(t, "BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-KAMDESK-REPORTS-TO:boss-1\nEND:VCARD\n")
	if plan := contacts.MakePlan("acme", cards, existing, nil, contacts.OnMatchSkip, counter()); plan.Added[0].ReportsTo != "boss-1" {
		t.Fatalf("the account's boss-1 is not the manager: %+v", plan.Added[0])
	}
}

func TestProblemsTranslate(t *testing.T) {
	_, err := contacts.Read("x.vcf", []byte("BEGIN:VCARD\nFN:A\nBDAY:soon\nEND:VCARD\n"))
	got := dossier.ErrorIn(err, func(text string, data map[string]any) string { return "«" + dossier.Fill(text, data) + "»" })
	if want := `x.vcf:3: BDAY: «"soon" is not a birthday (YYYY-MM-DD, YYYYMMDD or --MMDD)»: «invalid»`; got != want {
		t.Fatalf("ErrorIn = %q, want %q", got, want)
	}
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Fatal("the problem does not match ErrInvalid")
	}
}

// TestMergeOfNothingIsASkip: a card whose every field the person has
// already (or holds otherwise) fills nothing: it is skipped, not
// counted as merged, and nothing is written for it.
func TestMergeOfNothingIsASkip(t *testing.T) {
	existing := []dossier.Person{{ID: "anna", AccountID: "acme", Name: "Anna Kovács", Email: "anna@acme.example",
		Position: "CFO", Type: dossier.Finance, Level: dossier.Customer}}
	cards := cardsOf(t, "BEGIN:VCARD\nVERSION:4.0\nFN:Anna Kovács\nEMAIL:anna@acme.example\nTITLE:Chief Financial Officer\nEND:VCARD\n")
	plan := contacts.MakePlan("acme", cards, existing, nil, contacts.OnMatchMerge, func(string) string { return "new" })
	if it := plan.Items[0]; it.Action != contacts.Skip || len(it.Differences) != 1 {
		t.Errorf("a merge that fills nothing: %s with differences %v", it.Action, it.Differences)
	}
	if a, m, s := plan.Count(); a != 0 || m != 0 || s != 1 || len(plan.Updated) != 0 {
		t.Errorf("counted %d added, %d merged, %d skipped, %d to write", a, m, s, len(plan.Updated))
	}
}

// TestPlanMatchesAnotherAccountsEmail: a card whose e-mail address is a
// person's of another account is that person: skipped (a merge too, as
// that person is not filled in from another account's import), added
// only when asked, and never the manager of this account's people.
func TestPlanMatchesAnotherAccountsEmail(t *testing.T) {
	existing := []dossier.Person{{ID: "ivan", AccountID: "acme", Name: "Иван Петров"}}
	others := []dossier.Person{
		{ID: "ivan", AccountID: "acme", Name: "Иван Петров"}, // the account's own, among everyone's
		{ID: "ada", AccountID: "globex", Name: "Ada Lind", Email: "ada@globex.example"},
	}
	cards := cardsOf(t, `BEGIN:VCARD
VERSION:4.0
FN:Ada Lind
EMAIL:ADA@globex.example
X-KAMDESK-ID:src-ada
TITLE:Head of IT
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Ben Ek
EMAIL:ben@acme.example
X-KAMDESK-REPORTS-TO:src-ada
END:VCARD
`)
	for _, on := range []contacts.OnMatch{contacts.OnMatchSkip, contacts.OnMatchMerge} {
		plan := contacts.MakePlan("acme", cards, existing, others, on, counter())
		ada := plan.Items[0]
		if ada.Action != contacts.Skip || ada.ID != "ada" || ada.MatchedBy != "email" || ada.Elsewhere != "globex" {
			t.Fatalf("%s: Ada's card %+v, want skipped as Ada of globex", on, ada)
		}
		if len(plan.Updated) != 0 || len(plan.Added) != 1 || plan.Added[0].Name != "Ben Ek" {
			t.Fatalf("%s: added %v, updated %v, want Ben only", on, plan.Added, plan.Updated)
		}
		if plan.Added[0].ReportsTo != "" {
			t.Fatalf("%s: Ben reports to %q, a person of another account", on, plan.Added[0].ReportsTo)
		}
	}
	if n := strings.Count(strings.Join(cards[1].Ignored, " "), "REPORTS-TO"); n != 1 {
		t.Fatalf("Ben's card, planned twice, lists X-KAMDESK-REPORTS-TO as not kept %d times: %v", n, cards[1].Ignored)
	}
	add := contacts.MakePlan("acme", cards, existing, others, contacts.OnMatchAdd, counter())
	if it := add.Items[0]; it.Action != contacts.Add || it.Elsewhere != "globex" || len(add.Added) != 2 {
		t.Fatalf("add: %+v, %d added, want Ada added to acme too, said to be in globex", it, len(add.Added))
	}
	if add.Added[1].ReportsTo != add.Added[0].ID {
		t.Fatalf("add: Ben reports to %q, want the Ada added (%s)", add.Added[1].ReportsTo, add.Added[0].ID)
	}
}
