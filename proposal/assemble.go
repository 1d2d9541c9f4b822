package proposal

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// Context is what assembly reads from the workspace.
type Context struct {
	Account    dossier.Account
	People     []dossier.Person     // the account's decision-making group
	Team       []dossier.TeamMember // our whole team
	References []dossier.Reference  // all references of the workspace
	Library    []Section            // the whole section library
	Company    Company              // our company: the house style
	Today      dossier.Date
}

func (c *Context) section(id string) (*Section, bool) {
	for i := range c.Library {
		if c.Library[i].ID == id {
			return &c.Library[i], true
		}
	}
	return nil, false
}

func (c *Context) member(id string) (*dossier.TeamMember, bool) {
	for i := range c.Team {
		if c.Team[i].ID == id {
			return &c.Team[i], true
		}
	}
	return nil, false
}

func (c *Context) reference(id string) (*dossier.Reference, bool) {
	for i := range c.References {
		if c.References[i].ID == id {
			return &c.References[i], true
		}
	}
	return nil, false
}

// Addressees returns the people a variant for a is addressed to: those
// whose stakeholder type is a, or everybody for All, in dossier order
// (dossier.SortPeople). The slice is a copy.
func (c *Context) Addressees(a Audience) []dossier.Person {
	var out []dossier.Person
	for _, p := range c.People {
		if a.Reaches(p.Type) {
			out = append(out, p)
		}
	}
	dossier.SortPeople(out)
	return out
}

// BlockSource says where the text of a block comes from.
type BlockSource string

// Block sources.
const (
	SourceLibrary   BlockSource = "library"   // follows the library section
	SourceCustom    BlockSource = "custom"    // a customised copy of a library section
	SourceOwn       BlockSource = "own"       // written for this proposal
	SourceGenerated BlockSource = "generated" // built from data
)

// KindTitle is the kind of the generated title block that opens every
// variant. It is not one of Kinds: no section can have it.
const KindTitle Kind = "title"

// Block is one part of an assembled variant, in reading order.
type Block struct {
	Title  string
	Kind   Kind
	Source BlockSource
	// Item is the index into Proposal.Items, -1 for generated blocks.
	Item int
	// Markdown is the block's Markdown, placeholders resolved, starting with
	// its "## Title" heading ("# Title" for the title block; a covering
	// letter has none), without a final newline.
	Markdown string
	// Placeholders maps each placeholder the block uses to the value it
	// resolved to, unescaped; "" for one without a value. Nil for
	// generated blocks.
	Placeholders map[string]string
	// Unresolved lists the placeholders of the block that have no value,
	// in order of first use.
	Unresolved []string
}

// Variant is a proposal assembled for one audience.
type Variant struct {
	Audience Audience
	// Addressees are the people of the dossier the variant is addressed
	// to (type == audience; for All, everybody), in dossier.SortPeople
	// order.
	Addressees []dossier.Person
	Blocks     []Block
	// Unresolved lists the placeholders with no value, in order of first
	// use, e.g. {{person.name}} with nobody of the audience's type.
	Unresolved []string
	// Markdown is the whole variant: the blocks joined with blank lines,
	// ending with a newline.
	Markdown string
}

// part is an item of the proposal as assembly sees it: the text and
// weights of its library section, or its own.
type part struct {
	index   int
	key     string // the item's key, for the user's order
	title   string
	kind    Kind
	weights Weights
	body    string
	source  BlockSource
}

// itemParts returns the items of p with their text, and the indexes of the
// library-following items whose section is missing from the library.
func itemParts(p *Proposal, c *Context) (ps []part, missing []int) {
	for i, it := range p.Items {
		pt := part{index: i, key: it.Key, title: it.Title, kind: it.Kind, weights: it.Audiences, body: it.Body, source: SourceOwn}
		switch {
		case it.Custom:
			pt.source = SourceCustom
		case it.SectionID != "":
			s, ok := c.section(it.SectionID)
			if !ok {
				missing = append(missing, i)
				continue
			}
			pt = part{index: i, key: it.Key, title: s.Title, kind: s.Kind, weights: s.Audiences, body: s.Body, source: SourceLibrary}
		}
		ps = append(ps, pt)
	}
	return ps, missing
}

// readingGroup is the rank of kind k in the reading order for audience a:
// executives read uniqueness and understanding first; financiers and
// technical readers read facts and figures first (the covering letter
// opens every variant: see arrangeItems).
func readingGroup(a Audience, k Kind) int {
	switch a {
	case Executive:
		if k == KindUniqueness || k == KindUnderstanding {
			return 0
		}
		return 1
	case Finance, Technical:
		if k.Factual() {
			return 0
		}
		return 1
	}
	return 0
}

