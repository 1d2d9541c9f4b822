package app

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/assets"
	"kamdesk/dossier"
)

var testToday = dossier.MustDate("2026-11-25")

func TestMain(m *testing.M) {
	uitest.Setup()
	code := m.Run()
	for _, st := range benchStores {
		st.Close()
	}
	for _, dir := range benchDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// testDesk opens a desk on a fresh workspace in a test window, with
// background work waited for and deferred navigation run at once.
func testDesk(t *testing.T, sample bool) (*Desk, fyne.Window, *store.Store) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true,
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if sample {
		if _, err := st.LoadSample(assets.Sample, testToday, export.Snapshot); err != nil {
			t.Fatal(err)
		}
	}
	w := test.NewTempWindow(t, nil)
	d := NewDesk(w, st, nil, Options{
		Today:      func() dossier.Date { return testToday },
		Sample:     assets.Sample,
		Defer:      func(f func()) { f() },
		Background: uitest.BackgroundAndWait,
		After:      func(_ time.Duration, f func()) { f() },
	})
	w.SetContent(d.Content())
	w.Resize(fyne.NewSize(1280, 800))
	d.Start()
	return d, w, st
}

func TestWelcomeLoadsTheSample(t *testing.T) {
	d, w, st := testDesk(t, false)
	if got := d.Place().Screen; got != "welcome" {
		t.Fatalf("first screen on an empty workspace = %q, want welcome", got)
	}
	test.AssertRendersToMarkup(t, "welcome.xml", w.Canvas())
	wel := d.Current().(*welcome)
	test.Tap(wel.sample)
	if got := d.Place().Screen; got != "accounts" {
		t.Fatalf("after loading the sample the screen = %q, want accounts", got)
	}
	accts, _ := st.Accounts()
	if len(accts) < 3 {
		t.Errorf("sample loaded %d accounts, want at least 3", len(accts))
	}
	if rows := strings.Count(fmt.Sprint(d.Current()), "\n"); rows != len(accts) {
		t.Errorf("accounts table shows %d rows, want %d", rows, len(accts))
	}
}

func TestWelcomeStartEmpty(t *testing.T) {
	d, _, _ := testDesk(t, false)
	test.Tap(d.Current().(*welcome).empty)
	if got := d.Place().Screen; got != "accounts" {
		t.Errorf("after starting empty the screen = %q, want accounts", got)
	}
}

// TestSampleOfferedAgain: a user who started empty finds the sample again
// on the empty accounts list and in the File menu; on a workspace that
// holds accounts the menu says why it is not loaded there.
func TestSampleOfferedAgain(t *testing.T) {
	d, w, st := testDesk(t, false)
	test.Tap(d.Current().(*welcome).empty)
	test.Tap(uitest.Button(t, w.Canvas().Content(), "Load the sample workspace…"))
	if got := d.Place().Screen; got != "welcome" {
		t.Fatalf("the empty list's button opened %q, want the welcome", got)
	}
	d.Show(Place{Screen: "agenda"})
	d.onSampleMenu()
	if got := d.Place().Screen; got != "welcome" {
		t.Errorf("File → Load the sample workspace… on an empty workspace opened %q, want the welcome", got)
	}
	test.Tap(d.Current().(*welcome).sample)
	if has, _ := st.HasAccounts(); !has || d.Place().Screen != "accounts" {
		t.Fatalf("the sample is not loaded (accounts: %v, screen %q)", has, d.Place().Screen)
	}
	d.onSampleMenu()
	if _, text := uitest.Dialog(t, w); !strings.Contains(text, "empty workspace only") || d.Place().Screen != "accounts" {
		t.Errorf("on a workspace with accounts the menu says %q and shows %q", text, d.Place().Screen)
	}
	found := false
	for _, it := range d.MainMenu().Items[0].Items {
		found = found || it.Label == "Load the sample workspace…"
	}
	if !found {
		t.Error("the File menu does not offer the sample workspace")
	}
}

func TestOpenFailureSaysWhatToDo(t *testing.T) {
	test.NewTempApp(t)
	quit := false
	w := test.NewTempWindow(t, OpenFailure(errors.New("the workspace /w cannot be read, it looks damaged (bad magic)"), "/w", func() { quit = true }, nil))
	w.Resize(fyne.NewSize(640, 240))
	var texts []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
		if b, ok := o.(*widget.Button); ok && b.Text == "Close" {
			test.Tap(b)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"cannot open the workspace", "looks damaged", "Nothing was changed in /w", "--data DIR"} {
		if !strings.Contains(all, want) {
			t.Errorf("the failure window lacks %q:\n%s", want, all)
		}
	}
	if !quit {
		t.Error("Close did not quit")
	}
}

