package proposal

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kamdesk/assets"
	"kamdesk/dossier"
)

var updateHTML = flag.Bool("update-html", false, "rewrite the golden files in testdata/html")

// htmlTestTime is the fixed generation time of the test documents.
var htmlTestTime = time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("CET", 3600))

func TestHTMLGolden(t *testing.T) {
	md, err := os.ReadFile("testdata/html/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	got, err := RenderHTML(Document{
		Title:     "Site logistics and digital twin for the Northbridge 2027 programme",
		Subtitle:  "Whole group variant — Northbridge Build Group",
		Language:  "en-GB",
		Markdown:  string(md),
		Generated: htmlTestTime,
	}, assets.ExportCSS)
	if err != nil {
		t.Fatal(err)
	}
	checkSafeHTML(t, got, true)
	got = withoutStylesheet(t, got)
	golden := "testdata/html/sample.html"
	if *updateHTML {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run HTMLGolden ./proposal/ -update-html to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("RenderHTML(sample.md) differs from %s at byte %d (run with -update-html to accept):\n%s",
			golden, firstDiff(got, want), diffContext(got, want))
	}
}

// withoutStylesheet replaces the embedded export stylesheet by a marker,
// so golden files pin the document, not a copy of assets/export.css each.
// It fails when the stylesheet is not embedded whole.
func withoutStylesheet(t *testing.T, html []byte) []byte {
	t.Helper()
	css := []byte(exportCSS(assets.ExportCSS)) // as RenderHTML embeds it
	if !bytes.Contains(html, css) {
		t.Fatal("the export does not embed assets/export.css whole")
	}
	return bytes.Replace(html, css, []byte("/* assets/export.css */\n"), 1)
}

func firstDiff(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

func diffContext(got, want []byte) string {
	i := firstDiff(got, want)
	from := max(0, i-80)
	return fmt.Sprintf("got:  …%s…\nwant: …%s…", got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
}

// TestHTMLDocument checks the frame around the body.
func TestHTMLDocument(t *testing.T) {
	out, err := RenderHTML(Document{
		Title:     "Plan & Budget <2027>",
		Subtitle:  `Executive variant — "Northbridge"`,
		Language:  "en",
		Markdown:  "# Plan & Budget <2027>\n\nFor Helen Carter\n\n## Cover letter\n\nDear Helen,\n",
		Generated: htmlTestTime,
	}, "body { color: black }")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	checkSafeHTML(t, out, true)
	for _, want := range []string{
		"<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n",
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
		`<meta name="referrer" content="no-referrer">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`,
		`<meta name="generator" content="kamdesk">`,
		`<meta name="dcterms.created" content="2026-03-02T09:30:00+01:00">`,
		"<title>Plan &amp; Budget &lt;2027&gt;</title>",
		"<style>\nbody { color: black }\n</style>",
		`<h1 class="title" dir="auto">Plan &amp; Budget &lt;2027&gt;</h1>`,
		`<p class="subtitle" dir="auto">Executive variant — &#34;Northbridge&#34;</p>`,
		"<main class=\"proposal\">\n<p dir=\"auto\">For Helen Carter</p>\n<section>\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("RenderHTML output lacks %q:\n%s", want, s)
		}
	}
	// the Markdown's own title heading is not repeated under the masthead
	if n := strings.Count(s, "<h1"); n != 1 {
		t.Errorf("%d <h1> elements, want 1:\n%s", n, s)
	}
}

func TestHTMLDocumentFields(t *testing.T) {
	tests := []struct {
		name      string
		d         Document
		want      []string
		wantNot   []string
		wantTitle string
	}{
		{"rtl language", Document{Title: "عرض", Language: "ar-EG", Markdown: "نص"},
			[]string{`<html lang="ar-EG" dir="rtl">`}, nil, "عرض"},
		{"hebrew", Document{Title: "הצעה", Language: "he", Markdown: "טקסט"},
			[]string{`<html lang="he" dir="rtl">`}, nil, "הצעה"},
		{"cyrillic", Document{Title: "Предложение", Language: "ru", Markdown: "Текст"},
			[]string{`<html lang="ru" dir="ltr">`, "<p dir=\"auto\">Текст</p>"}, nil, "Предложение"},
		{"bad language", Document{Title: "x", Language: `en"><script>`, Markdown: "x"},
			[]string{`<html lang="und" dir="ltr">`}, nil, "x"},
		{"no language", Document{Title: "x", Markdown: "x"},
			[]string{`<html lang="und" dir="ltr">`}, nil, "x"},
		{"hostile title", Document{Title: "</title><script>alert(1)</script>", Subtitle: `"><img src=x onerror=alert(1)>`, Markdown: "x"},
			[]string{"<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>", `&#34;&gt;&lt;img src=x onerror=alert(1)&gt;`},
			nil, "</title><script>alert(1)</script>"},
		{"multi-line title", Document{Title: "Plan\n2027\x00\x1b", Markdown: "x"},
			[]string{"<title>Plan 2027</title>"}, nil, "Plan 2027"},
		{"subtitle only", Document{Subtitle: "Finance variant", Markdown: "x"},
			[]string{"<title>Finance variant</title>", `<p class="subtitle" dir="auto">Finance variant</p>`},
			[]string{"<h1"}, "Finance variant"},
		{"nothing", Document{},
			[]string{"<title></title>", "<main class=\"proposal\">\n</main>\n</body>"},
			[]string{"<header", "dcterms.created", "Generated by", "<footer"}, ""},
		{"a different first heading stays", Document{Title: "Plan", Markdown: "# Another plan\n\ntext"},
			[]string{`<h1 id="another-plan" dir="auto">Another plan</h1>`}, nil, "Plan"},
		{"title heading with escapes and typography", Document{Title: "Smith's plan (2027) -- v2", Markdown: "# Smith's plan \\(2027\\) -- v2\n\ntext"},
			nil, []string{"<h1 id"}, "Smith's plan (2027) -- v2"},
		{"title heading only when first", Document{Title: "Plan", Markdown: "Intro\n\n# Plan"},
			[]string{`<h1 id="plan" dir="auto">Plan</h1>`}, nil, "Plan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := RenderHTML(tt.d, "")
			if err != nil {
				t.Fatal(err)
			}
			checkSafeHTML(t, out, true)
			s := string(out)
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("output lacks %q:\n%s", w, s)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(s, w) {
					t.Errorf("output has %q:\n%s", w, s)
				}
			}
			if got := htmlTitleOf(s); got != tt.wantTitle {
				t.Errorf("title %q, want %q", got, tt.wantTitle)
			}
		})
	}
}

