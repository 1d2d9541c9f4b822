package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// TestHandoverFromTheDesk: File → Export account… on a dossier writes the
// account's bundle and says what it holds; File → Import bundle… on
// another workspace shows what is new and imports it with Import; a
// bundle that differs offers Keep mine and Take theirs, Cancel writes
// nothing, and Take all theirs then Import takes the bundle's version.
func TestHandoverFromTheDesk(t *testing.T) {
	d, w, _ := testDesk(t, true)
	var labels []string
	for _, m := range d.MainMenu().Items {
		for _, it := range m.Items {
			labels = append(labels, it.Label)
		}
	}
	if got := strings.Join(labels, "|"); !strings.Contains(got, "Export account…") || !strings.Contains(got, "Import bundle…") || !strings.Contains(got, "Import accounts…") {
		t.Fatalf("the menus have %s", got)
	}
	d.onExportAccount()
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Open the dossier") {
		t.Errorf("export away from a dossier says %q", got)
	}
	w.Canvas().Overlays().Top().Hide()
	path := filepath.Join(t.TempDir(), "northbridge.kamdesk")
	d.exportAccount("northbridge", path)
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Wrote "+path+": Northbridge") {
		t.Fatalf("after the export the window says %q", got)
	}

	d2, w2, st2 := testDesk(t, false)
	d2.importBundle(path)
	top := w2.Canvas().Overlays().Top()
	if got := uitest.Texts(top); !strings.Contains(got, "New: 37.") || uitest.FindButton(top, "Take all theirs") != nil {
		t.Fatalf("the import into an empty workspace shows %q", got)
	}
	test.Tap(uitest.Button(t, top, "Import"))
	if got := uitest.Texts(w2.Canvas().Overlays().Top()); !strings.Contains(got, "Imported: 37 added, 0 replaced.") {
		t.Fatalf("after Import the window says %q", got)
	}
	p, err := st2.Person("northbridge-anna-keller")
	if err != nil {
		t.Fatal(err)
	}
	p.Position = "Head of Handovers"
	if err := st2.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	d2.importBundle(path)
	top = w2.Canvas().Overlays().Top()
	if got := uitest.Texts(top); !strings.Contains(got, "position: Head of Handovers → ") {
		t.Fatalf("a bundle that differs shows %q", got)
	}
	test.Tap(uitest.Button(t, top, "Cancel"))
	if q, _ := st2.Person(p.ID); q.Position != "Head of Handovers" {
		t.Errorf("Cancel changed the person: %q", q.Position)
	}
	d2.importBundle(path)
	top = w2.Canvas().Overlays().Top()
	test.Tap(uitest.Button(t, top, "Take all theirs"))
	test.Tap(uitest.Button(t, top, "Import"))
	if q, _ := st2.Person(p.ID); q.Position == "Head of Handovers" {
		t.Error("Take theirs kept the workspace's person")
	}
}

