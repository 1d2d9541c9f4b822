package proposal

import (
	"slices"
	"strings"
	"testing"

	"kamdesk/dossier"
)

func describeFindings(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  " + string(f.Severity) + " " + f.Code + " [" + string(f.Audience) + "] " + f.Text())
	}
	return b.String()
}

func TestCheckFixtureIsReady(t *testing.T) {
	p, c := northbridge()
	if fs := Check(p, c); len(fs) != 0 {
		t.Errorf("Check(fixture) = %d findings, want none:%s", len(fs), describeFindings(fs))
	}
}

// findingCase is a way to break the fixture that Check reports, and its
// fix.
type findingCase struct {
	name     string
	code     string
	severity Severity
	audience Audience
	place    Place
	text     string // a part of the English text
	breakIt  func(t *testing.T, p *Proposal, c *Context)
	fix      func(t *testing.T, p *Proposal, c *Context)
}

// findingCases are the findings of the readiness check, one case each.
func findingCases() []findingCase {
	return []findingCase{
		{
			name: "no expiry", code: "no-expiry", severity: SeverityBlocking, place: Place{Area: AreaValidity, Item: -1},
			text:    "no expiry date",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.ValidDays = 0 },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.ValidUntil = fxDate("2026-04-30") },
		},
		{
			name: "expired", code: "expired", severity: SeverityBlocking, place: Place{Area: AreaValidity, Item: -1},
			text:    "expired on 2026-04-01",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { c.Today = fxDate("2026-04-02") },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.ValidUntil = fxDate("2026-05-31") },
		},
		{
			name: "expiring soon", code: "expiring-soon", severity: SeverityWarning, place: Place{Area: AreaValidity, Item: -1},
			text:    "expires on 2026-04-01, in 5 days",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { c.Today = fxDate("2026-03-27") },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.ValidDays = 60 },
		},
		{
			name: "expiring today", code: "expiring-soon", severity: SeverityWarning, place: Place{Area: AreaValidity, Item: -1},
			text:    "in 0 days",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { c.Today = fxDate("2026-04-01") },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.ValidDays = 60 },
		},
		{
			name: "no credits", code: "no-credits", severity: SeverityBlocking, place: Place{Area: AreaCredits, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Credits = nil },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.Credits = []Credit{{MemberID: "olivia"}} },
		},
		{
			name: "credit without contact", code: "credit-without-contact", severity: SeverityBlocking,
			place: Place{Area: AreaCredits, Item: -1}, text: "Hannah Brooks is credited without",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { fxMember(t, c, "hannah").Email = "" },
			fix:     func(t *testing.T, p *Proposal, c *Context) { fxMember(t, c, "hannah").Phone = "+44 20 7946 0103" },
		},
		{
			name: "missing team member", code: "missing-team-member", severity: SeverityBlocking,
			place: Place{Area: AreaCredits, Item: -1}, text: "(ghost)",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Credits = append(p.Credits, Credit{MemberID: "ghost"}) },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.Credits = p.Credits[:len(p.Credits)-1] },
		},
		{
			name: "no sections", code: "no-sections", severity: SeverityBlocking, place: Place{Area: AreaSections, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Items = nil },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.Items = []Item{{SectionID: "benefits"}} },
		},
		{
			name: "missing section", code: "missing-section", severity: SeverityBlocking,
			place: Place{Area: AreaSection, Item: itemSupport}, text: "support",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				c.Library = slices.DeleteFunc(c.Library, func(s Section) bool { return s.ID == "support" })
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemSupport] = Item{Title: "Support", Kind: KindTerms, Audiences: Weights{Technical: 70}, Body: "UK support desk."}
			},
		},
		{
			name: "unknown placeholder", code: "unknown-placeholder", severity: SeverityBlocking,
			place: Place{Area: AreaSection, Item: itemSiteVisit}, text: "“Site visit programme” uses unknown placeholders: {{account.ceo}}",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemSiteVisit].Body = "We walk the sites with {{account.ceo}}."
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemSiteVisit].Body = "We walk the sites with {{account.name}}."
			},
		},
		{
			name: "language mismatch", code: "language-mismatch", severity: SeverityWarning,
			place: Place{Area: AreaSection, Item: itemTraining + 1}, text: "written in de, the proposal in en",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Items = append(p.Items, Item{SectionID: "fallstudie"}) },
			fix: func(t *testing.T, p *Proposal, c *Context) {
				s := fxSection(t, c, "fallstudie")
				p.Items[itemTraining+1] = Item{SectionID: s.ID, Custom: true, Title: "Case study: Harbour Point",
					Kind: s.Kind, Audiences: s.Audiences, Body: "A similar project for a large developer."}
			},
		},
		{
			name: "missing reference", code: "missing-reference", severity: SeverityWarning,
			place: Place{Area: AreaReferences, Item: -1}, text: "(gone)",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.References = append(p.References, "gone") },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.References = p.References[:len(p.References)-1] },
		},
		{
			name: "empty pricing line", code: "empty-pricing-line", severity: SeverityWarning,
			place: Place{Area: AreaPricing, Item: 3}, text: "“Site manager workshops”",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Pricing[3].Quantity = Decimal{}
				p.Financial.Investment = fxDec("105100") // keep the totals matching
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Pricing[3].Quantity = fxDec("6")
				p.Financial.Investment = fxDec("110950")
			},
		},
		{
			name: "zero unit price", code: "empty-pricing-line", severity: SeverityWarning,
			place:   Place{Area: AreaPricing, Item: 1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Pricing[1].UnitPrice = Decimal{} },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.Pricing = slices.Delete(p.Pricing, 1, 2) },
		},
		{
			name: "mixed currencies", code: "mixed-currencies", severity: SeverityWarning,
			place: Place{Area: AreaPricing, Item: -1}, text: "(GBP, EUR)",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Pricing[3].Currency = "EUR" },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.Pricing[3].Currency = "GBP" },
		},
		{
			name: "pricing mismatch", code: "pricing-mismatch", severity: SeverityWarning,
			place:   Place{Area: AreaFinancial, Item: -1},
			text:    "The investment in the financial result (GBP 100,000.00) differs from the pricing total (GBP 110,950.00).",
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.Financial.Investment = fxDec("100000") },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.Financial.Investment = fxDec("110950.00") },
		},
		{
			name: "no figures for finance", code: "no-figures", severity: SeverityBlocking, audience: Finance,
			place: Place{Area: AreaFinancial, Item: -1}, text: "The Finance variant has no facts and figures",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Pricing, p.Financial = nil, Financial{}
				withoutItems(p, c, KindFigures, KindSpecification, KindPricing)
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Financial = Financial{Currency: "GBP", Investment: fxDec("110950"), YearlyGain: fxDec("92000")}
			},
		},
		{
			name: "no figures for technical", code: "no-figures", severity: SeverityBlocking, audience: Technical,
			place: Place{Area: AreaFinancial, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Pricing, p.Financial = nil, Financial{}
				withoutItems(p, c, KindFigures, KindSpecification, KindPricing)
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Items = append(p.Items, Item{SectionID: "spec-platform"})
			},
		},
		{
			name: "no references", code: "no-references", severity: SeverityBlocking, audience: HR,
			place:   Place{Area: AreaReferences, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.References = nil },
			fix:     func(t *testing.T, p *Proposal, c *Context) { p.References = []string{"harbour"} },
		},
		{
			name: "references without consent", code: "references-without-consent", severity: SeverityWarning, audience: HR,
			place:   Place{Area: AreaReferences, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) { p.References = []string{"fenwick"} },
			fix:     func(t *testing.T, p *Proposal, c *Context) { c.References[2].Referee.Agreed = true },
		},
		{
			name: "executive without exclusivity nor understanding", code: "executive-without-exclusivity",
			severity: SeverityBlocking, audience: Executive, place: Place{Area: AreaSections, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				withoutItems(p, c, KindUniqueness, KindUnderstanding)
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Items = append(p.Items, Item{SectionID: "exclusive-terms"})
			},
		},
		{
			name: "executive without exclusivity", code: "executive-without-exclusivity",
			severity: SeverityWarning, audience: Executive, place: Place{Area: AreaSections, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemExclusive].Audiences = Weights{Finance: 20}
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemExclusive].Audiences[Executive] = 5
			},
		},
		{
			name: "executive without understanding", code: "executive-without-understanding",
			severity: SeverityWarning, audience: Executive, place: Place{Area: AreaSections, Item: -1},
			breakIt: func(t *testing.T, p *Proposal, c *Context) { withoutItems(p, c, KindUnderstanding) },
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Items = append(p.Items, Item{Title: "Your standing", Kind: KindUnderstanding,
					Audiences: Weights{Executive: 80}, Body: "{{account.name}} leads its market."})
			},
		},
		{
			name: "low level without facts", code: "low-level-without-facts", severity: SeverityWarning, audience: HR,
			place: Place{Area: AreaSections, Item: -1, PersonID: "p-raman"},
			text:  "Priya Raman (Doubter) reads the HR variant, which has no facts and figures.",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				fxPerson(t, c, "p-raman").Level = dossier.Doubter
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				fxSection(t, c, "figures-payback").Audiences[HR] = 30
			},
		},
		{
			name: "opponent in finance without facts", code: "low-level-without-facts", severity: SeverityWarning,
			audience: Finance, place: Place{Area: AreaSections, Item: -1, PersonID: "p-whitfield"},
			text: "Thomas Whitfield (Opponent)",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Pricing, p.Financial = nil, Financial{}
				withoutItems(p, c, KindFigures, KindSpecification, KindPricing)
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Pricing = []Line{{Description: "Licence", Quantity: fxDec("1"), UnitPrice: fxDec("1000"), Currency: "GBP"}}
			},
		},
		{
			name: "decision maker of type other", code: "decision-maker-unreached", severity: SeverityBlocking,
			place: Place{Area: AreaDossier, Item: -1, PersonID: "p-ellison"},
			text:  "The decision maker Margaret Ellison is reached by no tailored variant: their stakeholder type is Other.",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				fxPerson(t, c, "p-ellison").Type = dossier.OtherType
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				fxPerson(t, c, "p-ellison").Type = dossier.Executive
			},
		},
		{
			name: "decision maker whose variant is empty", code: "decision-maker-unreached", severity: SeverityBlocking,
			place: Place{Area: AreaDossier, Item: -1, PersonID: "p-novak"},
			text:  "the Technical variant has no sections",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				fxPerson(t, c, "p-novak").Role = dossier.RoleDecisionMaker
				dropAudience(p, c, Technical)
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				fxSection(t, c, "spec-platform").Audiences[Technical] = 100
			},
		},
		{
			name: "unresolved placeholder", code: "unresolved-placeholder", severity: SeverityBlocking, audience: Executive,
			place: Place{Area: AreaSection, Item: itemUnderstanding},
			text:  "The placeholder {{account.segment}} has no value in the Executive variant (section “Your programme”).",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				c.Account.Segment = ""
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				c.Account.Segment = "UK construction"
			},
		},
		{
			name: "unresolved placeholder in own section", code: "unresolved-placeholder", severity: SeverityBlocking,
			audience: Technical, place: Place{Area: AreaSection, Item: itemSiteVisit}, text: "{{account.competitors}}",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemSiteVisit].Body = "Unlike {{account.competitors}}, we come on site."
				c.Account.Competitors = nil
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				c.Account.Competitors = []string{"SiteLine Pro"}
			},
		},
		{
			// the value is filled in on the Financial result tab, not in the section
			name: "unresolved financial placeholder", code: "unresolved-placeholder", severity: SeverityBlocking,
			audience: Technical, place: placeAt(AreaFinancial), text: "{{financial.",
			breakIt: func(t *testing.T, p *Proposal, c *Context) {
				p.Items[itemSiteVisit].Body = "It saves {{financial.yearly_gain}} a year."
				p.Financial.YearlyGain = Decimal{}
			},
			fix: func(t *testing.T, p *Proposal, c *Context) {
				p.Financial.YearlyGain = MustDecimal("120000")
			},
		},
	}
}