func htmlTitleOf(s string) string {
	_, after, _ := strings.Cut(s, "<title>")
	title, _, _ := strings.Cut(after, "</title>")
	return html.UnescapeString(title)
}

func TestSanitizeCSS(t *testing.T) {
	for _, css := range []string{
		"</style><script>alert(1)</script>",
		"</STYLE ><img src=x onerror=alert(1)>",
		"p{}<!--</style><script>alert(1)</script>-->",
		"p { color: red }\x00</style\x00>",
	} {
		out, err := RenderHTML(Document{Title: "x", Markdown: "x"}, css)
		if err != nil {
			t.Fatal(err)
		}
		checkSafeHTML(t, out, true)
		if n := strings.Count(strings.ToLower(string(out)), "</style"); n != 1 {
			t.Errorf("css %q: %d </style, want 1", css, n)
		}
	}
}

// TestHTMLStructure checks the sections that print CSS relies on.
func TestHTMLStructure(t *testing.T) {
	md := `Intro line.

## Cover letter

Dear all.

### Detail

More.

# Appendix

Loose text.

## Pricing

| A | B |
|---|---|
| x | 1 |

## Prepared by

- Ann

## Validity

Valid until 2026-04-30.
`
	out, err := MarkdownToHTML(md)
	if err != nil {
		t.Fatal(err)
	}
	want := `<p dir="auto">Intro line.</p>
<section>
<h2 id="cover-letter" dir="auto">Cover letter</h2>
<p dir="auto">Dear all.</p>
<h3 id="detail" dir="auto">Detail</h3>
<p dir="auto">More.</p>
</section>
<h1 id="appendix" dir="auto">Appendix</h1>
<p dir="auto">Loose text.</p>
<section>
<h2 id="pricing" dir="auto">Pricing</h2>
<table>
<thead>
<tr>
<th dir="auto">A</th>
<th dir="auto" style="text-align:right">B</th>
</tr>
</thead>
<tbody>
<tr>
<td dir="auto">x</td>
<td dir="auto" style="text-align:right">1</td>
</tr>
</tbody>
</table>
</section>
<div class="closing">
<section class="credits">
<h2 id="prepared-by" dir="auto">Prepared by</h2>
<ul>
<li dir="auto">Ann</li>
</ul>
</section>
<section class="validity">
<h2 id="validity" dir="auto">Validity</h2>
<p dir="auto">Valid until 2026-04-30.</p>
</section>
</div>
`
	if string(out) != want {
		t.Errorf("MarkdownToHTML:\n%s\nwant:\n%s", out, want)
	}
	checkSafeHTML(t, out, false)
}

