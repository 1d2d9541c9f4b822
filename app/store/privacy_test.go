package store_test

import (
	"testing"

	"kamdesk/app/export"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// TestPersonalDataFindsTheBinAndTheCopies: what is kept about a person
// includes the copies of proposals sent to them and deletions in the bin
// that name them.
func TestPersonalDataFindsTheBinAndTheCopies(t *testing.T) {
	s := open(t, t.TempDir())
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	e := dossier.Event{AccountID: "northbridge", Kind: dossier.EventNote, Date: today, Title: "Note",
		Text: "Anna Keller mentioned her daughter's graduation."}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteEvent(e.ID); err != nil {
		t.Fatal(err)
	}
	d, err := s.PersonalData("northbridge-anna-keller")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, m := range d.Mentions {
		kinds[m.Kind] = m.How
	}
	if kinds["bin"] != "names them" || kinds["sent copy"] == "" || kinds["event"] == "" {
		t.Errorf("mentions by kind = %v", kinds)
	}
}
