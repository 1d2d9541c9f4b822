package store_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var fixedNow = time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)

func open(t *testing.T, dir string) *store.Store {
	t.Helper()
	s, err := store.Open(dir, store.Options{Now: func() time.Time { return fixedNow }, NoGC: true})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newAccount(t *testing.T, s *store.Store, name string) dossier.Account {
	t.Helper()
	a := dossier.Account{Name: name, Tier: dossier.TierKey, RevenueShare: 12.5}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatalf("SaveAccount(%q): %v", name, err)
	}
	return a
}

func newPerson(t *testing.T, s *store.Store, acct, name, reportsTo string) dossier.Person {
	t.Helper()
	p := dossier.Person{AccountID: acct, Name: name, ReportsTo: reportsTo,
		Type: dossier.Executive, Level: dossier.Buyer}
	if err := s.SavePerson(&p); err != nil {
		t.Fatalf("SavePerson(%q): %v", name, err)
	}
	return p
}

func TestSaveAndReopen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	a := newAccount(t, s, "Northbridge Construction")
	if !strings.HasPrefix(a.ID, "northbridge-construction-") {
		t.Errorf("new account ID = %q, want a slug of the name", a.ID)
	}
	if !a.Created.Equal(fixedNow) || !a.Updated.Equal(fixedNow) {
		t.Errorf("stamps = %v, %v; want %v", a.Created, a.Updated, fixedNow)
	}
	p := newPerson(t, s, a.ID, "Анна Келлер", "")
	if !strings.HasPrefix(p.ID, "anna-keller-") {
		t.Errorf("ID from a Cyrillic name = %q, want it transliterated: anna-keller-…", p.ID)
	}
	q := newPerson(t, s, a.ID, "株式会社", "")
	if !strings.HasPrefix(q.ID, "person-") {
		t.Errorf("ID from a name without Latin or Cyrillic letters = %q, want the fallback person-…", q.ID)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, dir)
	got, err := s.Account(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != a.Name || got.RevenueShare != 12.5 || got.Tier != dossier.TierKey {
		t.Errorf("reopened account = %+v, want %+v", got, a)
	}
	people, err := s.People(a.ID)
	if err != nil || len(people) != 2 || people[0].Name != "Анна Келлер" {
		t.Errorf("People(%s) = %v, %v; want Анна Келлер", a.ID, people, err)
	}
}

func TestSaveRejectsInvalidAndLosesNothing(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Helix Bank")
	bad := a
	bad.Name = ""
	bad.RevenueShare = 140
	err := s.SaveAccount(&bad)
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Fatalf("SaveAccount(invalid) = %v, want ErrInvalid", err)
	}
	pr := dossier.ProblemsOf(err)
	if pr.For("name") == nil || pr.For("revenue_share") == nil {
		t.Errorf("problems = %v, want name and revenue_share", pr)
	}
	got, _ := s.Account(a.ID)
	if got.Name != "Helix Bank" {
		t.Errorf("after a failed save the stored name = %q, want the old one", got.Name)
	}
	if bad.ID != a.ID || bad.Name != "" {
		t.Errorf("failed save changed the caller's record: %+v", bad)
	}

	huge := dossier.Account{Name: "Huge", Tier: dossier.TierKey, Notes: strings.Repeat("ж", dossier.MaxText+1)}
	if err := s.SaveAccount(&huge); !errors.Is(err, dossier.ErrInvalid) || dossier.ProblemsOf(err).For("notes") == nil {
		t.Errorf("SaveAccount(huge notes) = %v, want a notes problem", err)
	}
}

