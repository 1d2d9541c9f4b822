package proposals

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/agenda"
	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The agenda kinds of proposals.
const (
	agendaProposalExpiry   = proposal.AgendaExpiry
	agendaProposalFollowUp = proposal.AgendaFollowUp
)

// Agenda is the proposals' part of the agenda (proposal.Agenda):
// proposals that expire within the horizon (or have expired) and are
// neither won nor lost, and the follow-up tasks due within it or late.
// Each opens the proposal's builder.
func Agenda(st proposalsListStore) agenda.Source {
	return func(q agenda.Query) ([]agenda.Entry, error) {
		heads, err := st.ProposalHeads("") // no need to decode the content
		if err != nil {
			return nil, err
		}
		props := make([]proposal.Proposal, len(heads))
		for i := range heads {
			props[i] = heads[i].Proposal()
		}
		days := q.Days
		if days <= 0 {
			days = q.WS.Rules.OrDefault().AgendaDays
		}
		names := map[string]string{}
		for _, a := range q.WS.Accounts {
			names[a.ID] = a.Name
		}
		var out []agenda.Entry
		for _, it := range proposal.Agenda(props, func(id string) string { return names[id] }, q.Today, q.Today.AddDays(days)) {
			if task, ok := it.Data["Task"].(string); ok {
				it.Data["Task"] = ui.Tr(task)
			}
			out = append(out, agenda.Entry{Item: it, Place: ui.Place{Screen: "proposal", ID: it.RecordID}})
		}
		return out, nil
	}
}

// AgendaKinds are the kinds of the proposals' agenda items.
var AgendaKinds = []agenda.Kind{
	{Kind: agendaProposalExpiry, Label: "Expiring proposals", Icon: theme.IconNameDocument},
	{Kind: agendaProposalFollowUp, Label: "Proposal follow-up", Icon: theme.IconNameMailSend},
}

// proposalsAccountPrefix starts the place ID of the proposals of one
// account: "account:<id>".
const proposalsAccountPrefix = "account:"

// proposalsListStore is what the proposals list reads: names and heads,
// not whole records, and each proposal's readiness, which the store works
// out once per change.
type proposalsListStore interface {
	AccountNames() ([]dossier.AccountName, error)
	ProposalHeads(acct string) ([]proposal.Head, error)
	Readiness(today dossier.Date) (map[string]proposal.Readiness, error)
}

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

// proposalsScreen lists every proposal with its status, how long it stays
// valid, whether it is ready to send and the next follow-up, filtered by
// status and account.
type proposalsScreen struct {
	host      ui.Host
	st        Store
	today     dossier.Date
	accounts  []dossier.AccountName
	all       []proposalRow
	rows      []proposalRow // those the filters let through, sorted
	table     *ui.SortTable[proposalRow]
	focus     ui.FirstFocus
	statusSel *widget.Select
	acctSel   *widget.Select
	summary   *widget.Label
	busy      *ui.Busy
	newBtn    *widget.Button
	body      *fyne.Container
	newForm   *newProposalForm // the New proposal dialog, while open
	opening   bool             // set while the dialog's choices are read
	preset    string           // the account the filter starts on, if any
	loaded    bool
}

// statusChoices are the statuses the filter offers, Expired included.
var statusChoices = append(slices.Clone(proposal.Statuses), proposal.Expired)

