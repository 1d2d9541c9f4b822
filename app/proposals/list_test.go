package proposals

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

const (
	sampleSent  = "prop-northbridge-modular-controls"
	sampleDraft = "prop-castellan-calm-rollout"
)

// openProposals shows the proposals screen at place id.
func openProposals(t *testing.T, id string) (*ui.Frame, fyne.Window, *store.Store, *proposalsScreen) {
	t.Helper()
	d, w, st := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposals", ID: id})
	s, ok := d.Current().(*proposalsScreen)
	if !ok {
		t.Fatalf("screen %v is %T, want the proposals screen", d.Place(), d.Current())
	}
	return d, w, st, s
}

// tableLines is the table as the user reads it, one line a row.
func tableLines(s *proposalsScreen) []string {
	return strings.Split(strings.TrimSuffix(s.String(), "\n"), "\n")
}

// checkBox finds the visible check labelled text under root.
func checkBox(t *testing.T, root fyne.CanvasObject, text string) *widget.Check {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if c, ok := uitest.AsCheck(o); ok && c.Text == text && c.Visible() {
			return c
		}
	}
	t.Fatalf("no check %q on screen", text)
	return nil
}

func TestProposalsListsTheSample(t *testing.T) {
	d, _, _, s := openProposals(t, "")
	got := tableLines(s)
	if len(got) != 4 {
		t.Fatalf("table rows:\n%s\nwant the 4 sample proposals", s)
	}
	want := []string{
		"Factory-commissioned controls for the Doncaster modular plant | Northbridge Build Group | Sent | 40 days left | ",
		"Castellan Calm: guest-room climate control for the 23-hotel roll-out | Castellan Hotels | Draft | 47 days left | ",
		"Автоматика вахтового посёлка «Тасбулак-2» с заводской пусконаладкой | ГМК «Тасбулак» | Draft | 47 days left | ",
		"Energia- és hűtésfelügyelet egy rendszerben mind az öt üzemben | Kalászmező Élelmiszeripari Zrt. | Draft | 47 days left | ",
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("table:\n%s\nhas no row starting %q", s, w)
		}
	}
	// The sent proposal's next follow-up is the open task due first.
	if !slices.ContainsFunc(got, func(g string) bool {
		return strings.HasPrefix(g, want[0]) && strings.HasSuffix(g, "Thu 26 Nov 2026 · Ask about next steps")
	}) {
		t.Errorf("table:\n%s\nthe sent proposal does not show its next follow-up", s)
	}
	if got := s.summary.Text; got != "4 proposals" {
		t.Errorf("summary = %q, want 4 proposals", got)
	}
	test.AssertObjectRendersToMarkup(t, "proposals/list.xml", d.Area())
}

func TestProposalsCountdownColours(t *testing.T) {
	for _, c := range []struct {
		days int
		want string
		imp  widget.Importance
	}{
		{40, "40 days left", widget.SuccessImportance},
		{15, "15 days left", widget.SuccessImportance},
		{14, "14 days left", widget.WarningImportance},
		{4, "4 days left", widget.WarningImportance},
		{3, "3 days left", widget.DangerImportance},
		{1, "1 day left", widget.DangerImportance},
		{0, "expires today", widget.DangerImportance},
		{-1, "expired 1 day ago", widget.DangerImportance},
		{-3, "expired 3 days ago", widget.DangerImportance},
	} {
		r := proposalRow{p: proposal.Proposal{Status: proposal.Sent}, days: c.days, expires: true}
		text, imp := expiryText(&r)
		if text != c.want || imp != c.imp {
			t.Errorf("%d days: got %q (importance %v), want %q (%v)", c.days, text, imp, c.want, c.imp)
		}
	}
}

