package proposal

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kamdesk/dossier"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// assembleAll assembles every variant of the fixture, failing the test on
// an error.
func assembleAll(t *testing.T, p *Proposal, c *Context) map[Audience]*Variant {
	t.Helper()
	out := map[Audience]*Variant{}
	for _, a := range Variants {
		v, err := Assemble(p, c, a)
		if err != nil {
			t.Fatalf("Assemble(%s) error: %v", a, err)
		}
		out[a] = v
	}
	return out
}

func TestFixtureIsValid(t *testing.T) {
	p, c := northbridge()
	if err := p.Validate(); err != nil {
		t.Errorf("proposal: %v", err)
	}
	if err := c.Account.Validate(); err != nil {
		t.Errorf("account: %v", err)
	}
	for _, pe := range c.People {
		if err := pe.Validate(); err != nil {
			t.Errorf("person %s: %v", pe.ID, err)
		}
	}
	for _, m := range c.Team {
		if err := m.Validate(); err != nil {
			t.Errorf("team member %s: %v", m.ID, err)
		}
	}
	for _, r := range c.References {
		if err := r.Validate(); err != nil {
			t.Errorf("reference %s: %v", r.ID, err)
		}
	}
	for _, s := range c.Library {
		if err := s.Validate(); err != nil {
			t.Errorf("section %s: %v", s.ID, err)
		}
	}
}

func TestAssembleGolden(t *testing.T) {
	p, c := northbridge()
	for a, v := range assembleAll(t, p, c) {
		path := filepath.Join("testdata", "golden", string(a)+".md")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(v.Markdown), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./proposal/ -run TestAssembleGolden -update to create it)", err)
		}
		if v.Markdown != string(want) {
			t.Errorf("%s variant differs from %s (rerun with -update if the change is intended)\n%s",
				a, path, firstDifference(v.Markdown, string(want)))
		}
	}
}

// firstDifference describes where got and want first differ, got first,
// then prints got in full.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return "line " + itoa(i+1) + ":\n got: " + quote(gl, i < len(g)) + "\nwant: " + quote(wl, i < len(w)) +
				"\n--- got in full ---\n" + got
		}
	}
	return ""
}

func quote(s string, present bool) string {
	if !present {
		return "(no line)"
	}
	return "\"" + s + "\""
}

func itoa(n int) string { return Int(int64(n)).String() }

func TestAssembleWellFormed(t *testing.T) {
	p, c := northbridge()
	for a, v := range assembleAll(t, p, c) {
		md := v.Markdown
		if !strings.HasSuffix(md, "\n") || strings.HasSuffix(md, "\n\n") {
			t.Errorf("%s: Markdown does not end with exactly one newline", a)
		}
		if strings.Contains(md, "\n\n\n") {
			t.Errorf("%s: Markdown has more than one blank line in a row", a)
		}
		for i, line := range strings.Split(md, "\n") {
			if strings.TrimRight(line, " \t") != line {
				t.Errorf("%s: line %d has trailing blanks: %q", a, i+1, line)
			}
		}
		var joined []string
		for _, b := range v.Blocks {
			joined = append(joined, b.Markdown)
		}
		if got := strings.Join(joined, "\n\n") + "\n"; got != md {
			t.Errorf("%s: Markdown is not the blocks joined with blank lines", a)
		}
		first := v.Blocks[0]
		if first.Kind != KindTitle || first.Source != SourceGenerated || first.Item != -1 ||
			!strings.HasPrefix(first.Markdown, "# Live site monitoring for the 2026 programme\n") {
			t.Errorf("%s: first block = %+v, want the title block", a, first)
		}
		for _, b := range v.Blocks[1:] {
			if heading := strings.HasPrefix(b.Markdown, "## "); heading == (b.Kind == KindCover) {
				t.Errorf("%s: block %q (%s) starts with a ## heading %v: %q; a letter has none, every other block has one",
					a, b.Title, b.Kind, heading, b.Markdown)
			}
			if (b.Source == SourceGenerated) != (b.Item == -1) {
				t.Errorf("%s: block %q has source %s and item %d", a, b.Title, b.Source, b.Item)
			}
		}
		last := v.Blocks[len(v.Blocks)-1]
		if last.Kind != KindValidity || last.Source != SourceGenerated {
			t.Errorf("%s: last block = %q (%s), want the validity block", a, last.Title, last.Kind)
		}
		if !strings.Contains(last.Markdown, "Valid until 1 April 2026") {
			t.Errorf("%s: validity block = %q, want it to give the expiry date", a, last.Markdown)
		}
		if !strings.Contains(md, "\n## Prepared by\n") {
			t.Errorf("%s: no credits block", a)
		}
		if credits := v.Blocks[len(v.Blocks)-2]; credits.Title != "Prepared by" {
			t.Errorf("%s: block before validity = %q, want the credits", a, credits.Title)
		}
		if len(v.Unresolved) != 0 {
			t.Errorf("%s: Unresolved = %v, want none", a, v.Unresolved)
		}
	}
}

