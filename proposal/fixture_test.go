package proposal

import (
	"slices"
	"testing"

	"kamdesk/dossier"
)

// The fixture: Kestrel Site Systems proposes live site monitoring to
// Northbridge Build Group, an invented construction client. Every call
// builds fresh values, so a test may change them freely.

// fxDate and fxDec write fixture literals.
func fxDate(s string) dossier.Date { return dossier.MustDate(s) }

func fxDec(s string) Decimal { return MustDecimal(s) }

// Indexes of the fixture's proposal items.
const (
	itemCover = iota
	itemUnderstanding
	itemExclusive // a customised copy
	itemBenefits
	itemSiteVisit // written for this proposal
	itemReferences
	itemFigures
	itemSpec
	itemTerms
	itemTeam
	itemSupport
	itemTraining
)

func northbridgeAccount() dossier.Account {
	return dossier.Account{
		ID:          "northbridge",
		Name:        "Northbridge Build Group",
		Industry:    "Construction",
		Segment:     "UK commercial and infrastructure building",
		Tier:        dossier.TierKey,
		Criteria:    []dossier.Criterion{dossier.CriterionBrand, dossier.CriterionPotential},
		Strategy:    "grow infrastructure work to 40% of revenue by 2028",
		Goals:       "Cut rework costs by a quarter.\nZero lost-time incidents on every site.",
		Competitors: []string{"SiteLine Pro"},
	}
}

func northbridgePeople() []dossier.Person {
	return []dossier.Person{
		{ID: "p-whitfield", AccountID: "northbridge", Name: "Thomas Whitfield", Position: "Finance Director",
			Role: dossier.RoleApprover, Influence: dossier.InfluenceHigh, Type: dossier.Finance, Level: dossier.Opponent,
			Email: "t.whitfield@northbridge.example"},
		{ID: "p-raman", AccountID: "northbridge", Name: "Priya Raman", Position: "HR Director",
			Role: dossier.RoleInfluencer, Influence: dossier.InfluenceMedium, Type: dossier.HR, Level: dossier.Advocate},
		{ID: "p-okafor", AccountID: "northbridge", Name: "David Okafor", Position: "Chief Operating Officer",
			Role: dossier.RoleApprover, Influence: dossier.InfluenceHigh, Type: dossier.Executive, Level: dossier.Customer},
		{ID: "p-ellison", AccountID: "northbridge", Name: "Margaret Ellison", Position: "Chief Executive Officer",
			Role: dossier.RoleDecisionMaker, Influence: dossier.InfluenceHigh, Type: dossier.Executive, Level: dossier.Buyer,
			Email: "m.ellison@northbridge.example"},
		{ID: "p-novak", AccountID: "northbridge", Name: "Elena Novak", Position: "Head of Engineering",
			Role: dossier.RoleEvaluator, Influence: dossier.InfluenceMedium, Type: dossier.Technical, Level: dossier.Doubter},
		{ID: "p-carter", AccountID: "northbridge", Name: "Sam Carter", Position: "Procurement Manager",
			Role: dossier.RoleGatekeeper, Influence: dossier.InfluenceLow, Type: dossier.OtherType, Level: dossier.Customer},
	}
}

func kestrelTeam() []dossier.TeamMember {
	return []dossier.TeamMember{
		{ID: "raj", Name: "Raj Mehta", Position: "Solutions Engineer", Email: "raj.mehta@kestrel.example", Phone: "+44 20 7946 0102"},
		{ID: "olivia", Name: "Olivia Grant", Position: "Key Account Director", Email: "olivia.grant@kestrel.example", Phone: "+44 20 7946 0101"},
		{ID: "hannah", Name: "Hannah Brooks", Position: "Commercial Manager", Email: "hannah.brooks@kestrel.example"},
	}
}

func kestrelReferences() []dossier.Reference {
	return []dossier.Reference{
		{ID: "harbour", Client: "Harbour Point Developments", Project: "Riverside Quarter towers", Year: 2024,
			Result: "Handover six weeks early; 38% fewer safety incidents",
			Referee: dossier.Referee{Name: "Sarah Chen", Position: "Development Director",
				Contact: "s.chen@harbourpoint.example", Agreed: true}},
		{ID: "calder", Client: "Calder Rail Partners", Project: "Depot expansion, Leeds", Year: 2023,
			Result: "GBP 1.2m of rework avoided",
			Referee: dossier.Referee{Name: "James Whitaker", Position: "Project Director",
				Contact: "+44 113 496 0000", Agreed: true}},
		{ID: "fenwick", Client: "Fenwick Homes", Project: "Riverside housing estate", Year: 2022,
			Result: "12% shorter build cycle",
			Referee: dossier.Referee{Name: "Laura Finch", Position: "Operations Director",
				Contact: "laura.finch@fenwick.example", Agreed: false}},
	}
}

