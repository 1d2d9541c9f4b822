package proposal

import (
	"fmt"
	"slices"

	"kamdesk/dossier"
)

// Prepared is what an export hands out: the variants asked for, each
// assembled once with its text, and what the readiness check says of
// them.
type Prepared struct {
	// Variants are the assembled variants, in the order asked for.
	Variants []*Variant
	// Findings are Check's findings about the proposal as a whole and
	// about these variants, in Check's order; the other variants are
	// neither assembled nor checked.
	Findings []Finding
}

// VariantError is what makes the variant for Audience unfit to hand out
// (Assemble's error).
type VariantError struct {
	Audience Audience
	Err      error
}

func (e *VariantError) Error() string { return fmt.Sprintf("the %s variant: %v", e.Audience, e.Err) }
func (e *VariantError) Unwrap() error { return e.Err }

// Prepare assembles the variants of p for the audiences as, each once,
// and runs the readiness checks an export of them needs on those
// assemblies: Check's checks of the proposal as a whole and of these
// variants. The first variant that Assemble would refuse is returned as
// a *VariantError.
func Prepare(p *Proposal, c *Context, as ...Audience) (*Prepared, error) {
	if p == nil || c == nil {
		return nil, dossier.Err("prepare: no proposal or context", nil, ErrInvalid)
	}
	var variants []Audience
	for _, a := range as {
		if !slices.Contains(Variants, a) {
			return nil, dossier.Err(`"{{.Value}}" is not an audience (executive, hr, finance, technical or all)`, map[string]any{"Value": string(a)}, ErrInvalid)
		}
		if !slices.Contains(variants, a) {
			variants = append(variants, a)
		}
	}
	ck := &checker{p: p, c: c, variants: variants, text: true}
	out := &Prepared{Findings: ck.run()}
	for _, a := range as {
		v, err := ck.asm[a].variant(p)
		if err != nil {
			return nil, &VariantError{Audience: a, Err: err}
		}
		out.Variants = append(out.Variants, v)
	}
	return out, nil
}