// kindsOf returns the kinds of the item blocks of v, in order.
func kindsOf(v *Variant) []Kind {
	var out []Kind
	for _, b := range v.Blocks {
		if b.Source != SourceGenerated {
			out = append(out, b.Kind)
		}
	}
	return out
}

func titlesOf(v *Variant) []string {
	var out []string
	for _, b := range v.Blocks {
		out = append(out, b.Title)
	}
	return out
}

func TestAssembleOrder(t *testing.T) {
	p, c := northbridge()
	vs := assembleAll(t, p, c)
	tests := []struct {
		a    Audience
		want []string
	}{
		// The letter first; each generated table after the last section
		// of its kind (the pricing text and its table together).
		{Executive, []string{p.Title, "Dear reader", "Exclusive terms for Northbridge", "Your programme",
			"What changes on site", "Site visit programme", "Figures and payback", "Financial result",
			"Projects like yours", "References", "Commercial terms", "Pricing", "Prepared by", "Validity"}},
		{HR, []string{p.Title, "Dear reader", "Projects like yours", "References", "Training and change management",
			"Your project team", "What changes on site", "Site visit programme", "Service levels and support",
			"Prepared by", "Validity"}},
		{Finance, []string{p.Title, "Dear reader", "Figures and payback", "Financial result", "Commercial terms", "Pricing",
			"Technical specification", "What changes on site", "Service levels and support", "Your programme",
			"Exclusive terms for Northbridge", "References", "Prepared by", "Validity"}},
		{Technical, []string{p.Title, "Dear reader", "Technical specification", "Figures and payback", "Financial result",
			"Commercial terms", "Pricing", "Service levels and support", "Site visit programme", "What changes on site",
			"Your project team", "Training and change management", "References", "Prepared by", "Validity"}},
		{All, []string{p.Title, "Dear reader", "Your programme", "Exclusive terms for Northbridge", "What changes on site",
			"Site visit programme", "Projects like yours", "References", "Figures and payback", "Financial result",
			"Technical specification", "Commercial terms", "Pricing", "Your project team", "Service levels and support",
			"Training and change management", "Prepared by", "Validity"}},
	}
	for _, tt := range tests {
		if got := titlesOf(vs[tt.a]); !slices.Equal(got, tt.want) {
			t.Errorf("%s blocks:\n got %q\nwant %q", tt.a, got, tt.want)
		}
	}
}

func TestExecutiveStartsWithExclusivityAndUnderstanding(t *testing.T) {
	p, c := northbridge()
	// Even when the cover letter weighs most for executives.
	fxSection(t, c, "cover-letter").Audiences[Executive] = 100
	fxSection(t, c, "understanding-programme").Audiences[Executive] = 10
	v, err := Assemble(p, c, Executive)
	if err != nil {
		t.Fatal(err)
	}
	got := kindsOf(v)[:3]
	if want := []Kind{KindCover, KindUniqueness, KindUnderstanding}; !slices.Equal(got, want) {
		t.Errorf("first executive sections = %v, want the letter, then %v", got, want[1:])
	}
	if v.Blocks[2].Item != itemExclusive || v.Blocks[2].Source != SourceCustom {
		t.Errorf("block after the letter = item %d (%s), want the custom exclusive terms", v.Blocks[2].Item, v.Blocks[2].Source)
	}
}

