package proposal

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"kamdesk/dossier"
)

// The fuzz tests run their seeds (testdata/fuzz/FuzzX and the f.Add calls)
// with every go test; make fuzz runs each of them for a while.

// FuzzParseSectionFile: a section file never panics the parser; an error
// names the file and a line inside it; a file that parses is a valid
// section that FormatSectionFile writes back to the same section.
func FuzzParseSectionFile(f *testing.F) {
	f.Add([]byte("---\nid: exec\ntitle: Understanding: yours\nkind: understanding\naudiences: executive 90, finance 30\nlanguage: en\n---\nWe know {{account.name}}.\n"))
	f.Add([]byte("\uFEFF---\r\ntitle: T\r\nkind: other\r\naudiences: hr 1\r\nlanguage: pt-BR\r\n---\r\n\r\nBody\r\n---\r\nmore\r\n"))
	f.Add([]byte("---\ntitle: T\x1b[2J\nkind: benefits\naudiences: executive 500, ceo 1\nlanguage: en\n---\nx \xff\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSectionFile("s.md", data)
		if err != nil {
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, fe := range FileErrors(err) {
				if fe.File != "s.md" || fe.Line < 0 || fe.Line > lines {
					t.Errorf("error %q names line %d of a file of %d lines", fe, fe.Line, lines)
				}
			}
			if !errors.Is(err, ErrInvalid) || !utf8.ValidString(err.Error()) {
				t.Errorf("error %q: not ErrInvalid or not UTF-8", err)
			}
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("a parsed section does not validate: %v", err)
		}
		back, err := ParseSectionFile("s.md", FormatSectionFile(s))
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Fatalf("round trip: %+v, %v; want %+v", back, err, s)
		}
	})
}

// FuzzParseDecimal: a number that parses prints as a number that parses
// back to it, in every form the exports write, and survives JSON.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0.25", "1,234,567.89", "12 500", "999999999999999.999999", "12,50", "1e9", "+.5", "-", "\u00a0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("ParseDecimal(%q) error %v does not match ErrInvalid", s, err)
			}
			return
		}
		for _, form := range []string{d.String(), d.Grouped(6, ","), d.Grouped(6, " ")} {
			back, err := ParseDecimal(form)
			if err != nil || !back.Equal(d) {
				t.Fatalf("ParseDecimal(%q) = %s, written %q, read back %s, %v", s, d, form, back, err)
			}
		}
		// rounding may carry into a sixteenth digit; amounts a proposal
		// accepts (at most MaxAmount) never do
		if r, err := ParseDecimal(d.Fixed(2)); d.Cmp(MaxAmount) <= 0 && d.Cmp(Decimal{}.Sub(MaxAmount)) >= 0 && (err != nil || !r.Equal(d.Round(2))) {
			t.Fatalf("Fixed(2) of %s = %q reads back as %s, %v", d, d.Fixed(2), r, err)
		}
		b, _ := json.Marshal(d)
		var back Decimal
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(d) {
			t.Fatalf("JSON round trip of %s: %s, %v", d, back, err)
		}
	})
}

// FuzzProposalRoundTrip: whatever a proposal accepts, typed or derived
// (the expiry, the follow-up calls of a sending), is stored as JSON and
// read back unchanged, and still validates.
func FuzzProposalRoundTrip(f *testing.F) {
	f.Add("Controls for the plant", "Gain from rework avoided", "2026-11-25", "2026-11-30", 30, "1200", "250000", "5", "GBP")
	f.Add("T", "", "2199-12-01", "2199-12-20", 20, "0.01", "1000000000000", "12.5", "EUR")
	f.Add("T", "", "9999-12-30", "9999-12-30", 3660, "0.000001", "1", "0", "€")
	f.Add("Plan \x1b[31m", "a\x00b", "1900-01-01", "1899-12-31", 0, "-1", "1e3", "101", "usd")
	f.Fuzz(func(t *testing.T, title, note, issued, sent string, days int, price, gain, discount, currency string) {
		p, _ := northbridge()
		p.Title, p.Financial.Note, p.ValidDays, p.ValidUntil = title, note, days, dossier.Date{}
		p.Pricing[0].Currency, p.Financial.Currency = currency, currency
		var err error
		if p.Issued, err = dossier.ParseDate(issued); err != nil {
			return
		}
		if p.Pricing[0].UnitPrice, err = ParseDecimal(price); err != nil {
			return
		}
		if p.Pricing[0].Discount, err = ParseDecimal(discount); err != nil {
			return
		}
		if p.Financial.YearlyGain, err = ParseDecimal(gain); err != nil {
			return
		}
		p.Financial.Investment = p.Pricing[0].Net()
		if p.Validate() != nil {
			return
		}
		if on, err := dossier.ParseDate(sent); err == nil && !on.IsZero() {
			if p.MarkSent(on, DefaultFollowUp()) != nil {
				return
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("sent on %s: the proposal no longer validates: %v", on, err)
			}
		}
		if e := p.Expiry(); !e.IsZero() && !e.InRange() {
			t.Fatalf("expiry %s accepted", e)
		}
		for _, task := range p.Tasks {
			if !task.Due.InRange() {
				t.Fatalf("follow-up call on %s accepted", task.Due)
			}
		}
		if r, ok := p.Financial.ROI(); ok && (r.Cmp(MaxROIPercent) > 0 || r.Cmp(Decimal{}.Sub(MaxROIPercent)) < 0) {
			t.Fatalf("ROI %s%% shown", r)
		}
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Proposal
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("an accepted proposal does not read back: %v\n%s", err, data)
		}
		again, _ := json.Marshal(&back)
		if !bytes.Equal(again, data) {
			t.Fatalf("read back differently:\n%s\n%s", data, again)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("read back, the proposal does not validate: %v", err)
		}
	})
}

