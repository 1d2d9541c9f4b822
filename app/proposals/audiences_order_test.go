package proposals

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/proposal"
)

// TestAudiencesReorderAVariant: on a variant's tab the user moves a
// section down; the preview reads in the new order at once, the proposal
// is unsaved, and once saved the order is the stored proposal's, which
// the export follows; the letter still opens the variant. "Back to the
// suggested order" undoes it.
func TestAudiencesReorderAVariant(t *testing.T) {
	d, _, st := openProposalArea(t, true)
	b, _ := outPartWindow(t, d, st, outputDraft, tabAudiences, fyne.NewSize(900, 700))
	a := b.part(tabAudiences).(*audiencesPart)
	a.showAudience(proposal.Finance)
	v := a.current()
	_, before := proposal.OrderedItems(&b.p, b.ctx, proposal.Finance)
	if len(before) < 3 || len(v.moves) != len(before) {
		t.Fatalf("the finance tab lists %d sections to move, the variant reads %d", len(v.moves), len(before))
	}
	if !v.moves[0][0].Disabled() || v.moves[0][1].Disabled() || !v.reset.Disabled() {
		t.Error("the first section can move up, or not down, or the suggested order can be restored already")
	}
	test.Tap(v.moves[0][1]) // the first section down
	_, after := proposal.OrderedItems(&b.p, b.ctx, proposal.Finance)
	want := append([]int{before[1], before[0]}, before[2:]...)
	if !slices.Equal(after, want) || !b.p.HasOwnOrder(proposal.Finance) || !b.Dirty() {
		t.Fatalf("after moving the first section down the order is %v (own %v, unsaved %v), want %v",
			after, b.p.HasOwnOrder(proposal.Finance), b.Dirty(), want)
	}
	v = a.current()
	if v.reset.Disabled() {
		t.Error("the variant has its own order and cannot go back to the suggested one")
	}
	firstTitle := itemTitle(&b.p, b.ctx, before[0])
	secondTitle := itemTitle(&b.p, b.ctx, before[1])
	var order []string
	for _, blk := range v.variant.Blocks {
		order = append(order, blk.Title)
	}
	if i, j := slices.Index(order, secondTitle), slices.Index(order, firstTitle); i < 0 || j < 0 || i > j {
		t.Errorf("the preview's variant does not read %q before %q: %q", secondTitle, firstTitle, order)
	}
	if v.variant.Blocks[1].Kind != proposal.KindCover {
		t.Errorf("the variant no longer opens with the letter: %q", order)
	}
	if !b.SaveChanges() {
		t.Fatal("the reordered proposal does not save")
	}
	stored, _ := st.Proposal(outputDraft)
	if _, got := proposal.OrderedItems(&stored, b.ctx, proposal.Finance); !slices.Equal(got, want) {
		t.Errorf("the stored proposal reads %v, want %v", got, want)
	}
	if _, hr := proposal.OrderedItems(&stored, b.ctx, proposal.HR); stored.HasOwnOrder(proposal.HR) || len(hr) == 0 {
		t.Errorf("the HR variant got an order too: %v", stored.Orders)
	}

	test.Tap(a.current().reset)
	if _, got := proposal.OrderedItems(&b.p, b.ctx, proposal.Finance); !slices.Equal(got, before) || b.p.HasOwnOrder(proposal.Finance) {
		t.Errorf("back to the suggested order: %v, want %v", got, before)
	}
}
