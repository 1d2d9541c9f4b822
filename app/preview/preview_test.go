package preview

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui/uitest"
	"kamdesk/proposal"
)

// outPreviewDoc has what a proposal variant carries: a title, sections, a
// pricing table with GFM alignments, lists, links (one the export
// refuses), raw HTML, the credits and the validity.
const outPreviewDoc = `# Site logistics 2027

For Anna Berg, CFO — Northbridge Build Group

## Why us

We are **the only supplier** with *factory* commissioning, ~~not~~ ` + "`proven`" + ` on site.
Read [our report](https://example.com/report) or [this](javascript:alert(1)).<script>alert(2)</script>\
Ask us: 1\*2 &amp; more.

1. Survey
2. Install
   - Stations
   - Rigs
- [x] Pilot signed off
- [ ] Series production

> Delivered on time, every time.

## Pricing

| Description | Quantity | Unit | Amount |
| :--- | ---: | :---: | --- |
| Controller set | 900 | home | GBP 1,062,000.00 |
| Training | 12 | day | GBP 10,800.00 |
| Monitoring | 900 | home | GBP 32,400.00 |
| **Total GBP** | | | **GBP 1,105,200.00** |

## Prepared by

- **Mara Lindqvist**, Account Director — mara@example.com

## Validity

Valid until 2026-12-18 (30 days from 2026-11-18).

Prices hold until that date.
`

// outRichTexts returns the text of every rich text under o, in order, and
// the hyperlinks among them.
func outRichTexts(o fyne.CanvasObject) (texts []string, links []*widget.HyperlinkSegment) {
	for _, c := range test.LaidOutObjects(o) {
		if rt, ok := c.(*widget.RichText); ok {
			texts = append(texts, Text(rt))
			for _, s := range rt.Segments {
				if l, ok := s.(*widget.HyperlinkSegment); ok {
					links = append(links, l)
				}
			}
		}
	}
	return texts, links
}

// outPreviewCells returns the text of the cells of the tables under o, row
// by row.
func outPreviewCells(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if cells, ok := TableCells(c); ok {
			for _, cell := range cells {
				out = append(out, Text(cell))
			}
		}
	}
	return out
}

var (
	outCellRE = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	outTagRE  = regexp.MustCompile(`<[^>]*>`)
)

// outExportCells returns the text of the table cells of the HTML export of
// md, row by row.
func outExportCells(t *testing.T, md string) []string {
	t.Helper()
	out, err := proposal.MarkdownToHTML(md)
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, m := range outCellRE.FindAllStringSubmatch(string(out), -1) {
		cells = append(cells, strings.TrimSpace(html.UnescapeString(outTagRE.ReplaceAllString(m[1], ""))))
	}
	return cells
}

func TestPreviewRendersLikeTheExport(t *testing.T) {
	test.NewTempApp(t)
	doc := Markdown(outPreviewDoc)
	w := test.NewTempWindow(t, doc)
	w.Resize(fyne.NewSize(760, 900))
	test.AssertRendersToMarkup(t, "document.xml", w.Canvas())

	texts, links := outRichTexts(doc)
	var got []string
	for _, l := range links {
		got = append(got, l.Text+" → "+l.URL.String())
	}
	want := []string{"our report → https://example.com/report", "mara@example.com → mailto:mara@example.com"}
	if !slices.Equal(got, want) {
		t.Errorf("links = %q, want %q (the javascript: link must stay text)", got, want)
	}
	para := "We are the only supplier with factory commissioning, not proven on site. Read our report or this.\nAsk us: 1*2 & more."
	if !slices.Contains(texts, para) {
		t.Errorf("no paragraph reads %q (escapes resolved, raw HTML dropped, the hard break kept); texts: %q", para, texts)
	}
	for _, s := range texts {
		if strings.Contains(s, "alert") || strings.Contains(s, "<script") {
			t.Errorf("raw HTML shows in the preview: %q", s)
		}
	}
	if got, want := outPreviewCells(doc), outExportCells(t, outPreviewDoc); !slices.Equal(got, want) {
		t.Errorf("table cells = %q, want the export's %q", got, want)
	}
}

func TestPreviewTableAlignment(t *testing.T) {
	test.NewTempApp(t)
	doc := Markdown("| Item | Note | Price |\n| --- | :---: | --- |\n| Rig | spare | 1,200.00 |\n| Set | — | 90.50 |\n")
	var aligns []fyne.TextAlign
	for _, c := range test.LaidOutObjects(doc) {
		if box, ok := c.(*fyne.Container); ok {
			if l, ok := box.Layout.(*mdTableLayout); ok {
				for _, cell := range box.Objects[2*l.rows+l.cols : 2*l.rows+2*l.cols] { // the first body row
					aligns = append(aligns, cell.(*widget.RichText).Segments[0].(*widget.TextSegment).Style.Alignment)
				}
			}
		}
	}
	want := []fyne.TextAlign{fyne.TextAlignLeading, fyne.TextAlignCenter, fyne.TextAlignTrailing}
	if !slices.Equal(aligns, want) {
		t.Errorf("body cell alignments = %v, want %v (explicit centre kept, the numeric column to the right)", aligns, want)
	}
}

func TestPreviewImages(t *testing.T) {
	test.NewTempApp(t)
	// a 1×1 PNG, allowed as a data: image; a remote image is refused
	const png1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
	doc := Markdown("Logo: ![our logo](data:image/png;base64," + png1 + ") and ![a tracker](https://example.com/t.gif)\n")
	images := 0
	for _, c := range test.LaidOutObjects(doc) {
		if _, ok := c.(*canvas.Image); ok {
			images++
		}
	}
	texts, _ := outRichTexts(doc)
	if images != 1 {
		t.Errorf("%d images shown, want the data: image only", images)
	}
	if !slices.Contains(texts, "and [a tracker]") {
		t.Errorf("texts = %q, want the refused image as its alt text in brackets", texts)
	}
}

func TestPreviewOfTheFinanceVariantHasEveryTableCell(t *testing.T) {
	test.NewTempApp(t)
	st := uitest.Store(t, true)
	p, err := st.Proposal("prop-northbridge-modular-controls")
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := st.Context(p.AccountID, uitest.Today)
	if err != nil {
		t.Fatal(err)
	}
	v, err := proposal.Assemble(&p, ctx, proposal.Finance)
	if err != nil {
		t.Fatal(err)
	}
	want := outExportCells(t, v.Markdown)
	if len(want) < 6*(len(p.Pricing)+2) {
		t.Fatalf("the finance variant's export has %d table cells; the pricing table is missing", len(want))
	}
	doc := Markdown(v.Markdown)
	got := outPreviewCells(doc)
	for _, c := range want {
		if !slices.Contains(got, c) {
			t.Errorf("the export's cell %q is not in the preview", c)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("preview cells = %q, want the export's %q in order", got, want)
	}
}
