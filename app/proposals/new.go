package proposals

import (
	"slices"
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
	"kamdesk/proposal"
)

// newProposalForm is the dialog that starts a proposal: to whom, in which
// language, from which library sections or previous proposal, credited to
// whom and valid for how long.
type newProposalForm struct {
	host    ui.Host
	st      Store
	accts   []dossier.AccountName
	secs    []proposal.Section
	props   []proposal.Head    // to start from
	prev    *proposal.Proposal // the one chosen, read in full
	team    []dossier.TeamMember
	fs      ui.FieldSet
	touched ui.Touched // fields the user has changed; all after Create was tried
	dlg     *dialog.CustomDialog

	account      *widget.Select
	title        *ui.Entry
	language     *ui.Entry
	languageNote *widget.Label // what kamdesk writes in that language
	from         *widget.RadioGroup
	kindSel      *widget.Select // filters of the section checklist
	audSel       *widget.Select
	secList      *fyne.Container // the checks of the sections shown
	secCount     *widget.Label
	checked      map[string]bool // section ID -> chosen
	fromLib      *fyne.Container
	fromPrev     *fyne.Container
	source       *fyne.Container // shows fromLib or fromPrev
	prevSel      *widget.Select
	credits      []*widget.Check // one per team member
	order        []string        // member IDs in the order they were checked
	author       *widget.Label
	valid        *ui.Entry
	create       *widget.Button
	progress     *widget.ProgressBarInfinite // shown while the proposal is created
	creating     bool                        // set from Create until the proposal is saved
	scroll       *container.Scroll
	busy         bool // set while the form sets its own inputs
}

// newProposalChoices are what the New proposal dialog offers: read off
// the UI goroutine before it opens (readNewProposalChoices).
type newProposalChoices struct {
	accts []dossier.AccountName
	secs  []proposal.Section
	props []proposal.Head
	team  []dossier.TeamMember
}

// readNewProposalChoices reads what the dialog offers; it runs off the UI
// goroutine.
func readNewProposalChoices(ws Store) (c newProposalChoices, err error) {
	if c.accts, err = ws.AccountNames(); err != nil {
		return c, err
	}
	if c.secs, err = ws.Sections(); err != nil {
		return c, err
	}
	if c.props, err = ws.ProposalHeads(""); err != nil {
		return c, err
	}
	c.team, err = ws.Team()
	return c, err
}

