package accounts

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// newPersonPrefix starts the place ID of a person not yet saved:
// "new:<account ID>".
const newPersonPrefix = "new:"

// personScreen edits one member of an account's decision-making group:
// every fact of the dossier, validated as it is typed.
type personScreen struct {
	host   ui.Host
	st     Store
	acct   dossier.Account
	orig   dossier.Person // as stored; no ID yet for a new person
	others []dossier.Person
	back   ui.Place // where Save and Cancel return

	fields                            ui.FieldSet
	name, position, department, email *ui.Entry
	phone                             *ui.Entry
	family, hobbies, values           *ui.TextArea
	notes, privacy                    *ui.TextArea
	reportsTo                         *ui.Select
	reportIDs                         []string // the person behind each option of reportsTo after "nobody"
	role                              *ui.Choice[dossier.BuyingRole]
	influence                         *ui.Choice[dossier.Influence]
	typ                               *ui.Choice[dossier.StakeholderType]
	level                             *ui.Choice[dossier.Level]
	channel                           *ui.Choice[dossier.Channel]
	advice, bdayHint, npsClass        *widget.Label
	status                            *ui.FitLabel // "Please fix the fields marked in red."
	bday                              *ui.BirthdayInput
	nps                               *ui.Select
	lastContact, nextContact          *ui.DateInput
	photo                             *photoBox
	save, cancel, del                 *widget.Button
	privacyBtn                        *widget.Button // what is kept about the person
	eraseBtn                          *widget.Button // erases them for good

	loading bool       // set while the form is filled from the record
	touched ui.Touched // fields changed since the form opened; all once a save was tried
	saved   string     // the form's state when it was last loaded or saved
}

// NewPerson opens the editor of person id, or of a new person of
// account A when id is "new:A".
func NewPerson(h ui.Host, st Store, id string) (*personScreen, error) {
	s := &personScreen{host: h, st: st}
	var err error
	if acct, ok := strings.CutPrefix(id, newPersonPrefix); ok {
		s.orig.AccountID = acct
	} else if s.orig, err = st.Person(id); err != nil {
		return nil, err
	}
	if s.acct, err = st.Account(s.orig.AccountID); err != nil {
		return nil, err
	}
	group, err := st.People(s.acct.ID)
	if err != nil {
		return nil, err
	}
	s.others = managerCandidates(group, s.orig.ID)
	s.back = ui.Place{Screen: "account", ID: s.acct.ID}
	if h.Place().Screen == "people" {
		s.back = h.Place()
	}
	s.build()
	s.load(s.orig)
	return s, nil
}

// managerCandidates are the people id may report to: everybody of the
// group except id and those who report to id, directly or not, since the
// reporting line may not loop.
func managerCandidates(group []dossier.Person, id string) []dossier.Person {
	if id == "" {
		return group
	}
	manager := map[string]string{}
	for _, p := range group {
		manager[p.ID] = p.ReportsTo
	}
	under := func(p string) bool {
		seen := map[string]bool{}
		for m := p; m != "" && !seen[m]; m = manager[m] {
			if m == id {
				return true
			}
			seen[m] = true
		}
		return false
	}
	var out []dossier.Person
	for _, p := range group {
		if !under(p.ID) {
			out = append(out, p)
		}
	}
	return out
}

