package proposal

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // logos arrive as PNG, JPEG, GIF or SVG; kept as PNG
	_ "image/jpeg"
	"image/png"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"kamdesk/dossier"
)

// Company is our company as its proposals present it, the house style of
// every exported document: its name, logo and brand colour on the cover
// and in the headings, and its details under the team's credits.
type Company struct {
	Name         string `json:"name"`
	Address      string `json:"address,omitempty"` // lines
	Registration string `json:"registration,omitempty"`
	VAT          string `json:"vat,omitempty"`
	Website      string `json:"website,omitempty"`
	// BrandColour is "#rrggbb": headings, rules and table heads.
	BrandColour string `json:"brand_colour,omitempty"`
	// Logo is a PNG (CleanLogo makes it), shown on the cover.
	Logo []byte `json:"logo,omitempty"`
	// Paper is the paper PDFs are printed on: "a4" (when empty) or "letter".
	Paper string `json:"paper,omitempty"`
	// Signature is the default signature of letters, lines that may name
	// SignaturePlaceholders: what a section's {{signature}} becomes.
	// DefaultSignature when empty.
	Signature string `json:"signature,omitempty"`
}

// DefaultSignature signs letters when the company has no signature of its
// own: the author's name and position, then the company's name.
const DefaultSignature = "{{author.name}}\n{{author.position}}\n{{company.name}}"

// SignaturePlaceholders are the placeholders a signature may name.
var SignaturePlaceholders = []string{"author.name", "author.position", "author.email", "author.phone", "company.name"}

// SignatureOf is the signature of letters signed with values (the
// placeholder values of a variant): the company's signature, or
// DefaultSignature, with its placeholders filled in. A line that names a
// value not known (the phone of an author without one) is left out.
func (c Company) SignatureOf(values map[string]string) string {
	sig := c.Signature
	if strings.TrimSpace(sig) == "" {
		sig = DefaultSignature
	}
	var lines []string
	for _, line := range strings.Split(cleanText(sig), "\n") {
		known := true
		var b strings.Builder
		last := 0
		placeholderMatches(line, func(start, end int, escaped bool, name string) {
			b.WriteString(line[last:start])
			last = end
			if escaped {
				b.WriteString(line[start+1 : end])
				return
			}
			v := dossier.OneLine(values[strings.TrimSpace(name)])
			if v == "" {
				known = false
			}
			b.WriteString(v)
		})
		b.WriteString(line[last:])
		if known {
			lines = append(lines, b.String())
		}
	}
	return strings.Join(lines, "\n")
}

// IsZero reports whether no company is set.
func (c Company) IsZero() bool {
	return c.Name == "" && c.Address == "" && c.Registration == "" && c.VAT == "" && c.Website == "" &&
		c.BrandColour == "" && len(c.Logo) == 0 && c.Paper == "" && c.Signature == ""
}

var colourRE = lazyRegexp(`^#[0-9a-fA-F]{6}$`)

// Limits of a logo: the file as given and the picture's size.
const (
	MaxLogoBytes  = 2 << 20
	MaxLogoPixels = 2400
)

// Validate reports the fields that cannot be used, each named.
func (c Company) Validate() error {
	var p dossier.Problems
	if strings.TrimSpace(c.Name) == "" && !c.IsZero() {
		p.Add("name", "is required", nil)
	}
	for _, f := range []struct {
		name, v string
		lines   bool
	}{{"name", c.Name, false}, {"address", c.Address, true}, {"registration", c.Registration, false},
		{"vat", c.VAT, false}, {"website", c.Website, false}, {"signature", c.Signature, true}} {
		max := dossier.MaxLine
		if f.lines {
			max = dossier.MaxText
		}
		if n := utf8.RuneCountInString(f.v); n > max {
			p.Add(f.name, "is too long ({{.Len}} characters, at most {{.Max}})", map[string]any{"Len": n, "Max": max})
			continue
		}
		if !f.lines && strings.ContainsAny(f.v, "\n\r") {
			p.Add(f.name, "must fit on one line", nil)
		}
		p.Controls(f.name, f.v)
	}
	var others []string
	for _, n := range UsedPlaceholders(c.Signature) {
		if !slices.Contains(SignaturePlaceholders, n) {
			others = append(others, describe(n))
		}
	}
	if len(others) > 0 {
		p.Add("signature", "names {{.Placeholders}}: a signature may name {{.Allowed}}",
			map[string]any{"Placeholders": strings.Join(others, ", "), "Allowed": "{{author.name}}, {{author.position}}, {{author.email}}, {{author.phone}}, {{company.name}}"})
	}
	if c.Paper != "" && c.Paper != "a4" && c.Paper != "letter" {
		p.Add("paper", "is not a4 or letter", nil)
	}
	if c.BrandColour != "" && !colourRE().MatchString(c.BrandColour) {
		p.Add("brand_colour", "is not a colour written #rrggbb, such as #0b5563", nil)
	}
	if len(c.Logo) > 0 {
		if _, err := CleanLogo(c.Logo); err != nil {
			p.Add("logo", "is not a picture kamdesk can use: {{.Error}}", map[string]any{"Error": err.Error()})
		}
	}
	return p.Err()
}

