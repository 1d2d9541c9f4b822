package proposals

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/preview"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// outputDraft is the sample's draft proposal, ready to send with one
// warning.
const outputDraft = "prop-castellan-calm-rollout"

// outOpen shows the builder of proposal id on the desk.
func outOpen(t *testing.T, d *ui.Frame, id string) *builder {
	t.Helper()
	d.Show(ui.Place{Screen: "proposal", ID: id})
	b, ok := d.Current().(*builder)
	if !ok {
		t.Fatalf("screen = %T, want the proposal builder", d.Current())
	}
	return b
}

// outPartWindow shows a part of a builder that is not on the desk alone in
// a window, for golden markup that does not change with the other tabs.
func outPartWindow(t *testing.T, d *ui.Frame, st *store.Store, id, tab string, size fyne.Size) (*builder, fyne.Window) {
	t.Helper()
	b, err := NewBuilder(d, st, id)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, b.part(tab).Content())
	w.Resize(size)
	return b, w
}

// outTexts returns the texts of the labels and rich texts under o.
func outTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		switch c := c.(type) {
		case *widget.Label:
			out = append(out, c.Text)
		case *ui.WrapLabel:
			out = append(out, c.FullText())
		case *widget.RichText:
			out = append(out, preview.Text(c))
		}
	}
	return out
}

// outPreviewCells returns the text of the cells of the preview's tables
// under o, row by row.
func outPreviewCells(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if cells, ok := preview.TableCells(c); ok {
			for _, cell := range cells {
				out = append(out, preview.Text(cell))
			}
		}
	}
	return out
}

func TestAudiencesShowTheVariantOnScreenOnly(t *testing.T) {
	d, _, _ := openProposalArea(t, true)
	b := outOpen(t, d, outputDraft)
	a := b.part(tabAudiences).(*audiencesPart)
	if a.assembled != 0 {
		t.Fatalf("%d variants assembled before the tab was shown, want none", a.assembled)
	}
	b.showTab(tabAudiences)
	if a.assembled != 1 || a.current().a != proposal.Executive || a.current().built != a.gen {
		t.Fatalf("showing the tab assembled %d variants (current %s), want the executive one only", a.assembled, a.current().a)
	}
	a.showAudience(proposal.Finance)
	fin := a.current()
	if a.assembled != 2 || fin.a != proposal.Finance {
		t.Fatalf("after choosing Finance: %d assembled, current %s", a.assembled, fin.a)
	}
	texts := outTexts(fin.box)
	for _, want := range []string{"Samuel Hart  Chief Financial Officer · Doubter", "Valid until 11 January 2027 (",
		"The readiness check found nothing to fix in this variant."} {
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, want) }) {
			t.Errorf("the finance tab does not show %q; it shows %q", want, texts)
		}
	}
	if cells := outPreviewCells(fin.box); !slices.Contains(cells, "Room climate controller with occupancy sensor") {
		t.Errorf("the finance preview has no pricing table: cells %q", cells)
	}

	fin.scroll.ScrollToOffset(fyne.NewPos(0, 300))

	// Typing does not assemble anything; the check after the pause does,
	// for the variant on screen only, keeping the place of the reader.
	var pending []func()
	d.Options().After = func(_ time.Duration, f func()) { pending = append(pending, f) }
	for _, s := range []string{"C", "Ca", "Cal"} {
		b.p.Title = s
		b.changed()
	}
	if a.assembled != 2 {
		t.Errorf("%d variants assembled while typing, want none more", a.assembled-2)
	}
	for _, f := range pending {
		f() // only the last one runs the check
	}
	if a.assembled != 3 {
		t.Errorf("the check after typing assembled %d variants, want the one on screen", a.assembled-2)
	}
	if !slices.Contains(outTexts(fin.box), "Cal") {
		t.Error("the preview does not show the new title after the check")
	}
	if y := fin.scroll.Offset.Y; y != 300 {
		t.Errorf("the preview scrolled to %v after the check, want to stay at 300", y)
	}
	if exe := a.views[0]; exe.built == a.gen {
		t.Error("the executive variant, not on screen, was assembled again")
	}
	a.showAudience(proposal.Executive)
	if a.assembled != 4 || !slices.Contains(outTexts(a.views[0].box), "Cal") {
		t.Error("coming back to the executive variant does not show it up to date")
	}
}

