package proposal

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"kamdesk/dossier"
)

func TestExportFileName(t *testing.T) {
	tests := []struct {
		account, title string
		a              Audience
		ext, want      string
	}{
		{"Northbridge Build Group", "Site logistics 2027", Executive, "html",
			"Northbridge Build Group - Site logistics 2027 - Executive.html"},
		{"Northbridge: Plan/2027*", `Q<1>|"x"?`, HR, "html",
			"Northbridge_ Plan_2027_ - Q_1___x__ - HR.html"},
		{`back\slash`, "a/b", Finance, "pdf", "back_slash - a_b - Finance.pdf"},
		{"Acme", "Offer", All, "md", "Acme - Offer - Whole group.md"},
		{"Acme", "Offer", Technical, ".HTML", "Acme - Offer - Technical.html"},
		{"Acme", "Offer", "", "h/t\\m l", "Acme - Offer.html"},
		{"Acme Inc.", "Plan v2.", Finance, "html", "Acme Inc. - Plan v2. - Finance.html"},
		{"Acme Inc.", "Plan v2.", "", "html", "Acme Inc. - Plan v2.html"},
		{"  Acme \n\t Build  ", " Plan\r\n2027 ", Executive, "html", "Acme Build - Plan 2027 - Executive.html"},
		{".hidden", "x", Executive, "html", "hidden - x - Executive.html"},
		{"...", " . ", "", "html", "proposal.html"},
		{"", "", "", "", "proposal"},
		{"", "", "", "html", "proposal.html"},
		{"", "Offer", "", "html", "Offer.html"},
		{"", "", HR, "html", "HR.html"},
		// Windows reserved names
		{"CON", "", "", "txt", "_CON.txt"},
		{"nul", "", "", "", "_nul"},
		{"COM1", "", "", "html", "_COM1.html"},
		{"lpt9", "", "", "html", "_lpt9.html"},
		{"COM¹", "", "", "html", "_COM¹.html"},
		{"CONIN$", "", "", "html", "_CONIN$.html"},
		{"CON", "Plan", Executive, "html", "CON - Plan - Executive.html"},
		{"AUX.", "", "", "html", "_AUX.html"},
		// invisible and control characters
		{"Acme\u202Egnp.exe", "x\u200by", Executive, "html", "Acmegnp.exe - xy - Executive.html"},
		{"Acme\x00\x07\x1b", "x\ufeff", Executive, "html", "Acme - x - Executive.html"},
		{"Acme\xff\xfe", "ok", Executive, "html", "Acme - ok - Executive.html"},
		// right to left and Cyrillic
		{"شركة النور", "عرض تجاري", Executive, "html", "شركة النور - عرض تجاري - Executive.html"},
		{"חברת האור", "הצעה", HR, "html", "חברת האור - הצעה - HR.html"},
		{"Северный мост", "Коммерческое предложение", Finance, "html",
			"Северный мост - Коммерческое предложение - Finance.html"},
	}
	for _, tt := range tests {
		got := ExportFileName(tt.account, tt.title, 0, dossier.Date{}, tt.a, tt.ext)
		if got != tt.want {
			t.Errorf("ExportFileName(%q, %q, %q, %q) = %q, want %q", tt.account, tt.title, tt.a, tt.ext, got, tt.want)
		}
		checkFileName(t, got)
	}
}

// TestExportFileNameRevision: exports name the revision and the date, and
// the audience only when asked to (a not "").
func TestExportFileNameRevision(t *testing.T) {
	on := dossier.MustDate("2026-12-01")
	for _, tt := range []struct {
		rev  int
		on   dossier.Date
		a    Audience
		want string
	}{
		{1, on, "", "Northbridge Build Group - Site logistics 2027 - v1 - 2026-12-01.html"},
		{1, on, Executive, "Northbridge Build Group - Site logistics 2027 - v1 - 2026-12-01 - Executive.html"},
		{2, on, Finance, "Northbridge Build Group - Site logistics 2027 - v2 - 2026-12-01 - Finance.html"},
		{12, on, All, "Northbridge Build Group - Site logistics 2027 - v12 - 2026-12-01 - Whole group.html"},
		{3, dossier.Date{}, "", "Northbridge Build Group - Site logistics 2027 - v3.html"},
	} {
		if got := ExportFileName("Northbridge Build Group", "Site logistics 2027", tt.rev, tt.on, tt.a, "html"); got != tt.want {
			t.Errorf("ExportFileName(rev %d, %s, %q) = %q, want %q", tt.rev, tt.on, tt.a, got, tt.want)
		}
	}
}

