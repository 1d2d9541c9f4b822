package accounts

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// newAccountID is the place ID of the form for a new account.
const newAccountID = "new"

// accountEditor is the form that creates or edits an account, with every
// field of dossier.Account. It validates as the user types: a problem is
// shown under its field once the field has been changed, and under every
// field after a save was tried.
type accountEditor struct {
	host  ui.Host
	st    Store
	acct  dossier.Account // as loaded or last saved; the base of what is saved
	isNew bool
	rules dossier.Rules
	team  []dossier.TeamMember

	fields  ui.FieldSet
	touched ui.Touched // the fields the user changed; all once a save was tried
	loading bool       // inputs are being filled, not typed
	saved   string     // snapshot of the inputs when loaded or saved

	title       *widget.Label
	name        *ui.Entry
	industry    *ui.Entry
	segment     *ui.Entry
	tier        *ui.Choice[dossier.Tier]
	criteria    []*ui.Check // one per dossier.Criteria, in that order
	share       *ui.Entry
	monoWarning *widget.Label
	strategy    *ui.TextArea
	goals       *ui.TextArea
	competitors *ui.TextArea
	tender      *ui.DateInput
	prepStart   *widget.Label
	prepMonths  *ui.Entry
	review      *ui.DateInput
	owner       *ui.Select
	ownerIDs    []string // the owner options' team member IDs; "" for none
	passive     *ui.Check
	notes       *ui.TextArea
	status      *widget.Label // says why the last save failed
	saveBtn     *widget.Button
	cancelBtn   *widget.Button
}

// NewAccountEditor opens the form of account id, or of a new account
// when id is "new" (or empty).
func NewAccountEditor(h ui.Host, st Store, id string) (*accountEditor, error) {
	s := &accountEditor{host: h, st: st, isNew: id == newAccountID || id == ""}
	var err error
	if !s.isNew {
		if s.acct, err = st.Account(id); err != nil {
			return nil, err
		}
	}
	if s.rules, err = st.Rules(); err != nil {
		return nil, err
	}
	if s.team, err = st.Team(); err != nil {
		return nil, err
	}
	s.build()
	s.fill(s.acct)
	return s, nil
}

