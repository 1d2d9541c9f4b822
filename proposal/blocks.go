package proposal

import (
	"slices"
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// Titles of the generated blocks, English source strings.
const (
	titleReferences = "References"
	titlePricing    = "Pricing"
	titleFinancial  = "Financial result"
	titleCredits    = "Prepared by"
	titleValidity   = "Validity"
)

// titleBlock opens every variant: the title, whom it is for and the date.
func titleBlock(p *Proposal, c *Context, people []dossier.Person) Block {
	var names []string
	for _, pe := range people {
		n := inlineText(pe.Name)
		if pos := inlineText(pe.Position); pos != "" {
			n += ", " + pos
		}
		names = append(names, n)
	}
	account := inlineText(c.Account.Name)
	var forLine string
	switch {
	case len(names) > 0 && account != "":
		forLine = "For " + strings.Join(names, "; ") + " — " + account
	case len(names) > 0:
		forLine = "For " + strings.Join(names, "; ")
	case account != "":
		forLine = "For " + account
	}
	// Whom it is for and the date: one paragraph (a line each), which
	// the export's stylesheet and the preview set apart from the letter
	// that follows.
	var lines []string
	if forLine != "" {
		lines = append(lines, forLine)
	}
	if !p.Issued.IsZero() {
		lines = append(lines, "Date: "+p.Issued.String())
	}
	md := "# " + inlineText(p.Title)
	if len(lines) > 0 {
		md += "\n\n" + strings.Join(lines, "\\\n")
	}
	return Block{Title: p.Title, Kind: KindTitle, Source: SourceGenerated, Item: -1, Markdown: md}
}

// referencesBlock lists the references as a needs them, or nil when there
// is nothing to show. Only referees who agreed to be contacted are ever
// named.
func referencesBlock(refs []dossier.Reference, a Audience) *Block {
	var lines []string
	for _, r := range refs {
		client := "**" + inlineText(r.Client) + "**"
		switch a {
		case HR, All:
			head := client + " — " + inlineText(r.Project)
			if r.Year != 0 {
				head += ", " + strconv.Itoa(r.Year)
			}
			item := []string{head}
			if res := paraText(r.Result, "  "); res != "" {
				item = append(item, "Result: "+res)
			}
			if r.Recommends() {
				who := []string{inlineText(r.Referee.Name)}
				if pos := inlineText(r.Referee.Position); pos != "" {
					who = append(who, pos)
				}
				who = append(who, inlineText(r.Referee.Contact))
				item = append(item, "Will gladly recommend us: "+strings.Join(who, ", "))
			}
			lines = append(lines, "- "+strings.Join(item, "\\\n  "))
		case Executive:
			line := "- " + client + " — " + inlineText(r.Project)
			if res := inlineText(r.Result); res != "" {
				line += " — " + res
			}
			lines = append(lines, line)
		case Finance, Technical:
			if res := inlineText(r.Result); res != "" {
				lines = append(lines, "- "+client+" — "+res)
			}
		}
	}
	if len(lines) == 0 {
		return nil
	}
	return &Block{Title: titleReferences, Kind: KindReferences, Source: SourceGenerated, Item: -1,
		Markdown: "## " + titleReferences + "\n\n" + strings.Join(lines, "\n")}
}

// pricingBlock is the pricing table (a one-line investment summary for
// executives, nothing for HR), or nil without lines.
func pricingBlock(lines []Line, a Audience) *Block {
	if len(lines) == 0 || a == HR {
		return nil
	}
	b := &Block{Title: titlePricing, Kind: KindPricing, Source: SourceGenerated, Item: -1}
	totals := Totals(lines)
	if a == Executive {
		var parts []string
		for _, t := range totals {
			s := moneyMarkdown(t.Currency, t.Net) + " net total"
			if t.Discount.Sign() > 0 {
				s += ", a discount of " + moneyMarkdown(t.Currency, t.Discount) + " included"
			}
			parts = append(parts, s)
		}
		b.Markdown = "## " + titlePricing + "\n\nInvestment: " + strings.Join(parts, "; ") + "."
		return b
	}
	row := func(cells ...string) string { return "| " + strings.Join(cells, " | ") + " |" }
	rows := []string{
		row("Description", "Quantity", "Unit", "Unit price", "Discount", "Amount"),
		"| --- | ---: | --- | ---: | ---: | ---: |",
	}
	for _, l := range lines {
		discount := ""
		if !l.Discount.IsZero() {
			discount = l.Discount.String() + "%"
		}
		rows = append(rows, row(inlineText(l.Description), l.Quantity.Text(","), inlineText(l.Unit),
			priceMarkdown(l.Currency, l.UnitPrice), discount, moneyMarkdown(l.Currency, l.Net())))
	}
	for _, t := range totals {
		cur := inlineText(t.Currency)
		if !t.Discount.IsZero() {
			rows = append(rows,
				row("Total "+cur+" before discount", "", "", "", "", moneyMarkdown(t.Currency, t.Gross)),
				row("Discount "+cur, "", "", "", "", moneyMarkdown(t.Currency, Decimal{}.Sub(t.Discount))))
		}
		rows = append(rows, row("**Total "+cur+"**", "", "", "", "", "**"+moneyMarkdown(t.Currency, t.Net)+"**"))
	}
	b.Markdown = "## " + titlePricing + "\n\n" + strings.Join(rows, "\n")
	return b
}

// financialBlock is the quantified result (one paragraph for executives,
// nothing for HR), or nil when none was entered.
func financialBlock(f Financial, a Audience) *Block {
	if f.IsZero() || a == HR {
		return nil
	}
	b := &Block{Title: titleFinancial, Kind: KindFigures, Source: SourceGenerated, Item: -1}
	payback, hasPayback := f.PaybackMonths()
	roi, hasROI := f.ROI()
	years := strconv.Itoa(f.Horizon())
	if a == Executive {
		var s string
		if f.Investment.Sign() > 0 {
			s = "An investment of " + moneyMarkdown(f.Currency, f.Investment)
		}
		if !f.YearlyGain.IsZero() {
			if s == "" {
				s = "A yearly gain of " + moneyMarkdown(f.Currency, f.YearlyGain)
			} else {
				s += " brings a yearly gain of " + moneyMarkdown(f.Currency, f.YearlyGain)
			}
		}
		var tail []string
		if hasPayback {
			tail = append(tail, "it pays back in "+payback.Fixed(1)+" months")
		}
		if hasROI {
			tail = append(tail, "the return on investment over "+years+" years is "+roi.Fixed(1)+"%")
		}
		if len(tail) > 0 {
			s += ": " + strings.Join(tail, ", and ")
		}
		b.Markdown = "## " + titleFinancial + "\n\n" + s + "."
		return b
	}
	var items []string
	if f.Investment.Sign() > 0 {
		items = append(items, "Investment: "+moneyMarkdown(f.Currency, f.Investment))
	}
	if !f.YearlyGain.IsZero() {
		items = append(items, "Yearly gain: "+moneyMarkdown(f.Currency, f.YearlyGain))
	}
	if hasPayback {
		items = append(items, "Payback: "+payback.Fixed(1)+" months")
	}
	if hasROI {
		items = append(items, "Return on investment over "+years+" years: "+roi.Fixed(1)+"%")
	}
	for i, it := range items {
		items[i] = "- " + it
	}
	b.Markdown = "## " + titleFinancial + "\n\n" + strings.Join(items, "\n")
	if note := paraText(f.Note, ""); note != "" {
		b.Markdown += "\n\n" + note
	}
	return b
}

// creditsBlock names the team who prepared the proposal, the author first
// when credited, with positions, roles and contacts. Credited members
// missing from the team are left out.
func creditsBlock(p *Proposal, c *Context) Block {
	credits := slices.Clone(p.Credits)
	if i := slices.IndexFunc(credits, func(cr Credit) bool { return cr.MemberID == p.Author }); i > 0 && p.Author != "" {
		author := credits[i]
		credits = slices.Delete(credits, i, i+1)
		credits = slices.Insert(credits, 0, author)
	}
	var lines []string
	for _, cr := range credits {
		m, ok := c.member(cr.MemberID)
		if !ok {
			continue
		}
		line := "- **" + inlineText(m.Name) + "**"
		if pos := inlineText(m.Position); pos != "" {
			line += ", " + pos
		}
		if role := inlineText(cr.Role); role != "" {
			line += " — " + role
		}
		var contacts []string
		for _, s := range []string{m.Email, m.Phone} {
			if s = inlineText(s); s != "" {
				contacts = append(contacts, s)
			}
		}
		if len(contacts) > 0 {
			line += " — " + strings.Join(contacts, ", ")
		}
		lines = append(lines, line)
	}
	md := "## " + titleCredits + "\n\n"
	if len(lines) == 0 {
		md += "No team member is credited yet."
	} else {
		md += "This proposal was prepared by a project team. Each of us will gladly answer your questions.\n\n" +
			strings.Join(lines, "\n")
	}
	if d := inlineText(c.Company.DetailsLine()); d != "" {
		md += "\n\n" + d
	}
	return Block{Title: titleCredits, Kind: KindTeam, Source: SourceGenerated, Item: -1, Markdown: md}
}

// validityBlock closes every variant: the expiry date and what it means.
func validityBlock(p *Proposal) Block {
	md := "## " + titleValidity + "\n\n"
	if e := p.Expiry(); e.IsZero() {
		md += "Validity not set."
	} else {
		md += "Valid until " + e.String()
		if days := validDays(p); days > 0 && !p.Issued.IsZero() {
			md += " (" + strconv.Itoa(days) + " days from " + p.Issued.String() + ")"
		}
		md += ".\n\nOur services depend on people and materials, and the market moves: the validity is our guarantee " +
			"that the prices and conditions of this proposal hold until that date."
	}
	return Block{Title: titleValidity, Kind: KindValidity, Source: SourceGenerated, Item: -1, Markdown: md}
}

// moneyMarkdown is formatMoney for Markdown: the currency, user text, escaped.
func moneyMarkdown(currency string, d Decimal) string {
	return strings.TrimSpace(inlineText(currency) + " " + d.Grouped(2, ","))
}

// priceMarkdown writes a unit price like moneyMarkdown, with more decimals when it has
// them, so the table adds up as printed: "GBP 33.335".
func priceMarkdown(currency string, d Decimal) string {
	places := 2
	if _, frac, ok := strings.Cut(d.String(), "."); ok {
		places = max(places, len(frac))
	}
	return strings.TrimSpace(inlineText(currency) + " " + d.Grouped(places, ","))
}

// paraText is user text escaped to read as plain text, its lines kept as hard
// line breaks, continuation lines indented by indent.
func paraText(s, indent string) string {
	return strings.ReplaceAll(EscapeMarkdown(cleanText(s)), "\n", "\n"+indent)
}
