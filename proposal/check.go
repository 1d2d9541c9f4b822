package proposal

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"kamdesk/dossier"
)

// Severity says whether a finding stops the proposal from being sent.
type Severity string

// Severities.
const (
	SeverityBlocking Severity = "blocking" // fix before sending
	SeverityWarning  Severity = "warning"  // worth a look
)

// Areas of the proposal editor a finding points to (Place.Area).
const (
	AreaValidity   = "validity"
	AreaCredits    = "credits"
	AreaSections   = "sections" // the list of sections
	AreaSection    = "section"  // one section: Place.Item
	AreaPricing    = "pricing"  // the pricing table, Place.Item a line or -1
	AreaFinancial  = "financial"
	AreaReferences = "references"
	AreaDossier    = "dossier" // a person of the dossier: Place.PersonID
)

// Place is where the user interface should jump to fix a finding.
type Place struct {
	Area string
	// Item is the section item index for AreaSection, the pricing line
	// index for AreaPricing, else -1.
	Item     int
	PersonID string
}

// Finding is one thing the readiness check found.
type Finding struct {
	Severity Severity
	Code     string   // stable kebab-case code, e.g. "no-expiry"
	Audience Audience // the variant concerned, "" for the whole proposal
	// Message is an English source string with text/template parameters
	// ({{.Name}}) filled from Data, for translation.
	Message string
	Fix     string // English hint on how to fix it
	Data    map[string]any
	Place   Place
}

// Text returns the message with its parameters filled in, in English.
func (f Finding) Text() string { return dossier.Fill(f.Message, f.Data) }

// Blocking counts the blocking findings of fs.
func Blocking(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == SeverityBlocking {
			n++
		}
	}
	return n
}

// ExpiringSoonDays is how many days before its expiry a proposal is
// flagged as expiring soon.
const ExpiringSoonDays = 7

// Check reports what stands between p and a proposal a demanding key
// account manager would send: its validity, credits, sections and their
// placeholders, references, pricing, and for each variant that has
// readers in the dossier whether it speaks to them as their stakeholder
// type needs. Findings come blocking first, then by audience (the whole
// proposal, then the order of Variants), then by code.
func Check(p *Proposal, c *Context) []Finding {
	ck := &checker{p: p, c: c, variants: Variants}
	return ck.run()
}

// run runs the checks of the proposal as a whole and of ck.variants, and
// sorts the findings.
func (ck *checker) run() []Finding {
	ck.validity()
	ck.credits()
	ck.language()
	ck.sections()
	ck.pricing()
	ck.checkVariants()
	fs := ck.fs
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if x := cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)); x != 0 {
			return x
		}
		if x := cmp.Compare(audienceRank(a.Audience), audienceRank(b.Audience)); x != 0 {
			return x
		}
		if x := strings.Compare(a.Code, b.Code); x != 0 {
			return x
		}
		if x := cmp.Compare(a.Place.Item, b.Place.Item); x != 0 {
			return x
		}
		if x := strings.Compare(a.Place.PersonID, b.Place.PersonID); x != 0 {
			return x
		}
		return strings.Compare(a.Text(), b.Text())
	})
	return fs
}

func severityRank(s Severity) int {
	if s == SeverityBlocking {
		return 0
	}
	return 1
}

func audienceRank(a Audience) int {
	if a == "" {
		return -1
	}
	if i := slices.Index(Variants, a); i >= 0 {
		return i
	}
	return len(Variants)
}

type checker struct {
	p  *Proposal
	c  *Context
	fs []Finding
	// variants are the variants to check, each assembled once into asm;
	// with text, with their Markdown (Prepare).
	variants []Audience
	text     bool
	asm      map[Audience]*assembly
	scripted map[string]bool // placeholders found in another script
}

func (ck *checker) add(sev Severity, code string, a Audience, place Place, msg, fix string, data map[string]any) {
	ck.fs = append(ck.fs, Finding{Severity: sev, Code: code, Audience: a, Message: msg, Fix: fix, Data: data, Place: place})
}

func placeAt(area string) Place { return Place{Area: area, Item: -1} }

