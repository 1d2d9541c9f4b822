package app

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func init() {
	registerScreen("proposals", func(d *Desk, id string) (screen, error) { return newProposalsScreen(d, id) })
	agendaSources = append(agendaSources, proposalAgenda)
	agendaKinds = append(agendaKinds,
		agendaKind{agendaProposalExpiry, "Expiring proposals", theme.IconNameDocument},
		agendaKind{agendaProposalFollowUp, "Proposal follow-up", theme.IconNameMailSend})
}

// The agenda kinds of proposals.
const (
	agendaProposalExpiry   = proposal.AgendaExpiry
	agendaProposalFollowUp = proposal.AgendaFollowUp
)

// proposalAgenda is the proposals' part of the agenda (proposal.Agenda):
// proposals that expire within the horizon (or have expired) and are
// neither won nor lost, and the follow-up tasks due within it or late.
// Each opens the proposal's builder.
func proposalAgenda(d *Desk, q agendaQuery) ([]agendaEntry, error) {
	props, err := d.ws.(proposalStore).Proposals("")
	if err != nil {
		return nil, err
	}
	days := q.days
	if days <= 0 {
		days = q.ws.Rules.OrDefault().AgendaDays
	}
	names := map[string]string{}
	for _, a := range q.ws.Accounts {
		names[a.ID] = a.Name
	}
	var out []agendaEntry
	for _, it := range proposal.Agenda(props, func(id string) string { return names[id] }, q.today, q.today.AddDays(days)) {
		if task, ok := it.Data["Task"].(string); ok {
			it.Data["Task"] = tr(task)
		}
		out = append(out, agendaEntry{item: it, place: Place{Screen: "proposal", ID: it.RecordID}})
	}
	return out, nil
}

// proposalsAccountPrefix starts the place ID of the proposals of one
// account: "account:<id>".
const proposalsAccountPrefix = "account:"

// proposalRow is one proposal with what the list shows about it, worked
// out once per refresh.
type proposalRow struct {
	p        proposal.Proposal
	account  string          // the account's name
	status   proposal.Status // as of today: Expired is derived
	days     int             // days to the expiry date, negative once past
	expires  bool            // the proposal has an expiry date
	blocking int             // blocking findings of the readiness check
	next     proposal.Task   // the next open follow-up task
	hasNext  bool
}

// proposalColumn is a sortable column of the proposals table.
type proposalColumn struct {
	title string
	width float32
	cell  func(r *proposalRow) (string, widget.Importance)
	cmp   func(a, b *proposalRow) int
}

// proposalsScreen lists every proposal with its status, how long it stays
// valid, whether it is ready to send and the next follow-up, filtered by
// status and account.
type proposalsScreen struct {
	desk     *Desk
	st       proposalStore
	today    dossier.Date
	accounts []dossier.Account
	all      []proposalRow
	rows     []proposalRow // those the filters let through, sorted
	columns  []proposalColumn
	sortBy   int
	desc     bool

	table     *accountTable
	statusSel *widget.Select
	acctSel   *widget.Select
	summary   *widget.Label
	newBtn    *widget.Button
	body      *fyne.Container
	newForm   *newProposalForm // the New proposal dialog, while open
}

// statusChoices are the statuses the filter offers, Expired included.
var statusChoices = append(slices.Clone(proposal.Statuses), proposal.Expired)