func TestProposalsExpiredAndLate(t *testing.T) {
	d, _, st, _ := openProposals(t, "")
	p, err := st.Proposal(sampleSent)
	if err != nil {
		t.Fatal(err)
	}
	// Its terms were sent: a new revision, issued long ago, expired.
	if err := p.NewRevision(dossier.MustDate("2026-10-20")); err != nil {
		t.Fatal(err)
	}
	p.ValidDays = 20 // expired after 2026-11-09
	if err := st.SaveProposal(&p); err != nil {
		t.Fatal(err)
	}
	d.Show(ui.Place{Screen: "proposals"})
	s := d.Current().(*proposalsScreen)
	s.statusSel.SetSelected("Expired")
	got := tableLines(s)
	if len(got) != 1 || !strings.Contains(got[0], "| Expired | expired 16 days ago |") {
		t.Errorf("expired filter:\n%s\nwant the Northbridge proposal, expired 16 days ago", s)
	}
	s.statusSel.SetSelected("Sent")
	if s.String() != "" || !strings.Contains(uitest.Visible(d.Area()), "No proposals match the filters.") {
		t.Errorf("filtering Sent after it expired shows:\n%s", s)
	}
}

func TestProposalsFilters(t *testing.T) {
	d, _, _, s := openProposals(t, "")
	s.statusSel.SetSelected("Draft")
	if got := tableLines(s); len(got) != 3 || !strings.HasPrefix(got[0], "Castellan Calm") || !strings.HasPrefix(got[1], "Energia-") ||
		!strings.HasPrefix(got[2], "Автоматика") || slices.ContainsFunc(got, func(g string) bool { return !strings.Contains(g, " | Draft | ") }) {
		t.Errorf("status Draft shows:\n%s\nwant only the drafts: Castellan, Kalászmező and Тасбулак", s)
	}
	if got := s.summary.Text; got != "3 of 4 proposals" {
		t.Errorf("summary = %q", got)
	}
	s.statusSel.SetSelected("Sent")
	if got := tableLines(s); len(got) != 1 || !strings.HasPrefix(got[0], "Factory-commissioned") {
		t.Errorf("status Sent shows:\n%s\nwant only the Northbridge proposal", s)
	}
	s.statusSel.SetSelected("Won")
	if s.String() != "" {
		t.Errorf("status Won shows:\n%s", s)
	}
	s.statusSel.SetSelected("All statuses")
	s.acctSel.SetSelected("Northbridge Build Group")
	if got := tableLines(s); len(got) != 1 || !strings.Contains(got[0], "| Northbridge Build Group |") {
		t.Errorf("account Northbridge shows:\n%s", s)
	}
	s.acctSel.SetSelected("Meridian Freight")
	if s.String() != "" {
		t.Errorf("account Meridian shows:\n%s", s)
	}

	// Opened from an account, the screen shows that account's proposals.
	d.Show(ui.Place{Screen: "proposals", ID: "account:castellan"})
	s = d.Current().(*proposalsScreen)
	if got := tableLines(s); len(got) != 1 || !strings.Contains(got[0], "| Castellan Hotels |") || s.acctSel.Selected != "Castellan Hotels" {
		t.Errorf("proposals of castellan:\n%s (filter %q)", s, s.acctSel.Selected)
	}
}

func TestProposalsSortAndOpen(t *testing.T) {
	d, _, _, s := openProposals(t, "")
	s.onSort(0) // by title
	if got := s.rows[0].p.ID; got != sampleDraft {
		t.Errorf("sorted by title, first = %s", got)
	}
	s.onSort(0)
	if got := s.rows[0].p.ID; got != "prop-tasbulak-camp-controls" {
		t.Errorf("sorted by title descending, first = %s, want the Russian title (Cyrillic after Latin)", got)
	}
	s.onSort(3) // by expiry: sooner first
	if got := s.rows[0].p.ID; got != sampleSent {
		t.Errorf("sorted by expiry, first = %s (40 days left before 47)", got)
	}
	// The three drafts expire on the same day and keep the order of the
	// title, descending: Тасбулак's second.
	s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if p := d.Place(); p.Screen != "proposal" || p.ID != "prop-tasbulak-camp-controls" {
		t.Errorf("selecting the second row opened %v, want proposal/prop-tasbulak-camp-controls", p)
	}
}

// openNewProposalForm opens the New proposal dialog with Ctrl+N.
func openNewProposalForm(t *testing.T, w fyne.Window, s *proposalsScreen) *newProposalForm {
	t.Helper()
	uitest.Shortcut(w, fyne.KeyN)
	if s.newForm == nil {
		t.Fatal("Ctrl+N did not open the New proposal dialog")
	}
	return s.newForm
}

