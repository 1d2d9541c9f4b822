package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/app/handover"
	"kamdesk/app/store"
)

// TestAccountExport: account export writes one bundle with a one-line
// summary, --json reports its counts, and an existing file is never
// written over.
func TestAccountExport(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "northbridge.kamdesk")
	out := mustRun(t, dir, "account", "export", "northbridge", "-o", file)
	if !strings.HasPrefix(out, "Wrote "+file+": Northbridge") || strings.Count(out, "\n") != 1 {
		t.Errorf("export said %q", out)
	}
	if r := run(t, dir, "account", "export", "northbridge", "--output", file); r.code == 0 || !strings.Contains(r.stderr, "exists already") {
		t.Errorf("an export over an existing file: %+v", r)
	}
	other := filepath.Join(t.TempDir(), "b.kamdesk")
	v := decode[map[string]any](t, mustRun(t, dir, "account", "export", "northbridge", "--output", other, "--json"))
	recs, _ := v["records"].(map[string]any)
	if v["account"] != "northbridge" || recs["people"] != float64(6) || recs["proposals"] == float64(0) || recs["sent_copies"] == float64(0) {
		t.Errorf("export --json: %v", v)
	}
	if r := run(t, dir, "account", "export", "nobody", "-o", filepath.Join(t.TempDir(), "x.kamdesk")); r.code == 0 || !strings.Contains(r.stderr, "nobody") {
		t.Errorf("export of a missing account: %+v", r)
	}
	if left, _ := os.ReadDir(filepath.Dir(file)); len(left) != 1 {
		t.Errorf("files beside the bundle: %v", left)
	}
}

// openStore opens the workspace dir for a test to read or change it
// directly; it is closed when the test ends or by the returned func.
func openStore(t *testing.T, dir string) (*store.Store, func()) {
	t.Helper()
	st, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	return st, func() { st.Close() }
}

// records is the bundle of acct in dir as JSON, one line a record,
// without the time stamps each workspace gives a record it writes.
func records(t *testing.T, dir, acct string) map[string]string {
	t.Helper()
	st, done := openStore(t, dir)
	defer done()
	b, err := handover.Gather(st, acct, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	add := func(kind, id string, v any) {
		j, _ := json.Marshal(v)
		var m map[string]any
		json.Unmarshal(j, &m)
		delete(m, "created")
		delete(m, "updated")
		j, _ = json.Marshal(m)
		out[kind+"/"+id] = string(j)
	}
	add("account", b.Account.ID, b.Account)
	for _, r := range b.People {
		add("person", r.ID, r)
	}
	for _, r := range b.Events {
		add("event", r.ID, r)
	}
	for _, r := range b.Promises {
		add("promise", r.ID, r)
	}
	for _, r := range b.Proposals {
		add("proposal", r.ID, r)
	}
	for _, r := range b.Sent {
		add("sent", r.ProposalID+"/"+r.ID, r)
	}
	for _, r := range b.Sections {
		add("section", r.ID, r)
	}
	for _, r := range b.Team {
		add("team", r.ID, r)
	}
	for _, r := range b.References {
		add("reference", r.ID, r)
	}
	for id, data := range b.Files {
		out["file/"+id] = string(data)
	}
	return out
}

func sameRecords(t *testing.T, got, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s is missing", k)
		} else if g != w {
			t.Errorf("%s:\n got %s\nwant %s", k, g, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s is there but should not be", k)
		}
	}
}