func newProposalsScreen(d *Desk, id string) (*proposalsScreen, error) {
	s := &proposalsScreen{desk: d, st: d.ws.(proposalStore), sortBy: -1, today: d.opts.Today()}
	accts, err := d.ws.Accounts()
	if err != nil {
		return nil, err
	}
	s.accounts = accts
	s.columns = []proposalColumn{
		{lang.L("Proposal"), 280, func(r *proposalRow) (string, widget.Importance) { return r.p.Title, widget.MediumImportance },
			func(a, b *proposalRow) int {
				return strings.Compare(strings.ToLower(a.p.Title), strings.ToLower(b.p.Title))
			}},
		{lang.L("Account"), 170, func(r *proposalRow) (string, widget.Importance) { return r.account, widget.MediumImportance },
			func(a, b *proposalRow) int {
				return strings.Compare(strings.ToLower(a.account), strings.ToLower(b.account))
			}},
		{lang.L("Status"), 100, func(r *proposalRow) (string, widget.Importance) {
			imp := widget.MediumImportance
			switch r.status {
			case proposal.Expired, proposal.Lost:
				imp = widget.DangerImportance
			case proposal.Won:
				imp = widget.SuccessImportance
			}
			return tr(r.status.Label()), imp
		}, func(a, b *proposalRow) int {
			return cmp.Compare(slices.Index(statusChoices, a.status), slices.Index(statusChoices, b.status))
		}},
		{lang.L("Expires"), 140, func(r *proposalRow) (string, widget.Importance) { return expiryText(r) },
			func(a, b *proposalRow) int {
				switch {
				case a.expires != b.expires && a.expires:
					return -1
				case a.expires != b.expires:
					return 1
				}
				return cmp.Compare(a.days, b.days)
			}},
		{lang.L("Readiness"), 90, func(r *proposalRow) (string, widget.Importance) {
			switch {
			case r.p.Status.Closed():
				return "–", widget.MediumImportance
			case r.blocking > 0:
				return lang.N("{{.Count}} to fix", r.blocking, map[string]any{"Count": r.blocking}), widget.DangerImportance
			}
			return lang.L("Ready"), widget.SuccessImportance
		}, func(a, b *proposalRow) int { return cmp.Compare(a.blocking, b.blocking) }},
		{lang.L("Follow-up"), 290, func(r *proposalRow) (string, widget.Importance) {
			if !r.hasNext {
				return "–", widget.MediumImportance
			}
			text := weekdayDate(r.next.Due) + " · " + tr(r.next.Kind.Label())
			if r.next.Due.Before(s.today) {
				return lang.L("{{.Task}} (late)", map[string]any{"Task": text}), widget.DangerImportance
			}
			return text, widget.MediumImportance
		}, func(a, b *proposalRow) int {
			var da, db dossier.Date
			if a.hasNext {
				da = a.next.Due
			}
			if b.hasNext {
				db = b.next.Due
			}
			return compareDates(da, db)
		}},
	}

	s.statusSel = widget.NewSelect(nil, func(string) { s.filter() })
	s.statusSel.Options = append(s.statusSel.Options, lang.L("All statuses"))
	for _, st := range statusChoices {
		s.statusSel.Options = append(s.statusSel.Options, tr(st.Label()))
	}
	s.statusSel.SetSelectedIndex(0)
	s.acctSel = widget.NewSelect(nil, func(string) { s.filter() })
	s.acctSel.Options = append(s.acctSel.Options, lang.L("All accounts"))
	for _, a := range accts {
		s.acctSel.Options = append(s.acctSel.Options, a.Name)
	}
	s.acctSel.SetSelectedIndex(0)
	if acct, ok := strings.CutPrefix(id, proposalsAccountPrefix); ok {
		if i := slices.IndexFunc(accts, func(a dossier.Account) bool { return a.ID == acct }); i >= 0 {
			s.acctSel.SetSelectedIndex(i + 1)
		}
	}

	s.summary = widget.NewLabel("")
	s.newBtn = widget.NewButtonWithIcon(lang.L("New proposal"), theme.ContentAddIcon(), s.onNew)
	s.newBtn.Importance = widget.HighImportance
	s.table = newAccountTable(
		func() (int, int) { return len(s.rows), len(s.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			text, imp := s.columns[id.Col].cell(&s.rows[id.Row])
			l.Importance = imp
			l.SetText(text)
		})
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 {
			return
		}
		b := o.(*widget.Button)
		title := s.columns[id.Col].title
		if id.Col == s.sortBy {
			title += map[bool]string{false: " ▲", true: " ▼"}[s.desc]
		}
		b.SetText(title)
		col := id.Col
		b.OnTapped = func() { s.onSort(col) }
	}
	for i, c := range s.columns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			place := Place{Screen: "proposal", ID: s.rows[id.Row].p.ID}
			s.desk.opts.Defer(func() { s.desk.Show(place) })
		}
	}
	s.body = container.NewStack()
	if err := s.load(); err != nil {
		return nil, err
	}
	return s, nil
}

// load reads the proposals and works out each row.
func (s *proposalsScreen) load() error {
	props, err := s.st.Proposals("")
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, a := range s.accounts {
		names[a.ID] = a.Name
	}
	contexts := map[string]*proposal.Context{}
	s.all = s.all[:0]
	for _, p := range props {
		r := proposalRow{p: p, account: names[p.AccountID], status: p.StatusOn(s.today)}
		r.days, r.expires = p.DaysLeft(s.today)
		ctx, ok := contexts[p.AccountID]
		if !ok {
			if ctx, err = s.st.Context(p.AccountID, s.today); err != nil {
				return err
			}
			contexts[p.AccountID] = ctx
		}
		r.blocking = proposal.Blocking(proposal.Check(&p, ctx))
		r.next, r.hasNext = nextTask(&p)
		s.all = append(s.all, r)
	}
	s.filter()
	return nil
}

