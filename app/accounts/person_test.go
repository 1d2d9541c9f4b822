package accounts

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// openPerson opens the person editor on place id ("new:<account>" for a
// new person) from the account's dossier.
func openPerson(t *testing.T, id string) (*ui.Frame, fyne.Window, *store.Store, *personScreen) {
	t.Helper()
	d, w, st := openAccounts(t, true)
	acct, _ := strings.CutPrefix(id, newPersonPrefix)
	if p, err := st.Person(id); err == nil {
		acct = p.AccountID
	}
	d.Show(ui.Place{Screen: "account", ID: acct})
	d.Show(ui.Place{Screen: "person", ID: id})
	s, ok := d.Current().(*personScreen)
	if !ok {
		t.Fatalf("screen for person/%s = %T, want the person editor", id, d.Current())
	}
	return d, w, st, s
}

// buttonIn finds the button labelled text among the objects laid out in o.
func buttonIn(o fyne.CanvasObject, text string) *widget.Button {
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := uitest.AsButton(x); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

// tapInDialog taps the button labelled text in the dialog on top of w.
func tapInDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	b := buttonIn(top, text)
	if b == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	test.Tap(b)
}

// shown reports whether a label with text is laid out and visible in o.
func shown(o fyne.CanvasObject, text string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Text == text && l.Visible() {
			return true
		}
	}
	return false
}

func personNamed(t *testing.T, st *store.Store, acct, name string) (dossier.Person, bool) {
	t.Helper()
	people, err := st.People(acct)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p, true
		}
	}
	return dossier.Person{}, false
}

