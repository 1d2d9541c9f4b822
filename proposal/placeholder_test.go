package proposal

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// placeholderRE is the definition placeholderMatches follows.
var placeholderRE = regexp.MustCompile(`(\\?)\{\{([^{}\n]{0,64})\}\}`)

// TestPlaceholderMatchesIsTheRegexp compares placeholderMatches with the
// regular expression on strings made of what matters to it: braces,
// backslashes, line breaks, letters, spaces, accented and invalid UTF-8,
// names up to and past 64 characters.
func TestPlaceholderMatchesIsTheRegexp(t *testing.T) {
	pieces := []string{"{", "{{", "}", "}}", `\`, "\n", "a", " ", "é", "\xff", "person.name",
		strings.Repeat("x", 60), strings.Repeat("é", 63), "{{account.name}}", `\{{today}}`}
	rng := rand.New(rand.NewPCG(3, 4))
	cases := []string{"", "{{}}", `\{{}}`, `\\{{a}}`, "{{{a}}}", "{{a}}}}", "{{" + strings.Repeat("y", 64) + "}}",
		"{{" + strings.Repeat("y", 65) + "}}", "{{" + strings.Repeat("é", 64) + "}}", "{{" + strings.Repeat("é", 65) + "}}"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var want, got [][]int
		for _, m := range placeholderRE.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, []int{m[0], m[1], boolInt(m[3] > m[2]), m[4], m[5]})
		}
		placeholderMatches(s, func(start, end int, escaped bool, name string) {
			at := strings.Index(s[start:], "{{") + start + 2
			got = append(got, []int{start, end, boolInt(escaped), at, at + len(name)})
		})
		if !slices.EqualFunc(want, got, slices.Equal) {
			t.Fatalf("%q: placeholderMatches found %v, the regexp %v", s, got, want)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestResolveKeepsItsMeaning: values are escaped and inserted, escaped
// placeholders lose their backslash, empty values stay as written.
func TestResolveKeepsItsMeaning(t *testing.T) {
	out, unresolved, err := Resolve("Dear {{ person.name }}, \\{{today}} {{account.name}}{{audience}}.",
		map[string]string{"person.name": "A*B", "audience": "HR"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `Dear A\*B, {{today}} {{account.name}}HR.`; out != want {
		t.Errorf("Resolve = %q, want %q", out, want)
	}
	if !slices.Equal(unresolved, []string{"account.name"}) {
		t.Errorf("unresolved = %v", unresolved)
	}
	if out, _, _ := Resolve("no placeholders", nil); out != "no placeholders" {
		t.Errorf("Resolve without placeholders = %q", out)
	}
}

// TestAssembleWithoutTextChecksTheSame: the readiness check assembles
// without the Markdown; every block keeps what the check reads, with
// placeholders resolved, unresolved, unknown and escaped.
func TestAssembleWithoutTextChecksTheSame(t *testing.T) {
	p, c := northbridge()
	p.Items = append(p.Items,
		Item{Title: "Mixed", Kind: KindOther, Audiences: Weights{All: 50},
			Body: "{{person.name}} \\{{today}} {{ account.strategy }} {{financial.roi}} {{account.name}}"},
		Item{Title: "Unknown", Kind: KindOther, Audiences: Weights{All: 50},
			Body: "{{nonsense}} and {{financial.payback_months}} and {{person.name}}"})
	c.Account.Strategy = ""
	for _, a := range Variants {
		with, without := assemble(p, c, a, true), assemble(p, c, a, false)
		if len(with.v.Blocks) != len(without.v.Blocks) {
			t.Fatalf("%s: %d blocks with text, %d without", a, len(with.v.Blocks), len(without.v.Blocks))
		}
		for i, b := range with.v.Blocks {
			o := without.v.Blocks[i]
			if b.Title != o.Title || b.Item != o.Item || b.Kind != o.Kind || !slices.Equal(b.Unresolved, o.Unresolved) ||
				len(b.Placeholders) != len(o.Placeholders) {
				t.Errorf("%s block %d: %+v with text, %+v without", a, i, b, o)
			}
		}
		if !slices.Equal(with.v.Unresolved, without.v.Unresolved) || len(with.unknown) != len(without.unknown) ||
			with.facts != without.facts || with.items != without.items {
			t.Errorf("%s: the assemblies differ: unresolved %v / %v, unknown %v / %v", a,
				with.v.Unresolved, without.v.Unresolved, with.unknown, without.unknown)
		}
	}
	if !slices.ContainsFunc(assemble(p, c, All, false).v.Unresolved, func(n string) bool { return n == "account.strategy" }) {
		t.Errorf("the empty strategy is not reported unresolved")
	}
}
