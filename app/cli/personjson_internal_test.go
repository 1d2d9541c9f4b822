package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
)

// TestPersonListJSONIsTheList: personListJSON, which splices the derived
// values into the records' bytes, writes byte for byte what jsonList
// writes of every person decoded and encoded again, in SortPeople's
// order: on a generated workspace and on people whose texts hold what
// JSON escapes (<, >, &, quotes, backslashes, a literal \u003c, line and
// paragraph separators, letters of several bytes), with and without
// birthdays, scores and contacts, and through the terminal writer.
func TestPersonListJSONIsTheList(t *testing.T) {
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storetest.Generate(s, storetest.Options{Accounts: 7, PeoplePerAccount: 9, EventsPerAccount: 1, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	accounts, err := s.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	nps := 9
	for i, text := range []string{`Fish & <chips>`, `"quoted" \ back\slash \u003c literal`, "line\u2028para\u2029end", "Ágnes Ферзь 日本語 🎉", "a&b<c>d"} {
		p := dossier.Person{AccountID: accounts[i%len(accounts)].ID, Name: text, Position: text, Notes: text + "\n" + text,
			Hobbies: text, Email: "x@example.org", Type: dossier.Finance, Level: dossier.Doubter}
		if i%2 == 0 {
			p.NPS = &nps
			p.Birthday = dossier.Birthday{Day: 29, Month: time.February, Year: 1980}
			p.LastContact = dossier.MustDate("2026-10-01")
		}
		if err := s.SavePerson(&p); err != nil {
			t.Fatalf("SavePerson(%q): %v", text, err)
		}
	}
	rules, err := s.Rules()
	if err != nil {
		t.Fatal(err)
	}
	today := dossier.MustDate("2026-11-25")
	people, err := s.People("")
	if err != nil {
		t.Fatal(err)
	}
	var want, got bytes.Buffer
	old := &ctx{Env: Env{Stdout: &terminalWriter{w: &want}}}
	if err := old.jsonList(len(people), func(i int) any { return toPersonJSON(people[i], rules, today) }); err != nil {
		t.Fatal(err)
	}
	fast := &ctx{Env: Env{Stdout: &terminalWriter{w: &got}}}
	if err := fast.personListJSON(s, rules, today); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		a, b := got.Bytes(), want.Bytes()
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("personListJSON differs from jsonList at byte %d of %d:\n%q\nwant\n%q", i, len(b), a[max(0, i-80):min(len(a), i+80)], b[max(0, i-80):min(len(b), i+80)])
	}
	if !bytes.Contains(got.Bytes(), []byte(`Fish & <chips>`)) || !bytes.Contains(got.Bytes(), []byte(`\\u003c literal`)) {
		t.Error("the test's people are not in the output as the test means them")
	}
}

// FuzzUnescapeHTML: for any text, json.Marshal's JSON of it with
// unescapeHTML applied is what an encoder that does not escape HTML
// writes; and the terminal-safety check of bytes agrees with that of the
// same string.
func FuzzUnescapeHTML(f *testing.F) {
	for _, s := range []string{"plain", "<b>&amp;</b>", `\u003c`, `\\u003c`, `a\`, "\u2028<\u2029", "日本<語>&", "\xff<", `"\"<"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		marshaled, err := json.Marshal(map[string]string{s: s})
		if err != nil {
			t.Skip()
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(map[string]string{s: s}); err != nil {
			t.Fatal(err)
		}
		if got := unescapeHTML(nil, marshaled); !bytes.Equal(append(got, '\n'), want.Bytes()) {
			t.Errorf("unescapeHTML(%s) = %s, want %s", marshaled, got, want.Bytes())
		}
		if terminalSafe([]byte(s)) != terminalSafe(s) {
			t.Errorf("terminalSafe of the bytes and of the string of %q differ", s)
		}
	})
}

// failingWriter fails every write after the first n bytes.
type failingWriter struct{ n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestPersonListJSONStopsOnAWriteError: a write that fails ends the
// command with the error, and the goroutines that make the text finish
// (the test would hang, or -race report, otherwise).
func TestPersonListJSONStopsOnAWriteError(t *testing.T) {
	s, err := store.Open(t.TempDir(), store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := storetest.Generate(s, storetest.Options{Accounts: 40, PeoplePerAccount: 50, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	rules, err := s.Rules()
	if err != nil {
		t.Fatal(err)
	}
	c := &ctx{Env: Env{Stdout: &failingWriter{n: 100 << 10}}}
	if err := c.personListJSON(s, rules, dossier.MustDate("2026-11-25")); err == nil || err.Error() != "disk full" {
		t.Errorf("personListJSON on a failing writer: %v, want disk full", err)
	}
}
