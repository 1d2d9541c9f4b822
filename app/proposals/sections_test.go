package proposals

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

const castellanProposal = "prop-castellan-calm-rollout"

// openSections opens the sample draft proposal to Castellan in the
// builder and returns its Sections tab.
func openSections(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *builder, *sectionsEditor) {
	t.Helper()
	d, w, st := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposal", ID: castellanProposal})
	b, ok := d.Current().(*builder)
	if !ok {
		t.Fatalf("screen = %T, want the proposal builder", d.Current())
	}
	b.showTab(tabSections)
	return d, w, st, b, b.part(tabSections).(*sectionsEditor)
}

// secItemIDs names the items: the library section they follow or their title.
func secItemIDs(items []proposal.Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.SectionID
		if it.SectionID == "" {
			out[i] = it.Title
		}
	}
	return out
}

func secButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

func secFindings(fs []proposal.Finding, code string, item int) []proposal.Finding {
	var out []proposal.Finding
	for _, f := range fs {
		if f.Code == code && f.Place.Area == proposal.AreaSection && f.Place.Item == item {
			out = append(out, f)
		}
	}
	return out
}

// secMarks returns the texts of the readiness marks under a block.
func secMarks(blk *sectionBlock) []string {
	var out []string
	for _, o := range test.LaidOutObjects(blk.marks) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return out
}

// secRelayout lays the window out again, as the desktop driver does
// before it paints when a part of the content changed its size (the test
// canvas does not).
func secRelayout(w fyne.Window) {
	size := w.Canvas().Size()
	w.Resize(size.AddWidthHeight(1, 0))
	w.Resize(size)
}

func TestSectionsShowTheItems(t *testing.T) {
	_, _, _, b, s := openSections(t)
	if len(s.blocks) != len(b.p.Items) || len(b.p.Items) != 7 {
		t.Fatalf("%d blocks for %d items, want 7", len(s.blocks), len(b.p.Items))
	}
	blk := s.blocks[1]
	lib, _ := s.libSection("understanding-business")
	if got := blk.title.FullText(); got != lib.Title {
		t.Errorf("block 2 title = %q, want the library's %q", got, lib.Title)
	}
	if got, want := blk.meta.FullText(), "Understanding of your business · follows the library · Executive 95 · HR 30 · Finance 40 · Technical 40"; got != want {
		t.Errorf("block 2 meta = %q, want %q", got, want)
	}
	if blk.ed != nil || !blk.customise.Visible() || blk.edit.Visible() {
		t.Error("a block that follows the library is not read-only with a Customise button")
	}
	// Placeholders resolve for the whole group.
	name := b.ctx.Account.Name
	if name != "Castellan Hotels" {
		t.Fatalf("account name = %q", name)
	}
	cover := s.blocks[0]
	if want := "{{account.name}} = Castellan Hotels"; !strings.Contains(cover.phOK.FullText(), want) {
		t.Errorf("cover letter placeholders = %q, want it to contain %q", cover.phOK.FullText(), want)
	}
}

