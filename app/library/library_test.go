package library

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// openLibrary shows the library at place id, with the frame's shortcuts.
func openLibrary(t *testing.T, id string) (*ui.Frame, fyne.Window, *store.Store, *libraryScreen) {
	t.Helper()
	f, w, st := uitest.Open(t, true)
	f.SetScreens(map[string]ui.Maker{
		"library": func(id string) (ui.Screen, error) { return NewScreen(f, st, id) },
	})
	f.Open(ui.Place{Screen: "library", ID: id})
	s, ok := f.Current().(*libraryScreen)
	if !ok {
		t.Fatalf("screen %v is %T, want the library", f.Place(), f.Current())
	}
	return f, w, st, s
}

// titles are the titles the list shows.
func titles(s *libraryScreen) []string {
	var out []string
	for _, sec := range s.shown {
		out = append(out, sec.Title)
	}
	return out
}

// dialogText is the text of the dialog on top of the window.
func dialogText(t *testing.T, w fyne.Window) (fyne.CanvasObject, string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top, uitest.Visible(top)
}

func TestLibraryBrowsesAndFilters(t *testing.T) {
	d, _, _, s := openLibrary(t, "")
	if len(s.shown) != 40 || s.summary.Text != "40 sections" {
		t.Fatalf("list shows %d sections (%q), want the 40 of the sample (en, ru and hu)", len(s.shown), s.summary.Text)
	}
	s.kindSel.SetSelected("Figures and financial result")
	if got := titles(s); !slices.Equal(got, []string{"Measured performance in comparable buildings", "Mit hoz a befektetés",
		"What the investment returns", "Что принесут инвестиции"}) {
		t.Errorf("figures: %q", got)
	}
	s.kindSel.SetSelected("All kinds")
	s.audSel.SetSelected("HR")
	for _, sec := range s.shown {
		if sec.Audiences[proposal.HR] == 0 {
			t.Errorf("HR filter lists %q, which does not serve HR", sec.Title)
		}
	}
	if len(s.shown) != 23 {
		t.Errorf("HR filter lists %d sections, want 23 (9 in English, 7 each in Russian and Hungarian)", len(s.shown))
	}
	s.audSel.SetSelected("All audiences")
	test.Type(s.search, "academy")
	// the Russian and Hungarian benefits for your people name the Veldmark
	// Academy in their text
	if got := titles(s); !slices.Equal(got, []string{"Mit jelent ez munkatársaik számára", "Что изменится для Ваших сотрудников",
		"Training and handover: the Veldmark Academy"}) {
		t.Errorf("text filter: %q", got)
	}
	if got := s.summary.Text; got != "3 of 40 sections" {
		t.Errorf("summary = %q", got)
	}
	s.list.Select(2) // Training and handover
	if p := d.Place(); p.Screen != "library" || p.ID != "training-academy" {
		t.Errorf("selecting a section: place %v", p)
	}
	if got := s.ed.title.Text; got != "Training and handover: the Veldmark Academy" {
		t.Errorf("editor shows %q", got)
	}
}

func TestLibrarySectionSelectedMarkup(t *testing.T) {
	d, _, _, s := openLibrary(t, "cover-letter")
	if got := s.ed.title.Text; got != "Covering letter" {
		t.Fatalf("the place cover-letter opened %q", got)
	}
	placeholders := uitest.Visible(s.ed.placeholders)
	for _, want := range []string{"{{person.name}} — the names of the people the variant is addressed to", "{{signature}} — the signature closing a letter: our company's default signature, with the author's name and position"} {
		if !strings.Contains(placeholders, want) {
			t.Errorf("placeholders:\n%s\nlack %q", placeholders, want)
		}
	}
	if got := s.ed.followers.Text; got != "2 proposals follow this section: a change here changes them too." {
		t.Errorf("followers line = %q", got)
	}
	test.AssertObjectRendersToMarkup(t, "library/section.xml", d.Area())
}

