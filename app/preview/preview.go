// Package preview is the Markdown preview widget: it shows an assembled
// variant the way the HTML export prints it, so that what the user checks
// on screen is what the client reads. Fyne's own Markdown widget has no
// tables and follows no URL policy, so the preview walks the export's own
// Markdown tree (proposal.ParseMarkdown: the same parser, extensions and
// structure) and builds Fyne objects: headings, paragraphs with bold,
// italic, struck-out and code spans, links that pass the export's URL
// policy, nested lists and task lists, quotes, code blocks, rules, data:
// images, tables as real grids (header row, alignments, numeric columns
// right-aligned, rules and zebra rows) and the closing panel holding the
// credits and the validity. Raw HTML is dropped as the export drops it.
package preview

import (
	"image/color"
	_ "image/gif" // the export allows GIF, PNG, JPEG and WebP data: images
	_ "image/jpeg"
	_ "image/png"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	_ "golang.org/x/image/webp"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// Markdown shows md as the HTML export would print it.
func Markdown(md string) fyne.CanvasObject { return ui.NewWrapColumn(Blocks(md)...) }

// Blocks are the blocks Markdown stacks, for a column that puts them in
// a few at a time.
func Blocks(md string) []fyne.CanvasObject { return DocumentBlocks(md, nil, nil) }

// DocumentBlocks are the blocks of the whole exported document of md: the
// lines of its cover page (proposal.Document.CoverLines) above and under
// the title, and the table of contents the file has before its first
// section when it has proposal.ContentsFrom sections or more.
func DocumentBlocks(md string, coverAbove, coverUnder []string) []fyne.CanvasObject {
	doc, src := proposal.ParseMarkdown(md)
	r := &mdPreview{src: src}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level == 2 {
			r.heads = append(r.heads, h)
		}
		return ast.WalkContinue, nil
	})
	if len(r.heads) < proposal.ContentsFrom {
		r.heads = nil
	}
	out := r.blocks(doc, mdBlockCtx{lead: true})
	if len(coverAbove)+len(coverUnder) == 0 {
		return out
	}
	var cover []fyne.CanvasObject
	for _, l := range coverAbove {
		cover = append(cover, mdLine(l, mdStyle{bold: true, color: theme.ColorNamePlaceHolder}))
	}
	if len(out) > 0 {
		cover, out = append(cover, out[0]), out[1:] // the title
	}
	for _, l := range coverUnder {
		cover = append(cover, mdLine(l, mdStyle{}))
	}
	return append(append(cover, widget.NewSeparator()), out...)
}

// mdLine is one line of plain text in style st.
func mdLine(text string, st mdStyle) fyne.CanvasObject {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: st.rich()})
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// mdPreview turns the export's Markdown tree into Fyne objects.
type mdPreview struct {
	src   []byte
	heads []*ast.Heading // the sections' headings, for the contents; nil for none
}

// contents is the table of contents, as the file has it before its first
// section: a heading, then each section's title by its number.
func (r *mdPreview) contents() []fyne.CanvasObject {
	out := []fyne.CanvasObject{mdLine("Contents", mdStyle{bold: true, size: theme.SizeNameSubHeadingText, color: theme.ColorNamePrimary}),
		widget.NewSeparator()}
	box := ui.NewWrapColumn()
	for i, h := range r.heads {
		marker := widget.NewRichText(&widget.TextSegment{Text: strconv.Itoa(i+1) + ".", Style: mdStyle{}.rich()})
		title := r.paragraph(h, mdStyle{})
		box.Add(container.NewBorder(nil, nil, container.NewVBox(marker), nil, ui.NewWrapColumn(title...)))
	}
	r.heads = nil // once
	return append(out, box)
}

// mdBlockCtx is what a block takes from where it stands.
type mdBlockCtx struct {
	muted   bool   // quotes and the lines under the title: muted text
	closing bool   // inside the closing panel (credits and validity)
	class   string // the section's class: "", "credits" or "validity"
	lead    bool   // the paragraph under the title: whom it is for, the date
}

// blocks renders the block children of n.
func (r *mdPreview) blocks(n ast.Node, bc mdBlockCtx) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	firstPara := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		_, section := proposal.SectionClass(c)
		if (section || proposal.IsClosing(c)) && r.heads != nil {
			out = append(out, r.contents()...)
		}
		if class, ok := proposal.SectionClass(c); ok {
			bc.lead = false
			sc := bc
			sc.class = class
			out = append(out, r.blocks(c, sc)...)
			continue
		}
		if proposal.IsClosing(c) {
			bc.lead = false
			out = append(out, mdClosingPanel(r.blocks(c, mdBlockCtx{closing: true})))
			continue
		}
		switch c := c.(type) {
		case *ast.Heading:
			out = append(out, r.heading(c, bc)...)
		case *ast.Paragraph, *ast.TextBlock:
			// the lines under the title are muted, and the validity's
			// first paragraph is bold, as the export's stylesheet has them
			st := mdStyle{color: mdMuted(bc.muted || bc.lead && firstPara)}
			if bc.class == "validity" && firstPara {
				st.bold = true
			}
			firstPara = false
			out = append(out, r.paragraph(c, st)...)
		case *ast.List:
			out = append(out, r.list(c, bc))
		case *ast.Blockquote:
			qc := bc
			qc.muted = true
			out = append(out, mdQuote(r.blocks(c, qc)))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			out = append(out, r.code(c))
		case *ast.ThematicBreak:
			out = append(out, widget.NewSeparator())
		case *east.Table:
			out = append(out, container.NewHScroll(r.table(c)))
		case *ast.HTMLBlock:
			// raw HTML is never rendered
		default:
			out = append(out, r.blocks(c, bc)...)
		}
	}
	return out
}