func TestSectionsAddFromLibrary(t *testing.T) {
	_, w, st, b, s := openSections(t)
	test.Tap(secButton(t, s.root, "Add from library"))
	p := s.picker
	if p == nil {
		t.Fatal("Add from library opened no dialog")
	}
	// The library holds Russian and Hungarian sections too; the dialog
	// starts on the proposal's language.
	english := 0
	for _, sec := range b.ctx.Library {
		if sec.Language == b.p.Language {
			english++
		}
	}
	if len(p.shown) != english || english != 16 || b.p.Language != "en" {
		t.Errorf("the dialog shows %d sections, want the whole English library (%d of %d, 16 in the sample)", len(p.shown), english, len(b.ctx.Library))
	}
	p.kind.Set(proposal.KindSpecification)
	if got := len(p.shown); got != 2 {
		t.Errorf("specification sections shown = %d, want 2", got)
	}
	p.audience.Set(proposal.HR)
	if got := secShownIDs(p.shown); !slices.Equal(got, []string{"spec-integration-security"}) {
		t.Errorf("specification sections for HR = %v, want [spec-integration-security]", got)
	}
	p.filter.SetText("nothing like this")
	if len(p.shown) != 0 || !p.none.Visible() {
		t.Errorf("a filter that matches nothing shows %d sections", len(p.shown))
	}
	p.filter.SetText("open protocols")
	lib, _ := st.Section("spec-integration-security")
	var check *widget.Check
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if c, ok := uitest.AsCheck(o); ok && c.Text == lib.Title {
			check = c
		}
	}
	if check == nil {
		t.Fatalf("no check for %q in the dialog", lib.Title)
	}
	test.Tap(check)
	test.Tap(secButton(t, w.Canvas().Overlays().Top(), "Add"))

	if s.picker != nil {
		t.Error("the dialog is still open after Add")
	}
	if n := len(b.p.Items); n != 8 || b.p.Items[7].SectionID != "spec-integration-security" || b.p.Items[7].Own() {
		t.Fatalf("items after adding = %v, want the library section, following the library, at the end", secItemIDs(b.p.Items))
	}
	if got := s.blocks[7].title.FullText(); got != lib.Title {
		t.Errorf("new block title = %q, want %q", got, lib.Title)
	}
	b.OnSave()
	saved, err := st.Proposal(castellanProposal)
	if err != nil {
		t.Fatal(err)
	}
	if got := secItemIDs(saved.Items); len(got) != 8 || got[7] != "spec-integration-security" || saved.Items[7].Own() {
		t.Fatalf("saved items = %v, want spec-integration-security following the library last", got)
	}
	ctx, err := st.Context(saved.AccountID, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	v, err := proposal.Assemble(&saved, ctx, proposal.All)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(v.Blocks, func(bl proposal.Block) bool { return bl.Title == lib.Title && bl.Source == proposal.SourceLibrary }) {
		t.Errorf("the whole-group variant has no block %q from the library", lib.Title)
	}
}

func secShownIDs(secs []*proposal.Section) []string {
	var out []string
	for _, s := range secs {
		out = append(out, s.ID)
	}
	return out
}

func TestSectionsCustomiseThenEdit(t *testing.T) {
	_, w, st, b, s := openSections(t)
	lib, _ := st.Section("benefits-one-platform")
	blk := s.blocks[2]
	test.Tap(blk.customise)
	it := b.p.Items[2]
	if !it.Custom || it.Title != lib.Title || it.Body != lib.Body || it.Kind != lib.Kind || it.Audiences[proposal.Executive] != 85 {
		t.Fatalf("customised item = %+v, want a copy of the library section", it)
	}
	if blk.ed == nil || blk.ed.body.Text() != lib.Body {
		t.Fatal("customising did not open the block's editor with the library's text")
	}
	if w.Canvas().Focused() != blk.ed.body {
		t.Error("the focus is not in the customised text")
	}
	if !strings.Contains(blk.meta.FullText(), "customised copy") {
		t.Errorf("meta = %q, want it to say customised copy", blk.meta.FullText())
	}
	test.Type(blk.ed.body, "For Castellan's 23 hotels. ")
	test.Type(blk.ed.title, "Castellan: ")
	wantBody := "For Castellan's 23 hotels. " + lib.Body
	if b.p.Items[2].Body != wantBody {
		t.Fatalf("item body = %q", b.p.Items[2].Body)
	}
	if !strings.Contains(b.status.Text, "unsaved changes") {
		t.Errorf("status = %q, want unsaved changes", b.status.Text)
	}
	b.OnSave()
	saved, _ := st.Proposal(castellanProposal)
	got := saved.Items[2]
	if !got.Custom || got.Body != wantBody || got.Title != "Castellan: "+lib.Title || got.SectionID != lib.ID {
		t.Errorf("saved item = %+v, want the custom copy with the new text", got)
	}
	if again, _ := st.Section(lib.ID); again.Body != lib.Body {
		t.Error("editing the custom copy changed the library section")
	}
	// Done closes the editor and shows the summary of the new text, with
	// the typography of the export.
	test.Tap(blk.ed.done)
	if blk.ed != nil || !blk.summary.Visible() || !strings.HasPrefix(blk.summary.FullText(), "For Castellan’s 23 hotels.") {
		t.Errorf("after Done: editor %v, summary %q", blk.ed != nil, blk.summary.FullText())
	}
	if !blk.edit.Visible() {
		t.Error("a closed custom block has no Edit button")
	}
}

