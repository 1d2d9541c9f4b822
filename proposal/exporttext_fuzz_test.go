package proposal

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// htmlCleanTextRunes is htmlCleanText as it was before it passed over
// ASCII a byte at a time: rune by rune.
func htmlCleanTextRunes(s string) string {
	if cleanASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Text to clean is mostly clean: the runs between the characters that
	// change are copied whole, and s itself is returned when none does
	// (writing it rune by rune was a tenth of an export's time).
	var b strings.Builder
	from := 0 // s[from:i] is clean and not yet written
	var prev rune
	for i, r := range s {
		drop, repl := false, false
		switch {
		case r == 0:
			repl = true
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || 0x7f <= r && r < 0xa0, isBidiControl(r), isInvisible(r):
			drop = true
		case isJoiner(r):
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			drop = !joinable(prev) || !joinable(next)
		}
		if !drop && !repl {
			prev = r
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[from:i])
		from = i + utf8.RuneLen(r)
		if repl {
			b.WriteRune('\uFFFD')
			prev = '\uFFFD'
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// FuzzHTMLCleanText: htmlCleanText cleans as the rune by rune version
// does.
func FuzzHTMLCleanText(f *testing.F) {
	for _, s := range []string{"", "plain", "a\x00b", "tab\tline\nreturn\r", "\x7f\x1b[31m", "exe\u202efdp.pdf",
		"zero\u200bwidth", "pay\u200dpal", "\U0001F469\u200d\U0001F4BB", "\u0645\u200c\u06cc", "\u200d", "a\u200d",
		"bad \xff utf8", "\xe2\x80", "— em dash", "\u00a0nbsp\u0085", "\ufeffbom", "\u2060join", "x\u200c\ufe0f", "é\ttab\nline\rreturn\x00", "\u0627\u200d\u0628 a\u200db"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := htmlCleanText(s), htmlCleanTextRunes(s); got != want {
			t.Fatalf("htmlCleanText(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}
