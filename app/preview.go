package app

import (
	"bytes"
	"html"
	"image"
	"image/color"
	_ "image/gif" // the export allows GIF, PNG, JPEG and WebP data: images
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
	_ "golang.org/x/image/webp"

	"kamdesk/proposal"
)

// The preview shows an assembled variant the way the HTML export prints
// it, so that what the user checks on screen is what the client reads.
// Fyne's own Markdown widget has no tables and follows no URL policy, so
// the preview walks the export's own Markdown tree (proposal.ParseMarkdown:
// the same parser, extensions and structure) and builds Fyne objects:
// headings, paragraphs with bold, italic, struck-out and code spans, links
// that pass the export's URL policy, nested lists and task lists, quotes,
// code blocks, rules, data: images, tables as real grids (header row,
// alignments, numeric columns right-aligned, rules and zebra rows) and the
// closing panel holding the credits and the validity. Raw HTML is dropped
// as the export drops it.

// renderMarkdown shows md as the HTML export would print it.
func renderMarkdown(md string) fyne.CanvasObject {
	doc, src := proposal.ParseMarkdown(md)
	r := &mdPreview{src: src}
	return newWrapColumn(r.blocks(doc, mdBlockCtx{lead: true})...)
}

// mdPreview turns the export's Markdown tree into Fyne objects.
type mdPreview struct {
	src []byte
}

// mdBlockCtx is what a block takes from where it stands.
type mdBlockCtx struct {
	muted   bool   // quotes and the lines under the title: muted text
	closing bool   // inside the closing panel (credits and validity)
	class   string // the section's class: "", "credits" or "validity"
	lead    bool   // directly in the document, before the first section
}

// blocks renders the block children of n.
func (r *mdPreview) blocks(n ast.Node, bc mdBlockCtx) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	firstPara := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
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
			st := mdStyle{color: mdMuted(bc.muted || bc.lead)}
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
	box := newWrapColumn()
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
		content := newWrapColumn(r.blocks(it, ic)...)
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
	return container.NewBorder(nil, nil, bar, nil, newWrapColumn(content...))
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
		container.NewPadded(newWrapColumn(content...))))
}

// ---- inline content ----

// mdStyle is the look of a run of text.
type mdStyle struct {
	bold, italic, mono, strike bool
	color                      fyne.ThemeColorName // "" is the foreground
	size                       fyne.ThemeSizeName  // "" is the text size
	align                      fyne.TextAlign
}

func (s mdStyle) rich() widget.RichTextStyle {
	st := widget.RichTextStyle{Inline: true, ColorName: s.color, SizeName: s.size, Alignment: s.align,
		TextStyle: fyne.TextStyle{Bold: s.bold, Italic: s.italic, Monospace: s.mono}}
	if st.ColorName == "" {
		st.ColorName = theme.ColorNameForeground
	}
	if st.SizeName == "" {
		st.SizeName = theme.SizeNameText
	}
	return st
}

// mdInlineRun collects the segments of one block of inline content; with
// images set, an image the export shows ends the run of text before it.
type mdInlineRun struct {
	src    []byte
	images bool
	segs   []widget.RichTextSegment
	out    []fyne.CanvasObject
}

func (in *mdInlineRun) children(n ast.Node, st mdStyle) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c, st)
	}
}

func (in *mdInlineRun) node(n ast.Node, st mdStyle) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(in.src)
		if !n.IsRaw() {
			v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
		}
		in.text(string(v), st)
		switch {
		case n.HardLineBreak():
			in.text("\n", st)
		case n.SoftLineBreak():
			in.text(" ", st)
		}
	case *ast.String:
		if n.IsCode() {
			in.text(html.UnescapeString(string(n.Value)), st) // typographer entities
		} else {
			in.text(string(n.Value), st)
		}
	case *ast.CodeSpan:
		cs := st
		cs.mono = true
		in.children(n, cs)
	case *ast.Emphasis:
		es := st
		if n.Level >= 2 {
			es.bold = true
		} else {
			es.italic = true
		}
		in.children(n, es)
	case *east.Strikethrough:
		ss := st
		ss.strike = true
		ss.color = theme.ColorNamePlaceHolder
		in.children(n, ss)
	case *ast.Link:
		in.link(n, st)
	case *ast.AutoLink:
		raw := string(n.URL(in.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(raw), "mailto:") {
			raw = "mailto:" + raw
		}
		label := string(n.Label(in.src))
		if u, ok := mdLinkURL(raw); ok {
			in.segs = append(in.segs, &widget.HyperlinkSegment{Text: label, URL: u, Alignment: st.align})
		} else {
			in.text(label, st)
		}
	case *ast.Image:
		in.image(n, st)
	case *ast.RawHTML, *east.TaskCheckBox:
		// raw HTML is never rendered; a task's box is drawn by its list
	default:
		in.children(n, st)
	}
}

// mdLinkURL returns the URL a link of the preview opens: only what the
// export's URL policy allows, and not in-document fragments, which have
// nowhere to go in the preview (they show as text).
func mdLinkURL(href string) (*url.URL, bool) {
	dest, ok := proposal.SafeLinkURL(href)
	if !ok || strings.HasPrefix(strings.TrimSpace(dest), "#") {
		return nil, false
	}
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return nil, false
	}
	return u, true
}