// TestReadOnlyWorkspaceSaysSo: a workspace open for reading only shows a
// bar that says so and why.
func TestReadOnlyWorkspaceSaysSo(t *testing.T) {
	d, _, st := testDesk(t, true)
	dir := st.Dir()
	st.Close()
	ro, err := store.Open(dir, store.Options{NoGC: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	d.ws = ro
	bar := d.readOnlyBar()
	if bar == nil || !strings.Contains(uitest.Visible(bar), "Read only — changes cannot be saved") {
		t.Errorf("the bar: %v", bar)
	}
}

// TestEditMenuActsOnTheFocusedField: Edit → Select all, Cut, Paste and
// Undo act on the field that has the focus, as their keys do; Help →
// About kamdesk says the version and the workspace's folder.
func TestEditMenuActsOnTheFocusedField(t *testing.T) {
	d, w, st := testDesk(t, true)
	d.opts.Version, d.opts.Dir = "9.9.9", st.Dir()
	d.onFind()
	field, ok := w.Canvas().Focused().(*ui.Entry)
	if !ok {
		t.Fatalf("the search has no field with the focus: %T", w.Canvas().Focused())
	}
	field.SetText("Northbridge")
	items := map[string]*fyne.MenuItem{}
	for _, m := range d.MainMenu().Items {
		for _, it := range m.Items {
			items[m.Label+" → "+it.Label] = it
		}
	}
	for _, name := range []string{"Edit → Select all", "Edit → Cut"} {
		items[name].Action()
	}
	if field.Text != "" || fyne.CurrentApp().Clipboard().Content() != "Northbridge" {
		t.Errorf("after Select all and Cut: field %q, clipboard %q", field.Text, fyne.CurrentApp().Clipboard().Content())
	}
	items["Edit → Paste"].Action()
	items["Edit → Paste"].Action()
	if field.Text != "NorthbridgeNorthbridge" {
		t.Errorf("after pasting twice the field holds %q", field.Text)
	}
	items["Edit → Undo"].Action()
	if field.Text != "Northbridge" {
		t.Errorf("after Undo the field holds %q", field.Text)
	}
	items["Help → About kamdesk"].Action()
	if _, text := uitest.Dialog(t, w); !strings.Contains(text, "kamdesk 9.9.9") || !strings.Contains(text, st.Dir()) ||
		!strings.Contains(text, "kamdesk's own licence") {
		t.Errorf("About says %q", text)
	}
}

// TestKeyboardShortcutsOverview: Help → Keyboard shortcuts (Ctrl+/) lists
// the desk's keys.
func TestKeyboardShortcutsOverview(t *testing.T) {
	d, w, _ := testDesk(t, true)
	d.InstallShortcuts()
	d.Show(Place{Screen: "person", ID: "northbridge-david-okafor"})
	uitest.Shortcut(w, fyne.KeySlash)
	_, text := uitest.Dialog(t, w)
	for _, want := range []string{"Keyboard shortcuts", "Ctrl+N", "Save what you are editing", "Alt+1 … Alt+6", "Ctrl+/"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overview lacks %q:\n%s", want, text)
		}
	}
	// Esc closes it, and only it: the screen under it stays (it went back
	// to the account, as Esc on the form does).
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if uitest.Overlays(w) != 0 || d.Place().Screen != "person" {
		t.Errorf("after Esc: %d dialogs open, at %v; want none, still the person", uitest.Overlays(w), d.Place())
	}
	found := false
	for _, it := range d.MainMenu().Items[3].Items {
		found = found || it.Label == "Keyboard shortcuts"
	}
	if !found {
		t.Error("the Help menu does not offer the keyboard shortcuts")
	}
}

// TestNavigationOpensEachArea: every entry of the navigation, by its
// label, opens its screen.
func TestNavigationOpensEachArea(t *testing.T) {
	d, _, _ := testDesk(t, true)
	want := map[string]string{"Accounts": "accounts", "People": "people", "Team and references": "team",
		"Agenda": "agenda", "Proposals": "proposals", "Library": "library"}
	if len(d.navList) != len(want) {
		t.Fatalf("the navigation has %d entries, want %d", len(d.navList), len(want))
	}
	for i, it := range d.navList {
		d.nav.Select(i)
		if got := d.Place().Screen; got != want[it.label] {
			t.Errorf("%q opens %q, want %q", it.label, got, want[it.label])
		}
	}
}

// TestSidebarLabelsWhole: in a window 1024 pixels wide (a 13-inch
// laptop) every entry of the navigation shows its label whole.
func TestSidebarLabelsWhole(t *testing.T) {
	d, w, _ := testDesk(t, true)
	w.Resize(fyne.NewSize(1024, 700))
	seen := 0
	for _, o := range test.LaidOutObjects(d.nav) {
		l, ok := o.(*widget.Label)
		if !ok || l.Text == "" {
			continue
		}
		seen++
		// the label stands after the icon in its row
		if right := l.Position().X + l.MinSize().Width; right > d.nav.Size().Width+0.5 {
			t.Errorf("%q needs the sidebar %v wide, it is %v", l.Text, right, d.nav.Size().Width)
		}
	}
	if seen != len(d.navList) {
		t.Errorf("%d labels laid out, want %d", seen, len(d.navList))
	}
}

// TestFindShortcut: Ctrl+F opens the search with the cursor in its field,
// from any screen; the search opens a found event in the dossier's
// timeline tab.
func TestFindShortcut(t *testing.T) {
	d, w, _ := testDesk(t, true)
	d.InstallShortcuts()
	d.Show(Place{Screen: "team"})
	uitest.Shortcut(w, fyne.KeyF)
	if d.Place().Screen != "search" {
		t.Fatalf("Ctrl+F shows %v, want the search", d.Place())
	}
	entry, ok := w.Canvas().Focused().(*ui.Entry)
	if !ok {
		t.Fatalf("Ctrl+F puts the focus on %T, want the search field", w.Canvas().Focused())
	}
	test.Type(entry, "plant visit")
	d.Remember("dossier.tab", "Timeline") // what the search asks when it opens an event
	d.Show(Place{Screen: "account", ID: "northbridge"})
	if d.Place().Screen != "account" || uitest.FindButton(d.Area(), "Add event") == nil {
		t.Errorf("the dossier opened on %v, not on its Timeline tab", d.Place())
	}
}

// TestWhatWasSentOpensByteForByte: a proposal marked as sent from its
// follow-up keeps a copy of what was sent; the copy opens from the
// follow-up and from the account's timeline, the bytes as sent, in the
// view folder.
func TestWhatWasSentOpensByteForByte(t *testing.T) {
	const draft = "prop-castellan-calm-rollout" // a draft in the sample
	d, w, st := testDesk(t, true)
	var opened []string
	d.opts.OpenURL = func(u *url.URL) error { opened = append(opened, filepath.FromSlash(u.Path)); return nil }
	view, err := ui.OpenViewFolder(filepath.Join(t.TempDir(), "open"))
	if err != nil {
		t.Fatal(err)
	}
	d.SetViewer(view)

	d.Show(Place{Screen: "proposal", ID: draft + ":follow-up"})
	test.Tap(uitest.Button(t, d.Area(), "Mark revision 1 as sent…"))
	top, _ := uitest.Dialog(t, w)
	test.Tap(uitest.Button(t, top, "Mark as sent"))
	p, _ := st.Proposal(draft)
	last, ok := p.LastSending()
	if !ok {
		t.Fatal("no sending on record")
	}
	snap, err := st.Snapshot(p.ID, last.ID)
	if err != nil {
		t.Fatal(err)
	}
	openCopy := func(from string) {
		t.Helper()
		b := uitest.FindButton(d.Area(), "What was sent…")
		if b == nil {
			t.Fatalf("the %s offers no copy of what was sent", from)
		}
		test.Tap(b)
		top, _ := uitest.Dialog(t, w)
		test.Tap(uitest.Button(t, top, "Open"))
		if got, _ := os.ReadFile(opened[len(opened)-1]); !bytes.Equal(got, snap.Files[0].HTML) || filepath.Dir(opened[len(opened)-1]) != view.Dir() {
			t.Errorf("from the %s: opened %s, not the bytes as sent in the view folder", from, opened[len(opened)-1])
		}
		test.Tap(uitest.Button(t, top, "Close"))
	}
	openCopy("follow-up")
	d.Show(Place{Screen: "account", ID: p.AccountID})
	uitest.SelectTab(t, d.Area(), "Timeline")
	openCopy("timeline")
}

// TestAgendaListsProposalFollowUps: the desk's agenda lists the proposals'
// follow-ups among the dossier's items.
func TestAgendaListsProposalFollowUps(t *testing.T) {
	d, _, _ := testDesk(t, true)
	d.Show(Place{Screen: "agenda"})
	const want = "Follow up “Factory-commissioned controls for the Doncaster modular plant”: Ask about next steps"
	if shown := uitest.Visible(d.Area()); !strings.Contains(shown, want) {
		t.Errorf("the agenda does not show the proposal's follow-up:\n%s", shown)
	}
}

// TestFileMenuExportsTheAgenda: File → Export the agenda to a calendar…
// opens the agenda and asks where to save its calendar file.
func TestFileMenuExportsTheAgenda(t *testing.T) {
	d, w, _ := testDesk(t, true)
	d.Show(Place{Screen: "accounts"})
	var item *fyne.MenuItem
	for _, it := range d.MainMenu().Items[0].Items {
		if it.Label == "Export the agenda to a calendar…" {
			item = it
		}
	}
	if item == nil {
		t.Fatal("the File menu does not export the agenda")
	}
	before := uitest.Overlays(w)
	item.Action()
	if d.Place().Screen != "agenda" || uitest.Overlays(w) != before+1 {
		t.Errorf("the menu shows %q with %d dialogs, want the agenda and where to save", d.Place().Screen, uitest.Overlays(w)-before)
	}
}