func (ck *checker) validity() {
	p := ck.p
	if p.Status.Closed() {
		return // the outcome is known: validity no longer matters
	}
	e := p.Expiry()
	switch {
	case e.IsZero():
		ck.add(SeverityBlocking, "no-expiry", "", placeAt(AreaValidity),
			"The proposal has no expiry date.",
			"Set the issue date and the validity in days, or a valid-until date: validity is the guarantee that the conditions hold for a stated period.",
			nil)
	case e.Before(ck.c.Today):
		ck.add(SeverityBlocking, "expired", "", placeAt(AreaValidity),
			"The proposal expired on {{.Date}}.",
			"Set a new validity (and check the prices still hold) before sending it again.",
			map[string]any{"Date": e})
	case ck.c.Today.DaysUntil(e) <= ExpiringSoonDays:
		ck.add(SeverityWarning, "expiring-soon", "", placeAt(AreaValidity),
			"The proposal expires on {{.Date}}, in {{.Days}} days.",
			"Extend the validity if the client needs more time to consider it.",
			map[string]any{"Date": e, "Days": ck.c.Today.DaysUntil(e)})
	}
}

func (ck *checker) credits() {
	if len(ck.p.Credits) == 0 {
		ck.add(SeverityBlocking, "no-credits", "", placeAt(AreaCredits),
			"Nobody is credited for preparing the proposal.",
			"Credit the team members who prepared it: names, positions and contacts give the proposal weight and show the client a working project team.",
			nil)
		return
	}
	for _, cr := range ck.p.Credits {
		m, ok := ck.c.member(cr.MemberID)
		switch {
		case !ok:
			ck.add(SeverityBlocking, "missing-team-member", "", placeAt(AreaCredits),
				"A credited team member ({{.ID}}) no longer exists.",
				"Remove the credit or credit another team member.",
				map[string]any{"ID": cr.MemberID})
		case !m.Reachable():
			ck.add(SeverityBlocking, "credit-without-contact", "", placeAt(AreaCredits),
				"{{.Name}} is credited without an e-mail address or a phone number.",
				"Add an e-mail address or a phone number to the team member: the client must be able to contact everyone credited.",
				map[string]any{"Name": m.Name, "ID": m.ID})
		}
	}
}

func (ck *checker) sections() {
	p, c := ck.p, ck.c
	if len(p.Items) == 0 {
		ck.add(SeverityBlocking, "no-sections", "", placeAt(AreaSections),
			"The proposal has no sections.",
			"Add sections from the library or write your own.",
			nil)
	}
	for i, it := range p.Items {
		place := Place{Area: AreaSection, Item: i}
		title, body := it.Title, it.Body
		if !it.Own() {
			s, ok := c.section(it.SectionID)
			if !ok {
				ck.add(SeverityBlocking, "missing-section", "", place,
					"The library section {{.ID}} of this proposal no longer exists.",
					"Remove the section from the proposal or replace it with another library section.",
					map[string]any{"ID": it.SectionID})
				continue
			}
			title, body = s.Title, s.Body
			if s.Language != "" && p.Language != "" && !strings.EqualFold(s.Language, p.Language) {
				ck.add(SeverityWarning, "language-mismatch", "", place,
					"The section “{{.Section}}” is written in {{.Language}}, the proposal in {{.ProposalLanguage}}.",
					"Use a library section in the proposal's language, or make a custom copy and translate it.",
					map[string]any{"Section": s.Title, "Language": s.Language, "ProposalLanguage": p.Language})
			}
		}
		if err := CheckPlaceholders(body); err != nil {
			var names []string
			var u *UnknownPlaceholderError
			if errors.As(err, &u) {
				for _, n := range u.Names {
					names = append(names, describe(n))
				}
			}
			ck.add(SeverityBlocking, "unknown-placeholder", "", place,
				"The section “{{.Section}}” uses unknown placeholders: {{.Placeholders}}.",
				"Correct the placeholder names (the section editor lists the available ones), or write \\{{ for a literal \"{{\".",
				map[string]any{"Section": title, "Placeholders": strings.Join(names, ", ")})
		}
	}
	for _, id := range p.References {
		if _, ok := c.reference(id); !ok {
			ck.add(SeverityWarning, "missing-reference", "", placeAt(AreaReferences),
				"A reference of the proposal ({{.ID}}) no longer exists.",
				"Remove it from the proposal or choose another reference.",
				map[string]any{"ID": id})
		}
	}
}

