package proposal

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
)

// trustingViewer renders Markdown as a viewer that trusts its file does:
// raw HTML passes through and every link and image is followed. What the
// Markdown export writes must be safe even there.
var trustingViewer = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithRendererOptions(ghtml.WithUnsafe()),
)

// exportedMarkdown is the Markdown export of the whole group's variant of
// the fixture with body as the text of its own section, whatever that text
// holds (the records of an old workspace are not validated again).
func exportedMarkdown(t *testing.T, body string) string {
	t.Helper()
	p, c := northbridge()
	p.Items[itemSiteVisit].Body = body
	return assemble(p, c, All, true).v.Markdown
}

// checkSafeMarkdown fails t when a trusting viewer would render anything
// active from md, and returns the text it shows.
func checkSafeMarkdown(t *testing.T, md string) string {
	t.Helper()
	var out bytes.Buffer
	if err := trustingViewer.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return checkSafeHTML(t, out.Bytes(), false)
}

// TestHostileCorpusMarkdown exports every file of testdata/hostile as the
// body of a section, in Markdown: nothing active survives, the text does.
func TestHostileCorpusMarkdown(t *testing.T) {
	files, err := filepath.Glob("testdata/hostile/*.md")
	if err != nil || len(files) < 20 {
		t.Fatalf("hostile corpus: %d files, %v", len(files), err)
	}
	keepRE := regexp.MustCompile(`KEEP-[A-Z0-9]+-[0-9A-Z]+`)
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := unsafeSpans(htmlCleanText(string(src))); !ok {
				t.Errorf("a link is not where the parser says it is")
			}
			md := exportedMarkdown(t, string(src))
			text := checkSafeMarkdown(t, md)
			for _, w := range keepRE.FindAllString(string(src), -1) {
				if !strings.Contains(text, w) {
					t.Errorf("the Markdown export lost %q", w)
				}
			}
			if t.Failed() {
				t.Logf("Markdown export:\n%s", md)
			}
		})
	}
}

func TestSafeMarkdown(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"script with its code", "Hello <script>alert(1)</script> world", "Hello  world"},
		{"inline tags, text kept", "Offer <b>now</b>, <span onclick=\"x()\">click</span>", "Offer now, click"},
		{"unclosed script", "a <script> b", "a  b"},
		{"html block", "Before\n\n<div onclick=\"alert(1)\">\n<iframe src=\"https://evil.example\"></iframe>\n</div>\n\nAfter", "Before\n\n\n\n\n\nAfter"},
		{"html comment", "x\n\n<!-- <script>alert(1)</script> -->\n\ny", "x\n\n\n\ny"},
		{"javascript link", "[click me](javascript:alert(1)) now", "click me now"},
		{"entity-encoded link", "[x](&#106;avascript:alert(1))", "x"},
		{"data link", "[x](data:text/html;base64,PHNjcmlwdD4=)", "x"},
		{"relative link", "[x](../../etc/passwd)", "x"},
		{"link with title", "[x](javascript:alert(1) \"t\")!", "x!"},
		{"reference link", "[x][evil]\n\n[evil]: javascript:alert(1)", "x\n\n"},
		{"reference definitions", "[ok]: https://example.com\n[evil]: <javascript:alert(1)>\n  \"title\"\n\n[a][ok]", "[ok]: https://example.com\n\n\n\n[a][ok]"},
		{"external image", "![tracker](https://t.example/p.png)", "tracker"},
		{"image inside a link", "[![a](https://t.example/p.png)](https://ok.example)", "[a](https://ok.example)"},
		{"javascript autolink", "<javascript:alert(1)>", "javascript:alert(1)"},
		{"vbscript autolink", "see <vbscript:msgbox(1)> here", "see vbscript:msgbox(1) here"},
		{"link text becomes a tag", "<[a](javascript:x)>", ""},
		{"safe things stay", "**Bold** [site](https://example.com) <https://example.com> `<script>` www.example.com",
			"**Bold** [site](https://example.com) <https://example.com> `<script>` www.example.com"},
		{"code block stays", "```\n<script>alert(1)</script>\n```", "```\n<script>alert(1)</script>\n```"},
		{"bidi and zero-width", "pay\u200bpal \u202eexe.pdf\u202c \u2066x\u2069", "paypal exe.pdf x"},
		{"joiners between Latin letters", "pay\u200dpal in\u200cfo", "paypal info"},
		{"joiners that matter", "می\u200cخواهم 👨\u200d👩\u200d👧", "می\u200cخواهم 👨\u200d👩\u200d👧"},
	} {
		got := safeMarkdown(c.in)
		if got != c.want {
			t.Errorf("%s: safeMarkdown(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
		checkSafeMarkdown(t, got)
		if again := safeMarkdown(got); again != got {
			t.Errorf("%s: safeMarkdown is not idempotent: %q, then %q", c.name, got, again)
		}
	}
}

// A link reference defined in one section and used in another does not
// become a link: the refused definition goes.
func TestSafeMarkdownAcrossSections(t *testing.T) {
	p, c := northbridge()
	p.Items[itemSiteVisit].Body = "[evil]: javascript:alert(1)"
	p.Items[itemExclusive].Body = "Read [this][evil] first."
	md := assemble(p, c, All, true).v.Markdown
	checkSafeMarkdown(t, md)
	if strings.Contains(md, "javascript:") || !strings.Contains(md, "Read [this][evil] first.") {
		t.Errorf("the refused definition or the text is wrong:\n%s", md)
	}
}

// The title and headings of both exports carry no bidirectional controls
// or invisible characters.
func TestExportsDropInvisibleCharacters(t *testing.T) {
	p, c := northbridge()
	p.Title = "Offer \u202egnp.exe\u202c for\u200b you\ufeff"
	p.Items[itemSiteVisit].Title = "Visit\u2066s\u2069 \u200bplan"
	v := assemble(p, c, All, true).v
	html, err := RenderHTML(Document{Title: p.Title, Subtitle: "All", Language: "en", Markdown: v.Markdown}, "")
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"Markdown": v.Markdown, "HTML": string(html)} {
		if strings.ContainsAny(out, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff") {
			t.Errorf("the %s export carries a bidi control or an invisible character", name)
		}
		for _, want := range []string{"Offer gnp.exe for you", "Visits plan"} {
			if !strings.Contains(out, want) {
				t.Errorf("the %s export lacks %q", name, want)
			}
		}
	}
}