func TestFactsRightAfterCoverLetter(t *testing.T) {
	p, c := northbridge()
	for _, a := range []Audience{Finance, Technical} {
		v, err := Assemble(p, c, a)
		if err != nil {
			t.Fatal(err)
		}
		kinds := kindsOf(v)
		if kinds[0] != KindCover {
			t.Errorf("%s: first section is %s, want the cover letter", a, kinds[0])
		}
		for i, k := range kinds[1:4] {
			if !k.Factual() {
				t.Errorf("%s: section %d is %s, want a factual kind right after the cover letter (all: %v)", a, i+2, k, kinds)
			}
		}
		for _, k := range kinds[4:] {
			if k.Factual() {
				t.Errorf("%s: factual section %s after other kinds (all: %v)", a, k, kinds)
			}
		}
	}
	// Without a cover letter, facts come first.
	withoutItems(p, c, KindCover)
	v, err := Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	if k := kindsOf(v)[0]; !k.Factual() {
		t.Errorf("finance without cover letter starts with %s, want a factual kind", k)
	}
}

func TestWeightTiesKeepProposalOrder(t *testing.T) {
	ps := []part{
		{index: 0, title: "a", kind: KindBenefits, weights: Weights{HR: 50}},
		{index: 1, title: "b", kind: KindBenefits, weights: Weights{HR: 70}},
		{index: 2, title: "c", kind: KindOther, weights: Weights{HR: 50}},
		{index: 3, title: "d", kind: KindOther, weights: Weights{Finance: 50}},
		{index: 4, title: "e", kind: KindTeam, weights: Weights{HR: 70}},
	}
	var got []string
	for _, pt := range arrangeItems(ps, HR, nil) {
		got = append(got, pt.title)
	}
	if want := []string{"b", "e", "a", "c"}; !slices.Equal(got, want) {
		t.Errorf("arrangeItems(HR) = %v, want %v", got, want)
	}
	got = nil
	for _, pt := range arrangeItems(ps, All, nil) {
		got = append(got, pt.title)
	}
	if want := []string{"a", "b", "c", "d", "e"}; !slices.Equal(got, want) {
		t.Errorf("arrangeItems(All) = %v, want %v", got, want)
	}
}

func TestReferencesPerAudience(t *testing.T) {
	p, c := northbridge()
	vs := assembleAll(t, p, c)
	agreed := "Will gladly recommend us: Sarah Chen, Development Director, s.chen@harbourpoint.example"
	for _, a := range []Audience{HR, All} {
		if !strings.Contains(vs[a].Markdown, agreed) {
			t.Errorf("%s variant lacks %q", a, agreed)
		}
		if !strings.Contains(vs[a].Markdown, "Will gladly recommend us: James Whitaker, Project Director, \\+44 113 496 0000") {
			t.Errorf("%s variant lacks the second referee", a)
		}
		if !strings.Contains(vs[a].Markdown, "**Fenwick Homes** — Riverside housing estate, 2022") {
			t.Errorf("%s variant lacks the reference without consent (only its referee must be hidden)", a)
		}
	}
	for a, v := range vs {
		for _, secret := range []string{"Laura Finch", "laura.finch", "fenwick.example"} {
			if strings.Contains(v.Markdown, secret) {
				t.Errorf("%s variant names the referee who did not agree: contains %q", a, secret)
			}
		}
		if a == HR || a == All {
			continue
		}
		for _, contact := range []string{"Sarah Chen", "s.chen@", "James Whitaker", "recommend us"} {
			if strings.Contains(v.Markdown, contact) {
				t.Errorf("%s variant contains referee details %q; only HR and the whole group get them", a, contact)
			}
		}
	}
	if !strings.Contains(vs[Executive].Markdown, "- **Harbour Point Developments** — Riverside Quarter towers — Handover six weeks early; 38% fewer safety incidents") {
		t.Errorf("executive references are not the short list:\n%s", vs[Executive].Markdown)
	}
	if !strings.Contains(vs[Finance].Markdown, "- **Calder Rail Partners** — GBP 1.2m of rework avoided") ||
		strings.Contains(vs[Finance].Markdown, "Depot expansion") {
		t.Errorf("finance references are not results only:\n%s", vs[Finance].Markdown)
	}
}