func TestAudiencesSayWhenNobodyReadsAVariant(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	p, err := st.Person("castellan-samuel-hart")
	if err != nil {
		t.Fatal(err)
	}
	p.Type = "other"
	if err := st.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	b, w := outPartWindow(t, d, st, outputDraft, tabAudiences, fyne.NewSize(900, 700))
	a := b.part(tabAudiences).(*audiencesPart)
	a.showAudience(proposal.Finance)
	if !slices.Contains(outTexts(a.current().box), "Nobody of this type in the dossier") {
		t.Errorf("the finance tab without financiers shows %q", outTexts(a.current().box))
	}
	test.AssertRendersToMarkup(t, "builder/audiences_nobody.xml", w.Canvas())
}

func TestAudiencesGolden(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	b, w := outPartWindow(t, d, st, outputDraft, tabAudiences, fyne.NewSize(900, 700))
	b.part(tabAudiences).(*audiencesPart).showAudience(proposal.Finance)
	test.AssertRendersToMarkup(t, "builder/audiences_finance.xml", w.Canvas())
}

func TestOpenInBrowserWritesAPrivateFile(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	d, _, _ := openProposalArea(t, true)
	var opened *url.URL
	d.Options().OpenURL = func(u *url.URL) error { opened = u; return nil }
	b := outOpen(t, d, outputDraft)
	b.showTab(tabAudiences)
	a := b.part(tabAudiences).(*audiencesPart)
	a.showAudience(proposal.Finance)
	test.Tap(a.current().open)
	if a.opened == "" {
		t.Fatal("Open in browser wrote no file")
	}
	data, err := os.ReadFile(a.opened)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "<table>", "Room climate controller with occupancy sensor", "Valid until 11 January 2027"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file opened in the browser has no %q", want)
		}
	}
	if want := "Castellan Hotels - Castellan Calm_ guest-room climate control for the 23-hotel roll-out - v1 - 2026-11-23 - Finance.html"; filepath.Base(a.opened) != want {
		t.Errorf("file name %q, want %q", filepath.Base(a.opened), want)
	}
	if runtime.GOOS != "windows" {
		for _, p := range []string{a.opened, filepath.Dir(a.opened)} {
			if info, err := os.Stat(p); err != nil || info.Mode().Perm()&0o077 != 0 {
				t.Errorf("%s is readable by others (%v, %v)", p, info.Mode(), err)
			}
		}
	}
	if opened == nil || opened.Scheme != "file" || opened.Path != filepath.ToSlash(a.opened) {
		t.Errorf("OpenURL got %v, want the file %s", opened, a.opened)
	}
}

// outFindingRow returns the readiness row of the finding with code.
func outFindingRow(t *testing.T, r *readinessPart, code string) *findingRow {
	t.Helper()
	for _, row := range r.rows {
		if row.f.Code == code {
			return row
		}
	}
	var codes []string
	for _, row := range r.rows {
		codes = append(codes, row.f.Code)
	}
	t.Fatalf("no %q in the readiness tab; it lists %q", code, codes)
	return nil
}

// outRegistered reports whether the builder has the tab name.
func outRegistered(name string) bool {
	return slices.ContainsFunc(builderTabs(), func(t builderTab) bool { return t.name == name })
}