func TestNewProposalFromLibrarySections(t *testing.T) {
	d, w, st, s := openProposals(t, "account:castellan")
	f := openNewProposalForm(t, w, s)
	top := w.Canvas().Overlays().Top()
	if f.account.Selected != "Castellan Hotels" {
		t.Errorf("account preselected = %q, want Castellan Hotels (opened from it)", f.account.Selected)
	}
	if got := f.secCount.Text; got != "16 sections chosen" {
		t.Errorf("chosen at first: %q, want every English section (16)", got)
	}
	// Narrow the checklist to the benefits and leave one out.
	f.kindSel.SetSelected("Benefits")
	if got := len(f.secList.Objects); got != 2 {
		t.Errorf("benefits sections listed: %d, want 2", got)
	}
	test.Tap(checkBox(t, top, "What changes for your teams (Benefits)"))
	f.audSel.SetSelected("Technical")
	f.kindSel.SetSelected("All kinds")
	if shown := uitest.Visible(f.secList); strings.Contains(shown, "Terms reserved for our key clients") {
		t.Errorf("the technical audience filter lists a section not for technical readers:\n%s", shown)
	}
	if got := f.secCount.Text; got != "15 sections chosen" {
		t.Errorf("after unticking one: %q", got)
	}

	test.Type(f.title, "Castellan Calm, phase 2")
	test.Tap(checkBox(t, top, "Tomás Reyes — Key Account Manager"))
	test.Tap(checkBox(t, top, "Priya Natarajan — Lead Solutions Architect"))
	if got := f.author.Text; got != "Author: Tomás Reyes" {
		t.Errorf("author line = %q", got)
	}
	uitest.Retype(f.valid, "60")
	test.Tap(f.create)

	p, ok := proposalNamed(t, st, "castellan", "Castellan Calm, phase 2")
	if !ok {
		t.Fatal("the new proposal is not in the store")
	}
	if pl := d.Place(); pl.Screen != "proposal" || pl.ID != p.ID {
		t.Errorf("after Create the desk shows %v, want the builder of %s", pl, p.ID)
	}
	if !strings.HasPrefix(p.ID, "castellan-calm-phase-2-") {
		t.Errorf("ID = %q", p.ID)
	}
	if p.Status != proposal.Draft || !p.Issued.Equal(uitest.Today) || p.ValidDays != 60 || p.Language != "en" {
		t.Errorf("draft = status %s, issued %s, valid %d days, language %s", p.Status, p.Issued, p.ValidDays, p.Language)
	}
	if len(p.Items) != 15 || slices.ContainsFunc(p.Items, func(it proposal.Item) bool { return it.SectionID == "benefits-for-your-people" || it.Custom }) {
		t.Errorf("items = %+v, want the 15 sections left ticked, following the library", p.Items)
	}
	if p.Items[0].SectionID != "cover-letter" {
		t.Errorf("first item %q, want the cover letter (library order)", p.Items[0].SectionID)
	}
	if p.Author != "team-tomas-reyes" || len(p.Credits) != 2 || p.Credits[1].MemberID != "team-priya-natarajan" {
		t.Errorf("author %q, credits %+v", p.Author, p.Credits)
	}
}

// proposalNamed finds the proposal to acct titled title in the store.
func proposalNamed(t *testing.T, st *store.Store, acct, title string) (proposal.Proposal, bool) {
	t.Helper()
	props, err := st.Proposals(acct)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range props {
		if p.Title == title {
			return p, true
		}
	}
	return proposal.Proposal{}, false
}

