// The placeholder values of an assembled variant.

package proposal

import (
	"slices"
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// Values returns the placeholder values of the variant of p for audience
// a (see Placeholders): dates as YYYY-MM-DD, money as "GBP 12,500.00",
// the payback in months as "14.5", the ROI as "36.2%"; the signature as
// Company.SignatureOf makes it. A value that is not known is absent. Values are plain text; Resolve escapes them.
func Values(p *Proposal, c *Context, a Audience) map[string]string {
	return variantValues(p, c, a, c.Addressees(a))
}

func variantValues(p *Proposal, c *Context, a Audience, people []dossier.Person) map[string]string {
	v := map[string]string{}
	set := func(name, value string) {
		if value = cleanText(value); value != "" {
			v[name] = value
		}
	}
	acc := c.Account
	set("account.name", acc.Name)
	set("account.industry", acc.Industry)
	set("account.segment", acc.Segment)
	set("account.strategy", acc.Strategy)
	set("account.goals", acc.Goals)
	var competitors []string
	for _, s := range acc.Competitors {
		if s = cleanText(s); s != "" {
			competitors = append(competitors, s)
		}
	}
	set("account.competitors", strings.Join(competitors, ", "))

	var names, positions []string
	for _, pe := range people {
		if n := dossier.OneLine(pe.Name); n != "" {
			names = append(names, n)
		}
		if pos := dossier.OneLine(pe.Position); pos != "" {
			positions = append(positions, pos)
		}
	}
	set("person.name", strings.Join(names, ", "))
	set("person.position", strings.Join(positions, ", "))
	if slices.Contains(Variants, a) {
		set("audience", LocaleOf(p.Language).Audience(a))
	}

	lc := LocaleOf(p.Language)
	set("proposal.title", p.Title)
	set("proposal.date", lc.Date(p.Issued))
	set("valid_until", lc.Date(p.Expiry()))
	if days := validDays(p); days > 0 {
		set("valid_days", strconv.Itoa(days))
	}
	if m, ok := c.member(p.Author); ok && p.Author != "" {
		set("author.name", m.Name)
		set("author.position", m.Position)
		set("author.email", m.Email)
		set("author.phone", m.Phone)
	}
	set("company.name", c.Company.Name)
	set("signature", c.Company.SignatureOf(v))

	var totals []string
	for _, t := range Totals(p.Pricing) {
		totals = append(totals, lc.Money(t.Currency, t.Net, 2))
	}
	set("pricing.total", strings.Join(totals, " + "))

	f := p.Financial
	if !f.IsZero() {
		if f.Investment.Sign() > 0 {
			set("financial.investment", lc.Money(f.Currency, f.Investment, 2))
		}
		if !f.YearlyGain.IsZero() {
			set("financial.yearly_gain", lc.Money(f.Currency, f.YearlyGain, 2))
		}
		if m, ok := f.PaybackMonths(); ok {
			set("financial.payback_months", lc.Number(m, 1))
		}
		if r, ok := f.ROI(); ok {
			set("financial.roi", lc.Percent(r))
		}
		set("financial.years", strconv.Itoa(f.Horizon()))
	}
	set("today", lc.Date(c.Today))
	return v
}