// nextTask is the open follow-up task due first.
func nextTask(p *proposal.Proposal) (proposal.Task, bool) {
	var next proposal.Task
	found := false
	for _, t := range p.Tasks {
		if t.Status == proposal.TaskOpen && (!found || t.Due.Before(next.Due)) {
			next, found = t, true
		}
	}
	return next, found
}

// expiryText is the countdown to a proposal's expiry, coloured as the
// date nears.
func expiryText(r *proposalRow) (string, widget.Importance) {
	switch {
	case r.p.Status.Closed():
		return "–", widget.MediumImportance
	case !r.expires:
		return lang.L("no expiry date"), widget.WarningImportance
	case r.days < 0:
		n := -r.days
		return lang.N("expired {{.Count}} day ago", n, map[string]any{"Count": n}), widget.DangerImportance
	case r.days == 0:
		return lang.L("expires today"), widget.DangerImportance
	}
	text := lang.N("{{.Count}} day left", r.days, map[string]any{"Count": r.days})
	switch {
	case r.days <= 3:
		return text, widget.DangerImportance
	case r.days <= 14:
		return text, widget.WarningImportance
	}
	return text, widget.SuccessImportance
}

// weekdayDate shows a date with its weekday: "Thu 2026-11-26".
func weekdayDate(d dossier.Date) string {
	if d.IsZero() {
		return ""
	}
	return lang.L("{{.Weekday}} {{.Date}}", map[string]any{"Weekday": weekdayShort(d), "Date": d.String()})
}

// weekdayShort is the short translated name of a date's weekday, as the
// agenda writes it.
func weekdayShort(d dossier.Date) string { return weekday(d.Weekday()) }

// filter applies the status and account filters, then the sort order.
func (s *proposalsScreen) filter() {
	if s.summary == nil {
		return // still being built
	}
	status := proposal.Status("")
	if i := s.statusSel.SelectedIndex(); i > 0 {
		status = statusChoices[i-1]
	}
	acct := s.filterAccount()
	s.rows = s.rows[:0]
	for _, r := range s.all {
		if (status == "" || r.status == status) && (acct == "" || r.p.AccountID == acct) {
			s.rows = append(s.rows, r)
		}
	}
	s.sort()
	n := len(s.rows)
	if n == len(s.all) {
		s.summary.SetText(lang.N("{{.Count}} proposal", n, map[string]any{"Count": n}))
	} else {
		s.summary.SetText(lang.L("{{.Shown}} of {{.All}}", map[string]any{"Shown": n,
			"All": lang.N("{{.Count}} proposal", len(s.all), map[string]any{"Count": len(s.all)})}))
	}
	s.table.UnselectAll()
	s.table.Refresh()
	s.showBody()
}

// filterAccount is the ID of the account chosen in the filter, or "".
func (s *proposalsScreen) filterAccount() string {
	if i := s.acctSel.SelectedIndex(); i > 0 && i <= len(s.accounts) {
		return s.accounts[i-1].ID
	}
	return ""
}

func (s *proposalsScreen) showBody() {
	var o fyne.CanvasObject = s.table
	switch {
	case len(s.all) == 0:
		o = container.NewCenter(widget.NewLabel(lang.L("No proposals yet. Start one with New proposal (Ctrl+N).")))
	case len(s.rows) == 0:
		o = container.NewCenter(widget.NewLabel(lang.L("No proposals match the filters.")))
	}
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

func (s *proposalsScreen) onSort(col int) {
	if s.sortBy == col {
		s.desc = !s.desc
	} else {
		s.sortBy, s.desc = col, false
	}
	s.sort()
	s.table.Refresh()
}

func (s *proposalsScreen) sort() {
	if s.sortBy < 0 {
		return // the store's order: most recently updated first
	}
	c := s.columns[s.sortBy].cmp
	slices.SortStableFunc(s.rows, func(a, b proposalRow) int {
		if s.desc {
			return c(&b, &a)
		}
		return c(&a, &b)
	})
}

func (s *proposalsScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Proposals"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	filters := container.NewHBox(widget.NewLabel(lang.L("Status")), s.statusSel,
		widget.NewLabel(lang.L("Account")), s.acctSel)
	header := container.NewHBox(widget.NewIcon(theme.DocumentIcon()), title, s.summary, layout.NewSpacer(), filters, s.newBtn)
	return container.NewBorder(header, nil, nil, nil, s.body)
}

