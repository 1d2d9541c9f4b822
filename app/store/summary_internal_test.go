package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"kamdesk/dossier"
)

// filled returns a person with every field set to something not zero, so
// that a field added to dossier.Person that the summary should carry and
// its encoding does not fails TestSummaryEncodingKeepsEveryField.
func filled() dossier.Person {
	var p dossier.Person
	v := reflect.ValueOf(&p).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name + " – Ünïcode ✓")
		}
	}
	nps := 9
	p.NPS = &nps
	p.Birthday = dossier.Birthday{Day: 29, Month: time.February, Year: 1968}
	p.LastContact, p.NextContact = dossier.MustDate("1969-07-20"), dossier.MustDate("2027-01-04")
	p.Created = time.Date(2020, 5, 1, 8, 0, 0, 0, time.UTC)
	p.Updated = time.Date(2026, 11, 30, 17, 45, 12, 0, time.FixedZone("CET", 3600))
	return p
}

func TestSummaryEncodingKeepsEveryField(t *testing.T) {
	p := filled()
	for i, f := range reflect.VisibleFields(reflect.TypeOf(p)) {
		if reflect.ValueOf(p).Field(i).IsZero() {
			t.Fatalf("filled leaves %s zero: teach it the field's kind", f.Name)
		}
	}
	for _, want := range []dossier.Person{p.Summary(), {ID: "bare-aaaaaaaa", AccountID: "acct", Name: "Bare"}} {
		b, err := encodeSummary(want, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got dossier.Person
		if err := decodeSummary(b, &got); err != nil {
			t.Fatal(err)
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if string(gj) != string(wj) {
			t.Errorf("the summary decodes as\n%s\nwant\n%s", gj, wj)
		}
	}
}

// FuzzDecodeSummary: no bytes under a summary key make decoding panic,
// and what decodes encodes and decodes again.
func FuzzDecodeSummary(f *testing.F) {
	for _, p := range []dossier.Person{filled().Summary(), {}} {
		b, err := encodeSummary(p, 0)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])                     // cut short
		f.Add(append(b, 0))                     // a byte too many
		f.Add([]byte("{}"))                     // JSON, as a summary was never written
		f.Add(append([]byte{1, 200}, b[2:]...)) // a string longer than what follows
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var p dossier.Person
		if decodeSummary(b, &p) != nil {
			return
		}
		again, err := encodeSummary(p, 0)
		if err != nil {
			return // a time stamp encoding/binary will not write again
		}
		var q dossier.Person
		if err := decodeSummary(again, &q); err != nil {
			t.Fatalf("a summary encoded again does not decode: %v", err)
		}
	})
}