// FuzzAssemble: a section body and title, however hostile, assemble
// without panicking into Markdown that is valid UTF-8, carries no
// bidirectional controls and nothing the HTML export would refuse.
func FuzzAssemble(f *testing.F) {
	f.Add("Site visit", "Before the roll-out we walk three live sites with {{person.name}}.")
	f.Add("T\u202eexe", "<script>alert(1)</script> [x](javascript:alert(1)) ![i](https://t.example/p.png)\n\n<div>\nx\n</div>")
	f.Add("<b>bold</b>", "[a]: javascript:x\n\n[b][a] <javascript:y> ```\x00\n```html\" onclick=x\ncode\n```")
	f.Add("{{", "\\{{ {{nope}} <[a](javascript:x)> \xff")
	f.Fuzz(func(t *testing.T, title, body string) {
		p, c := northbridge()
		p.Items[itemSiteVisit].Title, p.Items[itemSiteVisit].Body = title, body
		for _, a := range Variants {
			md := assemble(p, c, a, true).v.Markdown
			if !utf8.ValidString(md) {
				t.Fatalf("%s: the Markdown is not UTF-8", a)
			}
			if strings.ContainsFunc(md, func(r rune) bool { return isBidiControl(r) || isInvisible(r) }) {
				t.Fatalf("%s: the Markdown carries a bidi control or an invisible character", a)
			}
			if edits, ok := unsafeSpans(md); !ok || len(edits) > 0 {
				t.Fatalf("%s: the Markdown keeps %v (links where the parser says: %v)", a, edits, ok)
			}
		}
	})
}

// FuzzSafeMarkdown: the Markdown export's cleaning leaves nothing the
// HTML export would refuse, finds every link where the parser says it is,
// and changes nothing the second time.
func FuzzSafeMarkdown(f *testing.F) {
	for _, s := range []string{
		"Hello <script>alert(1)</script> world", "[x](javascript:alert(1)) ![i](https://t.example/p.png)",
		"[a][r]\n\n[r]: javascript:x \"t\"", "<[a](javascript:x)>", "| a | [b](javascript:x) |\n|---|---|\n| <b>c</b> | d |",
		"> quote [x](vbscript:y)\n> <div>\n\n- item ![a](x.png)\n  <span>", "```html\" onclick=x\n<script>\n```", "*[a](javascript:b)*",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		out := safeMarkdown(md)
		if _, ok := unsafeSpans(htmlCleanText(md)); !ok {
			t.Fatalf("a link of %q is not where the parser says it is", md)
		}
		if edits, ok := unsafeSpans(out); !ok || len(edits) > 0 {
			t.Fatalf("safeMarkdown(%q) = %q keeps %v", md, out, edits)
		}
		if again := safeMarkdown(out); again != out {
			t.Fatalf("safeMarkdown(%q) = %q, then %q", md, out, again)
		}
	})
}

// FuzzRenderHTML: any Markdown and title render to valid UTF-8 in which
// nothing active survives (see checkSafeHTML).
func FuzzRenderHTML(f *testing.F) {
	f.Add("T", "## Pricing\n\n| a | b |\n|---|--:|\n| x | 1 |\n\n## Validity\n\nValid until 2026-12-31.")
	f.Add("</title><script>", "x <script> y <style>\n[a](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<iframe srcdoc=x>")
	f.Add("T", "# T\n\n## A\n\n- x\n\n## A\n\n```\n\n## B\n```\n\n## A 1\n\n> q\n\n## Prepared by\n\nx\n\n## Validity\n\ny")
	f.Add("\u202e", "![a](data:image/svg+xml;base64,PHN2Zz4=) [b](&#x6A;avascript:x) <vbscript:msgbox> ```\"><x\n```")
	f.Fuzz(func(t *testing.T, title, md string) {
		out, err := RenderHTML(Document{Title: title, Subtitle: title, Language: "en", Markdown: md}, "")
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(out) {
			t.Fatal("the HTML is not UTF-8")
		}
		checkSafeHTML(t, out, true)
		frag, err := MarkdownToHTML(md)
		if err != nil {
			t.Fatal(err)
		}
		checkSafeHTML(t, frag, false)
		// Converted in parts, wherever it can be cut, it is the same.
		if whole, parts := convertBothWays(t, md, title); !bytes.Equal(whole, parts) {
			t.Fatalf("converted in parts differs from whole:\n%s", firstDifference(string(whole), string(parts)))
		}
	})
}

// FuzzPlainText: any Markdown gives valid UTF-8 on one line, without a
// panic.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"Dear *Anna*", "## T\n\n- a\n- b", "| a | b |\n|---|---|\n| 1 | 2 |", "```\ncode\n```", "[x](y) <z>", `\*x\*`, "<b>x</b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		out := PlainText(md)
		if !utf8.ValidString(out) || strings.ContainsAny(out, "\n\r") {
			t.Fatalf("PlainText(%q) = %q", md, out)
		}
	})
}
