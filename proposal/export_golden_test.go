package proposal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/assets"
)

// TestExportGoldenHTML pins the exported HTML file of every variant of the
// fixture proposal, as a colleague would receive it: assembled, rendered
// with the embedded stylesheet, self-contained.
func TestExportGoldenHTML(t *testing.T) {
	p, c := northbridge()
	generated := time.Date(2026, 3, 2, 10, 30, 0, 0, time.UTC)
	for a, v := range assembleAll(t, p, c) {
		html, err := RenderHTML(Document{
			Title:     p.Title, // no subtitle, as an export writes it
			Language:  p.Language,
			Markdown:  v.Markdown,
			Generated: generated,
		}, assets.ExportCSS)
		if err != nil {
			t.Fatalf("RenderHTML(%s): %v", a, err)
		}
		for _, want := range []string{"Prepared by", "Valid until", `class="closing"`} {
			if !strings.Contains(string(html), want) {
				t.Errorf("%s export lacks %q", a, want)
			}
		}
		if a == Finance && !strings.Contains(string(html), "<table") {
			t.Errorf("finance export has no pricing table")
		}
		html = withoutStylesheet(t, html)
		path := filepath.Join("testdata", "golden", string(a)+".html")
		if *update {
			if err := os.WriteFile(path, html, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./proposal/ -run TestExportGoldenHTML -update to create it)", err)
		}
		if string(html) != string(want) {
			t.Errorf("%s export differs from %s (rerun with -update if the change is intended)\n%s",
				a, path, firstDifference(string(html), string(want)))
		}
	}
}
