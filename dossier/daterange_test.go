package dossier_test

import (
	"encoding/json"
	"errors"
	"testing"

	"kamdesk/dossier"
)

// Every date typed lies between 1900-01-01 and 2199-12-31, so that what is
// written can be read back: a date of year 10000 is written as
// "10000-01-03", which YYYY-MM-DD cannot read.
func TestParseDateRange(t *testing.T) {
	for _, s := range []string{"1900-01-01", "2199-12-31", "2026-11-25"} {
		if got, err := dossier.ParseDate(s); err != nil || got.String() != s {
			t.Errorf("ParseDate(%q) = %v, %v; want it back", s, got, err)
		}
	}
	for _, s := range []string{"1899-12-31", "2200-01-01", "9999-12-30", "0000-01-01", "0001-01-01"} {
		got, err := dossier.ParseDate(s)
		if !errors.Is(err, dossier.ErrDateRange) || !errors.Is(err, dossier.ErrInvalid) || !got.IsZero() {
			t.Errorf("ParseDate(%q) = %v, %v; want the zero Date and ErrDateRange (and ErrInvalid)", s, got, err)
		}
	}
	if !d("2199-12-31").InRange() || d("2199-12-31").AddDays(1).InRange() || (dossier.Date{}).InRange() {
		t.Error("InRange: 2199-12-31 is in, 2200-01-01 and the zero Date are not")
	}
}

// Records written before the range was enforced stay readable: a follow-up
// date in the year 10000 reads back, so the record can be opened and fixed.
func TestDateJSONReadsWhatWasWritten(t *testing.T) {
	for _, day := range []dossier.Date{dossier.NewDate(9999, 12, 30).AddDays(5), dossier.NewDate(1850, 3, 1), d("2199-12-31")} {
		b, err := json.Marshal(day)
		if err != nil {
			t.Fatal(err)
		}
		var back dossier.Date
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(day) {
			t.Errorf("JSON round trip of %s (%s) = %v, %v", day, b, back, err)
		}
	}
	for _, bad := range []string{`"10000-02-30"`, `"1-01-01"`, `"+2026-01-01"`, `"2026-1-01"`, `"123456789012-01-01"`, `"2026-01-01 "`} {
		var back dossier.Date
		if err := json.Unmarshal([]byte(bad), &back); err == nil && bad != `"2026-01-01 "` {
			t.Errorf("Unmarshal(%s) = %v, want an error", bad, back)
		}
	}
}

func TestRecordDatesInRange(t *testing.T) {
	far := d("2199-12-31").AddDays(1)
	a := validAccount()
	a.NextTender = far
	checkOnlyField(t, a.Validate(), "next_tender", "between 1900-01-01 and 2199-12-31")
	a = validAccount()
	a.AnnualReview = dossier.NewDate(1899, 12, 31)
	checkOnlyField(t, a.Validate(), "annual_review", "between")

	p := validPerson()
	p.NextContact = far
	checkOnlyField(t, p.Validate(), "next_contact", "between")

	e := dossier.Event{AccountID: "acme", Kind: dossier.EventCall, Date: far, Title: "Call"}
	checkOnlyField(t, e.Validate(), "date", "between")

	pr := dossier.Promise{AccountID: "acme", Text: "Send the plan", Made: d("2199-12-01"), Due: far, Status: dossier.PromiseOpen}
	checkOnlyField(t, pr.Validate(), "due", "between")
	pr.Due = d("2199-12-30")
	if err := pr.Slip(d("2199-12-30"), "The plant was closed", true, far); dossier.ProblemsOf(err).For("new_due") == nil {
		t.Errorf("Slip to %s = %v, want a problem with new_due", far, err)
	}
}