func TestSectionsReorder(t *testing.T) {
	_, w, _, b, s := openSections(t)
	start := secItemIDs(b.p.Items)
	if !s.blocks[0].up.Disabled() || !s.blocks[len(s.blocks)-1].down.Disabled() {
		t.Error("the first block can move up or the last down")
	}
	test.Tap(s.blocks[0].down)
	want := slices.Clone(start)
	want[0], want[1] = want[1], want[0]
	if got := secItemIDs(b.p.Items); !slices.Equal(got, want) {
		t.Fatalf("after Move down: %v, want %v", got, want)
	}
	if s.blocks[0].number.Text != "1." || s.blocks[1].number.Text != "2." || s.blocks[1].item().SectionID != start[0] {
		t.Error("blocks not renumbered")
	}
	test.Tap(s.blocks[1].up)
	if got := secItemIDs(b.p.Items); !slices.Equal(got, start) {
		t.Fatalf("after Move up: %v, want %v", got, start)
	}

	// Alt+Down and Alt+Up from the text of an open block.
	blk := s.blocks[0]
	test.Tap(blk.customise)
	alt := func(k fyne.KeyName) {
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt})
	}
	alt(fyne.KeyDown)
	alt(fyne.KeyDown)
	if got := secItemIDs(b.p.Items); got[2] != "cover-letter" || got[0] != start[1] || got[1] != start[2] {
		t.Fatalf("after Alt+Down twice: %v", got)
	}
	if s.blocks[2] != blk || blk.number.Text != "3." || w.Canvas().Focused() != blk.ed.body {
		t.Error("the moved block lost its place or the focus")
	}
	w.Canvas().Focus(blk.ed.title)
	alt(fyne.KeyUp)
	alt(fyne.KeyUp)
	alt(fyne.KeyUp) // already first: nothing happens
	if got := secItemIDs(b.p.Items); !slices.Equal(got, start) {
		t.Errorf("after Alt+Up from the title: %v, want %v", got, start)
	}
}

func TestSectionsRemoveAndUndo(t *testing.T) {
	_, _, st, b, s := openSections(t)
	start := secItemIDs(b.p.Items)
	if s.undo.Visible() {
		t.Error("Undo remove is shown before anything was removed")
	}
	test.Tap(s.blocks[3].remove)
	if got := secItemIDs(b.p.Items); len(got) != 6 || slices.Contains(got, start[3]) {
		t.Fatalf("after removing %s: %v", start[3], got)
	}
	if len(s.blocks) != 6 || s.blocks[3].number.Text != "4." {
		t.Error("the blocks were not renumbered after the removal")
	}
	if !s.undo.Visible() {
		t.Fatal("no Undo remove after removing a section")
	}
	test.Tap(s.undo)
	if got := secItemIDs(b.p.Items); !slices.Equal(got, start) {
		t.Fatalf("after Undo remove: %v, want %v", got, start)
	}
	if s.undo.Visible() {
		t.Error("Undo remove still shown after undoing")
	}
	if b.Dirty() {
		t.Error("the proposal is dirty after removing and restoring a section")
	}
	// A removal that is saved stays removed.
	test.Tap(s.blocks[6].remove)
	b.OnSave()
	saved, _ := st.Proposal(castellanProposal)
	if got := secItemIDs(saved.Items); !slices.Equal(got, start[:6]) {
		t.Errorf("saved after removing the last section: %v", got)
	}
}

