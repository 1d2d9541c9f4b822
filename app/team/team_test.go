package team

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// openTeam opens the team screen on the sample workspace, with the
// frame's keyboard shortcuts installed.
func openTeam(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *teamScreen) {
	t.Helper()
	f, w, st := uitest.Open(t, true)
	f.SetScreens(map[string]ui.Maker{
		"team": func(id string) (ui.Screen, error) { return NewScreen(f, st, id) },
	})
	f.Open(ui.Place{Screen: "team"})
	s, ok := f.Current().(*teamScreen)
	if !ok {
		t.Fatalf("screen %v is %T, want the team screen", f.Place(), f.Current())
	}
	return f, w, st, s
}

// selectRecord selects the row of the record id in the tab's list, as a
// click would.
func selectRecord(t *testing.T, tab *recordTab, id string) {
	t.Helper()
	i := slices.Index(tab.form.ids(), id)
	if i < 0 {
		t.Fatalf("%s %q is not listed", tab.kind, id)
	}
	tab.list.Select(i)
}

func TestTeamCreateMember(t *testing.T) {
	d, w, st, s := openTeam(t)
	uitest.Shortcut(w, fyne.KeyN)
	if !s.members.open || s.members.current != -1 {
		t.Fatal("Ctrl+N on the Team tab did not open a new member")
	}
	f := s.members.form.(*memberForm)
	if got := f.heading.Text; got != "New team member" {
		t.Errorf("heading = %q, want New team member", got)
	}
	if s.Dirty() {
		t.Error("an untouched new member counts as unsaved changes")
	}
	test.Type(f.name, "Ada Quist")
	test.Type(f.position, "Bid Manager")
	test.Type(f.email, "ada.quist@veldmark.example")
	test.Type(f.phone, "+44 20 7946 0199")
	if !s.Dirty() {
		t.Error("a typed member does not count as unsaved changes")
	}
	test.Tap(uitest.Button(t, s.members.editor, "Save"))

	team, err := st.Team()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(team, func(m dossier.TeamMember) bool { return m.Name == "Ada Quist" })
	if i < 0 {
		t.Fatalf("the new member is not in the store: %v", team)
	}
	got := team[i]
	want := dossier.TeamMember{ID: got.ID, Name: "Ada Quist", Position: "Bid Manager",
		Email: "ada.quist@veldmark.example", Phone: "+44 20 7946 0199", Created: got.Created, Updated: got.Updated}
	if got != want || got.ID == "" {
		t.Errorf("saved %+v, want %+v", got, want)
	}
	if len(team) != 6 {
		t.Errorf("%d members after adding one to the sample's 5", len(team))
	}
	if p := d.Place(); p.ID != "member:"+got.ID {
		t.Errorf("place after saving = %v, want team/member:%s", p, got.ID)
	}
	if s.Dirty() {
		t.Error("a saved member still counts as unsaved changes")
	}
	if got := f.heading.Text; got != "Ada Quist" {
		t.Errorf("heading after saving = %q, want the member's name", got)
	}
	if !uitest.Button(t, s.members.editor, "Delete").Visible() {
		t.Error("a saved member cannot be deleted")
	}
	if !strings.Contains(uitest.Texts(s.members.list), "Bid Manager · ada.quist@veldmark.example · +44 20 7946 0199") {
		t.Errorf("the list does not show the new member's details:\n%s", uitest.Texts(s.members.list))
	}
}