func newNewProposalForm(h ui.Host, st Store, acct string, c newProposalChoices) (*newProposalForm, error) {
	f := &newProposalForm{host: h, st: st, checked: map[string]bool{},
		accts: c.accts, secs: c.secs, props: c.props, team: c.team}
	cancel := func() { f.dlg.Hide() }

	f.account = widget.NewSelect(nil, func(string) { f.changed("account_id") })
	for _, a := range f.accts {
		f.account.Options = append(f.account.Options, a.Name)
	}
	f.account.PlaceHolder = lang.L("Choose the account")
	if i := slices.IndexFunc(f.accts, func(a dossier.AccountName) bool { return a.ID == acct }); i >= 0 {
		f.account.SetSelectedIndex(i)
	}
	f.title = ui.NewEntry(cancel)
	f.title.SetPlaceHolder(lang.L("What the proposal offers, in the client's words"))
	f.title.OnChanged = func(string) { f.changed("title") }
	f.language = ui.NewEntry(cancel)
	f.languageNote = widget.NewLabel("")
	f.languageNote.Importance = widget.LowImportance
	f.languageNote.Wrapping = fyne.TextWrapWord
	f.language.OnChanged = func(string) {
		f.showLanguage()
		f.preselect()
		f.changed("language")
	}
	f.language.SetText("en")
	f.valid = ui.NewEntry(cancel)
	f.valid.SetText("30")
	f.valid.OnChanged = func(string) { f.changed("valid_days") }

	// Start from library sections...
	f.kindSel = widget.NewSelect([]string{lang.L("All kinds")}, func(string) { f.showSections() })
	for _, k := range proposal.Kinds {
		f.kindSel.Options = append(f.kindSel.Options, ui.Tr(k.Label()))
	}
	f.kindSel.SetSelectedIndex(0)
	f.audSel = widget.NewSelect([]string{lang.L("All audiences")}, func(string) { f.showSections() })
	for _, a := range proposal.Audiences {
		f.audSel.Options = append(f.audSel.Options, ui.Tr(a.Label()))
	}
	f.audSel.SetSelectedIndex(0)
	f.secList = container.NewVBox()
	f.secCount = widget.NewLabel("")
	f.secCount.Importance = widget.LowImportance
	scroll := container.NewVScroll(f.secList)
	scroll.SetMinSize(fyne.NewSize(520, 200))
	f.fromLib = container.NewBorder(container.NewHBox(f.kindSel, f.audSel), f.secCount, nil, nil, scroll)
	// ...or from a previous proposal.
	f.prevSel = widget.NewSelect(nil, func(string) { f.onPrevious() })
	names := make(map[string]string, len(f.accts))
	for _, a := range f.accts {
		names[a.ID] = a.Name
	}
	for _, p := range f.props {
		f.prevSel.Options = append(f.prevSel.Options, previousLabel(p.Title, names[p.AccountID]))
	}
	f.prevSel.PlaceHolder = lang.L("Choose the proposal to start from")
	prevHint := widget.NewLabel(lang.L("Its sections, pricing, financial result, references and team are copied; the copy is a new draft issued today."))
	prevHint.Wrapping = fyne.TextWrapWord
	prevHint.Importance = widget.LowImportance
	f.fromPrev = container.NewVBox(f.prevSel, prevHint)
	f.source = container.NewStack()
	f.from = widget.NewRadioGroup([]string{lang.L("Library sections"), lang.L("A previous proposal")}, func(string) {
		f.showSource()
		f.changed("")
	})
	f.from.Horizontal = true
	f.from.Required = true
	f.busy = true
	f.from.SetSelected(f.from.Options[0])
	f.busy = false

	var checks []fyne.CanvasObject
	for _, m := range f.team {
		id := m.ID
		label := m.Name
		if m.Position != "" {
			label += " — " + m.Position
		}
		c := widget.NewCheck(label, func(on bool) {
			if on && !slices.Contains(f.order, id) {
				f.order = append(f.order, id)
			} else if !on {
				f.order = slices.DeleteFunc(f.order, func(x string) bool { return x == id })
			}
			f.changed("credits")
		})
		f.credits = append(f.credits, c)
		checks = append(checks, c)
	}
	f.author = widget.NewLabel("")
	f.author.Importance = widget.LowImportance
	creditsBox := container.NewVBox(container.NewGridWithColumns(2, checks...), f.author)

	f.fs.Add(ui.NewField("account_id", lang.L("Account"), f.account))
	f.fs.Add(ui.NewField("title", lang.L("Title"), f.title))
	f.fs.Add(ui.NewField("language", lang.L("Language"), container.NewVBox(f.language, f.languageNote)))
	f.fs.Add(ui.NewField("items", lang.L("Start from"), container.NewVBox(f.from, f.source)))
	f.fs.Add(ui.NewField("credits", lang.L("Team credits"), creditsBox))
	f.fs.Add(ui.NewField("valid_days", lang.L("Valid for (days)"), f.valid))

	f.preselect()
	f.showSource()
	f.showAuthor()
	return f, nil
}

func (f *newProposalForm) show() {
	f.scroll = container.NewVScroll(f.fs.Grid())
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("New proposal"), f.scroll, f.host.Window())
	f.create = widget.NewButtonWithIcon(lang.L("Create"), theme.ConfirmIcon(), f.onCreate)
	f.create.Importance = widget.HighImportance
	f.progress = widget.NewProgressBarInfinite()
	f.progress.Stop()
	f.progress.Hide()
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), f.dlg.Hide)
	f.dlg.SetButtons([]fyne.CanvasObject{f.progress, cancel, f.create})
	size := fyne.NewSize(820, 760)
	if h := f.host.Window().Canvas().Size().Height - 40; h > 300 && size.Height > h {
		size.Height = h
	}
	f.dlg.Resize(size)
	f.dlg.SetOnClosed(func() {
		f.host.DialogClosed(f)
	})
	f.host.TrackDialog(f)
	f.dlg.Show()
	f.host.Window().Canvas().Focus(f.title)
}

