package contacts_test

import (
	"fmt"
	"strings"
	"testing"

	"kamdesk/app/contacts"
)

// manyCards is n vCards 3.0 of invented people, as the 10,000-card
// benchmark of the command line writes them.
func manyCards(n int) []byte {
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nagy%d;Réka;;;\r\nFN:Réka Nagy%d\r\nORG:Bench Kft.;Beszerzés\r\nTITLE:Beszerző\r\n"+
			"EMAIL;TYPE=INTERNET;TYPE=WORK:reka.nagy%d@bench.example\r\nTEL;TYPE=WORK:+36 1 555 %04d\r\nBDAY:1980-%02d-%02d\r\n"+
			"NOTE:Invented person number %d\\, with a note.\r\nEND:VCARD\r\n", i, i, i, i, i%12+1, i%28+1, i)
	}
	return []byte(sb.String())
}

// manyRows is a CSV file of n invented people.
func manyRows(n int) []byte {
	var sb strings.Builder
	sb.WriteString("First Name,Last Name,E-mail Address,Business Phone,Job Title,Birthday\n")
	for i := range n {
		fmt.Fprintf(&sb, "Réka,Nagy%d,reka.nagy%d@bench.example,+36 1 555 %04d,Beszerző,1980-%02d-%02d\n", i, i, i, i%12+1, i%28+1)
	}
	return []byte(sb.String())
}

// checkProgress: the fractions told rise from near 0 to 1, which ends
// them, and come at a modest rate: about a hundred, not one a card.
func checkProgress(t *testing.T, what string, got []float64) {
	t.Helper()
	if len(got) < 50 || len(got) > 110 {
		t.Errorf("%s: told %d times, want about a hundred", what, len(got))
	}
	if len(got) == 0 || got[0] > 0.05 || got[len(got)-1] != 1 {
		t.Fatalf("%s: told %v, want from near 0 up to 1", what, got)
	}
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] || got[i] > 1 {
			t.Fatalf("%s: %g after %g (told %v); want rising fractions up to 1", what, got[i], got[i-1], got)
		}
	}
}

// TestReadTellsProgress: reading a few thousand cards, or rows of a CSV
// file, tells rising fractions of the file read, ending at 1.
func TestReadTellsProgress(t *testing.T) {
	var got []float64
	cards, err := contacts.ReadProgress("many.vcf", manyCards(3000), func(f float64) { got = append(got, f) })
	if err != nil || len(cards) != 3000 {
		t.Fatalf("ReadProgress: %d cards, %v", len(cards), err)
	}
	checkProgress(t, "vCards", got)

	got = nil
	sh, err := contacts.ReadCSVProgress("many.csv", manyRows(3000), nil, contacts.DateFormat{}, func(f float64) { got = append(got, f) })
	if err != nil || len(sh.Cards) != 3000 {
		t.Fatalf("ReadCSVProgress: %v", err)
	}
	checkProgress(t, "CSV", got)

	got = nil
	if _, err := contacts.ReadProgress("one.vcf", manyCards(1), func(f float64) { got = append(got, f) }); err != nil || len(got) == 0 || got[len(got)-1] != 1 {
		t.Errorf("one card: told %v, %v; want it to end at 1", got, err)
	}
}

// BenchmarkRead10000Cards: reading 10,000 cards, without and with a
// progress callback (which must not slow it measurably).
func BenchmarkRead10000Cards(b *testing.B) {
	data := manyCards(10000)
	for _, c := range []struct {
		name string
		p    contacts.Progress
	}{{"no-progress", nil}, {"progress", func(float64) {}}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := contacts.ReadProgress("10k.vcf", data, c.p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
