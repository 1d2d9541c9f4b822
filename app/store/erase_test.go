package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// Distinctive facts about the sample's Anna Keller, searched for in the
// database files after she is erased.
var annaFacts = []string{"Xylophone quilting", "Ottoline Zweig", "anna.keller@", "Anna Keller"}

// annaPhoto is her photo, an invented PNG of noise large enough to live
// in Badger's value log (64 KB or more); annaFace is a piece of its
// compressed pixels, found nowhere else: searched for as her facts are.
var annaPhoto, annaFace = func() ([]byte, string) {
	p := photo(nil, 160, 160, 1985)
	return p, string(p[len(p)/2 : len(p)/2+48])
}()

// hasFact reports whether b holds fact, or her face for the fact "photo".
func hasFact(b []byte, fact string) bool {
	if fact == "photo" {
		return bytes.Contains(b, []byte(annaFace))
	}
	return bytes.Contains(b, []byte(fact))
}

// annaWorkspace loads the sample into a workspace without compression
// (so that its files can be searched for text), gives Anna Keller
// distinctive facts saved several times, an event that names her, and
// puts her in the bin.
func annaWorkspace(t *testing.T) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(dir, store.Plain(store.Options{Now: func() time.Time { return fixedNow }, NoGC: true}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	p, err := s.Person("northbridge-anna-keller")
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range []string{"Sailing", "Xylophone quilting", "Xylophone quilting, sailing"} {
		p.Hobbies, p.Family = h, "Married to Ottoline Zweig"
		if i == 2 {
			p.Notes = "Prefers calls before nine."
		}
		save := s.SavePerson
		if i == 1 {
			save = func(p *dossier.Person) error { return s.SavePersonWithPhoto(p, "anna.png", annaPhoto) }
		}
		if err := save(&p); err != nil {
			t.Fatal(err)
		}
	}
	if p.Photo == nil || len(annaPhoto) < 64<<10 {
		t.Fatalf("her photo (%d bytes): %+v, want one in the value log", len(annaPhoto), p.Photo)
	}
	e := dossier.Event{AccountID: "northbridge", Kind: dossier.EventCall, Date: today, Title: "Call with Anna Keller",
		Text: "Anna Keller (anna.keller@northbridge-build.example) asked about the tender.", People: []string{p.ID}}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeletePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	// A backup that holds her, as the daily one would.
	if _, err := s.BackUp(); err != nil {
		t.Fatal(err)
	}
	return s, dir
}

// found lists the facts that the files of the workspace in dir (its
// database and its backups alike), or any version of any key, still hold.
func found(t *testing.T, dir string) []string {
	t.Helper()
	out := foundInFiles(dir)
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil).WithReadOnly(true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.AllVersions = true
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, _ := it.Item().ValueCopy(nil)
			for _, f := range append(annaFacts, "photo") {
				if hasFact(v, f) || hasFact(it.Item().Key(), f) {
					out = append(out, f+" in a version of "+string(it.Item().Key()))
				}
			}
		}
		return nil
	})
	return out
}

// foundInFiles lists the facts that the files under dir hold.
func foundInFiles(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		for _, f := range append(annaFacts, "photo") {
			if hasFact(b, f) {
				out = append(out, f+" in "+d.Name())
			}
		}
		return nil
	})
	return out
}

