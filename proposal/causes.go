package proposal

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Cause gathers the findings that one fix clears: the same check failing
// for the same reason in several variants or sections. A draft without a
// team has a finding for {{author.name}}, {{author.email}} and the rest in
// every variant and every section that uses them, twenty in all; crediting
// an author clears every one, so they are one cause.
type Cause struct {
	Findings []Finding // in Check's order; at least one
}

// First is the finding that speaks for the cause: where its fix goes.
func (c Cause) First() Finding { return c.Findings[0] }

// Audiences lists the variants the cause concerns, in Check's order; ""
// stands for the whole proposal.
func (c Cause) Audiences() []Audience {
	var out []Audience
	for _, f := range c.Findings {
		if !slices.Contains(out, f.Audience) {
			out = append(out, f.Audience)
		}
	}
	return out
}

// Placeholders lists the placeholders without a value the cause is made
// of, as the findings name them ("{{author.name}}"), each once, in order.
func (c Cause) Placeholders() []string {
	var out []string
	for _, f := range c.Findings {
		if p, ok := f.Data["Placeholder"].(string); ok && f.Code == codeUnresolved && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

const codeUnresolved = "unresolved-placeholder"

// Causes groups fs by cause, in the order of each cause's first finding.
// Findings share a cause when they have the same severity and code and
// are fixed the same way: placeholders filled in on one tab of the builder
// (the author's on the credits, the financial result's, the pricing's)
// are one cause each; any other placeholder is a cause of its own across
// sections and variants (its value comes from one place in the dossier);
// other findings share a cause when they say the same but for the variant.
func Causes(fs []Finding) []Cause {
	var out []Cause
	index := map[string]int{}
	for _, f := range fs {
		k := causeKey(f)
		if i, ok := index[k]; ok {
			out[i].Findings = append(out[i].Findings, f)
			continue
		}
		index[k] = len(out)
		out = append(out, Cause{Findings: []Finding{f}})
	}
	return out
}

func causeKey(f Finding) string {
	k := []string{string(f.Severity), f.Code}
	switch name, _ := f.Data["Name"].(string); {
	case f.Code == codeUnresolved && f.Place.Area != AreaSection:
		k = append(k, f.Place.Area) // the tab where the values are filled in
	case f.Code == codeUnresolved:
		k = append(k, name)
	default:
		k = append(k, f.Message, f.Fix, f.Place.Area, f.Place.PersonID)
		keys := slices.Sorted(maps.Keys(f.Data))
		for _, d := range keys {
			if d != "Audience" { // the same finding in another variant
				k = append(k, d, fmt.Sprint(f.Data[d]))
			}
		}
	}
	return strings.Join(k, "\x00")
}
