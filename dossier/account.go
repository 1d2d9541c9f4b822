package dossier

import (
	"math"
	"time"
)

// Account is a key client: the organisation, why it is key, where we stand
// with it and what it plans. Its people, events and promises are separate
// records that name it.
type Account struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Industry string      `json:"industry,omitempty"`
	Segment  string      `json:"segment,omitempty"` // segment or territory
	Tier     Tier        `json:"tier"`
	Criteria []Criterion `json:"criteria,omitempty"` // the key-client criteria that apply

	// RevenueShare is the share of our revenue this client represents, in
	// percent (0–100).
	RevenueShare float64 `json:"revenue_share"`

	Strategy    string   `json:"strategy,omitempty"` // the client's strategy
	Goals       string   `json:"goals,omitempty"`    // its goals: the minimum of a key account plan
	Competitors []string `json:"competitors,omitempty"`

	NextTender Date `json:"next_tender"`
	// TenderPrepMonths overrides the workspace rule for this account's
	// tender preparation; 0 means use the rule.
	TenderPrepMonths int `json:"tender_prep_months,omitempty"`

	AnnualReview Date   `json:"annual_review"`   // when the account's tier is next reviewed
	Owner        string `json:"owner,omitempty"` // the KAM responsible (a team member ID)
	Passive      bool   `json:"passive,omitempty"`
	Notes        string `json:"notes,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// AccountName is an account as a chooser lists it: its ID and name, not
// its other fields (the store's AccountNames).
type AccountName struct {
	ID   string
	Name string
}

// Validate reports every problem with a, each naming its field.
func (a *Account) Validate() error {
	var p Problems
	p.id("id", a.ID, false)
	p.required("name", a.Name)
	p.line("name", a.Name)
	p.line("industry", a.Industry)
	p.line("segment", a.Segment)
	enum(&p, "tier", Tiers, a.Tier, true)
	seen := map[Criterion]bool{}
	for _, c := range a.Criteria {
		if !oneOf(Criteria, c) {
			p.Add("criteria", "is not one of the allowed values", map[string]any{"Value": c})
		} else if seen[c] {
			p.Add("criteria", "lists the same criterion twice", nil)
		}
		seen[c] = true
	}
	if math.IsNaN(a.RevenueShare) || a.RevenueShare < 0 || a.RevenueShare > 100 {
		p.Add("revenue_share", "must be between 0 and 100 percent", nil)
	}
	p.text("strategy", a.Strategy)
	p.text("goals", a.Goals)
	p.list("competitors", a.Competitors)
	p.Date("next_tender", a.NextTender)
	p.Date("annual_review", a.AnnualReview)
	if a.TenderPrepMonths < 0 || a.TenderPrepMonths > 36 {
		p.Add("tender_prep_months", "must be between 0 and 36", nil)
	}
	p.id("owner", a.Owner, false)
	p.text("notes", a.Notes)
	return p.Err()
}

// Has reports whether criterion c is ticked.
func (a *Account) Has(c Criterion) bool { return oneOf(a.Criteria, c) }

// MonoDependent reports whether a's share of our revenue is above the
// mono-dependence threshold of r.
func (a *Account) MonoDependent(r Rules) bool {
	return a.RevenueShare > r.OrDefault().MonoDependencePercent
}

// TenderPrepStart returns the day preparation for the next tender should
// start, or the zero Date when no tender is planned.
func (a *Account) TenderPrepStart(r Rules) Date {
	if a.NextTender.IsZero() {
		return Date{}
	}
	months := a.TenderPrepMonths
	if months == 0 {
		months = r.OrDefault().TenderPrepMonths
	}
	return a.NextTender.AddMonths(-months)
}

// InTenderPrep reports whether today falls in the preparation window of the
// next tender (from its start to the tender itself).
func (a *Account) InTenderPrep(r Rules, today Date) bool {
	start := a.TenderPrepStart(r)
	return !start.IsZero() && !today.Before(start) && !today.After(a.NextTender)
}
