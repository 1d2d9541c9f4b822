package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

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
	sameJSON(t, "personListJSON", got.Bytes(), want.Bytes())
	if !bytes.Contains(got.Bytes(), []byte(`Fish & <chips>`)) || !bytes.Contains(got.Bytes(), []byte(`\\u003c literal`)) {
		t.Error("the test's people are not in the output as the test means them")
	}
	// Cut anywhere, read by any number of goroutines: the same bytes.
	var ids []string
	for _, p := range people {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, splits := range [][]string{{ids[0]}, {ids[len(ids)/2]}, {ids[3], ids[4], ids[40], "zzz"}, ids} {
		for _, procs := range []int{1, 3} {
			runtime.GOMAXPROCS(procs)
			var out bytes.Buffer
			c := &ctx{Env: Env{Stdout: &out}}
			if err := c.personListJSONSplit(s, rules, today, splits); err != nil {
				t.Fatal(err)
			}
			sameJSON(t, fmt.Sprintf("%d splits, %d cores", len(splits), procs), out.Bytes(), want.Bytes())
		}
	}
}

// sameJSON fails the test where got and want first differ.
func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%s differs from jsonList at byte %d of %d:\n%q\nwant\n%q", what, i, len(want), got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
	}
}

// TestPersonListJSONWithoutASummary: in a workspace where a person's
// summary is gone (damaged), person list --json still prints everybody,
// as jsonList does.
func TestPersonListJSONWithoutASummary(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := storetest.Generate(s, storetest.Options{Accounts: 3, PeoplePerAccount: 5, Seed: 2}); err != nil {
		t.Fatal(err)
	}
	people, err := s.People("")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	lost := people[4].ID
	if err := db.Update(func(txn *badger.Txn) error { return txn.Delete([]byte("sum/person/" + lost)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if s, err = store.Open(dir, store.Options{NoGC: true, NoBackup: true}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sums, err := s.PeopleSummaries()
	if err != nil || len(sums) != len(people)-1 {
		t.Fatalf("%d summaries (%v) of %d people: the test means one missing", len(sums), err, len(people))
	}
	rules, _ := s.Rules()
	today := dossier.MustDate("2026-11-25")
	var want, got bytes.Buffer
	old := &ctx{Env: Env{Stdout: &want}}
	if err := old.jsonList(len(people), func(i int) any { return toPersonJSON(people[i], rules, today) }); err != nil {
		t.Fatal(err)
	}
	c := &ctx{Env: Env{Stdout: &got}}
	if err := c.personListJSON(s, rules, today); err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "personListJSON", got.Bytes(), want.Bytes())
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

// TestDerivedFieldsAreMarshal: appendFields writes what json.Marshal
// writes of the derived values, without the opening brace.
func TestDerivedFieldsAreMarshal(t *testing.T) {
	n, m, big := 0, -3, 1<<40
	for _, d := range []personDerived{
		{},
		{NPSClass: dossier.Promoter, NextBirthday: dossier.MustDate("2027-02-28"), DaysToBirthday: &n, Age: &m, ContactDue: true},
		{NPSClass: dossier.Neutral, NextBirthday: dossier.NewDate(1000, 1, 1), DaysToBirthday: &m},
		{NextBirthday: dossier.NewDate(9999, 12, 31), DaysToBirthday: &n, Age: &n},
		{NPSClass: dossier.Detractor, NextBirthday: dossier.MustDate("2026-12-09"), DaysToBirthday: &m},
		{NPSClass: `odd "<&>" \ class` + "\x01\u2028é"},
	} {
		want, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		row := rowOf(d)
		if row.flags&rowMarshaled == 0 {
			t.Errorf("rowOf(%+v) does not hold it", d)
		}
		if got := row.appendFields([]byte("{")); !bytes.Equal(got, want) {
			t.Errorf("appendFields = %s, want %s", got, want)
		}
	}
	// What a row cannot hold sends the record the slow way.
	for _, d := range []personDerived{
		{NextBirthday: dossier.NewDate(10000, 1, 1), DaysToBirthday: &n},
		{NextBirthday: dossier.NewDate(999, 12, 31), DaysToBirthday: &n},
		{NextBirthday: dossier.MustDate("2027-02-28"), DaysToBirthday: &big},
		{NextBirthday: dossier.MustDate("2027-02-28"), DaysToBirthday: &n, Age: &big},
	} {
		if rowOf(d).flags&rowMarshaled != 0 {
			t.Errorf("rowOf(%+v) holds it", d)
		}
	}
}

// TestBucketsEscapeControls: elements holding what a terminal would act on
// (a record written by another program: kamdesk refuses controls in a
// person's texts) come out escaped, the others as they are, each indented.
func TestBucketsEscapeControls(t *testing.T) {
	elems := []string{"{\"a\":\"bidi \u202e\",\"n\":[1,2]}", "{\"b\":\"del \x7f\"}", "{\"c\":\"c1 \u009b and Ágnes\"}", `{"d":"plain"}`}
	b := newElemBuckets(len(elems), 2)
	for i, e := range elems {
		b.file(i%2, i, []byte(e))
	}
	got, err := b.bucket(0)
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for i, e := range elems {
		elem := indentJSON([]byte("  "), []byte(e), "  ", "  ")
		if i < len(elems)-1 {
			elem = append(elem, ',')
		}
		want = append(want, jsonSafe(append(elem, '\n'))...)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("bucket =\n%s\nwant\n%s", got, want)
	}
	if bytes.Contains(got, []byte("\x7f")) || !bytes.Contains(got, []byte(`\u007f`)) {
		t.Errorf("DEL is not escaped:\n%q", got)
	}
}
