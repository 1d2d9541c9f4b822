package store_test

import (
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The proposal of the sample workspace these tests export.
const exported = "prop-northbridge-modular-controls"

// exportsOpts opens as `kamdesk proposal export` does; readOpts as a
// command that lists or shows.
var (
	exportsOpts = store.Options{NoGC: true, NoBackup: true, ForReading: true, RecordsExports: true, Now: func() time.Time { return fixedNow }}
	readOpts    = store.Options{NoGC: true, NoBackup: true, ForReading: true, Now: func() time.Time { return fixedNow }}
)

func anExport(n int, a proposal.Audience) proposal.Export {
	return proposal.Export{At: fixedNow.Add(time.Duration(n) * time.Minute), Audience: a, Format: "html",
		File: fmt.Sprintf("/home/kam/exports/Northbridge Build Group - Modular controls - %d.html", n)}
}

func openOpts(t *testing.T, dir string, o store.Options) *store.Store {
	t.Helper()
	s, err := store.Open(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func exportsOf(t *testing.T, dir string) []proposal.Export {
	t.Helper()
	s := openOpts(t, dir, store.Options{NoGC: true, NoBackup: true, Now: func() time.Time { return fixedNow }})
	defer s.Close()
	p, err := s.Proposal(exported)
	if err != nil {
		t.Fatal(err)
	}
	return p.Exports
}

func pendingFile(dir string) string { return filepath.Join(dir, "exports.pending") }

func hasPending(dir string) bool {
	_, err := os.Stat(pendingFile(dir))
	return err == nil
}

// recordForReading records exports as `proposal export` does, through a
// store open for reading, and checks the database was not written.
func recordForReading(t *testing.T, dir string, exports ...proposal.Export) {
	t.Helper()
	before := digests(t, filepath.Join(dir, "db"))
	s := openOpts(t, dir, exportsOpts)
	if a := (dossier.Account{Name: "Probe", Tier: dossier.TierKey}); !errors.Is(s.CreateAccount(&a), store.ErrReadOnly) {
		t.Fatal("the workspace opened for writing; the test wants the pending-exports path")
	}
	if err := s.RecordExports(exported, exports); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after := digests(t, filepath.Join(dir, "db")); !equalMaps(before, after) {
		t.Errorf("recording exports for reading wrote the database:\n%s", diffMaps(before, after))
	}
	if !hasPending(dir) {
		t.Fatal("no exports.pending after recording exports for reading")
	}
}

func wantExports(t *testing.T, got []proposal.Export, want ...proposal.Export) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("the proposal records %d exports, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if !got[i].At.Equal(want[i].At) || got[i].Audience != want[i].Audience || got[i].Format != want[i].Format || got[i].File != want[i].File {
			t.Errorf("export %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestExportsRecordedForReading: an export recorded by a store open for
// reading leaves the database as it is, waits in exports.pending (further
// exports too), is seen by the next command that shows the proposal (its
// open for reading writes them first) and is recorded once only.
func TestExportsRecordedForReading(t *testing.T) {
	dir := sampleWorkspace(t)
	before := exportsOf(t, dir)
	e1, e2, e3, e4 := anExport(1, proposal.Executive), anExport(2, proposal.Finance), anExport(3, proposal.All), anExport(4, proposal.HR)
	recordForReading(t, dir, e1)
	recordForReading(t, dir, e2, e3) // a second export does not need the first recorded
	recordForReading(t, dir, e4)

	s := openOpts(t, dir, readOpts)
	p, err := s.Proposal(exported)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	wantExports(t, p.Exports, append(before, e1, e2, e3, e4)...)
	if hasPending(dir) {
		t.Error("exports.pending is still there once its exports are recorded")
	}

	// A crash after the exports were recorded, before the file went: the
	// next open finds them recorded already.
	recordForReading(t, dir, e1, e4)
	wantExports(t, exportsOf(t, dir), append(before, e1, e2, e3, e4)...)
	if hasPending(dir) {
		t.Error("exports.pending is still there")
	}
}

// TestPendingExportsDamaged: lines of exports.pending that a crash cut
// short, that are damaged, or whose proposal is gone are left out and
// logged; the lines around them are recorded, and an export appended
// after a line cut short is whole.
func TestPendingExportsDamaged(t *testing.T) {
	dir := sampleWorkspace(t)
	before := exportsOf(t, dir)
	line := func(proposalID string, e proposal.Export) string {
		body := fmt.Sprintf(`{"proposal":%q,"exports":[{"at":%q,"audience":%q,"format":%q,"file":%q}]}`,
			proposalID, e.At.Format(time.RFC3339), e.Audience, e.Format, e.File)
		return fmt.Sprintf("%08x %s\n", crc32.Checksum([]byte(body), crc32.MakeTable(crc32.Castagnoli)), body)
	}
	good, gone := anExport(1, proposal.Executive), anExport(2, proposal.Finance)
	damaged := strings.Replace(line(exported, anExport(3, proposal.HR)), "hr", "it", 1)
	badAudience := line(exported, proposal.Export{At: fixedNow, Audience: "board", Format: "html", File: "/x.html"})
	cut := line(exported, anExport(4, proposal.Technical))
	content := line(exported, good) + damaged + "not a line\n" + badAudience + line("prop-gone", gone) + cut[:len(cut)/2]
	if err := os.WriteFile(pendingFile(dir), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	after := anExport(5, proposal.All)
	recordForReading(t, dir, after)

	wantExports(t, exportsOf(t, dir), append(before, good, after)...)
	if hasPending(dir) {
		t.Error("exports.pending is still there")
	}
	log, err := os.ReadFile(filepath.Join(dir, "kamdesk.log"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"line 2: damaged (checksum)", "line 3: no checksum", `line 4: audience "board"`,
		"line 6: damaged", "prop-gone no longer exists"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("kamdesk.log does not say %q:\n%s", want, log)
		}
	}
}

// TestRecordExportsRefused: a workspace open read-only, or for reading
// without RecordsExports, refuses exports to record; a store checks them
// first, naming what is wrong.
func TestRecordExportsRefused(t *testing.T) {
	dir := sampleWorkspace(t)
	for name, o := range map[string]store.Options{
		"read-only":   {NoGC: true, ReadOnly: true},
		"for reading": readOpts,
	} {
		s := openOpts(t, dir, o)
		err := s.RecordExports(exported, []proposal.Export{anExport(1, proposal.HR)})
		s.Close()
		if !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("%s: %v, want ErrReadOnly", name, err)
		}
	}
	if hasPending(dir) {
		t.Error("a refused record left exports.pending")
	}
	s := openOpts(t, dir, exportsOpts)
	defer s.Close()
	bad := anExport(1, proposal.HR)
	bad.Format = "docx"
	if err := s.RecordExports(exported, []proposal.Export{bad}); !errors.Is(err, dossier.ErrInvalid) || !strings.Contains(err.Error(), `format "docx"`) {
		t.Errorf("an export as docx: %v, want ErrInvalid naming the format", err)
	}
	if err := s.RecordExports("../etc", []proposal.Export{anExport(1, proposal.HR)}); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("a bad proposal ID: %v, want ErrInvalid", err)
	}
	if hasPending(dir) {
		t.Error("a refused record left exports.pending")
	}
}

// TestPendingExportsNeverInTheClear: an encrypted workspace records an
// export at once (it opens for writing), and encrypting a workspace
// records the exports waiting first, so that no file shows a client's
// name in the clear.
func TestPendingExportsNeverInTheClear(t *testing.T) {
	dir := sampleWorkspace(t)
	before := exportsOf(t, dir)
	e1, e2 := anExport(1, proposal.Executive), anExport(2, proposal.Finance)
	recordForReading(t, dir, e1)
	const pass = "correct horse battery"
	if err := store.Encrypt(dir, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	if hasPending(dir) {
		t.Error("exports.pending survived the encryption")
	}
	// Closed properly once, so that it could open for reading.
	openOpts(t, dir, store.Options{NoGC: true, NoBackup: true, Passphrase: []byte(pass)}).Close()
	o := exportsOpts
	o.Passphrase = []byte(pass)
	s := openOpts(t, dir, o)
	if err := s.RecordExports(exported, []proposal.Export{e2}); err != nil {
		t.Fatal(err)
	}
	if hasPending(dir) {
		t.Error("an encrypted workspace wrote exports.pending")
	}
	p, err := s.Proposal(exported)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	wantExports(t, p.Exports, append(before, e1, e2)...)
	if found := readable(t, dir); len(found) > 0 {
		t.Errorf("readable in the encrypted workspace: %v", found)
	}
}

// TestRestoreSetsPendingExportsAside: exports waiting to be recorded in
// the database a restore replaces go aside with it.
func TestRestoreSetsPendingExportsAside(t *testing.T) {
	dir := sampleWorkspace(t)
	s := openOpts(t, dir, store.Options{NoGC: true, NoBackup: true})
	b, err := s.BackUp()
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := exportsOf(t, dir)
	recordForReading(t, dir, anExport(1, proposal.Executive))
	res, err := store.Restore(dir, b.Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hasPending(dir) {
		t.Error("exports.pending stayed with the restored database")
	}
	if _, err := os.Stat(filepath.Join(res.Aside, "exports.pending")); err != nil {
		t.Errorf("exports.pending is not beside the replaced database: %v", err)
	}
	wantExports(t, exportsOf(t, dir), before...)
}