func TestSectionsUnknownPlaceholder(t *testing.T) {
	_, w, _, b, s := openSections(t)
	test.Tap(secButton(t, s.root, "Add own section"))
	blk := s.blocks[len(s.blocks)-1]
	it := b.p.Items[blk.index]
	if it.Title != "New section" || it.Kind != proposal.KindOther || it.SectionID != "" || len(it.Audiences) != 4 || it.Audiences[proposal.HR] != 50 {
		t.Fatalf("own section = %+v", it)
	}
	if blk.ed == nil || w.Canvas().Focused() != blk.ed.title {
		t.Fatal("a new own section is not open with the focus in its title")
	}
	test.Type(blk.ed.title, "Why Castellan")
	if got := b.p.Items[blk.index].Title; got != "Why Castellan" {
		t.Errorf("typing over the selected title gave %q", got)
	}
	test.Type(blk.ed.body, "Written for {{acount.name}}.")
	if !blk.phUnknown.Visible() || !strings.Contains(blk.phUnknown.FullText(), "{{acount.name}}: unknown placeholder") {
		t.Errorf("unknown placeholder mark = %q (shown %v)", blk.phUnknown.FullText(), blk.phUnknown.Visible())
	}
	fs := secFindings(b.findings, "unknown-placeholder", blk.index)
	if len(fs) != 1 || fs[0].Severity != proposal.SeverityBlocking {
		t.Fatalf("findings for the section = %v, want one blocking unknown-placeholder", fs)
	}
	if marks := secMarks(blk); !slices.Contains(marks, ui.Tr(fs[0].Message, fs[0].Data)) {
		t.Errorf("marks under the block = %q, want the finding", marks)
	}
	if msg := blk.ed.fields.MessageOf("body"); !strings.Contains(msg, "{{acount.name}}") {
		t.Errorf("message under the text = %q", msg)
	}

	// Jumping to the finding from a closed block opens it with the focus
	// in its text.
	test.Tap(blk.ed.done)
	if !blk.problem.Visible() {
		t.Error("a closed block with an unknown placeholder shows no problem")
	}
	b.jump(fs[0].Place)
	if blk.ed == nil || w.Canvas().Focused() != blk.ed.body {
		t.Fatal("jumping to the finding did not open the block with the focus in its text")
	}

	blk.ed.body.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(blk.ed.body, "Written for ")
	i := slices.Index(proposal.Placeholders, "account.name")
	blk.ed.insert.SetSelectedIndex(i)
	test.Type(blk.ed.body, ".")
	if got := b.p.Items[blk.index].Body; got != "Written for {{account.name}}." {
		t.Errorf("body after inserting a placeholder = %q", got)
	}
	if blk.phUnknown.Visible() || len(secFindings(b.findings, "unknown-placeholder", blk.index)) != 0 {
		t.Error("the unknown placeholder is still flagged after fixing it")
	}
	if len(secMarks(blk)) != 0 {
		t.Errorf("marks after the fix = %q", secMarks(blk))
	}
	if want := "{{account.name}} = Castellan Hotels"; !strings.Contains(blk.phOK.FullText(), want) {
		t.Errorf("placeholders = %q, want %q", blk.phOK.FullText(), want)
	}
	if msg := blk.ed.fields.MessageOf("body"); msg != "" {
		t.Errorf("message under the text after the fix = %q", msg)
	}
	// A placeholder goes in at the cursor, not at the end.
	blk.ed.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	blk.ed.insert.SetSelectedIndex(slices.Index(proposal.Placeholders, "today"))
	if got := b.p.Items[blk.index].Body; got != "{{today}}Written for {{account.name}}." {
		t.Errorf("body after inserting at the start = %q", got)
	}
	if blk.ed.insert.SelectedIndex() != -1 {
		t.Error("the Insert placeholder drop-down keeps its choice")
	}
}