// TestCheckFindings breaks the ready fixture one way at a time, expects
// the finding, then fixes it and expects the finding gone.
func TestCheckFindings(t *testing.T) {
	tests := findingCases()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, c := northbridge()
			tt.breakIt(t, p, c)
			fs := Check(p, c)
			i := slices.IndexFunc(fs, func(f Finding) bool {
				return f.Code == tt.code && f.Audience == tt.audience && f.Severity == tt.severity && f.Place == tt.place
			})
			if i < 0 {
				t.Fatalf("Check() lacks %s %s [%s] at %+v; got:%s", tt.severity, tt.code, tt.audience, tt.place, describeFindings(fs))
			}
			f := fs[i]
			if f.Message == "" || f.Fix == "" {
				t.Errorf("finding %s has message %q and fix %q, want both", f.Code, f.Message, f.Fix)
			}
			if strings.Contains(f.Text(), "{{.") || strings.Contains(f.Text(), "<no value>") {
				t.Errorf("finding %s text %q has unfilled parameters", f.Code, f.Text())
			}
			if !strings.Contains(f.Text(), tt.text) {
				t.Errorf("finding %s text = %q, want it to contain %q", f.Code, f.Text(), tt.text)
			}
			tt.fix(t, p, c)
			fs = Check(p, c)
			for _, f := range fs {
				if f.Code == tt.code && f.Audience == tt.audience && f.Place == tt.place {
					t.Errorf("after the fix Check() still reports %s %s: %s", f.Severity, f.Code, f.Text())
				}
			}
		})
	}
}