func TestHTMLClosing(t *testing.T) {
	tests := []struct {
		name, md string
		want     []string
		wantNot  []string
	}{
		{"validity alone at the end",
			"## A\n\nx\n\n## Valid until 30 April:\n\ny\n",
			[]string{"<div class=\"closing\">\n<section class=\"validity\">"}, []string{`class="credits"`}},
		{"credits not at the end are not wrapped",
			"## Prepared by\n\nx\n\n## Annex\n\ny\n",
			[]string{`<section class="credits">`}, []string{`class="closing"`}},
		{"case and colon",
			"## PREPARED BY:\n\nx\n\n## validity\n\ny\n",
			[]string{"<div class=\"closing\">\n<section class=\"credits\">", `<section class="validity">`}, nil},
		{"no sections", "just text\n", nil, []string{"<section", "closing"}},
		{"similar words are not closing", "## Preparedness\n\n## Validation\n", nil, []string{"class="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := MarkdownToHTML(tt.md)
			if err != nil {
				t.Fatal(err)
			}
			checkSafeHTML(t, out, false)
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(string(out), w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestHTMLHeadingIDs(t *testing.T) {
	md := "## Pricing\n\n## Pricing\n\n## Цены и условия\n\n## !!!\n\n## Pricing-1\n\n## «Ёлка» — 2027\n"
	want := []string{"pricing", "pricing-1", "цены-и-условия", "section", "pricing-1-1", "ёлка-2027"}
	for range 3 { // the same every time
		out, err := MarkdownToHTML(md)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range regexp.MustCompile(`<h2 id="([^"]*)"`).FindAllStringSubmatch(string(out), -1) {
			got = append(got, m[1])
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("heading IDs %q, want %q", got, want)
		}
	}
}

func TestHTMLNumericColumns(t *testing.T) {
	md := `| Item | Qty | Price | Note | Mixed | Left |
|------|-----|-------|------|-------|:-----|
| A | 1 | EUR 12,500.00 | fine | 1 | 5 |
| B | 12 500 | € 1 200,50 | ok | two | 6 |
| C |  | -15 % | x | 3 | 7 |
| **Total** |  | **CHF 9'800.00** | | | |
`
	out, err := MarkdownToHTML(md)
	if err != nil {
		t.Fatal(err)
	}
	header := regexp.MustCompile(`<th[ >][^>]*>`).FindAllString(string(out), -1)
	want := []string{
		`<th dir="auto">`,
		`<th dir="auto" style="text-align:right">`,
		`<th dir="auto" style="text-align:right">`,
		`<th dir="auto">`,
		`<th dir="auto">`,
		`<th dir="auto" style="text-align:left">`,
	}
	if strings.Join(header, "") != strings.Join(want, "") {
		t.Errorf("header cells %q, want %q", header, want)
	}
}

// TestHTMLAllowed checks that what the policy allows still works.
func TestHTMLAllowed(t *testing.T) {
	png := "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	gif := "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
	jpeg := "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA="
	webp := "data:image/webp;base64,UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="
	tests := []struct{ md, want string }{
		{"[site](https://example.com/a?b=1&c=2#d)", `<a href="https://example.com/a?b=1&amp;c=2#d" rel="noopener noreferrer">site</a>`},
		{"[site](HTTP://EXAMPLE.COM)", `<a href="HTTP://EXAMPLE.COM" rel="noopener noreferrer">site</a>`},
		{"[mail](mailto:ann@example.com?subject=Offer)", `<a href="mailto:ann@example.com?subject=Offer" rel="noopener noreferrer">mail</a>`},
		{"[call](tel:+44-161-555-0142)", `<a href="tel:+44-161-555-0142" rel="noopener noreferrer">call</a>`},
		{"[up](#pricing)", `<a href="#pricing">up</a>`},
		{"[цены](#цены)", `<a href="#%D1%86%D0%B5%D0%BD%D1%8B">цены</a>`},
		{`[t](https://example.com "Our site")`, `<a href="https://example.com" title="Our site" rel="noopener noreferrer">t</a>`},
		{"<https://example.com/x>", `<a class="autolink" href="https://example.com/x" rel="noopener noreferrer">https://example.com/x</a>`},
		{"<ann@example.com>", `<a class="autolink" href="mailto:ann@example.com" rel="noopener noreferrer">ann@example.com</a>`},
		{"see www.example.com today", `<a class="autolink" href="http://www.example.com" rel="noopener noreferrer">www.example.com</a>`},
		{"see https://example.com/x.", `<a class="autolink" href="https://example.com/x" rel="noopener noreferrer">https://example.com/x</a>.`},
		{"[ref]\n\n[ref]: https://example.com/ref", `<a href="https://example.com/ref" rel="noopener noreferrer">ref</a>`},
		{"![logo](" + png + ")", `<img src="` + png + `" alt="logo">`},
		{"![logo](" + gif + ` "Logo")`, `<img src="` + gif + `" alt="logo" title="Logo">`},
		{"![photo *one*](" + jpeg + ")", `<img src="` + jpeg + `" alt="photo one">`},
		{"![w](" + webp + ")", `<img src="` + webp + `" alt="w">`},
		{"[![logo](" + png + ")](https://example.com)", `<a href="https://example.com" rel="noopener noreferrer"><img src="` + png + `" alt="logo"></a>`},
		{"~~old~~ new", "<del>old</del> new"},
		{"- [x] done", `<input checked="" disabled="" type="checkbox"> done`},
		{"\"quoted\" -- text...", "&ldquo;quoted&rdquo; &ndash; text&hellip;"},
	}
	for _, tt := range tests {
		out, err := MarkdownToHTML(tt.md)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("MarkdownToHTML(%q) = %s, want it to contain %s", tt.md, out, tt.want)
		}
		checkSafeHTML(t, out, false)
	}
}

// TestHTMLRefused checks harmless-looking destinations the policy still
// refuses: the file must make no request and link nowhere unexpected.
func TestHTMLRefused(t *testing.T) {
	tests := []struct{ md, want string }{
		{"[rel](page.html)", "<p dir=\"auto\">rel</p>"},
		{"[proto](//example.com/x)", "<p dir=\"auto\">proto</p>"},
		{"[ftp](ftp://example.com/f)", "<p dir=\"auto\">ftp</p>"},
		{"[file](file:///C:/secret.txt)", "<p dir=\"auto\">file</p>"},
		{"[empty]()", "<p dir=\"auto\">empty</p>"},
		{"<ftp://example.com/f>", "<p dir=\"auto\">ftp://example.com/f</p>"},
		{"![remote](https://example.com/logo.png)", `<p dir="auto"><span class="image-removed">remote</span></p>`},
		{"![](https://example.com/pixel.gif)", `<p dir="auto"></p>`},
		{"![a & b](http://example.com/x.png)", `<p dir="auto"><span class="image-removed">a &amp; b</span></p>`},
		{"![tiny](data:image/png;base64,AAAA)", `<span class="image-removed">tiny</span>`},
		{"![spaced](data:image/png;base64,%20iVBORw0KGgo=)", `<span class="image-removed">spaced</span>`},
		{"<b>bold</b> text <!-- note -->", "<p dir=\"auto\">bold text </p>"},
	}
	for _, tt := range tests {
		out, err := MarkdownToHTML(tt.md)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("MarkdownToHTML(%q) = %s, want it to contain %s", tt.md, out, tt.want)
		}
		checkSafeHTML(t, out, false)
	}
}

func TestHTMLURLPolicy(t *testing.T) {
	links := map[string]bool{
		"https://example.com":         true,
		"http://example.com":          true,
		"mailto:a@example.com":        true,
		"tel:+441615550142":           true,
		"#pricing":                    true,
		"#":                           true,
		"HTTPS://EXAMPLE.COM":         true,
		"":                            false,
		"javascript:alert(1)":         false,
		"JaVaScRiPt:alert(1)":         false,
		"java\tscript:alert(1)":       false,
		"java\nscript:alert(1)":       false,
		" \x01javascript:alert(1)":    false,
		"&#106;avascript:alert(1)":    false,
		"&#x6A;avascript:alert(1)":    false,
		"javascript&colon;alert(1)":   false,
		"java&Tab;script:alert(1)":    false,
		"%6Aavascript:alert(1)":       false,
		"%256Aavascript:alert(1)":     false,
		"javascript%3Aalert(1)":       false,
		"java%09script:alert(1)":      false,
		"java\u00adscript:alert(1)":   false,
		"vbscript:msgbox(1)":          false,
		"data:text/html;base64,PHNj":  false,
		"data:image/png;base64,iVBOR": false,
		"file:///etc/passwd":          false,
		"ftp://example.com":           false,
		"//example.com":               false,
		"page.html":                   false,
		"/absolute":                   false,
		"?q=1":                        false,
		"%23fragment":                 false, // a relative path to the browser
		"https%3A//example.com":       false, // likewise
		" \t#top":                     true,
		"%zz:alert(1)":                false,
	}
	for u, want := range links {
		if got := allowedLink(u); got != want {
			t.Errorf("allowedLink(%q) = %v, want %v", u, got, want)
		}
	}
	png := "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	images := map[string]bool{
		png: true,
		"data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==": true,
		"data:image/svg+xml;base64,PHN2Zz4=":                                                 false,
		"data:image/svg+xml,<svg onload=x>":                                                  false,
		"data:image/png;base64,PHN2Zz4=":                                                     false, // an SVG under a PNG label
		"data:image/png,rawbytes":                                                            false,
		"DATA:image/png;base64,iVBORw0KGgo=":                                                 false,
		"data:image/png;base64,iVBOR w0KGgo=":                                                false,
		"https://example.com/logo.png":                                                       false,
		"logo.png":                                                                           false,
		"":                                                                                   false,
		"javascript:alert(1)":                                                                false,
		"data:image/png;base64,iVBORw0KGgo=%0A<script>":                                      false,
	}
	for u, want := range images {
		if got := allowedImage(u); got != want {
			t.Errorf("allowedImage(%q) = %v, want %v", u, got, want)
		}
	}
}

// TestHostileCorpus renders every file of testdata/hostile and checks that
// nothing active survives while the text does.
func TestHostileCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d hostile files", len(files))
	}
	keepRE := regexp.MustCompile(`KEEP-[A-Z0-9]+-[0-9A-Z]+`)
	extra := map[string][]string{ // text that must survive besides the KEEP- markers
		"rtl.md": {"نحن سعداء بتقديم هذا العرض", "אנו שמחים להגיש הצעה זו", "شركة النور", "חברת האור",
			"الكمية", "יום עבודה", "12,500.00"},
		"cyrillic.md": {"Компания «Северный мост»", "съешь же ещё этих мягких французских булок",
			"1 250 000,00", "Подготовили", "Предложение действительно до 31.12.2026."},
		"autolink-js.md":  {"javascript:alert(1)"}, // refused links keep their text
		"code-fences.md":  {"<script>alert(2)</script>", "<img src=x onerror=alert(3)>"},
		"invalid-utf8.md": {"Broken \uFFFD bytes"},
		"assembled-variant.md": {"Offer <b>now</b> | _urgent_", "[link](javascript:alert(1)) — Evil <script>alert(1)</script> | *x*",
			"**Harbour** [x](javascript:alert(1))", "Licence | <script>x</script> second line", "`unit`",
			"<img src=x onerror=alert(1)>", "> quoted\n1. listed"},
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			md, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, err := RenderHTML(Document{
				Title:     "Hostile: " + name,
				Subtitle:  "Corpus",
				Language:  "en",
				Markdown:  string(md),
				Generated: htmlTestTime,
			}, assets.ExportCSS)
			if err != nil {
				t.Fatal(err)
			}
			text := checkSafeHTML(t, out, true)
			want := append(keepRE.FindAllString(string(md), -1), extra[name]...)
			if len(want) == 0 {
				t.Fatalf("%s has no KEEP- marker and no expected text", name)
			}
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("visible text lacks %q:\n%s", w, text)
				}
			}
			if t.Failed() {
				t.Logf("output:\n%s", out[bytes.Index(out, []byte("<body>")):])
			}
		})
	}
}