func TestSectionsEmptyPlaceholderAndWeights(t *testing.T) {
	_, _, _, b, s := openSections(t)
	test.Tap(secButton(t, s.root, "Add own section"))
	blk := s.blocks[len(s.blocks)-1]
	test.Type(blk.ed.body, "Signed {{author.email}} and {{financial.roi}}")
	if blk.phEmpty.Visible() {
		t.Errorf("empty placeholders flagged while every value is known: %q", blk.phEmpty.FullText())
	}
	// The financial result is cleared on its tab: the ROI has no value.
	b.p.Financial = proposal.Financial{}
	b.changed()
	if !blk.phEmpty.Visible() || !strings.Contains(blk.phEmpty.FullText(), "{{financial.roi}}: no value") {
		t.Errorf("empty placeholder mark = %q (shown %v)", blk.phEmpty.FullText(), blk.phEmpty.Visible())
	}
	// Weights: 0 leaves an audience out, text is refused with a message.
	ed := blk.ed
	ed.weights[1].SetText("0")
	ed.weights[2].SetText("")
	ed.weights[3].SetText("abc")
	it := b.p.Items[blk.index]
	if _, ok := it.Audiences[proposal.HR]; ok || it.Audiences[proposal.Technical] != 50 || it.Audiences[proposal.Finance] != 0 {
		t.Errorf("weights = %v", it.Audiences)
	}
	if ed.fields.MessageOf("audiences") == "" {
		t.Error("no message for a weight that is not a number")
	}
	ed.weights[3].SetText("150")
	if msg := ed.fields.MessageOf("audiences"); !strings.Contains(msg, "between 1 and 100") {
		t.Errorf("message for a weight of 150 = %q", msg)
	}
	if !strings.Contains(blk.meta.FullText(), "Executive 50 · Technical 150") {
		t.Errorf("meta = %q", blk.meta.FullText())
	}
}

func TestSectionsMissingLibrarySection(t *testing.T) {
	d, w, st := openProposalArea(t, true)
	if _, err := st.DeleteSection("references-similar-projects"); err != nil {
		t.Fatal(err)
	}
	d.Show(ui.Place{Screen: "proposal", ID: castellanProposal})
	b := d.Current().(*builder)
	s := b.part(tabSections).(*sectionsEditor)
	blk := s.blocks[3]
	if blk.title.FullText() != "Missing library section" || !strings.Contains(blk.meta.FullText(), "references-similar-projects") {
		t.Errorf("missing section block: %q / %q", blk.title.FullText(), blk.meta.FullText())
	}
	if len(secFindings(b.findings, "missing-section", 3)) != 1 || len(secMarks(blk)) == 0 {
		t.Error("the missing section has no blocking mark")
	}
	b.jump(proposal.Place{Area: proposal.AreaSection, Item: 3})
	if w.Canvas().Focused() != blk.remove {
		t.Error("jumping to a missing section does not put the focus on Remove")
	}
	test.Tap(blk.remove)
	if slices.Contains(secItemIDs(b.p.Items), "references-similar-projects") || len(secFindings(b.findings, "missing-section", 3)) != 0 {
		t.Error("removing the missing section left it or its finding")
	}
}

func TestSectionsGolden(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	b, err := NewBuilder(d, st, castellanProposal)
	if err != nil {
		t.Fatal(err)
	}
	s := b.part(tabSections).(*sectionsEditor)
	// The tab alone, so that the other tabs of the builder do not change it.
	w := test.NewTempWindow(t, s.Content())
	w.Resize(fyne.NewSize(1000, 1400))
	test.AssertRendersToMarkup(t, "builder/sections.xml", w.Canvas())

	s.blocks[1].toggleText()
	s.customise(s.blocks[2])
	s.addOwn()
	test.Type(s.blocks[7].ed.body, "Hello {{acount.name}}")
	w.Resize(fyne.NewSize(1000, 2400))
	secRelayout(w)
	test.AssertRendersToMarkup(t, "builder/sections_editing.xml", w.Canvas())
}