// TestImportBundleWithANewSending: a bundle whose proposal was revised
// and sent again in the other workspace shows, in the dialog, the sending
// it adds in words (not JSON); Take all theirs and Import add it with its copy, keeps
// the sending on record and notes the change on the timeline.
func TestImportBundleWithANewSending(t *testing.T) {
	const modular = "prop-northbridge-modular-controls" // sent in the sample
	d, _, st := testDesk(t, true)
	first := filepath.Join(t.TempDir(), "first.kamdesk")
	d.exportAccount("northbridge", first)
	d2, w2, st2 := testDesk(t, false)
	d2.importBundle(first)
	test.Tap(uitest.Button(t, w2.Canvas().Overlays().Top(), "Import"))

	snap := sendAgain(t, st, modular)
	second := filepath.Join(t.TempDir(), "second.kamdesk")
	d.exportAccount("northbridge", second)

	d2.importBundle(second)
	top := w2.Canvas().Overlays().Top()
	got := uitest.Texts(top)
	if want := "sendings: 1 here, 2 in the bundle (adds: 2026-11-25 to Anna Keller (Executive))"; !strings.Contains(got, want) || strings.Contains(got, `[{"`) {
		t.Fatalf("the dialog shows\n%s\nwant %q", got, want)
	}
	test.Tap(uitest.Button(t, top, "Take all theirs"))
	test.Tap(uitest.Button(t, top, "Import"))
	if got := uitest.Texts(w2.Canvas().Overlays().Top()); !strings.Contains(got, "Imported: 1 added, 1 replaced.") {
		t.Fatalf("after Take theirs the window says %q", got)
	}
	after, err := st2.Proposal(modular)
	if err != nil || len(after.Sendings) != 2 || after.Rev() != 2 {
		t.Fatalf("after Take theirs: %v, %+v", err, after.Sendings)
	}
	if c, err := st2.Snapshot(modular, after.Sendings[1].ID); err != nil || string(c.Files[0].HTML) != string(snap.Files[0].HTML) {
		t.Errorf("the copy of the sending added: %v", err)
	}
	events, _ := st2.Events("northbridge")
	noted := false
	for _, e := range events {
		noted = noted || strings.Contains(e.Title, "taken from the handover bundle")
	}
	if !noted {
		t.Error("no note of the change on the timeline")
	}
}