// CleanLogo reads a logo given as PNG, JPEG, GIF or SVG and returns it as
// a PNG made afresh from its pixels: nothing of the file but the picture
// reaches an exported document (an SVG is drawn, never embedded: no
// script, link or external picture of it can come along). A file over
// MaxLogoBytes or a picture over MaxLogoPixels a side is refused before
// it is decoded.
func CleanLogo(data []byte) ([]byte, error) {
	if len(data) > MaxLogoBytes {
		return nil, dossier.Err("the file is {{.Size}} KB, at most {{.Max}} KB", map[string]any{"Size": len(data) >> 10, "Max": MaxLogoBytes >> 10}, nil)
	}
	if looksLikeSVG(data) {
		return rasteriseSVG(data)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, errors.New("not a PNG, JPEG, GIF or SVG picture")
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
		return nil, dossier.Err("the {{.Format}} is {{.Width}}×{{.Height}} pixels, at most {{.Max}} a side",
			map[string]any{"Format": format, "Width": cfg.Width, "Height": cfg.Height, "Max": MaxLogoPixels}, nil)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, dossier.Err("the {{.Format}} cannot be read: {{.Error}}", map[string]any{"Format": format, "Error": err.Error()}, nil)
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// DetailsLine is the company's details on one line, as the credits close
// with them: "Veldmark Ltd · 1 Mill Lane, Leeds · Registered … · VAT … ·
// veldmark.example".
func (c Company) DetailsLine() string {
	var parts []string
	for _, s := range []string{c.Name, strings.Join(strings.Fields(strings.ReplaceAll(c.Address, "\n", ", ")), " "),
		c.Registration, c.VAT, c.Website} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// looksLikeSVG reports whether data starts as an SVG document does.
func looksLikeSVG(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 1024)]))
	return bytes.HasPrefix(head, []byte("<svg")) ||
		(bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<!--"))) && bytes.Contains(head, []byte("<svg"))
}

// svgLogoSide is the longer side, in pixels, an SVG logo is drawn at.
const svgLogoSide = 1200

// rasteriseSVG draws an SVG logo (its shapes only, with oksvg: a drawing
// library made for SVG icons, which reads no external file and runs
// nothing) into a PNG whose longer side is svgLogoSide pixels.
func rasteriseSVG(data []byte) ([]byte, error) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data), oksvg.IgnoreErrorMode)
	if err != nil {
		return nil, dossier.Err("the SVG cannot be read: {{.Error}}", map[string]any{"Error": err.Error()}, nil)
	}
	vw, vh := icon.ViewBox.W, icon.ViewBox.H
	if !(vw > 0 && vh > 0) || vw/vh > 50 || vh/vw > 50 {
		return nil, errors.New("the SVG has no size to draw it at")
	}
	w, h := svgLogoSide, int(float64(svgLogoSide)*vh/vw)
	if vh > vw {
		w, h = int(float64(svgLogoSide)*vw/vh), svgLogoSide
	}
	w, h = max(w, 1), max(h, 1)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	icon.SetTarget(0, 0, float64(w), float64(h))
	scanner := rasterx.NewScannerGV(w, h, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(w, h, scanner), 1)
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
