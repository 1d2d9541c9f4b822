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
	p.Photo = &dossier.Photo{Attachment: dossier.Attachment{FileID: "file-abcdefgh", Name: "Ünïcode ✓.jpg", Size: 3 << 20,
		SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}, Type: "image/jpeg", Width: 4032, Height: 3024}
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

// TestSummaryOfAPhoto: the summary of a person without a photo is what
// the summaries were before photos (version 2, noting record format 1, so
// that a kamdesk without photos believes it too); the summary of a
// person with one carries its reference and notes format 2; both are
// believed.
func TestSummaryOfAPhoto(t *testing.T) {
	p := filled()
	p.Photo = nil
	for _, with := range []bool{false, true} {
		if with {
			p.Photo = filled().Photo
		}
		value, err := json.Marshal(&p)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := summaryOf(kPerson.key("x"), value)
		if err != nil {
			t.Fatal(err)
		}
		wantVersion, wantFormat := byte(summaryVersion), byte(1)
		if with {
			wantVersion, wantFormat = summaryPhotoVersion, recordFormat
		}
		if sum[0] != wantVersion || summaryRecordFormat(sum) != wantFormat || !believedFormat(summaryRecordFormat(sum)) {
			t.Errorf("photo %v: version %d, format %d; want %d, %d", with, sum[0], summaryRecordFormat(sum), wantVersion, wantFormat)
		}
		var got dossier.Person
		if err := decodeSummary(sum, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Photo, p.Photo) {
			t.Errorf("photo %v: the summary's photo is %+v, want %+v", with, got.Photo, p.Photo)
		}
	}
}