// assembly is a variant with what went wrong on the way, for Assemble to
// report as errors and Check as findings.
type assembly struct {
	v       *Variant
	missing []int               // items whose library section is gone
	unknown map[int]error       // included items using unknown placeholders
	refs    []dossier.Reference // the proposal's references that exist
	items   int                 // items included
	kinds   map[Kind]bool       // kinds of the included items
	facts   bool                // a pricing table, a financial result or a factual item
}

// Assemble builds the variant of p for audience a. In reading order (see
// order.go):
//
//  1. the title block: "# Title", whom it is for, the issue date;
//  2. the covering letter, without a heading;
//  3. the other items for a (see arrangeItems), placeholders resolved
//     with Values; among them, each after the last item of its kind or
//     after the items when there is none:
//     the references block;
//     the pricing table (finance, technical, whole group; a one-line
//     investment summary for executives; none for HR), when there are
//     lines;
//     the financial result (a paragraph for executives; none for HR),
//     when one was entered;
//  4. the team credits ("Prepared by"), always;
//  5. the validity, always last.
//
// References: HR and the whole group get client, project, year, result
// and the referees who agreed to be contacted with their contact;
// executives a short list (client — project — result); finance and
// technical readers the quantified results only. A referee who did not
// agree is never named.
//
// Assemble fails on an invalid audience, on a library-following item
// whose section is missing (ErrNotFound naming its ID) and on an included
// section using unknown placeholders (ErrInvalid naming the section and
// the placeholders). Missing references and team members are left out;
// Check reports them.
func Assemble(p *Proposal, c *Context, a Audience) (*Variant, error) {
	if p == nil || c == nil {
		return nil, dossier.Err("assemble: no proposal or context", nil, ErrInvalid)
	}
	if !slices.Contains(Variants, a) {
		return nil, dossier.Err(`"{{.Value}}" is not an audience (executive, hr, finance, technical or all)`, map[string]any{"Value": string(a)}, ErrInvalid)
	}
	return assemble(p, c, a, true).variant(p)
}