func (s *personScreen) build() {
	text := func(name string) *ui.Entry {
		e := ui.NewEntry(s.OnCancel)
		e.OnChanged = func(string) { s.changed(name) }
		return e
	}
	multi := func(name string) *ui.TextArea {
		e := ui.NewTextArea(s.OnCancel)
		e.OnChanged = func(string) { s.changed(name) }
		return e
	}
	s.name, s.position, s.department = text("name"), text("position"), text("department")
	s.email, s.phone = text("email"), text("phone")
	s.email.SetPlaceHolder(lang.L("name@example.com"))
	s.family, s.hobbies, s.values = multi("family"), multi("hobbies"), multi("values")
	s.notes, s.privacy = multi("notes"), multi("privacy_note")
	s.notes.SetMinRowsVisible(4)

	names := []string{lang.L("Nobody")}
	seen := map[string]int{}
	for _, p := range s.others {
		n := p.Name
		if seen[n]++; seen[n] > 1 {
			n = fmt.Sprintf("%s (%d)", n, seen[n])
		}
		names = append(names, n)
		s.reportIDs = append(s.reportIDs, p.ID)
	}
	s.reportsTo = ui.NewSelect(names, func(string) { s.changed("reports_to") })

	s.role = ui.NewChoice(dossier.BuyingRoles, dossier.BuyingRole.Label, lang.L("None"), func(dossier.BuyingRole) { s.changed("role") })
	s.influence = ui.NewChoice(dossier.Influences, dossier.Influence.Label, lang.L("None"), func(dossier.Influence) { s.changed("influence") })
	s.typ = ui.NewChoice(dossier.StakeholderTypes, dossier.StakeholderType.Label, "", func(dossier.StakeholderType) { s.changed("type") })
	s.level = ui.NewChoice(dossier.Ladder, dossier.Level.Label, "", func(dossier.Level) { s.changed("level") })
	s.channel = ui.NewChoice(dossier.Channels, dossier.Channel.Label, lang.L("None"), func(dossier.Channel) { s.changed("channel") })
	s.typ.PlaceHolder = lang.L("Choose the stakeholder type")
	s.level.PlaceHolder = lang.L("Choose the ladder level")

	s.advice = hintLabel()
	s.bdayHint = hintLabel()
	s.npsClass = widget.NewLabel("")
	s.status = ui.NewFitLabel("")
	s.status.Importance = widget.DangerImportance

	s.bday = ui.NewBirthdayInput(s.OnCancel, func() { s.changed("birthday") })
	npsOpts := []string{lang.L("Not asked")}
	for i := 0; i <= 10; i++ {
		npsOpts = append(npsOpts, strconv.Itoa(i))
	}
	s.nps = ui.NewSelect(npsOpts, func(string) { s.changed("nps") })
	s.lastContact = ui.NewDateInput(s.host.Window(), s.OnCancel)
	s.lastContact.OnChanged = func(string) { s.changed("last_contact") }
	s.nextContact = ui.NewDateInput(s.host.Window(), s.OnCancel)
	s.nextContact.OnChanged = func(string) { s.changed("next_contact") }
	s.photo = newPhotoBox(s)

	s.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	s.save.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
	s.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), s.onDelete)
	s.del.Importance = widget.DangerImportance
	s.privacyBtn = widget.NewButtonWithIcon(lang.L("Personal data…"), theme.InfoIcon(), func() { showPersonalData(s.host, s.st, s.orig.ID) })
	s.privacyBtn.Importance = widget.LowImportance
	s.eraseBtn = widget.NewButtonWithIcon(lang.L("Erase…"), theme.ContentClearIcon(), s.onErase)
	s.eraseBtn.Importance = widget.LowImportance
	if s.orig.ID == "" {
		s.del.Hide()
		s.privacyBtn.Hide()
		s.eraseBtn.Hide()
	}
}

func hintLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// load fills the form from p.
func (s *personScreen) load(p dossier.Person) {
	s.loading = true
	s.name.SetText(p.Name)
	s.position.SetText(p.Position)
	s.department.SetText(p.Department)
	s.reportsTo.SetSelectedIndex(0)
	for i, id := range s.reportIDs {
		if id == p.ReportsTo {
			s.reportsTo.SetSelectedIndex(i + 1)
		}
	}
	s.role.Set(p.Role)
	s.influence.Set(p.Influence)
	s.typ.Set(p.Type)
	s.level.Set(p.Level)
	s.email.SetText(p.Email)
	s.phone.SetText(p.Phone)
	s.channel.Set(p.Channel)
	s.bday.Set(p.Birthday)
	s.family.SetText(p.Family)
	s.hobbies.SetText(p.Hobbies)
	s.values.SetText(p.Values)
	s.notes.SetText(p.Notes)
	s.nps.SetSelectedIndex(0)
	if p.NPS != nil {
		s.nps.SetSelectedIndex(*p.NPS + 1)
	}
	s.lastContact.SetDate(p.LastContact)
	s.nextContact.SetDate(p.NextContact)
	s.privacy.SetText(p.PrivacyNote)
	s.photo.load(p.Photo)
	s.loading = false
	s.saved = s.state()
	s.live()
}