// Dirty reports a title typed: what quitting should not drop silently.
func (f *newProposalForm) Dirty() bool { return strings.TrimSpace(f.title.Text) != "" }

// SaveChanges creates the proposal at once, for quitting, and reports
// whether it was created; the problems are shown as Create shows them.
func (f *newProposalForm) SaveChanges() bool {
	f.touched.All = true
	f.changed("")
	p, err := f.build()
	if err == nil {
		err = f.st.SaveProposal(&p)
	}
	if err != nil {
		if rest := f.fs.ShowProblems(err); len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
			f.host.ShowError(err)
		}
		f.relayout()
		return false
	}
	f.dlg.Hide()
	return true
}

func (f *newProposalForm) Close() { f.dlg.Hide() }

// showLanguage says in which language kamdesk will write its own words of
// the proposal.
func (f *newProposalForm) showLanguage() {
	code := strings.TrimSpace(f.language.Text)
	switch name := proposal.LanguageName(code); {
	case code == "":
		f.languageNote.SetText(lang.L("kamdesk writes its headings, dates and money in en, ru, bg, hu, nb and fil."))
	case name != "":
		f.languageNote.SetText(lang.L("{{.Language}}: the headings, dates and money kamdesk adds are written in it too.", map[string]any{"Language": name}))
	default:
		f.languageNote.SetText(lang.L("kamdesk does not write {{.Code}}: the headings, dates and money it adds will be in English (it writes en, ru, bg, hu, nb and fil).", map[string]any{"Code": code}))
	}
}

// preselect chooses every library section in the proposal's language.
func (f *newProposalForm) preselect() {
	lng := strings.TrimSpace(f.language.Text)
	for _, s := range f.secs {
		f.checked[s.ID] = strings.EqualFold(s.Language, lng)
	}
	f.showSections()
}

// showSections lists the library sections that pass the kind and
// audience filters, in the proposal's language.
func (f *newProposalForm) showSections() {
	if f.secList == nil || f.audSel == nil {
		return // still being built
	}
	lng := strings.TrimSpace(f.language.Text)
	var kind proposal.Kind
	if i := f.kindSel.SelectedIndex(); i > 0 {
		kind = proposal.Kinds[i-1]
	}
	var aud proposal.Audience
	if i := f.audSel.SelectedIndex(); i > 0 {
		aud = proposal.Audiences[i-1]
	}
	f.secList.Objects = nil
	for _, s := range f.secs {
		if !strings.EqualFold(s.Language, lng) || kind != "" && s.Kind != kind || aud != "" && s.Audiences.For(aud) == 0 {
			continue
		}
		id := s.ID
		c := widget.NewCheck(lang.L("{{.Title}} ({{.Kind}})", map[string]any{"Title": s.Title, "Kind": ui.Tr(s.Kind.Label())}), nil)
		c.SetChecked(f.checked[id])
		c.OnChanged = func(on bool) {
			f.checked[id] = on
			f.countSections()
		}
		f.secList.Add(c)
	}
	if len(f.secList.Objects) == 0 {
		f.secList.Add(widget.NewLabel(lang.L("No library sections in this language match.")))
	}
	f.secList.Refresh()
	f.countSections()
}

func (f *newProposalForm) countSections() {
	n := len(f.chosenSections())
	f.secCount.SetText(lang.N("{{.Count}} section chosen", n, map[string]any{"Count": n}))
}