// BenchmarkTypeInLongProposal types into the text (about 1,000
// characters) of one open section of a proposal with 40 other sections,
// at the start of the text.
//
//   - "entry-alone" is the same keystroke in a lone Entry of the same text
//     and width: what Fyne itself costs;
//   - "keystroke" is what a key costs in the Sections tab while typing:
//     the entry, the item, the block's placeholders and validation, the
//     builder's header (the readiness check waits for a pause in typing);
//   - "with-check" adds the readiness check that runs after the pause.
func BenchmarkTypeInLongProposal(bm *testing.B) {
	test.NewTempApp(bm)
	st, err := store.Open(bm.TempDir(), store.Options{NoGC: true})
	if err != nil {
		bm.Fatal(err)
	}
	defer st.Close()
	if _, err := st.LoadSample(assets.Sample, uitest.Today, export.Snapshot); err != nil {
		bm.Fatal(err)
	}
	w := test.NewTempWindow(bm, nil)
	d := ui.NewFrame(w, nil, ui.Options{
		Today: func() dossier.Date { return uitest.Today },
		Defer: func(f func()) { f() }, Background: func(work, done func()) { work(); done() },
	})
	d.SetScreens(map[string]ui.Maker{"proposal": func(id string) (ui.Screen, error) { return NewBuilder(d, st, id) }})
	w.SetContent(d.Body())
	w.Resize(fyne.NewSize(1280, 800))
	d.Show(ui.Place{Screen: "proposal", ID: castellanProposal})
	b := d.Current().(*builder)
	s := b.part(tabSections).(*sectionsEditor)
	para := "Castellan's guests expect a quiet, comfortable room the moment they open the door; {{account.name}} expects lower energy bills. "
	for len(s.blocks) < 41 {
		s.add(proposal.Item{Title: "Own section", Kind: proposal.KindBenefits,
			Audiences: proposal.Weights{proposal.Executive: 60}, Body: strings.Repeat(para, 5)})
	}
	if len(s.blocks) != 41 {
		bm.Fatalf("%d sections", len(s.blocks))
	}
	blk := s.blocks[20]
	blk.expand()
	lone := widget.NewMultiLineEntry()
	lone.Wrapping = fyne.TextWrapWord
	w2 := test.NewTempWindow(bm, lone)
	w2.SetPadded(false)
	w2.Resize(blk.ed.body.Size())

	// Every 100 keys the text starts again; every run types the same texts.
	text := func(i int) string { return fmt.Sprintf("Draft %d. %s", i/100, strings.Repeat(para, 8)) }
	typing := func(bm *testing.B, e fyne.Focusable, setText func(string)) {
		setText(text(0))
		bm.ResetTimer()
		for i := 0; i < bm.N; i++ {
			if i%100 == 99 {
				bm.StopTimer()
				setText(text(i + 1))
				bm.StartTimer()
			}
			test.Type(e, "a")
		}
	}
	// Warm Fyne's cache of measured text up for both entries with the same
	// texts, so that every run measures the same thing: the work one key
	// causes.
	d.Options().After = func(time.Duration, func()) {}
	for _, e := range []interface {
		fyne.Focusable
		SetText(string)
	}{blk.ed.body, lone} {
		for i := range 600 {
			if i%100 == 0 {
				e.SetText(text(i))
			}
			test.Type(e, "a")
		}
	}
	bm.Run("entry-alone", func(bm *testing.B) { typing(bm, lone, lone.SetText) })
	bm.Run("keystroke", func(bm *testing.B) {
		d.Options().After = func(time.Duration, func()) {} // the check waits for a pause
		typing(bm, blk.ed.body, blk.ed.body.SetText)
	})
	bm.Run("with-check", func(bm *testing.B) {
		d.Options().After = func(_ time.Duration, f func()) { f() }
		typing(bm, blk.ed.body, blk.ed.body.SetText)
	})
}