func (ck *checker) pricing() {
	p := ck.p
	for i, l := range p.Pricing {
		if l.Quantity.IsZero() || l.UnitPrice.IsZero() {
			ck.add(SeverityWarning, "empty-pricing-line", "", Place{Area: AreaPricing, Item: i},
				"The pricing line “{{.Description}}” has no quantity or no unit price.",
				"Enter the quantity and the unit price, or remove the line.",
				map[string]any{"Description": l.Description})
		}
	}
	totals := Totals(p.Pricing)
	if len(totals) > 1 {
		var curs []string
		for _, t := range totals {
			curs = append(curs, t.Currency)
		}
		ck.add(SeverityWarning, "mixed-currencies", "", placeAt(AreaPricing),
			"The pricing table mixes currencies ({{.Currencies}}), so it has no single total.",
			"Price every line in one currency, unless the mix is intended.",
			map[string]any{"Currencies": strings.Join(curs, ", ")})
	}
	f := p.Financial
	if f.Investment.IsZero() {
		return
	}
	for _, t := range totals {
		if t.Currency == f.Currency && !t.Net.Equal(f.Investment) {
			ck.add(SeverityWarning, "pricing-mismatch", "", placeAt(AreaFinancial),
				"The investment in the financial result ({{.Investment}}) differs from the pricing total ({{.Total}}).",
				"Make the investment match the net total of the pricing table, or explain the difference in the note of the financial result.",
				map[string]any{"Investment": formatMoney(f.Currency, f.Investment), "Total": formatMoney(t.Currency, t.Net)})
		}
	}
}

// variants checks each variant that has readers: the tailored ones whose
// audience has people in the dossier, and the whole group.
func (ck *checker) checkVariants() {
	p, c := ck.p, ck.c
	ck.asm = map[Audience]*assembly{}
	for _, a := range ck.variants {
		ck.asm[a] = assemble(p, c, a, ck.text)
	}
	for _, a := range ck.variants {
		as := ck.asm[a]
		if a != All && len(as.v.Addressees) == 0 {
			continue
		}
		label := a.Label()
		switch a {
		case Finance, Technical:
			if len(p.Pricing) == 0 && p.Financial.IsZero() && !as.facts {
				ck.add(SeverityBlocking, "no-figures", a, placeAt(AreaFinancial),
					"The {{.Audience}} variant has no facts and figures: no pricing, no financial result and no figures or specification section.",
					"Add pricing lines, a financial result (investment, yearly gain) or a figures or specification section weighted for these readers.",
					map[string]any{"Audience": label})
			}
		case HR:
			switch {
			case len(as.refs) == 0:
				ck.add(SeverityBlocking, "no-references", a, placeAt(AreaReferences),
					"The HR variant cites no references.",
					"Add references: similar projects delivered for significant companies, with people who will recommend you.",
					map[string]any{"Audience": label})
			case !slices.ContainsFunc(as.refs, func(r dossier.Reference) bool { return r.Recommends() }):
				ck.add(SeverityWarning, "references-without-consent", a, placeAt(AreaReferences),
					"No referee of the references agreed to be contacted, so the HR variant names nobody who will recommend you.",
					"Ask a referee for permission to pass on their contact and record it in the reference, or add a reference whose referee agreed.",
					map[string]any{"Audience": label})
			}
		case Executive:
			uniq, under := as.kinds[KindUniqueness], as.kinds[KindUnderstanding]
			switch {
			case !uniq && !under:
				ck.add(SeverityBlocking, "executive-without-exclusivity", a, placeAt(AreaSections),
					"The executive variant neither stresses exclusivity and uniqueness nor shows an understanding of the client's business.",
					"Add sections of kind uniqueness and understanding weighted for executives.",
					map[string]any{"Audience": label})
			case !uniq:
				ck.add(SeverityWarning, "executive-without-exclusivity", a, placeAt(AreaSections),
					"The executive variant does not stress exclusivity and uniqueness.",
					"Add a section of kind uniqueness weighted for executives: exclusive terms and status.",
					map[string]any{"Audience": label})
			case !under:
				ck.add(SeverityWarning, "executive-without-understanding", a, placeAt(AreaSections),
					"The executive variant does not show an understanding of the client's business.",
					"Add a section of kind understanding weighted for executives: the client's standing and the specifics of its business.",
					map[string]any{"Audience": label})
			}
		}
		ck.unresolved(as)
		ck.otherScript(as)
		if !as.facts {
			for _, pe := range as.v.Addressees {
				if pe.Level.Low() {
					ck.add(SeverityWarning, "low-level-without-facts", a, Place{Area: AreaSections, Item: -1, PersonID: pe.ID},
						"{{.Name}} ({{.Level}}) reads the {{.Audience}} variant, which has no facts and figures.",
						"Opponents and doubters need clear facts and figures to judge the practical value of the offer: include a figures or specification section, the pricing or the financial result in this variant.",
						map[string]any{"Name": pe.Name, "Level": pe.Level.Label(), "Audience": label})
				}
			}
		}
	}
	for _, pe := range c.People {
		if pe.Role != dossier.RoleDecisionMaker {
			continue
		}
		a := Audience(pe.Type)
		place := Place{Area: AreaDossier, Item: -1, PersonID: pe.ID}
		data := map[string]any{"Name": pe.Name, "Type": pe.Type.Label()}
		switch {
		case !slices.Contains(Audiences, a):
			ck.add(SeverityBlocking, "decision-maker-unreached", "", place,
				"The decision maker {{.Name}} is reached by no tailored variant: their stakeholder type is {{.Type}}.",
				"Set their stakeholder type in the dossier (executive, HR, finance or technical) so a variant argues the way they weigh things.",
				data)
		case ck.items(a) == 0:
			data["Audience"] = a.Label()
			ck.add(SeverityBlocking, "decision-maker-unreached", "", place,
				"The decision maker {{.Name}} is reached by no tailored variant: the {{.Audience}} variant has no sections.",
				"Give sections of the proposal a weight for their audience, or add sections written for them.",
				data)
		}
	}
}