func TestTeamMemberValidation(t *testing.T) {
	_, w, st, s := openTeam(t)
	uitest.Shortcut(w, fyne.KeyN)
	f := s.members.form.(*memberForm)
	test.Type(f.email, "ada at veldmark")
	if got, want := f.fields.MessageOf("email"), "is not a valid e-mail address"; got != want {
		t.Errorf("while typing a bad e-mail the message is %q, want %q", got, want)
	}
	if got := f.fields.MessageOf("name"); got != "" {
		t.Errorf("an untouched name already shows %q", got)
	}
	test.Tap(uitest.Button(t, s.members.editor, "Save"))
	if got, want := f.fields.MessageOf("name"), "is required"; got != want {
		t.Errorf("after saving without a name the message is %q, want %q", got, want)
	}
	if f.email.Text != "ada at veldmark" {
		t.Errorf("the failed save lost the e-mail typed: %q", f.email.Text)
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog was shown although every problem is next to its field:\n%s", uitest.Texts(top))
	}
	if team, _ := st.Team(); len(team) != 5 {
		t.Errorf("the failed save stored something: %d members", len(team))
	}

	// Fixing the e-mail clears its message; a member without any contact
	// can be saved but is marked: proposals cannot credit them.
	uitest.Retype(f.email, "")
	if got := f.fields.MessageOf("email"); got != "" {
		t.Errorf("an empty e-mail still shows %q", got)
	}
	test.Type(f.name, "Noor Hadid")
	if got := f.fields.MessageOf("name"); got != "" {
		t.Errorf("a typed name still shows %q", got)
	}
	if !f.warning.Visible() {
		t.Error("the form does not warn that a member without contacts cannot be credited")
	}
	uitest.Shortcut(w, fyne.KeyS)
	team, _ := st.Team()
	if len(team) != 6 {
		t.Fatalf("%d members after saving Noor, want 6", len(team))
	}
	if !strings.Contains(uitest.Texts(s.members.list), "⚠ no contact details — cannot be credited") {
		t.Errorf("the list does not mark the member without contacts:\n%s", uitest.Texts(s.members.list))
	}
	test.Type(f.phone, "+31 20 555 0101")
	if f.warning.Visible() {
		t.Error("the no-contact warning stays after typing a phone number")
	}
}

func TestTeamEditSampleMember(t *testing.T) {
	_, w, st, s := openTeam(t)
	before, err := st.TeamMember("team-tomas-reyes")
	if err != nil {
		t.Fatal(err)
	}
	selectRecord(t, s.members, "team-tomas-reyes")
	f := s.members.form.(*memberForm)
	if f.name.Text != "Tomás Reyes" || f.email.Text != "tomas.reyes@veldmark.example" {
		t.Fatalf("the form shows %q <%s>, want Tomás Reyes", f.name.Text, f.email.Text)
	}
	uitest.Retype(f.position, "Senior Key Account Manager")
	uitest.Retype(f.phone, "+44 20 7946 0148")
	uitest.Shortcut(w, fyne.KeyS)
	after, err := st.TeamMember("team-tomas-reyes")
	if err != nil {
		t.Fatal(err)
	}
	if after.Position != "Senior Key Account Manager" || after.Phone != "+44 20 7946 0148" {
		t.Errorf("after saving: %q, %q", after.Position, after.Phone)
	}
	if after.Name != before.Name || after.Email != before.Email || !after.Created.Equal(before.Created) {
		t.Errorf("saving changed what was not edited: %+v, was %+v", after, before)
	}

	// Esc drops an edit: the store keeps the saved value and the form closes.
	uitest.Retype(f.position, "Intern")
	f.position.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if s.members.open {
		t.Error("Esc did not close the form")
	}
	if m, _ := st.TeamMember("team-tomas-reyes"); m.Position != "Senior Key Account Manager" {
		t.Errorf("a cancelled edit was saved: %q", m.Position)
	}
}