// TestNameDate: a file's name carries the proposal's issue date, today's
// when it has none.
func TestNameDate(t *testing.T) {
	today := dossier.MustDate("2026-12-01")
	p := &Proposal{}
	if got := p.NameDate(today); !got.Equal(today) {
		t.Errorf("without an issue date: %s, want today", got)
	}
	p.Issued = dossier.MustDate("2026-11-20")
	if got := p.NameDate(today); !got.Equal(p.Issued) {
		t.Errorf("issued on %s: %s", p.Issued, got)
	}
}

func TestExportFileNameLong(t *testing.T) {
	long := strings.Repeat("Very long title ", 30)
	tests := []struct {
		account, title string
		a              Audience
		wantPrefix     string
		wantSuffix     string
	}{
		{"Northbridge Build Group", long, Executive, "Northbridge Build Group - Very long title", "… - Executive.html"},
		{strings.Repeat("Account ", 40), "Plan", Finance, "Account Account", "… - Plan - Finance.html"},
		{strings.Repeat("Account ", 40), long, All, "Account Account", "… - Whole group.html"},
		{"Северный мост", strings.Repeat("Предложение ", 30), HR, "Северный мост - Предложение", "… - HR.html"},
		{"東京建設", strings.Repeat("提案書", 60), Technical, "東京建設 - 提案書", "… - Technical.html"},
		{"Emoji 🏗️", strings.Repeat("🏗", 100), Executive, "Emoji 🏗️ - 🏗", "… - Executive.html"},
		{"Acme", strings.Repeat("x", 500) + ".", Executive, "Acme - xxx", "x… - Executive.html"},
		{"Acme", strings.Repeat("ab. ", 100), Executive, "Acme - ab. ab.", "ab… - Executive.html"},
	}
	for _, tt := range tests {
		got := ExportFileName(tt.account, tt.title, 0, dossier.Date{}, tt.a, "html")
		if !strings.HasPrefix(got, tt.wantPrefix) || !strings.HasSuffix(got, tt.wantSuffix) {
			t.Errorf("ExportFileName(%.30q…) = %q, want %q…%q", tt.title, got, tt.wantPrefix, tt.wantSuffix)
		}
		checkFileName(t, got)
		if n := utf8.RuneCountInString(got); n < 100 && len(got) < 180 {
			t.Errorf("ExportFileName(%.30q…) = %q: cut too short (%d runes, %d bytes)", tt.title, got, n, len(got))
		}
	}
}

// TestExportFileNameAlwaysSafe throws awkward inputs at ExportFileName and
// checks the promises of its doc comment on every result.
func TestExportFileNameAlwaysSafe(t *testing.T) {
	pieces := []string{"", " ", ".", "..", "CON", "a", "Acme: Plan/2027*", "\x00", "\t\n", "\u202e", "…",
		strings.Repeat("é", 150), strings.Repeat("界", 90), strings.Repeat("🏗", 70), strings.Repeat(". ", 80),
		"<>:\"/\\|?*", "\xff", "trailing. ", " .leading"}
	exts := []string{"", "html", ".md", "..", "ÄÖÜ", strings.Repeat("x", 40)}
	for _, acc := range pieces {
		for _, title := range pieces {
			for _, a := range []Audience{"", Executive, All} {
				for _, ext := range exts {
					got := ExportFileName(acc, title, 3, dossier.MustDate("2026-12-01"), a, ext)
					checkFileName(t, got)
					if t.Failed() {
						t.Fatalf("ExportFileName(%q, %q, %q, %q) = %q", acc, title, a, ext, got)
					}
				}
			}
		}
	}
}

func checkFileName(t *testing.T, name string) {
	t.Helper()
	switch {
	case name == "":
		t.Errorf("empty file name")
	case !utf8.ValidString(name):
		t.Errorf("%q is not UTF-8", name)
	case utf8.RuneCountInString(name) > 120 || len(name) > 200:
		t.Errorf("%q is too long: %d characters, %d bytes", name, utf8.RuneCountInString(name), len(name))
	case strings.ContainsAny(name, `<>:"/\|?*`):
		t.Errorf("%q has a reserved character", name)
	case strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }):
		t.Errorf("%q has a control or formatting character", name)
	case strings.HasPrefix(name, ".") || strings.HasPrefix(name, " ") || strings.HasSuffix(name, ".") || strings.HasSuffix(name, " "):
		t.Errorf("%q starts or ends with a dot or a space", name)
	case dossier.SafeFileName(name) != name:
		t.Errorf("dossier.SafeFileName(%q) = %q: not already safe", name, dossier.SafeFileName(name))
	}
	stem, _, _ := strings.Cut(name, ".")
	switch strings.ToUpper(stem) {
	case "CON", "PRN", "AUX", "NUL", "COM1", "LPT1", "COM¹", "CONIN$":
		t.Errorf("%q is a reserved name", name)
	}
}