// link is a hyperlink when the export would make one; otherwise its text.
func (in *mdInlineRun) link(n *ast.Link, st mdStyle) {
	u, ok := mdLinkURL(string(n.Destination))
	if !ok {
		in.children(n, st)
		return
	}
	sub := &mdInlineRun{src: in.src}
	sub.children(n, st)
	var text strings.Builder
	for _, s := range sub.segs {
		text.WriteString(s.Textual())
	}
	in.segs = append(in.segs, &widget.HyperlinkSegment{Text: text.String(), URL: u, Alignment: st.align})
}

// image is the picture when the export shows it (a data: image), else its
// alt text in brackets and italics, as the export marks a removed image.
func (in *mdInlineRun) image(n *ast.Image, st mdStyle) {
	sub := &mdInlineRun{src: in.src}
	sub.children(n, mdStyle{})
	var alt strings.Builder
	for _, s := range sub.segs {
		alt.WriteString(s.Textual())
	}
	if data, ok := proposal.SafeImageData(string(n.Destination)); ok && in.images {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			in.flush(fyne.TextWrapWord)
			img := canvas.NewImageFromReader(bytes.NewReader(data), "image")
			img.FillMode = canvas.ImageFillContain
			w, h := float32(cfg.Width), float32(cfg.Height)
			if w > 640 {
				w, h = 640, h*640/w
			}
			img.SetMinSize(fyne.NewSize(w, h))
			in.out = append(in.out, container.NewHBox(img, layout.NewSpacer()))
			return
		}
	}
	if alt.Len() == 0 {
		return // an image without alt text just goes
	}
	as := st
	as.italic = true
	as.color = theme.ColorNamePlaceHolder
	in.text("["+alt.String()+"]", as)
}

// text adds s in style st, joining it to the previous run when they look
// the same.
func (in *mdInlineRun) text(s string, st mdStyle) {
	if s == "" {
		return
	}
	if st.strike {
		s = struckOut(s)
	}
	rs := st.rich()
	if n := len(in.segs); n > 0 {
		if last, ok := in.segs[n-1].(*widget.TextSegment); ok && last.Style == rs {
			last.Text += s
			return
		}
	}
	in.segs = append(in.segs, &widget.TextSegment{Text: s, Style: rs})
}

// struckOut draws a line through s (Markdown ~~text~~), which Fyne's text
// styles lack, with the combining long stroke overlay after each
// character: the text still wraps and aligns like any other.
func struckOut(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if r != '\n' {
			b.WriteRune('\u0336')
		}
	}
	return b.String()
}

// flush ends the current run of text as one rich text widget.
func (in *mdInlineRun) flush(wrap fyne.TextWrap) {
	segs := in.segs
	in.segs = nil
	if len(segs) > 0 {
		if t, ok := segs[0].(*widget.TextSegment); ok {
			t.Text = strings.TrimLeft(t.Text, " ") // after an image
		}
		if t, ok := segs[len(segs)-1].(*widget.TextSegment); ok {
			t.Text = strings.TrimRight(t.Text, " \n")
		}
	}
	if len(segs) == 0 || len(segs) == 1 && segs[0].Textual() == "" {
		return
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = wrap
	in.out = append(in.out, rt)
}

// wrapColumn stacks blocks like a VBox, but gives each block its width
// before asking its height, so that word-wrapped text is as tall as it
// needs at that width and no taller.
type wrapColumn struct{}

func newWrapColumn(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(wrapColumn{}, objs...)
}

func (wrapColumn) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height += theme.Padding() * float32(n-1)
	}
	return s
}

func (wrapColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		o.Resize(fyne.NewSize(size.Width, o.Size().Height)) // the width first
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
}

// ---- tables ----

// table renders a GFM table as a grid: the header row in bold on the
// accent colour, cells aligned as the export aligns them (numeric columns
// to the right), a rule under each row, every other body row tinted, and
// a heavier rule above a final bold total row.
func (r *mdPreview) table(t *east.Table) fyne.CanvasObject {
	cols := len(t.Alignments)
	var rows [][]fyne.CanvasObject
	var header []bool
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		isHead := row.Kind() == east.KindTableHeader
		cells := make([]fyne.CanvasObject, cols)
		i := 0
		for c := row.FirstChild(); c != nil && i < cols; c = c.NextSibling() {
			cell, ok := c.(*east.TableCell)
			if !ok {
				continue
			}
			st := mdStyle{align: mdCellAlign(cell.Alignment)}
			if isHead {
				st.bold = true
				st.color = theme.ColorNameForegroundOnPrimary
			}
			in := &mdInlineRun{src: r.src}
			in.children(cell, st)
			in.flush(fyne.TextWrapOff)
			cells[i] = widget.NewRichText()
			if len(in.out) > 0 {
				cells[i] = in.out[0]
			}
			i++
		}
		for ; i < cols; i++ {
			cells[i] = widget.NewRichText()
		}
		rows = append(rows, cells)
		header = append(header, isHead)
	}
	return newMDTable(rows, header)
}