// TestEraseLeavesNothing: after erasing Anna Keller (and her mentions)
// nothing of her is in the database files or in any version of any key;
// the timeline says, without a name, that a person was erased. Deleting
// her and emptying the bin, as before, leaves her facts readable: the
// search can tell.
func TestEraseLeavesNothing(t *testing.T) {
	s, dir := annaWorkspace(t)
	if err := s.ErasePerson("northbridge-anna-keller", store.EraseOptions{Mentions: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PersonalData("northbridge-anna-keller"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("personal data after erasure: %v", err)
	}
	for _, b := range must(s.Bin()) {
		if strings.Contains(b.Label, "Anna") {
			t.Errorf("the bin still holds %q", b.Label)
		}
	}
	events := must(s.Events("northbridge"))
	erased := false
	for _, e := range events {
		erased = erased || e.Title == "A person was erased on "+dossier.DateOf(fixedNow).String()
		for _, id := range e.People {
			if id == "northbridge-anna-keller" {
				t.Errorf("event %q still involves her", e.Title)
			}
		}
	}
	if !erased {
		t.Error("the timeline does not record that a person was erased")
	}
	s.Close()
	if got := found(t, dir); len(got) > 0 {
		t.Errorf("after erasure the database still holds: %q", got)
	}
	if again, err := store.Open(dir, store.Options{NoGC: true}); err != nil {
		t.Errorf("the workspace does not open after the erasure: %v", err)
	} else {
		again.Close()
	}

	// The control: deleting and purging, without erasing, leaves them.
	s2, dir2 := annaWorkspace(t)
	for _, b := range must(s2.Bin()) {
		if err := s2.Purge(b.ID); err != nil {
			t.Fatal(err)
		}
	}
	s2.Close()
	if got := found(t, dir2); len(got) == 0 {
		t.Error("after delete and purge the search finds nothing: it cannot tell")
	}
}

// TestEraseAccount: an account with its people, events, files, promises,
// proposals and sent copies goes without a trace; other accounts stay.
func TestEraseAccount(t *testing.T) {
	s, dir := annaWorkspace(t)
	a, err := s.PutFile("minutes.txt", strings.NewReader("Minutes: Ottoline Zweig visited."))
	if err != nil {
		t.Fatal(err)
	}
	e := dossier.Event{AccountID: "northbridge", Kind: dossier.EventMeeting, Date: today, Title: "Meeting",
		Attachments: []dossier.Attachment{a}}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	before := len(must(s.Accounts()))
	if err := s.EraseAccount("northbridge"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Account("northbridge"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the account is still there: %v", err)
	}
	if n := len(must(s.Accounts())); n != before-1 {
		t.Errorf("%d accounts left, want %d", n, before-1)
	}
	if ps := must(s.Proposals("")); len(ps) == 0 {
		t.Error("the other accounts' proposals went too")
	}
	if _, err := s.File(a); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the attachment is still readable: %v", err)
	}
	s.Close()
	if got := found(t, dir); len(got) > 0 {
		t.Errorf("after erasing the account the database still holds: %q", got)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestEraseLargeAttachment: an attachment large enough to live in
// Badger's value log (its chunks are 512 KiB) leaves no trace once the
// workspace closes, and none after a crash either: the copy of the
// folder taken while the workspace was still open, the image a crash
// leaves, is clean after it has been opened and closed once.
func TestEraseLargeAttachment(t *testing.T) {
	s, dir := annaWorkspace(t)
	a, err := s.PutFile("minutes.txt", strings.NewReader(strings.Repeat("Minutes: Ottoline Zweig visited. ", 20000)))
	if err != nil {
		t.Fatal(err)
	}
	e := dossier.Event{AccountID: "northbridge", Kind: dossier.EventMeeting, Date: today, Title: "Meeting",
		Attachments: []dossier.Attachment{a}}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseAccount("northbridge"); err != nil {
		t.Fatal(err)
	}
	crashed := t.TempDir()
	if err := os.CopyFS(crashed, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if got := foundInFiles(crashed); !slices.ContainsFunc(got, func(f string) bool { return strings.Contains(f, ".vlog") }) {
		t.Fatalf("while the workspace is open its value log holds nothing of the file (%q): the search cannot tell", got)
	}
	s.Close()
	if got := found(t, dir); len(got) > 0 {
		t.Errorf("after erasure and close: %q", got)
	}
	again, err := store.Open(crashed, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatalf("the image of a crash after an erasure does not open: %v", err)
	}
	n := len(must(again.Accounts()))
	again.Close()
	if n != 5 {
		t.Errorf("after the crash: %d accounts, want 5", n)
	}
	if got := found(t, crashed); len(got) > 0 {
		t.Errorf("after a crash, an open and a close: %q", got)
	}
}