// TestHostileEnormousTable renders a 5,000-row table with hostile cells:
// it must complete and stay well-formed.
func TestHostileEnormousTable(t *testing.T) {
	const rows = 5000
	var b strings.Builder
	b.WriteString("## Pricing\n\n| # | Description | Quantity | Amount |\n|---|---|---:|---:|\n")
	for i := range rows {
		fmt.Fprintf(&b, "| %d | Item %d <img src=x onerror=alert(%d)> [x](javascript:alert(%d)) | %d | EUR %d,%03d.00 |\n",
			i+1, i, i, i, i%97, i/1000, i%1000)
	}
	b.WriteString("\n## Validity\n\nValid until 2026-12-31.\n")
	out, err := RenderHTML(Document{Title: "Enormous", Language: "en", Markdown: b.String(), Generated: htmlTestTime}, assets.ExportCSS)
	if err != nil {
		t.Fatal(err)
	}
	text := checkSafeHTML(t, out, true)
	if n := bytes.Count(out, []byte("<tr>")); n != rows+1 {
		t.Errorf("%d rows, want %d", n, rows+1)
	}
	if !strings.Contains(text, "Item 4999") || !strings.Contains(text, "EUR 4,999.00") {
		t.Errorf("the last row is missing")
	}
	if !bytes.Contains(out, []byte("<div class=\"closing\">\n<section class=\"validity\">")) {
		t.Errorf("the validity section after the table is not wrapped")
	}
}