func TestTeamUnsavedEditAsksBeforeLeaving(t *testing.T) {
	_, w, st, s := openTeam(t)
	selectRecord(t, s.members, "team-jonas-brandt")
	f := s.members.form.(*memberForm)
	uitest.Retype(f.position, "Finance Director")
	selectRecord(t, s.members, "team-priya-natarajan")
	_, text := uitest.Dialog(t, w)
	if !strings.Contains(text, "not saved") {
		t.Fatalf("selecting another member with unsaved changes shows:\n%s", text)
	}
	if as, _ := uitest.Answers(t, w); len(as) != 3 {
		t.Fatalf("the question offers %d answers, want Save, Discard, Cancel", len(as))
	}
	uitest.AnswerQuestion(t, w, "Cancel")
	if f.name.Text != "Jonas Brandt" || f.position.Text != "Finance Director" {
		t.Errorf("staying lost the edit: %q, %q", f.name.Text, f.position.Text)
	}
	if got := s.members.form.ids()[s.members.current]; got != "team-jonas-brandt" {
		t.Errorf("the member open after staying is %q", got)
	}
	selectRecord(t, s.members, "team-priya-natarajan")
	uitest.AnswerQuestion(t, w, "Discard")
	if f.name.Text != "Priya Natarajan" {
		t.Errorf("after leaving the edit the form shows %q, want Priya Natarajan", f.name.Text)
	}
	if m, _ := st.TeamMember("team-jonas-brandt"); m.Position == "Finance Director" {
		t.Error("Discard saved the edit")
	}

	// Save stores the edit and opens the member chosen, even when the
	// saved name moves the rows of the list.
	uitest.Retype(f.name, "Aaron Priya") // sorts before everybody
	selectRecord(t, s.members, "team-mara-lindqvist")
	uitest.AnswerQuestion(t, w, "Save")
	if m, _ := st.TeamMember("team-priya-natarajan"); m.Name != "Aaron Priya" {
		t.Errorf("Save stored the name %q", m.Name)
	}
	if f.name.Text != "Mara Lindqvist" || f.orig.ID != "team-mara-lindqvist" {
		t.Errorf("after Save the form shows %q (%s), want team-mara-lindqvist", f.name.Text, f.orig.ID)
	}
}

func TestTeamDeleteMemberAndUndo(t *testing.T) {
	d, w, st, s := openTeam(t)
	selectRecord(t, s.members, "team-mara-lindqvist")
	test.Tap(uitest.Button(t, s.members.editor, "Delete"))
	top, text := uitest.Dialog(t, w)
	for _, want := range []string{"Mara Lindqvist", "3 accounts", "Northbridge Build Group", "no owner until you undo"} {
		if !strings.Contains(text, want) {
			t.Errorf("the delete dialog does not say %q:\n%s", want, text)
		}
	}
	test.Tap(uitest.Button(t, top, "Delete"))
	if _, err := st.TeamMember("team-mara-lindqvist"); err == nil {
		t.Fatal("Mara is still in the store after deleting")
	}
	if a, _ := st.Account("northbridge"); a.Owner != "" {
		t.Errorf("Northbridge is still owned by %q", a.Owner)
	}
	if s.members.open {
		t.Error("the form of the deleted member is still open")
	}
	if n := s.members.list.Length(); n != 4 {
		t.Errorf("the list shows %d members after deleting one of 5", n)
	}
	test.Tap(uitest.Button(t, d.Banner(), "Undo"))
	if _, err := st.TeamMember("team-mara-lindqvist"); err != nil {
		t.Fatalf("Undo did not bring Mara back: %v", err)
	}
	if a, _ := st.Account("northbridge"); a.Owner != "team-mara-lindqvist" {
		t.Errorf("after Undo Northbridge is owned by %q", a.Owner)
	}
	s2, ok := d.Current().(*teamScreen)
	if !ok {
		t.Fatalf("after Undo the screen is %T", d.Current())
	}
	if f := s2.members.form.(*memberForm); !s2.members.open || f.name.Text != "Mara Lindqvist" {
		t.Errorf("after Undo the restored member is not open (open %v, name %q)", s2.members.open, f.name.Text)
	}
}