func TestNewProposalValidatesAndKeepsTyping(t *testing.T) {
	d, w, st, s := openProposals(t, "")
	f := openNewProposalForm(t, w, s)
	if f.fs.MessageOf("title") != "" || f.fs.MessageOf("account_id") != "" {
		t.Error("the blank form scolds fields the user has not reached")
	}
	uitest.Retype(f.valid, "zero")
	if got := f.fs.MessageOf("valid_days"); got != "must be between 1 and 3660" {
		t.Errorf("validity message = %q", got)
	}
	uitest.Retype(f.valid, "30")
	test.Tap(f.create)
	if got := f.fs.MessageOf("title"); got != "is required" {
		t.Errorf("title message after Create = %q", got)
	}
	if got := f.fs.MessageOf("account_id"); got != "is required" {
		t.Errorf("account message after Create = %q", got)
	}
	if s.newForm == nil || d.Place().Screen != "proposals" {
		t.Error("a failed Create closed the dialog")
	}
	f.account.SetSelected("Meridian Freight")
	test.Type(f.title, "Cold store controls")
	if f.fs.MessageOf("title") != "" || f.fs.MessageOf("account_id") != "" {
		t.Error("messages stay after the fields were filled in")
	}
	test.Tap(f.create)
	if _, ok := proposalNamed(t, st, "meridian", "Cold store controls"); !ok {
		t.Error("the proposal was not created once the form was valid")
	}
}

func TestNewProposalFromAPreviousOne(t *testing.T) {
	d, w, st, s := openProposals(t, "")
	f := openNewProposalForm(t, w, s)
	prev, err := st.Proposal(sampleSent)
	if err != nil {
		t.Fatal(err)
	}
	f.from.SetSelected("A previous proposal")
	if len(f.source.Objects) != 1 || f.source.Objects[0] != f.fromPrev {
		t.Error("choosing a previous proposal does not show the list of proposals")
	}
	test.Tap(f.create)
	if got := f.fs.MessageOf("items"); got != "Choose the proposal to start from." {
		t.Errorf("message without a proposal chosen = %q", got)
	}
	f.prevSel.SetSelected("Factory-commissioned controls for the Doncaster modular plant — Northbridge Build Group")
	if got := f.valid.Text; got != "45" {
		t.Errorf("validity taken from the previous proposal = %q, want 45", got)
	}
	f.account.SetSelected("Meridian Freight")
	test.Type(f.title, "Factory-commissioned controls for the Leeds cross-dock")
	test.Tap(f.create)

	p, ok := proposalNamed(t, st, "meridian", "Factory-commissioned controls for the Leeds cross-dock")
	if !ok {
		t.Fatal("the copy is not in the store")
	}
	if d.Place().ID != p.ID {
		t.Errorf("after Create the desk shows %v", d.Place())
	}
	if p.ID == prev.ID || p.Status != proposal.Draft || !p.Issued.Equal(uitest.Today) || p.ValidDays != 45 || !p.ValidUntil.IsZero() {
		t.Errorf("copy: id %s, status %s, issued %s, %d days, until %s", p.ID, p.Status, p.Issued, p.ValidDays, p.ValidUntil)
	}
	if len(p.Items) != len(prev.Items) || len(p.Items) != 16 {
		t.Fatalf("copy has %d items, the original %d", len(p.Items), len(prev.Items))
	}
	for i := range p.Items {
		a, b := p.Items[i], prev.Items[i]
		if a.SectionID != b.SectionID || a.Custom != b.Custom || a.Title != b.Title || a.Body != b.Body {
			t.Errorf("item %d = %+v, want %+v", i, a, b)
		}
	}
	if len(p.Pricing) != 5 || !p.Pricing[0].UnitPrice.Equal(prev.Pricing[0].UnitPrice) ||
		!p.Financial.Investment.Equal(prev.Financial.Investment) || p.Financial.Note != prev.Financial.Note ||
		!slices.Equal(p.References, prev.References) || !slices.Equal(p.Credits, prev.Credits) || p.Author != prev.Author {
		t.Errorf("copy's pricing, financial result, references or credits differ:\n%+v\n%+v", p, prev)
	}
	if len(p.Tasks) != 0 || len(p.Exports) != 0 || !p.Sent.IsZero() || p.AccountID != "meridian" {
		t.Errorf("copy carries tasks %v, exports %v, sent %s, account %s", p.Tasks, p.Exports, p.Sent, p.AccountID)
	}
	// The original is untouched.
	again, _ := st.Proposal(sampleSent)
	if again.Status != proposal.Sent || len(again.Tasks) != 4 {
		t.Errorf("the original changed: %s with %d tasks", again.Status, len(again.Tasks))
	}
}

