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
		set("audience", a.Label())
	}

	set("proposal.title", p.Title)
	set("proposal.date", p.Issued.String())
	set("valid_until", p.Expiry().String())
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
		totals = append(totals, formatMoney(t.Currency, t.Net))
	}
	set("pricing.total", strings.Join(totals, " + "))

	f := p.Financial
	if !f.IsZero() {
		if f.Investment.Sign() > 0 {
			set("financial.investment", formatMoney(f.Currency, f.Investment))
		}
		if !f.YearlyGain.IsZero() {
			set("financial.yearly_gain", formatMoney(f.Currency, f.YearlyGain))
		}
		if m, ok := f.PaybackMonths(); ok {
			set("financial.payback_months", m.Fixed(1))
		}
		if r, ok := f.ROI(); ok {
			set("financial.roi", r.Fixed(1)+"%")
		}
		set("financial.years", strconv.Itoa(f.Horizon()))
	}
	set("today", c.Today.String())
	return v
}