func TestCheckValidityNotForClosedProposals(t *testing.T) {
	for _, s := range []Status{Won, Lost} {
		p, c := northbridge()
		p.Status, p.Sent, p.Closed = s, fxDate("2026-03-03"), fxDate("2026-03-20")
		c.Today = fxDate("2026-06-01")
		for _, f := range Check(p, c) {
			if f.Place.Area == AreaValidity {
				t.Errorf("%s proposal: Check() reports %s %s", s, f.Severity, f.Code)
			}
		}
		p.ValidDays = 0
		for _, f := range Check(p, c) {
			if f.Place.Area == AreaValidity {
				t.Errorf("%s proposal without expiry: Check() reports %s %s", s, f.Severity, f.Code)
			}
		}
	}
	// A sent proposal past its expiry is expired.
	p, c := northbridge()
	p.Status, p.Sent = Sent, fxDate("2026-03-03")
	c.Today = fxDate("2026-06-01")
	if fs := Check(p, c); !slices.ContainsFunc(fs, func(f Finding) bool { return f.Code == "expired" }) {
		t.Errorf("sent and expired: Check() lacks expired:%s", describeFindings(fs))
	}
}

func TestCheckSkipsVariantsWithoutReaders(t *testing.T) {
	p, c := northbridge()
	withoutPeopleOf(c, dossier.HR)
	withoutPeopleOf(c, dossier.Technical)
	p.References = nil
	p.Pricing, p.Financial = nil, Financial{}
	withoutItems(p, c, KindFigures, KindSpecification, KindPricing)
	fs := Check(p, c)
	for _, f := range fs {
		if f.Audience == HR || f.Audience == Technical {
			t.Errorf("Check() reports %s %s for %s, which nobody in the dossier reads", f.Severity, f.Code, f.Audience)
		}
	}
	if !slices.ContainsFunc(fs, func(f Finding) bool { return f.Code == "no-figures" && f.Audience == Finance }) {
		t.Errorf("Check() lacks no-figures for finance:%s", describeFindings(fs))
	}
}

