package cli

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"kamdesk/app/i18n"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func init() {
	register(
		command{name: "proposal new", summary: "create a draft proposal from the library and print its ID", setup: proposalNew},
		command{name: "proposal list", reads: true, summary: "list the proposals with their status, expiry, readiness and next follow-up", setup: proposalList},
		command{name: "proposal show", reads: true, args: "ID", summary: "show a proposal: sections, pricing, financial result, follow-up, exports and readiness", setup: proposalShow},
		command{name: "proposal check", reads: true, args: "ID", summary: "check a proposal is ready to send (exit 1 while blocking problems remain)", setup: proposalCheck},
		command{name: "proposal sent", args: "ID", summary: "record that a proposal was sent and plan the follow-up calls", setup: proposalSent},
		command{name: "proposal export", exports: true, args: "ID", summary: "export a proposal for one audience, or every variant with --audience all, as HTML, PDF or Markdown", setup: proposalExport},
	)
}

// idList reads a comma-separated list of IDs, dropping blanks and repeats.
func idList(s string) []string {
	var out []string
	for _, id := range strings.Split(s, ",") {
		id = strings.TrimSpace(id)
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func parseDateFlag(name, value string) (dossier.Date, error) {
	d, err := dossier.ParseDate(value)
	data := map[string]any{"Flag": name, "Value": value, "Min": dossier.MinDate.String(), "Max": dossier.MaxDate.String()}
	if errors.Is(err, dossier.ErrDateRange) {
		return d, usageError{i18n.L("--{{.Flag}} {{.Value}} is outside the dates kamdesk accepts ({{.Min}} to {{.Max}})", data)}
	}
	if err != nil || d.IsZero() {
		return d, usageError{i18n.L("--{{.Flag}} {{.Value}} is not a date in the form YYYY-MM-DD", data)}
	}
	return d, nil
}

func proposalNew(fs *flag.FlagSet) func(*ctx, []string) error {
	acct := fs.String("account", "", "the `ID` of the account the proposal is for (required)")
	title := fs.String("title", "", "the proposal's `TITLE` (required)")
	sections := fs.String("sections", "", "library section `IDs`, comma-separated, in order (default: every library section in the proposal's language)")
	team := fs.String("team", "", "team member `IDs` to credit, comma-separated; the first is the author")
	refs := fs.String("references", "", "reference `IDs` to cite, comma-separated")
	validDays := fs.Int("valid-days", 0, "the proposal holds for `N` days from today (default 30)")
	validUntil := fs.String("valid-until", "", "the proposal holds until `DATE` (YYYY-MM-DD); instead of --valid-days")
	language := fs.String("language", "en", "the proposal's language `CODE`: en, ru, bg, hu, nb or fil, in which kamdesk writes the headings, dates and money it adds; another code (de, pt-BR…) gets them in English (default en)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		if strings.TrimSpace(*acct) == "" || strings.TrimSpace(*title) == "" {
			return usageError{i18n.L("--account and --title are required")}
		}
		if flagSet(fs, "valid-days") && flagSet(fs, "valid-until") {
			return usageError{i18n.L("give --valid-days or --valid-until, not both")}
		}
		if !proposal.ValidLanguage(*language) {
			return usageError{i18n.L("--language {{.Value}} is not a language code such as en, de or pt-BR", map[string]any{"Value": *language})}
		}
		today := c.Today()
		p := proposal.Proposal{AccountID: *acct, Title: strings.TrimSpace(*title), Language: *language,
			Issued: today, Status: proposal.Draft, References: idList(*refs)}
		switch {
		case flagSet(fs, "valid-until"):
			d, err := parseDateFlag("valid-until", *validUntil)
			if err != nil {
				return err
			}
			if d.Before(today) {
				return usageError{i18n.L("--valid-until {{.Date}} is before today", map[string]any{"Date": d.String()})}
			}
			p.ValidUntil = d
		case flagSet(fs, "valid-days"):
			if *validDays < 1 || *validDays > 3660 {
				return usageError{i18n.L("--valid-days must be between 1 and 3660")}
			}
			p.ValidDays = *validDays
		default:
			p.ValidDays = 30
		}
		for _, id := range idList(*team) {
			p.Credits = append(p.Credits, proposal.Credit{MemberID: id})
		}
		if len(p.Credits) > 0 {
			p.Author = p.Credits[0].MemberID
		}

		st, err := c.store()
		if err != nil {
			return err
		}
		if _, err := st.Account(p.AccountID); err != nil {
			return err
		}
		lib, err := st.Sections()
		if err != nil {
			return err
		}
		if flagSet(fs, "sections") {
			for _, id := range idList(*sections) {
				p.Items = append(p.Items, proposal.Item{SectionID: id})
			}
		} else {
			for _, s := range lib {
				if strings.EqualFold(s.Language, p.Language) {
					p.Items = append(p.Items, proposal.Item{SectionID: s.ID})
				}
			}
			if len(p.Items) == 0 {
				fmt.Fprintln(c.Stderr, i18n.L("note: the library has no sections in {{.Language}}; the proposal starts empty", map[string]any{"Language": p.Language}))
			}
		}
		if err := missingIDs(st, &p); err != nil {
			return err
		}
		if err := st.SaveProposal(&p); err != nil {
			return err
		}
		c.printf("%s\n", p.ID)
		return nil
	}
}

// missingIDs names every team member, reference and section p refers to
// that does not exist, at once.
func missingIDs(st *store.Store, p *proposal.Proposal) error {
	var missing []string
	for _, c := range p.Credits {
		if _, err := st.TeamMember(c.MemberID); err != nil {
			missing = append(missing, i18n.L("team member {{.ID}}", map[string]any{"ID": c.MemberID}))
		}
	}
	for _, id := range p.References {
		if _, err := st.Reference(id); err != nil {
			missing = append(missing, i18n.L("reference {{.ID}}", map[string]any{"ID": id}))
		}
	}
	for _, it := range p.Items {
		if _, err := st.Section(it.SectionID); err != nil {
			missing = append(missing, i18n.L("section {{.ID}}", map[string]any{"ID": it.SectionID}))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return notFoundError(i18n.L("these IDs do not exist: {{.List}}; see kamdesk team list, reference list and library list",
		map[string]any{"List": strings.Join(missing, ", ")}))
}

// notFoundError is a message that matches dossier.ErrNotFound.
type notFoundError string

func (e notFoundError) Error() string { return string(e) }
func (e notFoundError) Unwrap() error { return dossier.ErrNotFound }

// review is a proposal with what the workspace says about it today.
type review struct {
	p        proposal.Proposal
	ctx      *proposal.Context
	findings []proposal.Finding
	today    dossier.Date
}

func (c *ctx) review(st *store.Store, p proposal.Proposal, contexts map[string]*proposal.Context) (*review, error) {
	today := c.Today()
	pc := contexts[p.AccountID]
	if pc == nil {
		var err error
		pc, err = st.Context(p.AccountID, today)
		if err != nil {
			return nil, dossier.Err("proposal {{.ID}}", map[string]any{"ID": p.ID}, err)
		}
		if contexts != nil {
			contexts[p.AccountID] = pc
		}
	}
	return &review{p: p, ctx: pc, findings: proposal.Check(&p, pc), today: today}, nil
}

// taskJSON is a follow-up task as --json prints it.
type taskJSON struct {
	proposal.Task
	Label string `json:"label"`
	Late  bool   `json:"late"`
}

func toTaskJSON(t proposal.Task, today dossier.Date) taskJSON {
	return taskJSON{Task: t, Label: t.Kind.Label(), Late: t.Status == proposal.TaskOpen && t.Due.Before(today)}
}

// proposalListJSON is one line of "proposal list --json".
type proposalListJSON struct {
	ID        string          `json:"id"`
	AccountID string          `json:"account_id"`
	Account   string          `json:"account"`
	Title     string          `json:"title"`
	Language  string          `json:"language"`
	Status    proposal.Status `json:"status"` // as of today: "expired" once past the expiry date
	Issued    dossier.Date    `json:"issued"`
	Expiry    dossier.Date    `json:"expiry"`
	DaysLeft  *int            `json:"days_left"`
	Blocking  int             `json:"blocking"`
	Warnings  int             `json:"warnings"`
	NextTask  *taskJSON       `json:"next_task"`
	Updated   time.Time       `json:"updated"`
}

func (r *review) listJSON() proposalListJSON {
	p := &r.p
	j := proposalListJSON{ID: p.ID, AccountID: p.AccountID, Account: r.ctx.Account.Name, Title: p.Title,
		Language: p.Language, Status: p.StatusOn(r.today), Issued: p.Issued, Expiry: p.Expiry(),
		Blocking: proposal.Blocking(r.findings), Updated: p.Updated}
	j.Warnings = len(r.findings) - j.Blocking
	if n, ok := p.DaysLeft(r.today); ok {
		j.DaysLeft = &n
	}
	if t, ok := p.NextTask(); ok {
		tj := toTaskJSON(t, r.today)
		j.NextTask = &tj
	}
	return j
}

func proposalList(fs *flag.FlagSet) func(*ctx, []string) error {
	acct := fs.String("account", "", "only the proposals to the account with this `ID`")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		props, err := st.Proposals(*acct)
		if err != nil {
			return err
		}
		accts := make([]string, len(props))
		for i, p := range props {
			accts[i] = p.AccountID
		}
		contexts, err := st.Contexts(accts, c.Today())
		if err != nil {
			return err
		}
		out := make([]proposalListJSON, 0, len(props))
		for _, p := range props {
			r, err := c.review(st, p, contexts)
			if err != nil {
				return err
			}
			out = append(out, r.listJSON())
		}
		if *asJSON {
			return c.json(out)
		}
		if len(out) == 0 {
			c.printf("%s\n", i18n.L("No proposals yet. Start one with: kamdesk proposal new --account ID --title TITLE"))
			return nil
		}
		tw := table(c.Stdout, "ID", "ACCOUNT", "TITLE", "STATUS", "EXPIRES", "DAYS LEFT", "BLOCKING", "NEXT FOLLOW-UP")
		for _, j := range out {
			days := ""
			if j.DaysLeft != nil {
				days = fmt.Sprint(*j.DaysLeft)
			}
			next := ""
			if j.NextTask != nil {
				next = j.NextTask.Due.String() + " " + tr(j.NextTask.Label)
				if j.NextTask.Late {
					next += " (" + i18n.L("LATE") + ")"
				}
			}
			row(tw, j.ID, j.AccountID, j.Title, tr(j.Status.Label()), dash(j.Expiry.String()), dash(days),
				fmt.Sprint(j.Blocking), dash(next))
		}
		return tw.Flush()
	}
}