func TestReadinessListsFindingsAndJumpsToTheFix(t *testing.T) {
	d, _, _ := openProposalArea(t, true)
	b := outOpen(t, d, outputDraft)
	r := b.part(tabReadiness).(*readinessPart)
	if got, want := r.summary.Text, "Ready to send, 1 warning"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	b.p.Credits = nil
	b.changed()
	if got, want := r.summary.Text, "1 to fix before sending, 1 warning"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if got := b.readiness.Text; got != "1 to fix" {
		t.Errorf("the header button says %q, want the count of blocking findings", got)
	}
	row := outFindingRow(t, r, "no-credits")
	if got := outTexts(row); !slices.Contains(got, "Nobody is credited for preparing the proposal.") ||
		!slices.Contains(got, "Whole proposal") {
		t.Errorf("the no-credits row shows %q", got)
	}
	b.showTab(tabReadiness)
	if !outRegistered(tabPeople) {
		t.Skip("the References and team tab is not registered yet: cannot check the jump to it")
	}
	test.Tap(row)
	if b.tabs.Selected() != b.tabOf[tabPeople] {
		t.Errorf("tapping no-credits selected %q, want References and team", b.tabs.Selected().Text)
	}
	b.p.ValidUntil, b.p.ValidDays = dossier.Date{}, 0
	b.changed()
	b.showTab(tabReadiness)
	if !outRegistered(tabValidity) {
		t.Skip("the Validity tab is not registered yet: cannot check the jump to it")
	}
	test.Tap(outFindingRow(t, r, "no-expiry"))
	if b.tabs.Selected() != b.tabOf[tabValidity] {
		t.Errorf("tapping no-expiry selected %q, want Validity", b.tabs.Selected().Text)
	}
}

func TestReadinessGolden(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	b, w := outPartWindow(t, d, st, outputDraft, tabReadiness, fyne.NewSize(800, 500))
	b.p.Credits = nil
	b.check()
	test.AssertRendersToMarkup(t, "builder/readiness.xml", w.Canvas())
	b.p.Credits = []proposal.Credit{{MemberID: "team-tomas-reyes"}}
	b.p.Items = append(b.p.Items, proposal.Item{SectionID: "uniqueness-key-client-terms"})
	b.check()
	if got := b.part(tabReadiness).(*readinessPart).summary.Text; got != "Ready to send" {
		t.Errorf("summary = %q, want Ready to send", got)
	}
}

