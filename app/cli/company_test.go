package cli_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompanySetShowAndExport: `company set` saves the house style (only
// the fields given), refuses a bad field by its flag, and keeps a logo as
// a PNG made afresh; `company show` says it; an export then opens with
// the cover page in the brand colour and closes its credits with the
// company's details.
func TestCompanySetShowAndExport(t *testing.T) {
	dir := demo(t)
	if r := run(t, dir, "company", "show"); r.code != 0 || !strings.Contains(r.stdout, "Veldmark Controls Ltd") ||
		!strings.Contains(r.stdout, "{{author.name}} / {{author.position}}, {{company.name}}") {
		t.Fatalf("company show of the sample's company: %+v", r)
	}
	if r := run(t, dir, "company", "set", "--clear", "--name", "X"); r.code != 2 {
		t.Errorf("--clear with a field: %+v", r)
	}
	if r := run(t, dir, "company", "set", "--clear"); r.code != 0 {
		t.Fatalf("company set --clear: %+v", r)
	}
	if r := run(t, dir, "company", "show"); r.code != 0 || !strings.Contains(r.stdout, "No company is set") {
		t.Fatalf("company show after --clear: %+v", r)
	}
	logo := filepath.Join(t.TempDir(), "logo.jpg")
	img := image.NewRGBA(image.Rect(0, 0, 40, 12))
	img.Set(1, 1, color.RGBA{200, 30, 60, 255})
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(logo, b.Bytes(), 0o600)
	r := run(t, dir, "company", "set", "--name", "Veldmark Controls Ltd", "--address", `14 Mill Lane\nLeeds`,
		"--vat", "VAT GB 987 6543 21", "--brand-colour", "#7a1f3d", "--logo", logo)
	if r.code != 0 {
		t.Fatalf("company set: %+v", r)
	}
	if r := run(t, dir, "company", "set", "--website", "veldmark.example",
		"--signature", `With kind regards,\n{{author.name}} for {{company.name}}\nTel. {{author.phone}}`); r.code != 0 {
		t.Fatalf("company set --website: %+v", r)
	}
	r = run(t, dir, "company", "show", "--json")
	var got struct {
		Name, Address, Website string
		BrandColour            string `json:"brand_colour"`
		LogoBytes              int    `json:"logo_bytes"`
		Signature              string
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("company show --json: %v\n%s", err, r.stdout)
	}
	if got.Name != "Veldmark Controls Ltd" || got.Address != "14 Mill Lane\nLeeds" || got.Website != "veldmark.example" ||
		got.BrandColour != "#7a1f3d" || got.LogoBytes == 0 ||
		got.Signature != "With kind regards,\n{{author.name}} for {{company.name}}\nTel. {{author.phone}}" {
		t.Errorf("company after two sets = %+v", got)
	}
	if r := run(t, dir, "company", "set", "--brand-colour", "red"); r.code == 0 || !strings.Contains(r.stderr, "--brand-colour is not a colour") {
		t.Errorf("a bad colour: %+v", r)
	}
	if r := run(t, dir, "company", "set", "--signature", "{{valid_until}}"); r.code == 0 ||
		!strings.Contains(r.stderr, "--signature names {{valid_until}}: a signature may name {{author.name}}") {
		t.Errorf("a signature naming another placeholder: %+v", r)
	}
	if r := run(t, dir, "company", "set", "--logo", filepath.Join(dir, "nothing.png")); r.code == 0 {
		t.Errorf("a missing logo file: %+v", r)
	}

	out := filepath.Join(t.TempDir(), "x.html")
	if r := run(t, dir, "proposal", "export", "prop-northbridge-modular-controls", "--audience", "finance", "-o", out); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	data, _ := os.ReadFile(out)
	for _, want := range []string{`<header class="cover">`, "data:image/png;base64,", "--accent: #7a1f3d;",
		"Veldmark Controls Ltd · 14 Mill Lane, Leeds · VAT GB 987 6543 21 · veldmark.example",
		"With kind regards,<br>\nMara Lindqvist for Veldmark Controls Ltd<br>\nTel. +44 20 7946 0112</p>"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the export lacks %q", want)
		}
	}
}
