package proposal

import (
	"slices"
	"testing"
)

// TestKeyItems: every item gets a key of its own; keys items have stay,
// a key two items share is given anew to the second.
func TestKeyItems(t *testing.T) {
	p := &Proposal{Items: []Item{{Key: "i7"}, {}, {Key: "mine"}, {Key: "i7"}, {}}}
	p.KeyItems()
	var keys []string
	for _, it := range p.Items {
		keys = append(keys, it.Key)
	}
	if want := []string{"i7", "i8", "mine", "i9", "i10"}; !slices.Equal(keys, want) {
		t.Errorf("keys = %q, want %q", keys, want)
	}
	p.KeyItems()
	for i, it := range p.Items {
		if it.Key != keys[i] {
			t.Errorf("keying again changed item %d's key to %q", i, it.Key)
		}
	}
}

// TestOwnOrder: a variant read in the user's order: the items it names in
// that order, in the places they held; the letter still opens it, the
// credits and validity still close it, and each table follows the last
// section of its kind wherever that goes. Without the order, the tailored
// order again; other variants are untouched.
func TestOwnOrder(t *testing.T) {
	p, c := northbridge()
	p.KeyItems()
	tailored := assembleAll(t, p, c)
	_, middle := OrderedItems(p, c, Finance)
	keys := make([]string, len(middle))
	for i, ix := range middle {
		keys[len(middle)-1-i] = p.Items[ix].Key // reversed
	}
	p.SetOrder(Finance, append(keys, "gone", keys[0])) // an unknown key and a repeat are ignored
	if !p.HasOwnOrder(Finance) || p.HasOwnOrder(HR) {
		t.Fatalf("own orders: finance %v, hr %v", p.HasOwnOrder(Finance), p.HasOwnOrder(HR))
	}
	v, err := Assemble(p, c, Finance)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{p.Title, "Dear reader", "Exclusive terms for Northbridge", "Your programme",
		"Service levels and support", "What changes on site", "Technical specification", "Commercial terms", "Pricing",
		"Figures and payback", "Financial result", "References", "Prepared by", "Validity"}
	if got := titlesOf(v); !slices.Equal(got, want) {
		t.Errorf("finance in the user's order:\n got %q\nwant %q", got, want)
	}
	_, again := OrderedItems(p, c, Finance)
	if slices.Reverse(again); !slices.Equal(again, middle) {
		t.Errorf("OrderedItems after the reorder = %v, want %v reversed", again, middle)
	}
	hr, _ := Assemble(p, c, HR)
	if !slices.Equal(titlesOf(hr), titlesOf(tailored[HR])) {
		t.Errorf("the HR variant changed with the finance order: %q", titlesOf(hr))
	}

	// Part of the order: the others keep their places.
	p.SetOrder(Finance, []string{keys[0], keys[1]}) // the last two (keys is reversed), swapped
	v, _ = Assemble(p, c, Finance)
	want = slices.Clone(titlesOf(tailored[Finance]))
	i, j := slices.Index(want, "Your programme"), slices.Index(want, "Exclusive terms for Northbridge")
	want[i], want[j] = want[j], want[i]
	if got := titlesOf(v); !slices.Equal(got, want) {
		t.Errorf("finance with two sections swapped:\n got %q\nwant %q", got, want)
	}

	p.SetOrder(Finance, nil)
	if p.HasOwnOrder(Finance) || p.Orders != nil {
		t.Errorf("after going back to the tailored order: %v", p.Orders)
	}
	v, _ = Assemble(p, c, Finance)
	if !slices.Equal(titlesOf(v), titlesOf(tailored[Finance])) {
		t.Errorf("finance back in the tailored order: %q", titlesOf(v))
	}
}

// TestOwnOrderIsContent: the order is part of what a sent revision
// freezes.
func TestOwnOrderIsContent(t *testing.T) {
	p, _ := northbridge()
	p.KeyItems()
	q := *p
	q.SetOrder(HR, []string{p.Items[1].Key})
	if p.SameContent(&q) {
		t.Error("a proposal with its own HR order has the same content as one without")
	}
}
