package proposal

import (
	"errors"
	"strings"
	"testing"

	"kamdesk/dossier"
)

// hostileText is text that must never be stored: it would act on a
// terminal, or is not text at all.
var hostileText = map[string]string{
	"ESC":       "Plan \x1b[31mred\x1b[0m",
	"OSC":       "Plan \x1b]0;owned\x07",
	"BEL":       "Plan\a",
	"NUL":       "Plan\x00",
	"DEL":       "Plan\x7f",
	"C1 CSI":    "Plan \u009b31m",
	"bad UTF-8": "Plan \xff\xfe",
}

// TestValidateRefusesControlCharacters puts every hostile text into every
// text field of a proposal: each is refused with a problem naming the
// field.
func TestValidateRefusesControlCharacters(t *testing.T) {
	fields := map[string]func(p *Proposal, s string){
		"title":                 func(p *Proposal, s string) { p.Title = s },
		"pricing.0.description": func(p *Proposal, s string) { p.Pricing[0].Description = s },
		"pricing.0.unit":        func(p *Proposal, s string) { p.Pricing[0].Unit = s },
		"financial.note":        func(p *Proposal, s string) { p.Financial.Note = s },
		"outcome":               func(p *Proposal, s string) { p.Outcome = s },
		"tasks.0.note":          func(p *Proposal, s string) { p.Tasks = []Task{{Kind: TaskReceipt, Status: TaskOpen, Note: s}} },
		"credits":               func(p *Proposal, s string) { p.Credits[0].Role = s },
		"items.4.title":         func(p *Proposal, s string) { p.Items[itemSiteVisit].Title = s },
		"items.4.body":          func(p *Proposal, s string) { p.Items[itemSiteVisit].Body = "Fine text.\n" + s },
	}
	for field, set := range fields {
		for name, s := range hostileText {
			p, _ := northbridge()
			if err := p.Validate(); err != nil {
				t.Fatalf("the fixture does not validate: %v", err)
			}
			set(p, s)
			err := p.Validate()
			if dossier.ProblemsOf(err).For(field) == nil || !errors.Is(err, ErrInvalid) {
				t.Errorf("%s with %s: Validate() = %v, want a problem with %s", field, name, err, field)
			}
		}
	}
	// Multi-line text keeps its tabs and line breaks.
	p, _ := northbridge()
	p.Financial.Note = "Gain:\tsavings\r\non rework"
	p.Outcome = "Won.\n\tWell done."
	if err := p.Validate(); err != nil {
		t.Errorf("tabs and line breaks in multi-line text: %v", err)
	}
}

func TestValidateAmountLimits(t *testing.T) {
	for _, c := range []struct {
		name  string
		set   func(p *Proposal)
		field string
	}{
		{"investment of a millionth", func(p *Proposal) { p.Financial.Investment = fxDec("0.000001") }, "financial.investment"},
		{"investment of 0.009", func(p *Proposal) { p.Financial.Investment = fxDec("0.009") }, "financial.investment"},
		{"investment above 10^12", func(p *Proposal) { p.Financial.Investment = fxDec("1000000000000.01") }, "financial.investment"},
		{"gain above 10^12", func(p *Proposal) { p.Financial.YearlyGain = fxDec("1000000000001") }, "financial.yearly_gain"},
		{"loss below -10^12", func(p *Proposal) { p.Financial.YearlyGain = fxDec("-1000000000001") }, "financial.yearly_gain"},
		{"quantity above 10^12", func(p *Proposal) { p.Pricing[0].Quantity = fxDec("1000000000001") }, "pricing.0.quantity"},
		{"unit price above 10^12", func(p *Proposal) { p.Pricing[0].UnitPrice = fxDec("1000000000001") }, "pricing.0.unit_price"},
		{"line amount above 10^12", func(p *Proposal) {
			p.Pricing[0].Quantity, p.Pricing[0].UnitPrice = fxDec("1000000"), fxDec("1000001")
		}, "pricing.0.unit_price"},
	} {
		p, _ := northbridge()
		c.set(p)
		if err := p.Validate(); dossier.ProblemsOf(err).For(c.field) == nil {
			t.Errorf("%s: Validate() = %v, want a problem with %s", c.name, err, c.field)
		}
	}
	p, _ := northbridge()
	p.Financial.Investment, p.Financial.YearlyGain = fxDec("0.01"), fxDec("1000000000000")
	if err := p.Validate(); err != nil {
		t.Errorf("the limits themselves: %v", err)
	}
	// A line beyond the limits counts in no total.
	p.Pricing[0].UnitPrice = fxDec("1000000000001")
	for _, tot := range Totals(p.Pricing) {
		if tot.Net.Cmp(fxDec("1000000000000")) > 0 {
			t.Errorf("total %s %s counts a line beyond the limits", tot.Currency, tot.Net)
		}
	}
}