func TestPersonEditorShowsDavid(t *testing.T) {
	_, w, _, s := openPerson(t, "northbridge-david-okafor")
	test.AssertRendersToMarkup(t, "person/david_okafor.xml", w.Canvas())
	for _, c := range []struct{ what, got, want string }{
		{"name", s.name.Text, "David Okafor"},
		{"reports to", s.reportsTo.Selected, "Anna Keller"},
		{"level", s.level.Selected, "Doubter"},
		{"type", s.typ.Selected, "Finance"},
		{"birthday day", s.bday.Day.Selected, "8"},
		{"birthday month", s.bday.Month.Selected, "March"},
		{"birthday year", s.bday.Year.Text, ""},
		{"birthday hint", s.bdayHint.Text, "in 103 days (year unknown)"},
		{"advice", s.advice.Text, "To climb: Proof: references, statistics and a quantified result."},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	// Nobody who reports to David may become his manager: no loops.
	for _, o := range s.reportsTo.Options {
		if o == "Claire Dunmore" || o == "David Okafor" {
			t.Errorf("reports-to offers %q, who would close a loop", o)
		}
	}
	if s.Dirty() {
		t.Error("a freshly opened person counts as changed")
	}
}

func TestPersonEditorNewForm(t *testing.T) {
	_, w, _, s := openPerson(t, "new:northbridge")
	test.AssertRendersToMarkup(t, "person/new.xml", w.Canvas())
	if s.del.Visible() {
		t.Error("a person not yet saved offers Delete")
	}
	if got := len(s.reportsTo.Options); got != 7 {
		t.Errorf("reports-to offers %d options, want nobody and the 6 people of the account", got)
	}
	for _, f := range s.fields.Order {
		if m := s.fields.MessageOf(f.Name); m != "" {
			t.Errorf("the empty form already complains under %s: %q", f.Name, m)
		}
	}
}

func TestPersonEditorCreatesPerson(t *testing.T) {
	d, _, st, s := openPerson(t, "new:northbridge")
	test.Type(s.name, "Priya Natarajan")
	test.Type(s.position, "Head of Procurement")
	test.Type(s.department, "Procurement")
	s.reportsTo.SetSelected("David Okafor")
	s.role.Set(dossier.RoleEvaluator)
	s.influence.Set(dossier.InfluenceMedium)
	s.typ.Set(dossier.Finance)
	s.level.Set(dossier.Buyer)
	if got, want := s.advice.Text, "To climb: Emotional closeness: personal attention, care and kept promises."; got != want {
		t.Errorf("advice for a buyer = %q, want %q", got, want)
	}
	test.Type(s.email, "priya.natarajan@northbridge.example")
	test.Type(s.phone, "+44 161 555 0199")
	s.channel.Set(dossier.ChannelPhone)
	s.bday.Day.SetSelected("12")
	s.bday.Month.SetSelected("December")
	test.Type(s.bday.Year, "1984")
	if got, want := s.bdayHint.Text, "in 17 days (turns 42)"; got != want {
		t.Errorf("birthday hint = %q, want %q", got, want)
	}
	test.Type(s.family, "Two daughters")
	test.Type(s.hobbies, "Fell running")
	test.Type(s.values, "Straight answers")
	test.Type(s.notes, "Met at the Leeds supplier day.")
	s.nps.SetSelected("9")
	if got := s.npsClass.Text; got != "Promoter" {
		t.Errorf("NPS 9 class = %q, want Promoter", got)
	}
	test.Type(s.lastContact, "2026-11-20")
	test.Type(s.nextContact, "2026-12-10")
	test.Type(s.privacy, "Told us herself; agreed to be kept on file.")
	if !s.Dirty() {
		t.Error("a filled form does not count as changed")
	}
	d.OnSave() // Ctrl+S

	p, ok := personNamed(t, st, "northbridge", "Priya Natarajan")
	if !ok {
		t.Fatal("after saving, the new person is not in the account's group")
	}
	want := dossier.Person{ID: p.ID, AccountID: "northbridge", Name: "Priya Natarajan", Position: "Head of Procurement",
		Department: "Procurement", ReportsTo: "northbridge-david-okafor", Role: dossier.RoleEvaluator,
		Influence: dossier.InfluenceMedium, Type: dossier.Finance, Level: dossier.Buyer,
		Email: "priya.natarajan@northbridge.example", Phone: "+44 161 555 0199", Channel: dossier.ChannelPhone,
		Birthday: dossier.Birthday{Day: 12, Month: 12, Year: 1984}, Family: "Two daughters", Hobbies: "Fell running",
		Values: "Straight answers", Notes: "Met at the Leeds supplier day.", NPS: dossier.IntPtr(9),
		LastContact: dossier.MustDate("2026-11-20"), NextContact: dossier.MustDate("2026-12-10"),
		PrivacyNote: "Told us herself; agreed to be kept on file.", Created: p.Created, Updated: p.Updated}
	if p.NPS == nil || *p.NPS != 9 {
		t.Errorf("saved NPS = %v, want 9", p.NPS)
	}
	p.NPS, want.NPS = nil, nil
	if p != want {
		t.Errorf("saved person\n got %+v\nwant %+v", p, want)
	}
	// Back in the dossier with the new person selected.
	if pl := d.Place(); pl != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Fatalf("after saving the place is %v, want account/northbridge", pl)
	}
	ds := d.Current().(*dossierScreen)
	if !shown(ds.detail, "Priya Natarajan") || !shown(ds.detail, "Head of Procurement") {
		t.Error("the dossier does not show the saved person's details")
	}
	// Her first place on the ladder is on the timeline.
	events, _ := st.Events("northbridge")
	found := false
	for _, e := range events {
		if e.Title == "Priya Natarajan placed on the ladder as Buyer" {
			found = true
			if !e.Date.Equal(uitest.Today) || len(e.People) != 1 || e.People[0] != p.ID {
				t.Errorf("ladder event = %+v, want today and the new person", e)
			}
		}
	}
	if !found {
		t.Error("no timeline event records the new person's place on the ladder")
	}
}

