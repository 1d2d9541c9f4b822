package proposals

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// northbridgeProposal is the sample proposal sent to Northbridge: five
// GBP pricing lines (net total GBP 1,189,950.00), a matching financial
// result, two references, three credits, issued 2026-11-20 (in the
// sample as loaded on the tests' today, 2026-11-25) for 45 days. Its
// revision 1 was sent; the editor tests work on its revision 2, started
// on the tests' today (and so valid until 2027-01-09).
const northbridgeProposal = "prop-northbridge-modular-controls"

// openBuilderPart opens a sample proposal in the builder on tab; a sent one on a
// new revision, so that its terms can be edited.
func openBuilderPart(t *testing.T, id, tab string) (*ui.Frame, fyne.Window, *store.Store, *builder) {
	t.Helper()
	d, w, st := openProposalArea(t, true)
	reviseSent(t, st, id)
	d.Show(ui.Place{Screen: "proposal", ID: id})
	b, ok := d.Current().(*builder)
	if !ok {
		t.Fatalf("screen = %T, want the proposal builder", d.Current())
	}
	b.showTab(tab)
	return d, w, st, b
}

// reviseSent starts the next revision of proposal id, on the tests' today,
// when its current one was sent.
func reviseSent(t *testing.T, st *store.Store, id string) {
	t.Helper()
	if p, err := st.Proposal(id); err == nil && p.CanRevise() {
		if err := p.NewRevision(uitest.Today); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveProposal(&p); err != nil {
			t.Fatal(err)
		}
	}
}

// findingOf returns the first finding with code (and audience, unless
// empty), or nil.
func findingOf(fs []proposal.Finding, code string, a proposal.Audience) *proposal.Finding {
	for i, f := range fs {
		if f.Code == code && (a == "" || f.Audience == a) {
			return &fs[i]
		}
	}
	return nil
}

// showsText reports whether l is visible and shows text.
func showsText(l *widget.Label, text string) bool {
	return l.Visible() && strings.Contains(l.Text, text)
}

