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
		for i, c := range cards {
			people[i] = c.Person
			people[i].AccountID = "acct"
			if err := people[i].Validate(); err != nil {
				t.Fatalf("card %d is a person the store refuses: %v", i, err)
			}
		}
		var b bytes.Buffer
		if err := contacts.Write(&b, people, func(string) string { return "Account" }); err != nil {
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
			if !reflect.DeepEqual(got, people[i]) {
				t.Fatalf("card %d read back as\n%+v\nwant\n%+v\nwritten:\n%s", i, got, people[i], b.String())
			}
		}
	})
}