func TestTeamCreateReferenceWithConsent(t *testing.T) {
	d, w, st, s := openTeam(t)
	s.tabs.SelectIndex(1)
	if p := d.Place(); p.ID != "references" {
		t.Errorf("place on the References tab = %v", p)
	}
	uitest.Shortcut(w, fyne.KeyN)
	if !s.refs.open || s.refs.current != -1 {
		t.Fatal("Ctrl+N on the References tab did not open a new reference")
	}
	if s.members.open {
		t.Error("Ctrl+N on the References tab opened a new team member")
	}
	f := s.refs.form.(*referenceForm)
	test.Type(f.client, "Orwin Logistics")
	test.Type(f.project, "Warehouse lighting and heating controls")
	test.Type(f.year, "2025")
	test.Type(f.result, "Cut energy use by 27% in the first year")
	test.Type(f.refereeName, "Hana Kovac")
	test.Type(f.refereePosition, "Facilities Director")
	test.Type(f.refereeTo, "hana.kovac@orwin.example")
	test.Tap(f.agreed)
	test.Tap(uitest.Button(t, s.refs.editor, "Save"))
	refs, err := st.References()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(refs, func(r dossier.Reference) bool { return r.Client == "Orwin Logistics" })
	if i < 0 {
		t.Fatalf("the new reference is not in the store")
	}
	r := refs[i]
	want := dossier.Referee{Name: "Hana Kovac", Position: "Facilities Director", Contact: "hana.kovac@orwin.example", Agreed: true}
	if r.Project != "Warehouse lighting and heating controls" || r.Year != 2025 ||
		r.Result != "Cut energy use by 27% in the first year" || r.Referee != want {
		t.Errorf("saved %+v", r)
	}
	if p := d.Place(); p.ID != "reference:"+r.ID {
		t.Errorf("place after saving = %v, want team/reference:%s", p, r.ID)
	}
	list := uitest.Texts(s.refs.list)
	if !strings.Contains(list, "Orwin Logistics — Warehouse lighting and heating controls — 2025") {
		t.Errorf("the list does not show the new reference:\n%s", list)
	}
	if n := strings.Count(list, "✓ may be contacted"); n != 5 {
		t.Errorf("%d references marked as may be contacted, want the sample's 4 and the new one:\n%s", n, list)
	}
	if !strings.Contains(list, "no consent") {
		t.Errorf("Brennock's referee without consent is not marked:\n%s", list)
	}
}

func TestTeamReferenceValidation(t *testing.T) {
	_, w, st, s := openTeam(t)
	s.tabs.SelectIndex(1)
	uitest.Shortcut(w, fyne.KeyN)
	f := s.refs.form.(*referenceForm)
	test.Type(f.client, "Orwin Logistics")
	test.Type(f.project, "Dock heating")
	test.Tap(f.agreed)
	if got, want := f.fields.MessageOf("referee.agreed"), "needs the referee's name and contact"; got != want {
		t.Errorf("consent without a referee: message %q, want %q", got, want)
	}
	test.Type(f.year, "abc")
	if got, want := f.fields.MessageOf("year"), "must be a year in digits, between 1950 and 2100"; got != want {
		t.Errorf("year abc: message %q, want %q", got, want)
	}
	uitest.Retype(f.year, "1900")
	if got, want := f.fields.MessageOf("year"), "must be between 1950 and 2100"; got != want {
		t.Errorf("year 1900: message %q, want %q", got, want)
	}
	uitest.Retype(f.year, "abc")
	uitest.Shortcut(w, fyne.KeyS)
	if refs, _ := st.References(); len(refs) != 5 {
		t.Errorf("a reference with problems was stored: %d references", len(refs))
	}
	if f.year.Text != "abc" || f.client.Text != "Orwin Logistics" || !f.agreed.Checked {
		t.Errorf("the failed save lost what was typed: %q %q %v", f.year.Text, f.client.Text, f.agreed.Checked)
	}
	if f.fields.MessageOf("year") == "" || f.fields.MessageOf("referee.agreed") == "" {
		t.Error("the failed save does not show the problems next to the fields")
	}
	// An empty year is allowed; a name and a contact satisfy the consent.
	uitest.Retype(f.year, "")
	test.Type(f.refereeName, "Hana Kovac")
	test.Type(f.refereeTo, "+385 1 555 0100")
	if got := f.fields.MessageOf("referee.agreed"); got != "" {
		t.Errorf("consent with a name and contact still shows %q", got)
	}
	uitest.Shortcut(w, fyne.KeyS)
	refs, _ := st.References()
	if len(refs) != 6 {
		t.Fatalf("%d references after the fixed save, want 6", len(refs))
	}
	if !strings.Contains(uitest.Texts(s.refs.list), "Orwin Logistics — Dock heating") {
		t.Errorf("a reference without a year is not listed as client — project:\n%s", uitest.Texts(s.refs.list))
	}
}

