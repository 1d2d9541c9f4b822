// The URL policy of the HTML export and the renderers it governs.

package proposal

import (
	"bytes"
	"encoding/base64"
	"html"
	"net/url"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// ---- the URL policy ----

// allowedLink reports whether href (as it will be written, before HTML
// escaping) may be the target of a link: http, https, mailto and tel URLs
// and in-document fragments; nothing else, relative URLs included. The
// scheme must be allowed both as a browser reads href and once everything
// encoded in it is decoded (normalizeURL).
func allowedLink(href string) bool {
	raw := strings.ToLower(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimFunc(href, func(r rune) bool { return r <= ' ' })))
	if strings.HasPrefix(raw, "#") {
		return true
	}
	switch s := urlScheme(raw); s {
	case "http", "https", "mailto", "tel":
		return urlScheme(normalizeURL(href)) == s
	}
	return false
}

// imageDataRE is the only shape of image source allowed: a base64 data URI
// of a raster type browsers never run script from.
var imageDataRE = lazyRegexp(`^data:image/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/]+={0,2})$`)

// allowedImage reports whether src may be the source of an image: only a
// base64 data: URI of a PNG, JPEG, GIF or WebP image whose bytes start as
// that type does. External images are refused too: the file makes no
// request.
func allowedImage(src string) bool {
	if normalizeURL(src) != strings.ToLower(src) {
		return false // anything encoded or hidden is not a plain data URI
	}
	m := imageDataRE().FindStringSubmatch(src)
	if m == nil {
		return false
	}
	payload := m[2]
	head := payload[:min(len(payload), 24)&^3]
	b, err := base64.StdEncoding.DecodeString(head)
	if err != nil {
		return false
	}
	switch m[1] {
	case "png":
		return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n"))
	case "jpeg":
		return bytes.HasPrefix(b, []byte("\xff\xd8\xff"))
	case "gif":
		return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
	case "webp":
		return len(b) >= 12 && bytes.HasPrefix(b, []byte("RIFF")) && string(b[8:12]) == "WEBP"
	}
	return false
}

// normalizeURL returns u as a browser could come to read it, for deciding
// its scheme: HTML entities and percent-escapes decoded (repeatedly, so
// double encoding cannot hide a scheme), ASCII control characters and all
// whitespace removed, and case folded. It is more suspicious than a
// browser, never less.
func normalizeURL(u string) string {
	for range 4 {
		prev := u
		u = html.UnescapeString(u)
		if p, err := url.PathUnescape(u); err == nil {
			u = p
		} else {
			u = percentDecodeLoose(u)
		}
		if u == prev {
			break
		}
	}
	u = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, u)
	return strings.ToLower(u)
}

// percentDecodeLoose decodes the valid %XX escapes of s and keeps the rest.
func percentDecodeLoose(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
			b.WriteByte(unhexDigit(s[i+1])<<4 | unhexDigit(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhexDigit(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// urlScheme returns the scheme of a normalised URL, or "" when it has none
// (a relative URL).
func urlScheme(s string) string {
	i := strings.IndexAny(s, ":/?#")
	if i <= 0 || s[i] != ':' {
		return ""
	}
	return s[:i]
}

// ---- rendering ----

// safeRenderer renders the nodes whose output the URL policy governs, and
// drops raw HTML without a trace.
type safeRenderer struct{}

func (safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderSafeLink)
	reg.Register(ast.KindAutoLink, renderSafeAutoLink)
	reg.Register(ast.KindImage, renderSafeImage)
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
	reg.Register(ast.KindParagraph, renderParagraph)
	reg.Register(ast.KindListItem, renderListItem)
	reg.Register(east.KindTableCell, renderTableCell)
	reg.Register(ast.KindRawHTML, skipNode)
	reg.Register(ast.KindHTMLBlock, skipNode)
	reg.Register(kindHTMLSection, renderHTMLSection)
	reg.Register(kindHTMLClosing, renderHTMLClosing)
}

func skipNode(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// htmlLinkRel keeps the document out of the opened page's reach and hides
// where the reader came from.
const htmlLinkRel = ` rel="noopener noreferrer"`

func renderSafeLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := util.URLEscape(n.Destination, true)
	if !allowedLink(string(dest)) {
		return ast.WalkContinue, nil // the text only
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		ghtml.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if dest[0] != '#' {
		_, _ = w.WriteString(htmlLinkRel)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func renderSafeAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	raw := n.URL(source)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(raw), []byte("mailto:")) {
		raw = append([]byte("mailto:"), raw...)
	}
	dest := util.URLEscape(raw, false)
	label := util.EscapeHTML(n.Label(source))
	if !allowedLink(string(dest)) {
		_, _ = w.Write(label)
		return ast.WalkContinue, nil
	}
	// the class tells print CSS not to repeat the address after itself
	_, _ = w.WriteString(`<a class="autolink" href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`"` + htmlLinkRel + `>`)
	_, _ = w.Write(label)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func renderSafeImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	src := util.URLEscape(n.Destination, true)
	if !allowedImage(string(src)) {
		if n.HasChildren() { // an image without alt text just goes
			_, _ = w.WriteString(`<span class="image-removed">`)
			renderAltText(w, source, n)
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(src))
	_, _ = w.WriteString(`" alt="`)
	renderAltText(w, source, n)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		ghtml.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

// renderFencedCode is goldmark's fenced code block with the language
// class reduced to a plain word.
func renderFencedCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code></pre>\n")
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	_, _ = w.WriteString("<pre><code")
	if lang := codeLanguage(n.Language(source)); lang != "" {
		_, _ = w.WriteString(` class="language-` + lang + `"`)
	}
	_ = w.WriteByte('>')
	for i := range n.Lines().Len() {
		line := n.Lines().At(i)
		ghtml.DefaultWriter.RawWrite(w, line.Value(source))
	}
	return ast.WalkContinue, nil
}

// codeLanguage keeps the ASCII letters, digits and "+-_.#" of a code
// block's language, at most 32 of them.
func codeLanguage(b []byte) string {
	var out []byte
	for _, c := range b {
		if len(out) < 32 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("+-_.#", c) >= 0) {
			out = append(out, c)
		}
	}
	return string(out)
}

// renderAltText writes the escaped text of n's descendants, as goldmark does
// for alt attributes.
func renderAltText(w util.BufWriter, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.String:
			if c.IsCode() {
				_, _ = w.Write(c.Value) // typographer entities such as &rsquo;
			} else {
				ghtml.DefaultWriter.Write(w, c.Value)
			}
		case *ast.Text:
			ghtml.DefaultWriter.Write(w, c.Segment.Value(source))
			if c.SoftLineBreak() || c.HardLineBreak() {
				_ = w.WriteByte(' ')
			}
		default:
			renderAltText(w, source, c)
		}
	}
}