// items is the number of items the variant for a includes: counted from
// its assembly when it was checked, else without assembling it.
func (ck *checker) items(a Audience) int {
	if as := ck.asm[a]; as != nil {
		return as.items
	}
	ps, _ := itemParts(ck.p, ck.c)
	return len(arrangeItems(ps, a, nil))
}

// unresolved reports each placeholder without a value, per section.
func (ck *checker) unresolved(as *assembly) {
	for _, b := range as.v.Blocks {
		for _, n := range b.Unresolved {
			fix := "Fill in what it stands for (in the dossier, the proposal or the team), or remove it from the section."
			switch n {
			case "company.name":
				fix = "Give our company's name in File → Company and house style…, or remove the placeholder from the section."
			case "signature":
				fix = "Choose the author on the Credits tab: the signature names them."
			}
			ck.add(SeverityBlocking, "unresolved-placeholder", as.v.Audience, valuePlace(n, b.Item),
				"The placeholder {{.Placeholder}} has no value in the {{.Audience}} variant (section “{{.Section}}”).",
				fix,
				map[string]any{"Placeholder": describe(n), "Name": n, "Audience": as.v.Audience.Label(), "Section": b.Title})
		}
	}
}

// valuePlace is where the value of placeholder name is filled in when the
// proposal holds it: the tab of the builder for the financial result, the
// pricing and the author; else the section item that uses it (whose fix
// says where the value comes from).
func valuePlace(name string, item int) Place {
	switch area, _, _ := strings.Cut(name, "."); area {
	case "financial":
		return placeAt(AreaFinancial)
	case "pricing":
		return placeAt(AreaPricing)
	case "author", "signature":
		return placeAt(AreaCredits)
	}
	return Place{Area: AreaSection, Item: item}
}

// Readiness sums up the readiness check of one proposal: what the
// proposals list shows of it.
type Readiness struct {
	Blocking int // findings that must be fixed before sending
	Warnings int // the other findings
	// Findings are the findings themselves, in Check's order. They are
	// shared: read them, never change them.
	Findings []Finding
}

// Ready reports whether nothing blocks sending.
func (r Readiness) Ready() bool { return r.Blocking == 0 }

// ReadinessOf sums up the findings fs of Check.
func ReadinessOf(fs []Finding) Readiness {
	n := Blocking(fs)
	return Readiness{Blocking: n, Warnings: len(fs) - n, Findings: fs}
}