// attach gives the first event of acct in dir an attachment.
func attach(t *testing.T, dir, acct string, data string) {
	t.Helper()
	st, done := openStore(t, dir)
	defer done()
	ev, err := st.Events(acct)
	if err != nil || len(ev) == 0 {
		t.Fatalf("events of %s: %v, %v", acct, ev, err)
	}
	a, err := st.PutFile("minutes.txt", strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	ev[0].Attachments = append(ev[0].Attachments, a)
	if err := st.SaveEvent(&ev[0]); err != nil {
		t.Fatal(err)
	}
}

// TestHandoverRoundTrip: an account of the sample exported and imported
// into an empty workspace arrives record by record (every kind, the
// attachment's bytes, the sent copies); importing it again changes
// nothing and finds nothing that differs.
func TestHandoverRoundTrip(t *testing.T) {
	from := demo(t)
	attach(t, from, "northbridge", strings.Repeat("Minutes of the plant visit. ", 40_000))
	file := exported(t, from, "northbridge")
	want := records(t, from, "northbridge")
	if !hasPrefix(want, "sent/") || !hasPrefix(want, "file/") || !hasPrefix(want, "section/") || !hasPrefix(want, "team/") || !hasPrefix(want, "reference/") {
		t.Fatalf("the export holds too little to test: %v", keys(want))
	}
	to := t.TempDir()
	out := mustRun(t, to, "import", file)
	if !strings.Contains(out, fmt.Sprintf("Imported: %d added, 0 replaced.", len(want)-countPrefix(want, "sent/")-countPrefix(want, "file/"))) {
		t.Errorf("import said %q", out)
	}
	sameRecords(t, records(t, to, "northbridge"), want)

	before := mustRun(t, to, "account", "show", "northbridge", "--json")
	v := decode[map[string]any](t, mustRun(t, to, "import", file, "--json"))
	if len(v["conflicts"].([]any)) != 0 || len(v["new"].([]any)) != 0 || v["added"] != float64(0) {
		t.Errorf("importing again: %v", v)
	}
	if after := mustRun(t, to, "account", "show", "northbridge", "--json"); after != before {
		t.Error("importing again changed the account")
	}
}

// TestImportConflicts: a person and a proposal changed on one side are
// listed field by field; without --take nothing is written and the exit
// is not zero; --dry-run writes nothing; --take mine keeps the
// workspace's versions and adds what is new; --take theirs takes the
// bundle's.
func TestImportConflicts(t *testing.T) {
	from, to, _ := handedOver(t, "castellan")

	// A promise is added on the bundle's side.
	st, done := openStore(t, from)
	promises, _ := st.Promises("castellan")
	promise := promises[0]
	promise.ID, promise.Text = "", "Send the handover notes to the new owner."
	if err := st.CreatePromise(&promise); err != nil {
		t.Fatal(err)
	}
	done()
	file := exported(t, from, "castellan")
	want := records(t, from, "castellan")

	// A person and a proposal are changed on the workspace's side.
	st, done = openStore(t, to)
	people, _ := st.People("castellan")
	person := people[0]
	person.Position = "Head of Handovers"
	if err := st.SavePerson(&person); err != nil {
		t.Fatal(err)
	}
	props, _ := st.Proposals("castellan")
	prop := props[0]
	prop.Title = "Renamed here"
	if err := st.SaveProposal(&prop); err != nil {
		t.Fatal(err)
	}
	done()
	mine := records(t, to, "castellan")

	r := run(t, to, "import", file)
	for _, s := range []string{"position: Head of Handovers → ", "title: Renamed here → ", "--take mine", "--take theirs", "+ promise Send the handover notes"} {
		if !strings.Contains(r.stdout+r.stderr, s) {
			t.Errorf("import without --take does not say %q:\n%s%s", s, r.stdout, r.stderr)
		}
	}
	if r.code == 0 {
		t.Error("import with conflicts and without --take exited 0")
	}
	sameRecords(t, records(t, to, "castellan"), mine)

	v := decode[map[string]any](t, mustRun(t, to, "import", file, "--take", "theirs", "--dry-run", "--json"))
	if len(v["conflicts"].([]any)) != 2 || len(v["new"].([]any)) != 1 || v["written"] != false {
		t.Errorf("--dry-run --json: %v", v)
	}
	sameRecords(t, records(t, to, "castellan"), mine)

	if r := run(t, to, "import", file, "--take", "both"); r.code == 0 {
		t.Errorf("--take both: %+v", r)
	}

	if out := mustRun(t, to, "import", file, "--take", "mine"); !strings.Contains(out, "Imported: 1 added, 0 replaced.") {
		t.Errorf("--take mine said %q", out)
	}
	got := records(t, to, "castellan")
	for k := range want {
		if w := mine[k]; w == "" && got[k] != want[k] || w != "" && got[k] != w {
			t.Errorf("after --take mine %s is not what it should be", k)
		}
	}

	if out := mustRun(t, to, "import", file, "--take", "theirs"); !strings.Contains(out, "Imported: 0 added, 2 replaced.") {
		t.Errorf("--take theirs said %q", out)
	}
	sameRecords(t, records(t, to, "castellan"), want)
}

// TestImportRefusesBrokenBundles: a tampered, cut short, foreign or
// oversized bundle is refused with a message naming it, and nothing is
// written.
func TestImportRefusesBrokenBundles(t *testing.T) {
	file := exported(t, demo(t), "northbridge")
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"cut short": good[:len(good)/2],
		"not a zip": []byte("name,company\nAnna,Northbridge\n"),
		"one byte":  flip(good, len(good)/2),
		"manifest":  flip(good, 60),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.kamdesk")
			os.WriteFile(bad, data, 0o600)
			to := t.TempDir()
			r := run(t, to, "import", bad)
			if r.code == 0 || !strings.Contains(r.stderr, bad) {
				t.Fatalf("import of a bundle with %s: %+v", name, r)
			}
			if out := mustRun(t, to, "account", "list"); strings.Contains(out, "northbridge") {
				t.Errorf("a refused import wrote records:\n%s", out)
			}
		})
	}
}