// onNew asks what the new proposal is and starts it (Ctrl+N).
func (s *proposalsScreen) onNew() {
	if s.newForm != nil {
		return // already open
	}
	f, err := newNewProposalForm(s.desk, s.filterAccount())
	if err != nil {
		s.desk.showError(err)
		return
	}
	s.newForm = f
	f.show()
	f.dlg.SetOnClosed(func() { s.newForm = nil })
}

// String describes the table for tests and debugging: one line a row.
func (s *proposalsScreen) String() string {
	var b strings.Builder
	for i := range s.rows {
		var cells []string
		for _, c := range s.columns {
			text, _ := c.cell(&s.rows[i])
			cells = append(cells, text)
		}
		fmt.Fprintln(&b, strings.Join(cells, " | "))
	}
	return b.String()
}

// newProposalForm is the dialog that starts a proposal: to whom, in which
// language, from which library sections or previous proposal, credited to
// whom and valid for how long.
type newProposalForm struct {
	desk    *Desk
	st      proposalStore
	accts   []dossier.Account
	secs    []proposal.Section
	props   []proposal.Proposal
	team    []dossier.TeamMember
	fs      fieldSet
	touched map[string]bool // fields the user has changed; nil after Create: all
	dlg     *dialog.CustomDialog

	account  *widget.Select
	title    *entry
	language *entry
	from     *widget.RadioGroup
	kindSel  *widget.Select // filters of the section checklist
	audSel   *widget.Select
	secList  *fyne.Container // the checks of the sections shown
	secCount *widget.Label
	checked  map[string]bool // section ID -> chosen
	fromLib  *fyne.Container
	fromPrev *fyne.Container
	source   *fyne.Container // shows fromLib or fromPrev
	prevSel  *widget.Select
	credits  []*widget.Check // one per team member
	order    []string        // member IDs in the order they were checked
	author   *widget.Label
	valid    *entry
	create   *widget.Button
	scroll   *container.Scroll
	busy     bool // set while the form sets its own inputs
}

func newNewProposalForm(d *Desk, acct string) (*newProposalForm, error) {
	st := d.ws.(proposalStore)
	f := &newProposalForm{desk: d, st: st, touched: map[string]bool{}, checked: map[string]bool{}}
	var err error
	if f.accts, err = d.ws.Accounts(); err != nil {
		return nil, err
	}
	if f.secs, err = st.Sections(); err != nil {
		return nil, err
	}
	if f.props, err = st.Proposals(""); err != nil {
		return nil, err
	}
	if f.team, err = d.ws.Team(); err != nil {
		return nil, err
	}
	cancel := func() { f.dlg.Hide() }

	f.account = widget.NewSelect(nil, func(string) { f.changed("account_id") })
	for _, a := range f.accts {
		f.account.Options = append(f.account.Options, a.Name)
	}
	f.account.PlaceHolder = lang.L("Choose the account")
	if i := slices.IndexFunc(f.accts, func(a dossier.Account) bool { return a.ID == acct }); i >= 0 {
		f.account.SetSelectedIndex(i)
	}
	f.title = newEntry(cancel)
	f.title.SetPlaceHolder(lang.L("What the proposal offers, in the client's words"))
	f.title.OnChanged = func(string) { f.changed("title") }
	f.language = newEntry(cancel)
	f.language.SetText("en")
	f.language.OnChanged = func(string) {
		f.preselect()
		f.changed("language")
	}
	f.valid = newEntry(cancel)
	f.valid.SetText("30")
	f.valid.OnChanged = func(string) { f.changed("valid_days") }

	// Start from library sections...
	f.kindSel = widget.NewSelect([]string{lang.L("All kinds")}, func(string) { f.showSections() })
	for _, k := range proposal.Kinds {
		f.kindSel.Options = append(f.kindSel.Options, tr(k.Label()))
	}
	f.kindSel.SetSelectedIndex(0)
	f.audSel = widget.NewSelect([]string{lang.L("All audiences")}, func(string) { f.showSections() })
	for _, a := range proposal.Audiences {
		f.audSel.Options = append(f.audSel.Options, tr(a.Label()))
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
	for _, p := range f.props {
		f.prevSel.Options = append(f.prevSel.Options, previousLabel(p, f.accts))
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

	f.fs.add(newField("account_id", lang.L("Account"), f.account))
	f.fs.add(newField("title", lang.L("Title"), f.title))
	f.fs.add(newField("language", lang.L("Language"), f.language))
	f.fs.add(newField("items", lang.L("Start from"), container.NewVBox(f.from, f.source)))
	f.fs.add(newField("credits", lang.L("Team credits"), creditsBox))
	f.fs.add(newField("valid_days", lang.L("Valid for (days)"), f.valid))

	f.preselect()
	f.showSource()
	f.showAuthor()
	return f, nil
}

// previousLabel names a proposal in the list to start from.
func previousLabel(p proposal.Proposal, accts []dossier.Account) string {
	for _, a := range accts {
		if a.ID == p.AccountID {
			return p.Title + " — " + a.Name
		}
	}
	return p.Title
}

func (f *newProposalForm) show() {
	f.scroll = container.NewVScroll(f.fs.grid())
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("New proposal"), f.scroll, f.desk.win)
	f.create = widget.NewButtonWithIcon(lang.L("Create"), theme.ConfirmIcon(), f.onCreate)
	f.create.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), f.dlg.Hide)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.create})
	size := fyne.NewSize(820, 760)
	if h := f.desk.win.Canvas().Size().Height - 40; h > 300 && size.Height > h {
		size.Height = h
	}
	f.dlg.Resize(size)
	f.dlg.Show()
	f.desk.win.Canvas().Focus(f.title)
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
		c := widget.NewCheck(lang.L("{{.Title}} ({{.Kind}})", map[string]any{"Title": s.Title, "Kind": tr(s.Kind.Label())}), nil)
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

