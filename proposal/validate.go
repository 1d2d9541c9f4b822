// What a proposal may hold: the limits on its text, amounts and dates.

package proposal

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"kamdesk/dossier"
)

// Limits on amounts. Every price, quantity, line amount and financial
// figure lies within ±MaxAmount, and an investment is at least
// MinInvestment: a total or a ratio built from them stays a figure a
// reader can take seriously, and arithmetic stays fast.
var (
	MaxAmount     = Int(1_000_000_000_000) // 10^12
	MinInvestment = MustDecimal("0.01")
	// MaxROIPercent is the largest return on investment shown: beyond a
	// ten-thousandfold return the figures are wrong, not the ROI.
	MaxROIPercent = Int(1_000_000)
)

// maxAmountText is MaxAmount as messages print it.
const maxAmountText = "1,000,000,000,000"

// problems lists what is wrong with the line: field (as Validate names it
// after "pricing.N."), message and data.
func (l Line) problems() []dossier.FieldError {
	var pr dossier.Problems
	if strings.TrimSpace(l.Description) == "" {
		pr.Add("description", "is required", nil)
	} else {
		oneLineText(&pr, "description", l.Description, 2*dossier.MaxLine)
	}
	oneLineText(&pr, "unit", l.Unit, 40)
	if l.Quantity.Sign() < 0 {
		pr.Add("quantity", "cannot be negative", nil)
	} else if l.Quantity.Cmp(MaxAmount) > 0 {
		pr.Add("quantity", "is too large (at most {{.Max}})", map[string]any{"Max": maxAmountText})
	}
	if l.UnitPrice.Sign() < 0 {
		pr.Add("unit_price", "cannot be negative", nil)
	} else if l.UnitPrice.Cmp(MaxAmount) > 0 {
		pr.Add("unit_price", "is too large (at most {{.Max}})", map[string]any{"Max": maxAmountText})
	} else if l.Quantity.Cmp(MaxAmount) <= 0 && l.Gross().Cmp(MaxAmount) > 0 {
		pr.Add("unit_price", "makes the line's amount too large (at most {{.Max}})", map[string]any{"Max": maxAmountText})
	}
	if l.Discount.Sign() < 0 || l.Discount.Cmp(Int(100)) > 0 {
		pr.Add("discount", "must be between 0 and 100 percent", nil)
	}
	if l.Currency == "" {
		pr.Add("currency", "choose a currency", nil)
	} else if !ValidCurrency(l.Currency) {
		pr.Add("currency", "is not a currency code such as EUR, GBP or USD", map[string]any{"Value": l.Currency})
	}
	out := make([]dossier.FieldError, len(pr))
	for i, e := range pr {
		out[i] = *e
	}
	return out
}

// Validate reports the problems of one pricing line, each naming its
// field: description, quantity, unit, unit_price, discount or currency.
func (l Line) Validate() error {
	var pr dossier.Problems
	for _, e := range l.problems() {
		pr.Add(e.Field, e.Message, e.Data)
	}
	return pr.Err()
}

// oneLineText checks a one-line text field: at most max characters, no
// line breaks, no control characters, valid UTF-8.
func oneLineText(pr *dossier.Problems, field, v string, max int) {
	if n := utf8.RuneCountInString(v); n > max {
		pr.Add(field, "is too long (at most {{.Max}} characters)", map[string]any{"Max": max})
	} else if strings.ContainsAny(v, "\r\n") {
		pr.Add(field, "must fit on one line", nil)
	} else {
		pr.Controls(field, v)
	}
}