func TestReferencesBlockPlacement(t *testing.T) {
	p, c := northbridge()
	v, err := Assemble(p, c, HR)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(titlesOf(v), "References")
	if i < 1 || v.Blocks[i-1].Kind != KindReferences || v.Blocks[i-1].Source == SourceGenerated {
		t.Errorf("HR references block at %d, want right after the references section: %q", i, titlesOf(v))
	}
	// Without a references section they follow the items, before the
	// credits.
	withoutItems(p, c, KindReferences)
	v, err = Assemble(p, c, All)
	if err != nil {
		t.Fatal(err)
	}
	titles := titlesOf(v)
	if i := slices.Index(titles, "References"); i < 0 || titles[i+1] != "Prepared by" || v.Blocks[i-1].Source == SourceGenerated {
		t.Errorf("whole-group blocks = %q, want References after the last item, before the credits", titles)
	}
	// No references: no block.
	p.References = nil
	v, err = Assemble(p, c, HR)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(titlesOf(v), "References") {
		t.Errorf("HR blocks without references = %q", titlesOf(v))
	}
}

func TestPricingPerAudience(t *testing.T) {
	p, c := northbridge()
	vs := assembleAll(t, p, c)
	header := "| Description | Quantity | Unit | Unit price | Discount | Amount |"
	for _, a := range []Audience{Finance, Technical, All} {
		md := vs[a].Markdown
		for _, want := range []string{
			header,
			"| Platform licence, per site and year | 12 | site-year | GBP 4,800.00 | 12.5% | GBP 50,400.00 |",
			"| Sensor kit | 40 | kit | GBP 850.00 |  | GBP 34,000.00 |",
			"| Total GBP before discount |  |  |  |  | GBP 118,150.00 |",
			"| Discount GBP |  |  |  |  | GBP -7,200.00 |",
			"| **Total GBP** |  |  |  |  | **GBP 110,950.00** |",
		} {
			if !strings.Contains(md, want) {
				t.Errorf("%s variant lacks %q", a, want)
			}
		}
		if !strings.Contains(md, "- Payback: 14.5 months\n- Return on investment over 3 years: 148.8%") {
			t.Errorf("%s variant lacks the financial result", a)
		}
	}
	exec := vs[Executive].Markdown
	if strings.Contains(exec, header) {
		t.Errorf("executive variant has the full pricing table")
	}
	if !strings.Contains(exec, "Investment: GBP 110,950.00 net total, a discount of GBP 7,200.00 included.") {
		t.Errorf("executive variant lacks the one-line investment summary:\n%s", exec)
	}
	if !strings.Contains(exec, "An investment of GBP 110,950.00 brings a yearly gain of GBP 92,000.00: it pays back in 14.5 months, and the return on investment over 3 years is 148.8%.") {
		t.Errorf("executive variant lacks the compact financial result:\n%s", exec)
	}
	hr := vs[HR].Markdown
	for _, absent := range []string{"## Pricing", "## Financial result", "110,950"} {
		if strings.Contains(hr, absent) {
			t.Errorf("HR variant contains %q", absent)
		}
	}

	// No lines, no financial result: no blocks.
	p.Pricing, p.Financial = nil, Financial{}
	for _, a := range Variants {
		v, err := Assemble(p, c, a)
		if err != nil {
			t.Fatal(err)
		}
		if ts := titlesOf(v); slices.Contains(ts, "Pricing") || slices.Contains(ts, "Financial result") {
			t.Errorf("%s without pricing and financial result has blocks %q", a, ts)
		}
	}
}

func TestPricingTableAddsUpAsPrinted(t *testing.T) {
	lines := []Line{
		{Description: "Survey", Quantity: fxDec("3"), UnitPrice: fxDec("33.335"), Currency: "GBP"},
		{Description: "Hosting", Quantity: fxDec("1"), UnitPrice: fxDec("100"), Currency: "EUR"},
	}
	b := pricingBlock(lines, Finance, LocaleOf("en"))
	for _, want := range []string{
		"| Survey | 3 |  | GBP 33.335 |  | GBP 100.01 |",
		"| **Total GBP** |  |  |  |  | **GBP 100.01** |",
		"| **Total EUR** |  |  |  |  | **EUR 100.00** |",
	} {
		if !strings.Contains(b.Markdown, want) {
			t.Errorf("pricing table lacks %q:\n%s", want, b.Markdown)
		}
	}
	if strings.Contains(b.Markdown, "before discount") {
		t.Errorf("pricing table without discounts shows a subtotal:\n%s", b.Markdown)
	}
}