func TestParseAmount(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"12.50", "12.5"}, {"12,50", "12.5"}, {"0,5", "0.5"}, {"-3,25", "-3.25"},
		{"1,250", "1250"}, {"1,250.50", "1250.5"}, {"1250,50", "1250.5"}, {"1234,567", "1234.567"},
		{"12 500", "12500"}, {"", "0"},
	} {
		got, err := parseAmount(c.in)
		if err != nil || got.String() != c.want {
			t.Errorf("parseAmount(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"abc", "1,2,3", "1.250,50", "1 250,50", "12,5,0", "12.5.0"} {
		if got, err := parseAmount(in); err == nil {
			t.Errorf("parseAmount(%q) = %v, want an error", in, got)
		}
	}
}

func TestPricingAmountsAndTotalsAreLive(t *testing.T) {
	_, _, _, b := openBuilderPart(t, northbridgeProposal, tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	if len(e.rows) != 5 {
		t.Fatalf("%d rows, want the 5 lines of the sample", len(e.rows))
	}
	if got := e.rows[0].amount.Text; got != "982,350.00" {
		t.Errorf("first line amount = %q, want 982,350.00 (900 × 1,180.00 less 7.5%%)", got)
	}
	if got := uitest.Texts(e.totals); !strings.Contains(got, "1,189,950.00") {
		t.Errorf("totals = %q, want the net total 1,189,950.00", got)
	}

	test.Tap(e.add)
	if len(e.rows) != 6 || len(b.p.Pricing) != 6 {
		t.Fatalf("after Add line: %d rows, %d lines; want 6", len(e.rows), len(b.p.Pricing))
	}
	r := e.rows[5]
	if got := b.p.Pricing[5].Currency; got != "GBP" || r.cur.Selected != "GBP" {
		t.Errorf("new line currency = %q (shown %q), want GBP from the last line", got, r.cur.Selected)
	}
	test.Type(r.desc, "Spare controllers")
	uitest.Retype(r.qty, "3")
	test.Type(r.price, "33.335")
	if got := r.amount.Text; got != "100.01" {
		t.Errorf("3 × 33.335 shows %q, want 100.01", got)
	}
	if r.msg.Visible() {
		t.Errorf("a valid line shows the message %q", r.msg.Text)
	}
	if got := uitest.Texts(e.totals); !strings.Contains(got, "1,190,050.01") {
		t.Errorf("totals = %q, want the net total 1,190,050.01", got)
	}
	if !b.Dirty() {
		t.Error("typing a line does not count as unsaved changes")
	}

	// A discount of 12.5% on 1,000.
	uitest.Retype(r.qty, "1")
	uitest.Retype(r.price, "1,000")
	test.Type(r.disc, "12.5")
	if got := r.amount.Text; got != "875.00" {
		t.Errorf("12.5%% off 1,000 shows %q, want 875.00", got)
	}
	if got := uitest.Texts(e.totals); !strings.Contains(got, "82,975.00") || !strings.Contains(got, "1,190,825.00") {
		t.Errorf("totals = %q, want the discount grown by 125.00 and the net total 1,190,825.00", got)
	}

	// A decimal comma.
	uitest.Retype(r.price, "12,50")
	if got := b.p.Pricing[5].UnitPrice; !got.Equal(proposal.MustDecimal("12.50")) {
		t.Errorf("“12,50” was read as %v, want 12.50", got)
	}
	if got := r.amount.Text; got != "10.94" {
		t.Errorf("12.5%% off 12.50 shows %q, want 10.94", got)
	}

	// Text that is not a number keeps what was typed and says so.
	uitest.Retype(r.qty, "abc")
	if r.qty.Text != "abc" {
		t.Errorf("the quantity shows %q, want the typed abc", r.qty.Text)
	}
	if !showsText(r.msg, "Quantity is not a number") {
		t.Errorf("the line says %q, want that the quantity is not a number", r.msg.Text)
	}
	if got := b.p.Pricing[5].Quantity; !got.IsZero() {
		t.Errorf("the quantity in the proposal became %v, want 0 from the emptied field before abc", got)
	}
	uitest.Retype(r.qty, "2")
	if r.msg.Visible() || r.amount.Text != "21.88" {
		t.Errorf("after correcting the quantity: message %q, amount %q; want none and 21.88", r.msg.Text, r.amount.Text)
	}

	// Discounts over 100% are refused by validation, next to the line.
	uitest.Retype(r.disc, "120")
	if !showsText(r.msg, "Discount % must be between 0 and 100 percent") {
		t.Errorf("a 120%% discount says %q", r.msg.Text)
	}
	uitest.Retype(r.disc, "0")

	// A line with figures marked wrong counts in no total: −500 at 150 %
	// off would add +250.00.
	before := uitest.Texts(e.totals)
	uitest.Retype(r.price, "-500")
	uitest.Retype(r.disc, "150")
	if r.amount.Text != "not counted" || r.amount.Importance != widget.DangerImportance || !r.msg.Visible() {
		t.Errorf("the invalid line shows %q (importance %v), message %q", r.amount.Text, r.amount.Importance, r.msg.Text)
	}
	if got := uitest.Texts(e.totals); strings.Contains(got, "1,190,200.00") || !strings.Contains(got, "1,189,950.00") {
		t.Errorf("totals with an invalid line = %q, want the five valid lines only (1,189,950.00); before it %q", got, before)
	}
}

func TestPricingCurrenciesAndOrder(t *testing.T) {
	_, _, _, b := openBuilderPart(t, northbridgeProposal, tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	if e.mixed.Visible() {
		t.Errorf("one currency warns %q", e.mixed.Text)
	}
	for _, c := range []string{"EUR", "GBP", "USD", "CHF", "JPY", "CAD"} {
		if !slices.Contains(e.rows[0].cur.Options, c) {
			t.Errorf("currency %s is not offered: %v", c, e.rows[0].cur.Options)
		}
	}
	last := e.rows[4]
	last.cur.SetSelected("EUR")
	if got := b.p.Pricing[4].Currency; got != "EUR" {
		t.Errorf("line currency = %q, want EUR", got)
	}
	if !showsText(e.mixed, "mixes currencies (GBP, EUR)") {
		t.Errorf("mixed currencies warn %q (visible %v)", e.mixed.Text, e.mixed.Visible())
	}
	if got := uitest.Texts(e.totals); !strings.Contains(got, "EUR") || !strings.Contains(got, "60,800.00") || !strings.Contains(got, "1,129,150.00") {
		t.Errorf("totals = %q, want GBP 1,129,150.00 and EUR 60,800.00", got)
	}
	if findingOf(b.findings, "mixed-currencies", "") == nil {
		t.Error("the readiness check does not see the mixed currencies")
	}

	test.Tap(e.add)
	if got := b.p.Pricing[5].Currency; got != "EUR" {
		t.Errorf("a line added after an EUR line is in %q, want EUR", got)
	}
	test.Tap(e.rows[5].del)
	if len(b.p.Pricing) != 5 || len(e.rows) != 5 {
		t.Fatalf("after removing: %d lines, %d rows; want 5", len(b.p.Pricing), len(e.rows))
	}

	// Move the training line (3) up above the cloud platform (2).
	training := b.p.Pricing[3].Description
	if !e.rows[0].up.Disabled() || !e.rows[4].down.Disabled() {
		t.Error("the first line can move up or the last down")
	}
	test.Tap(e.rows[3].up)
	if b.p.Pricing[2].Description != training || e.rows[2].desc.Text != training {
		t.Errorf("after moving up, line 2 is %q (shown %q), want %q", b.p.Pricing[2].Description, e.rows[2].desc.Text, training)
	}
	test.Tap(e.rows[2].down)
	if b.p.Pricing[3].Description != training {
		t.Errorf("after moving down, line 3 is %q, want %q", b.p.Pricing[3].Description, training)
	}
}

func TestPricingWithoutLinesLacksFigures(t *testing.T) {
	_, _, _, b := openBuilderPart(t, northbridgeProposal, tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	// Without factual sections and a financial result, only the pricing
	// gives the finance variant its figures.
	b.p.Items = nil
	b.p.Financial = proposal.Financial{}
	b.reloadAll()
	if f := findingOf(b.findings, "no-figures", proposal.Finance); f != nil {
		t.Fatalf("with pricing the finance variant lacks figures: %s", f.Text())
	}
	for len(e.rows) > 0 {
		test.Tap(e.rows[0].del)
	}
	if len(b.p.Pricing) != 0 {
		t.Fatalf("%d lines left after removing every row", len(b.p.Pricing))
	}
	if !e.empty.Visible() || len(e.list.Objects) != 1 || e.list.Objects[0] != e.empty {
		t.Error("an empty table does not say how to add a line")
	}
	if len(e.totals.Objects) != 0 {
		t.Error("an empty table still shows totals")
	}
	f := findingOf(b.findings, "no-figures", proposal.Finance)
	if f == nil || f.Severity != proposal.SeverityBlocking {
		t.Fatalf("no blocking no-figures finding for finance without pricing: %v", b.findings)
	}
	test.Tap(e.add)
	if f := findingOf(b.findings, "no-figures", proposal.Finance); f != nil {
		t.Errorf("adding a line does not clear %q", f.Text())
	}
}

func TestPricingFocusPlace(t *testing.T) {
	_, w, _, b := openBuilderPart(t, northbridgeProposal, tabSections)
	e := b.part(tabPricing).(*pricingEditor)
	b.jump(proposal.Place{Area: proposal.AreaPricing, Item: 2})
	if got := w.Canvas().Focused(); got != e.rows[2].desc {
		t.Errorf("jumping to line 2 focuses %T, want its description", got)
	}
	b.p.Pricing[3].UnitPrice = proposal.Decimal{}
	b.jump(proposal.Place{Area: proposal.AreaPricing, Item: 3})
	if got := w.Canvas().Focused(); got != e.rows[3].price {
		t.Errorf("jumping to line 3 without a price focuses %T, want its unit price", got)
	}
}

func TestFinancialPaybackAndROI(t *testing.T) {
	_, w, _, b := openBuilderPart(t, northbridgeProposal, tabFinancial)
	e := b.part(tabFinancial).(*financialEditor)
	if got := e.cur.Selected; got != "GBP" {
		t.Errorf("currency = %q, want GBP", got)
	}
	if got := e.inv.Text; got != "1,189,950.00" {
		t.Errorf("investment shows %q, want 1,189,950.00 as everywhere", got)
	}
	if e.findings.Visible() {
		t.Errorf("a matching investment shows %q", e.findings.Text)
	}

	uitest.Retype(e.inv, "100000")
	uitest.Retype(e.gain, "40000")
	uitest.Retype(e.years, "3")
	f := b.p.Financial
	if !f.Investment.Equal(proposal.Int(100000)) || !f.YearlyGain.Equal(proposal.Int(40000)) || f.Years != 3 {
		t.Errorf("financial result = %+v, want 100000, 40000 a year, 3 years", f)
	}
	if got := e.payback.Text; got != "Payback: 30 months" {
		t.Errorf("payback shows %q, want Payback: 30 months", got)
	}
	if got := e.roi.Text; got != "Return on investment over 3 years: 20%" {
		t.Errorf("ROI shows %q, want 20%% over 3 years", got)
	}
	want := "The investment in the financial result (GBP 100,000.00) differs from the pricing total (GBP 1,189,950.00)."
	if findingOf(b.findings, "pricing-mismatch", "") == nil || !showsText(e.findings, want) {
		t.Errorf("the mismatch shows %q (visible %v), want %q", e.findings.Text, e.findings.Visible(), want)
	}
	if got := e.total.Text; got != "Pricing total: GBP 1,189,950.00" {
		t.Errorf("pricing total shows %q", got)
	}

	uitest.Retype(e.years, "1")
	if got := e.roi.Text; got != "Return on investment over 1 year: -60%" {
		t.Errorf("ROI over one year shows %q", got)
	}

	// Text that cannot be read stays, with a message beside it.
	uitest.Retype(e.gain, "40k")
	if e.gain.Text != "40k" || !strings.Contains(e.fields.MessageOf("financial.yearly_gain"), "is not a number") {
		t.Errorf("gain %q says %q, want the text kept and a message", e.gain.Text, e.fields.MessageOf("financial.yearly_gain"))
	}
	if !b.p.Financial.YearlyGain.Equal(proposal.Int(40)) {
		t.Errorf("the gain became %v, want 40, the last text that was a number", b.p.Financial.YearlyGain)
	}
	uitest.Retype(e.gain, "40 000")
	if e.fields.MessageOf("financial.yearly_gain") != "" {
		t.Errorf("a corrected gain still says %q", e.fields.MessageOf("financial.yearly_gain"))
	}
	uitest.Retype(e.years, "0")
	if got := e.fields.MessageOf("financial.years"); got != "must be between 1 and 30" {
		t.Errorf("0 years says %q", got)
	}
	uitest.Retype(e.years, "")
	if b.p.Financial.Years != 0 || e.fields.MessageOf("financial.years") != "" || !strings.Contains(e.roi.Text, "over 3 years") {
		t.Errorf("empty years: %d, message %q, ROI %q; want the default of 3 years", b.p.Financial.Years, e.fields.MessageOf("financial.years"), e.roi.Text)
	}

	test.Tap(e.useTotal)
	if got := e.inv.Text; got != "1,189,950.00" {
		t.Errorf("Use the pricing total fills %q, want 1,189,950.00", got)
	}
	if !b.p.Financial.Investment.Equal(proposal.MustDecimal("1189950")) {
		t.Errorf("investment = %v, want the pricing total", b.p.Financial.Investment)
	}
	if findingOf(b.findings, "pricing-mismatch", "") != nil || e.findings.Visible() {
		t.Errorf("the mismatch is still reported: %q", e.findings.Text)
	}

	// In a currency without pricing the table's total is offered.
	e.cur.SetSelected("EUR")
	if b.p.Financial.Currency != "EUR" || e.useTotal.Disabled() || !strings.Contains(e.total.Text, "GBP 1,189,950.00") {
		t.Errorf("currency %q, button disabled %v, total %q; want EUR and the GBP total offered", b.p.Financial.Currency, e.useTotal.Disabled(), e.total.Text)
	}
	b.jump(proposal.Place{Area: proposal.AreaFinancial, Item: -1})
	if w.Canvas().Focused() != e.inv {
		t.Error("jumping to the financial result does not focus the investment")
	}
}

func TestFinancialDefaultsToThePricingCurrency(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	b, err := NewBuilder(d, st, northbridgeProposal)
	if err != nil {
		t.Fatal(err)
	}
	b.p.Financial = proposal.Financial{}
	b.reloadAll()
	e := b.part(tabFinancial).(*financialEditor)
	if e.cur.Selected != "GBP" || e.years.Text != "" || e.years.PlaceHolder != "3" {
		t.Errorf("an empty result shows currency %q, years %q (placeholder %q); want GBP and the default 3", e.cur.Selected, e.years.Text, e.years.PlaceHolder)
	}
	if !strings.Contains(e.payback.Text, "enter an investment") {
		t.Errorf("payback without figures shows %q", e.payback.Text)
	}
	test.Tap(e.useTotal)
	if f := b.p.Financial; f.Currency != "GBP" || !f.Investment.Equal(proposal.MustDecimal("1189950")) {
		t.Errorf("financial result = %+v, want GBP 1189950", f)
	}
}

func TestPeopleReferencesAndCreditsAreSaved(t *testing.T) {
	_, _, st, b := openBuilderPart(t, northbridgeProposal, tabPeople)
	e := b.part(tabPeople).(*peopleEditor)
	if len(e.refItems) != 5 || len(e.memberRows) != 5 {
		t.Fatalf("%d references and %d members listed, want 5 and 5", len(e.refItems), len(e.memberRows))
	}
	texts := uitest.Texts(e.refs)
	for _, want := range []string{"1. Kelsey & Rowe Homes", "2. Pellmore University Hospitals",
		"Factory-fitted heating and ventilation controls for 640 timber-frame homes — 2024",
		"May be contacted: Graham Ashdown, Technical Director", "No consent: name and contact will not be printed"} {
		if !strings.Contains(texts+"\n"+checkTexts(e.refs), want) {
			t.Errorf("the references do not show %q:\n%s", want, texts)
		}
	}

	test.Tap(refRow(t, e, "ref-st-aldric-trust").chk)
	test.Tap(refRow(t, e, "ref-kelsey-rowe-homes").chk)
	if want := []string{"ref-pellmore-hospitals", "ref-st-aldric-trust"}; !slices.Equal(b.p.References, want) {
		t.Errorf("references = %v, want %v (the order of ticking)", b.p.References, want)
	}
	test.Tap(refRow(t, e, "ref-st-aldric-trust").up)
	if want := []string{"ref-st-aldric-trust", "ref-pellmore-hospitals"}; !slices.Equal(b.p.References, want) {
		t.Errorf("after moving up: %v, want %v", b.p.References, want)
	}
	if got := e.refViewOf(0).chk.Text; got != "1. St Aldric Trust Bank" {
		t.Errorf("the first reference row is %q, want St Aldric numbered 1", got)
	}

	test.Tap(e.memberRows["team-jonas-brandt"])
	test.Tap(e.memberRows["team-elin-achterberg"])
	uitest.Retype(e.roleInputs["team-elin-achterberg"], "Roll-out planning")
	test.Tap(e.creditUp["team-elin-achterberg"])
	wantCredits := []proposal.Credit{
		{MemberID: "team-mara-lindqvist", Role: "Account lead and commercial terms"},
		{MemberID: "team-elin-achterberg", Role: "Roll-out planning"},
		{MemberID: "team-priya-natarajan", Role: "Technical solution and specification"},
	}
	if !slices.Equal(b.p.Credits, wantCredits) {
		t.Errorf("credits = %v, want %v", b.p.Credits, wantCredits)
	}
	if want := []string{"Mara Lindqvist", "Elin Achterberg", "Priya Natarajan"}; !slices.Equal(e.author.Options, want) {
		t.Errorf("authors offered = %v, want the credited %v", e.author.Options, want)
	}
	e.author.SetSelected("Priya Natarajan")
	if b.p.Author != "team-priya-natarajan" {
		t.Errorf("author = %q, want team-priya-natarajan", b.p.Author)
	}
	// Ticking a member again brings back their role.
	test.Tap(e.memberRows["team-jonas-brandt"])
	if got := e.roleInputs["team-jonas-brandt"].Text; got != "Pricing and financial result" {
		t.Errorf("Jonas's role on ticking again = %q", got)
	}
	test.Tap(e.memberRows["team-jonas-brandt"])

	b.OnSave()
	if b.Dirty() {
		t.Fatal("the proposal is not saved")
	}
	p, err := st.Proposal(northbridgeProposal)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.References, b.p.References) || !slices.Equal(p.Credits, wantCredits) || p.Author != "team-priya-natarajan" {
		t.Errorf("read back: references %v, credits %v, author %q", p.References, p.Credits, p.Author)
	}

	// Nobody credited blocks sending.
	for _, id := range []string{"team-mara-lindqvist", "team-elin-achterberg", "team-priya-natarajan"} {
		test.Tap(e.memberRows[id])
	}
	f := findingOf(b.findings, "no-credits", "")
	if len(b.p.Credits) != 0 || f == nil || f.Severity != proposal.SeverityBlocking {
		t.Fatalf("without credits: %v, finding %v", b.p.Credits, f)
	}
	if !showsText(e.teamNotes, "Nobody is credited for preparing the proposal.") || e.teamNotes.Importance != widget.DangerImportance {
		t.Errorf("the team list says %q", e.teamNotes.Text)
	}
	if got := e.author.Options; len(got) != 1 || got[0] != "Priya Natarajan (not credited)" {
		t.Errorf("authors offered without credits = %v, want the author marked as not credited", got)
	}

	// Without references the HR variant cites none.
	for _, id := range slices.Clone(b.p.References) {
		test.Tap(refRow(t, e, id).chk)
	}
	if findingOf(b.findings, "no-references", proposal.HR) == nil || !showsText(e.refNotes, "The HR variant cites no references.") {
		t.Errorf("without references the list says %q", e.refNotes.Text)
	}
	b.jump(proposal.Place{Area: proposal.AreaCredits, Item: -1})
	if got := b.host.Window().Canvas().Focused(); got != e.teamChecks[0] {
		t.Errorf("jumping to the credits focuses %T, want the first team member", got)
	}
	b.jump(proposal.Place{Area: proposal.AreaReferences, Item: -1})
	if got := b.host.Window().Canvas().Focused(); got != e.refViewOf(0).chk {
		t.Errorf("jumping to the references focuses %T, want the first reference", got)
	}
}

// refRow returns the row of the references list that shows reference id,
// scrolled into view.
func refRow(t *testing.T, e *peopleEditor, id string) *refView {
	t.Helper()
	i := slices.IndexFunc(e.refItems, func(it refItem) bool { return it.id == id })
	v := e.refViewOf(i)
	if v == nil {
		t.Fatalf("no row shows reference %q", id)
	}
	return v
}

// checkTexts returns the labels of the check boxes under root.
func checkTexts(root fyne.CanvasObject) string {
	var texts []string
	for _, o := range test.LaidOutObjects(root) {
		if c, ok := uitest.AsCheck(o); ok {
			texts = append(texts, c.Text)
		}
	}
	return strings.Join(texts, "\n")
}

func TestPeopleFlagsMembersWithoutContact(t *testing.T) {
	d, _, st, _ := openBuilderPart(t, northbridgeProposal, tabPeople)
	m := dossier.TeamMember{Name: "Ada Quist", Position: "Bid Manager"}
	if err := st.SaveTeamMember(&m); err != nil {
		t.Fatal(err)
	}
	d.Show(ui.Place{Screen: "proposal", ID: northbridgeProposal + ":" + tabPeople}) // again, with her in the team
	b := d.Current().(*builder)
	e := b.part(tabPeople).(*peopleEditor)
	const flag = "No e-mail or phone: the readiness check will block"
	if !strings.Contains(uitest.Texts(e.team), flag) {
		t.Errorf("a member without contacts is not flagged:\n%s", uitest.Texts(e.team))
	}
	test.Tap(e.memberRows[m.ID])
	f := findingOf(b.findings, "credit-without-contact", "")
	if f == nil || !showsText(e.teamNotes, "Ada Quist is credited without an e-mail address or a phone number.") {
		t.Errorf("crediting her: finding %v, the list says %q", f, e.teamNotes.Text)
	}
}

func TestValidityDaysOrDate(t *testing.T) {
	_, w, _, b := openBuilderPart(t, northbridgeProposal, tabValidity)
	e := b.part(tabValidity).(*validityEditor)
	if e.byDate() || e.days.Text != "45" || e.issued.Text != "2026-11-25" {
		t.Errorf("shows by date %v, %q days from %q; want 45 days from 2026-11-25 (revision 2)", e.byDate(), e.days.Text, e.issued.Text)
	}
	if got := e.expiry.Text; got != "Valid until Saturday 9 January 2027 — 45 days from the issue date" {
		t.Errorf("expiry shows %q", got)
	}
	uitest.Retype(e.issued.Entry, "2026-11-20")
	if got := e.expiry.Text; got != "Valid until Monday 4 January 2027 — 45 days from the issue date" {
		t.Errorf("expiry shows %q", got)
	}
	if e.warning.Visible() {
		t.Errorf("40 days before the expiry warns %q", e.warning.Text)
	}

	e.mode.SetSelected(validUntilDate())
	if b.p.ValidDays != 0 || b.p.ValidUntil != dossier.MustDate("2027-01-04") || e.until.Text != "2027-01-04" {
		t.Errorf("switching to a date: %d days, until %v (shown %q); want 2027-01-04 and no days", b.p.ValidDays, b.p.ValidUntil, e.until.Text)
	}
	if !e.byUntil.Visible() || e.forDays.Visible() {
		t.Error("switching to a date does not show the date instead of the days")
	}
	uitest.Retype(e.until.Entry, "2027-01-08")
	if got := e.expiry.Text; got != "Valid until Friday 8 January 2027 — 49 days from the issue date" {
		t.Errorf("expiry shows %q", got)
	}
	if b.p.Expiry() != dossier.MustDate("2027-01-08") || !b.Dirty() {
		t.Errorf("expiry = %v (dirty %v), want 2027-01-08", b.p.Expiry(), b.Dirty())
	}

	uitest.Retype(e.until.Entry, "2026-11-30")
	if !showsText(e.warning, "The proposal expires in 5 days.") || findingOf(b.findings, "expiring-soon", "") == nil {
		t.Errorf("5 days before the expiry warns %q", e.warning.Text)
	}
	uitest.Retype(e.until.Entry, "2026-11-20")
	if !showsText(e.warning, "This date has passed: the proposal expired on Friday 20 November 2026.") || e.warning.Importance != widget.DangerImportance {
		t.Errorf("a past date warns %q", e.warning.Text)
	}
	if f := findingOf(b.findings, "expired", ""); f == nil || f.Severity != proposal.SeverityBlocking {
		t.Errorf("a past date gives no blocking expired finding: %v", b.findings)
	}
	if !strings.Contains(b.status.Text, "Expired") {
		t.Errorf("the header says %q, want Expired", b.status.Text)
	}

	uitest.Retype(e.until.Entry, "2026-10-01")
	if got := e.fields.MessageOf("valid_until"); got != "cannot be before the issue date" {
		t.Errorf("a date before the issue says %q", got)
	}
	uitest.Retype(e.until.Entry, "2026-13-01")
	if e.until.Text != "2026-13-01" || e.fields.MessageOf("valid_until") != "has no month 13: months go from 01 to 12" {
		t.Errorf("an invalid date shows %q with %q", e.until.Text, e.fields.MessageOf("valid_until"))
	}
	uitest.Retype(e.until.Entry, "2026-12-26")

	e.mode.SetSelected(validForDays())
	if b.p.ValidDays != 36 || !b.p.ValidUntil.IsZero() || e.days.Text != "36" {
		t.Errorf("back to days: %d days (shown %q), until %v; want 36 and no date", b.p.ValidDays, e.days.Text, b.p.ValidUntil)
	}
	uitest.Retype(e.days, "abc") // emptied (no validity), then text that is not a number
	if e.days.Text != "abc" || e.fields.MessageOf("valid_days") != "is not a whole number of days" || b.p.ValidDays != 0 {
		t.Errorf("days abc: shown %q, message %q, kept %d", e.days.Text, e.fields.MessageOf("valid_days"), b.p.ValidDays)
	}
	uitest.Retype(e.days, "1")
	if got := e.expiry.Text; got != "Valid until Saturday 21 November 2026 — 1 day from the issue date" {
		t.Errorf("one day shows %q", got)
	}
	uitest.Retype(e.issued.Entry, "")
	if findingOf(b.findings, "no-expiry", "") == nil || !strings.Contains(e.expiry.Text, "No expiry date yet") {
		t.Errorf("without an issue date: %q", e.expiry.Text)
	}

	b.jump(proposal.Place{Area: proposal.AreaValidity, Item: -1})
	if w.Canvas().Focused() != e.issued.Entry {
		t.Error("jumping to the validity does not focus the issue date")
	}
}

func TestBuilderEditorsGolden(t *testing.T) {
	for _, c := range []struct {
		tab    string
		height float32
		// then changes the tab for a second master, tab_<then>.xml
		then   string
		change func(b *builder)
	}{
		{tabPricing, 700, "warnings", func(b *builder) {
			e := b.part(tabPricing).(*pricingEditor)
			e.rows[4].cur.SetSelected("EUR")
			test.Type(e.rows[3].qty, "x")
		}},
		{tabFinancial, 800, "mismatch", func(b *builder) {
			uitest.Retype(b.part(tabFinancial).(*financialEditor).inv, "1,000,000")
		}},
		{tabPeople, 900, "", nil},
		{tabValidity, 500, "expired", func(b *builder) {
			e := b.part(tabValidity).(*validityEditor)
			uitest.Retype(e.issued.Entry, "2026-11-20")
			e.mode.SetSelected(validUntilDate())
			uitest.Retype(e.until.Entry, "2026-11-24")
		}},
	} {
		t.Run(c.tab, func(t *testing.T) {
			d, _, st := openProposalArea(t, true)
			reviseSent(t, st, northbridgeProposal)
			b, err := NewBuilder(d, st, northbridgeProposal)
			if err != nil {
				t.Fatal(err)
			}
			// The tab alone, so that the other tabs of the builder do not
			// change it.
			w := test.NewTempWindow(t, b.part(c.tab).Content())
			w.Resize(fyne.NewSize(1100, c.height))
			test.AssertRendersToMarkup(t, "builder/"+c.tab+".xml", w.Canvas())
			if c.change != nil {
				c.change(b)
				test.AssertRendersToMarkup(t, "builder/"+c.tab+"_"+c.then+".xml", w.Canvas())
			}
		})
	}
}

// TestUnreadableTextBlocksSave: a save while a field holds text that is not
// a number keeps the text on screen and the stored proposal unchanged.
func TestUnreadableTextBlocksSave(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	before, _ := st.Proposal("prop-castellan-calm-rollout")
	d.Show(ui.Place{Screen: "proposal", ID: "prop-castellan-calm-rollout"})
	b := d.Current().(*builder)
	b.p.Title = "Retitled while a field is unreadable"
	b.changed()
	fin := b.part(tabFinancial).(*financialEditor)
	fin.gain.SetText("40k")
	b.OnSave()
	if fin.gain.Text != "40k" {
		t.Errorf("the typed text was lost: %q", fin.gain.Text)
	}
	if got := b.tabs.Selected().Text; got != lang.L("Financial result") {
		t.Errorf("after a refused save the tab is %q, want the financial result", got)
	}
	after, _ := st.Proposal("prop-castellan-calm-rollout")
	if after.Title != before.Title {
		t.Errorf("the refused save stored the title %q", after.Title)
	}
	fin.gain.SetText("40000")
	b.OnSave()
	after, _ = st.Proposal("prop-castellan-calm-rollout")
	if after.Title != "Retitled while a field is unreadable" || !after.Financial.YearlyGain.Equal(proposal.Int(40000)) {
		t.Errorf("after fixing the field the save stored %q, gain %v", after.Title, after.Financial.YearlyGain)
	}
}

// TestPeopleReferencesMakeRowsInView: with hundreds of references in the
// workspace the tab makes rows only for those in view (a column of a row
// each kept the UI goroutine a second at 250), and a reference far down
// the list is ticked, numbered and moved like the first.
func TestPeopleReferencesMakeRowsInView(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	reviseSent(t, st, northbridgeProposal)
	for i := range 300 {
		r := dossier.Reference{Client: fmt.Sprintf("Zephyr Client %03d", i), Project: "Controls for an invented site", Year: 2025}
		if err := st.SaveReference(&r); err != nil {
			t.Fatal(err)
		}
	}
	d.Show(ui.Place{Screen: "proposal", ID: northbridgeProposal + ":" + tabPeople})
	b := d.Current().(*builder)
	e := b.part(tabPeople).(*peopleEditor)
	if len(e.refItems) != 305 {
		t.Fatalf("%d references listed, want 305", len(e.refItems))
	}
	if n := len(e.refViews); n == 0 || n > 20 {
		t.Errorf("%d rows made for 305 references, want those in view", n)
	}
	lastItem := e.refItems[len(e.refItems)-1]
	last := lastItem.id
	test.Tap(refRow(t, e, last).chk)
	n := len(b.p.References)
	if n != 3 || b.p.References[2] != last {
		t.Fatalf("after ticking the last reference: %v", b.p.References)
	}
	v := refRow(t, e, last)
	if want := "3. " + lastItem.ref.Client; v.chk.Text != want || !v.chk.Checked || v.up.Disabled() || v.buttons.Hidden {
		t.Errorf("its row shows %q (ticked %v, up enabled %v)", v.chk.Text, v.chk.Checked, !v.up.Disabled())
	}
	test.Tap(v.up)
	if b.p.References[1] != last {
		t.Errorf("after moving it up: %v", b.p.References)
	}
	if n := len(e.refViews); n > 40 {
		t.Errorf("%d rows made after scrolling", n)
	}
}

// createDraft creates a draft for account acct in language, as "proposal
// new" does: every library section, nothing else.
func createDraft(t *testing.T, st *store.Store, acct, language string) proposal.Proposal {
	t.Helper()
	p := proposal.Proposal{AccountID: acct, Title: "Extension", Language: language, Status: proposal.Draft}
	secs, err := st.Sections()
	if err != nil {
		t.Fatal(err)
	}
	// the library in the draft's language, as the New proposal dialog
	// takes it; the English one for a language the library lacks
	pick := language
	if !slices.ContainsFunc(secs, func(s proposal.Section) bool { return strings.EqualFold(s.Language, language) }) {
		pick = "en"
	}
	for _, s := range secs {
		if strings.EqualFold(s.Language, pick) {
			p.Items = append(p.Items, proposal.Item{SectionID: s.ID})
		}
	}
	if err := st.CreateProposal(&p); err != nil {
		t.Fatal(err)
	}
	return p
}

// newSampleProposal creates a draft (createDraft) and opens it in the
// builder on tab.
func newSampleProposal(t *testing.T, acct, language, tab string) (fyne.Window, *builder) {
	t.Helper()
	d, w, st := openProposalArea(t, true)
	p := createDraft(t, st, acct, language)
	d.Show(ui.Place{Screen: "proposal", ID: p.ID})
	b, ok := d.Current().(*builder)
	if !ok {
		t.Fatalf("screen = %T, want the proposal builder", d.Current())
	}
	b.showTab(tab)
	return w, b
}

// TestNewPricingLineTakesTheClientsCurrency: the first line of a new
// proposal for a UK client (whose earlier proposal is priced in GBP) is in
// GBP, not in EUR, the first currency offered; without history, a
// language with a region ("nb-NO") tells the currency.
func TestNewPricingLineTakesTheClientsCurrency(t *testing.T) {
	for _, c := range []struct{ acct, language, want string }{
		{"northbridge", "en", "GBP"},
		{"meridian", "nb-NO", "NOK"},
	} {
		_, b := newSampleProposal(t, c.acct, c.language, tabPricing)
		e := b.part(tabPricing).(*pricingEditor)
		test.Tap(e.add)
		if len(e.rows) != 1 {
			t.Fatalf("%s: %d rows after Add line, want 1", c.acct, len(e.rows))
		}
		if got := b.p.Pricing[0].Currency; got != c.want || e.rows[0].cur.Selected != c.want {
			t.Errorf("%s (%s): the new line is in %q (shown %q), want %s", c.acct, c.language, got, e.rows[0].cur.Selected, c.want)
		}
	}
}

// TestNewPricingLineSaysWhatIsMissingOnceLeft: a line just added does not
// greet the user with "Description is required"; leaving the description
// empty does say it, and a failed save says it for every field.
func TestNewPricingLineSaysWhatIsMissingOnceLeft(t *testing.T) {
	_, w, _, b := openBuilderPart(t, northbridgeProposal, tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	test.Tap(e.add)
	r := e.rows[len(e.rows)-1]
	if w.Canvas().Focused() != r.desc {
		t.Fatal("Add line does not put the cursor in the new description")
	}
	if r.msg.Visible() {
		t.Errorf("a line just added says %q before the user typed anything", r.msg.Text)
	}
	w.Canvas().Focus(r.qty) // Tab to the quantity, the description left empty
	if !showsText(r.msg, "Description is required") {
		t.Errorf("after leaving the empty description the line says %q, want that it is required", r.msg.Text)
	}
	test.Type(r.desc, "Spare controllers")
	if r.msg.Visible() {
		t.Errorf("with a description the line still says %q", r.msg.Text)
	}

	// A line never visited shows its problems when saving fails.
	test.Tap(e.add)
	r = e.rows[len(e.rows)-1]
	if r.msg.Visible() {
		t.Errorf("a second new line says %q at once", r.msg.Text)
	}
	if b.SaveChanges() {
		t.Fatal("a line without a description was saved")
	}
	if !showsText(r.msg, "Description is required") {
		t.Errorf("after the failed save the line says %q, want that the description is required", r.msg.Text)
	}
}

// TestFinancialResultFollowsThePricingCurrency: repricing the table in
// EUR takes the financial result (in GBP, the table's former currency)
// along; "Use the pricing total" in a result of another currency sets the
// currency and the investment both.
func TestFinancialResultFollowsThePricingCurrency(t *testing.T) {
	_, _, _, b := openBuilderPart(t, northbridgeProposal, tabFinancial)
	f := b.part(tabFinancial).(*financialEditor)
	if f.cur.Selected != "GBP" {
		t.Fatalf("the sample's result is in %q, want GBP", f.cur.Selected)
	}
	b.showTab(tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	for _, r := range e.rows {
		r.cur.SetSelected("EUR")
	}
	b.showTab(tabFinancial)
	if b.p.Financial.Currency != "EUR" || f.cur.Selected != "EUR" {
		t.Errorf("after repricing in EUR the result is in %q (shown %q), want EUR", b.p.Financial.Currency, f.cur.Selected)
	}
	if !strings.Contains(f.total.Text, "EUR 1,189,950.00") {
		t.Errorf("the result offers %q, want the EUR pricing total", f.total.Text)
	}

	// A result the user put in another currency stays there...
	f.cur.SetSelected("USD")
	b.showTab(tabPricing)
	e.rows[0].cur.SetSelected("GBP")
	b.showTab(tabFinancial)
	if b.p.Financial.Currency != "USD" {
		t.Errorf("a result chosen in USD moved to %q with the pricing", b.p.Financial.Currency)
	}
	// ...until "Use the pricing total" takes the table's total and currency.
	if f.useTotal.Disabled() {
		t.Fatal("Use the pricing total is disabled while the table has a total")
	}
	test.Tap(f.useTotal)
	tot := proposal.Totals(b.p.Pricing)[0]
	if b.p.Financial.Currency != tot.Currency || f.cur.Selected != tot.Currency || !b.p.Financial.Investment.Equal(tot.Net) {
		t.Errorf("Use the pricing total gave %s %v (shown %q), want %s %v", b.p.Financial.Currency, b.p.Financial.Investment, f.cur.Selected, tot.Currency, tot.Net)
	}
}

// TestPricingInTheDesksLanguage: in a Russian desk the pricing table's
// entries show amounts as Russian writes them ("1 180,00") and read what
// a Russian user types: "1 250,50" is 1250.50 and "1,5" one and a half,
// where the English desk reads "1,250" as 1250.
func TestPricingInTheDesksLanguage(t *testing.T) {
	uitest.UseLanguage(t, "ru")
	_, _, _, b := openBuilderPart(t, northbridgeProposal, tabPricing)
	e := b.part(tabPricing).(*pricingEditor)
	r := e.rows[0]
	if got := r.price.Text; got != "1\u00a0180,00" {
		t.Errorf("the first line's price shows %q, want 1\u00a0180,00", got)
	}
	if got := r.disc.Text; got != "7,5" {
		t.Errorf("the first line's discount shows %q, want 7,5", got)
	}
	uitest.Retype(r.price, "1 250,50")
	uitest.Retype(r.qty, "1,5")
	uitest.Retype(r.disc, "0")
	if r.msg.Visible() {
		t.Fatalf("Russian numbers refused: %s", r.msg.Text)
	}
	l := b.p.Pricing[0]
	if l.UnitPrice.String() != "1250.5" || l.Quantity.String() != "1.5" {
		t.Errorf("read price %s, quantity %s; want 1250.5 and 1.5", l.UnitPrice, l.Quantity)
	}
	if got := r.amount.Text; got != "1\u00a0875,75" {
		t.Errorf("1,5 × 1 250,50 shows %q, want 1\u00a0875,75", got)
	}
	uitest.Retype(r.price, "12 x")
	if !r.msg.Visible() || !strings.Contains(r.msg.Text, "не является числом") {
		t.Errorf("a price that is not a number says %q", r.msg.Text)
	}
}
