package contacts_test

import (
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"kamdesk/app/contacts"
	"kamdesk/dossier"
)

func readSample(t *testing.T, name string, m contacts.Mapping, format string) (*contacts.Sheet, error) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var df contacts.DateFormat
	if format != "" {
		if df, err = contacts.ParseDateFormat(format); err != nil {
			t.Fatal(err)
		}
	}
	return contacts.ReadCSV(name, data, m, df)
}

// TestOutlookAndGmailExports: the usual exports of Outlook (UTF-16 LE
// with a byte order mark, its empty birthday 0/0/00, two e-mail columns,
// a column without a header) and Google Contacts (numbered columns, two
// addresses in one cell) read without a mapping, but for the format of
// Outlook's dates.
func TestOutlookAndGmailExports(t *testing.T) {
	if _, err := readSample(t, "outlook-utf16le.csv", nil, ""); !errors.Is(err, contacts.ErrDateFormat) || !strings.Contains(err.Error(), `"4/15/1985"`) ||
		!strings.Contains(err.Error(), "outlook-utf16le.csv:2: Birthday:") {
		t.Fatalf("Outlook's file without a date format: got %v, want ErrDateFormat at line 2 showing 4/15/1985", err)
	}
	sh, err := readSample(t, "outlook-utf16le.csv", nil, "MM/DD/YYYY")
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		line                                               int
		name, email, phone, position, department, birthday string
		ignored                                            []string
	}
	check := func(sh *contacts.Sheet, wants []want) {
		t.Helper()
		if len(sh.Cards) != len(wants) {
			t.Fatalf("%d cards, want %d", len(sh.Cards), len(wants))
		}
		for i, w := range wants {
			c := sh.Cards[i]
			p := c.Person
			got := want{c.Line, p.Name, p.Email, p.Phone, p.Position, p.Department, p.Birthday.String(), c.Ignored}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("card %d:\n got %+v\nwant %+v", i, got, w)
			}
			if p.Type != contacts.DefaultType || p.Level != contacts.DefaultLevel {
				t.Errorf("card %d: type %q level %q", i, p.Type, p.Level)
			}
		}
	}
	check(sh, []want{
		{2, "Ingrid Solberg", "ingrid.solberg@fjordline.example", "+47 55 01 23 45", "Head of Procurement", "Procurement", "1985-04-15",
			[]string{"Title", "Company", "Business Street", "Business City", "Mobile Phone +47 912 34 567", "E-mail 2 Address ingrid@home.example", "Web Page"}},
		{4, "Tamás Kertész", "t.kertesz@fjordline.example", "+36 30 555 0147", "CIO", "IT", "", []string{"Title", "Company"}},
		{5, "Olga Petrovna Vasilyeva", "olga.v@example.org", "", "Analyst", "", "1990-12-31", nil},
	})
	if n := sh.Cards[0].Person.Notes; n != "Prefers calls before 10.\r\nMet at the Oslo fair." && n != "Prefers calls before 10.\nMet at the Oslo fair." {
		t.Errorf("notes %q", n)
	}
	if c := sh.Columns[len(sh.Columns)-1]; c.Header != "" || !c.Empty {
		t.Errorf("the last column, without a header: %+v", c)
	}

	sh, err = readSample(t, "gmail.csv", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	check(sh, []want{
		{2, "Kristine Nakamura-Berg", "kristine.berg@tellus.example", "+47 400 11 222", "Operations Director", "Operations", "1979-03-08",
			[]string{"Organization Name", "E-mail 1 - Value k.berg@tellus.example", "E-mail 2 - Value kristine@home.example", "Phone 2 - Value +47 22 33 44 55"}},
		{3, "Dmitri Orlov", "dmitri.orlov@tellus.example", "", "Buyer", "", "--11-02",
			[]string{"Organization Name", "Website 1 - Label", "Website 1 - Value"}},
	})
	var unknown []string
	for _, c := range sh.Columns {
		if c.Field == "" {
			unknown = append(unknown, c.Header)
		}
	}
	if want := []string{"Phonetic First Name", "Website 1 - Label", "Website 1 - Value"}; !reflect.DeepEqual(unknown, want) {
		t.Errorf("unknown columns %q, want %q", unknown, want)
	}
}