// build makes the inputs and lays them out as fields.
func (s *accountEditor) build() {
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	line := func(name string) *ui.Entry {
		e := ui.NewEntry(s.OnCancel)
		e.OnChanged = func(string) { s.changed(name) }
		return e
	}
	text := func(name string) *ui.TextArea {
		e := ui.NewTextArea(s.OnCancel)
		e.OnChanged = func(string) { s.changed(name) }
		return e
	}
	s.name = line("name")
	s.industry = line("industry")
	s.segment = line("segment")
	s.tier = ui.NewChoice(dossier.Tiers, dossier.Tier.Label, "", func(dossier.Tier) { s.changed("tier") })
	s.tier.PlaceHolder = lang.L("Choose a tier")
	criteria := container.NewVBox()
	for _, c := range dossier.Criteria {
		ch := ui.NewCheck(ui.Tr(c.Label()), func(bool) { s.changed("criteria") })
		s.criteria = append(s.criteria, ch)
		criteria.Add(ch)
	}
	s.share = line("revenue_share")
	s.share.SetPlaceHolder(lang.L("Percent, for example 12.5"))
	s.monoWarning = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.monoWarning.Importance = widget.WarningImportance
	s.monoWarning.Wrapping = fyne.TextWrapWord
	s.monoWarning.Hide()
	s.strategy = text("strategy")
	s.goals = text("goals")
	s.competitors = text("competitors")
	s.competitors.SetPlaceHolder(lang.L("One competitor per line"))
	s.tender = ui.NewDateInput(s.host.Window(), s.OnCancel)
	s.tender.OnChanged = func(string) { s.changed("next_tender") }
	s.prepStart = widget.NewLabel("")
	s.prepStart.Importance = widget.LowImportance
	s.prepStart.Hide()
	s.prepMonths = line("tender_prep_months")
	s.prepMonths.SetPlaceHolder(lang.L("{{.Months}} (the workspace rule)", map[string]any{"Months": s.rules.OrDefault().TenderPrepMonths}))
	s.review = ui.NewDateInput(s.host.Window(), s.OnCancel)
	s.review.OnChanged = func(string) { s.changed("annual_review") }
	opts := []string{lang.L("None")}
	s.ownerIDs = []string{""}
	for _, m := range s.team {
		opts = append(opts, m.Name)
		s.ownerIDs = append(s.ownerIDs, m.ID)
	}
	s.owner = ui.NewSelect(opts, func(string) { s.changed("owner") })
	s.passive = ui.NewCheck(lang.L("Passive"), func(bool) { s.changed("passive") })
	hint := widget.NewLabel(lang.L("A well-informed prospect: stays in the database."))
	hint.Importance = widget.LowImportance
	s.notes = text("notes")

	add := func(name, label string, input fyne.CanvasObject) {
		s.fields.Add(ui.NewField(name, lang.L(label), input))
	}
	add("name", "Name", s.name)
	add("industry", "Industry", s.industry)
	add("segment", "Segment or territory", s.segment)
	add("tier", "Tier", s.tier)
	add("criteria", "Why it is key", criteria)
	add("revenue_share", "Share of our revenue (%)", container.NewVBox(s.share, s.monoWarning))
	add("strategy", "Strategy", s.strategy)
	add("goals", "Goals", s.goals)
	add("competitors", "Competitors", s.competitors)
	add("next_tender", "Next tender", container.NewVBox(s.tender.Object(), s.prepStart))
	add("tender_prep_months", "Tender preparation (months)", s.prepMonths)
	add("annual_review", "Annual review", s.review.Object())
	add("owner", "Owner", s.owner)
	add("passive", "Passive client", container.NewHBox(s.passive, hint))
	add("notes", "Notes", s.notes)

	s.status = widget.NewLabel(lang.L("Not saved: please check the messages under the fields."))
	s.status.Importance = widget.DangerImportance
	s.status.Hide()
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	s.saveBtn.Importance = widget.HighImportance
	s.cancelBtn = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), s.OnCancel)
}

// fill shows a in the inputs and takes it as the unchanged state.
func (s *accountEditor) fill(a dossier.Account) {
	s.loading = true
	if s.isNew {
		s.title.SetText(lang.L("New account"))
	} else {
		s.title.SetText(lang.L("Edit account “{{.Name}}”", map[string]any{"Name": a.Name}))
	}
	s.name.SetText(a.Name)
	s.industry.SetText(a.Industry)
	s.segment.SetText(a.Segment)
	s.tier.Set(a.Tier)
	for i, c := range dossier.Criteria {
		s.criteria[i].SetChecked(a.Has(c))
	}
	if a.RevenueShare != 0 || !s.isNew {
		s.share.SetText(formatShare(a.RevenueShare))
	} else {
		s.share.SetText("")
	}
	s.strategy.SetText(a.Strategy)
	s.goals.SetText(a.Goals)
	s.competitors.SetText(strings.Join(a.Competitors, "\n"))
	s.tender.SetDate(a.NextTender)
	if a.TenderPrepMonths != 0 {
		s.prepMonths.SetText(strconv.Itoa(a.TenderPrepMonths))
	} else {
		s.prepMonths.SetText("")
	}
	s.review.SetDate(a.AnnualReview)
	s.setOwner(a.Owner)
	s.passive.SetChecked(a.Passive)
	s.notes.SetText(a.Notes)
	s.loading = false
	s.check()
	s.saved = s.snapshot()
}

// setOwner selects the team member id; an owner no longer in the team is
// kept as an option of its own, so that saving does not drop it silently.
func (s *accountEditor) setOwner(id string) {
	for i, o := range s.ownerIDs {
		if o == id {
			s.owner.SetSelectedIndex(i)
			return
		}
	}
	s.ownerIDs = append(s.ownerIDs, id)
	s.owner.Options = append(s.owner.Options, lang.L("{{.ID}} (not in the team)", map[string]any{"ID": id}))
	s.owner.SetSelectedIndex(len(s.ownerIDs) - 1)
}