func TestTeamDeleteReferenceAndUndo(t *testing.T) {
	d, w, st, s := openTeam(t)
	s.tabs.SelectIndex(1)
	selectRecord(t, s.refs, "ref-brennock-cold-stores")
	test.Tap(uitest.Button(t, s.refs.editor, "Delete"))
	top, text := uitest.Dialog(t, w)
	if !strings.Contains(text, "Wireless temperature monitoring") {
		t.Errorf("the delete dialog does not name the project:\n%s", text)
	}
	test.Tap(uitest.Button(t, top, "Delete"))
	if _, err := st.Reference("ref-brennock-cold-stores"); err == nil {
		t.Fatal("the reference is still stored after deleting")
	}
	test.Tap(uitest.Button(t, d.Banner(), "Undo"))
	if _, err := st.Reference("ref-brennock-cold-stores"); err != nil {
		t.Fatalf("Undo did not restore the reference: %v", err)
	}
	s2 := d.Current().(*teamScreen)
	if s2.tabs.SelectedIndex() != 1 || !s2.refs.open || s2.refs.form.(*referenceForm).client.Text != "Brennock Cold Stores" {
		t.Error("after Undo the restored reference is not shown on the References tab")
	}
}

// relayout lays the whole window out again, as a desktop window does
// on its next frame after sizes changed (the test canvas does not).
func relayout(w fyne.Window) {
	w.SetContent(w.Content())
	w.Resize(fyne.NewSize(1280, 800))
}

func TestTeamMarkup(t *testing.T) {
	_, w, _, s := openTeam(t)
	selectRecord(t, s.members, "team-mara-lindqvist")
	relayout(w)
	test.AssertRendersToMarkup(t, "team/members.xml", w.Canvas())
	s.tabs.SelectIndex(1)
	selectRecord(t, s.refs, "ref-st-aldric-trust")
	relayout(w)
	test.AssertRendersToMarkup(t, "team/references.xml", w.Canvas())
}

func TestTypedTextIsStoredReference(t *testing.T) {
	_, w, st, s := openTeam(t)
	s.tabs.SelectIndex(1)
	for _, width := range uitest.Widths {
		uitest.Shortcut(w, fyne.KeyN)
		f := s.refs.form.(*referenceForm)
		client := fmt.Sprintf("Client %v", width)
		test.Type(f.client, client)
		test.Type(f.project, "Lighting controls")
		uitest.TypeAt(f.result, width, uitest.Sentence)
		uitest.Shortcut(w, fyne.KeyS)
		refs, _ := st.References()
		i := slices.IndexFunc(refs, func(r dossier.Reference) bool { return r.Client == client })
		if i < 0 {
			t.Fatalf("reference %q not saved", client)
		}
		uitest.CheckSentence(t, "quantified result", width, refs[i].Result)
	}
}