// exported exports the account acct of the workspace dir into a bundle
// of its own and returns the bundle's path.
func exported(t *testing.T, dir, acct string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), acct+".kamdesk")
	mustRun(t, dir, "account", "export", acct, "-o", file)
	return file
}

// handedOver is the sample workspace (from) and an empty one (to) into
// which the sample's account acct was imported from the bundle file: two
// workspaces that hold the account alike.
func handedOver(t *testing.T, acct string) (from, to, file string) {
	t.Helper()
	from = demo(t)
	file = exported(t, from, acct)
	to = t.TempDir()
	mustRun(t, to, "import", file)
	return from, to, file
}

// forge makes a copy of the bundle file with change made to its contents,
// written as a bundle that checks out.
func forge(t *testing.T, file string, change func(b *handover.Bundle)) string {
	t.Helper()
	b, err := handover.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	change(b)
	out := filepath.Join(t.TempDir(), "forged.kamdesk")
	if err := handover.WriteFile(out, b); err != nil {
		t.Fatal(err)
	}
	return out
}

// flip returns a copy of b with the byte at i changed.
func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0x20
	return c
}

func hasPrefix(m map[string]string, p string) bool { return countPrefix(m, p) > 0 }

func countPrefix(m map[string]string, p string) int {
	n := 0
	for k := range m {
		if strings.HasPrefix(k, p) {
			n++
		}
	}
	return n
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

const modular = "prop-northbridge-modular-controls" // sent in the sample

// TestImportAddsTheBundlesSendings: a bundle whose proposal was revised
// and sent again in the other workspace lists the sending it adds in
// words; --dry-run says so and writes nothing; --take theirs adds the
// sending with its copy, byte for byte, keeps the one on record and puts
// a note of the change on the timeline; importing again finds nothing
// that differs.
func TestImportAddsTheBundlesSendings(t *testing.T) {
	from, to, _ := handedOver(t, "northbridge")
	mustRun(t, from, "proposal", "revise", modular)
	mustRun(t, from, "proposal", "sent", modular, "--on", "2026-11-24", "--audience", "executive")
	file := exported(t, from, "northbridge")
	sentThere := filepath.Join(t.TempDir(), "there.html")
	mustRun(t, from, "proposal", "sent-copy", modular, "--sending", "2", "-o", sentThere)
	mine := records(t, to, "northbridge")

	adds := "sendings: 1 here, 2 in the bundle (adds: 2026-11-24 to Anna Keller (Executive))"
	r := run(t, to, "import", file)
	if r.code == 0 || !strings.Contains(r.stdout, adds) || strings.Contains(r.stdout, `[{"`) {
		t.Errorf("import without --take: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	dry := mustRun(t, to, "import", file, "--take", "theirs", "--dry-run")
	for _, s := range []string{adds, "A note of the change goes on the account's timeline.", "Dry run: nothing was written."} {
		if !strings.Contains(dry, s) {
			t.Errorf("--dry-run does not say %q:\n%s", s, dry)
		}
	}
	sameRecords(t, records(t, to, "northbridge"), mine)

	if out := mustRun(t, to, "import", file, "--take", "theirs"); !strings.Contains(out, "Imported: 1 added, 1 replaced.") {
		t.Errorf("--take theirs said %q", out)
	}
	h := decode[map[string]any](t, mustRun(t, to, "proposal", "history", modular, "--json"))
	if s, _ := h["sendings"].([]any); h["revision"] != 2.0 || h["sent_revision"] != 2.0 || len(s) != 2 {
		t.Errorf("history after --take theirs: %v", h)
	}
	sentHere := filepath.Join(t.TempDir(), "here.html")
	mustRun(t, to, "proposal", "sent-copy", modular, "--sending", "2", "-o", sentHere)
	if a, b := readFile(t, sentThere), readFile(t, sentHere); a != b || a == "" {
		t.Error("the copy of the sending added is not the one the other workspace keeps")
	}
	if tl := mustRun(t, to, "account", "show", "northbridge"); !strings.Contains(tl, "taken from the handover bundle") || !strings.Contains(tl, adds) {
		t.Errorf("no note of the change on the timeline:\n%s", tl)
	}
	v := decode[map[string]any](t, mustRun(t, to, "import", file, "--json"))
	if len(v["conflicts"].([]any)) != 0 || len(v["new"].([]any)) != 0 {
		t.Errorf("importing again: %v", v)
	}
}

// TestImportKeepsTheSendingsHere: a proposal sent here after the bundle
// was made, whose draft the other workspace changed: --take theirs keeps
// the sending, its copy and the follow-up, and the bundle's terms start
// revision 2, as an edit after sending does.
func TestImportKeepsTheSendingsHere(t *testing.T) {
	const calm = "prop-castellan-calm-rollout" // a draft in the sample
	from, to, _ := handedOver(t, "castellan")
	mustRun(t, to, "proposal", "sent", calm, "--on", "2026-11-24", "--audience", "executive")
	sentHere := filepath.Join(t.TempDir(), "v1.html")
	mustRun(t, to, "proposal", "sent-copy", calm, "-o", sentHere)

	csv := filepath.Join(t.TempDir(), "pricing.csv")
	os.WriteFile(csv, []byte("description,quantity,unit,unit_price,discount,currency\nThermostats,230,unit,150,5,GBP\n"), 0o600)
	mustRun(t, from, "proposal", "pricing", calm, "--csv", csv)
	file := exported(t, from, "castellan")

	dry := mustRun(t, to, "import", file, "--take", "theirs", "--dry-run")
	for _, s := range []string{
		"sendings: 1 here, 0 in the bundle (keeps: 2026-11-24 to Marco Della Verde (Executive))",
		"pricing: 3 here, 1 in the bundle (added: Thermostats; removed: ",
		"starts revision 2 with its terms: revision 1 was sent with other terms, which stay on record.",
		"The status and the follow-up calls stay as they are here",
	} {
		if !strings.Contains(dry, s) {
			t.Errorf("--dry-run does not say %q:\n%s", s, dry)
		}
	}
	if out := mustRun(t, to, "import", file, "--take", "theirs"); !strings.Contains(out, "Imported: 0 added, 1 replaced.") {
		t.Errorf("--take theirs said %q", out)
	}
	h := decode[map[string]any](t, mustRun(t, to, "proposal", "history", calm, "--json"))
	if s, _ := h["sendings"].([]any); h["revision"] != 2.0 || h["sent_revision"] != 1.0 || len(s) != 1 {
		t.Errorf("history after --take theirs: %v", h)
	}
	show := mustRun(t, to, "proposal", "show", calm)
	if !strings.Contains(show, "Thermostats") || !strings.Contains(show, "Status: Sent") {
		t.Errorf("after --take theirs:\n%s", show)
	}
	again := filepath.Join(t.TempDir(), "again.html")
	mustRun(t, to, "proposal", "sent-copy", calm, "-o", again)
	if readFile(t, again) != readFile(t, sentHere) {
		t.Error("the copy of what was sent here changed")
	}
}

// TestImportRefusesASendingThatDiffers: a bundle whose record of a
// sending differs from the one on record here (same sending, other
// recipients) is not taken, whichever side is chosen: the report says
// why, the import writes the rest, and the proposal stays as it is.
func TestImportRefusesASendingThatDiffers(t *testing.T) {
	_, to, file := handedOver(t, "northbridge")
	var person string
	forged := forge(t, file, func(b *handover.Bundle) {
		for i := range b.Proposals {
			if b.Proposals[i].ID == modular {
				b.Proposals[i].Sendings[0].Variants[0].People = []string{"Somebody Else"}
				b.Proposals[i].Title = "Renamed in the bundle"
			}
		}
		b.People[0].Position = "Head of Handovers"
		person = b.People[0].ID
	})
	before := mustRun(t, to, "proposal", "history", modular, "--json")

	out := mustRun(t, to, "import", forged, "--take", "theirs")
	for _, s := range []string{"sendings: 1 here, 1 in the bundle (differs: ", "cannot be taken",
		"is on record in both versions with different contents", "Imported: 0 added, 1 replaced.",
		"1 record that differs stays as it is here"} {
		if !strings.Contains(out, s) {
			t.Errorf("the import does not say %q:\n%s", s, out)
		}
	}
	if after := mustRun(t, to, "proposal", "history", modular, "--json"); after != before {
		t.Errorf("the proposal changed:\n%s\nwas\n%s", after, before)
	}
	if p := records(t, to, "northbridge")["person/"+person]; !strings.Contains(p, "Head of Handovers") {
		t.Errorf("the rest was not imported: %s", p)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// danglingSent lists the timeline entries of acct in dir that refer to a
// sent copy the workspace does not have.
func danglingSent(t *testing.T, dir, acct string) []string {
	t.Helper()
	st, done := openStore(t, dir)
	defer done()
	events, err := st.Events(acct)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range events {
		if prop, snap, ok := strings.Cut(e.Sent, "/"); ok {
			if _, err := st.Snapshot(prop, snap); err != nil {
				out = append(out, e.Title+" → "+e.Sent+": "+err.Error())
			}
		}
	}
	return out
}

// sentAgainThere revises and sends the sample's modular proposal again
// in workspace from, on 2026-11-24, and returns the timeline entry that
// records it, which refers to the new sent copy.
func sentAgainThere(t *testing.T, from string) (id, title, sent string) {
	t.Helper()
	mustRun(t, from, "proposal", "revise", modular)
	mustRun(t, from, "proposal", "sent", modular, "--on", "2026-11-24", "--audience", "executive")
	st, done := openStore(t, from)
	defer done()
	events, _ := st.Events("northbridge")
	for _, e := range events {
		if strings.HasPrefix(e.Sent, modular+"/") && e.Date.String() == "2026-11-24" {
			return e.ID, e.Title, e.Sent
		}
	}
	t.Fatal("no timeline entry of the sending")
	return
}

// TestImportLeavesOutEntriesOfSendingsKeptThere: a bundle whose proposal
// was sent again in the other workspace, imported with --take mine, does
// not bring the timeline entry of that sending (its copy stays in the
// other workspace): the report, --dry-run and --json say so, the timeline
// points at no copy it lacks, and --take theirs later brings the entry
// with its copy.
func TestImportLeavesOutEntriesOfSendingsKeptThere(t *testing.T) {
	from, to, _ := handedOver(t, "northbridge")
	id, title, sent := sentAgainThere(t, from)
	file := exported(t, from, "northbridge")
	mine := records(t, to, "northbridge")

	leftOut := "1 timeline entry about a sending that stays in the other workspace was not imported"
	r := run(t, to, "import", file)
	if !strings.Contains(r.stdout, "Keeping this version leaves out 1 timeline entry of the bundle") {
		t.Errorf("the report does not say what keeping the proposal leaves out:\n%s", r.stdout)
	}
	dry := mustRun(t, to, "import", file, "--take", "mine", "--dry-run")
	for _, s := range []string{"would not be imported", "2026-11-24 " + title, "Dry run: nothing was written."} {
		if !strings.Contains(dry, s) {
			t.Errorf("--take mine --dry-run does not say %q:\n%s", s, dry)
		}
	}
	v := decode[map[string]any](t, mustRun(t, to, "import", file, "--take", "mine", "--dry-run", "--json"))
	lo, _ := v["left_out"].([]any)
	if len(lo) != 1 || lo[0].(map[string]any)["id"] != id || lo[0].(map[string]any)["sent"] != sent {
		t.Errorf("--dry-run --json left_out: %v", v["left_out"])
	}
	sameRecords(t, records(t, to, "northbridge"), mine)

	out := mustRun(t, to, "import", file, "--take", "mine")
	if !strings.Contains(out, "Imported: 0 added, 0 replaced.") || !strings.Contains(out, leftOut) {
		t.Errorf("--take mine said %q", out)
	}
	if d := danglingSent(t, to, "northbridge"); len(d) > 0 {
		t.Errorf("after --take mine the timeline points at copies it lacks: %v", d)
	}
	sameRecords(t, records(t, to, "northbridge"), mine)

	if out := mustRun(t, to, "import", file, "--take", "theirs"); strings.Contains(out, "not imported") || !strings.Contains(out, "Imported: 1 added, 1 replaced.") {
		t.Errorf("--take theirs said %q", out)
	}
	if e := records(t, to, "northbridge")["event/"+id]; !strings.Contains(e, sent) {
		t.Errorf("--take theirs did not bring the entry of the sending: %q", e)
	}
	if d := danglingSent(t, to, "northbridge"); len(d) > 0 {
		t.Errorf("after --take theirs: %v", d)
	}
}

// TestImportLeavesOutEntriesOfARefusedProposal: a proposal that cannot be
// taken (a sending differs) keeps the other workspace's later sending
// there, so its timeline entry is left out with --take theirs too, and
// the import says so.
func TestImportLeavesOutEntriesOfARefusedProposal(t *testing.T) {
	from, to, _ := handedOver(t, "northbridge")
	_, title, _ := sentAgainThere(t, from)
	forged := forge(t, exported(t, from, "northbridge"), func(b *handover.Bundle) {
		for i := range b.Proposals {
			if b.Proposals[i].ID == modular {
				b.Proposals[i].Sendings[0].Variants[0].People = []string{"Somebody Else"}
			}
		}
	})
	out := mustRun(t, to, "import", forged, "--take", "theirs")
	for _, s := range []string{"cannot be taken", "2026-11-24 " + title,
		"1 timeline entry about a sending that stays in the other workspace was not imported"} {
		if !strings.Contains(out, s) {
			t.Errorf("the import does not say %q:\n%s", s, out)
		}
	}
	if d := danglingSent(t, to, "northbridge"); len(d) > 0 {
		t.Errorf("the timeline points at copies it lacks: %v", d)
	}
}

// TestImportChoosesRecordByRecord: a bundle with a person and a proposal
// changed in the other workspace: --take-theirs takes the person's
// change only, --take-mine keeps the proposal here, record by record in
// the store; a record not chosen follows --take, and without it nothing
// is written; an ID that names no record that differs, or is named on
// both sides, is refused before anything is written.
func TestImportChoosesRecordByRecord(t *testing.T) {
	const calm = "prop-castellan-calm-rollout" // a draft in the sample
	from, to, _ := handedOver(t, "castellan")

	st, done := openStore(t, from)
	people, _ := st.People("castellan")
	person := people[0]
	person.Position = "Head of Handovers"
	if err := st.SavePerson(&person); err != nil {
		t.Fatal(err)
	}
	prop, _ := st.Proposal(calm)
	prop.Title = "Renamed in the other workspace"
	if err := st.SaveProposal(&prop); err != nil {
		t.Fatal(err)
	}
	done()
	file := exported(t, from, "castellan")
	theirs, mine := records(t, from, "castellan"), records(t, to, "castellan")
	pKey, propKey := "person/"+person.ID, "proposal/"+calm

	r := run(t, to, "import", file, "--take-theirs", person.ID)
	if r.code == 0 || !strings.Contains(r.stderr, "--take-mine") {
		t.Errorf("a proposal left without a side: exit %d, %s", r.code, r.stderr)
	}
	sameRecords(t, records(t, to, "castellan"), mine)
	for _, c := range []struct {
		args []string
		say  string
	}{
		{[]string{"--take-theirs", "nobody-here"}, "nobody-here"},
		{[]string{"--take-theirs", person.ID, "--take-mine", calm + "," + person.ID}, person.ID},
	} {
		if r := run(t, to, append([]string{"import", file}, c.args...)...); r.code != 2 || !strings.Contains(r.stderr, c.say) {
			t.Errorf("import %v: exit %d, %s", c.args, r.code, r.stderr)
		}
	}
	sameRecords(t, records(t, to, "castellan"), mine)

	v := decode[map[string]any](t, mustRun(t, to, "import", file, "--take-theirs", person.ID, "--take", "mine", "--dry-run", "--json"))
	chosen := map[string]any{}
	for _, c := range v["conflicts"].([]any) {
		c := c.(map[string]any)
		chosen[c["kind"].(string)+"/"+c["id"].(string)] = c["chosen"]
	}
	if chosen[pKey] != "theirs" || chosen[propKey] != "mine" || len(chosen) != 2 {
		t.Errorf("--dry-run --json chose %v", chosen)
	}

	out := mustRun(t, to, "import", file, "--take-theirs", person.ID, "--take-mine", calm)
	if !strings.Contains(out, "Imported: 0 added, 1 replaced.") {
		t.Errorf("import record by record said %q", out)
	}
	got := records(t, to, "castellan")
	if got[pKey] != theirs[pKey] {
		t.Errorf("the person was not taken:\n got %s\nwant %s", got[pKey], theirs[pKey])
	}
	if got[propKey] != mine[propKey] {
		t.Errorf("the proposal was not kept:\n got %s\nwant %s", got[propKey], mine[propKey])
	}

	if out := mustRun(t, to, "import", file, "--take", "mine", "--take-theirs", calm); !strings.Contains(out, "Imported: 0 added, 1 replaced.") {
		t.Errorf("--take mine --take-theirs said %q", out)
	}
	sameRecords(t, records(t, to, "castellan"), theirs)
}