func TestPersonEditorValidatesNextToFields(t *testing.T) {
	tests := []struct {
		name  string
		fill  func(s *personScreen)
		field string
		want  string
	}{
		{"empty name", func(s *personScreen) { s.name.SetText("") }, "name", "is required"},
		{"bad e-mail", func(s *personScreen) { s.email.SetText("david@") }, "email", "is not a valid e-mail address"},
		{"bad phone", func(s *personScreen) { s.phone.SetText("call me") }, "phone", "may hold only digits, spaces and + - ( ) . /"},
		{"31 April", func(s *personScreen) {
			s.bday.Month.SetSelected("April")
			s.bday.Day.SetSelected("31")
		}, "birthday", "April has only 30 days."},
		{"29 February 2025", func(s *personScreen) {
			s.bday.Day.SetSelected("29")
			s.bday.Month.SetSelected("February")
			s.bday.Year.SetText("2025")
		}, "birthday", "2025 is not a leap year: February has 28 days."},
		{"31 February 2023", func(s *personScreen) {
			s.bday.Day.SetSelected("31")
			s.bday.Month.SetSelected("February")
			s.bday.Year.SetText("2023")
		}, "birthday", "2023 is not a leap year: February has 28 days."},
		{"30 February 2024", func(s *personScreen) {
			s.bday.Day.SetSelected("30")
			s.bday.Month.SetSelected("February")
			s.bday.Year.SetText("2024")
		}, "birthday", "February has only 29 days."},
		{"year out of range", func(s *personScreen) { s.bday.Year.SetText("1850") }, "birthday", "The year must be between 1900 and 2100."},
		{"day without month", func(s *personScreen) { s.bday.Set(dossier.Birthday{}); s.bday.Day.SetSelected("3") },
			"birthday", "Choose both the day and the month."},
		{"unreadable date", func(s *personScreen) { s.nextContact.SetText("next week") }, "next_contact", "is not a date in the form YYYY-MM-DD"},
		{"impossible date", func(s *personScreen) { s.lastContact.SetText("2026-02-30") }, "last_contact",
			"is past the end of the month: February 2026 has 28 days"},
		{"month 13", func(s *personScreen) { s.nextContact.SetText("2026-13-45") }, "next_contact", "has no month 13: months go from 01 to 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, w, st, s := openPerson(t, "northbridge-david-okafor")
			stored, _ := st.Person("northbridge-david-okafor")
			tt.fill(s)
			if got := s.fields.MessageOf(tt.field); got != tt.want {
				t.Errorf("message under %s = %q, want %q", tt.field, got, tt.want)
			}
			if !shown(w.Canvas().Content(), tt.want) {
				t.Errorf("the message %q is not on screen", tt.want)
			}
			for _, f := range s.fields.Order {
				if m := s.fields.MessageOf(f.Name); f.Name != tt.field && m != "" {
					t.Errorf("an untouched field %s complains: %q", f.Name, m)
				}
			}
			// A failed save keeps everything typed and stays on the form.
			before := s.state()
			test.Tap(s.save)
			if s.state() != before {
				t.Error("a failed save changed the form")
			}
			if s.fields.MessageOf(tt.field) != tt.want {
				t.Errorf("after the failed save the message under %s is %q", tt.field, s.fields.MessageOf(tt.field))
			}
			if s.status.FullText() == "" {
				t.Error("a failed save says nothing beside the buttons")
			}
			if p, _ := st.Person("northbridge-david-okafor"); !reflect.DeepEqual(p, stored) {
				t.Errorf("a failed save changed the stored person:\n got %+v\nwant %+v", p, stored)
			}
			if w.Canvas().Overlays().Top() != nil {
				t.Error("problems with a field on the form also opened a dialog")
			}
		})
	}
}

func TestPersonEditorLeapDayWithoutYear(t *testing.T) {
	_, _, st, s := openPerson(t, "northbridge-david-okafor")
	s.bday.Day.SetSelected("29")
	s.bday.Month.SetSelected("February")
	if m := s.fields.MessageOf("birthday"); m != "" {
		t.Errorf("29 February without a year is refused: %q", m)
	}
	if got, want := s.bdayHint.Text, "in 95 days (year unknown)"; got != want {
		t.Errorf("birthday hint = %q, want %q (celebrated on 28 February in 2027)", got, want)
	}
	test.Tap(s.save)
	p, _ := st.Person("northbridge-david-okafor")
	if got := p.Birthday.String(); got != "--02-29" {
		t.Errorf("saved birthday = %q, want --02-29", got)
	}
}

func TestPersonEditorNoBirthday(t *testing.T) {
	_, _, st, s := openPerson(t, "northbridge-david-okafor")
	test.Tap(s.bday.Clear)
	if got := s.bdayHint.Text; got != "No birthday recorded." {
		t.Errorf("hint after No birthday = %q", got)
	}
	test.Tap(s.save)
	if p, _ := st.Person("northbridge-david-okafor"); !p.Birthday.IsZero() {
		t.Errorf("birthday after No birthday = %v, want none", p.Birthday)
	}
}

