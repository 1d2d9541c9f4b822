package cli

import (
	"fmt"
	"io"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"

	"kamdesk/proposal"
)

// writeProposal writes a proposal as readable text: what "proposal show"
// prints.
func writeProposal(w io.Writer, r *review) {
	p := &r.p
	d := &dossierText{w: w, today: r.today}
	fmt.Fprintf(w, "%s\n%s\n", p.Title, strings.Repeat("#", len([]rune(p.Title))))
	d.field("ID", p.ID)
	d.field("Account", r.ctx.Account.Name+" ("+p.AccountID+")")
	d.field("Language", p.Language)
	status := tr(p.StatusOn(r.today).Label())
	if p.StatusOn(r.today) != p.Status {
		status += " (" + i18n.L("recorded as {{.Status}}", map[string]any{"Status": tr(p.Status.Label())}) + ")"
	}
	d.field("Status", status)
	d.field("Issued", p.Issued.String())
	if e := p.Expiry(); !e.IsZero() {
		n, _ := p.DaysLeft(r.today)
		var left string
		switch {
		case n > 0:
			left = i18n.N("{{.Count}} day left", n, map[string]any{"Count": n})
		case n == 0:
			left = i18n.L("expires today")
		default:
			left = i18n.N("expired {{.Count}} day ago", -n, map[string]any{"Count": -n})
		}
		d.field("Valid until", e.String()+"  ("+left+")")
	} else {
		d.field("Valid until", i18n.L("not set"))
	}
	d.field("Author", memberName(r.ctx, p.Author))
	d.field("Sent", p.Sent.String())
	if p.Status.Closed() {
		d.field("Closed", p.Closed.String()+"  "+p.Outcome)
	}

	d.heading(i18n.L("Sections"))
	if len(p.Items) == 0 {
		fmt.Fprintln(w, i18n.L("No sections yet."))
	}
	for i, it := range p.Items {
		title, kind, weights, source := it.Title, it.Kind, it.Audiences, i18n.L("own")
		if it.SectionID != "" {
			source = i18n.L("library {{.ID}}", map[string]any{"ID": it.SectionID})
			if it.Custom {
				source = i18n.L("customised from {{.ID}}", map[string]any{"ID": it.SectionID})
			}
		}
		if !it.Own() {
			title, kind, weights = i18n.L("(missing section)"), "", nil
			for _, s := range r.ctx.Library {
				if s.ID == it.SectionID {
					title, kind, weights = s.Title, s.Kind, s.Audiences
				}
			}
		}
		fmt.Fprintf(w, "%2d. %s — %s; %s; %s\n", i+1, title, dash(tr(kind.Label())), dash(proposal.FormatWeights(weights)), source)
	}

	d.heading(i18n.L("Pricing"))
	if len(p.Pricing) == 0 {
		fmt.Fprintln(w, i18n.L("No pricing lines yet."))
	} else {
		tw := table(w, "DESCRIPTION", "QUANTITY", "UNIT", "UNIT PRICE", "DISCOUNT", "AMOUNT")
		for _, l := range p.Pricing {
			disc := ""
			if !l.Discount.IsZero() {
				disc = l.Discount.String() + "%"
			}
			row(tw, l.Description, l.Quantity.Text(","), l.Unit, money(l.Currency, l.UnitPrice), disc, money(l.Currency, l.Net()))
		}
		for _, t := range proposal.Totals(p.Pricing) {
			if !t.Discount.IsZero() {
				row(tw, i18n.L("Before discount"), "", "", "", "", money(t.Currency, t.Gross))
				row(tw, i18n.L("Discount"), "", "", "", "", money(t.Currency, t.Discount.Mul(proposal.Int(-1))))
			}
			row(tw, i18n.L("Total"), "", "", "", "", money(t.Currency, t.Net))
		}
		tw.Flush()
	}

	d.heading(i18n.L("Financial result"))
	f := p.Financial
	if f.IsZero() {
		fmt.Fprintln(w, i18n.L("Not entered yet."))
	} else {
		d.field("Investment", money(f.Currency, f.Investment))
		d.field("Yearly gain", money(f.Currency, f.YearlyGain))
		if m, ok := f.PaybackMonths(); ok {
			d.field("Payback", i18n.L("{{.Months}} months", map[string]any{"Months": m.String()}))
		}
		if roi, ok := f.ROI(); ok {
			d.field("Return on investment", i18n.L("{{.Percent}}% over {{.Years}} years", map[string]any{"Percent": roi.String(), "Years": f.Horizon()}))
		}
		d.field("Note", f.Note)
	}

	d.heading(i18n.L("References"))
	if len(p.References) == 0 {
		fmt.Fprintln(w, i18n.L("None cited."))
	}
	for _, id := range p.References {
		line := id + ": " + i18n.L("(missing reference)")
		for _, ref := range r.ctx.References {
			if ref.ID == id {
				line = ref.Client + " — " + ref.Project
				if ref.Recommends() {
					line += "  " + i18n.L("(referee {{.Name}} will recommend us)", map[string]any{"Name": ref.Referee.Name})
				}
			}
		}
		fmt.Fprintf(w, "- %s\n", line)
	}

	d.heading(i18n.L("Prepared by"))
	if len(p.Credits) == 0 {
		fmt.Fprintln(w, i18n.L("Nobody credited yet."))
	}
	for _, c := range p.Credits {
		line := memberName(r.ctx, c.MemberID)
		for _, m := range r.ctx.Team {
			if m.ID == c.MemberID {
				line = strings.Join(nonEmpty(m.Name, m.Position, c.Role, m.Email, m.Phone), " — ")
			}
		}
		fmt.Fprintf(w, "- %s\n", line)
	}

	d.heading(i18n.L("Follow-up"))
	if len(p.Tasks) == 0 {
		fmt.Fprintln(w, i18n.L("Planned when the proposal is sent: kamdesk proposal sent {{.ID}}", map[string]any{"ID": p.ID}))
	} else {
		tw := table(w, "DUE", "TASK", "STATUS", "NOTE")
		for _, t := range p.Tasks {
			st := i18n.L(string(t.Status))
			if t.Status != proposal.TaskOpen {
				st += " " + t.DoneOn.String()
			} else if t.Due.Before(r.today) {
				st = i18n.L("LATE")
			}
			row(tw, t.Due.String(), p.TaskName(t.Kind), st, t.Note)
		}
		tw.Flush()
	}

	if len(p.Exports) > 0 {
		d.heading(i18n.L("Exports"))
		tw := table(w, "WHEN", "AUDIENCE", "FORMAT", "FILE")
		for _, e := range p.Exports {
			row(tw, e.At.Local().Format("2006-01-02 15:04"), tr(e.Audience.Label()), e.Format, e.File)
		}
		tw.Flush()
	}

	d.heading(i18n.L("Readiness"))
	writeSummary(w, r.findings)
	if len(r.findings) > 0 {
		fmt.Fprintln(w, i18n.L("Details: kamdesk proposal check {{.ID}}", map[string]any{"ID": p.ID}))
	}
}