func formatShare(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// changed is called by every input when the user changes it.
func (s *accountEditor) changed(field string) {
	if s.loading {
		return
	}
	s.touched.Mark(field)
	s.check()
}

// account builds the account from the inputs. Text that cannot be read
// (a number, a date) is reported as a problem of its field.
func (s *accountEditor) account() (dossier.Account, dossier.Problems) {
	a := s.acct
	var p dossier.Problems
	a.Name = strings.TrimSpace(s.name.Text)
	a.Industry = strings.TrimSpace(s.industry.Text)
	a.Segment = strings.TrimSpace(s.segment.Text)
	a.Tier = s.tier.Value()
	a.Criteria = nil
	for i, c := range dossier.Criteria {
		if s.criteria[i].Checked {
			a.Criteria = append(a.Criteria, c)
		}
	}
	a.RevenueShare = 0
	if t := strings.TrimSpace(s.share.Text); t != "" {
		v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", "."), 64)
		if err != nil {
			p.Add("revenue_share", "is not a number", nil)
		} else {
			a.RevenueShare = v
		}
	}
	a.Strategy = strings.TrimSpace(s.strategy.Text())
	a.Goals = strings.TrimSpace(s.goals.Text())
	a.Competitors = nil
	for _, l := range strings.Split(s.competitors.Text(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			a.Competitors = append(a.Competitors, l)
		}
	}
	date := func(field string, in *ui.DateInput) dossier.Date {
		v, err := in.Date()
		if err != nil {
			msg, data := ui.DateProblem(err)
			p.Add(field, msg, data)
		}
		return v
	}
	a.NextTender = date("next_tender", s.tender)
	a.TenderPrepMonths = 0
	if t := strings.TrimSpace(s.prepMonths.Text); t != "" {
		v, err := strconv.Atoi(t)
		if err != nil {
			p.Add("tender_prep_months", "is not a whole number", nil)
		} else {
			a.TenderPrepMonths = v
		}
	}
	a.AnnualReview = date("annual_review", s.review)
	a.Owner = ""
	if i := s.owner.SelectedIndex(); i >= 0 && i < len(s.ownerIDs) {
		a.Owner = s.ownerIDs[i]
	}
	a.Passive = s.passive.Checked
	a.Notes = strings.TrimSpace(s.notes.Text())
	if err := a.Validate(); err != nil {
		for _, v := range dossier.ProblemsOf(err) {
			if p.For(v.Field) == nil { // a field that cannot be read is reported once
				p = append(p, v)
			}
		}
	}
	return a, p
}

// check validates what is typed, shows the problems under their fields
// and updates the live notes (mono-dependence, tender preparation).
func (s *accountEditor) check() (dossier.Account, dossier.Problems) {
	a, problems := s.account()
	s.fields.ShowProblems(s.touched.Filter(problems).Err())
	if len(problems) == 0 {
		s.status.Hide()
	}

	if problems.For("revenue_share") == nil && a.MonoDependent(s.rules) {
		s.monoWarning.SetText(lang.L("⚠ Above {{.Limit}}% of our revenue: we depend dangerously on this client.",
			map[string]any{"Limit": s.rules.OrDefault().MonoDependencePercent}))
		s.monoWarning.Show()
	} else {
		s.monoWarning.Hide()
	}
	if problems.For("next_tender") == nil && problems.For("tender_prep_months") == nil && !a.NextTender.IsZero() {
		start := a.TenderPrepStart(s.rules)
		msg := "Preparation starts on {{.Date}}."
		if start.Before(s.host.Today()) {
			msg = "Preparation started on {{.Date}}."
		}
		s.prepStart.SetText(lang.L(msg, map[string]any{"Date": ui.DateText(start)}))
		s.prepStart.Show()
	} else {
		s.prepStart.Hide()
	}
	return a, problems
}

// snapshot is everything typed and chosen, to tell whether it changed.
func (s *accountEditor) snapshot() string {
	parts := []string{s.name.Text, s.industry.Text, s.segment.Text, s.tier.Selected, s.share.Text,
		s.strategy.Text(), s.goals.Text(), s.competitors.Text(), s.tender.Text, s.prepMonths.Text,
		s.review.Text, strconv.Itoa(s.owner.SelectedIndex()), strconv.FormatBool(s.passive.Checked), s.notes.Text()}
	for _, c := range s.criteria {
		parts = append(parts, strconv.FormatBool(c.Checked))
	}
	return strings.Join(parts, "\x00")
}

// Dirty reports changes since the form was loaded or saved.
func (s *accountEditor) Dirty() bool { return s.snapshot() != s.saved }

// OnSave saves the account and opens its dossier. A save that fails keeps
// everything typed and shows the problems.
func (s *accountEditor) OnSave() {
	if !s.SaveChanges() {
		return
	}
	place := ui.Place{Screen: "account", ID: s.acct.ID}
	s.host.Defer(func() { s.host.Show(place) })
}

// SaveChanges saves the account, staying on the form, and reports whether
// it was saved.
func (s *accountEditor) SaveChanges() bool {
	s.touched.All = true
	a, problems := s.check()
	if len(problems) > 0 {
		s.status.Show()
		var rest dossier.Problems // problems of fields not on this form
		for _, p := range problems {
			if s.fields.By[p.Field] == nil {
				rest = append(rest, p)
			}
		}
		if len(rest) > 0 {
			s.host.ShowError(rest)
		}
		return false
	}
	if err := s.st.SaveAccount(&a); err != nil {
		s.status.Show()
		rest := s.fields.ShowProblems(err)
		if len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
			s.host.ShowError(err)
		}
		return false
	}
	s.status.Hide()
	s.acct, s.isNew = a, false
	s.saved = s.snapshot()
	return true
}