func TestPersonEditorRecordsLadderMove(t *testing.T) {
	d, _, st, s := openPerson(t, "northbridge-david-okafor")
	before, _ := st.Events("northbridge")
	s.level.Set(dossier.Buyer)
	test.Tap(s.save)
	p, _ := st.Person("northbridge-david-okafor")
	if p.Level != dossier.Buyer {
		t.Fatalf("saved level = %s, want buyer", p.Level)
	}
	after, _ := st.Events("northbridge")
	if len(after) != len(before)+1 {
		t.Fatalf("%d events after the move, want %d", len(after), len(before)+1)
	}
	var move *dossier.Event
	for i, e := range after {
		if e.Title == "David Okafor moved from Doubter to Buyer on the ladder" {
			move = &after[i]
		}
	}
	if move == nil {
		t.Fatal("no timeline event records the move on the ladder")
	}
	if !move.Date.Equal(uitest.Today) || move.Kind != dossier.EventNote || len(move.People) != 1 || move.People[0] != p.ID {
		t.Errorf("ladder event = %+v, want a note dated today about David", move)
	}
	// Saving without a move adds nothing to the timeline.
	d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
	s = d.Current().(*personScreen)
	test.Type(s.hobbies, " Chess.")
	test.Tap(s.save)
	if again, _ := st.Events("northbridge"); len(again) != len(after) {
		t.Errorf("saving without a move changed the timeline: %d events, want %d", len(again), len(after))
	}
}

func TestPersonEditorRefusesUnknownFields(t *testing.T) {
	// A failed store check without a field on the form (the account was
	// deleted meanwhile) is reported in a dialog, and the form keeps it all.
	_, w, st, s := openPerson(t, "new:meridian")
	test.Type(s.name, "Nadia Osei")
	s.typ.Set(dossier.Technical)
	s.level.Set(dossier.Opponent)
	if _, err := st.DeleteAccount("meridian"); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.save)
	if w.Canvas().Overlays().Top() == nil {
		t.Error("a save refused by the store showed no dialog")
	}
	if s.name.Text != "Nadia Osei" || !s.Dirty() {
		t.Error("a refused save lost what was typed")
	}
}

func TestPersonEditorCancel(t *testing.T) {
	d, w, st, _ := openPerson(t, "northbridge-david-okafor")
	d.OnCancel() // Esc, nothing changed: straight back
	if pl := d.Place(); pl != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Fatalf("Esc went to %v, want account/northbridge", pl)
	}
	d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
	s := d.Current().(*personScreen)
	test.Type(s.position, " (interim)")
	s.position.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc in a field
	if d.Place().Screen != "person" {
		t.Fatal("Esc with unsaved changes left without asking")
	}
	uitest.AnswerQuestion(t, w, "Discard")
	if pl := d.Place(); pl != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Errorf("after Discard, the place is %v, want account/northbridge", pl)
	}
	if p, _ := st.Person("northbridge-david-okafor"); strings.Contains(p.Position, "interim") {
		t.Errorf("Discard saved the position %q", p.Position)
	}

	// The back button asks too; Save stores the edit and goes back.
	d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
	s = d.Current().(*personScreen)
	test.Type(s.position, " (interim)")
	test.Tap(buttonIn(d.Area(), "Northbridge Build Group"))
	uitest.AnswerQuestion(t, w, "Save")
	if pl := d.Place(); pl != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Errorf("after Save, the place is %v, want account/northbridge", pl)
	}
	if p, _ := st.Person("northbridge-david-okafor"); !strings.Contains(p.Position, "(interim)") {
		t.Errorf("Save stored the position %q", p.Position)
	}
}

func TestPersonEditorDeleteAndUndo(t *testing.T) {
	d, w, st, s := openPerson(t, "northbridge-david-okafor")
	test.Tap(s.del)
	tapInDialog(t, w, "Delete")
	if _, err := st.Person("northbridge-david-okafor"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("after deleting, reading David gives %v, want not found", err)
	}
	if c, _ := st.Person("northbridge-claire-dunmore"); c.ReportsTo != "northbridge-anna-keller" {
		t.Errorf("Claire reports to %q after David's deletion, want his manager Anna", c.ReportsTo)
	}
	if pl := d.Place(); pl != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Fatalf("after deleting, the place is %v, want account/northbridge", pl)
	}
	if n := len(d.Current().(*dossierScreen).people); n != 5 {
		t.Errorf("the dossier shows %d people after the deletion, want 5", n)
	}
	undo := buttonIn(d.Banner(), "Undo")
	if undo == nil {
		t.Fatal("no Undo after deleting a person")
	}
	test.Tap(undo)
	if p, err := st.Person("northbridge-david-okafor"); err != nil || p.Name != "David Okafor" {
		t.Errorf("after undo, David = %+v, %v", p, err)
	}
	if c, _ := st.Person("northbridge-claire-dunmore"); c.ReportsTo != "northbridge-david-okafor" {
		t.Errorf("after undo Claire reports to %q, want David again", c.ReportsTo)
	}
	if n := len(d.Current().(*dossierScreen).people); n != 6 {
		t.Errorf("the dossier shows %d people after undo, want 6", n)
	}
}