// state is everything the form holds, to tell whether it changed.
func (s *personScreen) state() string {
	parts := []string{s.name.Text, s.position.Text, s.department.Text, s.reportsTo.Selected,
		s.role.Selected, s.influence.Selected, s.typ.Selected, s.level.Selected, s.email.Text,
		s.phone.Text, s.channel.Selected, s.bday.Day.Selected, s.bday.Month.Selected, s.bday.Year.Text,
		s.family.Text(), s.hobbies.Text(), s.values.Text(), s.notes.Text(), s.nps.Selected,
		s.lastContact.Text, s.nextContact.Text, s.privacy.Text(), s.photo.key()}
	return strings.Join(parts, "\x00")
}

func (s *personScreen) Dirty() bool { return s.state() != s.saved }

// changed validates the form after the user changed field.
func (s *personScreen) changed(field string) {
	if s.loading {
		return
	}
	s.touched.Mark(field)
	s.live()
	s.validate()
}

// live updates what is shown beside the inputs: the advice for the ladder
// level, the next birthday, the NPS class.
func (s *personScreen) live() {
	if l := s.level.Value(); l != "" {
		s.advice.SetText(lang.L("To climb: {{.Advice}}", map[string]any{"Advice": ui.Tr(l.Advice())}))
		s.advice.Show()
	} else {
		s.advice.Hide()
	}
	if b, problem := s.bday.Birthday(); problem == nil {
		s.bdayHint.SetText(ui.BirthdayHint(b, s.host.Today()))
	} else {
		s.bdayHint.SetText("")
	}
	if i := s.nps.SelectedIndex(); i > 0 {
		s.npsClass.SetText(ui.Tr(dossier.ClassifyNPS(i - 1).Label()))
	} else {
		s.npsClass.SetText("")
	}
}

// person builds the record from the form, with the problems of inputs
// that do not make a value (an impossible birthday, a date that cannot be
// read).
func (s *personScreen) person() (dossier.Person, dossier.Problems) {
	p := s.orig
	var pr dossier.Problems
	p.Name = strings.TrimSpace(s.name.Text)
	p.Position = strings.TrimSpace(s.position.Text)
	p.Department = strings.TrimSpace(s.department.Text)
	p.ReportsTo = ""
	if i := s.reportsTo.SelectedIndex(); i > 0 {
		p.ReportsTo = s.reportIDs[i-1]
	}
	p.Role, p.Influence = s.role.Value(), s.influence.Value()
	p.Type, p.Level = s.typ.Value(), s.level.Value()
	p.Email, p.Phone = strings.TrimSpace(s.email.Text), strings.TrimSpace(s.phone.Text)
	p.Channel = s.channel.Value()
	b, problem := s.bday.Birthday()
	if problem != nil {
		pr = append(pr, problem)
	}
	p.Birthday = b
	p.Family, p.Hobbies, p.Values = s.family.Text(), s.hobbies.Text(), s.values.Text()
	p.Notes, p.PrivacyNote = s.notes.Text(), s.privacy.Text()
	p.Photo = s.photo.keep() // a photo chosen is saved with its bytes (SaveChanges)
	p.NPS = nil
	if i := s.nps.SelectedIndex(); i > 0 {
		p.NPS = dossier.IntPtr(i - 1)
	}
	for _, d := range []struct {
		name  string
		input *ui.DateInput
		to    *dossier.Date
	}{{"last_contact", s.lastContact, &p.LastContact}, {"next_contact", s.nextContact, &p.NextContact}} {
		v, err := d.input.Date()
		if err != nil {
			msg, data := ui.DateProblem(err)
			pr.Add(d.name, msg, data)
		}
		*d.to = v
	}
	return p, pr
}

