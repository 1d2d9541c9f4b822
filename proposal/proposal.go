package proposal

import (
	"slices"
	"time"

	"kamdesk/dossier"
)

// Status is where a proposal stands with the client.
type Status string

// Statuses. Expired is never stored: it is derived once the expiry date
// has passed, unless the proposal was won or lost.
const (
	Draft        Status = "draft"
	Sent         Status = "sent"
	Received     Status = "received"
	InDiscussion Status = "in-discussion"
	Won          Status = "won"
	Lost         Status = "lost"
	Expired      Status = "expired"
)

// Statuses lists the statuses a proposal can be given.
var Statuses = []Status{Draft, Sent, Received, InDiscussion, Won, Lost}

// Label is the English label of s, for translation.
func (s Status) Label() string {
	switch s {
	case Draft:
		return "Draft"
	case Sent:
		return "Sent"
	case Received:
		return "Received"
	case InDiscussion:
		return "In discussion"
	case Won:
		return "Won"
	case Lost:
		return "Lost"
	case Expired:
		return "Expired"
	}
	return string(s)
}

// Closed reports whether the outcome is known.
func (s Status) Closed() bool { return s == Won || s == Lost }

// Item is one section of a proposal. It either follows a library section
// (SectionID set, Custom false: the library's current text is used), or
// is a customised copy of one (SectionID set, Custom true), or was written
// for this proposal only (SectionID empty).
type Item struct {
	// Key names the item in Proposal.Orders; unique in the proposal,
	// given by KeyItems when first needed.
	Key       string  `json:"key,omitempty"`
	SectionID string  `json:"section_id,omitempty"`
	Custom    bool    `json:"custom,omitempty"`
	Title     string  `json:"title,omitempty"`
	Kind      Kind    `json:"kind,omitempty"`
	Audiences Weights `json:"audiences,omitempty"`
	Body      string  `json:"body,omitempty"`
}

// Own reports whether the item carries its own text rather than following
// the library.
func (it Item) Own() bool { return it.Custom || it.SectionID == "" }

// Line is one line of the pricing table.
type Line struct {
	Description string  `json:"description"`
	Quantity    Decimal `json:"quantity"`
	Unit        string  `json:"unit,omitempty"` // "licence", "day", "m²"
	UnitPrice   Decimal `json:"unit_price"`
	Discount    Decimal `json:"discount"` // percent, 0–100
	Currency    string  `json:"currency"` // ISO 4217: "EUR", "GBP"
}

// Net is the line's amount: quantity × unit price, less the discount,
// rounded to cents (halves away from zero).
func (l Line) Net() Decimal {
	gross := l.Quantity.Mul(l.UnitPrice)
	off, _ := gross.Mul(l.Discount).Div(Int(100))
	return gross.Sub(off).Round(2)
}

// Gross is quantity × unit price before the discount, rounded to cents.
func (l Line) Gross() Decimal { return l.Quantity.Mul(l.UnitPrice).Round(2) }

// Counts reports whether the line's figures are valid, so that it counts
// in the totals (a missing description does not change the sums).
func (l Line) Counts() bool {
	for _, e := range l.problems() {
		if e.Field != "description" && e.Field != "unit" {
			return false
		}
	}
	return true
}

// Total is the sum of the lines in one currency.
type Total struct {
	Currency string  `json:"currency"`
	Gross    Decimal `json:"gross"`
	Discount Decimal `json:"discount"`
	Net      Decimal `json:"net"`
}

// Totals sums the lines per currency, in order of first appearance. The
// net total is the sum of the rounded line amounts, so the table always
// adds up as printed. A line whose figures do not validate (a negative
// quantity or price, a discount outside 0–100 %, no currency) counts in
// no total: a total is never built from numbers marked wrong beside it.
func Totals(lines []Line) []Total {
	var out []Total
	for _, l := range lines {
		if !l.Counts() {
			continue
		}
		i := slices.IndexFunc(out, func(t Total) bool { return t.Currency == l.Currency })
		if i < 0 {
			out = append(out, Total{Currency: l.Currency})
			i = len(out) - 1
		}
		t := &out[i]
		t.Gross = t.Gross.Add(l.Gross())
		t.Net = t.Net.Add(l.Net())
		t.Discount = t.Gross.Sub(t.Net)
	}
	return out
}

// Financial is the quantified result of the cooperation for the client.
type Financial struct {
	Currency   string  `json:"currency,omitempty"`
	Investment Decimal `json:"investment"`      // what the client invests
	YearlyGain Decimal `json:"yearly_gain"`     // yearly gain or saving
	Years      int     `json:"years,omitempty"` // horizon for the ROI; 0 means 3
	Note       string  `json:"note,omitempty"`  // how the figures were reached
}