func TestLibraryCreateSectionByTyping(t *testing.T) {
	d, w, st, s := openLibrary(t, "")
	uitest.Shortcut(w, fyne.KeyN)
	if !s.ed.open || !s.ed.fresh {
		t.Fatal("Ctrl+N did not open a new section")
	}
	e := s.ed
	test.Type(e.title, "Our service desk")
	e.kind.SetSelected("Terms")
	test.Type(e.weights[1], "70") // HR
	test.Type(e.weights[3], "40") // technical
	uitest.Retype(e.body, "Dear ")
	e.insert.SetSelected(e.insert.Options[slices.Index(proposal.Placeholders, "person.name")])
	test.Type(e.body, ",")
	uitest.Retype(e.body, e.body.Text()+"\nour desk answers "+"{{account.name}} within the hour.")
	if got := uitest.Visible(e.placeholders); !strings.Contains(got, "{{person.name}} — the names of the people") ||
		!strings.Contains(got, "{{account.name}} — the client's name") {
		t.Errorf("placeholders shown:\n%s", got)
	}
	if !s.Dirty() {
		t.Error("a new section with text typed is not dirty")
	}
	uitest.Shortcut(w, fyne.KeyS)
	sec, err := st.Section("our-service-desk")
	if err != nil {
		t.Fatalf("the section was not saved under its title's ID: %v", err)
	}
	want := proposal.Section{ID: "our-service-desk", Title: "Our service desk", Kind: proposal.KindTerms,
		Audiences: proposal.Weights{proposal.HR: 70, proposal.Technical: 40}, Language: "en",
		Body: "Dear {{person.name}},\nour desk answers {{account.name}} within the hour."}
	if sec.Title != want.Title || sec.Kind != want.Kind || sec.Language != want.Language || sec.Body != want.Body ||
		!maps.Equal(sec.Audiences, want.Audiences) {
		t.Errorf("saved %+v, want %+v", sec, want)
	}
	if s.Dirty() || s.ed.fresh || d.Place().ID != "our-service-desk" {
		t.Errorf("after saving: dirty %v, fresh %v, place %v", s.Dirty(), s.ed.fresh, d.Place())
	}
	if !slices.Contains(titles(s), "Our service desk") {
		t.Error("the list does not show the new section")
	}
}

func TestLibraryValidatesAsYouType(t *testing.T) {
	_, w, st, s := openLibrary(t, "")
	before, _ := st.Sections()
	s.OnNew()
	e := s.ed
	test.Type(e.weights[0], "50")
	test.Type(e.body, "Hello {{client.name}}")
	if got := e.fs.MessageOf("body"); got != "unknown placeholder {{client.name}}" {
		t.Errorf("body message = %q", got)
	}
	if got := uitest.Visible(e.placeholders); !strings.Contains(got, "{{client.name}} — unknown placeholder") {
		t.Errorf("placeholders:\n%s\ndo not flag the unknown one", got)
	}
	if e.fs.MessageOf("title") != "" {
		t.Error("the title is scolded before the user reached it")
	}
	uitest.Retype(e.weights[2], "250")
	if got := e.fs.MessageOf("audiences"); got != "weight for finance must be between 1 and 100" {
		t.Errorf("weight 250: %q", got)
	}
	uitest.Retype(e.weights[2], "lots")
	if got := e.fs.MessageOf("audiences"); got != "Each weight is a whole number from 0 to 100." {
		t.Errorf("weight lots: %q", got)
	}
	uitest.Retype(e.weights[2], "")
	uitest.Shortcut(w, fyne.KeyS)
	if got := e.fs.MessageOf("title"); got != "is required" {
		t.Errorf("title message after a failed save = %q", got)
	}
	after, _ := st.Sections()
	if len(after) != len(before) {
		t.Error("an invalid section was saved")
	}
	if e.body.Text() != "Hello {{client.name}}" || e.weights[0].Text != "50" {
		t.Error("a failed save lost what was typed")
	}
	uitest.Retype(e.body, "Hello {{account.name}}")
	test.Type(e.title, "Greeting")
	if e.fs.MessageOf("body") != "" || e.fs.MessageOf("title") != "" {
		t.Errorf("messages stay once fixed: %q, %q", e.fs.MessageOf("body"), e.fs.MessageOf("title"))
	}
	s.OnSave()
	if _, err := st.Section("greeting"); err != nil {
		t.Errorf("the fixed section was not saved: %v", err)
	}
}

func TestLibraryEditSaveAndCancel(t *testing.T) {
	d, w, st, s := openLibrary(t, "validity-standard")
	e := s.ed
	uitest.Retype(e.title, "If you need more time to decide")
	uitest.Retype(e.weights[0], "0") // executive: no longer served
	if !s.Dirty() {
		t.Fatal("an edited section is not dirty")
	}
	// Esc brings back what is saved.
	w.Canvas().Focus(e.title)
	e.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if e.title.Text != "If you need more time" || s.Dirty() {
		t.Errorf("after Esc the title is %q (dirty %v)", e.title.Text, s.Dirty())
	}
	uitest.Retype(e.title, "If you need more time to decide")
	uitest.Retype(e.weights[0], "0")
	s.OnSave()
	sec, err := st.Section("validity-standard")
	if err != nil {
		t.Fatal(err)
	}
	if sec.Title != "If you need more time to decide" || sec.Audiences[proposal.Executive] != 0 || len(sec.Audiences) != 3 {
		t.Errorf("saved %q with audiences %v", sec.Title, sec.Audiences)
	}
	if s.Dirty() || d.Place().ID != "validity-standard" {
		t.Errorf("after saving: dirty %v, place %v", s.Dirty(), d.Place())
	}
}

