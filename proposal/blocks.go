package proposal

import (
	"slices"
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// titleBlock opens every variant: the title, whom it is for and the date.
func titleBlock(p *Proposal, c *Context, people []dossier.Person, lc Locale) Block {
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
		forLine = fill(lc.words.forLine, "who", strings.Join(names, "; ")+" — "+account)
	case len(names) > 0:
		forLine = fill(lc.words.forLine, "who", strings.Join(names, "; "))
	case account != "":
		forLine = fill(lc.words.forLine, "who", account)
	}
	// Whom it is for and the date: one paragraph (a line each), which
	// the export's stylesheet and the preview set apart from the letter
	// that follows.
	var lines []string
	if forLine != "" {
		lines = append(lines, forLine)
	}
	if !p.Issued.IsZero() {
		lines = append(lines, fill(lc.words.date, "date", lc.Date(p.Issued)))
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
func referencesBlock(refs []dossier.Reference, a Audience, lc Locale) *Block {
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
				item = append(item, fill(lc.words.result, "text", res))
			}
			if r.Recommends() {
				who := []string{inlineText(r.Referee.Name)}
				if pos := inlineText(r.Referee.Position); pos != "" {
					who = append(who, pos)
				}
				who = append(who, inlineText(r.Referee.Contact))
				item = append(item, fill(lc.words.recommends, "who", strings.Join(who, ", ")))
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
	return &Block{Title: lc.words.references, Kind: KindReferences, Source: SourceGenerated, Item: -1,
		Markdown: "## " + lc.words.references + "\n\n" + strings.Join(lines, "\n")}
}

// pricingBlock is the pricing table (a one-line investment summary for
// executives, nothing for HR), or nil without lines.
func pricingBlock(lines []Line, a Audience, lc Locale) *Block {
	if len(lines) == 0 || a == HR {
		return nil
	}
	w := lc.words
	b := &Block{Title: w.pricing, Kind: KindPricing, Source: SourceGenerated, Item: -1}
	totals := Totals(lines)
	if a == Executive {
		var parts []string
		for _, t := range totals {
			s := fill(w.execTotal, "money", moneyMarkdown(lc, t.Currency, t.Net))
			if t.Discount.Sign() > 0 {
				s += fill(w.execDiscount, "discount", moneyMarkdown(lc, t.Currency, t.Discount))
			}
			parts = append(parts, s)
		}
		b.Markdown = "## " + w.pricing + "\n\n" + fill(w.execPricing, "totals", strings.Join(parts, "; ")) + "."
		return b
	}
	row := func(cells ...string) string { return "| " + strings.Join(cells, " | ") + " |" }
	rows := []string{
		row(w.description, w.quantity, w.unit, w.unitPrice, w.discount, w.amount),
		"| --- | ---: | --- | ---: | ---: | ---: |",
	}
	for _, l := range lines {
		discount := ""
		if !l.Discount.IsZero() {
			discount = EscapeMarkdown(lc.Percent(l.Discount))
			if lc.Lang == "en" {
				discount = l.Discount.String() + "%" // as the user typed it: "7.5%"
			}
		}
		rows = append(rows, row(inlineText(l.Description), EscapeMarkdown(lc.NumberText(l.Quantity)), inlineText(l.Unit),
			priceMarkdown(lc, l.Currency, l.UnitPrice), discount, moneyMarkdown(lc, l.Currency, l.Net())))
	}
	for _, t := range totals {
		cur := inlineText(t.Currency)
		if !t.Discount.IsZero() {
			rows = append(rows,
				row(fill(w.totalBefore, "cur", cur), "", "", "", "", moneyMarkdown(lc, t.Currency, t.Gross)),
				row(fill(w.discountOf, "cur", cur), "", "", "", "", moneyMarkdown(lc, t.Currency, Decimal{}.Sub(t.Discount))))
		}
		rows = append(rows, row("**"+fill(w.total, "cur", cur)+"**", "", "", "", "", "**"+moneyMarkdown(lc, t.Currency, t.Net)+"**"))
	}
	b.Markdown = "## " + w.pricing + "\n\n" + strings.Join(rows, "\n")
	return b
}

// financialBlock is the quantified result (one paragraph for executives,
// nothing for HR), or nil when none was entered.
func financialBlock(f Financial, a Audience, lc Locale) *Block {
	if f.IsZero() || a == HR {
		return nil
	}
	w := lc.words
	b := &Block{Title: w.financial, Kind: KindFigures, Source: SourceGenerated, Item: -1}
	payback, hasPayback := f.PaybackMonths()
	roi, hasROI := f.ROI()
	years := lc.count(Int(int64(f.Horizon())), 0, w.years)
	months := ""
	if hasPayback {
		months = lc.count(payback.Round(1), 1, w.months)
	}
	money := func(d Decimal) string { return moneyMarkdown(lc, f.Currency, d) }
	if a == Executive {
		var s string
		switch {
		case f.Investment.Sign() > 0 && !f.YearlyGain.IsZero():
			s = fill(w.investmentAndGain, "investment", money(f.Investment), "gain", money(f.YearlyGain))
		case f.Investment.Sign() > 0:
			s = fill(w.investmentOnly, "investment", money(f.Investment))
		case !f.YearlyGain.IsZero():
			s = fill(w.gainOnly, "gain", money(f.YearlyGain))
		}
		var tail []string
		if hasPayback {
			tail = append(tail, fill(w.paysBack, "months", months))
		}
		if hasROI {
			tail = append(tail, fill(w.roiOver, "years", years, "roi", EscapeMarkdown(lc.Percent(roi))))
		}
		if len(tail) > 0 {
			s += ": " + strings.Join(tail, w.and)
		}
		b.Markdown = "## " + w.financial + "\n\n" + s + "."
		return b
	}
	var items []string
	if f.Investment.Sign() > 0 {
		items = append(items, fill(w.investmentItem, "investment", money(f.Investment)))
	}
	if !f.YearlyGain.IsZero() {
		items = append(items, fill(w.gainItem, "gain", money(f.YearlyGain)))
	}
	if hasPayback {
		items = append(items, fill(w.paybackItem, "months", months))
	}
	if hasROI {
		items = append(items, fill(w.roiItem, "years", years, "roi", EscapeMarkdown(lc.Percent(roi))))
	}
	for i, it := range items {
		items[i] = "- " + it
	}
	b.Markdown = "## " + w.financial + "\n\n" + strings.Join(items, "\n")
	if note := paraText(f.Note, ""); note != "" {
		b.Markdown += "\n\n" + note
	}
	return b
}

// creditsBlock names the team who prepared the proposal, the author first
// when credited, with positions, roles and contacts. Credited members
// missing from the team are left out.
func creditsBlock(p *Proposal, c *Context, lc Locale) Block {
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
	md := "## " + lc.words.credits + "\n\n"
	if len(lines) == 0 {
		md += lc.words.noCredits
	} else {
		md += lc.words.creditsIntro + "\n\n" + strings.Join(lines, "\n")
	}
	if d := inlineText(c.Company.DetailsLine()); d != "" {
		md += "\n\n" + d
	}
	return Block{Title: lc.words.credits, Kind: KindTeam, Source: SourceGenerated, Item: -1, Markdown: md}
}

// validityBlock closes every variant: the expiry date and what it means.
func validityBlock(p *Proposal, lc Locale) Block {
	w := lc.words
	md := "## " + w.validity + "\n\n"
	if e := p.Expiry(); e.IsZero() {
		md += w.noValidity
	} else {
		md += fill(w.validUntil, "date", lc.Date(e))
		if days := validDays(p); days > 0 && !p.Issued.IsZero() {
			md += fill(w.validDays, "days", lc.days(days), "issued", lc.Date(p.Issued))
		}
		md += ".\n\n" + w.guarantee
	}
	return Block{Title: w.validity, Kind: KindValidity, Source: SourceGenerated, Item: -1, Markdown: md}
}

// moneyMarkdown is Locale.Money for Markdown: escaped, the currency being
// user text.
func moneyMarkdown(lc Locale, currency string, d Decimal) string {
	return EscapeMarkdown(lc.Money(dossier.OneLine(currency), d, 2))
}

// priceMarkdown writes a unit price like moneyMarkdown, with more decimals when it has
// them, so the table adds up as printed: "GBP 33.335".
func priceMarkdown(lc Locale, currency string, d Decimal) string {
	places := 2
	if _, frac, ok := strings.Cut(d.String(), "."); ok {
		places = max(places, len(frac))
	}
	return EscapeMarkdown(lc.Money(dossier.OneLine(currency), d, places))
}

// paraText is user text escaped to read as plain text, its lines kept as hard
// line breaks, continuation lines indented by indent.
func paraText(s, indent string) string {
	return strings.ReplaceAll(EscapeMarkdown(cleanText(s)), "\n", "\n"+indent)
}
