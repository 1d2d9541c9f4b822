package proposal

import (
	"errors"
	"reflect"
	"testing"
)

// TestPrepareAgreesWithCheckAndAssemble: for the fixture, the 100 KB
// proposal and every way of breaking the fixture that Check reports,
// Prepare for each variant (and for several at once) gives the variants
// Assemble gives and exactly Check's findings about the proposal as a
// whole and about those variants, in Check's order, or Assemble's
// refusal.
func TestPrepareAgreesWithCheckAndAssemble(t *testing.T) {
	type fixture struct {
		name string
		make func(t *testing.T) (*Proposal, *Context)
	}
	fixtures := []fixture{
		{"fixture", func(*testing.T) (*Proposal, *Context) { return northbridge() }},
		{"100 KB", func(*testing.T) (*Proposal, *Context) { return bigProposal() }},
	}
	for _, tc := range findingCases() {
		fixtures = append(fixtures, fixture{tc.name, func(t *testing.T) (*Proposal, *Context) {
			p, c := northbridge()
			tc.breakIt(t, p, c)
			return p, c
		}})
	}
	sets := [][]Audience{{Executive, Finance}, Variants}
	for _, a := range Variants {
		sets = append(sets, []Audience{a})
	}
	refusals := 0
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			for _, as := range sets {
				p, c := fx.make(t)
				all := Check(p, c)
				prep, err := Prepare(p, c, as...)
				var ve *VariantError
				for _, a := range as {
					v, aerr := Assemble(p, c, a)
					if aerr != nil {
						if !errors.As(err, &ve) || ve.Audience != a && !contains(as, ve.Audience) {
							t.Fatalf("Prepare(%v) = %v; Assemble(%s) refuses: %v", as, err, a, aerr)
						}
						refusals++
						break
					}
					if err != nil {
						continue // an earlier audience of as is refused
					}
					if got := prep.Variants[indexOf(as, a)]; !reflect.DeepEqual(got, v) {
						t.Fatalf("Prepare(%v) assembled %s differently from Assemble", as, a)
					}
				}
				if err != nil {
					if ve == nil {
						t.Fatalf("Prepare(%v): %v, which Assemble does not say", as, err)
					}
					continue
				}
				var want []Finding
				for _, f := range all {
					if f.Audience == "" || contains(as, f.Audience) {
						want = append(want, f)
					}
				}
				if !reflect.DeepEqual(prep.Findings, want) {
					t.Fatalf("Prepare(%v) findings:%s\nwant Check's for them:%s", as, describeFindings(prep.Findings), describeFindings(want))
				}
			}
		})
	}
	if refusals == 0 {
		t.Error("no case made Assemble refuse a variant: the refusal is not tested")
	}
}

func contains(as []Audience, a Audience) bool { return indexOf(as, a) >= 0 }

func indexOf(as []Audience, a Audience) int {
	for i, b := range as {
		if a == b {
			return i
		}
	}
	return -1
}
