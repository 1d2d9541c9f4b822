package store_test

import (
	"archive/tar"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// summariesOf returns the summaries of people, as PeopleSummaries should.
func summariesOf(people []dossier.Person) []dossier.Person {
	out := make([]dossier.Person, len(people))
	for i, p := range people {
		out[i] = p.Summary()
	}
	return out
}

// checkPeopleSummaries fails t unless s's PeopleSummaries and Overview's
// people are the summaries of its people.
func checkPeopleSummaries(t *testing.T, s *store.Store) {
	t.Helper()
	people := must(s.People(""))
	want := summariesOf(people)
	got := must(s.PeopleSummaries())
	dossier.SortPeople(got)
	if !slices.EqualFunc(got, want, samePersonJSON) {
		t.Errorf("PeopleSummaries gives %d people, want the summaries of the %d people", len(got), len(want))
	}
	var each []dossier.Person
	if err := s.EachPersonSummary(func(p *dossier.Person) error { each = append(each, *p); return nil }); err != nil {
		t.Fatal(err)
	}
	dossier.SortPeople(each)
	if !slices.EqualFunc(each, want, samePersonJSON) {
		t.Errorf("EachPersonSummary gives %d people, want the summaries of the %d people", len(each), len(want))
	}
	if got := must(s.PeopleSummariesOf("")); !slices.EqualFunc(got, want, samePersonJSON) {
		t.Errorf("PeopleSummariesOf(\"\") gives %d people, want the summaries of the %d people in People's order", len(got), len(want))
	}
	for _, a := range must(s.Accounts()) {
		want := summariesOf(must(s.People(a.ID)))
		if got := must(s.PeopleSummariesOf(a.ID)); !slices.EqualFunc(got, want, samePersonJSON) {
			t.Errorf("PeopleSummariesOf(%s) gives %d people, want the summaries of its %d in People's order", a.ID, len(got), len(want))
		}
	}
	if _, err := s.PeopleSummariesOf("no-such-account"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("PeopleSummariesOf of an unknown account: %v, want ErrNotFound", err)
	}
	w := must(s.Overview())
	dossier.SortPeople(w.People)
	if !slices.EqualFunc(w.People, want, samePersonJSON) {
		t.Errorf("Overview gives %d people, want the summaries of the %d people", len(w.People), len(want))
	}
	full := must(s.Workspace())
	if len(w.Accounts) != len(full.Accounts) || len(w.Promises) != len(full.Promises) || w.Rules != full.Rules {
		t.Errorf("Overview holds %d accounts, %d promises; Workspace %d, %d",
			len(w.Accounts), len(w.Promises), len(full.Accounts), len(full.Promises))
	}
}

func samePersonJSON(a, b dossier.Person) bool {
	return string(mustJSON(a)) == string(mustJSON(b))
}

// TestPeopleSummaries: the lists read people without their personal
// texts, and what they read follows every change of a person.
func TestPeopleSummaries(t *testing.T) {
	s := open(t, t.TempDir())
	if _, err := s.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), export.Snapshot); err != nil {
		t.Fatal(err)
	}
	checkPeopleSummaries(t, s)
	a := newAccount(t, s, "Castellan Private Bank")
	p := dossier.Person{AccountID: a.ID, Name: "Ottoline Zweig", Position: "Head of HR", Type: dossier.HR,
		Level: dossier.Doubter, Hobbies: "Sailing on the Balaton", Notes: "Prefers calls before noon",
		Family: "Two children", Values: "Punctuality", PrivacyNote: "Agreed on 2026-10-01"}
	if err := s.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	sum := personIn(t, must(s.PeopleSummaries()), p.ID)
	if sum.Name != "Ottoline Zweig" || sum.Position != "Head of HR" || sum.Type != dossier.HR {
		t.Errorf("the summary lost what lists show: %+v", sum)
	}
	if sum.Hobbies != "" || sum.Notes != "" || sum.Family != "" || sum.Values != "" || sum.PrivacyNote != "" {
		t.Errorf("the summary holds personal texts: %+v", sum)
	}
	p.Name, p.Level = "Ottoline Zweig-Hart", dossier.Buyer
	if err := s.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	if sum := personIn(t, must(s.PeopleSummaries()), p.ID); sum.Name != p.Name || sum.Level != dossier.Buyer {
		t.Errorf("after a save the summary says %s, %s", sum.Name, sum.Level)
	}
	entry, err := s.DeletePerson(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(must(s.PeopleSummaries()), func(q dossier.Person) bool { return q.ID == p.ID }) {
		t.Error("a deleted person is still in the lists")
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	personIn(t, must(s.PeopleSummaries()), p.ID)
	checkPeopleSummaries(t, s)
	if err := s.ErasePerson(p.ID, store.EraseOptions{}); err != nil {
		t.Fatal(err)
	}
	checkPeopleSummaries(t, s)
}

// personIn returns the person id of people, failing t when there is none.
func personIn(t *testing.T, people []dossier.Person, id string) dossier.Person {
	t.Helper()
	i := slices.IndexFunc(people, func(p dossier.Person) bool { return p.ID == id })
	if i < 0 {
		t.Fatalf("%s is not in the list", id)
	}
	return people[i]
}

// untar unpacks the gzipped tar at path into dir.
func untar(t *testing.T, path, dir string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := tar.NewReader(z)
	for {
		h, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(dir, filepath.FromSlash(h.Name))
		if h.Typeflag == tar.TypeDir {
			if err := os.MkdirAll(target, 0o700); err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// schemaOf reads the schema version of the closed workspace in dir.
func schemaOf(t *testing.T, dir string) uint32 {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v uint32
	err = db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("meta/schema"))
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error { v = binary.BigEndian.Uint32(b); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSummariesOfAnOlderWorkspace: a workspace written before summaries
// (schema 2: testdata/schema2-sample.tgz is the sample workspace as
// `kamdesk --data DIR demo` wrote it at commit e301a25) gets the summary
// of every person when it is opened, and lists it whole.
func TestSummariesOfAnOlderWorkspace(t *testing.T) {
	dir := t.TempDir()
	untar(t, filepath.Join("testdata", "schema2-sample.tgz"), dir)
	if v := schemaOf(t, dir); v != 2 {
		t.Fatalf("the fixture has schema %d, want 2", v)
	}
	s := open(t, dir)
	if n := len(must(s.People(""))); n < 10 {
		t.Fatalf("the older workspace holds %d people", n)
	}
	checkPeopleSummaries(t, s)
	s.Close()
	if v := schemaOf(t, dir); v != store.SchemaVersion {
		t.Errorf("after opening, schema %d, want %d", v, store.SchemaVersion)
	}
}

// TestSummariesMendedAfterACrash: an import a crash cut short can leave a
// person without its summary, an outdated summary, or a summary without
// its person; the next open mends them, and says so in the log.
func TestSummariesMendedAfterACrash(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	if _, err := s.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), export.Snapshot); err != nil {
		t.Fatal(err)
	}
	people := must(s.People(""))
	s.Close()

	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	moved := people[1]
	moved.Name = "Renamed Without Summary"
	err = db.Update(func(txn *badger.Txn) error {
		if err := txn.Delete([]byte("sum/person/" + people[0].ID)); err != nil {
			return err
		}
		if err := txn.Set([]byte("person/"+moved.ID), mustJSON(moved)); err != nil {
			return err
		}
		return txn.Set([]byte("sum/person/nobody-aaaaaaaa"), mustJSON(dossier.Person{ID: "nobody-aaaaaaaa", Name: "Nobody"}))
	})
	if err != nil {
		t.Fatal(err)
	}
	crashed := t.TempDir()
	if err := os.CopyFS(crashed, os.DirFS(dir)); err != nil { // the image a crash leaves
		t.Fatal(err)
	}
	db.Close()

	again := open(t, crashed)
	checkPeopleSummaries(t, again)
	if p := personIn(t, must(again.PeopleSummaries()), moved.ID); p.Name != moved.Name {
		t.Errorf("the outdated summary still says %s", p.Name)
	}
	if problems, err := again.SummaryProblems(); err != nil || len(problems) > 0 {
		t.Errorf("after opening: %q, %v", problems, err)
	}
	log, _ := os.ReadFile(filepath.Join(crashed, "kamdesk.log"))
	if !strings.Contains(string(log), "wrote 2 summaries of people") ||
		!strings.Contains(string(log), "removed 1 index entries and summaries without their record") {
		t.Errorf("the log does not say what was mended:\n%s", log)
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// TestOverviewEachIsOverview: OverviewEach gives the rules, accounts and
// promises of Overview before the first person, then every person's
// summary in Overview's order, and keeps none.
func TestOverviewEachIsOverview(t *testing.T) {
	s := open(t, t.TempDir())
	if _, err := s.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), export.Snapshot); err != nil {
		t.Fatal(err)
	}
	want := must(s.Overview())
	var began *dossier.Workspace
	var people []dossier.Person
	got, err := s.OverviewEach(func(w *dossier.Workspace) {
		if people != nil || began != nil {
			t.Error("begin was not called once, before the people")
		}
		began = w
	}, func(p *dossier.Person) { people = append(people, *p) })
	if err != nil {
		t.Fatal(err)
	}
	if began == nil || !reflect.DeepEqual(began.Accounts, want.Accounts) || !reflect.DeepEqual(began.Promises, want.Promises) || began.Rules != want.Rules {
		t.Error("begin had another workspace than Overview's")
	}
	if got.People != nil {
		t.Errorf("OverviewEach returned %d people; it keeps none", len(got.People))
	}
	if len(people) == 0 || !reflect.DeepEqual(people, want.People) {
		t.Errorf("OverviewEach gave %d people, Overview %d, or in another order or form", len(people), len(want.People))
	}
}