// NewList opens the list of proposals; id "account:A" starts it filtered
// on account A. It fills in the background.
func NewList(h ui.Host, st Store, id string) (*proposalsScreen, error) {
	s := &proposalsScreen{host: h, st: st, today: h.Today()}
	s.preset, _ = strings.CutPrefix(id, proposalsAccountPrefix)
	columns := []ui.TableColumn[proposalRow]{
		ui.ColorCol(lang.L("Proposal"), 280, func(r *proposalRow) (string, widget.Importance) { return r.p.Title, widget.MediumImportance },
			func(a, b *proposalRow) int {
				return strings.Compare(strings.ToLower(a.p.Title), strings.ToLower(b.p.Title))
			}),
		ui.ColorCol(lang.L("Account"), 170, func(r *proposalRow) (string, widget.Importance) { return r.account, widget.MediumImportance },
			func(a, b *proposalRow) int {
				return strings.Compare(strings.ToLower(a.account), strings.ToLower(b.account))
			}),
		ui.ColorCol(lang.L("Status"), 100, func(r *proposalRow) (string, widget.Importance) {
			imp := widget.MediumImportance
			switch r.status {
			case proposal.Expired, proposal.Lost:
				imp = widget.DangerImportance
			case proposal.Won:
				imp = widget.SuccessImportance
			}
			return ui.Tr(r.status.Label()), imp
		}, func(a, b *proposalRow) int {
			return cmp.Compare(slices.Index(statusChoices, a.status), slices.Index(statusChoices, b.status))
		}),
		ui.ColorCol(lang.L("Expires"), 140, func(r *proposalRow) (string, widget.Importance) { return expiryText(r) },
			func(a, b *proposalRow) int {
				switch {
				case a.expires != b.expires && a.expires:
					return -1
				case a.expires != b.expires:
					return 1
				}
				return cmp.Compare(a.days, b.days)
			}),
		ui.ColorCol(lang.L("Readiness"), 115, func(r *proposalRow) (string, widget.Importance) {
			switch {
			case r.p.Status.Closed():
				return "–", widget.MediumImportance
			case r.blocking > 0:
				return lang.N("{{.Count}} to fix", r.blocking, map[string]any{"Count": r.blocking}), widget.DangerImportance
			}
			if r.p.Status != proposal.Draft {
				return lang.L("Checks pass"), widget.SuccessImportance // sent already: not "ready" to send again
			}
			return lang.L("Ready"), widget.SuccessImportance
		}, func(a, b *proposalRow) int { return cmp.Compare(a.blocking, b.blocking) }),
		ui.ColorCol(lang.L("Follow-up"), 290, func(r *proposalRow) (string, widget.Importance) {
			if !r.hasNext {
				return "–", widget.MediumImportance
			}
			text := ui.WeekdayDate(r.next.Due) + " · " + r.p.TaskName(r.next.Kind)
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
			return ui.CompareDates(da, db)
		}),
	}

	s.statusSel = widget.NewSelect(nil, func(string) { s.filter() })
	s.statusSel.Options = append(s.statusSel.Options, lang.L("All statuses"))
	for _, st := range statusChoices {
		s.statusSel.Options = append(s.statusSel.Options, ui.Tr(st.Label()))
	}
	s.statusSel.SetSelectedIndex(0)
	s.acctSel = widget.NewSelect([]string{lang.L("All accounts")}, func(string) { s.filter() })
	s.acctSel.SetSelectedIndex(0)

	s.summary = widget.NewLabel("")
	s.busy = ui.NewBusy()
	s.newBtn = widget.NewButtonWithIcon(lang.L("New proposal"), theme.ContentAddIcon(), s.OnNew)
	s.newBtn.Importance = widget.HighImportance
	// Until a header is tapped: the store's order, most recently updated first.
	s.table = ui.NewSortTable(&s.rows, columns, -1, func(r *proposalRow) {
		place := ui.Place{Screen: "proposal", ID: r.p.ID}
		s.host.Defer(func() { s.host.Show(place) })
	})
	s.body = container.NewStack()
	return s, nil
}

// Keep shows the proposals of the proposals screen old while this one
// loads.
func (s *proposalsScreen) Keep(old ui.Screen) {
	if o, ok := old.(*proposalsScreen); ok && o.loaded {
		s.setAccounts(o.accounts)
		s.all, s.rows, s.loaded = o.all, slices.Clone(o.rows), true
		s.show()
	}
}

// Load reads the proposals and works out each row off the UI goroutine.
func (s *proposalsScreen) Load() {
	var accounts []dossier.AccountName
	var rows []proposalRow
	var err error
	s.busy.Start()
	s.host.Background(func() { accounts, rows, err = proposalRows(s.st, s.today) }, func() {
		s.busy.Stop()
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.setAccounts(accounts)
		s.all, s.loaded = rows, true
		s.filter()
	})
}

// setAccounts makes accounts the choices of the account filter, keeping
// the account chosen (at first, the one the place named).
func (s *proposalsScreen) setAccounts(accounts []dossier.AccountName) {
	chosen := s.filterAccount()
	if !s.loaded {
		chosen = s.preset
	}
	s.accounts = accounts
	opts := []string{lang.L("All accounts")}
	at := 0
	for i, a := range accounts {
		opts = append(opts, a.Name)
		if a.ID == chosen {
			at = i + 1
		}
	}
	s.acctSel.Options = opts
	s.acctSel.SetSelectedIndex(at)
}

