package proposals

import (
	"errors"
	"slices"
	"strings"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// Money in the builder: currencies offered and numbers as typed, shared
// by the pricing table and the financial result.

// pricingCurrency is the currency of a pricing table: its first line's.
func pricingCurrency(lines []proposal.Line) string {
	if t := proposal.Totals(lines); len(t) > 0 {
		return t[0].Currency
	}
	return ""
}

// proposalCurrency is the currency the proposal is most likely priced in
// when it says nothing itself: that of the account's latest other
// proposal with pricing or a financial result, else that of the region
// its language names ("en-GB" is GBP, from CLDR's data in x/text); "" when
// neither tells. A UK client's new proposal so starts in GBP, not in the
// first currency offered.
func (b *builder) proposalCurrency() string {
	if others, err := b.st.Proposals(b.p.AccountID); err == nil {
		var latest *proposal.Proposal
		for i, o := range others {
			c := pricingCurrency(o.Pricing)
			if c == "" {
				c = o.Financial.Currency
			}
			if o.ID == b.p.ID || c == "" {
				continue
			}
			if latest == nil || o.Updated.After(latest.Updated) {
				latest = &others[i]
			}
		}
		if latest != nil {
			if c := pricingCurrency(latest.Pricing); c != "" {
				return c
			}
			return latest.Financial.Currency
		}
	}
	if tag, err := language.Parse(b.p.Language); err == nil {
		if r, conf := tag.Region(); conf == language.Exact {
			if u, ok := currency.FromRegion(r); ok {
				return u.String()
			}
		}
	}
	return ""
}

// commonCurrencies are offered in the currency drop-downs, before any other
// code the proposal already uses.
var commonCurrencies = []string{"EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "CNY", "INR", "AUD", "CAD"}

// currencyOptions returns the common currency codes followed by the codes
// of used that are not among them, in order of first use.
func currencyOptions(used ...string) []string {
	opts := slices.Clone(commonCurrencies)
	for _, c := range used {
		if c != "" && !slices.Contains(opts, c) {
			opts = append(opts, c)
		}
	}
	return opts
}

// errNotNumber is what parseAmount returns for text it cannot read.
var errNotNumber = errors.New("not a number")

// parseAmount reads a number typed in the builder: a quantity, a price, a
// percentage or an amount, as the desk's language writes numbers or the
// English way.
//
// proposal.ParseDecimal wants a decimal point and reads commas as thousands
// separators, so it rejects "12,50" as ambiguous. Where the desk's
// language writes a decimal comma (Russian, Bulgarian, Hungarian,
// Norwegian), a text with one comma and no point is read with the comma
// as the decimal point, first: "1 250,50" is 1250.50 and "1,250" is
// 1.25, as such a user means them; a point still reads as one ("1250.50").
// In English and Filipino ParseDecimal goes first, and a text with
// exactly one comma and no other separator (no point, space, apostrophe
// or underscore) is then read with the comma as the decimal point:
// "12,50" is 12.50, while "1,250" keeps its English meaning, 1250.
// A minus sign (U+2212, as Norwegian writes it) reads as a hyphen.
func parseAmount(s string) (proposal.Decimal, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), "\u2212", "-")
	oneComma := strings.Count(t, ",") == 1 && !strings.Contains(t, ".")
	if ui.DecimalComma() && oneComma {
		if d, err := proposal.ParseDecimal(strings.Replace(t, ",", ".", 1)); err == nil {
			return d, nil
		}
	}
	d, err := proposal.ParseDecimal(t)
	if err == nil {
		return d, nil
	}
	if oneComma && !strings.ContainsAny(t, "' _\u00a0\u202f") {
		if d, err := proposal.ParseDecimal(strings.Replace(t, ",", ".", 1)); err == nil {
			return d, nil
		}
	}
	return proposal.Decimal{}, errNotNumber
}

// msgNotANumber is the message (an English source, translated where it is
// shown) next to a field whose text parseAmount cannot read.
const msgNotANumber = "is not a number: write 1250.50, 1,250.50 or 1250,50 (at most 6 decimals)"

// priceText shows a price in an entry as everywhere else in the desk's
// language, grouped, with at least two decimals and more when it has
// them: "1,180.00", "33.335"; "1 180,00" in Russian (parseAmount reads
// it back).
func priceText(d proposal.Decimal) string {
	places := 2
	if _, frac, ok := strings.Cut(d.String(), "."); ok {
		places = max(places, len(frac))
	}
	return ui.NumberText(d, places)
}

// numberText shows a quantity or a percentage in an entry with the
// decimals it has, in the desk's language: "7.5", "7,5", "1 200".
func numberText(d proposal.Decimal) string {
	_, frac, _ := strings.Cut(d.String(), ".")
	return ui.NumberText(d, len(frac))
}

// amountText shows an amount in an entry: empty for none, else with two
// decimals (more when it has them).
func amountText(d proposal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return priceText(d)
}

// moneyText writes an amount with its currency: "GBP 1,189,950.00".
func moneyText(cur string, d proposal.Decimal) string {
	return strings.TrimSpace(cur + " " + ui.NumberText(d, 2))
}