func kestrelLibrary() []Section {
	w := func(pairs ...any) Weights {
		out := Weights{}
		for i := 0; i < len(pairs); i += 2 {
			out[pairs[i].(Audience)] = pairs[i+1].(int)
		}
		return out
	}
	return []Section{
		{ID: "cover-letter", Title: "Dear reader", Kind: KindCover, Language: "en",
			Audiences: w(Executive, 100, HR, 100, Finance, 100, Technical, 100),
			Body: "Dear {{person.name}},\n\nThank you for the time your team gave us on the site visits. " +
				"This proposal sets out how {{account.name}} can run every site of its programme on one live picture of progress and safety."},
		{ID: "understanding-programme", Title: "Your programme", Kind: KindUnderstanding, Language: "en",
			Audiences: w(Executive, 90, Finance, 30),
			Body: "{{account.name}} is one of the leading groups in {{account.segment}}. " +
				"Your strategy is to {{account.strategy}}, and you have set yourselves clear goals:\n\n" +
				"{{account.goals}}\n\nEverything in this proposal serves those goals."},
		{ID: "exclusive-terms", Title: "Exclusive terms", Kind: KindUniqueness, Language: "en",
			Audiences: w(Executive, 100, Finance, 20),
			Body:      "- A named executive sponsor on our board\n- First access to new sensor models"},
		{ID: "benefits", Title: "What changes on site", Kind: KindBenefits, Language: "en",
			Audiences: w(Executive, 70, HR, 60, Finance, 50, Technical, 50),
			Body:      "- One live view of progress on every site\n- Safety risks caught before they become incidents\n- Rework found in days, not months"},
		{ID: "references-intro", Title: "Projects like yours", Kind: KindReferences, Language: "en",
			Audiences: w(HR, 100, Executive, 40),
			Body:      "We delivered similar programmes for leading developers and contractors. The people below know our work first-hand."},
		{ID: "figures-payback", Title: "Figures and payback", Kind: KindFigures, Language: "en",
			Audiences: w(Finance, 100, Technical, 60, Executive, 50),
			Body: "On comparable programmes our clients cut rework by 18–25% in the first year. " +
				"For {{account.name}} this means a payback in {{financial.payback_months}} months " +
				"and a return on investment of {{financial.roi}} over {{financial.years}} years."},
		{ID: "spec-platform", Title: "Technical specification", Kind: KindSpecification, Language: "en",
			Audiences: w(Technical, 100, Finance, 30),
			Body: "| Component | Specification |\n| --- | --- |\n| Sensors | LoRaWAN, IP67, five-year battery |\n" +
				"| Platform | UK hosting, ISO 27001 |\n| Integrations | BIM 360, Procore, Power BI |"},
		{ID: "commercial-terms", Title: "Commercial terms", Kind: KindPricing, Language: "en",
			Audiences: w(Finance, 90, Technical, 40, Executive, 30),
			Body:      "The net total of {{pricing.total}} is payable in four quarterly instalments. Prices hold until {{valid_until}}."},
		{ID: "project-team", Title: "Your project team", Kind: KindTeam, Language: "en",
			Audiences: w(HR, 80, Technical, 50),
			Body: "A dedicated team runs the roll-out with your site managers. " +
				"{{author.name}}, {{author.position}}, is your single point of contact: {{author.email}}."},
		{ID: "support", Title: "Service levels and support", Kind: KindTerms, Language: "en",
			Audiences: w(Technical, 70, Finance, 40, HR, 20),
			Body:      "- 99.9% platform availability\n- Four-hour on-site response for critical sensors  \n  (including weekends)\n- UK support desk on working days"},
		{ID: "training", Title: "Training and change management", Kind: KindOther, Language: "en",
			Audiences: w(HR, 90, Technical, 40),
			Body:      "Every site manager gets two half-day workshops, and we train your trainers so the knowledge stays with {{account.name}}."},
		{ID: "fallstudie", Title: "Fallstudie Hafenstadt", Kind: KindReferences, Language: "de",
			Audiences: w(HR, 50),
			Body:      "Ein ähnliches Projekt für einen großen Bauträger."},
	}
}