func TestNotFoundAndBadIDs(t *testing.T) {
	s := open(t, t.TempDir())
	if _, err := s.Account("nobody"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Account(nobody) = %v, want ErrNotFound", err)
	}
	if _, err := s.Account("../etc"); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Account(../etc) = %v, want ErrInvalid", err)
	}
	if _, err := s.People("ghost"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("People(ghost) = %v, want ErrNotFound", err)
	}
	p := dossier.Person{AccountID: "ghost", Name: "X", Type: dossier.HR, Level: dossier.Doubter}
	if err := s.SavePerson(&p); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("SavePerson(ghost account) = %v, want ErrNotFound", err)
	}
	a := dossier.Account{Name: "Owned", Tier: dossier.TierKey, Owner: "team-ghost"}
	if err := s.SaveAccount(&a); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("SaveAccount(unknown owner) = %v, want ErrNotFound", err)
	}
}

func TestReportingLine(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Alpha")
	b := newAccount(t, s, "Beta")
	ceo := newPerson(t, s, a.ID, "CEO", "")
	cfo := newPerson(t, s, a.ID, "CFO", ceo.ID)
	other := newPerson(t, s, b.ID, "Other", "")

	ceo.ReportsTo = cfo.ID
	if err := s.SavePerson(&ceo); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("loop CEO→CFO→CEO: %v, want ErrConflict", err)
	}
	cfo.ReportsTo = other.ID
	if err := s.SavePerson(&cfo); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("manager in another account: %v, want ErrConflict", err)
	}
	cfo.ReportsTo = "nobody-here"
	if err := s.SavePerson(&cfo); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("unknown manager: %v, want ErrNotFound", err)
	}

	// Moving a person to another account moves them in the index too.
	cfo.ReportsTo = ""
	cfo.AccountID = b.ID
	if err := s.SavePerson(&cfo); err != nil {
		t.Fatal(err)
	}
	pa, _ := s.People(a.ID)
	pb, _ := s.People(b.ID)
	if len(pa) != 1 || len(pb) != 2 {
		t.Errorf("after the move: %d people in Alpha, %d in Beta; want 1 and 2", len(pa), len(pb))
	}
}

func TestDeleteAccountAndRestore(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Gamma")
	keep := newAccount(t, s, "Delta")
	p := newPerson(t, s, a.ID, "Lead", "")
	newPerson(t, s, keep.ID, "Stays", "")
	e := dossier.Event{AccountID: a.ID, Kind: dossier.EventCall, Date: dossier.MustDate("2026-11-20"), Title: "Call", People: []string{p.ID}}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	pr := dossier.Promise{AccountID: a.ID, Text: "Send the offer", Due: dossier.MustDate("2026-12-01"), Status: dossier.PromiseOpen}
	if err := s.SavePromise(&pr); err != nil {
		t.Fatal(err)
	}
	prop := proposal.Proposal{AccountID: a.ID, Title: "Offer", Language: "en", Status: proposal.Draft}
	if err := s.SaveProposal(&prop); err != nil {
		t.Fatal(err)
	}
	other := proposal.Proposal{AccountID: keep.ID, Title: "Stays", Language: "en", Status: proposal.Draft}
	if err := s.SaveProposal(&other); err != nil {
		t.Fatal(err)
	}

	entry, err := s.DeleteAccount(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if entry.What != "account" || entry.Label != "Gamma" || entry.Records != 9 {
		t.Errorf("bin entry = %+v, want account Gamma with 9 records (account, person, event, promise, proposal and 4 index keys)", entry)
	}
	if props, _ := s.Proposals(""); len(props) != 1 || props[0].ID != other.ID {
		t.Errorf("proposals after deleting Gamma = %v, want only %s", props, other.ID)
	}
	if _, err := s.Account(a.ID); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("deleted account still there: %v", err)
	}
	all, _ := s.People("")
	if len(all) != 1 || all[0].Name != "Stays" {
		t.Errorf("people after deleting Gamma = %v, want only Stays", all)
	}
	bin, _ := s.Bin()
	if len(bin) != 1 || bin[0].ID != entry.ID {
		t.Fatalf("Bin() = %v, want [%v]", bin, entry)
	}

	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Account(a.ID); err != nil || got.Name != "Gamma" {
		t.Errorf("restored account = %v, %v", got, err)
	}
	if ev, _ := s.Events(a.ID); len(ev) != 1 || ev[0].Title != "Call" {
		t.Errorf("restored events = %v", ev)
	}
	if ps, _ := s.Promises(a.ID); len(ps) != 1 {
		t.Errorf("restored promises = %v", ps)
	}
	if props, err := s.Proposals(a.ID); err != nil || len(props) != 1 || props[0].Title != "Offer" {
		t.Errorf("restored proposals = %v, %v; want the Offer", props, err)
	}
	if bin, _ := s.Bin(); len(bin) != 0 {
		t.Errorf("bin after restore = %v, want empty", bin)
	}
	if err := s.Restore(entry.ID); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("second Restore = %v, want ErrNotFound", err)
	}
}

