package cli

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kamdesk/app/i18n"

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

// maxPricingLines is the most lines a pricing table holds.
const maxPricingLines = 500

// readPricingCSV reads pricing lines from CSV with pricingHeader. Numbers
// use a decimal point; an empty discount is 0. Every problem is reported
// with the file name and line ("prices.csv:3: quantity: ..."), at most a
// few of them, and nothing is returned when there is one.
func readPricingCSV(name string, r io.Reader) ([]proposal.Line, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(pricingHeader)
	cr.TrimLeadingSpace = true
	at := func(line int, msg string) error { return &proposal.FileError{File: name, Line: line, Msg: msg} }
	head, err := cr.Read()
	if err != nil || !pricingHeaderOK(head) {
		return nil, at(1, i18n.L("the first line must be the header {{.Header}}", map[string]any{"Header": strings.Join(pricingHeader, ",")}))
	}
	var lines []proposal.Line
	var errs []error
	for len(errs) < 10 {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// FieldPos may only be asked about a record that was read: after
			// an error it panics. The parse error knows its line.
			errs = append(errs, csvError(name, err))
			break
		}
		line, _ := cr.FieldPos(0)
		if len(lines) == maxPricingLines {
			errs = append(errs, at(line, i18n.L("too many lines (at most {{.Max}})", map[string]any{"Max": maxPricingLines})))
			break
		}
		l := proposal.Line{Description: strings.TrimSpace(rec[0]), Unit: strings.TrimSpace(rec[2]),
			Currency: strings.ToUpper(strings.TrimSpace(rec[5]))}
		bad := false
		for _, f := range []struct {
			col int
			dst *proposal.Decimal
		}{{1, &l.Quantity}, {3, &l.UnitPrice}, {4, &l.Discount}} {
			v, err := proposal.ParseDecimal(rec[f.col])
			if err != nil {
				errs = append(errs, at(line, pricingHeader[f.col]+": "+errorText(err)))
				bad = true
			}
			*f.dst = v
		}
		if !bad {
			for _, p := range dossier.ProblemsOf(l.Validate()) {
				errs = append(errs, at(line, p.Field+": "+i18n.L(p.Message, p.Data)))
			}
		}
		lines = append(lines, l)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(lines) == 0 {
		return nil, at(1, i18n.L("no pricing lines after the header"))
	}
	return lines, nil
}

func pricingHeaderOK(head []string) bool {
	if len(head) != len(pricingHeader) {
		return false
	}
	for i, h := range head {
		if strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))) != pricingHeader[i] {
			return false
		}
	}
	return true
}

// csvError names the file and line of a CSV syntax error, in words.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", name, err)
	}
	msg := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrFieldCount):
		msg = i18n.L("expected {{.Count}} fields ({{.Header}})", map[string]any{"Count": len(pricingHeader), "Header": strings.Join(pricingHeader, ",")})
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = i18n.L(`a quote inside a field that does not start with one; put the field in quotes and double the quote ("")`)
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = i18n.L("a quoted field is not closed")
	}
	return &proposal.FileError{File: name, Line: pe.Line, Msg: msg}
}

func proposalPricing(fs *flag.FlagSet) func(*ctx, []string) error {
	csvPath := fs.String("csv", "", "replace the table with the lines of this CSV `FILE` (header: description,quantity,unit,unit_price,discount,currency; '-' reads stdin)")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "proposal ID"); err != nil {
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
			c.printf("%s\n", i18n.L("No pricing lines yet. Add them with: kamdesk proposal pricing {{.ID}} --csv FILE", map[string]any{"ID": p.ID}))
			return nil
		}
		tw := table(c.Stdout, "DESCRIPTION", "QUANTITY", "UNIT", "UNIT PRICE", "DISCOUNT", "AMOUNT")
		for _, l := range p.Pricing {
			row(tw, clipText(l.Description, 50), l.Quantity.Text(","), l.Unit, l.Currency+" "+l.UnitPrice.Grouped(2, ","),
				l.Discount.String()+"%", l.Currency+" "+l.Net().Grouped(2, ","))
		}
		for _, t := range proposal.Totals(p.Pricing) {
			row(tw, i18n.L("Total {{.Currency}}", map[string]any{"Currency": t.Currency}), "", "", "",
				t.Currency+" "+t.Discount.Grouped(2, ","), t.Currency+" "+t.Net.Grouped(2, ","))
		}
		return tw.Flush()
	}
}

func clipText(s string, n int) string {
	r := []rune(dossier.OneLine(s))
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
		if err := needArgs(args, 1, "proposal ID"); err != nil {
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
			if !proposal.ValidCurrency(f.Currency) {
				return usageError{i18n.L("--currency {{.Value}} is not an ISO currency code such as EUR, GBP or USD", map[string]any{"Value": *currency})}
			}
		} else if f.Currency == "" && len(totals) > 0 {
			f.Currency = totals[0].Currency
		}
		if *investment != "" {
			v, err := proposal.ParseDecimal(*investment)
			if err != nil {
				return usageError{"--investment: " + errorText(err)}
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
				return usageError{"--yearly-gain: " + errorText(err)}
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
				return fmt.Errorf("%s", errorText(pr))
			}
			return err
		}
		c.printf("%s: %s %s\n", i18n.L("Investment"), f.Currency, f.Investment.Grouped(2, ","))
		c.printf("%s: %s %s\n", i18n.L("Yearly gain"), f.Currency, f.YearlyGain.Grouped(2, ","))
		if m, ok := f.PaybackMonths(); ok {
			c.printf("%s: %s\n", i18n.L("Payback"), i18n.L("{{.Months}} months", map[string]any{"Months": m.String()}))
		}
		if r, ok := f.ROI(); ok {
			c.printf("%s: %s%% %s\n", i18n.L("ROI"), r.String(), i18n.L("over {{.Years}} years", map[string]any{"Years": f.Horizon()}))
		}
		return nil
	}
}
