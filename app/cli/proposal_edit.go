package cli

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Commands that fill in what a proposal made by "proposal new" still lacks
// for finance and technical readers: the pricing table and the financial
// result.

func init() {
	register(
		command{name: "proposal pricing", args: "ID", summary: "show the pricing table, or replace it from a CSV file", setup: proposalPricing},
		command{name: "proposal financial", args: "ID", summary: "set the financial result: investment, yearly gain, years; payback and ROI are computed", setup: proposalFinancial},
	)
}

// pricingHeader is the header a pricing CSV file must start with.
var pricingHeader = []string{"description", "quantity", "unit", "unit_price", "discount", "currency"}

// readPricingCSV reads pricing lines from CSV with pricingHeader. Numbers
// use a decimal point; an empty discount is 0. Errors name the line.
func readPricingCSV(name string, r io.Reader) ([]proposal.Line, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(pricingHeader)
	cr.TrimLeadingSpace = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s:1: %s (%s)", name, lang.L("the first line must be the header"), strings.Join(pricingHeader, ","))
	}
	for i, h := range head {
		if strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) != pricingHeader[i] {
			return nil, fmt.Errorf("%s:1: %s", name, lang.L("the header must be {{.Header}}", map[string]any{"Header": strings.Join(pricingHeader, ",")}))
		}
	}
	var lines []proposal.Line
	var errs []error
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			break
		}
		l := proposal.Line{Description: strings.TrimSpace(rec[0]), Unit: strings.TrimSpace(rec[2]),
			Currency: strings.ToUpper(strings.TrimSpace(rec[5]))}
		for _, f := range []struct {
			col int
			dst *proposal.Decimal
		}{{1, &l.Quantity}, {3, &l.UnitPrice}, {4, &l.Discount}} {
			v, err := proposal.ParseDecimal(rec[f.col])
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %s: %w", name, line, pricingHeader[f.col], err))
			}
			*f.dst = v
		}
		lines = append(lines, l)
		if len(lines) > 500 {
			errs = append(errs, fmt.Errorf("%s:%d: %s", name, line, lang.L("too many lines (at most 500)")))
			break
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lines, nil
}

func proposalPricing(fs *flag.FlagSet) func(*ctx, []string) error {
	csvPath := fs.String("csv", "", "replace the table with the lines of this CSV `FILE` (header: description,quantity,unit,unit_price,discount,currency; '-' reads stdin)")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, lang.L("proposal ID")); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		p, err := st.Proposal(args[0])
		if err != nil {
			return err
		}
		if *csvPath != "" {
			var r io.Reader = c.Stdin
			name := "stdin"
			if *csvPath != "-" {
				f, err := os.Open(*csvPath)
				if err != nil {
					return err
				}
				defer f.Close()
				r, name = io.LimitReader(f, 4<<20), *csvPath
			}
			lines, err := readPricingCSV(name, r)
			if err != nil {
				return err
			}
			p.Pricing = lines
			if err := st.SaveProposal(&p); err != nil {
				return err
			}
		}
		if *asJSON {
			type lineJSON struct {
				proposal.Line
				Net proposal.Decimal `json:"net"`
			}
			out := struct {
				Lines  []lineJSON       `json:"lines"`
				Totals []proposal.Total `json:"totals"`
			}{Lines: []lineJSON{}, Totals: nonNil(proposal.Totals(p.Pricing))}
			for _, l := range p.Pricing {
				out.Lines = append(out.Lines, lineJSON{l, l.Net()})
			}
			return c.json(out)
		}
		if len(p.Pricing) == 0 {
			c.printf("%s\n", lang.L("No pricing lines yet. Add them with: kamdesk proposal pricing {{.ID}} --csv FILE", map[string]any{"ID": p.ID}))
			return nil
		}
		tw := table(c.Stdout, "DESCRIPTION", "QUANTITY", "UNIT", "UNIT PRICE", "DISCOUNT", "AMOUNT")
		for _, l := range p.Pricing {
			row(tw, clipText(l.Description, 50), l.Quantity.String(), l.Unit, l.Currency+" "+l.UnitPrice.Grouped(2, ","),
				l.Discount.String()+"%", l.Currency+" "+l.Net().Grouped(2, ","))
		}
		for _, t := range proposal.Totals(p.Pricing) {
			row(tw, lang.L("Total {{.Currency}}", map[string]any{"Currency": t.Currency}), "", "", "",
				t.Currency+" "+t.Discount.Grouped(2, ","), t.Currency+" "+t.Net.Grouped(2, ","))
		}
		return tw.Flush()
	}
}

func clipText(s string, n int) string {
	r := []rune(oneLine(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

func proposalFinancial(fs *flag.FlagSet) func(*ctx, []string) error {
	investment := fs.String("investment", "", "what the client invests, an `AMOUNT` (default: the pricing net total)")
	gain := fs.String("yearly-gain", "", "the yearly gain or saving for the client, an `AMOUNT`")
	years := fs.Int("years", 0, "the `YEARS` the ROI is computed over (default 3)")
	currency := fs.String("currency", "", "the `CURRENCY` (default: the pricing table's)")
	note := fs.String("note", "", "how the figures were reached, a `TEXT`")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, lang.L("proposal ID")); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		p, err := st.Proposal(args[0])
		if err != nil {
			return err
		}
		f := p.Financial
		totals := proposal.Totals(p.Pricing)
		if *currency != "" {
			f.Currency = strings.ToUpper(*currency)
		} else if f.Currency == "" && len(totals) > 0 {
			f.Currency = totals[0].Currency
		}
		if *investment != "" {
			v, err := proposal.ParseDecimal(*investment)
			if err != nil {
				return usageError{"--investment: " + err.Error()}
			}
			f.Investment = v
		} else if f.Investment.IsZero() {
			for _, t := range totals {
				if t.Currency == f.Currency {
					f.Investment = t.Net
				}
			}
		}
		if *gain != "" {
			v, err := proposal.ParseDecimal(*gain)
			if err != nil {
				return usageError{"--yearly-gain: " + err.Error()}
			}
			f.YearlyGain = v
		}
		if *years != 0 {
			f.Years = *years
		}
		if *note != "" {
			f.Note = *note
		}
		p.Financial = f
		if err := st.SaveProposal(&p); err != nil {
			if pr := dossier.ProblemsOf(err); len(pr) > 0 {
				return fmt.Errorf("%s", pr.Error())
			}
			return err
		}
		c.printf("%s: %s %s\n", lang.L("Investment"), f.Currency, f.Investment.Grouped(2, ","))
		c.printf("%s: %s %s\n", lang.L("Yearly gain"), f.Currency, f.YearlyGain.Grouped(2, ","))
		if m, ok := f.PaybackMonths(); ok {
			c.printf("%s: %s\n", lang.L("Payback"), lang.L("{{.Months}} months", map[string]any{"Months": m.String()}))
		}
		if r, ok := f.ROI(); ok {
			c.printf("%s: %s%% %s\n", lang.L("ROI"), r.String(), lang.L("over {{.Years}} years", map[string]any{"Years": f.Horizon()}))
		}
		return nil
	}
}