// TestSectionsFillInAfterOpening: the Sections tab opens with its first
// blocks in the column and puts the others in afterwards, a few at a
// time, as deferred work (the window draws in between); moving a block
// before that puts them all in first, in the proposal's order.
func TestSectionsFillInAfterOpening(t *testing.T) {
	for _, moveFirst := range []bool{false, true} {
		f, _, st := openProposalArea(t, true)
		q := &uitest.Queue{Host: f}
		b, err := NewBuilder(q, st, castellanProposal)
		if err != nil {
			t.Fatal(err)
		}
		f.Area().Objects = []fyne.CanvasObject{b.Content()}
		f.Area().Refresh()
		s := b.part(tabSections).(*sectionsEditor)
		n := len(b.p.Items)
		if n <= secFirstBlocks+secMoreBlocks {
			t.Fatalf("the proposal has %d sections: too few to fill in", n)
		}
		if len(s.blocks) != n || len(s.list.Objects) != secFirstBlocks || q.Len() != 1 {
			t.Fatalf("as it opens: %d blocks, %d in the column, %d jobs waiting; want %d, %d, 1",
				len(s.blocks), len(s.list.Objects), q.Len(), n, secFirstBlocks)
		}
		if moveFirst {
			s.move(s.blocks[secFirstBlocks-1], 1)
		} else {
			q.Step()
			if len(s.list.Objects) != secFirstBlocks+secMoreBlocks {
				t.Errorf("after one step %d blocks are in the column, want %d", len(s.list.Objects), secFirstBlocks+secMoreBlocks)
			}
		}
		q.Run()
		if len(s.list.Objects) != n {
			t.Fatalf("at the end %d of %d blocks are in the column", len(s.list.Objects), n)
		}
		for i, blk := range s.blocks {
			if s.list.Objects[i] != blk.card || blk.index != i || blk.number.Text != strconv.Itoa(i+1)+"." {
				t.Errorf("block %d: in the column at the wrong place, or numbered %q", i, blk.number.Text)
			}
			if blk.card.Size().Height == 0 {
				t.Errorf("block %d is not laid out", i)
			}
		}
	}
}

// TestClosedBlocksReadAsTheClientReadsThem: a closed block shows the
// beginning of its text with the placeholders filled in (for the audience
// it weighs most for) and without Markdown markup; a placeholder without a
// value stays as written.
func TestClosedBlocksReadAsTheClientReadsThem(t *testing.T) {
	_, _, _, b, s := openSections(t)
	cover := s.blocks[0]
	got := cover.summary.FullText()
	if strings.Contains(got, "{{account.name}}") || strings.Contains(got, "*") || !strings.Contains(got, "Castellan Hotels") {
		t.Errorf("the covering letter's block reads %q, want its placeholders filled in and no markup", got)
	}
	if !strings.HasPrefix(got, "Dear ") || strings.Contains(got, "{{person.name}}") {
		t.Errorf("the covering letter opens %q, want it addressed to a person", got)
	}
	b.p.Items[0].Custom, b.p.Items[0].Title, b.p.Items[0].Body = true, "Letter", "**Hello** {{person.nickname_unknown_x}} and {{account.goals}}"
	b.ctx.Account.Goals = ""
	s.setValues()
	cover.show()
	if got := cover.summary.FullText(); strings.Contains(got, "**") {
		t.Errorf("a body with an unknown placeholder shows %q", got)
	}
	b.p.Items[0].Body = "**Hello** {{account.goals}}"
	cover.show()
	if got := cover.summary.FullText(); got != "Hello {{account.goals}}" {
		t.Errorf("a placeholder without a value shows as %q, want it as written", got)
	}
}

// TestSectionsOutlineJumpsAndMoves: the outline beside the blocks lists
// every section by number and title with its kind and audiences; choosing
// a row scrolls its block into view; the arrows and Alt+Down move the
// section chosen, which stays chosen.
func TestSectionsOutlineJumpsAndMoves(t *testing.T) {
	_, w, _, b, s := openSections(t)
	w.Resize(fyne.NewSize(1280, 700))
	o := s.outline
	n := len(b.p.Items)
	if n < 6 || o.list.Length() != n {
		t.Fatalf("the outline lists %d rows for %d sections", o.list.Length(), n)
	}
	title, meta := o.rowText(0)
	if title != "1. Covering letter" || !strings.Contains(meta, "Executive 70") {
		t.Errorf("the first row says %q / %q", title, meta)
	}
	last := n - 1
	o.list.Select(last)
	if s.scroll.Offset.Y == 0 {
		t.Error("choosing the last section in the outline did not scroll to its block")
	}
	if !o.down.Disabled() || o.up.Disabled() {
		t.Errorf("for the last section: up disabled %v, down disabled %v", o.up.Disabled(), o.down.Disabled())
	}
	o.list.Select(1)
	second := secItemIDs(b.p.Items)[1]
	test.Tap(o.down)
	if got := secItemIDs(b.p.Items)[2]; got != second || o.chosen != 2 {
		t.Errorf("after moving the second section down the third is %q (chosen row %d), want %q at row 2", got, o.chosen, second)
	}
	o.list.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	if got := secItemIDs(b.p.Items)[3]; got != second || o.chosen != 3 {
		t.Errorf("Alt+Down in the outline left %q at row 3 (chosen %d), want %q", got, o.chosen, second)
	}
	if title, _ := o.rowText(3); !strings.HasPrefix(title, "4. ") {
		t.Errorf("the moved section's row says %q", title)
	}
	if !b.Dirty() {
		t.Error("moving sections in the outline left the proposal unchanged")
	}
}