// ---- the safety checker ----

// Tags, attributes and URL shapes the export may ever contain.
var (
	htmlAllowedTags = strings.Fields(`html head meta title style body header main footer section div
		h1 h2 h3 h4 h5 h6 p br hr a img span em strong del code pre blockquote ul ol li
		table thead tbody tr th td input time nav dl dt dd`)
	htmlVoidTags      = strings.Fields("meta img br hr input")
	htmlAllowedAttrs  = strings.Fields("lang dir charset http-equiv name content class id href rel title src alt style checked disabled type start datetime")
	htmlForbiddenTags = []string{"<script", "<iframe", "<frame", "<object", "<embed", "<svg", "<math", "<form",
		"<base", "<link", "<applet", "<template", "<textarea", "<button", "<video", "<audio", "<source", "<!--", "<![cdata", "<?"}
	htmlForbiddenValues = []string{"javascript:", "vbscript:", "data:text", "data:image/svg", "livescript:",
		"file:", "expression(", "url(", "srcdoc"}
	htmlTagRE  = regexp.MustCompile(`^<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'<>=/]+(?:="[^"<>]*")?)*)\s*>`)
	htmlAttrRE = regexp.MustCompile(`([^\s"'<>=/]+)(?:="([^"<>]*)")?`)
)

// checkSafeHTML fails t when out contains anything active or malformed, and
// returns its visible text, unescaped. full says out is a whole document.
//
// Raw text can never hold "<" or ">" (goldmark escapes them), so the
// forbidden tags are searched for in the whole raw output. Every tag is
// then parsed: its name and attribute names must be allowed (no on...
// handler), and each attribute value is HTML-unescaped once, stripped of
// controls and whitespace, percent-decoded and lowercased before it is
// searched for dangerous URLs. Visible text may say "javascript:" (a
// refused autolink shows its text), which is harmless since it is text.
func checkSafeHTML(t *testing.T, out []byte, full bool) string {
	t.Helper()
	s := string(out)
	lower := strings.ToLower(s)
	for _, f := range htmlForbiddenTags {
		if strings.Contains(lower, f) {
			t.Errorf("output contains %q", f)
		}
	}
	wantStyles := 0
	if full {
		wantStyles = 1
		if !strings.HasPrefix(s, "<!DOCTYPE html>\n") {
			t.Errorf("output does not start with <!DOCTYPE html>")
		}
		if i, j := strings.Index(lower, "<style"), strings.Index(lower, "</head>"); i < 0 || i > j {
			t.Errorf("the <style> is not in the head")
		}
	}
	if n := strings.Count(lower, "<style"); n != wantStyles {
		t.Errorf("%d <style elements, want %d", n, wantStyles)
	}
	var text strings.Builder
	var stack []string
	i := 0
	if full {
		i = len("<!DOCTYPE html>\n")
	}
	for i < len(s) {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			j = len(s) - i
		}
		chunk := s[i : i+j]
		if strings.ContainsAny(chunk, ">") {
			t.Errorf("raw '>' in text %q", chunk)
		}
		text.WriteString(html.UnescapeString(chunk))
		i += j
		if i >= len(s) {
			break
		}
		m := htmlTagRE.FindStringSubmatch(s[i:])
		if m == nil {
			t.Errorf("malformed markup at %q", s[i:min(len(s), i+60)])
			return text.String()
		}
		closing, name := m[1] == "/", strings.ToLower(m[2])
		i += len(m[0])
		if !containsString(htmlAllowedTags, name) {
			t.Errorf("unexpected element <%s>", name)
		}
		if closing {
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Errorf("</%s> closes %v", name, stack)
				return text.String()
			}
			stack = stack[:len(stack)-1]
			continue
		}
		checkAttributes(t, name, m[3])
		if !containsString(htmlVoidTags, name) {
			stack = append(stack, name)
		}
		if name == "style" { // our stylesheet: raw text up to </style>
			k := strings.Index(s[i:], "</style>")
			if k < 0 {
				t.Errorf("<style> is not closed")
				return text.String()
			}
			i += k
		}
	}
	if len(stack) != 0 {
		t.Errorf("elements left open: %v", stack)
	}
	return text.String()
}

