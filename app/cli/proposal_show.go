package cli

import (
	"flag"

	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// findingJSON is a readiness finding as --json prints it.
type findingJSON struct {
	Severity proposal.Severity `json:"severity"`
	Code     string            `json:"code"`
	Audience proposal.Audience `json:"audience"` // "" for the whole proposal
	Message  string            `json:"message"`  // English, parameters filled in
	Fix      string            `json:"fix"`
	Place    placeJSON         `json:"place"`
}

type placeJSON struct {
	Area     string `json:"area"`
	Item     int    `json:"item"`
	PersonID string `json:"person_id,omitempty"`
}

// readinessJSON is the readiness summary of "proposal check --json" and
// "proposal show --json".
type readinessJSON struct {
	Ready    bool          `json:"ready"`
	Blocking int           `json:"blocking"`
	Warnings int           `json:"warnings"`
	Findings []findingJSON `json:"findings"`
}

func toReadiness(fs []proposal.Finding) readinessJSON {
	r := readinessJSON{Blocking: proposal.Blocking(fs), Findings: make([]findingJSON, 0, len(fs))}
	r.Ready = r.Blocking == 0
	r.Warnings = len(fs) - r.Blocking
	for _, f := range fs {
		r.Findings = append(r.Findings, findingJSON{Severity: f.Severity, Code: f.Code, Audience: f.Audience,
			Message: f.Text(), Fix: f.Fix, Place: placeJSON{Area: f.Place.Area, Item: f.Place.Item, PersonID: f.Place.PersonID}})
	}
	return r
}

// financialJSON is the financial result with its derived figures.
type financialJSON struct {
	proposal.Financial
	Horizon       int               `json:"horizon_years"`
	PaybackMonths *proposal.Decimal `json:"payback_months"`
	ROIPercent    *proposal.Decimal `json:"roi_percent"`
}

// proposalShowJSON is what "proposal show --json" prints: the stored
// proposal and what is derived from it today.
type proposalShowJSON struct {
	proposal.Proposal
	Account     string            `json:"account"`
	StatusToday proposal.Status   `json:"status_today"`
	Expiry      dossier.Date      `json:"expiry"`
	DaysLeft    *int              `json:"days_left"`
	Totals      []proposal.Total  `json:"totals"`
	Financial   financialJSON     `json:"financial"`
	Tasks       []taskJSON        `json:"tasks"`
	Exports     []proposal.Export `json:"exports"`
	Readiness   readinessJSON     `json:"readiness"`
}

func (r *review) showJSON() proposalShowJSON {
	p := r.p
	j := proposalShowJSON{Proposal: p, Account: r.ctx.Account.Name, StatusToday: p.StatusOn(r.today),
		Expiry: p.Expiry(), Totals: nonNil(proposal.Totals(p.Pricing)), Exports: nonNil(p.Exports),
		Tasks: make([]taskJSON, 0, len(p.Tasks)), Readiness: toReadiness(r.findings)}
	if n, ok := p.DaysLeft(r.today); ok {
		j.DaysLeft = &n
	}
	j.Financial = financialJSON{Financial: p.Financial, Horizon: p.Financial.Horizon()}
	if m, ok := p.Financial.PaybackMonths(); ok {
		j.Financial.PaybackMonths = &m
	}
	if roi, ok := p.Financial.ROI(); ok {
		j.Financial.ROIPercent = &roi
	}
	for _, t := range p.Tasks {
		j.Tasks = append(j.Tasks, toTaskJSON(t, r.today))
	}
	return j
}

func (c *ctx) loadReview(id string) (*store.Store, *review, error) {
	st, err := c.store()
	if err != nil {
		return nil, nil, err
	}
	p, err := st.Proposal(id)
	if err != nil {
		return nil, nil, err
	}
	r, err := c.review(st, p, nil)
	return st, r, err
}

func proposalShow(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "proposal ID"); err != nil {
			return err
		}
		_, r, err := c.loadReview(args[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return c.json(r.showJSON())
		}
		writeProposal(c.Stdout, r)
		return nil
	}
}

func proposalCheck(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "proposal ID"); err != nil {
			return err
		}
		_, r, err := c.loadReview(args[0])
		if err != nil {
			return err
		}
		rd := toReadiness(r.findings)
		if *asJSON {
			if err := c.json(rd); err != nil {
				return err
			}
		} else {
			writeFindings(c.Stdout, r.findings)
		}
		if !rd.Ready {
			return errFindings
		}
		return nil
	}
}