// longText checks a multi-line text field: at most max characters, no
// control characters other than tabs and line breaks, valid UTF-8.
func longText(pr *dossier.Problems, field, v string, max int) {
	if n := utf8.RuneCountInString(v); n > max {
		pr.Add(field, "is too long (at most {{.Max}} characters)", map[string]any{"Max": max})
	} else {
		pr.Controls(field, v)
	}
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
	} else {
		pr.Controls("title", p.Title)
	}
	if !ValidLanguage(p.Language) {
		pr.Add("language", "is not a language code such as en, de or pt-BR", map[string]any{"Value": p.Language})
	}
	if p.Author != "" && !dossier.ValidID(p.Author) {
		pr.Add("author", "is not a valid ID", nil)
	}
	p.validateItems(&pr)
	if len(p.Pricing) > 500 {
		pr.Add("pricing", "has too many lines (at most 500)", nil)
	}
	for i, l := range p.Pricing {
		for _, e := range l.problems() {
			pr.Add(fmt.Sprintf("pricing.%d.%s", i, e.Field), e.Message, e.Data)
		}
	}
	p.Financial.validate(&pr)
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
		oneLineText(&pr, "credits", c.Role, dossier.MaxLine)
	}
	if p.ValidDays < 0 || p.ValidDays > 3660 {
		pr.Add("valid_days", "must be between 1 and 3660", nil)
	}
	if !p.ValidUntil.IsZero() && !p.Issued.IsZero() && p.ValidUntil.Before(p.Issued) {
		pr.Add("valid_until", "cannot be before the issue date", nil)
	}
	p.validateDates(&pr)
	if !slices.Contains(Statuses, p.Status) {
		pr.Add("status", "is not one of the allowed values", map[string]any{"Value": p.Status})
	}
	if p.Revision < 0 || p.Revision > 999 {
		pr.Add("revision", "must be between 1 and 999", nil)
	}
	if p.Status != Draft && p.Sent.IsZero() && slices.Contains(Statuses, p.Status) {
		pr.Add("sent", "is required once the proposal is sent", nil)
	}
	longText(&pr, "outcome", p.Outcome, dossier.MaxText)
	for i, t := range p.Tasks {
		longText(&pr, fmt.Sprintf("tasks.%d.note", i), t.Note, dossier.MaxText)
	}
	return pr.Err()
}

func (p *Proposal) validateItems(pr *dossier.Problems) {
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
}

// validateDates refuses dates outside dossier.MinDate to dossier.MaxDate,
// the expiry and follow-up calls derived from them included: every date
// stored can be read back and shown.
func (p *Proposal) validateDates(pr *dossier.Problems) {
	pr.Date("issued", p.Issued)
	pr.Date("valid_until", p.ValidUntil)
	if e := p.Expiry(); p.ValidUntil.IsZero() && !e.IsZero() && !e.InRange() {
		pr.Add("valid_days", "would make the proposal expire after {{.Max}}", map[string]any{"Max": dossier.MaxDate})
	}
	pr.Date("sent", p.Sent)
	pr.Date("closed", p.Closed)
	for i, t := range p.Tasks {
		pr.Date(fmt.Sprintf("tasks.%d.due", i), t.Due)
		pr.Date(fmt.Sprintf("tasks.%d.done_on", i), t.DoneOn)
	}
	for i, s := range p.Sendings {
		pr.Date(fmt.Sprintf("sendings.%d.on", i), s.On)
	}
}

// validate adds the problems of the financial result to pr.
func (f Financial) validate(pr *dossier.Problems) {
	if !f.IsZero() && f.Currency == "" {
		pr.Add("financial.currency", "choose a currency", nil)
	} else if !f.IsZero() && !ValidCurrency(f.Currency) {
		pr.Add("financial.currency", "is not a currency code such as EUR, GBP or USD", map[string]any{"Value": f.Currency})
	}
	switch {
	case f.Investment.Sign() < 0:
		pr.Add("financial.investment", "cannot be negative", nil)
	case f.Investment.Sign() > 0 && f.Investment.Cmp(MinInvestment) < 0:
		pr.Add("financial.investment", "must be at least {{.Min}} (or 0 for none)", map[string]any{"Min": MinInvestment.String()})
	case f.Investment.Cmp(MaxAmount) > 0:
		pr.Add("financial.investment", "is too large (at most {{.Max}})", map[string]any{"Max": maxAmountText})
	}
	if f.YearlyGain.Cmp(MaxAmount) > 0 || f.YearlyGain.Cmp(Decimal{}.Sub(MaxAmount)) < 0 {
		pr.Add("financial.yearly_gain", "must be between -{{.Max}} and {{.Max}}", map[string]any{"Max": maxAmountText})
	}
	if f.Years < 0 || f.Years > 30 {
		pr.Add("financial.years", "must be between 1 and 30", nil)
	}
	longText(pr, "financial.note", f.Note, dossier.MaxText)
}

// ValidCurrency accepts ISO 4217 codes: three capital letters.
func ValidCurrency(c string) bool {
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