// northbridge returns the fixture proposal and its context: ready to send,
// with no findings.
func northbridge() (*Proposal, *Context) {
	p := &Proposal{
		ID:        "northbridge-2026",
		AccountID: "northbridge",
		Title:     "Live site monitoring for the 2026 programme",
		Language:  "en",
		Author:    "olivia",
		Items: []Item{
			itemCover:         {SectionID: "cover-letter"},
			itemUnderstanding: {SectionID: "understanding-programme"},
			itemExclusive: {SectionID: "exclusive-terms", Custom: true, Title: "Exclusive terms for Northbridge",
				Kind: KindUniqueness, Audiences: Weights{Executive: 100, Finance: 20},
				Body: "As a key partner, {{account.name}} receives terms we offer no other contractor:\n\n" +
					"- A named executive sponsor on our board for the whole programme\n" +
					"- First access to new sensor models, six months before general release\n" +
					"- Prices fixed for three years"},
			itemBenefits: {SectionID: "benefits"},
			itemSiteVisit: {Title: "Site visit programme", Kind: KindOther,
				Audiences: Weights{Executive: 60, HR: 40, Technical: 60},
				Body:      "Before the roll-out we walk three live sites with your site managers and agree the sensor plan for each."},
			itemReferences: {SectionID: "references-intro"},
			itemFigures:    {SectionID: "figures-payback"},
			itemSpec:       {SectionID: "spec-platform"},
			itemTerms:      {SectionID: "commercial-terms"},
			itemTeam:       {SectionID: "project-team"},
			itemSupport:    {SectionID: "support"},
			itemTraining:   {SectionID: "training"},
		},
		Pricing: []Line{
			{Description: "Platform licence, per site and year", Quantity: fxDec("12"), Unit: "site-year",
				UnitPrice: fxDec("4800"), Discount: fxDec("12.5"), Currency: "GBP"},
			{Description: "Sensor kit", Quantity: fxDec("40"), Unit: "kit", UnitPrice: fxDec("850"), Currency: "GBP"},
			{Description: "Installation and commissioning", Quantity: fxDec("18"), Unit: "day", UnitPrice: fxDec("1150"), Currency: "GBP"},
			{Description: "Site manager workshops", Quantity: fxDec("6"), Unit: "workshop", UnitPrice: fxDec("975"), Currency: "GBP"},
		},
		Financial: Financial{Currency: "GBP", Investment: fxDec("110950"), YearlyGain: fxDec("92000"), Years: 3,
			Note: "Based on Northbridge's 2025 rework and incident costs across 12 sites."},
		References: []string{"harbour", "fenwick", "calder"},
		Credits: []Credit{
			{MemberID: "raj", Role: "Technical design"},
			{MemberID: "olivia", Role: "Lead and commercial terms"},
			{MemberID: "hannah", Role: "Pricing"},
		},
		Issued:    fxDate("2026-03-02"),
		ValidDays: 30,
		Status:    Draft,
	}
	c := &Context{
		Account:    northbridgeAccount(),
		People:     northbridgePeople(),
		Team:       kestrelTeam(),
		References: kestrelReferences(),
		Library:    kestrelLibrary(),
		Today:      fxDate("2026-03-02"),
	}
	return p, c
}

// Helpers for changing the fixture.

func fxPerson(t *testing.T, c *Context, id string) *dossier.Person {
	t.Helper()
	for i := range c.People {
		if c.People[i].ID == id {
			return &c.People[i]
		}
	}
	t.Fatalf("no person %q in the fixture", id)
	return nil
}

func fxSection(t *testing.T, c *Context, id string) *Section {
	t.Helper()
	s, ok := c.section(id)
	if !ok {
		t.Fatalf("no section %q in the fixture", id)
	}
	return s
}

func fxMember(t *testing.T, c *Context, id string) *dossier.TeamMember {
	t.Helper()
	m, ok := c.member(id)
	if !ok {
		t.Fatalf("no team member %q in the fixture", id)
	}
	return m
}

// withoutPeopleOf removes the people of type s.
func withoutPeopleOf(c *Context, s dossier.StakeholderType) {
	c.People = slices.DeleteFunc(c.People, func(p dossier.Person) bool { return p.Type == s })
}

// dropAudience stops every section and item from serving a.
func dropAudience(p *Proposal, c *Context, a Audience) {
	for i := range c.Library {
		delete(c.Library[i].Audiences, a)
	}
	for i := range p.Items {
		delete(p.Items[i].Audiences, a)
	}
}

// withoutItems removes the items whose kind (as assembled) is one of kinds.
func withoutItems(p *Proposal, c *Context, kinds ...Kind) {
	ps, _ := itemParts(p, c)
	drop := map[int]bool{}
	for _, pt := range ps {
		if slices.Contains(kinds, pt.kind) {
			drop[pt.index] = true
		}
	}
	var kept []Item
	for i, it := range p.Items {
		if !drop[i] {
			kept = append(kept, it)
		}
	}
	p.Items = kept
}