func TestCreditsAuthorFirst(t *testing.T) {
	p, c := northbridge()
	v, err := Assemble(p, c, HR)
	if err != nil {
		t.Fatal(err)
	}
	credits := v.Blocks[len(v.Blocks)-2].Markdown
	want := "- **Olivia Grant**, Key Account Director — Lead and commercial terms — olivia.grant@kestrel.example, \\+44 20 7946 0101\n" +
		"- **Raj Mehta**, Solutions Engineer — Technical design — raj.mehta@kestrel.example, \\+44 20 7946 0102\n" +
		"- **Hannah Brooks**, Commercial Manager — Pricing — hannah.brooks@kestrel.example"
	if !strings.HasSuffix(credits, want) {
		t.Errorf("credits:\n got %q\nwant suffix %q", credits, want)
	}
	// A missing member is left out; Check reports it.
	p.Credits = append(p.Credits, Credit{MemberID: "ghost"})
	p.Author = "ghost"
	v, err = Assemble(p, c, HR)
	if err != nil {
		t.Fatal(err)
	}
	got := v.Blocks[len(v.Blocks)-2].Markdown
	if strings.Contains(got, "ghost") || !strings.Contains(got, "\n\n- **Raj Mehta**") || strings.Count(got, "\n- ") != 3 {
		t.Errorf("credits with a missing member, the author missing too:\n%s", got)
	}
	// No credits: the block still says so.
	p.Credits = nil
	v, err = Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Blocks[len(v.Blocks)-2].Markdown; got != "## Prepared by\n\nNo team member is credited yet." {
		t.Errorf("credits block without credits = %q", got)
	}
}

func TestValidityBlock(t *testing.T) {
	p, c := northbridge()
	p.ValidDays, p.ValidUntil = 0, fxDate("2026-04-15")
	v, err := Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	last := v.Blocks[len(v.Blocks)-1].Markdown
	if !strings.HasPrefix(last, "## Validity\n\nValid until 15 April 2026 (44 days from 2 March 2026).\n\n") ||
		!strings.Contains(last, "guarantee") {
		t.Errorf("validity block = %q", last)
	}
	p.ValidUntil = dossier.Date{}
	v, err = Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Blocks[len(v.Blocks)-1].Markdown; got != "## Validity\n\nValidity not set." {
		t.Errorf("validity block without expiry = %q", got)
	}
}

func TestTitleBlock(t *testing.T) {
	p, c := northbridge()
	v, err := Assemble(p, c, Executive)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Live site monitoring for the 2026 programme\n\n" +
		"For Margaret Ellison, Chief Executive Officer; David Okafor, Chief Operating Officer — Northbridge Build Group\\\n" +
		"Date: 2 March 2026"
	if got := v.Blocks[0].Markdown; got != want {
		t.Errorf("executive title block:\n got %q\nwant %q", got, want)
	}
	if got := v.Addressees; len(got) != 2 || got[0].ID != "p-ellison" || got[1].ID != "p-okafor" {
		t.Errorf("executive addressees = %v, want Ellison then Okafor", got)
	}
	all, err := Assemble(p, c, All)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(all.Addressees); n != len(c.People) {
		t.Errorf("whole-group addressees = %d, want everybody (%d)", n, len(c.People))
	}
	withoutPeopleOf(c, dossier.Executive)
	v, err = Assemble(p, c, Executive)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Blocks[0].Markdown; !strings.Contains(got, "\n\nFor Northbridge Build Group\\\n") {
		t.Errorf("title block without executives = %q", got)
	}
}