func TestDeletePersonRelinksReports(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Epsilon")
	ceo := newPerson(t, s, a.ID, "CEO", "")
	cto := newPerson(t, s, a.ID, "CTO", ceo.ID)
	dev := newPerson(t, s, a.ID, "Lead developer", cto.ID)
	qa := newPerson(t, s, a.ID, "QA lead", cto.ID)

	entry, err := s.DeletePerson(cto.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{dev.ID, qa.ID} {
		p, _ := s.Person(id)
		if p.ReportsTo != ceo.ID {
			t.Errorf("%s reports to %q after deleting the CTO, want the CEO %q", p.Name, p.ReportsTo, ceo.ID)
		}
	}
	// An edit made after the deletion survives the undo.
	q, _ := s.Person(qa.ID)
	q.ReportsTo = ""
	if err := s.SavePerson(&q); err != nil {
		t.Fatal(err)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Person(dev.ID); p.ReportsTo != cto.ID {
		t.Errorf("after undo the developer reports to %q, want the CTO", p.ReportsTo)
	}
	if p, _ := s.Person(qa.ID); p.ReportsTo != "" {
		t.Errorf("after undo the QA lead reports to %q, want the edit kept (nobody)", p.ReportsTo)
	}
	if p, err := s.Person(cto.ID); err != nil || p.ReportsTo != ceo.ID {
		t.Errorf("restored CTO = %+v, %v", p, err)
	}
}

func TestDeleteTeamMemberClearsOwner(t *testing.T) {
	s := open(t, t.TempDir())
	m := dossier.TeamMember{Name: "Mira Holt", Position: "Key account manager", Email: "mira@kamdesk.example"}
	if err := s.SaveTeamMember(&m); err != nil {
		t.Fatal(err)
	}
	a := dossier.Account{Name: "Zeta", Tier: dossier.TierValued, Owner: m.ID}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	entry, err := s.DeleteTeamMember(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Account(a.ID)
	if got.Owner != "" {
		t.Errorf("owner after deleting the member = %q, want none", got.Owner)
	}
	got.Notes = "still editable"
	if err := s.SaveAccount(&got); err != nil {
		t.Errorf("saving the account after its owner was deleted: %v", err)
	}
	// The account was edited since, so undo brings the member back but
	// leaves the edited account alone.
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TeamMember(m.ID); err != nil {
		t.Errorf("restored member: %v", err)
	}
}

func TestFiles(t *testing.T) {
	s := open(t, t.TempDir())
	data := bytes.Repeat([]byte("tender documents "), 100000) // 1.7 MB: four chunks
	att, err := s.PutFile("../../Tender 2027 <final>.pdf", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if att.Name != "Tender 2027 _final_.pdf" || att.Size != int64(len(data)) {
		t.Errorf("attachment = %+v, want a safe name and size %d", att, len(data))
	}
	got, err := s.File(att)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("File() returned %d bytes, %v; want %d bytes back", len(got), err, len(data))
	}
	empty, err := s.PutFile("empty.txt", bytes.NewReader(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.File(empty); err != nil || len(got) != 0 {
		t.Errorf("empty file = %q, %v", got, err)
	}
	tooBig := &zeroReader{n: dossier.MaxFile + 1}
	if _, err := s.PutFile("huge.bin", tooBig); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("PutFile(50 MB + 1) = %v, want ErrInvalid", err)
	}
	att.SHA256 = strings.Repeat("0", 64)
	if _, err := s.File(att); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("File(wrong checksum) = %v, want ErrDamaged", err)
	}
}

type zeroReader struct{ n int64 }

func (z *zeroReader) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, os.ErrClosed
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	clear(p)
	z.n -= int64(len(p))
	return len(p), nil
}

func TestLockedWorkspace(t *testing.T) {
	dir := t.TempDir()
	open(t, dir)
	start := time.Now()
	_, err := store.Open(dir, store.Options{NoGC: true})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
	abs, _ := filepath.Abs(dir)
	if want := "kamdesk is already open on " + abs; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("second Open took %v, want under a second", d)
	}
}

func TestDamagedWorkspace(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	newAccount(t, s, "Eta")
	s.Close()
	if err := os.WriteFile(filepath.Join(dir, "db", "MANIFEST"), []byte("this is not a manifest at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(dir, store.Options{NoGC: true})
	if !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Open(damaged) = %v, want ErrDamaged", err)
	}
	if !strings.Contains(err.Error(), "damaged") || strings.Contains(err.Error(), "\n") {
		t.Errorf("message = %q, want one line saying damaged", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	s.Close()
	db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte("meta/schema"), binary.BigEndian.AppendUint32(nil, store.SchemaVersion+1))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(dir, store.Options{NoGC: true}); !errors.Is(err, store.ErrTooNew) {
		t.Errorf("Open(newer schema) = %v, want ErrTooNew", err)
	}
}

func TestRules(t *testing.T) {
	s := open(t, t.TempDir())
	r, err := s.Rules()
	if err != nil || r != dossier.DefaultRules() {
		t.Errorf("Rules() of a new workspace = %+v, %v; want the defaults", r, err)
	}
	r.TenderPrepMonths = 6
	if err := s.SaveRules(r); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Rules(); got.TenderPrepMonths != 6 {
		t.Errorf("TenderPrepMonths = %d, want 6", got.TenderPrepMonths)
	}
	r.MonoDependencePercent = 0
	if err := s.SaveRules(r); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("SaveRules(0%%) = %v, want ErrInvalid", err)
	}
}

// TestMovedEventLeavesItsOldAccount: a record of an account-indexed kind
// saved under another account is listed there only.
func TestMovedEventLeavesItsOldAccount(t *testing.T) {
	s := open(t, t.TempDir())
	a, b := newAccount(t, s, "Iota"), newAccount(t, s, "Kappa")
	e := dossier.Event{AccountID: a.ID, Kind: dossier.EventNote, Date: dossier.MustDate("2026-11-20"), Title: "Filed under the wrong account"}
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	e.AccountID = b.ID
	if err := s.SaveEvent(&e); err != nil {
		t.Fatal(err)
	}
	ea, _ := s.Events(a.ID)
	eb, _ := s.Events(b.ID)
	if len(ea) != 0 || len(eb) != 1 {
		t.Errorf("after the move: %d events under Iota, %d under Kappa; want 0 and 1", len(ea), len(eb))
	}
}

// TestHasAccounts: an empty workspace, or one with only team members and
// sections, has no accounts; one with an account has.
func TestHasAccounts(t *testing.T) {
	s := open(t, t.TempDir())
	has := func(want bool) {
		t.Helper()
		if got, err := s.HasAccounts(); err != nil || got != want {
			t.Fatalf("HasAccounts() = %v, %v; want %v", got, err, want)
		}
	}
	has(false)
	m := dossier.TeamMember{Name: "Mara Lindqvist", Position: "Key Account Director"}
	if err := s.SaveTeamMember(&m); err != nil {
		t.Fatal(err)
	}
	newSection(t, s, "Covering letter", proposal.KindOther)
	has(false)
	newAccount(t, s, "Northbridge")
	has(true)
}