// sendAgain starts revision 2 of proposal id in st and sends it today to
// the executive variant's readers; it returns the copy of what was sent.
func sendAgain(t *testing.T, st *store.Store, id string) *proposal.Snapshot {
	t.Helper()
	p, err := st.Proposal(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.NewRevision(testToday); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveProposal(&p); err != nil {
		t.Fatal(err)
	}
	ctx, err := st.Context(p.AccountID, testToday)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.MarkSent(testToday, proposal.DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	snap, err := export.Snapshot(&p, ctx, []proposal.Audience{proposal.Executive})
	if err != nil {
		t.Fatal(err)
	}
	ev := dossier.Event{Kind: dossier.EventLetter, Date: testToday, Title: "Proposal sent"}
	if err := st.SendProposal(&p, snap, &ev); err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestImportBundleLeavesOutEntriesOfSendingsKeptThere: Keep all mine on a
// bundle whose proposal was sent again in the other workspace says, in
// the dialog and after the import, that the timeline entry of that
// sending is not imported, and the timeline points at no copy the
// workspace lacks.
func TestImportBundleLeavesOutEntriesOfSendingsKeptThere(t *testing.T) {
	const modular = "prop-northbridge-modular-controls" // sent in the sample
	d, _, st := testDesk(t, true)
	first := filepath.Join(t.TempDir(), "first.kamdesk")
	d.exportAccount("northbridge", first)
	d2, w2, st2 := testDesk(t, false)
	d2.importBundle(first)
	test.Tap(uitest.Button(t, w2.Canvas().Overlays().Top(), "Import"))
	sendAgain(t, st, modular)
	second := filepath.Join(t.TempDir(), "second.kamdesk")
	d.exportAccount("northbridge", second)

	d2.importBundle(second)
	top := w2.Canvas().Overlays().Top()
	if got := uitest.Texts(top); !strings.Contains(got, "Keeping this version leaves out 1 timeline entry of the bundle") {
		t.Fatalf("the dialog shows\n%s", got)
	}
	test.Tap(uitest.Button(t, top, "Keep all mine"))
	if got := uitest.Texts(top); !strings.Contains(got, "1 timeline entry would not be imported") {
		t.Errorf("after Keep all mine the dialog shows\n%s", got)
	}
	test.Tap(uitest.Button(t, top, "Import"))
	if got := uitest.Texts(w2.Canvas().Overlays().Top()); !strings.Contains(got, "1 timeline entry about a sending that stays in the other workspace was not imported.") {
		t.Errorf("after Keep mine the window says %q", got)
	}
	events, _ := st2.Events("northbridge")
	for _, e := range events {
		if prop, snap, ok := strings.Cut(e.Sent, "/"); ok {
			if _, err := st2.Snapshot(prop, snap); err != nil {
				t.Errorf("%q points at a copy the workspace lacks: %v", e.Title, err)
			}
		}
	}
}

// rowChoice is the choice of the row of the import dialog top whose
// title holds title.
func rowChoice(t *testing.T, top fyne.CanvasObject, title string) *widget.RadioGroup {
	t.Helper()
	for _, o := range test.LaidOutObjects(top) {
		c, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var radios []*widget.RadioGroup
		for _, x := range test.LaidOutObjects(c) {
			if r, ok := x.(*widget.RadioGroup); ok {
				radios = append(radios, r)
			}
		}
		if len(radios) == 1 && strings.Contains(uitest.Texts(c), title) {
			return radios[0]
		}
	}
	t.Fatalf("no row %q with a choice in\n%s", title, uitest.Texts(top))
	return nil
}

// tapOption taps the option label of r, as a click on it does.
func tapOption(t *testing.T, r *widget.RadioGroup, label string) {
	t.Helper()
	items := test.WidgetRenderer(r).Objects()
	for i, o := range r.Options {
		if o == label {
			test.Tap(items[i].(fyne.Tappable))
			return
		}
	}
	t.Fatalf("no option %q in %q", label, r.Options)
}

// TestImportBundleChoosesRecordByRecord: a bundle whose account and
// person differ from the workspace's shows a row with Keep mine / Take
// theirs for each; Import waits until each has a side; Take all theirs
// and Keep all mine set every row; a person taken and an account kept
// are written so, record by record.
func TestImportBundleChoosesRecordByRecord(t *testing.T) {
	d, _, _ := testDesk(t, true)
	path := filepath.Join(t.TempDir(), "northbridge.kamdesk")
	d.exportAccount("northbridge", path)
	d2, w2, st2 := testDesk(t, false)
	d2.importBundle(path)
	test.Tap(uitest.Button(t, w2.Canvas().Overlays().Top(), "Import"))
	p, err := st2.Person("northbridge-anna-keller")
	if err != nil {
		t.Fatal(err)
	}
	bundled := p.Position
	p.Position = "Head of Handovers"
	if err := st2.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	a, err := st2.Account("northbridge")
	if err != nil {
		t.Fatal(err)
	}
	a.Strategy = "Our own strategy."
	if err := st2.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}

	d2.importBundle(path)
	top := w2.Canvas().Overlays().Top()
	person, account := rowChoice(t, top, p.Name), rowChoice(t, top, a.Name+" (northbridge)")
	imp := uitest.Button(t, top, "Import")
	if !imp.Disabled() || person.Selected != "" || account.Selected != "" {
		t.Fatalf("before a choice: Import disabled %v, person %q, account %q", imp.Disabled(), person.Selected, account.Selected)
	}
	test.Tap(uitest.Button(t, top, "Take all theirs"))
	if person.Selected != "Take theirs" || account.Selected != "Take theirs" || imp.Disabled() {
		t.Errorf("after Take all theirs: person %q, account %q, Import disabled %v", person.Selected, account.Selected, imp.Disabled())
	}
	test.Tap(uitest.Button(t, top, "Keep all mine"))
	if person.Selected != "Keep mine" || account.Selected != "Keep mine" {
		t.Errorf("after Keep all mine: person %q, account %q", person.Selected, account.Selected)
	}
	tapOption(t, person, "Take theirs")
	if got := uitest.Texts(top); !strings.Contains(got, "With these choices: 0 to add, 1 to replace.") {
		t.Errorf("the dialog does not say what the choices write:\n%s", got)
	}
	test.Tap(imp)
	if got := uitest.Texts(w2.Canvas().Overlays().Top()); !strings.Contains(got, "Imported: 0 added, 1 replaced.") {
		t.Fatalf("after Import the window says %q", got)
	}
	if q, _ := st2.Person(p.ID); q.Position != bundled {
		t.Errorf("the person taken: %q, want %q", q.Position, bundled)
	}
	if b, _ := st2.Account("northbridge"); b.Strategy != a.Strategy {
		t.Errorf("the account kept: %q, want %q", b.Strategy, a.Strategy)
	}
}