// variant returns the assembled variant, or what makes it unfit to hand
// out: library sections that are gone, unknown placeholders.
func (as *assembly) variant(p *Proposal) (*Variant, error) {
	var errs []error
	if len(as.missing) > 0 {
		ids := make([]string, len(as.missing))
		for i, ix := range as.missing {
			ids[i] = strconv.Quote(p.Items[ix].SectionID)
		}
		if len(ids) == 1 {
			errs = append(errs, dossier.Err("library section {{.ID}}", map[string]any{"ID": ids[0]}, ErrNotFound))
		} else {
			errs = append(errs, dossier.Err("library sections {{.IDs}}", map[string]any{"IDs": strings.Join(ids, ", ")}, ErrNotFound))
		}
	}
	for _, b := range as.v.Blocks {
		if err, ok := as.unknown[b.Item]; ok && b.Source != SourceGenerated {
			errs = append(errs, dossier.Err(`section "{{.Title}}"`, map[string]any{"Title": b.Title}, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return as.v, nil
}

// assemble builds the variant for a valid audience, recording problems
// instead of failing. Without text it leaves out the Markdown of the
// sections and of the whole, which the readiness check does not read:
// blocks keep their titles, items, placeholders and what is unresolved.
func assemble(p *Proposal, c *Context, a Audience, text bool) *assembly {
	as := &assembly{
		v:       &Variant{Audience: a, Addressees: c.Addressees(a)},
		unknown: map[int]error{},
		kinds:   map[Kind]bool{},
	}
	lc := LocaleOf(p.Language)
	values := variantValues(p, c, a, as.v.Addressees)
	for _, id := range p.References {
		if r, ok := c.reference(id); ok {
			as.refs = append(as.refs, *r)
		}
	}
	ps, missing := itemParts(p, c)
	as.missing = missing
	ordered := arrangeItems(ps, a, p.Orders[a])

	// The generated blocks, each to follow the last item of its kind.
	generated := []struct {
		kind  Kind
		block *Block
		last  int
	}{
		{KindReferences, referencesBlock(as.refs, a, lc), -1},
		{KindPricing, pricingBlock(p.Pricing, a, lc), -1},
		{KindFigures, financialBlock(p.Financial, a, lc), -1},
	}
	if generated[1].block != nil && a != Executive {
		as.facts = true
	}
	if generated[2].block != nil {
		as.facts = true
	}
	for i, pt := range ordered {
		for g := range generated {
			if pt.kind == generated[g].kind {
				generated[g].last = i
			}
		}
	}
	blocks := []Block{titleBlock(p, c, as.v.Addressees, lc)}
	for i, pt := range ordered {
		as.items++
		as.kinds[pt.kind] = true
		if pt.kind.Factual() {
			as.facts = true
		}
		b, err := itemBlock(pt, values, text)
		if err != nil {
			as.unknown[pt.index] = err
		}
		blocks = append(blocks, b)
		for g := range generated {
			if generated[g].last == i && generated[g].block != nil {
				blocks = append(blocks, *generated[g].block)
				generated[g].block = nil
			}
		}
	}
	for _, g := range generated {
		if g.block != nil {
			blocks = append(blocks, *g.block)
		}
	}
	blocks = append(blocks, creditsBlock(p, c, lc), validityBlock(p, lc))

	v := as.v
	v.Blocks = blocks
	md := make([]string, len(blocks))
	for i, b := range blocks {
		md[i] = b.Markdown
		for _, n := range b.Unresolved {
			if !slices.Contains(v.Unresolved, n) {
				v.Unresolved = append(v.Unresolved, n)
			}
		}
	}
	// Each block is safe; the whole is checked again, since a link
	// reference defined in one block can be used in another.
	if text {
		v.Markdown = safeMarkdown(strings.Join(md, "\n\n") + "\n")
	}
	return as
}

// itemBlock is the block of one included item. With unknown placeholders
// the body stays as written and the error is returned.
func itemBlock(pt part, values map[string]string, text bool) (Block, error) {
	b := Block{Title: pt.title, Kind: pt.kind, Source: pt.source, Item: pt.index}
	body := tidyBody(pt.body)
	if !text {
		// What Resolve reports, without the text: the known placeholders
		// without a value, in order of first use.
		err := CheckPlaceholders(body)
		for _, n := range UsedPlaceholders(body) {
			if slices.Contains(Placeholders, n) {
				if b.Placeholders == nil {
					b.Placeholders = map[string]string{}
				}
				b.Placeholders[n] = values[n]
				if strings.TrimSpace(values[n]) == "" {
					b.Unresolved = append(b.Unresolved, n)
				}
			}
		}
		return b, err
	}
	resolved, unresolved, err := Resolve(body, values)
	if err != nil {
		resolved = body
		for _, n := range UsedPlaceholders(body) {
			if slices.Contains(Placeholders, n) && strings.TrimSpace(values[n]) == "" {
				unresolved = append(unresolved, n)
			}
		}
	}
	for _, n := range UsedPlaceholders(body) {
		if slices.Contains(Placeholders, n) {
			if b.Placeholders == nil {
				b.Placeholders = map[string]string{}
			}
			b.Placeholders[n] = values[n]
		}
	}
	b.Unresolved = unresolved
	resolved = safeMarkdown(resolved)
	if pt.kind == KindCover && resolved != "" {
		// A letter has no heading: the client reads "Dear …", not the
		// name of a kind of section.
		b.Markdown = resolved
		return b, err
	}
	b.Markdown = "## " + inlineText(pt.title)
	if resolved != "" {
		b.Markdown += "\n\n" + resolved
	}
	return b, err
}

// validDays is the validity in days: as set, or from the issue date to
// the valid-until date; 0 when unknown.
func validDays(p *Proposal) int {
	if !p.ValidUntil.IsZero() {
		if p.Issued.IsZero() {
			return 0
		}
		return p.Issued.DaysUntil(p.ValidUntil)
	}
	return p.ValidDays
}

// formatMoney writes an amount with its currency and two decimals:
// "GBP 12,500.00".
func formatMoney(currency string, d Decimal) string {
	return strings.TrimSpace(strings.TrimSpace(currency) + " " + d.Grouped(2, ","))
}

// cleanText trims a user value: no blank lines, no blanks at line ends.
func cleanText(s string) string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\r", " ")); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// inlineText is user text escaped to read as plain text on one line: a name,
// a title, a table cell.
func inlineText(s string) string { return EscapeMarkdown(dossier.OneLine(s)) }

// tidyBody normalises a section body: "\n" line ends, no blanks at line ends
// (a hard break written as two trailing spaces becomes a backslash, which
// means the same), no blank lines at the start or end.
func tidyBody(body string) string {
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\r", "\n"), "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimRight(l, " \t")
		lead := strings.TrimLeft(t, " ")
		switch {
		case fence == "" && len(t)-len(lead) <= 3 && (strings.HasPrefix(lead, "```") || strings.HasPrefix(lead, "~~~")):
			fence = lead[:len(lead)-len(strings.TrimLeft(lead, lead[:1]))]
		case fence != "":
			if strings.HasPrefix(lead, fence) && strings.Trim(lead, fence[:1]) == "" {
				fence = ""
			}
		case strings.HasSuffix(l, "  ") && lead != "" && !strings.HasPrefix(lead, "#") &&
			i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "":
			t += `\`
		}
		lines[i] = t
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}
