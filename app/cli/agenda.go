package cli

import (
	"bufio"
	"errors"
	"flag"
	"io"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"kamdesk/app/export"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// agendaCmd is "kamdesk agenda": what needs attention over the horizon,
// as a table or JSON, or as a calendar file (--ics).
func agendaCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	days := fs.Int("days", 0, "look this many `DAYS` ahead (default: the workspace rule, 30)")
	ics := fs.String("ics", "", "write the agenda to `FILE` as an iCalendar file (.ics) for a calendar program: every birthday as a yearly event, the rest over DAYS; an existing file is not replaced without --force")
	force := fs.Bool("force", false, "with --ics, replace an existing file")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		if *days < 0 || *days > 366 {
			return usageError{i18n.L("--days must be between 1 and 366")}
		}
		if *ics != "" && *asJSON {
			return usageError{i18n.L("--ics and --json cannot be used together")}
		}
		if *force && *ics == "" {
			return usageError{i18n.L("--force goes with --ics")}
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		if *ics != "" {
			return c.agendaCalendar(st, *ics, *days, *force)
		}
		// The agenda needs no personal texts, and takes the people's
		// summaries one at a time, not holding them (store.OverviewEach).
		// Each item's message becomes its text as the item is made, and
		// its template data (a map) goes: at 100,000 people 92,000 items
		// kept them until written, a fifth of the memory.
		text := localText
		if *asJSON {
			text = (*dossier.AgendaItem).Text // in English, as --json is
		}
		made := func(it *dossier.AgendaItem) { it.Message, it.Data = text(it), nil }
		today := c.Today()
		ws, items, err := agendaOfPeople(st, st.PersonSplits(), runtime.GOMAXPROCS(0), today, *days, *days, made, readHeads(st))
		if err != nil {
			return err
		}
		dossier.SortAgenda(items)
		if *asJSON {
			return c.jsonList(len(items), func(i int) any { return agendaJSON{items[i], items[i].Message} })
		}
		if len(items) == 0 {
			c.printf("%s\n", i18n.L("Nothing needs attention in the next {{.Days}} days.", map[string]any{"Days": ws.Rules.AgendaDays}))
			return nil
		}
		writeAgenda(c.Stdout, items, func(it *dossier.AgendaItem) string { return it.Message })
		return nil
	}
}

// agendaOfPeople reads the workspace's rules, accounts and promises and
// makes the dossier's agenda items (over days, or the rule's horizon when
// 0; the birthdays over birthdays, or the rule's notice when 0), each
// made as it is made: the accounts' and promises', then those of
// the people, whose summaries are read in parts cut at splits by up to
// workers goroutines, each part making its own items (the summaries and
// the messages were two thirds of the agenda's time, on one core), in the
// store's order, as one reading would; then, when heads is not nil,
// those of the proposals whose heads come from it (withHeads), made too.
// All are gathered into one slice once: appending the proposals' items
// to the people's copied 92,000 items a second time.
func agendaOfPeople(st *store.Store, splits []string, workers int, today dossier.Date, days, birthdays int, made func(*dossier.AgendaItem), heads <-chan proposalHeads) (dossier.Workspace, []dossier.AgendaItem, error) {
	var m *dossier.AgendaMaker
	var parts []*dossier.AgendaMaker
	ws, err := st.AgendaInParts(splits, workers, func(w *dossier.Workspace, n int) {
		if days > 0 {
			w.Rules.AgendaDays = days
		}
		if birthdays > 0 {
			w.Rules.BirthdayNoticeDays = birthdays
		}
		m = dossier.NewAgendaMaker(w, today, made)
		parts = make([]*dossier.AgendaMaker, n)
		for i := range parts {
			parts[i] = m.Part()
		}
	}, func(part int, p *dossier.Person) error {
		parts[part].Person(p)
		return nil
	})
	if err != nil {
		if heads != nil {
			<-heads // done with the store before it closes
		}
		return ws, nil, err
	}
	var more []dossier.AgendaItem
	if heads != nil {
		if more, err = withHeads(&ws, nil, heads, today); err != nil {
			return ws, nil, err
		}
		if made != nil {
			for i := range more {
				made(&more[i])
			}
		}
	}
	m.Join(parts, more...)
	return ws, m.Items, nil
}

// agendaCalendar writes the agenda to file as an iCalendar file
// (export.Calendar): the items of the next days (the rule's horizon when
// 0), as the agenda lists them, and every birthday once, as a yearly
// event, however far it is (a notice of 366 days takes them all). An
// existing file is replaced only with replace.
func (c *ctx) agendaCalendar(st *store.Store, file string, days int, replace bool) error {
	today := c.Today()
	_, items, err := agendaOfPeople(st, st.PersonSplits(), runtime.GOMAXPROCS(0), today, days, 366, nil, readHeads(st))
	if err != nil {
		return err
	}
	now := time.Now()
	if c.Now != nil {
		now = c.Now()
	}
	data, n, err := export.Calendar(items, now)
	if errors.Is(err, export.ErrNothingToExport) {
		return dossier.Err("{{.Path}}: nothing was written", map[string]any{"Path": file}, err)
	}
	if err != nil {
		return err
	}
	if err := export.WriteNew(file, data, 0o644, replace); err != nil {
		if msg := existsMessage(err); msg != "" {
			return errors.New(msg)
		}
		return err
	}
	c.printf("%s\n", i18n.N("Wrote {{.Count}} event to {{.Path}}", n, map[string]any{"Count": n, "Path": file}))
	return nil
}