// TestNewProposalCreatesOnceWhileWorking: Create shows progress and is
// disabled while the proposal is saved in the background; a second click
// meanwhile makes no duplicate. The work runs on a real goroutine.
func TestNewProposalCreatesOnceWhileWorking(t *testing.T) {
	d, w, st, s := openProposals(t, "account:castellan")
	release := make(chan struct{})
	var wg sync.WaitGroup
	var pending []func()
	f := openNewProposalForm(t, w, s) // its choices are read as usual
	d.Options().Background = func(work, done func()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
			work()
		}()
		pending = append(pending, done)
	}
	test.Type(f.title, "Castellan Calm, phase 3")
	test.Tap(checkBox(t, w.Canvas().Overlays().Top(), "Tomás Reyes — Key Account Manager"))
	test.Tap(f.create)
	if !f.create.Disabled() || !f.progress.Visible() {
		t.Errorf("while creating: button disabled %v, progress shown %v", f.create.Disabled(), f.progress.Visible())
	}
	test.Tap(f.create) // impatient
	close(release)
	wg.Wait()
	for _, done := range pending {
		done()
	}
	props, _ := st.Proposals("castellan")
	n := 0
	for _, p := range props {
		if p.Title == "Castellan Calm, phase 3" {
			n++
		}
	}
	if n != 1 || len(pending) != 1 {
		t.Errorf("%d proposals created from %d runs, want 1", n, len(pending))
	}
}

// TestBuilderHeaderCountsDownToExpiry: the builder's header says how long
// the proposal stays valid as the list does: days left (one day in the
// singular), "expires today", or how long ago it expired, never a
// negative number of days left.
func TestBuilderHeaderCountsDownToExpiry(t *testing.T) {
	d, _, _ := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposal", ID: castellanProposal})
	b := d.Current().(*builder)
	for _, c := range []struct {
		days int
		want string
	}{
		{10, "(10 days left)"}, {1, "(1 day left)"}, {0, "(expires today)"},
		{-1, "(expired 1 day ago)"}, {-29, "(expired 29 days ago)"},
	} {
		b.p.ValidUntil = uitest.Today.AddDays(c.days)
		b.updateHeader()
		if got := b.status.Text; !strings.Contains(got, c.want) || strings.Contains(got, "(-") {
			t.Errorf("valid until today%+d: the header says %q, want %q", c.days, got, c.want)
		}
	}
}

// TestProposalsListTakesTheKeyboardWhenOpened: the table has the focus as
// soon as the list opens.
func TestProposalsListTakesTheKeyboardWhenOpened(t *testing.T) {
	d, w, _ := openProposalArea(t, true)
	d.Show(ui.Place{Screen: "proposals"})
	if s := d.Current().(*proposalsScreen); w.Canvas().Focused() != s.table {
		t.Errorf("the proposals list opened with the focus on %T, want its table", w.Canvas().Focused())
	}
}

// TestNewProposalSaysWhichLanguageKamdeskWrites: the language field says
// whether kamdesk writes its own words of the proposal in the language
// typed, by the language's own name.
func TestNewProposalSaysWhichLanguageKamdeskWrites(t *testing.T) {
	_, w, _, s := openProposals(t, "account:castellan")
	f := openNewProposalForm(t, w, s)
	for _, c := range []struct{ typed, want string }{
		{"en", "English: the headings, dates and money kamdesk adds are written in it too."},
		{"ru", "Русский: the headings, dates and money kamdesk adds are written in it too."},
		{"nb-NO", "Norsk bokmål: the headings, dates and money kamdesk adds are written in it too."},
		{"de", "kamdesk does not write de: the headings, dates and money it adds will be in English (it writes en, ru, bg, hu, nb and fil)."},
	} {
		f.language.SetText("")
		uitest.Type(f.language, c.typed)
		if got := f.languageNote.Text; got != c.want {
			t.Errorf("typed %q: the note says %q, want %q", c.typed, got, c.want)
		}
	}
}