func TestDossierEditAndAddPerson(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	var card *personCard
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if c, ok := o.(*personCard); ok && c.person.ID == "northbridge-sophie-marsh" {
			card = c
		}
	}
	if card == nil {
		t.Fatal("no card for Sophie Marsh")
	}
	test.Tap(card)
	ds := d.Current().(*dossierScreen)
	if !shown(ds.detail, "Sophie Marsh") {
		t.Fatal("tapping the card does not show Sophie's details")
	}
	edit := buttonIn(ds.detail, "Edit")
	if edit == nil {
		t.Fatal("the person's details have no Edit button")
	}
	test.Tap(edit)
	if pl := d.Place(); pl != (ui.Place{Screen: "person", ID: "northbridge-sophie-marsh"}) {
		t.Errorf("Edit opened %v, want person/northbridge-sophie-marsh", pl)
	}
	d.OnCancel()
	add := buttonIn(w.Canvas().Content(), "Add person")
	if add == nil {
		t.Fatal("the decision-making group has no Add person button")
	}
	test.Tap(add)
	if pl := d.Place(); pl != (ui.Place{Screen: "person", ID: "new:northbridge"}) {
		t.Errorf("Add person opened %v, want person/new:northbridge", pl)
	}
	// Ctrl+N on the dossier does the same, as the README says.
	d.Show(ui.Place{Screen: "account", ID: "castellan"})
	uitest.Shortcut(w, fyne.KeyN)
	if pl := d.Place(); pl != (ui.Place{Screen: "person", ID: "new:castellan"}) {
		t.Errorf("Ctrl+N on the dossier opened %v, want person/new:castellan", pl)
	}
}

func TestManagerCandidates(t *testing.T) {
	group := []dossier.Person{
		{ID: "ceo"}, {ID: "cfo", ReportsTo: "ceo"}, {ID: "ctrl", ReportsTo: "cfo"},
		{ID: "clerk", ReportsTo: "ctrl"}, {ID: "cto", ReportsTo: "ceo"},
		{ID: "loop-a", ReportsTo: "loop-b"}, {ID: "loop-b", ReportsTo: "loop-a"},
	}
	var got []string
	for _, p := range managerCandidates(group, "cfo") {
		got = append(got, p.ID)
	}
	if want := "ceo cto loop-a loop-b"; strings.Join(got, " ") != want {
		t.Errorf("candidates for cfo = %v, want %s", got, want)
	}
	if n := len(managerCandidates(group, "")); n != len(group) {
		t.Errorf("a new person may report to %d people, want all %d", n, len(group))
	}
}

// TestPersonalDataFromThePerson: the person's screen lists everything kept
// about them, with the source and consent, and the records naming them.
func TestPersonalDataFromThePerson(t *testing.T) {
	d, w, st := openAccounts(t, true)
	d.Show(ui.Place{Screen: "person", ID: "northbridge-anna-keller"})
	s := d.Current().(*personScreen)
	if !s.privacyBtn.Visible() {
		t.Fatal("no Personal data… button")
	}
	test.Tap(s.privacyBtn)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("Personal data… shows nothing")
	}
	v := showPersonalData(d, st, "northbridge-anna-keller")
	all := strings.Join(v.text, "\n")
	for _, want := range []string{"Source and consent: ", "Birthday: ", "E-mail: anna", "sent copy", "involved"} {
		if !strings.Contains(all, want) {
			t.Errorf("the dialog does not say %q:\n%s", want, all)
		}
	}
	b, err := v.json()
	if err != nil || !strings.Contains(string(b), `"source_and_consent"`) {
		t.Errorf("JSON: %v\n%.200s", err, b)
	}
}

// TestEraseFromThePerson: Erase… asks, erases for good and goes back to
// the account, whose timeline records that a person was erased.
func TestEraseFromThePerson(t *testing.T) {
	d, _, st := openAccounts(t, true)
	d.Show(ui.Place{Screen: "person", ID: "northbridge-anna-keller"})
	s := d.Current().(*personScreen)
	a := askErase(d, st, s.orig, func() { d.Show(ui.Place{Screen: "account", ID: "northbridge"}) })
	a.mentions.SetChecked(true)
	a.dlg.Confirm()
	if _, err := st.Person("northbridge-anna-keller"); err == nil {
		t.Fatal("the person is still there")
	}
	if got := d.Place(); got != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Errorf("after erasing the desk shows %v", got)
	}
	if _, err := st.PersonalData("northbridge-anna-keller"); err == nil {
		t.Error("personal data is still kept")
	}
}