// An ROI is shown only when it means something: 0.000001 invested gave
// 3×10²³ %.
func TestROIOnlyWhenMeaningful(t *testing.T) {
	for _, c := range []struct {
		investment, gain string
		ok               bool
	}{
		{"0.000001", "100000000000", false},
		{"0.009", "1000", false},
		{"0.01", "1000", false}, // 29,999,900 %
		{"1", "3333", true},     // 999,800 %
		{"1", "3334", false},    // 1,000,100 %
		{"1000", "-1000000000000", false},
		{"100000", "45400", true},
	} {
		f := Financial{Currency: "EUR", Investment: fxDec(c.investment), YearlyGain: fxDec(c.gain)}
		if r, ok := f.ROI(); ok != c.ok {
			t.Errorf("ROI(%s, %s) = %s, %v; want shown = %v", c.investment, c.gain, r, ok, c.ok)
		}
	}
	f := Financial{Currency: "EUR", Investment: fxDec("0.000001"), YearlyGain: fxDec("1000")}
	if m, ok := f.PaybackMonths(); ok {
		t.Errorf("payback of a millionth invested = %s months, want none", m)
	}
	p, c := northbridge()
	p.Financial = f
	v, err := Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(v.Markdown, "Return on investment") {
		t.Errorf("the finance variant shows an ROI for a millionth invested:\n%s", v.Markdown)
	}
}

func TestValidateDatesInRange(t *testing.T) {
	last := dossier.MaxDate
	for _, c := range []struct {
		name  string
		set   func(p *Proposal)
		field string
	}{
		{"issued after the range", func(p *Proposal) { p.Issued = last.AddDays(1) }, "issued"},
		{"issued before the range", func(p *Proposal) { p.Issued = dossier.NewDate(1899, 12, 31) }, "issued"},
		{"valid until after the range", func(p *Proposal) { p.ValidUntil = last.AddDays(1) }, "valid_until"},
		{"expiry after the range", func(p *Proposal) {
			p.Issued, p.ValidUntil, p.ValidDays = last.AddDays(-10), dossier.Date{}, 30
		}, "valid_days"},
		{"task due after the range", func(p *Proposal) {
			p.Tasks = []Task{{Kind: TaskReceipt, Status: TaskOpen, Due: dossier.NewDate(10000, 1, 3)}}
		}, "tasks.0.due"},
	} {
		p, _ := northbridge()
		c.set(p)
		if err := p.Validate(); dossier.ProblemsOf(err).For(c.field) == nil {
			t.Errorf("%s: Validate() = %v, want a problem with %s", c.name, err, c.field)
		}
	}
}

// Sending on a day whose follow-up calls would leave the range is refused:
// 9999-12-30 planned calls in the year 10000 that could not be read back.
func TestMarkSentKeepsFollowUpsInRange(t *testing.T) {
	for _, on := range []dossier.Date{dossier.NewDate(9999, 12, 30), dossier.MaxDate, dossier.NewDate(1899, 12, 29)} {
		p, _ := northbridge()
		if err := p.MarkSent(on, DefaultFollowUp()); !errors.Is(err, dossier.ErrDateRange) {
			t.Errorf("MarkSent(%s) = %v, want ErrDateRange", on, err)
		}
		if p.Status != Draft || len(p.Tasks) != 0 {
			t.Errorf("MarkSent(%s) changed the proposal: %s, %d tasks", on, p.Status, len(p.Tasks))
		}
	}
	p, _ := northbridge()
	p.Issued, p.ValidDays, p.ValidUntil = dossier.NewDate(2199, 12, 1), 20, dossier.Date{}
	if err := p.MarkSent(dossier.NewDate(2199, 12, 20), DefaultFollowUp()); err != nil {
		t.Fatalf("MarkSent(2199-12-20): %v", err)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("sent on 2199-12-20: %v", err)
	}
	if err := p.MoveTask(0, dossier.MaxDate.AddDays(1)); !errors.Is(err, dossier.ErrDateRange) {
		t.Errorf("MoveTask beyond the range = %v, want ErrDateRange", err)
	}
}

// TestValidateCurrencyChosen: a price line or a financial result without
// a currency asks for one to be chosen; one with a text that is no
// currency code says so.
func TestValidateCurrencyChosen(t *testing.T) {
	for _, c := range []struct {
		name, field, want string
		set               func(p *Proposal)
	}{
		{"line without currency", "pricing.0.currency", "choose a currency", func(p *Proposal) { p.Pricing[0].Currency = "" }},
		{"line in EURO", "pricing.0.currency", "is not a currency code such as EUR, GBP or USD", func(p *Proposal) { p.Pricing[0].Currency = "EURO" }},
		{"result without currency", "financial.currency", "choose a currency", func(p *Proposal) {
			p.Financial.Investment, p.Financial.Currency = fxDec("1000"), ""
		}},
	} {
		p, _ := northbridge()
		c.set(p)
		f := dossier.ProblemsOf(p.Validate()).For(c.field)
		if f == nil || f.Message != c.want {
			t.Errorf("%s: problem %v, want %q", c.name, f, c.want)
		}
	}
}