func TestHostileValuesAreEscaped(t *testing.T) {
	p, c := northbridge()
	c.Account.Name = "Evil <script>alert(1)</script> | *x*"
	fxPerson(t, c, "p-whitfield").Position = "[link](javascript:alert(1))"
	fxPerson(t, c, "p-raman").Name = "# Priya\n- Raman"
	fxMember(t, c, "olivia").Position = "<img src=x onerror=alert(1)>"
	c.References[0].Client = "**Harbour** [x](javascript:alert(1))"
	p.Title = "Offer <b>now</b> | _urgent_"
	p.Pricing[0].Description = "Licence | <script>x</script>\nsecond line"
	p.Pricing[0].Unit = "`unit`"
	p.Financial.Note = "> quoted\n1. listed"
	vs := assembleAll(t, p, c)
	for a, v := range vs {
		md := v.Markdown
		for _, raw := range []string{"<script>", "](javascript:", "<img", "<b>", "| *x*", "`unit`", "\n> quoted", "\n1. listed", "\n# Priya", "\n- Raman"} {
			if containsUnescaped(md, raw) {
				t.Errorf("%s variant contains unescaped %q", a, raw)
			}
		}
		if !strings.HasPrefix(md, "# Offer \\<b\\>now\\</b\\> \\| \\_urgent\\_\n") {
			t.Errorf("%s title not escaped: %q", a, md[:strings.Index(md, "\n")])
		}
		if !strings.Contains(md, "Evil \\<script\\>alert(1)\\</script\\> \\| \\*x\\*") {
			t.Errorf("%s variant lacks the escaped account name", a)
		}
	}
	if fin := vs[Finance].Markdown; !strings.Contains(fin, "Thomas Whitfield, \\[link\\]\\(javascript:alert(1))") {
		t.Errorf("finance title block does not escape the position:\n%s", fin)
	}
	if fin := vs[Finance].Markdown; !strings.Contains(fin, "| Licence \\| \\<script\\>x\\</script\\> second line | 12 | \\`unit\\` |") {
		t.Errorf("finance pricing table does not escape the cells:\n%s", fin)
	}
	// The account name resolved inside a library section is escaped too.
	if ex := vs[Executive].Markdown; !strings.Contains(ex, "As a key partner, Evil \\<script\\>") {
		t.Errorf("placeholder value not escaped in the section:\n%s", ex)
	}
}

// containsUnescaped reports whether s contains sub not preceded by a
// backslash.
func containsUnescaped(s, sub string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return false
		}
		if i+j == 0 || s[i+j-1] != '\\' {
			return true
		}
		i += j + 1
	}
}