// writeFindings writes the readiness findings, then the summary.
func writeFindings(w io.Writer, fs []proposal.Finding) {
	for _, f := range fs {
		sev := i18n.L("WARNING")
		if f.Severity == proposal.SeverityBlocking {
			sev = i18n.L("BLOCKING")
		}
		who := i18n.L("whole proposal")
		if f.Audience != "" {
			who = tr(f.Audience.Label())
		}
		fmt.Fprintf(w, "%-8s [%s] %s\n", sev, who, dossier.OneLine(i18n.L(f.Message, f.Data)))
		if f.Fix != "" {
			fmt.Fprintf(w, "         %s %s\n", i18n.L("Fix:"), dossier.OneLine(i18n.L(f.Fix)))
		}
	}
	if len(fs) > 0 {
		fmt.Fprintln(w)
	}
	writeSummary(w, fs)
}

func writeSummary(w io.Writer, fs []proposal.Finding) {
	b := proposal.Blocking(fs)
	warnings := i18n.N("{{.Count}} warning", len(fs)-b, map[string]any{"Count": len(fs) - b})
	if b == 0 {
		fmt.Fprintln(w, i18n.L("Ready to send: no blocking problems, {{.Warnings}}.", map[string]any{"Warnings": warnings}))
		return
	}
	blocking := i18n.N("{{.Count}} blocking problem", b, map[string]any{"Count": b})
	fmt.Fprintln(w, i18n.L("Not ready to send: {{.Blocking}}, {{.Warnings}}.", map[string]any{"Blocking": blocking, "Warnings": warnings}))
}

func memberName(c *proposal.Context, id string) string {
	if id == "" {
		return ""
	}
	for _, m := range c.Team {
		if m.ID == id {
			return m.Name
		}
	}
	return id + " " + i18n.L("(missing team member)")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// money writes an amount as "GBP 1,234.50".
func money(currency string, d proposal.Decimal) string {
	return strings.TrimSpace(currency + " " + d.Grouped(2, ","))
}
