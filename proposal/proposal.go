package proposal

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

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

// problems lists what is wrong with the line: field (as Validate names it
// after "pricing.N."), message and data.
func (l Line) problems() []dossier.FieldError {
	var pr []dossier.FieldError
	add := func(field, msg string, data map[string]any) {
		pr = append(pr, dossier.FieldError{Field: field, Message: msg, Data: data})
	}
	if strings.TrimSpace(l.Description) == "" {
		add("description", "is required", nil)
	} else if utf8.RuneCountInString(l.Description) > 2*dossier.MaxLine {
		add("description", "is too long (at most {{.Max}} characters)", map[string]any{"Max": 2 * dossier.MaxLine})
	}
	if l.Quantity.Sign() < 0 {
		add("quantity", "cannot be negative", nil)
	}
	if l.UnitPrice.Sign() < 0 {
		add("unit_price", "cannot be negative", nil)
	}
	if l.Discount.Sign() < 0 || l.Discount.Cmp(Int(100)) > 0 {
		add("discount", "must be between 0 and 100 percent", nil)
	}
	if !validCurrency(l.Currency) {
		add("currency", "is not a currency code such as EUR, GBP or USD", map[string]any{"Value": l.Currency})
	}
	if utf8.RuneCountInString(l.Unit) > 40 {
		add("unit", "is too long (at most {{.Max}} characters)", map[string]any{"Max": 40})
	}
	return pr
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
// investment, rounded up to a tenth, and false when there is no gain.
func (f Financial) PaybackMonths() (Decimal, bool) {
	if f.YearlyGain.Sign() <= 0 || f.Investment.Sign() <= 0 {
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
// false when there is no investment.
func (f Financial) ROI() (Decimal, bool) {
	if f.Investment.Sign() <= 0 {
		return Decimal{}, false
	}
	net := f.YearlyGain.Mul(Int(int64(f.Horizon()))).Sub(f.Investment)
	r, _ := net.Mul(Int(100)).Div(f.Investment)
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
	Format   string    `json:"format"` // "html" or "md"
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

// Validate reports every problem with p that makes it impossible to store.
// Problems that only make it unready to send are the readiness check's.
func (p *Proposal) Validate() error {
	var pr dossier.Problems
	if p.ID != "" && !dossier.ValidID(p.ID) {
		pr.Add("id", "is not a valid ID (lowercase letters, digits, '-' and '_')", nil)
	}
	if !dossier.ValidID(p.AccountID) {
		pr.Add("account_id", "is required", nil)
	}
	if strings.TrimSpace(p.Title) == "" {
		pr.Add("title", "is required", nil)
	} else if utf8.RuneCountInString(p.Title) > dossier.MaxLine || strings.ContainsAny(p.Title, "\r\n") {
		pr.Add("title", "must be one line of at most {{.Max}} characters", map[string]any{"Max": dossier.MaxLine})
	}
	if !validLanguage(p.Language) {
		pr.Add("language", "is not a language code such as en, de or pt-BR", map[string]any{"Value": p.Language})
	}
	if p.Author != "" && !dossier.ValidID(p.Author) {
		pr.Add("author", "is not a valid ID", nil)
	}
	if len(p.Items) > 200 {
		pr.Add("items", "has too many sections (at most 200)", nil)
	}
	for i, it := range p.Items {
		f := fmt.Sprintf("items.%d", i)
		if it.SectionID != "" && !dossier.ValidID(it.SectionID) {
			pr.Add(f, "refers to an invalid section ID", nil)
		}
		if it.Own() {
			s := Section{Title: it.Title, Kind: it.Kind, Audiences: it.Audiences, Language: p.Language, Body: it.Body}
			if err := s.Validate(); err != nil {
				for _, e := range dossier.ProblemsOf(err) {
					pr.Add(f+"."+e.Field, e.Message, e.Data)
				}
			}
		}
	}
	if len(p.Pricing) > 500 {
		pr.Add("pricing", "has too many lines (at most 500)", nil)
	}
	for i, l := range p.Pricing {
		for _, e := range l.problems() {
			pr.Add(fmt.Sprintf("pricing.%d.%s", i, e.Field), e.Message, e.Data)
		}
	}
	fin := p.Financial
	if !fin.IsZero() && !validCurrency(fin.Currency) {
		pr.Add("financial.currency", "is not a currency code such as EUR, GBP or USD", map[string]any{"Value": fin.Currency})
	}
	if fin.Investment.Sign() < 0 {
		pr.Add("financial.investment", "cannot be negative", nil)
	}
	if fin.Years < 0 || fin.Years > 30 {
		pr.Add("financial.years", "must be between 1 and 30", nil)
	}
	if utf8.RuneCountInString(fin.Note) > dossier.MaxText {
		pr.Add("financial.note", "is too long (at most {{.Max}} characters)", map[string]any{"Max": dossier.MaxText})
	}
	for _, id := range p.References {
		if !dossier.ValidID(id) {
			pr.Add("references", "refers to an invalid reference ID", nil)
		}
	}
	seen := map[string]bool{}
	for _, c := range p.Credits {
		if !dossier.ValidID(c.MemberID) {
			pr.Add("credits", "refers to an invalid team member ID", nil)
		} else if seen[c.MemberID] {
			pr.Add("credits", "credits the same team member twice", nil)
		}
		seen[c.MemberID] = true
		if utf8.RuneCountInString(c.Role) > dossier.MaxLine {
			pr.Add("credits", "has a role that is too long", nil)
		}
	}
	if p.ValidDays < 0 || p.ValidDays > 3660 {
		pr.Add("valid_days", "must be between 1 and 3660", nil)
	}
	if !p.ValidUntil.IsZero() && !p.Issued.IsZero() && p.ValidUntil.Before(p.Issued) {
		pr.Add("valid_until", "cannot be before the issue date", nil)
	}
	if !slices.Contains(Statuses, p.Status) {
		pr.Add("status", "is not one of the allowed values", map[string]any{"Value": p.Status})
	}
	if p.Revision < 0 || p.Revision > 999 {
		pr.Add("revision", "must be between 1 and 999", nil)
	}
	if p.Status != Draft && p.Sent.IsZero() && slices.Contains(Statuses, p.Status) {
		pr.Add("sent", "is required once the proposal is sent", nil)
	}
	if utf8.RuneCountInString(p.Outcome) > dossier.MaxText {
		pr.Add("outcome", "is too long (at most {{.Max}} characters)", map[string]any{"Max": dossier.MaxText})
	}
	return pr.Err()
}

func validCurrency(c string) bool {
	if len(c) != 3 {
		return false
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