// OnCancel goes back where the user came from: the dossier of an existing
// account, the list for a new one. The desk asks first when something was
// changed.
func (s *accountEditor) OnCancel() {
	place := ui.Place{Screen: "accounts"}
	if !s.isNew {
		place = ui.Place{Screen: "account", ID: s.acct.ID}
	}
	s.host.Defer(func() { s.host.Show(place) })
}

// FocusFirst puts the cursor in the name when the form opens.
func (s *accountEditor) FocusFirst() { s.host.Window().Canvas().Focus(s.name) }

func (s *accountEditor) Content() fyne.CanvasObject {
	header := container.NewHBox(widget.NewIcon(theme.DocumentCreateIcon()), s.title)
	buttons := container.NewHBox(s.saveBtn, s.cancelBtn, s.status)
	form := container.NewPadded(s.fields.Grid())
	return container.NewBorder(header, buttons, nil, nil, container.NewVScroll(form))
}

// editAccount opens the form for account id ("new" for a new account);
// the frame puts the cursor in its first field (FocusFirst).
func editAccount(h ui.Host, id string) {
	h.Defer(func() { h.Show(ui.Place{Screen: "account-edit", ID: id}) })
}

// confirmDeleteAccount asks, then moves the account with its people,
// events, promises and proposals to the bin, offers Undo and shows the
// list.
func confirmDeleteAccount(h ui.Host, st Store, a dossier.Account, people int) {
	msg := lang.N("Delete the account “{{.Name}}” with its {{.Count}} person, events and promises? You can undo this.",
		people, map[string]any{"Name": a.Name, "Count": people})
	c := dialog.NewConfirm(lang.L("Delete account"), msg, func(ok bool) {
		if !ok {
			return
		}
		entry, err := st.DeleteAccount(a.ID)
		if err != nil {
			h.ShowError(err)
			return
		}
		h.Show(ui.Place{Screen: "accounts"})
		ui.OfferUndo(h, entry, st.Restore) // on the list, where the user is now
	}, h.Window())
	c.SetConfirmText(lang.L("Delete"))
	c.SetConfirmImportance(widget.DangerImportance)
	c.Show()
}
