package dossier

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortKeysIsTheStableSort: on random keys with many ties (NaN shares
// among them), few or many (sorted in halves on two cores), sortKeys gives
// exactly the order of a stable sort.
func TestSortKeysIsTheStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	shares := []float64{0, 0.5, 1, math.NaN()}
	names := []string{"", "anna", "anna keller", "ágnes", "zoltán"}
	for round := range 203 {
		n := rng.IntN(300)
		if round >= 200 { // sorted in two halves, then merged
			n = 40000 + rng.IntN(3)
		}
		keys := make([]sortKey, n)
		for i := range keys {
			keys[i] = sortKey{i, rng.IntN(3), rng.IntN(3), shares[rng.IntN(len(shares))], names[rng.IntN(len(names))]}
		}
		want := slices.Clone(keys)
		slices.SortStableFunc(want, compareKeys)
		sortKeys(keys)
		for i := range keys {
			if keys[i].at != want[i].at {
				t.Fatalf("round %d: key %d is %d, the stable sort has %d", round, i, keys[i].at, want[i].at)
			}
		}
	}
}

// TestPeopleSorterAppend: people noted in two sorters, the second
// appended to the first, come in the order of one sorter that noted them
// all in turn.
func TestPeopleSorterAppend(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	roles := []BuyingRole{"", RoleDecisionMaker, RoleInfluencer, RoleGatekeeper}
	var one, first, second PeopleSorter
	for i := range 500 {
		p := Person{Name: []string{"Anna", "Béla", "anna", "Zoe"}[rng.IntN(4)], Role: roles[rng.IntN(len(roles))]}
		one.Add(&p)
		if i < 200 {
			first.Add(&p)
		} else {
			second.Add(&p)
		}
	}
	first.Append(&second)
	if got, want := first.Order(), one.Order(); !slices.Equal(got, want) {
		t.Errorf("appended: %v\nwant %v", got, want)
	}
}