// problems validates the form: the inputs' own problems first, then the
// domain's.
func (s *personScreen) problems() (dossier.Person, dossier.Problems) {
	p, pr := s.person()
	pr = append(pr, dossier.ProblemsOf(p.Validate())...)
	return p, pr
}

// validate shows the problems of the fields the user has changed, or of
// every field once a save was tried.
func (s *personScreen) validate() {
	_, pr := s.problems()
	shown := s.touched.Filter(pr)
	s.fields.ShowProblems(shown.Err())
	if len(shown) == 0 {
		s.status.SetText("")
	}
	if s.photo.refused != "" {
		// a file that cannot be the photo: said, but no bar to saving
		s.fields.By["photo"].SetMessage(s.photo.refused)
	}
}

func (s *personScreen) Content() fyne.CanvasObject {
	f := &s.fields
	business := &ui.FieldSet{}
	for _, fl := range []*ui.Field{
		ui.NewField("name", lang.L("Name"), s.name),
		ui.NewField("position", lang.L("Position"), s.position),
		ui.NewField("department", lang.L("Department"), s.department),
		ui.NewField("reports_to", lang.L("Reports to"), s.reportsTo),
		ui.NewField("role", lang.L("Buying role"), s.role),
		ui.NewField("influence", lang.L("Influence"), s.influence),
		ui.NewField("type", lang.L("Stakeholder type"), s.typ),
		ui.NewField("level", lang.L("Ladder level"), container.NewVBox(s.level, s.advice)),
		ui.NewField("email", lang.L("E-mail"), s.email),
		ui.NewField("phone", lang.L("Phone"), s.phone),
		ui.NewField("channel", lang.L("Preferred channel"), s.channel),
		ui.NewField("last_contact", lang.L("Last contact"), s.lastContact.Object()),
		ui.NewField("next_contact", lang.L("Next contact"), s.nextContact.Object()),
		ui.NewField("nps", lang.L("NPS"), container.NewBorder(nil, nil, nil, s.npsClass, s.nps)),
	} {
		business.Add(f.Add(fl))
	}
	privacyHint := hintLabel()
	privacyHint.SetText(lang.L("Where these personal facts come from, and whether the person agreed to their being kept."))
	personal := &ui.FieldSet{}
	for _, fl := range []*ui.Field{
		ui.NewField("photo", lang.L("Photo"), s.photo.box),
		ui.NewField("birthday", lang.L("Birthday"), container.NewVBox(s.bday.Box,
			container.NewBorder(nil, nil, nil, s.bday.Clear, s.bdayHint))),
		ui.NewField("family", lang.L("Family"), s.family),
		ui.NewField("hobbies", lang.L("Hobbies"), s.hobbies),
		ui.NewField("values", lang.L("Values"), s.values),
		ui.NewField("notes", lang.L("Notes"), s.notes),
		ui.NewField("privacy_note", lang.L("Source and consent"), container.NewVBox(s.privacy, privacyHint)),
	} {
		personal.Add(f.Add(fl))
	}
	heading := func(text string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewVBox(heading(lang.L("Role and contact")), business.Grid())
	right := container.NewVBox(heading(lang.L("Personal")), personal.Grid())
	body := container.NewScroll(container.NewPadded(ui.NewSideBySide(left, right)))

	back := widget.NewButtonWithIcon(s.acct.Name, theme.NavigateBackIcon(), s.OnCancel)
	back.Importance = widget.LowImportance
	title := lang.L("New person")
	if s.orig.ID != "" {
		title = s.orig.Name
	}
	// Two rows, so that the name and the status keep their room in a
	// window 1024 pixels wide: the name with the form's buttons, the
	// status with the personal-data buttons.
	bar := container.NewBorder(nil, nil, back, container.NewHBox(s.del, s.cancel, s.save),
		ui.NewFitLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	bar2 := container.NewBorder(nil, nil, nil, container.NewHBox(s.privacyBtn, s.eraseBtn), s.status)
	return container.NewBorder(container.NewVBox(bar, bar2, widget.NewSeparator()), nil, nil, nil, body)
}
