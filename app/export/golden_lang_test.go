package export_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the exports")

// logoData is the sample's logo inside an exported file, left out of the
// goldens (it is checked by the house style's own tests).
var logoData = regexp.MustCompile(`data:image/png;base64,[A-Za-z0-9+/=]+`)

// exportCSS is the export's own stylesheet before the house style's part,
// the same in every file: the proposal package's goldens check it.
var exportCSS = regexp.MustCompile(`(?s)<style>\n.*?\n(@media not \(prefers-color-scheme: dark\) \{\n:root \{ --accent)`)

// TestSampleProposalsInTheirLanguages: every variant of the sample's
// Russian and Hungarian proposals, exported as Markdown and as HTML, is
// as its golden file says (testdata/golden/ID/AUDIENCE.md|.html; rewrite
// them with -update-golden and read the diff): written wholly in the
// proposal's language, with <html lang> saying which.
func TestSampleProposalsInTheirLanguages(t *testing.T) {
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	today := dossier.MustDate("2026-11-25")
	if _, err := st.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ id, lang string }{{"prop-tasbulak-camp-controls", "ru"}, {"prop-kalaszmezo-energy-coldchain", "hu"}} {
		p, err := st.Proposal(c.id)
		if err != nil {
			t.Fatal(err)
		}
		if p.Language != c.lang {
			t.Fatalf("%s is in %q, want %s", c.id, p.Language, c.lang)
		}
		ctx, err := st.Context(p.AccountID, today)
		if err != nil {
			t.Fatal(err)
		}
		if n := proposal.Blocking(proposal.Check(&p, ctx)); n > 0 {
			t.Errorf("%s: %d findings block sending", c.id, n)
		}
		for _, a := range append(proposal.Variants, proposal.All) {
			for _, format := range []string{"md", "html"} {
				out, err := export.Render(&p, ctx, a, format, now)
				if err != nil {
					t.Fatalf("%s %s %s: %v", c.id, a, format, err)
				}
				text := logoData.ReplaceAllString(string(out), "data:image/png;base64,…")
				// the export's own stylesheet, the same in every file, is
				// checked by the proposal package's goldens
				text = exportCSS.ReplaceAllString(text, "<style>\n/* assets/export.css */\n$1")
				if format == "html" && !strings.Contains(text, `<html lang="`+c.lang+`"`) {
					t.Errorf("%s %s: the HTML does not say it is in %s", c.id, a, c.lang)
				}
				for _, english := range []string{"Valid until", "Prepared by", "## Pricing", "Date:", "Page \" counter"} {
					if strings.Contains(text, english) {
						t.Errorf("%s %s %s: %q in a %s proposal", c.id, a, format, english, c.lang)
					}
				}
				path := filepath.Join("testdata", "golden", c.id, string(a)+"."+format)
				if *updateGolden {
					os.MkdirAll(filepath.Dir(path), 0o755)
					if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (rerun with -update-golden)", err)
				}
				if string(want) != text {
					t.Errorf("%s differs from the export (rerun with -update-golden and read the diff)", path)
				}
			}
		}
	}
}