func mdCellAlign(a east.Alignment) fyne.TextAlign {
	switch a {
	case east.AlignRight:
		return fyne.TextAlignTrailing
	case east.AlignCenter:
		return fyne.TextAlignCenter
	}
	return fyne.TextAlignLeading
}

// newMDTable lays out rows of cells with their grounds and rules.
func newMDTable(rows [][]fyne.CanvasObject, header []bool) fyne.CanvasObject {
	l := &mdTableLayout{rows: len(rows)}
	if len(rows) > 0 {
		l.cols = len(rows[0])
	}
	var grounds, rules, cells []fyne.CanvasObject
	body := 0
	for i, row := range rows {
		var fill color.Color = color.Transparent
		switch {
		case header[i]:
			fill = theme.Color(theme.ColorNamePrimary)
		default:
			body++
			if body%2 == 0 {
				fill = theme.Color(theme.ColorNameInputBackground)
			}
		}
		grounds = append(grounds, canvas.NewRectangle(fill))
		rule := canvas.NewRectangle(theme.Color(theme.ColorNameSeparator))
		if i == len(rows)-2 && !header[len(rows)-1] && mdRowIsBold(rows[len(rows)-1]) {
			rule.FillColor = theme.Color(theme.ColorNameForeground)
			l.heavy = true
		}
		rules = append(rules, rule)
		cells = append(cells, row...)
	}
	objs := append(append(grounds, rules...), cells...)
	return container.New(l, objs...)
}

// mdRowIsBold reports whether a row holds bold text: the total line.
func mdRowIsBold(row []fyne.CanvasObject) bool {
	for _, c := range row {
		if rt, ok := c.(*widget.RichText); ok {
			for _, s := range rt.Segments {
				if t, ok := s.(*widget.TextSegment); ok && t.Style.TextStyle.Bold && strings.TrimSpace(t.Text) != "" {
					return true
				}
			}
		}
	}
	return false
}

// mdTableLayout places a table's objects: one ground per row, one rule per
// row, then the cells row by row. Columns are as wide as their widest
// cell; extra width goes to the columns that are not right-aligned.
type mdTableLayout struct {
	rows, cols int
	heavy      bool // the rule above the last row is heavier
}

func (l *mdTableLayout) measure(objs []fyne.CanvasObject) (colW, rowH []float32) {
	colW, rowH = make([]float32, l.cols), make([]float32, l.rows)
	cells := objs[2*l.rows:]
	for r := range l.rows {
		for c := range l.cols {
			m := cells[r*l.cols+c].MinSize()
			colW[c] = max(colW[c], m.Width)
			rowH[r] = max(rowH[r], m.Height)
		}
	}
	return colW, rowH
}

func (l *mdTableLayout) ruleHeight(r int) float32 {
	if l.heavy && r == l.rows-2 {
		return 2
	}
	return 1
}

func (l *mdTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	colW, rowH := l.measure(objs)
	var s fyne.Size
	for _, w := range colW {
		s.Width += w
	}
	for r, h := range rowH {
		s.Height += h + l.ruleHeight(r)
	}
	return s
}

func (l *mdTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	colW, rowH := l.measure(objs)
	min := l.MinSize(objs)
	cells := objs[2*l.rows:]
	if extra := size.Width - min.Width; extra > 0 && l.cols > 0 {
		var flexible []int
		for c := range l.cols {
			if !mdColumnTrailing(cells, l.cols, l.rows, c) {
				flexible = append(flexible, c)
			}
		}
		if len(flexible) == 0 {
			flexible = []int{l.cols - 1}
		}
		for _, c := range flexible {
			colW[c] += extra / float32(len(flexible))
		}
	}
	var y float32
	for r := range l.rows {
		ground, rule := objs[r], objs[l.rows+r]
		ground.Move(fyne.NewPos(0, y))
		ground.Resize(fyne.NewSize(size.Width, rowH[r]))
		var x float32
		for c := range l.cols {
			cell := cells[r*l.cols+c]
			cell.Move(fyne.NewPos(x, y))
			cell.Resize(fyne.NewSize(colW[c], rowH[r]))
			x += colW[c]
		}
		y += rowH[r]
		rule.Move(fyne.NewPos(0, y))
		rule.Resize(fyne.NewSize(size.Width, l.ruleHeight(r)))
		y += l.ruleHeight(r)
	}
}

// mdColumnTrailing reports whether the body cells of column c are aligned
// to the trailing side (numbers).
func mdColumnTrailing(cells []fyne.CanvasObject, cols, rows, c int) bool {
	for r := range rows {
		if rt, ok := cells[r*cols+c].(*widget.RichText); ok && len(rt.Segments) > 0 {
			switch s := rt.Segments[0].(type) {
			case *widget.TextSegment:
				return s.Style.Alignment == fyne.TextAlignTrailing
			case *widget.HyperlinkSegment:
				return s.Alignment == fyne.TextAlignTrailing
			}
		}
	}
	return false
}