func TestLibraryDeleteAndUndo(t *testing.T) {
	d, w, st, s := openLibrary(t, "validity-standard")
	test.Tap(uitest.Button(t, d.Area(), "Delete"))
	dlg, text := dialogText(t, w)
	if !strings.Contains(text, "2 proposals follow it") {
		t.Errorf("the confirmation does not warn of the 2 proposals following the section:\n%s", text)
	}
	test.Tap(uitest.Button(t, dlg, "Delete"))
	if _, err := st.Section("validity-standard"); !errors.Is(err, dossier.ErrNotFound) {
		t.Fatalf("after deleting, the store says %v", err)
	}
	if slices.Contains(titles(s), "If you need more time") || s.ed.open {
		t.Error("the deleted section is still on screen")
	}
	test.Tap(uitest.Button(t, d.Banner(), "Undo"))
	if _, err := st.Section("validity-standard"); err != nil {
		t.Fatalf("Undo did not restore the section: %v", err)
	}
	s = d.Current().(*libraryScreen)
	if !s.ed.open || s.ed.sec.ID != "validity-standard" || !slices.Contains(titles(s), "If you need more time") {
		t.Error("after Undo the section is not shown again")
	}
}

// libWrite writes section files into dir.
func libWrite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLibraryImportAllOrNothing(t *testing.T) {
	_, w, st, s := openLibrary(t, "")
	dir := t.TempDir()
	libWrite(t, dir, map[string]string{
		"site-visits.md":  "---\ntitle: Site visits\nkind: benefits\naudiences: executive 60, technical 80\nlanguage: en\n---\nWe visit {{account.name}} every month.\n",
		"cover-letter.md": "---\nid: cover-letter\ntitle: Covering letter, revised\nkind: cover-letter\naudiences: executive 70, hr 50, finance 50, technical 50\nlanguage: en\n---\nDear {{person.name}},\n\nthank you.\n",
		"bad.md":          "---\ntitle: Broken\nkind: preamble\naudiences: executive 50\nlanguage: en\n---\nText.\n",
	})
	s.importFrom(dir)
	_, text := dialogText(t, w)
	if !strings.Contains(text, "Nothing was imported") || !strings.Contains(text, `bad.md:3: unknown kind "preamble"`) {
		t.Errorf("import with a bad file says:\n%s", text)
	}
	if _, err := st.Section("site-visits"); !errors.Is(err, dossier.ErrNotFound) {
		t.Error("a good file was imported although another was bad")
	}
	if sec, _ := st.Section("cover-letter"); sec.Title != "Covering letter" {
		t.Error("an existing section was changed although the import failed")
	}
	w.Canvas().Overlays().Top().Hide()

	libWrite(t, dir, map[string]string{"bad.md": "---\ntitle: Mended\nkind: other\naudiences: executive 50\nlanguage: en\n---\nText.\n"})
	s.importFrom(dir)
	if _, text := dialogText(t, w); !strings.Contains(text, "Imported 3 sections (2 new, 1 updated)") {
		t.Errorf("import says:\n%s", text)
	}
	for id, title := range map[string]string{"site-visits": "Site visits", "cover-letter": "Covering letter, revised", "bad": "Mended"} {
		if sec, err := st.Section(id); err != nil || sec.Title != title {
			t.Errorf("section %s = %q, %v; want %q", id, sec.Title, err, title)
		}
	}
	if !slices.Contains(titles(s), "Site visits") {
		t.Error("the list does not show the imported sections")
	}
}

func TestLibraryExportReimportsIdentically(t *testing.T) {
	_, w, st, s := openLibrary(t, "")
	dir := t.TempDir()
	s.exportTo(dir)
	if _, text := dialogText(t, w); !strings.Contains(text, "Exported 40 sections to "+dir) || !strings.Contains(text, "cover-letter.md") {
		t.Errorf("export says:\n%s", text)
	}
	secs, _ := st.Sections()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != len(secs) {
		t.Errorf("export wrote %d files for %d sections: %v", len(files), len(secs), files)
	}
	data, err := os.ReadFile(filepath.Join(dir, "cover-letter.md"))
	if err != nil || !strings.HasPrefix(string(data), "---\nid: cover-letter\ntitle: Covering letter\nkind: cover-letter\n") {
		t.Errorf("cover-letter.md = %q, %v", data, err)
	}
	back, err := proposal.ParseLibraryDir(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]proposal.Section{}
	for _, sec := range back {
		byID[sec.ID] = sec
	}
	for _, sec := range secs {
		b, ok := byID[sec.ID]
		if !ok || b.Title != sec.Title || b.Kind != sec.Kind || b.Language != sec.Language || b.Body != sec.Body || !maps.Equal(b.Audiences, sec.Audiences) {
			t.Errorf("section %s read back as %+v", sec.ID, b)
		}
	}
	res, err := importLibrary(st, dir)
	if err != nil || res != (libraryImport{Count: 40}) {
		t.Errorf("re-importing the export: %+v, %v; want 40 sections, none new or updated", res, err)
	}
}

