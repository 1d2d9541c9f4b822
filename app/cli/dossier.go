package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"kamdesk/app/i18n"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
)

func init() {
	register(
		command{name: "demo", summary: "load the sample workspace (running it again changes nothing)", setup: demoCmd},
		command{name: "account list", reads: true, summary: "list the key accounts", setup: accountList},
		command{name: "account show", reads: true, args: "ID", summary: "show an account's whole dossier", setup: accountShow},
		command{name: "person list", reads: true, summary: "list the people of the decision-making groups", setup: personList},
		command{name: "team list", reads: true, summary: "list our team members (for proposal credits)", setup: listing[dossier.TeamMember]{
			load:     (*store.Store).Team,
			empty:    "No team members yet.",
			headings: []string{"ID", "NAME", "POSITION", "E-MAIL", "PHONE"},
			cells: func(m dossier.TeamMember) []string {
				return []string{m.ID, m.Name, m.Position, dash(m.Email), dash(m.Phone)}
			},
		}.setup},
		command{name: "reference list", reads: true, summary: "list the references and their referees", setup: listing[dossier.Reference]{
			load:     (*store.Store).References,
			empty:    "No references yet.",
			headings: []string{"ID", "CLIENT", "PROJECT", "YEAR", "REFEREE", "MAY BE CONTACTED"},
			cells: func(r dossier.Reference) []string {
				year := ""
				if r.Year != 0 {
					year = strconv.Itoa(r.Year)
				}
				return []string{r.ID, r.Client, r.Project, dash(year), dash(r.Referee.Name), yesNo(r.Recommends())}
			},
		}.setup},
		command{name: "agenda", reads: true, summary: "list what needs attention: birthdays, contacts, promises, tenders, reviews, proposals", setup: agendaCmd},
	)
}

func demoCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		n, err := st.LoadSample(assets.Sample, c.Today(), export.Snapshot)
		if err != nil {
			return err
		}
		if n == 0 {
			c.printf("%s\n", i18n.L("The sample workspace is already loaded in {{.Dir}}; nothing changed.", map[string]any{"Dir": st.Dir()}))
			return nil
		}
		c.printf("%s\n", i18n.N("Loaded the sample workspace into {{.Dir}}: {{.Count}} record.", n, map[string]any{"Dir": st.Dir(), "Count": n}))
		return nil
	}
}

// accountJSON is an account with its derived values, as --json prints it.
type accountJSON struct {
	dossier.Account
	MonoDependent   bool             `json:"mono_dependent"`
	TenderPrepStart dossier.Date     `json:"tender_prep_start"`
	Coverage        dossier.Coverage `json:"coverage"`
}

// personJSON is a person with derived values, as --json prints it.
type personJSON struct {
	dossier.Person
	personDerived
}

// personDerived are the values --json derives for a person, from fields
// their summary holds too (personListJSON).
type personDerived struct {
	NPSClass       dossier.NPSClass `json:"nps_class"`
	NextBirthday   dossier.Date     `json:"next_birthday"`
	DaysToBirthday *int             `json:"days_to_birthday"`
	Age            *int             `json:"age_next_birthday"`
	ContactDue     bool             `json:"contact_due"`
}

type agendaJSON struct {
	dossier.AgendaItem
	Text string `json:"text"`
}

func toAccountJSON(a dossier.Account, people []dossier.Person, r dossier.Rules) accountJSON {
	return accountJSON{Account: a, MonoDependent: a.MonoDependent(r),
		TenderPrepStart: a.TenderPrepStart(r), Coverage: dossier.CoverageOf(people)}
}

func toPersonJSON(p dossier.Person, r dossier.Rules, today dossier.Date) personJSON {
	return personJSON{Person: p, personDerived: derivedOf(&p, r, today)}
}

// derivedOf works out what --json derives for the person p (or their
// summary).
func derivedOf(p *dossier.Person, r dossier.Rules, today dossier.Date) personDerived {
	j := personDerived{ContactDue: p.ContactDue(r, today)}
	if c, ok := p.NPSClass(); ok {
		j.NPSClass = c
	}
	if !p.Birthday.IsZero() {
		j.NextBirthday = p.Birthday.Next(today)
		n := p.Birthday.DaysUntil(today)
		j.DaysToBirthday = &n
		if age, ok := p.Birthday.AgeOn(today); ok {
			j.Age = &age
		}
	}
	return j
}

func accountList(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		rules, err := st.Rules()
		if err != nil {
			return err
		}
		// The accounts are read on a goroutine of their own while the
		// people are counted (each alone keeps one core busy: at 100,000
		// people about 150 and 300 ms). Coverage needs no personal texts,
		// and no person kept: each summary is counted as it is read. No
		// other process writes meanwhile: the workspace is open for
		// reading, or for writing by this one alone.
		var accounts []dossier.Account
		read := make(chan error, 1)
		go func() {
			var err error
			accounts, err = st.Accounts()
			read <- err
		}()
		tally := map[string]*dossier.CoverageTally{}
		err = st.EachPersonSummary(func(p *dossier.Person) error {
			t := tally[p.AccountID]
			if t == nil {
				t = &dossier.CoverageTally{}
				tally[p.AccountID] = t
			}
			t.Add(p)
			return nil
		})
		if rerr := <-read; rerr != nil {
			return rerr
		}
		if err != nil {
			return err
		}
		out := make([]accountJSON, 0, len(accounts))
		for _, a := range accounts {
			t := tally[a.ID]
			if t == nil {
				t = &dossier.CoverageTally{} // nobody in its group
			}
			out = append(out, accountJSON{Account: a, MonoDependent: a.MonoDependent(rules),
				TenderPrepStart: a.TenderPrepStart(rules), Coverage: t.Coverage()})
		}
		if *asJSON {
			return c.json(out)
		}
		if len(out) == 0 {
			c.printf("%s\n", i18n.L("No accounts yet. Load the sample with: kamdesk demo"))
			return nil
		}
		tw := table(c.Stdout, "ID", "NAME", "TIER", "SHARE", "PEOPLE", "STRENGTH", "NEXT TENDER", "INDUSTRY")
		for _, a := range out {
			share := percent(a.RevenueShare)
			if a.MonoDependent {
				share += " ⚠"
			}
			row(tw, a.ID, a.Name, tr(a.Tier.Label()), share, strconv.Itoa(a.Coverage.People),
				strconv.Itoa(a.Coverage.Strength)+"%", dash(a.NextTender.String()), a.Industry)
		}
		return tw.Flush()
	}
}

