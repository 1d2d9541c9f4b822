package proposal

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// The order of a variant. Every variant opens with the title block and the
// covering letter (items of kind cover-letter), and closes with the team
// credits and the validity. Between them:
//
//   - the whole group reads the items in the proposal's order;
//   - an audience reads the items that matter to it in a tailored order
//     (readingGroup, then weight), items of kind validity last;
//   - the user may set their own order for a variant (Proposal.Orders,
//     by item key); items it does not name keep the places the default
//     gives them;
//   - a generated block follows the last item that speaks of it: the
//     references after the last item of kind references, the pricing
//     table after the last of kind pricing, the financial result after
//     the last of kind figures; without one they come after the items,
//     in that order.

// KeyItems gives every item of p a key that no other item has ("i1",
// "i2", …), keeping the keys items already have: Orders names items by
// their keys, which stay as items move.
func (p *Proposal) KeyItems() {
	seen := map[string]bool{}
	next := 1
	for _, it := range p.Items {
		if n, err := strconv.Atoi(strings.TrimPrefix(it.Key, "i")); err == nil && strings.HasPrefix(it.Key, "i") {
			next = max(next, n+1)
		}
	}
	for i := range p.Items {
		if k := p.Items[i].Key; k != "" && !seen[k] {
			seen[k] = true
			continue
		}
		p.Items[i].Key = "i" + strconv.Itoa(next)
		seen[p.Items[i].Key] = true
		next++
	}
}

// SetOrder makes keys the order of the variant for a, keys naming items
// (KeyItems) in reading order; nil goes back to the tailored order.
func (p *Proposal) SetOrder(a Audience, keys []string) {
	if len(keys) == 0 {
		delete(p.Orders, a)
		if len(p.Orders) == 0 {
			p.Orders = nil
		}
		return
	}
	if p.Orders == nil {
		p.Orders = map[Audience][]string{}
	}
	p.Orders[a] = slices.Clone(keys)
}

// HasOwnOrder reports whether the user set the order of the variant for a.
func (p *Proposal) HasOwnOrder(a Audience) bool { return len(p.Orders[a]) > 0 }

// arrangeItems returns the parts a variant for a includes, in reading
// order (see above): the covering letters first, then the rest as the
// whole group, the tailored order or the user's order (own, item keys)
// has them.
func arrangeItems(ps []part, a Audience, own []string) []part {
	var letters, rest []part
	for _, pt := range ps {
		switch {
		case a != All && pt.weights.For(a) <= 0:
		case pt.kind == KindCover:
			letters = append(letters, pt)
		default:
			rest = append(rest, pt)
		}
	}
	if a != All {
		slices.SortStableFunc(rest, func(x, y part) int {
			if c := cmp.Compare(closingRank(x.kind), closingRank(y.kind)); c != 0 {
				return c
			}
			if c := cmp.Compare(readingGroup(a, x.kind), readingGroup(a, y.kind)); c != 0 {
				return c
			}
			return cmp.Compare(y.weights.For(a), x.weights.For(a))
		})
	}
	return append(letters, ownOrder(rest, own)...)
}

// closingRank puts the items of kind validity after the others.
func closingRank(k Kind) int {
	if k == KindValidity {
		return 1
	}
	return 0
}

// ownOrder puts the parts own names (by key) in own's order, in the
// places those parts hold in ps; the others stay where they are.
func ownOrder(ps []part, own []string) []part {
	if len(own) == 0 {
		return ps
	}
	rank := map[string]int{}
	for i, k := range own {
		if _, dup := rank[k]; !dup && k != "" {
			rank[k] = i
		}
	}
	var places []int
	var named []part
	for i, pt := range ps {
		if _, ok := rank[pt.key]; ok && pt.key != "" {
			places = append(places, i)
			named = append(named, pt)
		}
	}
	slices.SortStableFunc(named, func(x, y part) int { return cmp.Compare(rank[x.key], rank[y.key]) })
	out := slices.Clone(ps)
	for i, at := range places {
		out[at] = named[i]
	}
	return out
}

// OrderedItems returns the indexes into p.Items of the items the variant
// for a reads between the covering letter and the closing blocks, in the
// order it reads them, and the covering letters' before them: what the
// Audiences tab lists for the user to reorder. Items whose library
// section is missing are left out.
func OrderedItems(p *Proposal, c *Context, a Audience) (letters, middle []int) {
	ps, _ := itemParts(p, c)
	for _, pt := range arrangeItems(ps, a, p.Orders[a]) {
		if pt.kind == KindCover {
			letters = append(letters, pt.index)
		} else {
			middle = append(middle, pt.index)
		}
	}
	return letters, middle
}