// TestLibraryExportAsksBeforeReplacing: exporting into a folder that
// holds section files of the same names asks; Cancel leaves them as they
// were, Replace writes them.
func TestLibraryExportAsksBeforeReplacing(t *testing.T) {
	_, w, _, s := openLibrary(t, "")
	dir := t.TempDir()
	mine := filepath.Join(dir, "cover-letter.md")
	if err := os.WriteFile(mine, []byte("my own notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.exportTo(dir)
	if _, text := dialogText(t, w); !strings.Contains(text, "cover-letter.md") || !strings.Contains(text, "Replace it?") {
		t.Fatalf("exporting over a file says:\n%s", text)
	}
	uitest.AnswerQuestion(t, w, "Cancel")
	if data, _ := os.ReadFile(mine); string(data) != "my own notes" {
		t.Errorf("Cancel: the file holds %q", data)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 1 {
		t.Errorf("Cancel wrote files: %v", files)
	}
	s.exportTo(dir)
	uitest.AnswerQuestion(t, w, "Replace")
	if data, _ := os.ReadFile(mine); !strings.HasPrefix(string(data), "---\nid: cover-letter\n") {
		t.Errorf("Replace: the file holds %q", data)
	}
	if _, text := dialogText(t, w); !strings.Contains(text, "Exported 40 sections") {
		t.Errorf("after Replace the export says:\n%s", text)
	}
}

func TestTypedTextIsStoredLibrarySection(t *testing.T) {
	_, w, st, s := openLibrary(t, "")
	for _, width := range uitest.Widths {
		uitest.Shortcut(w, fyne.KeyN)
		e := s.ed
		test.Type(e.title, fmt.Sprintf("Section %v", width))
		test.Type(e.weights[0], "50")
		uitest.TypeAt(e.body, width, uitest.Sentence)
		uitest.Shortcut(w, fyne.KeyS)
		sec, err := st.Section(fmt.Sprintf("section-%v", width))
		if err != nil {
			t.Fatalf("section %v not saved: %v", width, err)
		}
		uitest.CheckSentence(t, "section text", width, sec.Body)
	}
}

// TestQuitAsksAboutSectionChanges: quitting with a section's edit asks
// Save, Discard or Cancel, as every editor does.
func TestQuitAsksAboutSectionChanges(t *testing.T) {
	library := func(d *ui.Frame) *sectionEditor { return d.Current().(*libraryScreen).ed }
	uitest.QuitCases(t, func(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *int) {
		f, w, st, _ := openLibrary(t, "")
		quits := 0
		f.SetQuit(func() { quits++ })
		return f, w, st, &quits
	}, []uitest.EditorCase{{
		Name: "library section",
		Open: func(d *ui.Frame) { d.Show(ui.Place{Screen: "library", ID: "validity-standard"}) },
		Edit: func(_ *testing.T, d *ui.Frame) {
			uitest.Retype(library(d).title, "If you need more time to decide")
		},
		Spoil: func(_ *testing.T, d *ui.Frame) { uitest.Retype(library(d).weights[0], "lots") },
		Saved: func(t *testing.T, st *store.Store) bool {
			sec, err := st.Section("validity-standard")
			if err != nil {
				t.Fatal(err)
			}
			return sec.Title == "If you need more time to decide"
		},
		Shown:   func(d *ui.Frame) bool { return library(d).title.Text == "If you need more time to decide" },
		Spoiled: func(d *ui.Frame) bool { return library(d).weights[0].Text == "lots" },
		Refused: func(d *ui.Frame, _ fyne.Window) bool { return library(d).fs.MessageOf("audiences") != "" },
	}})
}

// TestLibraryListTakesTheKeyboard: the list of sections has the focus as
// the library opens with no section open.
func TestLibraryListTakesTheKeyboard(t *testing.T) {
	_, w, _, s := openLibrary(t, "")
	if w.Canvas().Focused() != s.list {
		t.Errorf("the library opened with the focus on %T, want the list of sections", w.Canvas().Focused())
	}
}