// TestQuitAsksAboutTeamMemberChanges: quitting with a member's edit asks
// Save, Discard or Cancel, as every editor does.
func TestQuitAsksAboutTeamMemberChanges(t *testing.T) {
	member := func(d *ui.Frame) *memberForm { return d.Current().(*teamScreen).members.form.(*memberForm) }
	uitest.QuitCases(t, func(t *testing.T) (*ui.Frame, fyne.Window, *store.Store, *int) {
		f, w, st, _ := openTeam(t)
		quits := 0
		f.SetQuit(func() { quits++ })
		return f, w, st, &quits
	}, []uitest.EditorCase{{
		Name:  "team member",
		Open:  func(d *ui.Frame) { d.Show(ui.Place{Screen: "team", ID: "member:team-jonas-brandt"}) },
		Edit:  func(_ *testing.T, d *ui.Frame) { uitest.Retype(member(d).position, "Finance Director") },
		Spoil: func(_ *testing.T, d *ui.Frame) { uitest.Retype(member(d).email, "jonas at work") },
		Saved: func(t *testing.T, st *store.Store) bool {
			m, err := st.TeamMember("team-jonas-brandt")
			if err != nil {
				t.Fatal(err)
			}
			return m.Position == "Finance Director"
		},
		Shown:   func(d *ui.Frame) bool { return member(d).position.Text == "Finance Director" },
		Spoiled: func(d *ui.Frame) bool { return member(d).email.Text == "jonas at work" },
		Refused: func(d *ui.Frame, _ fyne.Window) bool { return member(d).fields.MessageOf("email") != "" },
	}})
}

// uiReads is a team store that notes the reads of every account made on
// the test's goroutine, the UI's.
type uiReads struct {
	*store.Store
	ui     string
	onUI   int
	called int
}

func goroutineOf() string {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	id, _, _ := strings.Cut(strings.TrimPrefix(string(b), "goroutine "), " ")
	return id
}

func (r *uiReads) Accounts() ([]dossier.Account, error) {
	r.called++
	if goroutineOf() == r.ui {
		r.onUI++
	}
	return r.Store.Accounts()
}

// TestTeamDeleteMemberOwningMany: the question before deleting a member
// who owns many accounts counts them all and names three, and the
// accounts are read off the UI goroutine.
func TestTeamDeleteMemberOwningMany(t *testing.T) {
	f, w, st := uitest.Open(t, true)
	for i := range 5 {
		a := dossier.Account{Name: fmt.Sprintf("Harbourline %d", i+1), Tier: dossier.TierKey, Owner: "team-tomas-reyes"}
		if err := st.SaveAccount(&a); err != nil {
			t.Fatal(err)
		}
	}
	reads := &uiReads{Store: st, ui: goroutineOf()}
	f.SetScreens(map[string]ui.Maker{
		"team": func(id string) (ui.Screen, error) { return NewScreen(f, reads, id) },
	})
	f.Open(ui.Place{Screen: "team"})
	s := f.Current().(*teamScreen)
	selectRecord(t, s.members, "team-tomas-reyes")
	test.Tap(uitest.Button(t, s.members.editor, "Delete"))
	_, text := uitest.Dialog(t, w)
	owned := 0
	accounts, err := st.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	named := 0
	for _, a := range accounts {
		if a.Owner == "team-tomas-reyes" {
			owned++
			if strings.Contains(text, a.Name) {
				named++
			}
		}
	}
	if want := fmt.Sprintf("%d accounts", owned); owned < 5 || !strings.Contains(text, want) || !strings.Contains(text, ", …)") {
		t.Errorf("the delete dialog does not say %q and cut the names with …:\n%s", want, text)
	}
	if named != 3 {
		t.Errorf("the delete dialog names %d of the %d accounts, want 3:\n%s", named, owned, text)
	}
	if reads.called == 0 || reads.onUI > 0 {
		t.Errorf("the accounts were read %d times, %d on the UI goroutine; want off it", reads.called, reads.onUI)
	}
}

// TestTeamListTakesTheKeyboard: the list of members has the focus as the
// screen opens.
func TestTeamListTakesTheKeyboard(t *testing.T) {
	_, w, _, s := openTeam(t)
	if w.Canvas().Focused() != s.members.list {
		t.Errorf("the team opened with the focus on %T, want the list of members", w.Canvas().Focused())
	}
}