func TestExportProposalWritesTheFiles(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	p, err := st.Proposal(outputDraft)
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := st.Context(p.AccountID, d.Today())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()

	file := filepath.Join(dir, "finance.html")
	files, _, err := export.Proposal(&p, ctx, proposal.Finance, export.HTML, file, now, export.Options{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(files, []string{file}) {
		t.Fatalf("wrote %q, want %q", files, file)
	}
	data, _ := os.ReadFile(file)
	html := string(data)
	table := html[strings.Index(html, "<table>"):]
	for _, want := range []string{"Room climate controller with occupancy sensor", "GBP 861,120.00", "Total GBP"} {
		if !strings.Contains(table, want) {
			t.Errorf("the pricing table of the finance export has no %q", want)
		}
	}
	if !strings.Contains(html, "Valid until 11 January 2027") {
		t.Error("the finance export has no validity")
	}
	if want := (proposal.Export{At: now, Audience: proposal.Finance, Format: "html", File: file}); len(p.Exports) != 1 || p.Exports[0] != want {
		t.Errorf("exports = %+v, want %+v", p.Exports, want)
	}

	all := filepath.Join(dir, "all", "of", "them")
	files, _, err = export.Proposal(&p, ctx, export.Every, export.Markdown, all, now, export.Options{Replace: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 5 || len(p.Exports) != 6 {
		t.Fatalf("exporting all wrote %d files and recorded %d exports, want 5 and 6", len(files), len(p.Exports))
	}
	for i, a := range proposal.Variants {
		want := filepath.Join(all, proposal.ExportFileName("Castellan Hotels", p.Title, p.Rev(), p.NameDate(dossier.DateOf(now.Local())), a, "md"))
		if files[i] != want || p.Exports[i+1].Audience != a || p.Exports[i+1].Format != "md" {
			t.Errorf("file %d = %q (%+v), want %q", i, files[i], p.Exports[i+1], want)
		}
		v, _ := proposal.Assemble(&p, ctx, a)
		if data, _ := os.ReadFile(want); string(data) != v.Markdown {
			t.Errorf("%s: the Markdown export is not the assembled variant", want)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(all, ".kamdesk-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
	if _, _, err := export.Proposal(&p, ctx, proposal.Finance, "docx", file, now, export.Options{Replace: true}); err == nil {
		t.Error("exporting as docx did not fail")
	}
}

func TestExportDialogRecordsTheExport(t *testing.T) {
	d, w, st := openProposalArea(t, true)
	var opened []string
	d.Options().OpenURL = func(u *url.URL) error { opened = append(opened, u.Path); return nil }
	b := outOpen(t, d, outputDraft)
	before := len(b.p.Exports)
	b.p.Title = "Castellan Calm, revised" // an unsaved edit stays unsaved
	b.changed()

	e := b.newExporter()
	if e.warning.Visible() {
		t.Error("the dialog warns of blocking problems, but there are none")
	}
	e.format.SetSelected("HTML")
	if e.named.Checked || e.named.Disabled() {
		t.Errorf("one variant: its file's name says the audience %v (changeable %v), want not by default", e.named.Checked, !e.named.Disabled())
	}
	// The whole group's variant alone is one file (it used to be every
	// variant, in a folder named like the file).
	e.audience.SetSelected("Whole group")
	a, all, format := e.chosen()
	if a != proposal.All || all {
		t.Fatalf("chosen for the whole group = %s, %v", a, all)
	}
	group := filepath.Join(t.TempDir(), "group.html")
	e.run(a, format, group)
	if info, err := os.Stat(group); err != nil || !info.Mode().IsRegular() || len(e.written) != 1 {
		t.Fatalf("the whole group's variant wrote %q (%v), want the one file %s", e.written, err, group)
	}
	e.result.Hide()
	before++

	e.audience.SetSelected("Finance")
	a, all, format = e.chosen()
	if a != proposal.Finance || all || format != export.HTML {
		t.Fatalf("chosen = %s, %v, %s", a, all, format)
	}
	file := filepath.Join(t.TempDir(), "castellan.html")
	e.run(a, format, file)
	if !slices.Equal(e.written, []string{file}) {
		t.Fatalf("the dialog wrote %q, want %q", e.written, file)
	}
	stored, err := st.Proposal(outputDraft)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(stored.Exports); n != before+1 || stored.Exports[n-1].File != file || stored.Exports[n-1].Audience != proposal.Finance {
		t.Fatalf("stored exports = %+v, want the finance file recorded", stored.Exports)
	}
	if stored.Title == b.p.Title {
		t.Error("exporting saved the unsaved title")
	}
	if !slices.Equal(b.p.Exports, stored.Exports) || !b.Dirty() {
		t.Errorf("working copy: exports %+v, dirty %v; want the stored exports and the title still unsaved", b.p.Exports, b.Dirty())
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), "Castellan Calm, revised") {
		t.Error("the export is not of the working copy as the user sees it")
	}

	// the result dialog lists the file and opens it or its folder
	if e.result == nil {
		t.Fatal("no result dialog")
	}
	buttons := map[string]*widget.Button{}
	var shown []string
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		switch o := o.(type) {
		case *widget.Button:
			buttons[o.Text] = o
		case *widget.Label:
			shown = append(shown, o.Text)
		}
	}
	if !slices.Contains(shown, file) {
		t.Errorf("the result dialog shows %q, not the file written", shown)
	}
	test.Tap(buttons["Open"])
	test.Tap(buttons["Show in folder"])
	if want := []string{filepath.ToSlash(file), filepath.ToSlash(filepath.Dir(file))}; !slices.Equal(opened, want) {
		t.Errorf("opened %q, want %q", opened, want)
	}
	e.result.Hide()

	// every variant into a folder
	e.audience.SetSelected("All variants")
	a, all, _ = e.chosen()
	if a != export.Every || !all {
		t.Fatalf("chosen = %s, %v", a, all)
	}
	if !e.named.Checked || !e.named.Disabled() {
		t.Errorf("for every variant the files' names must name the audience: checked %v, disabled %v", e.named.Checked, e.named.Disabled())
	}
	folder := t.TempDir()
	e.runIn(a, export.Markdown, folder, false)
	stored, _ = st.Proposal(outputDraft)
	if len(e.written) != 5 || len(stored.Exports) != before+6 {
		t.Errorf("exporting all wrote %d files, %d exports stored; want 5 and %d", len(e.written), len(stored.Exports), before+6)
	}
	if texts := outTexts(w.Canvas().Overlays().Top()); !slices.Contains(texts, "Exported 5 files:") {
		t.Errorf("the result dialog shows %q", texts)
	}
	e.result.Hide()

	// into the same folder again: it asks; Cancel writes nothing
	first := e.written[0]
	os.WriteFile(first, []byte("edited by hand"), 0o600)
	e.runIn(a, export.Markdown, folder, false)
	if texts := outTexts(w.Canvas().Overlays().Top()); !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, "5 files of this export are in") }) {
		t.Fatalf("exporting over the files shows %q", texts)
	}
	uitest.AnswerQuestion(t, w, "Cancel")
	if data, _ := os.ReadFile(first); string(data) != "edited by hand" {
		t.Errorf("Cancel: %s holds %q", first, data)
	}
	if s2, _ := st.Proposal(outputDraft); len(s2.Exports) != before+6 {
		t.Errorf("Cancel recorded exports: %d, want %d", len(s2.Exports), before+6)
	}
	e.runIn(a, export.Markdown, folder, false)
	uitest.AnswerQuestion(t, w, "Replace")
	if data, _ := os.ReadFile(first); string(data) == "edited by hand" {
		t.Error("Replace left the file as it was")
	}
}

func TestExportDialogWarnsOfBlockingProblems(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	b, err := NewBuilder(d, st, outputDraft)
	if err != nil {
		t.Fatal(err)
	}
	b.p.Credits = nil
	b.check()
	e := b.newExporter()
	w := test.NewTempWindow(t, e.form())
	w.Resize(fyne.NewSize(520, 200))
	if !e.warning.Visible() {
		t.Error("no warning with a blocking problem left")
	}
	test.AssertRendersToMarkup(t, "builder/export.xml", w.Canvas())
}

func TestReadinessSummary(t *testing.T) {
	b := proposal.Finding{Severity: proposal.SeverityBlocking}
	w := proposal.Finding{Severity: proposal.SeverityWarning}
	for _, c := range []struct {
		fs   []proposal.Finding
		want string
	}{
		{nil, "Ready to send"},
		{[]proposal.Finding{w, w}, "Ready to send, 2 warnings"},
		{[]proposal.Finding{b}, "1 to fix before sending"},
		{[]proposal.Finding{b, b, w}, "2 to fix before sending, 1 warning"},
	} {
		if got, _ := readinessSummary(&proposal.Proposal{Status: proposal.Draft}, c.fs); got != c.want {
			t.Errorf("summary of %d findings = %q, want %q", len(c.fs), got, c.want)
		}
	}
	// A proposal sent already is not "ready to send".
	if got, _ := readinessSummary(&proposal.Proposal{Status: proposal.Sent}, []proposal.Finding{w}); got != "Checks pass, 1 warning" {
		t.Errorf("summary of a sent proposal = %q", got)
	}
}

// TestAudiencesPreviewFillsIn: a variant shown for the first time is
// assembled once the window drew the tab (deferred work), its preview
// shows its first blocks then and the others a few at a time as more
// deferred work, in the end all of them in the order of the document;
// shown again after a change, it shows them all at once, so that the
// reader stays where they were reading.
func TestAudiencesPreviewFillsIn(t *testing.T) {
	f, w, st := openProposalArea(t, true)
	w.Resize(fyne.NewSize(1280, 800))
	q := &uitest.Queue{Host: f}
	b, err := NewBuilder(q, st, outputDraft+":"+tabAudiences)
	if err != nil {
		t.Fatal(err)
	}
	f.Area().Objects = []fyne.CanvasObject{b.Content()}
	f.Area().Refresh()
	a := b.part(tabAudiences).(*audiencesPart)
	v := a.current()
	if a.assembled != 0 || v.preview != nil || q.Len() != 1 {
		t.Fatalf("as the tab opens %d variants are assembled and %d jobs wait, want none and 1", a.assembled, q.Len())
	}
	q.Step()
	col, ok := v.preview.(*fyne.Container)
	if !ok {
		t.Fatalf("the preview is a %T", v.preview)
	}
	above, under := export.DocumentOf(&b.p, b.ctx, v.variant, time.Now()).CoverLines()
	if len(above) == 0 {
		t.Fatal("the sample's house style gives no cover page")
	}
	all := preview.DocumentBlocks(v.variant.Markdown, above, under)
	if len(all) <= previewFirstBlocks+previewMoreBlocks {
		t.Fatalf("the variant has %d blocks: too few to fill in", len(all))
	}
	if len(col.Objects) != previewFirstBlocks || q.Len() != 1 {
		t.Fatalf("as the variant is built the preview has %d blocks and %d jobs wait, want %d and 1", len(col.Objects), q.Len(), previewFirstBlocks)
	}
	q.Step()
	if len(col.Objects) != previewFirstBlocks+previewMoreBlocks {
		t.Errorf("after one step it has %d blocks", len(col.Objects))
	}
	q.Run()
	if len(col.Objects) != len(all) {
		t.Fatalf("in the end it has %d of %d blocks", len(col.Objects), len(all))
	}
	var texts, want []string
	for i := range all {
		texts = append(texts, strings.Join(outTexts(col.Objects[i]), "|"))
		want = append(want, strings.Join(outTexts(all[i]), "|"))
	}
	if !slices.Equal(texts, want) {
		t.Errorf("the blocks differ from the document's:\n%q\nwant\n%q", texts, want)
	}
	if h, min := col.Size().Height, col.MinSize().Height; h < min {
		t.Errorf("the column is %v tall, its blocks need %v", h, min)
	}
	b.check() // a change: shown again at once, where the reader was
	if v.preview == fyne.CanvasObject(col) || len(v.preview.(*fyne.Container).Objects) != len(all) || q.Len() != 0 {
		t.Errorf("shown again: %d blocks, %d jobs wait", len(v.preview.(*fyne.Container).Objects), q.Len())
	}
}

// TestReadinessGroupsFindingsByCause: a new draft without an author,
// credits, pricing or financial result has dozens of findings; the
// readiness tab shows one row per cause, the author's placeholders in one
// row that names them and goes to the References and team tab, and lists
// the single findings under it on request.
func TestReadinessGroupsFindingsByCause(t *testing.T) {
	_, b := newSampleProposal(t, "meridian", "en", tabReadiness)
	b.check()
	r := b.part(tabReadiness).(*readinessPart)
	fs := b.findings
	if len(fs) < 20 {
		t.Fatalf("the new draft has %d findings, want dozens", len(fs))
	}
	if len(r.rows) >= len(fs)/3 {
		t.Errorf("%d rows for %d findings, want one row per cause", len(r.rows), len(fs))
	}
	if !strings.Contains(r.summary.Text, "causes") {
		t.Errorf("summary = %q, want it to say how many causes", r.summary.Text)
	}
	var author *findingRow
	for _, row := range r.rows {
		if strings.Contains(row.message(), "{{author.name}}") {
			author = row
		}
	}
	if author == nil {
		t.Fatalf("no row for the author's placeholders; rows: %q", outTexts(r.list))
	}
	msg := author.message()
	if !strings.Contains(msg, "{{author.email}}") || !strings.Contains(msg, "places.") || strings.Count(msg, "{{author.name}}") != 1 {
		t.Errorf("the author's cause says %q, want each placeholder once and the number of places", msg)
	}
	if got := outTexts(author); !slices.ContainsFunc(got, func(s string) bool {
		return strings.HasPrefix(s, "Executive, HR, Finance, Technical") && strings.HasSuffix(s, " variants")
	}) {
		t.Errorf("the author's cause shows %q, want every variant", got)
	}
	n := 0
	for _, f := range fs {
		if name := fmt.Sprint(f.Data["Name"]); strings.HasPrefix(name, "author.") || name == "signature" {
			n++ // the signature names the author: one cause
		}
	}
	show := uitest.Button(t, r.list, fmt.Sprintf("Show the %d findings", n))
	before := len(test.LaidOutObjects(r.list))
	test.Tap(show)
	if got := uitest.Texts(r.list); !strings.Contains(got, "The placeholder {{author.phone}} has no value in the HR variant") {
		t.Errorf("after Show the findings the list lacks a single finding: %q", got)
	}
	if len(test.LaidOutObjects(r.list)) <= before {
		t.Error("Show the findings added nothing")
	}
	test.Tap(uitest.Button(t, r.list, "Hide them"))
	test.Tap(author)
	if b.tabs.Selected() != b.tabOf[tabPeople] {
		t.Errorf("tapping the author's cause selected %q, want References and team", b.tabs.Selected().Text)
	}
}

// TestTabsSayEachCauseOnce: the References and team tab of a draft
// without an author says once that the author's placeholders have no
// value, not once per variant and section.
func TestTabsSayEachCauseOnce(t *testing.T) {
	_, b := newSampleProposal(t, "meridian", "en", tabPeople)
	b.check()
	e := b.part(tabPeople).(*peopleEditor)
	var l *widget.Label
	for _, o := range test.LaidOutObjects(e.Content()) {
		if w, ok := o.(*widget.Label); ok && strings.Contains(w.Text, "{{author.name}}") {
			l = w
		}
	}
	if l == nil {
		t.Fatalf("the tab does not mention {{author.name}}: %q", outTexts(e.Content()))
	}
	if n := strings.Count(l.Text, "{{author.name}}"); n != 1 || !strings.Contains(l.Text, "have no value in") {
		t.Errorf("the tab says {{author.name}} %d times: %q", n, l.Text)
	}
}

// TestReadinessCausesGolden: the readiness tab of a new draft without an
// author, pricing or figures, one row per cause.
func TestReadinessCausesGolden(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	p := createDraft(t, st, "meridian", "en")
	b, w := outPartWindow(t, d, st, p.ID, tabReadiness, fyne.NewSize(800, 900))
	b.check()
	test.AssertRendersToMarkup(t, "builder/readiness_causes.xml", w.Canvas())
}

// TestExportDialogPDF: choosing PDF offers the paper; the file written is
// a PDF of the variant, printed by the browser found.
func TestExportDialogPDF(t *testing.T) {
	if _, err := export.FindBrowser(); err != nil {
		if os.Getenv("KAMDESK_REQUIRE_BROWSER") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	d, _, _ := openProposalArea(t, true)
	b := outOpen(t, d, outputDraft)
	e := b.newExporter()
	if e.paper.Visible() {
		t.Error("the paper is offered for an HTML file")
	}
	e.format.SetSelected("PDF")
	if !e.paper.Visible() {
		t.Fatal("no paper to choose for a PDF")
	}
	e.paper.SetSelected("Letter")
	e.audience.SetSelected("Finance")
	a, _, format := e.chosen()
	if format != export.PDF {
		t.Fatalf("format chosen = %s", format)
	}
	file := filepath.Join(t.TempDir(), "castellan.pdf")
	e.run(a, format, file)
	data, err := os.ReadFile(file)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("the dialog wrote no PDF: %v", err)
	}
}