// TestSemicolonsAndDayFirst: a file of semicolons (a German Excel's)
// with a mapping of its headers, its dates day first, one without the
// year.
func TestSemicolonsAndDayFirst(t *testing.T) {
	m, err := contacts.ParseMapping("Vorname=first, Nachname=last,Telefon=phone,Geburtstag=birthday", contacts.PersonFields)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readSample(t, "semicolon.csv", m, ""); !errors.Is(err, contacts.ErrDateFormat) || !strings.Contains(err.Error(), `"03.07.1971"`) {
		t.Fatalf("no date format: got %v", err)
	}
	sh, err := readSample(t, "semicolon.csv", m, "DD.MM.YYYY")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range sh.Cards {
		got = append(got, c.Person.Name+"|"+c.Person.Email+"|"+c.Person.Phone+"|"+c.Person.Position+"|"+c.Person.Birthday.String())
	}
	want := []string{"Jürgen Albrecht|j.albrecht@hafenbau.example|+49 40 123456|Einkaufsleiter|1971-07-03", "Anna Lindqvist|anna.l@hafenbau.example||Projektleiterin|--12-24"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestDateFormats(t *testing.T) {
	for _, tc := range []struct{ format, text, want string }{
		{"DD.MM.YYYY", "03.07.1971", "1971-07-03"},
		{"DD.MM.YYYY", "3.7.1971", "1971-07-03"},
		{"DD.MM.YYYY", "24.12.", "--12-24"},
		{"MM/DD/YYYY", "07/03/1971", "1971-07-03"},
		{"MM/DD/YYYY", "12/31", "--12-31"},
		{"M/D/YYYY", "4/15/1985", "1985-04-15"},
		{"YYYY-MM-DD", "1985-04-15", "1985-04-15"},
		{"DD/MM", "15/04", "--04-15"},
		{"MM/DD/YYYY", "31/12/1990", "error"},
		{"DD.MM.YYYY", "1985-04-15", "1985-04-15"},
		{"MM/DD/YYYY", "--04-15", "--04-15"},
		{"YYYY.DD.MM", "1985-04-15", "1985-15-04 error"},
		{"DD.MM.YYYY", "15/04/1985/2", "error"},
		{"DD.MM.YYYY", "30.02.1990", "error"},
	} {
		f, err := contacts.ParseDateFormat(tc.format)
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		b, err := f.Birthday(tc.text)
		got := b.String()
		if err != nil {
			got = "error"
		}
		if strings.HasSuffix(tc.want, "error") {
			tc.want = "error"
		}
		if got != tc.want {
			t.Errorf("%s %q: got %s, want %s", tc.format, tc.text, got, tc.want)
		}
	}
	for _, bad := range []string{"", "YY-MM-DD", "DD.MM.YYYY.DD", "MM/YYYY", "DDD.MM", "DD.MM.YYYY hh"} {
		if _, err := contacts.ParseDateFormat(bad); !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("date format %q: got %v, want ErrInvalid", bad, err)
		}
	}
}

func TestMappingErrors(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"First Name=given", `"given" is not a field kamdesk knows (fields: first, middle, last, name, email`},
		{"First Name", `"First Name" is not HEADER=FIELD`},
		{"=first", `"=first" is not HEADER=FIELD`},
		{" , ", "the mapping is empty"},
	} {
		if _, err := contacts.ParseMapping(tc.spec, contacts.PersonFields); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.spec, err, tc.want)
		}
	}
	m, _ := contacts.ParseMapping("Vorname=first,Surname=last", contacts.PersonFields)
	_, err := readSample(t, "semicolon.csv", m, "DD.MM.YYYY")
	if want := `semicolon.csv:1: Surname: the file has no column "Surname" (its columns: Vorname, Nachname, E-Mail, Telefon, Position, Geburtstag)`; err == nil || err.Error() != want {
		t.Errorf("a header not in the file:\n got %v\nwant %s", err, want)
	}
}

// TestBadRows: every row that cannot be a person is named by its file,
// line and column, and no card comes back.
func TestBadRows(t *testing.T) {
	data := "Name,E-mail,Level,Birthday\n" +
		"Good Person,good@example.org,buyer,1980-01-02\n" +
		"\"Two\nLines\",not-an-address,,\n" +
		",,,\n" +
		"Ragged,r@example.org\n" +
		",nobody@example.org,king,\n" +
		"Late,late@example.org,,1980-02-30,extra\n"
	sh, err := contacts.ReadCSV("bad.csv", []byte(data), nil, contacts.DateFormat{})
	if sh != nil {
		t.Fatalf("cards returned with problems: %+v", sh.Cards)
	}
	var got []string
	for _, p := range contacts.ProblemsOf(err) {
		got = append(got, p.File+":"+strconv.Itoa(p.Line)+":"+p.Property)
	}
	want := []string{"bad.csv:3:Name", "bad.csv:3:E-mail", "bad.csv:7:", "bad.csv:8:Birthday"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems at %q, want %q\n%v", got, want, err)
	}
}

func TestIsCSV(t *testing.T) {
	for _, tc := range []struct {
		data string
		want bool
	}{
		{"Name,E-mail\nA,a@b.c\n", true},
		{"\ufeffName;E-mail\r\n", true},
		{"Name\nAnna\n", true},
		{"Hello world\n", false},
		{"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A,B\r\nEND:VCARD\r\n", false},
		{"\x89PNG\r\n\x1a\n\x00\x00", false},
		{"", false},
	} {
		if got := contacts.IsCSV([]byte(tc.data)); got != tc.want {
			t.Errorf("IsCSV(%q) = %v, want %v", tc.data, got, tc.want)
		}
	}
	data, _ := os.ReadFile("testdata/outlook-utf16le.csv")
	if !contacts.IsCSV(data) {
		t.Error("Outlook's UTF-16 file is not known as CSV")
	}
}

// TestNotUTF8: a file in Windows' ANSI code page (Outlook's "CSV
// (Windows)") is refused, naming the line of its first stray byte.
func TestNotUTF8(t *testing.T) {
	_, err := contacts.ReadCSV("ansi.csv", []byte("Name,E-mail\nAnna,a@example.org\nJos\xe9,j@example.org\n"), nil, contacts.DateFormat{})
	if want := "ansi.csv:3: the text is not UTF-8 (save the file as CSV UTF-8, or as Unicode text)"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
