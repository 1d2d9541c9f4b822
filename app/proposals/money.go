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
// percentage or an amount.
//
// proposal.ParseDecimal wants a decimal point and reads commas as thousands
// separators, so it rejects "12,50" as ambiguous. Many users type a decimal
// comma, so the builder applies one more rule before giving up: when the
// text has exactly one comma and no other separator (no point, space,
// apostrophe or underscore), the comma is read as the decimal point.
// "12,50" is 12.50 and "0,5" is 0.5. A comma that groups thousands the way
// ParseDecimal reads them keeps that meaning ("1,250" is 1250), since
// ParseDecimal accepts it before the rule is tried.
func parseAmount(s string) (proposal.Decimal, error) {
	d, err := proposal.ParseDecimal(s)
	if err == nil {
		return d, nil
	}
	t := strings.TrimSpace(s)
	if strings.Count(t, ",") == 1 && !strings.ContainsAny(t, ".' _\u00a0\u202f") {
		if d, err := proposal.ParseDecimal(strings.Replace(t, ",", ".", 1)); err == nil {
			return d, nil
		}
	}
	return proposal.Decimal{}, errNotNumber
}

// msgNotANumber is the message (an English source, translated where it is
// shown) next to a field whose text parseAmount cannot read.
const msgNotANumber = "is not a number: write 1250.50, 1,250.50 or 1250,50 (at most 6 decimals)"

// priceText shows a price in an entry as everywhere else, grouped, with
// at least two decimals and more when it has them: "1,180.00", "33.335"
// (parseAmount reads it back).
func priceText(d proposal.Decimal) string {
	places := 2
	if _, frac, ok := strings.Cut(d.String(), "."); ok {
		places = max(places, len(frac))
	}
	return d.Grouped(places, ",")
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