func checkAttributes(t *testing.T, tag, attrs string) {
	t.Helper()
	for _, a := range htmlAttrRE.FindAllStringSubmatch(attrs, -1) {
		name, value := strings.ToLower(a[1]), a[2]
		if !containsString(htmlAllowedAttrs, name) || strings.HasPrefix(name, "on") {
			t.Errorf("<%s> has attribute %q", tag, name)
			continue
		}
		v := normalizeForCheck(value)
		if name == "content" && tag == "meta" {
			continue // fixed by RenderHTML; the CSP itself says 'none'
		}
		for _, f := range htmlForbiddenValues {
			if name == "href" && strings.HasPrefix(v, "#") {
				break // a place in this document, whatever it is called ("#javascript:0")
			}
			if strings.Contains(v, f) {
				t.Errorf("<%s %s=%q> contains %q", tag, name, value, f)
			}
		}
		// An angle bracket breaks out of the attribute only as itself or
		// as a character reference; percent-encoded in a link ("#%3E")
		// it is inert, and only the schemes above are looked for there.
		if strings.ContainsAny(html.UnescapeString(value), "<>") {
			t.Errorf("<%s %s=%q> holds an angle bracket", tag, name, value)
		}
		switch name {
		case "href":
			if !(strings.HasPrefix(v, "https:") || strings.HasPrefix(v, "http:") ||
				strings.HasPrefix(v, "mailto:") || strings.HasPrefix(v, "tel:") || strings.HasPrefix(v, "#")) {
				t.Errorf("<%s href=%q> is not an allowed link", tag, value)
			}
		case "src":
			if !regexp.MustCompile(`^data:image/(png|jpeg|gif|webp);base64,[a-z0-9+/]+=*$`).MatchString(v) {
				t.Errorf("<%s src=%q> is not an allowed image", tag, value)
			}
		case "style":
			if !regexp.MustCompile(`^text-align:(left|right|center)$`).MatchString(v) {
				t.Errorf("<%s style=%q> is not an alignment", tag, value)
			}
		case "http-equiv":
			if v != "content-security-policy" {
				t.Errorf("<%s http-equiv=%q>", tag, value)
			}
		case "type":
			if v != "checkbox" {
				t.Errorf("<%s type=%q>", tag, value)
			}
		}
	}
}