func mdMuted(muted bool) fyne.ThemeColorName {
	if muted {
		return theme.ColorNamePlaceHolder
	}
	return ""
}

// heading: the title large, section headings in the accent colour over a
// rule (smaller in the closing panel), lower levels in bold.
func (r *mdPreview) heading(h *ast.Heading, bc mdBlockCtx) []fyne.CanvasObject {
	st := mdStyle{bold: true}
	rule := false
	switch {
	case h.Level == 1:
		st.size = theme.SizeNameHeadingText
	case h.Level == 2 && bc.closing:
		st.color = theme.ColorNamePrimary
	case h.Level == 2:
		st.size = theme.SizeNameSubHeadingText
		st.color = theme.ColorNamePrimary
		rule = true
	}
	out := r.paragraph(h, st)
	if rule {
		out = append(out, widget.NewSeparator())
	}
	return out
}

// paragraph renders inline content as word-wrapped rich text, with the
// images the export shows standing between the runs of text.
func (r *mdPreview) paragraph(n ast.Node, st mdStyle) []fyne.CanvasObject {
	in := &mdInlineRun{src: r.src, images: true}
	in.children(n, st)
	in.flush(fyne.TextWrapWord)
	return in.out
}

// list renders a bullet, numbered or task list, items holding their own
// blocks (nested lists indent under their item). In the closing panel
// lists carry no bullets, as in the export.
func (r *mdPreview) list(l *ast.List, bc mdBlockCtx) fyne.CanvasObject {
	box := ui.NewWrapColumn()
	num := l.Start
	// every marker of the list as wide as the widest: "10." under "9."
	markerStyle := mdStyle{color: mdMuted(bc.muted)}.rich()
	widest := "•"
	if l.IsOrdered() {
		widest = strconv.Itoa(l.Start+l.ChildCount()-1) + "."
	}
	markerWidth := fyne.MeasureText(widest, theme.TextSize(), markerStyle.TextStyle).Width + 2*theme.InnerPadding()
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		var marker fyne.CanvasObject
		if cb := mdTaskBox(it); cb != nil {
			check := widget.NewCheck("", nil)
			check.SetChecked(cb.IsChecked)
			check.Disable()
			marker = container.NewVBox(check)
		} else if !bc.closing {
			text := "•"
			if l.IsOrdered() {
				text = strconv.Itoa(num) + "."
			}
			m := widget.NewRichText(&widget.TextSegment{Text: text, Style: markerStyle})
			width := canvas.NewRectangle(color.Transparent)
			width.SetMinSize(fyne.NewSize(markerWidth, 0))
			marker = container.NewVBox(container.NewStack(width, m))
		}
		num++
		ic := bc
		ic.lead = false
		content := ui.NewWrapColumn(r.blocks(it, ic)...)
		if marker == nil {
			box.Add(content)
			continue
		}
		box.Add(container.NewBorder(nil, nil, marker, nil, content))
	}
	return box
}

// mdTaskBox returns the check box that opens a task list item, if any.
func mdTaskBox(item ast.Node) *east.TaskCheckBox {
	if tb := item.FirstChild(); tb != nil {
		if cb, ok := tb.FirstChild().(*east.TaskCheckBox); ok {
			return cb
		}
	}
	return nil
}

// code renders a code block in a monospaced font on a tinted ground.
func (r *mdPreview) code(n ast.Node) fyne.CanvasObject {
	var b strings.Builder
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	text := widget.NewRichText(&widget.TextSegment{Text: strings.TrimSuffix(b.String(), "\n"), Style: widget.RichTextStyleCodeBlock})
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = 4
	return container.NewStack(bg, container.NewHScroll(text))
}

// mdQuote draws a quote with the accent bar on its leading side.
func mdQuote(content []fyne.CanvasObject) fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(3, 0))
	return container.NewBorder(nil, nil, bar, nil, ui.NewWrapColumn(content...))
}

// mdClosingPanel is the tinted panel with the accent bar that holds the
// credits and the validity, as the export closes the proposal.
func mdClosingPanel(content []fyne.CanvasObject) fyne.CanvasObject {
	tint := theme.Color(theme.ColorNamePrimary)
	cr, cg, cb, _ := tint.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: 0x1c})
	bg.CornerRadius = 6
	bar := canvas.NewRectangle(tint)
	bar.SetMinSize(fyne.NewSize(4, 0))
	return container.NewStack(bg, container.NewBorder(nil, nil, bar, nil,
		container.NewPadded(ui.NewWrapColumn(content...))))
}