func TestCheckRefereesNeverNamed(t *testing.T) {
	p, c := northbridge()
	p.References = []string{"fenwick"}
	for _, f := range Check(p, c) {
		if strings.Contains(f.Text(), "Laura Finch") || strings.Contains(f.Fix, "Laura Finch") {
			t.Errorf("finding %s names the referee who did not agree: %s", f.Code, f.Text())
		}
	}
}

func TestCheckOrder(t *testing.T) {
	p, c := northbridge()
	p.Credits = nil                                         // blocking, whole proposal
	p.Financial.Investment = fxDec("250000")                // warning, whole proposal
	p.References = []string{"fenwick"}                      // warning, HR
	c.Account.Segment = ""                                  // blocking, executive, finance, all
	fxPerson(t, c, "p-ellison").Type = dossier.OtherType    // blocking, whole proposal
	p.Items[itemExclusive].Audiences = Weights{Finance: 20} // warning, executive
	fs := Check(p, c)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Severity)+" "+string(f.Audience)+" "+f.Code)
	}
	want := []string{
		"blocking  decision-maker-unreached",
		"blocking  no-credits",
		"blocking executive unresolved-placeholder",
		"blocking finance unresolved-placeholder",
		"blocking all unresolved-placeholder",
		"warning  pricing-mismatch",
		"warning executive executive-without-exclusivity",
		"warning hr references-without-consent",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check() order:\n got %q\nwant %q", got, want)
	}
	if n := Blocking(fs); n != 5 {
		t.Errorf("Blocking() = %d, want 5", n)
	}
}

func TestFindingText(t *testing.T) {
	f := Finding{Message: "{{.Name}} ({{.Level}}) reads it", Data: map[string]any{"Name": "A {{.B}}", "Level": "Doubter"}}
	if got := f.Text(); got != "A {{.B}} (Doubter) reads it" {
		t.Errorf("Text() = %q", got)
	}
	if got := (Finding{Message: "plain"}).Text(); got != "plain" {
		t.Errorf("Text() = %q", got)
	}
	if got := (Finding{Message: "broken {{.X"}).Text(); got != "broken {{.X" {
		t.Errorf("Text() of a broken template = %q", got)
	}
}
