package contacts_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kamdesk/app/contacts"
	"kamdesk/dossier"
)

// FuzzRead: whatever the file, Read neither panics nor hangs; the cards
// it accepts are people the store accepts, and written as vCards and
// read again they are the same people.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.vcf")
	more, _ := filepath.Glob("testdata/broken/*.vcf")
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\\;B\\nC\\\\N\r\nORG:X\\;Y;Z\r\nEND:VCARD\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cards, err := contacts.Read("f.vcf", data)
		if err != nil {
			if len(contacts.ProblemsOf(err)) == 0 {
				t.Fatalf("Read's error %v carries no problem naming a line", err)
			}
			return
		}
		people := make([]dossier.Person, len(cards))
		read := map[string][]byte{}
		for i, c := range cards {
			people[i] = c.Person
			people[i].AccountID = "acct"
			saved := people[i]
			if c.Person.Photo != nil {
				// as the store keeps it: under a file of its own
				ph := *c.Person.Photo
				ph.FileID = "file"
				saved.Photo = &ph
				read[ph.SHA256] = c.Photo
				if again, err := dossier.NewPhoto("", c.Photo); err != nil || again != *c.Person.Photo {
					t.Fatalf("card %d: the photo %+v is not what its bytes are (%+v, %v)", i, *c.Person.Photo, again, err)
				}
			}
			if err := saved.Validate(); err != nil {
				t.Fatalf("card %d is a person the store refuses: %v", i, err)
			}
		}
		var b bytes.Buffer
		photo := func(ph *dossier.Photo) ([]byte, error) { return read[ph.SHA256], nil }
		if err := contacts.Write(&b, people, func(string) string { return "Account" }, photo); err != nil {
			t.Fatal(err)
		}
		again, err := contacts.Read("again.vcf", b.Bytes())
		if err != nil {
			t.Fatalf("what Write wrote does not read: %v\n%s", err, b.String())
		}
		if len(again) != len(cards) {
			t.Fatalf("%d cards written, %d read back", len(cards), len(again))
		}
		for i := range again {
			got := again[i].Person
			got.AccountID = "acct"
			if !bytes.Equal(again[i].Photo, cards[i].Photo) {
				t.Fatalf("card %d: its photo read back is %d bytes, not the %d written", i, len(again[i].Photo), len(cards[i].Photo))
			}
			if !reflect.DeepEqual(got, people[i]) {
				t.Fatalf("card %d read back as\n%+v\nwant\n%+v\nwritten:\n%s", i, got, people[i], b.String())
			}
		}
	})
}

// FuzzReadCSV: whatever the file and the mapping, ReadCSV and
// ReadAccountsCSV neither panic nor hang; a file they refuse gets
// problems naming its lines, and the people and accounts of one they
// accept are records the store accepts.
func FuzzReadCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "", "MM/DD/YYYY")
	}
	f.Add([]byte("Vorname;Nachname;Geburtstag\nA;B;1.2.1990\n"), "Vorname=first,Nachname=last,Geburtstag=birthday", "DD.MM.YYYY")
	f.Add([]byte("Name,E-mail 1 - Value,Level\n\"A \"\"B\"\"\",a@b.c ::: d@e.f,buyer,x\n,\n"), "Level=level", "")
	f.Add([]byte("a,\"b\nc\",d\n1,2\n"), "", "")
	f.Add([]byte("Name;Tier;Revenue share;Next tender\nA;Key;4,5%;1.2.2027\n"), "Revenue share=revenue_share", "D.M.YYYY")
	f.Fuzz(func(t *testing.T, data []byte, spec, format string) {
		m, err := contacts.ParseMapping(spec, contacts.PersonFields)
		if err != nil {
			m = nil
		}
		df, err := contacts.ParseDateFormat(format)
		if err != nil {
			df = contacts.DateFormat{}
		}
		if as, err := contacts.ReadAccountsCSV("a.csv", data, m, df); err == nil {
			for i, r := range as.Rows {
				a := r.Account
				if a.ID == "" {
					a.ID = "new"
				}
				if err := a.Validate(); err != nil {
					t.Fatalf("account %d is an account the store refuses: %v", i, err)
				}
			}
		} else if len(contacts.ProblemsOf(err)) == 0 {
			t.Fatalf("ReadAccountsCSV's error %v carries no problem naming a line", err)
		}
		sh, err := contacts.ReadCSV("f.csv", data, m, df)
		if err != nil {
			if sh != nil {
				t.Fatal("a sheet returned with an error")
			}
			if len(contacts.ProblemsOf(err)) == 0 {
				t.Fatalf("ReadCSV's error %v carries no problem naming a line", err)
			}
			return
		}
		for i, c := range sh.Cards {
			p := c.Person
			p.AccountID = "acct"
			if err := p.Validate(); err != nil {
				t.Fatalf("card %d is a person the store refuses: %v", i, err)
			}
			if c.Line < 2 {
				t.Fatalf("card %d at line %d", i, c.Line)
			}
		}
	})
}