// fullAgenda is the dossier's agenda of ws and the proposals' (expiring
// proposals, follow-up calls due) of account acct, or of all when acct is
// empty, late items first.
func fullAgenda(st *store.Store, ws *dossier.Workspace, acct string, today dossier.Date) ([]dossier.AgendaItem, error) {
	items, err := withProposals(st, ws, dossier.AgendaItems(ws, today), acct, today)
	if err != nil {
		return nil, err
	}
	dossier.SortAgenda(items)
	return items, nil
}

// withProposals adds to the dossier's agenda items those of the proposals
// of account acct, or of all when acct is empty (expiring proposals,
// follow-up calls due).
func withProposals(st *store.Store, ws *dossier.Workspace, items []dossier.AgendaItem, acct string, today dossier.Date) ([]dossier.AgendaItem, error) {
	heads := make(chan proposalHeads, 1)
	h, err := st.ProposalHeads(acct)
	heads <- proposalHeads{h, err}
	return withHeads(ws, items, heads, today)
}

// proposalHeads are the heads of the proposals the agenda reads, or why
// they could not be read.
type proposalHeads struct {
	heads []store.ProposalHead
	err   error
}

// readHeads reads the heads of every proposal on a goroutine of its own
// and sends them: the agenda reads them beside the accounts, promises
// and people (a tenth of its time at 100,000 people and 2,000
// proposals, when it read them after).
func readHeads(st *store.Store) <-chan proposalHeads {
	heads := make(chan proposalHeads, 1)
	go func() {
		h, err := st.ProposalHeads("")
		heads <- proposalHeads{h, err}
	}()
	return heads
}

// withHeads adds to the dossier's agenda items those of the proposals
// whose heads come from heads (expiring proposals, follow-up calls due).
func withHeads(ws *dossier.Workspace, items []dossier.AgendaItem, heads <-chan proposalHeads, today dossier.Date) ([]dossier.AgendaItem, error) {
	// The heads carry all the agenda reads (status, validity, tasks):
	// decoding 2,000 proposals whole was a fifth of the agenda at 100,000
	// people.
	read := <-heads
	if read.err != nil {
		return nil, read.err
	}
	props := make([]proposal.Proposal, len(read.heads))
	for i := range read.heads {
		props[i] = read.heads[i].Proposal()
	}
	names := make(map[string]string, len(ws.Accounts))
	for _, a := range ws.Accounts {
		names[a.ID] = a.Name
	}
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
	return append(items, proposal.Agenda(props, name, today, today.AddDays(ws.Rules.OrDefault().AgendaDays))...), nil
}

// localText is the item's message in the user's language.
func localText(it *dossier.AgendaItem) string { return i18n.L(it.Message, it.Data) }

// writeAgenda writes items as a table of their date, LATE for those past
// their date, and what they remind of (text).
//
// It writes what a table (text/tabwriter) of the three columns writes,
// without holding the text: the widths of the first two columns are
// known before the messages are made, and the last is not padded
// (TestWriteAgendaIsTheTable). At 100,000 people the tabwriter held 90,000
// rows and took a fifth of the command.
func writeAgenda(w io.Writer, items []dossier.AgendaItem, text func(*dossier.AgendaItem) string) {
	date, late, what := agendaCell(i18n.L("DATE")), agendaCell(i18n.L("LATE")), agendaCell(i18n.L("WHAT"))
	// The items come sorted, most of them on the day before them: the
	// date's cell is made once a day (a date written twice an item was a
	// tenth of the command).
	var day dossier.Date
	dayCell := ""
	dateCell := func(d dossier.Date) string {
		if d != day || dayCell == "" {
			day, dayCell = d, agendaCell(d.String())
		}
		return dayCell
	}
	const padding = 2
	dateWidth, lateWidth := utf8.RuneCountInString(date), 0
	for i := range items {
		it := &items[i]
		dateWidth = max(dateWidth, utf8.RuneCountInString(dateCell(it.Date)))
		if it.Late {
			lateWidth = utf8.RuneCountInString(late)
		}
	}
	bw := bufio.NewWriter(w)
	line := func(d, l, text string) {
		bw.WriteString(d)
		bw.WriteString(strings.Repeat(" ", dateWidth+padding-utf8.RuneCountInString(d)))
		bw.WriteString(l)
		bw.WriteString(strings.Repeat(" ", lateWidth+padding-utf8.RuneCountInString(l)))
		bw.WriteString(text)
		bw.WriteByte('\n')
	}
	line(date, "", what)
	for i := range items {
		it := &items[i]
		l := ""
		if it.Late {
			l = late
		}
		line(dateCell(it.Date), l, agendaCell(text(it)))
	}
	bw.Flush()
}

// agendaCell is s as a cell of the agenda's table shows it: on one line,
// tabs as spaces, safe for a terminal. Plain ASCII text with single
// spaces between words, as most is, is all three already and is taken
// as it is after one look at each byte, instead of three.
func agendaCell(s string) string {
	plain := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c > ' ' && c < 0x7f || c == ' ' && s[i+1] != ' '
	}
	if plain {
		return s
	}
	return terminalText(strings.ReplaceAll(dossier.OneLine(s), "\t", " "))
}
