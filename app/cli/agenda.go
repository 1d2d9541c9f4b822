package cli

import (
	"bufio"
	"flag"
	"io"
	"strings"
	"unicode/utf8"

	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// agendaCmd is "kamdesk agenda": what needs attention over the horizon,
// as a table or JSON.
func agendaCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	days := fs.Int("days", 0, "look this many `DAYS` ahead (default: the workspace rule, 30)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		if *days < 0 || *days > 366 {
			return usageError{i18n.L("--days must be between 1 and 366")}
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		ws, err := st.Overview() // the agenda needs no personal texts
		if err != nil {
			return err
		}
		if *days > 0 {
			ws.Rules.AgendaDays = *days
			ws.Rules.BirthdayNoticeDays = *days
		}
		items, err := fullAgenda(st, &ws, "", c.Today())
		if err != nil {
			return err
		}
		if *asJSON {
			return c.jsonList(len(items), func(i int) any { return agendaJSON{items[i], items[i].Text()} })
		}
		if len(items) == 0 {
			c.printf("%s\n", i18n.L("Nothing needs attention in the next {{.Days}} days.", map[string]any{"Days": ws.Rules.AgendaDays}))
			return nil
		}
		writeAgenda(c.Stdout, items)
		return nil
	}
}

// fullAgenda is the dossier's agenda of ws and the proposals' (expiring
// proposals, follow-up calls due) of account acct, or of all when acct is
// empty, late items first.
func fullAgenda(st *store.Store, ws *dossier.Workspace, acct string, today dossier.Date) ([]dossier.AgendaItem, error) {
	items := dossier.Agenda(ws, today)
	props, err := st.Proposals(acct)
	if err != nil {
		return nil, err
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
	items = append(items, proposal.Agenda(props, name, today, today.AddDays(ws.Rules.OrDefault().AgendaDays))...)
	dossier.SortAgenda(items)
	return items, nil
}

// writeAgenda writes items as a table of their date, LATE for those past
// their date, and what they remind of.
//
// It writes what a table (text/tabwriter) of the three columns writes,
// without holding the text: the widths of the first two columns are
// known before the messages are made, and the last is not padded
// (TestWriteAgendaIsTheTable). At 100,000 people the tabwriter held 90,000
// rows and took a fifth of the command.
func writeAgenda(w io.Writer, items []dossier.AgendaItem) {
	cell := func(s string) string { return terminalText(strings.ReplaceAll(dossier.OneLine(s), "\t", " ")) }
	date, late, what := cell(i18n.L("DATE")), cell(i18n.L("LATE")), cell(i18n.L("WHAT"))
	const padding = 2
	dateWidth, lateWidth := utf8.RuneCountInString(date), 0
	for _, it := range items {
		dateWidth = max(dateWidth, utf8.RuneCountInString(cell(it.Date.String())))
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
	for _, it := range items {
		l := ""
		if it.Late {
			l = late
		}
		line(cell(it.Date.String()), l, cell(i18n.L(it.Message, it.Data)))
	}
	bw.Flush()
}