// normalizeForCheck is written apart from normalizeURL on purpose: the
// checker must not share the code it checks.
func normalizeForCheck(v string) string {
	v = html.UnescapeString(v)
	for range 3 {
		v = regexp.MustCompile(`%[0-9a-fA-F]{2}`).ReplaceAllStringFunc(v, func(m string) string {
			var c byte
			fmt.Sscanf(m[1:], "%02x", &c)
			return string([]byte{c})
		})
	}
	v = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || r == 0xad || r == 0x200b || r == 0xfeff || r == 0x2028 {
			return -1
		}
		return r
	}, v)
	return strings.ToLower(v)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestHouseStyle: with our company, the document opens with a cover page
// (logo, name, title, client, date, revision, validity), takes the brand
// colour, and prints our name and "Page N of M" at the foot of its pages;
// a hostile name cannot leave the stylesheet; without a company there is
// none of it.
func TestHouseStyle(t *testing.T) {
	logo, err := CleanLogo(tinyPNG(t))
	if err != nil {
		t.Fatal(err)
	}
	co := &Company{Name: `Veldmark "Controls" </style><script>x</script>`, BrandColour: "#7A1F3D", Logo: logo}
	d := Document{Title: "Plan", Markdown: "# Plan\n\nFor Helen\n\n## One\n\nx", Company: co,
		Cover: Cover{For: "Northbridge", Date: dossier.MustDate("2026-11-26"), Revision: 2, ValidUntil: dossier.MustDate("2027-01-10")}}
	out, err := RenderHTML(d, "")
	if err != nil {
		t.Fatal(err)
	}
	checkSafeHTML(t, out, true)
	s := string(out)
	for _, want := range []string{`<header class="cover">`, `<img class="logo" alt="" src="data:image/png;base64,`,
		`<p class="for" dir="auto">For Northbridge</p>`, "<dt>Revision</dt><dd>2</dd>", "<dt>Valid until</dt><dd>10 January 2027</dd>",
		"--accent: #7a1f3d;", `counter(page) " of " counter(pages)`} {
		if !strings.Contains(s, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	style := s[strings.Index(s, "<style>"):strings.LastIndex(s, "</style>")]
	if strings.Contains(style, "</style") || strings.Contains(style, "<script") {
		t.Errorf("the company's name left the stylesheet:\n%s", style)
	}
	d.Company = nil
	out, _ = RenderHTML(d, "")
	if strings.Contains(string(out), "cover") || strings.Contains(string(out), "counter(page)") {
		t.Error("without a company the document has a cover or page numbers")
	}
}

// TestContentsOfALongProposal: a proposal of many sections gets a table
// of contents after the letter, linking to each section; a short one none.
func TestContentsOfALongProposal(t *testing.T) {
	var md strings.Builder
	md.WriteString("# Plan\n\nFor Helen\n\nDear Helen,\n\n")
	for i := range ContentsFrom {
		fmt.Fprintf(&md, "## Part %d\n\ntext\n\n", i+1)
	}
	out, err := RenderHTML(Document{Title: "Plan", Markdown: md.String()}, "")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	nav := strings.Index(s, `<nav class="contents">`)
	if nav < 0 || nav < strings.Index(s, "Dear Helen") || nav > strings.Index(s, "<section") {
		t.Fatalf("no contents between the letter and the first section:\n%s", s)
	}
	for i := range ContentsFrom {
		if !strings.Contains(s, fmt.Sprintf(`<a href="#part-%d">Part %d</a>`, i+1, i+1)) || !strings.Contains(s, fmt.Sprintf(`id="part-%d"`, i+1)) {
			t.Errorf("part %d has no working link", i+1)
		}
	}
	short, _ := RenderHTML(Document{Title: "Plan", Markdown: "# Plan\n\n## One\n\nx"}, "")
	if strings.Contains(string(short), "contents") {
		t.Error("a short proposal has contents")
	}
}

// TestCompanyValidate: each field that cannot be used is named.
func TestCompanyValidate(t *testing.T) {
	err := Company{Name: "Veldmark", BrandColour: "red", Website: "a\nb", Logo: []byte("not a picture")}.Validate()
	p := dossier.ProblemsOf(err)
	for _, f := range []string{"brand_colour", "website", "logo"} {
		if p.For(f) == nil {
			t.Errorf("no problem named %s in %v", f, err)
		}
	}
	if err := (Company{}).Validate(); err != nil {
		t.Errorf("no company at all: %v", err)
	}
	if err := (Company{Website: "x.example"}).Validate(); dossier.ProblemsOf(err).For("name") == nil {
		t.Errorf("a company without a name: %v", err)
	}
}

// tinyPNG is a 2×2 PNG.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSVGLogoDrawn: an SVG logo is drawn into a PNG (its shapes, in their
// colours), whatever script or outside picture it holds; one without a
// size to draw it at is refused.
func TestSVGLogoDrawn(t *testing.T) {
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10">` +
		`<script>alert(1)</script><image href="http://tracker.example/x.png" width="40" height="10"/>` +
		`<rect x="0" y="0" width="40" height="10" fill="#7a1f3d"/></svg>`)
	out, err := CleanLogo(svg)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 300 {
		t.Errorf("drawn at %v, want 1200×300", b.Size())
	}
	if r, g, b, _ := img.At(600, 150).RGBA(); r>>8 != 0x7a || g>>8 != 0x1f || b>>8 != 0x3d {
		t.Errorf("the middle is %x %x %x, want the rectangle's #7a1f3d", r>>8, g>>8, b>>8)
	}
	if bytes.Contains(out, []byte("script")) || bytes.Contains(out, []byte("tracker")) {
		t.Error("the PNG carries the SVG's script or link")
	}
	if _, err := CleanLogo([]byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)); err == nil {
		t.Error("an SVG without a size was drawn")
	}
}

// FuzzCleanLogo: whatever file is given as a logo, CleanLogo never
// panics, and what it accepts is a PNG no larger than its limits.
func FuzzCleanLogo(f *testing.F) {
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 3, 2)))
	f.Add(b.Bytes())
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><rect width="4" height="2" fill="red"/></svg>`))
	f.Add([]byte(`<?xml version="1.0"?><svg viewBox="0 0 1 1000"><path d="M0 0 L1 1000 Z"/></svg>`))
	f.Add([]byte("GIF89a"))
	f.Add([]byte("\xff\xd8\xff\xe0"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := CleanLogo(data)
		if err != nil {
			return
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("accepted, but not a PNG: %v", err)
		}
		if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
			t.Fatalf("accepted a %d×%d picture", cfg.Width, cfg.Height)
		}
	})
}