// IsZero reports whether no financial result was entered.
func (f Financial) IsZero() bool { return f.Investment.IsZero() && f.YearlyGain.IsZero() }

// Horizon returns the years the ROI is computed over.
func (f Financial) Horizon() int {
	if f.Years <= 0 {
		return 3
	}
	return f.Years
}

// PaybackMonths returns the months until the yearly gain repays the
// investment, rounded up to a tenth, and false when there is no gain or
// no investment of at least MinInvestment.
func (f Financial) PaybackMonths() (Decimal, bool) {
	if f.YearlyGain.Sign() <= 0 || f.Investment.Cmp(MinInvestment) < 0 {
		return Decimal{}, false
	}
	m, _ := f.Investment.Mul(Int(12)).Div(f.YearlyGain)
	r := m.Round(1)
	if r.Cmp(m) < 0 {
		r = r.Add(MustDecimal("0.1"))
	}
	return r, true
}

// ROI returns the return on investment over the horizon in percent,
// (gain × years − investment) / investment × 100, rounded to a tenth, and
// false when it means nothing: without an investment of at least
// MinInvestment, or beyond ±MaxROIPercent (a hundredth of a cent
// invested is a typing mistake, not a return of 10²³ %).
func (f Financial) ROI() (Decimal, bool) {
	if f.Investment.Cmp(MinInvestment) < 0 {
		return Decimal{}, false
	}
	net := f.YearlyGain.Mul(Int(int64(f.Horizon()))).Sub(f.Investment)
	r, _ := net.Mul(Int(100)).Div(f.Investment)
	if r.Cmp(MaxROIPercent) > 0 || r.Cmp(Decimal{}.Sub(MaxROIPercent)) < 0 {
		return Decimal{}, false
	}
	return r.Round(1), true
}

// Credit names a team member who prepared the proposal and their role on
// it.
type Credit struct {
	MemberID string `json:"member_id"`
	Role     string `json:"role,omitempty"` // e.g. "Commercial terms"
}

// Export records one export of the proposal.
type Export struct {
	At       time.Time `json:"at"`
	Audience Audience  `json:"audience"`
	Format   string    `json:"format"` // "html", "md" or "pdf"
	File     string    `json:"file"`   // the file written
}

// Proposal is a commercial proposal to one account.
type Proposal struct {
	ID        string `json:"id"`
	AccountID string `json:"account_id"`
	Title     string `json:"title"`
	Language  string `json:"language"`
	Author    string `json:"author,omitempty"` // team member ID

	Items      []Item    `json:"items"`
	Pricing    []Line    `json:"pricing,omitempty"`
	Financial  Financial `json:"financial"`
	References []string  `json:"references,omitempty"` // reference IDs
	Credits    []Credit  `json:"credits,omitempty"`
	// Orders are the user's own reading orders of variants: item keys
	// (see order.go); a variant without one reads in the tailored order.
	Orders map[Audience][]string `json:"orders,omitempty"`

	Issued     dossier.Date `json:"issued"`
	ValidDays  int          `json:"valid_days,omitempty"`
	ValidUntil dossier.Date `json:"valid_until"` // wins over ValidDays when set

	// Revision counts the versions of the terms: 0 or 1 is the first.
	// A sent revision's content is frozen; new terms are a new revision.
	Revision int `json:"revision,omitempty"`

	Status  Status       `json:"status"`
	Sent    dossier.Date `json:"sent"`              // the day the latest revision was sent
	Closed  dossier.Date `json:"closed"`            // when won or lost
	Outcome string       `json:"outcome,omitempty"` // why it was won or lost
	Tasks   []Task       `json:"tasks,omitempty"`
	Exports []Export     `json:"exports,omitempty"`
	// Sendings record every sending, oldest first; the store keeps the
	// snapshot of each (see Snapshot).
	Sendings []Sending `json:"sendings,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Expiry returns the last day the proposal's conditions hold, or the zero
// Date when no validity is set.
func (p *Proposal) Expiry() dossier.Date {
	if !p.ValidUntil.IsZero() {
		return p.ValidUntil
	}
	if p.ValidDays > 0 && !p.Issued.IsZero() {
		return p.Issued.AddDays(p.ValidDays)
	}
	return dossier.Date{}
}

// StatusOn returns the status as of today: Expired once the expiry date has
// passed, unless the proposal was won or lost.
func (p *Proposal) StatusOn(today dossier.Date) Status {
	if p.Status.Closed() {
		return p.Status
	}
	if e := p.Expiry(); !e.IsZero() && e.Before(today) {
		return Expired
	}
	return p.Status
}

// DaysLeft returns the days from today to the expiry date (negative once
// expired), and false without an expiry date.
func (p *Proposal) DaysLeft(today dossier.Date) (int, bool) {
	e := p.Expiry()
	if e.IsZero() {
		return 0, false
	}
	return today.DaysUntil(e), true
}