func TestAssembleErrors(t *testing.T) {
	p, c := northbridge()
	if _, err := Assemble(p, c, "board"); !errors.Is(err, ErrInvalid) {
		t.Errorf("Assemble(board) error = %v, want ErrInvalid", err)
	}
	if _, err := Assemble(nil, c, All); !errors.Is(err, ErrInvalid) {
		t.Errorf("Assemble(nil) error = %v, want ErrInvalid", err)
	}

	p, c = northbridge()
	c.Library = slices.DeleteFunc(c.Library, func(s Section) bool { return s.ID == "support" })
	_, err := Assemble(p, c, HR)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"support"`) {
		t.Errorf("missing section: error = %v, want ErrNotFound naming \"support\"", err)
	}

	p, c = northbridge()
	p.Items[itemSiteVisit].Body = "We visit {{account.ceo}} and {{site.count}} sites."
	_, err = Assemble(p, c, Technical)
	var u *UnknownPlaceholderError
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &u) || !slices.Equal(u.Names, []string{"account.ceo", "site.count"}) ||
		!strings.Contains(err.Error(), "Site visit programme") || !strings.Contains(err.Error(), "{{account.ceo}}") {
		t.Errorf("unknown placeholders: error = %v, want ErrInvalid naming the section and placeholders", err)
	}
	// Finance does not include the item, so its variant assembles.
	if _, err := Assemble(p, c, Finance); err != nil {
		t.Errorf("finance variant without the broken item: %v", err)
	}
}

func TestUnresolvedPlaceholders(t *testing.T) {
	p, c := northbridge()
	withoutPeopleOf(c, dossier.Finance)
	c.Account.Segment = ""
	v, err := Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"person.name", "account.segment"}; !slices.Equal(v.Unresolved, want) {
		t.Errorf("Unresolved = %v, want %v", v.Unresolved, want)
	}
	cover := v.Blocks[1]
	if cover.Item != itemCover || !strings.Contains(cover.Markdown, "Dear {{person.name}},") {
		t.Errorf("cover block keeps the unresolved placeholder as written: %q", cover.Markdown)
	}
	if got, ok := cover.Placeholders["person.name"]; !ok || got != "" {
		t.Errorf("cover Placeholders[person.name] = %q, %v; want \"\", true", got, ok)
	}
	if got := cover.Placeholders["account.name"]; got != "Northbridge Build Group" {
		t.Errorf("cover Placeholders[account.name] = %q", got)
	}
	if !slices.Equal(cover.Unresolved, []string{"person.name"}) {
		t.Errorf("cover Unresolved = %v", cover.Unresolved)
	}
}

func TestValues(t *testing.T) {
	p, c := northbridge()
	v := Values(p, c, Executive)
	want := map[string]string{
		"account.name":             "Northbridge Build Group",
		"account.industry":         "Construction",
		"account.segment":          "UK commercial and infrastructure building",
		"account.strategy":         "grow infrastructure work to 40% of revenue by 2028",
		"account.goals":            "Cut rework costs by a quarter.\nZero lost-time incidents on every site.",
		"account.competitors":      "SiteLine Pro",
		"person.name":              "Margaret Ellison, David Okafor",
		"person.position":          "Chief Executive Officer, Chief Operating Officer",
		"audience":                 "Executive",
		"proposal.title":           "Live site monitoring for the 2026 programme",
		"proposal.date":            "2 March 2026",
		"valid_until":              "1 April 2026",
		"valid_days":               "30",
		"author.name":              "Olivia Grant",
		"author.position":          "Key Account Director",
		"author.email":             "olivia.grant@kestrel.example",
		"author.phone":             "+44 20 7946 0101",
		"signature":                "Olivia Grant\nKey Account Director",
		"pricing.total":            "GBP 110,950.00",
		"financial.investment":     "GBP 110,950.00",
		"financial.yearly_gain":    "GBP 92,000.00",
		"financial.payback_months": "14.5",
		"financial.roi":            "148.8%",
		"financial.years":          "3",
		"today":                    "2 March 2026",
	}
	for _, name := range Placeholders {
		if v[name] != want[name] {
			t.Errorf("Values[%s] = %q, want %q", name, v[name], want[name])
		}
	}
	if len(v) != len(want) {
		t.Errorf("Values has %d entries, want %d: %v", len(v), len(want), v)
	}
	if got := Values(p, c, All)["audience"]; got != "Whole group" {
		t.Errorf("Values(All)[audience] = %q", got)
	}
	p.Pricing = append(p.Pricing, Line{Description: "Hosting", Quantity: fxDec("1"), UnitPrice: fxDec("1250.5"), Currency: "EUR"})
	p.Financial = Financial{}
	p.Author = ""
	v = Values(p, c, HR)
	if got := v["pricing.total"]; got != "GBP 110,950.00 + EUR 1,250.50" {
		t.Errorf("pricing.total with two currencies = %q", got)
	}
	for _, name := range []string{"financial.investment", "financial.roi", "financial.years", "author.name"} {
		if got, ok := v[name]; ok {
			t.Errorf("Values[%s] = %q, want absent", name, got)
		}
	}
}

func TestLanguageMismatchIsIncluded(t *testing.T) {
	p, c := northbridge()
	p.Items = append(p.Items, Item{SectionID: "fallstudie"})
	v, err := Assemble(p, c, HR)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(titlesOf(v), "Fallstudie Hafenstadt") {
		t.Errorf("HR blocks %q lack the German section", titlesOf(v))
	}
}

func TestTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\nText  \n", "Text"},
		{"one  \ntwo", "one\\\ntwo"},
		{"one  \n\ntwo", "one\n\ntwo"},
		{"# Head  \ntext", "# Head\ntext"},
		{"```\ncode  \nmore  \n```\nend\t", "```\ncode\nmore\n```\nend"},
		{"a\r\nb\rc", "a\nb\nc"},
	}
	for _, tt := range tests {
		if got := tidyBody(tt.in); got != tt.want {
			t.Errorf("tidyBody(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