func accountShow(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "account ID"); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		a, err := st.Account(args[0])
		if err != nil {
			return err
		}
		rules, err := st.Rules()
		if err != nil {
			return err
		}
		people, err := st.People(a.ID)
		if err != nil {
			return err
		}
		events, err := st.Events(a.ID)
		if err != nil {
			return err
		}
		promises, err := st.Promises(a.ID)
		if err != nil {
			return err
		}
		today := c.Today()
		// The agenda of this account alone: its dossier and its proposals.
		ws := dossier.Workspace{Rules: rules, Accounts: []dossier.Account{a}, People: people, Promises: promises}
		items, err := fullAgenda(st, &ws, a.ID, today)
		if err != nil {
			return err
		}
		var agenda []agendaJSON
		for _, it := range items {
			agenda = append(agenda, agendaJSON{it, it.Text()})
		}
		if *asJSON {
			pj := make([]personJSON, 0, len(people))
			for _, p := range people {
				pj = append(pj, toPersonJSON(p, rules, today))
			}
			return c.json(struct {
				Account  accountJSON       `json:"account"`
				People   []personJSON      `json:"people"`
				Events   []dossier.Event   `json:"events"`
				Promises []dossier.Promise `json:"promises"`
				Agenda   []agendaJSON      `json:"agenda"`
			}{toAccountJSON(a, people, rules), pj, nonNil(events), nonNil(promises), nonNil(agenda)})
		}
		team, err := st.Team()
		if err != nil {
			return err
		}
		d := &dossierText{w: c.Stdout, today: today, rules: rules, people: people, team: team}
		d.account(a)
		d.group()
		d.timeline(events, promises)
		d.agenda(agenda)
		return nil
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func personList(fs *flag.FlagSet) func(*ctx, []string) error {
	acct := fs.String("account", "", "only the people of this `ID`")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		rules, err := st.Rules()
		if err != nil {
			return err
		}
		if *asJSON && *acct == "" {
			return c.personListJSON(st, rules, c.Today())
		}
		if *asJSON {
			people, err := st.People(*acct)
			if err != nil {
				return err
			}
			today := c.Today()
			return c.jsonList(len(people), func(i int) any { return toPersonJSON(people[i], rules, today) })
		}
		// The table shows no personal texts: the summaries are enough.
		people, err := st.PeopleSummariesOf(*acct)
		if err != nil {
			return err
		}
		if len(people) == 0 {
			c.printf("%s\n", i18n.L("No people yet."))
			return nil
		}
		tw := table(c.Stdout, "ID", "NAME", "ACCOUNT", "POSITION", "TYPE", "LEVEL", "ROLE", "INFLUENCE")
		for _, p := range people {
			row(tw, p.ID, p.Name, p.AccountID, p.Position, tr(p.Type.Label()), tr(p.Level.Label()),
				dash(tr(p.Role.Label())), dash(tr(p.Influence.Label())))
		}
		return tw.Flush()
	}
}

// table starts a tab-aligned table with translated headings.
func table(w io.Writer, headings ...string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, h := range headings {
		if h != "" {
			headings[i] = i18n.L(h)
		}
	}
	fmt.Fprintln(tw, strings.Join(headings, "\t"))
	return tw
}

func row(tw *tabwriter.Writer, cells ...string) {
	for i, c := range cells {
		cells[i] = terminalText(strings.ReplaceAll(dossier.OneLine(c), "\t", " "))
	}
	fmt.Fprintln(tw, strings.Join(cells, "\t"))
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func percent(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64) + "%"
}

func yesNo(b bool) string {
	if b {
		return i18n.L("yes")
	}
	return i18n.L("no")
}

// listing is a list command of one kind of record: no arguments, --json
// for scripts, a friendly line when there is nothing, else a table.
type listing[T any] struct {
	load     func(*store.Store) ([]T, error)
	empty    string   // English source of the line shown when there is nothing
	headings []string // English source of the column headings
	cells    func(T) []string
}

func (l listing[T]) setup(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		items, err := l.load(st)
		if err != nil {
			return err
		}
		if *asJSON {
			return c.json(nonNil(items))
		}
		if len(items) == 0 {
			c.printf("%s\n", i18n.L(l.empty))
			return nil
		}
		tw := table(c.Stdout, slices.Clone(l.headings)...)
		for _, it := range items {
			row(tw, l.cells(it)...)
		}
		return tw.Flush()
	}
}