func (f *newProposalForm) fromPrevious() bool { return f.from.Selected == f.from.Options[1] }

func (f *newProposalForm) showSource() {
	if f.source == nil {
		return
	}
	if f.fromPrevious() {
		f.source.Objects = []fyne.CanvasObject{f.fromPrev}
	} else {
		f.source.Objects = []fyne.CanvasObject{f.fromLib}
	}
	f.source.Refresh()
	f.relayout()
}

// previous is the proposal chosen to start from.
func (f *newProposalForm) previous() (proposal.Proposal, bool) {
	i := f.prevSel.SelectedIndex()
	if i < 0 || i >= len(f.props) {
		return proposal.Proposal{}, false
	}
	return f.props[i], true
}

// onPrevious takes the language, team and validity of the proposal
// chosen to start from; the user may still change them.
func (f *newProposalForm) onPrevious() {
	p, ok := f.previous()
	if !ok {
		return
	}
	f.busy = true
	f.language.SetText(p.Language)
	if days := validityDays(&p); days > 0 {
		f.valid.SetText(strconv.Itoa(days))
	}
	f.order = nil
	for _, c := range p.Credits {
		f.order = append(f.order, c.MemberID)
	}
	for i, m := range f.team {
		f.credits[i].SetChecked(slices.Contains(f.order, m.ID))
	}
	f.busy = false
	f.changed("items")
}

// validityDays is how many days a proposal is valid from its issue date.
func validityDays(p *proposal.Proposal) int {
	if !p.ValidUntil.IsZero() && !p.Issued.IsZero() {
		return p.Issued.DaysUntil(p.ValidUntil)
	}
	return p.ValidDays
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
	if f.touched != nil {
		f.touched[field] = true
	}
	f.showAuthor()
	_, err := f.build()
	var shown dossier.Problems
	for _, p := range dossier.ProblemsOf(err) {
		if f.touched == nil || f.touched[p.Field] {
			shown = append(shown, p)
		}
	}
	f.fs.showProblems(shown.Err())
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
		Issued:   f.desk.opts.Today(),
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

// copyProposalContent copies what a new proposal takes from a previous
// one: its sections, pricing, financial result and references. Nothing
// is shared with prev.
func copyProposalContent(p, prev *proposal.Proposal) {
	p.Items = nil
	for _, it := range prev.Items {
		it.Audiences = maps.Clone(it.Audiences)
		p.Items = append(p.Items, it)
	}
	p.Pricing = slices.Clone(prev.Pricing)
	p.Financial = prev.Financial
	p.References = slices.Clone(prev.References)
}

// onCreate saves the new draft and opens it in the builder. A draft that
// cannot be saved keeps the dialog open with everything typed.
func (f *newProposalForm) onCreate() {
	f.touched = nil // show every problem from now on
	f.changed("")
	p, err := f.build()
	if err != nil {
		if rest := f.fs.showProblems(err); len(rest) > 0 {
			f.desk.showError(dossier.Problems(rest).Err())
		}
		f.relayout()
		return
	}
	p.ID = store.NewID(p.Title, "proposal")
	if err := f.st.SaveProposal(&p); err != nil {
		if rest := f.fs.showProblems(err); len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
			f.desk.showError(err)
		}
		f.relayout()
		return
	}
	f.dlg.Hide()
	place := Place{Screen: "proposal", ID: p.ID}
	f.desk.opts.Defer(func() { f.desk.Show(place) })
}
