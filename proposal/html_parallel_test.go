package proposal

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// convertBothWays converts md whole and in parts (as many as four, cut
// wherever cutPoints allows, whatever its length) and returns both.
func convertBothWays(t testing.TB, md, title string) (whole, parts []byte) {
	t.Helper()
	src := []byte(htmlCleanText(md))
	whole, err := convert(src, title, 1)
	if err != nil {
		t.Fatal(err)
	}
	if parts, err = convert(src, title, 4); err != nil {
		t.Fatal(err)
	}
	return whole, parts
}

// longDocument is a proposal's shape with what could go wrong when it
// is cut: the same heading in many sections and one whose ID is a
// numbered one's, a title heading dropped (its ID drawn all the same),
// "## " lines in fenced code, headings with markup, lists, quotes,
// tables of numbers, task lists, bare links, quotes for the typographer,
// a level-1 heading between sections, and the closing credits and
// validity.
func longDocument() string {
	var b strings.Builder
	b.WriteString("# Site monitoring\n\nFor **Northbridge**, \"quoted\" -- and 'single'.\n\n")
	for i := range 12 {
		fmt.Fprintf(&b, "## Pricing\n\nPhase %d covers _live_ monitoring; see https://kestrel.example/p-%d.\n\n", i, i)
		b.WriteString("- Sensors\n- Alerts\n\n  continued item\n\n> a quote\n> goes on\n\n")
		b.WriteString("| Site | Sensors |\n|---|---|\n| A | 12 |\n| B | 1,300.50 |\n\n")
		b.WriteString("- [x] done\n- [ ] open\n\n")
		if i%3 == 0 {
			b.WriteString("```\n\n## Not a heading\n\n```\n\n~~~~\n## Nor this\n```\n~~~~\n\n")
		}
		if i == 5 {
			b.WriteString("# A part of its own\n\nText under it.\n\n## Pricing 1\n\nA heading whose ID is a numbered one's.\n\n")
		}
		if i == 7 {
			b.WriteString("## **Bold** heading\n\ntext\n\n    ## indented code\n\n")
		}
	}
	b.WriteString("## Prepared by\n\nElin Achterberg\n\n## Validity\n\nValid until 2026-12-31.\n")
	return b.String()
}

// TestPartsConvertLikeTheWhole: a long variant converted in parts at
// once is the same HTML, byte for byte, as converted whole, and the
// cutting happens (else this would compare the whole with itself).
func TestPartsConvertLikeTheWhole(t *testing.T) {
	docs := map[string]string{"long": longDocument()}
	seeds, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzRenderHTML", "*"))
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs[filepath.Base(f)] = string(b)
	}
	p, c := bigProposal()
	for _, a := range Variants {
		v, err := Assemble(p, c, a)
		if err != nil {
			t.Fatal(err)
		}
		docs["big "+string(a)] = v.Markdown
	}
	for name, md := range docs {
		whole, parts := convertBothWays(t, md, "Site monitoring")
		if !bytes.Equal(whole, parts) {
			t.Errorf("%s: converted in parts differs from whole:\n%s", name, firstDifference(string(whole), string(parts)))
		}
	}
	if cuts := cutPoints([]byte(htmlCleanText(docs["long"])), 4); len(cuts) != 3 {
		t.Fatalf("the long document was cut at %v, want three cuts", cuts)
	}
	if cuts := cutPoints([]byte(docs["big executive"]), 2); len(cuts) != 1 {
		t.Fatalf("the big proposal was cut at %v, want one cut", cuts)
	}
	whole, _ := convertBothWays(t, docs["long"], "Site monitoring")
	for _, want := range []string{`<h2 id="pricing-11" dir="auto">`, `<h2 id="pricing-1-1" dir="auto">`, `<div class="closing">`} {
		if !bytes.Contains(whole, []byte(want)) {
			t.Errorf("the long document lacks %s", want)
		}
	}
}

// TestCutPointsRefuse: what ties distant parts together makes the
// document convert whole.
func TestCutPointsRefuse(t *testing.T) {
	body := strings.Repeat("## Part\n\ntext\n\n", 8)
	if len(cutPoints([]byte(body), 4)) == 0 {
		t.Fatal("a plain document was not cut")
	}
	for name, md := range map[string]string{
		"link reference": body + "[x]: https://kestrel.example\n",
		"HTML block":     "<!--\n\n" + body + "-->\n",
		"open fence":     "```\n\n" + body,
		"long fence":     "````\n```\n\n" + body + "````\n",
		"closing only":   "text\n\n## Prepared by\n\nx\n\n## Validity\n\ny\n",
	} {
		if cuts := cutPoints([]byte(md), 4); len(cuts) != 0 && name != "long fence" {
			t.Errorf("%s: cut at %v", name, cuts)
		} else if name == "long fence" {
			for _, c := range cuts {
				if c < strings.Index(md, body)+len(body) {
					t.Errorf("long fence: cut at %d, inside the fence", c)
				}
			}
		}
	}
}
