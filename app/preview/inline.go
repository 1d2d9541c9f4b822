// The preview's inline content: styled text, links and images.

package preview

import (
	"bytes"
	"html"
	"image"
	"net/url"
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

	"kamdesk/proposal"
)

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

// Text is what a rich text of the preview reads: its text, without the
// strokes that draw struck-out runs.
func Text(rt *widget.RichText) string {
	return strings.ReplaceAll(rt.String(), "\u0336", "")
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