// TestFormsOpenWithTheCursorInTheFirstField: the account and person forms
// take the focus in their first field however they are opened (a
// remembered place, a link, the dossier's Edit), so that the user can type
// at once.
func TestFormsOpenWithTheCursorInTheFirstField(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account-edit", ID: "castellan"})
	if e, ok := d.Current().(*accountEditor); !ok || w.Canvas().Focused() != e.name {
		t.Errorf("the account form opens with the focus on %T", w.Canvas().Focused())
	}
	d.Show(ui.Place{Screen: "person", ID: "northbridge-david-okafor"})
	if s, ok := d.Current().(*personScreen); !ok || w.Canvas().Focused() != s.name {
		t.Errorf("the person form opens with the focus on %T", w.Canvas().Focused())
	}
}

// TestDossierShowsBirthdaysAsWritten: the details of a person show a
// birthday without a year as "8 March", not "--03-08", and count the days
// to it in the right number.
func TestDossierShowsBirthdaysAsWritten(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	var card *personCard
	for _, o := range test.LaidOutObjects(w.Canvas().Content()) {
		if c, ok := o.(*personCard); ok && c.person.ID == "northbridge-david-okafor" {
			card = c
		}
	}
	if card == nil {
		t.Fatal("no card for David Okafor")
	}
	test.Tap(card)
	ds := d.Current().(*dossierScreen)
	if !shown(ds.detail, "8 March (in 103 days)") || shown(ds.detail, "--03-08") {
		t.Errorf("David's birthday is shown as:\n%s", uitest.Texts(ds.detail))
	}
}

// TestScreensFitALaptop: the account's dossier and the account and person
// forms, the person's with its "fix the fields" status shown, need no
// more width than a window 1024 pixels wide leaves beside the sidebar
// (186 pixels, the divider and the window's padding): their headers cut
// the name and the facts instead of widening the window.
func TestScreensFitALaptop(t *testing.T) {
	const room = 1024 - 186 - 8 - 8
	d, _, _ := openAccounts(t, true)
	for _, p := range []ui.Place{{Screen: "account", ID: "northbridge"}, {Screen: "account-edit", ID: "northbridge"},
		{Screen: "person", ID: "northbridge-david-okafor"}} {
		d.Show(p)
		if ps, ok := d.Current().(*personScreen); ok {
			ps.email.SetText("david@")
			ps.OnSave()
			if ps.status.FullText() == "" {
				t.Fatal("a refused save shows no status")
			}
		}
		if w := d.Current().Content().MinSize().Width; w > room {
			t.Errorf("%v needs %v pixels of width, %v are left at 1024", p, w, room)
		}
		d.OnCancel()
		if d.Asking() {
			uitest.AnswerQuestion(t, d.Window(), "Discard")
		}
	}
}

// TestPersonFormHeaderOnALaptop: at 1024 px (less the sidebar) the person
// form's header shows the name whole, and so does the message under it;
// the birthday shows its month whole ("September" was "Septe…").
func TestPersonFormHeaderOnALaptop(t *testing.T) {
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{})
	defer fyne.CurrentApp().Settings().SetTheme(test.Theme())
	_, w, _, s := openPerson(t, "northbridge-gary-whitlow")
	w.Resize(fyne.NewSize(1024-190, 700))
	s.status.SetText("Please fix the fields marked in red.")
	var fitted []*ui.FitLabel
	month := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		switch o := o.(type) {
		case *ui.FitLabel:
			fitted = append(fitted, o)
		case *canvas.Text:
			month = month || o.Text == "September"
		}
	}
	for _, want := range []string{"Gary Whitlow", "Please fix the fields marked in red."} {
		found := false
		for _, l := range fitted {
			if l.FullText() == want {
				found = true
				if l.Text != want {
					t.Errorf("the header shows %q for %q", l.Text, want)
				}
			}
		}
		if !found {
			t.Errorf("the header has no %q", want)
		}
	}
	if !month {
		t.Error("the birthday's month is not shown whole (September)")
	}
}