// TestSectionsOutlineRowsDrag: dragging a row of the outline moves its
// section there, the sections between closing up; a line shows where it
// would go while the pointer moves; a drag that ends where it began moves
// nothing.
func TestSectionsOutlineRowsDrag(t *testing.T) {
	_, w, _, b, s := openSections(t)
	w.Resize(fyne.NewSize(1280, 700))
	o := s.outline
	before := secItemIDs(b.p.Items)
	row := outlineRowAt(t, o, 1)
	step := row.Size().Height + theme.Padding()
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: step}})
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 2 * step}})
	if !o.dropLine.Visible() {
		t.Error("no line shows where the row dragged would go")
	}
	row.DragEnd()
	if o.dropLine.Visible() {
		t.Error("the line stays after the drag ended")
	}
	want := append([]string{before[0], before[2], before[3], before[4], before[1]}, before[5:]...)
	if got := secItemIDs(b.p.Items); !slices.Equal(got, want) {
		t.Errorf("after dragging row 2 three rows down the sections are\n%q, want\n%q", got, want)
	}
	if o.chosen != 4 {
		t.Errorf("the row chosen is %d, want the moved section's, 4", o.chosen)
	}
	if title, _ := o.rowText(4); !strings.HasPrefix(title, "5. ") {
		t.Errorf("the moved section's row says %q", title)
	}
	if !b.Dirty() {
		t.Error("dragging a section left the proposal unchanged")
	}

	// Up to the top, a pixel at a time as a pointer goes.
	row = outlineRowAt(t, o, 4)
	for range int(4 * step) {
		row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -1}})
	}
	row.DragEnd()
	want = append([]string{before[1], before[0]}, before[2:]...)
	if got := secItemIDs(b.p.Items); !slices.Equal(got, want) {
		t.Errorf("after dragging row 5 to the top the sections are\n%q, want\n%q", got, want)
	}

	// Back where it began: nothing moves.
	moved := secItemIDs(b.p.Items)
	row = outlineRowAt(t, o, 2)
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: step}})
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -step}})
	row.DragEnd()
	if got := secItemIDs(b.p.Items); !slices.Equal(got, moved) {
		t.Errorf("a drag back to its row moved sections: %q", got)
	}
}

// outlineRowAt is the outline's row showing section i.
func outlineRowAt(t *testing.T, o *secOutline, i int) *outlineRow {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o.list) {
		if r, ok := obj.(*outlineRow); ok && r.id == i && r.Visible() {
			return r
		}
	}
	t.Fatalf("no row of the outline shows section %d", i+1)
	return nil
}

// TestSectionsAddFromLibraryByKeyboard: the library dialog opens with the
// focus on its sections; Down and Space or Enter tick a section, again
// untick it.
func TestSectionsAddFromLibraryByKeyboard(t *testing.T) {
	_, w, _, _, s := openSections(t)
	test.Tap(secButton(t, s.root, "Add from library"))
	p := s.picker
	if w.Canvas().Focused() != p.list {
		t.Fatalf("the library dialog opens with the focus on %T, want its sections", w.Canvas().Focused())
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !p.picked[p.shown[1].ID] || len(p.picked) != 1 {
		t.Errorf("Down, Enter ticked %v, want the second section", p.picked)
	}
	p.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(p.picked) != 0 {
		t.Errorf("Space on a ticked section left %v ticked", p.picked)
	}
}
