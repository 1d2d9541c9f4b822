package proposals

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/net/html"

	"kamdesk/app/export"
	"kamdesk/app/preview"
	"kamdesk/app/store"
	"kamdesk/app/ui/uitest"
	"kamdesk/proposal"
)

// TestPreviewReadsAsTheFile: for every variant of every sample proposal,
// the builder's preview says word for word what the exported file says,
// in the same order: nothing the client would read is missing from the
// preview, and the file holds nothing the preview hides (as the line
// "Executive variant — …" under the title once was).
func TestPreviewReadsAsTheFile(t *testing.T) {
	_, w, st := openProposalArea(t, true)
	for _, house := range []bool{false, true} {
		if house { // with a cover page and our details under the credits
			if err := st.SaveCompany(proposal.Company{Name: "Veldmark Controls Ltd", Address: "14 Mill Lane\nLeeds",
				VAT: "VAT GB 987 6543 21", BrandColour: "#7a1f3d"}); err != nil {
				t.Fatal(err)
			}
		}
		previewMatchesFile(t, w, st, house)
	}
}

func previewMatchesFile(t *testing.T, w fyne.Window, st *store.Store, house bool) {
	for _, id := range []string{sampleSent, sampleDraft} {
		p, ctx, err := st.ProposalContext(id, uitest.Today)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range proposal.Variants {
			v, err := proposal.Assemble(&p, ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			above, under := export.DocumentOf(&p, ctx, v, time.Now()).CoverLines()
			col := container.NewVBox(preview.DocumentBlocks(v.Markdown, above, under)...)
			w.SetContent(container.NewVScroll(col))
			w.Resize(fyne.NewSize(900, 700))
			shown := strings.Fields(previewText(col))
			file, err := export.Render(&p, ctx, a, export.HTML, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			read := strings.Fields(htmlBodyText(t, file))
			if len(shown) < 50 || strings.Join(shown, " ") != strings.Join(read, " ") {
				t.Errorf("%s, %s variant (house style %v): the preview and the file differ at word %d:\npreview …%s…\nfile    …%s…",
					id, a, house, firstDiff(shown, read), around(shown, firstDiff(shown, read)), around(read, firstDiff(shown, read)))
			}
		}
	}
}

// previewText is the text of the preview's rich texts, in reading order,
// without the list markers (a browser draws them beside the text too).
func previewText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *widget.RichText: // a link inside is a rich text of its own: not read twice
			if text := preview.Text(o); !listMarker.MatchString(text) {
				b.WriteString(text)
				b.WriteByte(' ')
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// listMarker is the text of a list item's marker: "•", "3.".
var listMarker = regexp.MustCompile(`^\s*(•|\d+\.)\s*$`)

// htmlBodyText is the text a browser shows of an HTML file's body.
func htmlBodyText(t *testing.T, file []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node, inBody bool)
	walk = func(n *html.Node, inBody bool) {
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "head") {
			return
		}
		if n.Type == html.ElementNode && n.Data == "body" {
			inBody = true
		}
		if n.Type == html.TextNode && inBody {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBody)
		}
		if n.Type == html.ElementNode && !inline[n.Data] {
			b.WriteByte(' ') // a block ends a word
		}
	}
	walk(doc, false)
	return b.String()
}

// inline are the elements inside a line of text, which end no word.
var inline = map[string]bool{"a": true, "em": true, "strong": true, "code": true, "del": true, "span": true,
	"time": true, "sup": true, "sub": true, "abbr": true}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func around(words []string, i int) string {
	return strings.Join(words[max(0, i-6):min(len(words), i+6)], " ")
}