// chosenSections are the IDs of the sections checked in the proposal's
// language, in library order.
func (f *newProposalForm) chosenSections() []string {
	lng := strings.TrimSpace(f.language.Text)
	var ids []string
	for _, s := range f.secs {
		if f.checked[s.ID] && strings.EqualFold(s.Language, lng) {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func (f *newProposalForm) showAuthor() {
	if len(f.order) == 0 {
		f.author.SetText(lang.L("The first team member you tick is the author."))
		return
	}
	name := f.order[0]
	for _, m := range f.team {
		if m.ID == name {
			name = m.Name
		}
	}
	f.author.SetText(lang.L("Author: {{.Name}}", map[string]any{"Name": name}))
}

// changed validates the proposal being described as the user types;
// messages appear under the fields they have touched.
func (f *newProposalForm) changed(field string) {
	if f.busy || f.author == nil {
		return
	}
	f.touched.Mark(field)
	f.showAuthor()
	_, err := f.build()
	f.fs.ShowProblems(f.touched.Filter(dossier.ProblemsOf(err)).Err())
	f.relayout()
}

// relayout makes room for the messages and the source shown.
func (f *newProposalForm) relayout() {
	if f.scroll != nil {
		f.scroll.Content.Refresh()
		f.scroll.Refresh()
	}
}

// build makes the draft described by the form.
func (f *newProposalForm) build() (proposal.Proposal, error) {
	var pr dossier.Problems
	p := proposal.Proposal{
		Title:    strings.TrimSpace(f.title.Text),
		Language: strings.TrimSpace(f.language.Text),
		Status:   proposal.Draft,
		Issued:   f.host.Today(),
	}
	if i := f.account.SelectedIndex(); i >= 0 && i < len(f.accts) {
		p.AccountID = f.accts[i].ID
	}
	days, err := strconv.Atoi(strings.TrimSpace(f.valid.Text))
	if err != nil || days < 1 {
		pr.Add("valid_days", "must be between 1 and 3660", nil)
	}
	p.ValidDays = days
	if f.fromPrevious() {
		prev, ok := f.previous()
		if !ok {
			pr.Add("items", "Choose the proposal to start from.", nil)
		}
		copyProposalContent(&p, &prev)
	} else {
		for _, id := range f.chosenSections() {
			p.Items = append(p.Items, proposal.Item{SectionID: id})
		}
	}
	roles := map[string]string{}
	if prev, ok := f.previous(); ok && f.fromPrevious() {
		for _, c := range prev.Credits {
			roles[c.MemberID] = c.Role
		}
	}
	p.Credits = nil
	for _, id := range f.order {
		p.Credits = append(p.Credits, proposal.Credit{MemberID: id, Role: roles[id]})
	}
	if len(f.order) > 0 {
		p.Author = f.order[0]
	}
	badDays := pr.For("valid_days") != nil
	for _, e := range dossier.ProblemsOf(p.Validate()) {
		if e.Field != "valid_days" || !badDays {
			pr = append(pr, e)
		}
	}
	return p, pr.Err()
}

// onCreate saves the new draft and opens it in the builder. A draft that
// cannot be saved keeps the dialog open with everything typed.
func (f *newProposalForm) onCreate() {
	f.touched.All = true // show every problem from now on
	f.changed("")
	p, err := f.build()
	if err != nil {
		if rest := f.fs.ShowProblems(err); len(rest) > 0 {
			f.host.ShowError(dossier.Problems(rest).Err())
		}
		f.relayout()
		return
	}
	if f.creating {
		return // a second click while the first creates the proposal
	}
	f.creating = true
	f.create.Disable()
	f.progress.Show()
	f.progress.Start()
	f.host.Background(func() { err = f.st.SaveProposal(&p) }, func() {
		f.creating = false
		f.progress.Stop()
		f.progress.Hide()
		f.create.Enable()
		if err != nil {
			if rest := f.fs.ShowProblems(err); len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
				f.host.ShowError(err)
			}
			f.relayout()
			return
		}
		f.dlg.Hide()
		place := ui.Place{Screen: "proposal", ID: p.ID}
		f.host.Defer(func() { f.host.Show(place) })
	})
}