// proposalRows reads the accounts and works out the row of each proposal;
// it runs off the UI goroutine.
func proposalRows(st proposalsListStore, today dossier.Date) ([]dossier.AccountName, []proposalRow, error) {
	accounts, err := st.AccountNames()
	if err != nil {
		return nil, nil, err
	}
	heads, err := st.ProposalHeads("")
	if err != nil {
		return nil, nil, err
	}
	ready, err := st.Readiness(today)
	if err != nil {
		return nil, nil, err
	}
	names := map[string]string{}
	for _, a := range accounts {
		names[a.ID] = a.Name
	}
	rows := make([]proposalRow, 0, len(heads))
	for i := range heads {
		p := heads[i].Proposal()
		r := proposalRow{p: p, account: names[p.AccountID], status: p.StatusOn(today), blocking: ready[p.ID].Blocking}
		r.days, r.expires = p.DaysLeft(today)
		r.next, r.hasNext = p.NextTask()
		rows = append(rows, r)
	}
	return accounts, rows, nil
}

// countdown says how long a proposal valid for days more stays valid:
// "12 days left", "expires today", "expired 3 days ago".
func countdown(days int) string {
	switch {
	case days < 0:
		return lang.N("expired {{.Count}} day ago", -days, map[string]any{"Count": -days})
	case days == 0:
		return lang.L("expires today")
	}
	return lang.N("{{.Count}} day left", days, map[string]any{"Count": days})
}

// expiryText is the countdown to a proposal's expiry, coloured as the
// date nears.
func expiryText(r *proposalRow) (string, widget.Importance) {
	switch {
	case r.p.Status.Closed():
		return "–", widget.MediumImportance
	case !r.expires:
		return lang.L("no expiry date"), widget.WarningImportance
	case r.days <= 0:
		return countdown(r.days), widget.DangerImportance
	}
	text := countdown(r.days)
	switch {
	case r.days <= 3:
		return text, widget.DangerImportance
	case r.days <= 14:
		return text, widget.WarningImportance
	}
	return text, widget.SuccessImportance
}

// filter applies the status and account filters, then the sort order.
func (s *proposalsScreen) filter() {
	if s.summary == nil || !s.loaded {
		return // still being built, or read
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
	s.table.Sort()
	s.show()
}

// show puts the filtered rows on screen.
func (s *proposalsScreen) show() {
	n := len(s.rows)
	if n == len(s.all) {
		s.summary.SetText(lang.N("{{.Count}} proposal", n, map[string]any{"Count": n}))
	} else {
		s.summary.SetText(lang.L("{{.Shown}} of {{.All}}", map[string]any{"Shown": n,
			"All": lang.N("{{.Count}} proposal", len(s.all), map[string]any{"Count": len(s.all)})}))
	}
	s.table.UnselectAll()
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
	ui.ShowIn(s.body, o)
	s.focus.Try(s.host.Window(), s.table)
}

// onSort sorts the table on column col (tapping its header).
func (s *proposalsScreen) onSort(col int) { s.table.OnSort(col) }

func (s *proposalsScreen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Proposals"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	filters := container.NewHBox(widget.NewLabel(lang.L("Status")), s.statusSel,
		widget.NewLabel(lang.L("Account")), s.acctSel)
	header := container.NewHBox(widget.NewIcon(theme.DocumentIcon()), title, s.summary, s.busy, layout.NewSpacer(), filters, s.newBtn)
	return container.NewBorder(header, nil, nil, nil, s.body)
}

// OnNew asks what the new proposal is and starts it (Ctrl+N).
// It reads what the dialog offers off the UI goroutine first.
func (s *proposalsScreen) OnNew() {
	if s.newForm != nil || s.opening {
		return // already open, or opening
	}
	s.opening = true
	var choices newProposalChoices
	var err error
	s.busy.Start()
	s.host.Background(func() { choices, err = readNewProposalChoices(s.st) }, func() {
		s.busy.Stop()
		s.opening = false
		if err != nil {
			s.host.ShowError(err)
			return
		}
		f, err := newNewProposalForm(s.host, s.st, s.filterAccount(), choices)
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.newForm = f
		f.show()
		f.dlg.SetOnClosed(func() { s.newForm = nil })
	})
}

// String describes the table for tests and debugging: one line a row.
func (s *proposalsScreen) String() string {
	var b strings.Builder
	for i := range s.rows {
		var cells []string
		for _, c := range s.table.Columns {
			cells = append(cells, c.Text(&s.rows[i]))
		}
		fmt.Fprintln(&b, strings.Join(cells, " | "))
	}
	return b.String()
}

// Loading and RowCount say what the list shows (the tests ask).
func (s *proposalsScreen) Loading() bool { return s.busy.Loading() }
func (s *proposalsScreen) RowCount() int { return len(s.rows) }

// FocusFirst gives the keyboard to the table of proposals: arrows move in it, Enter opens a proposal,
// as soon as the screen opens.
func (s *proposalsScreen) FocusFirst() { s.focus.Want(s.host.Window(), s.table) }
