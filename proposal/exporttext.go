package proposal

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Characters that change how text reads without being seen: the
// bidirectional embeddings, overrides and isolates can make "exe.pdf"
// show as "fdp.exe", and zero-width characters hide differences between
// two names that look the same. Exports (HTML, Markdown, file names)
// never carry them.

// isBidiControl reports the bidirectional embeddings, overrides and
// isolates U+202A–U+202E and U+2066–U+2069. The marks LRM and RLM, which
// only nudge neutral characters, stay.
func isBidiControl(r rune) bool {
	return 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// isInvisible reports the zero-width space, the word joiner and the
// zero-width no-break space (BOM), which have no use inside text.
func isInvisible(r rune) bool {
	return r == 0x200b || r == 0x2060 || r == 0xfeff
}

// isJoiner reports the zero-width non-joiner and joiner, which Persian,
// the Indic scripts and emoji sequences need between two characters.
func isJoiner(r rune) bool { return r == 0x200c || r == 0x200d }

// joinable reports whether r may stand beside a zero-width (non-)joiner:
// a letter, mark or symbol beyond ASCII. Between Latin letters the
// joiners do nothing visible and only hide differences ("pay\u200dpal").
func joinable(r rune) bool {
	return r >= 0x80 && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsSymbol(r) || r == 0xfe0f)
}

// htmlCleanText makes s valid UTF-8 without NULs, the control characters
// HTML forbids, bidirectional controls and invisible characters; tabs and
// line breaks stay. A zero-width joiner or non-joiner stays only between
// two characters that can use it (see joinable).
func htmlCleanText(s string) string {
	if cleanASCII(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	// Text to clean is mostly clean: the runs between the characters that
	// change are copied whole, and s itself is returned when none does
	// (writing it rune by rune was a tenth of an export's time). ASCII
	// is passed over a byte at a time (decoding every rune of a 134 KB
	// proposal with an em dash in it was a millisecond).
	var b strings.Builder
	from := 0 // s[from:i] is clean and not yet written
	var prev rune
	for i := 0; i < len(s); {
		c := s[i]
		if 0x20 <= c && c < 0x7f || c == '\t' || c == '\n' || c == '\r' {
			prev = rune(c)
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		drop, repl := false, false
		switch {
		case r == 0:
			repl = true
		case r < 0x20 || 0x7f <= r && r < 0xa0, isBidiControl(r), isInvisible(r):
			drop = true
		case isJoiner(r):
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			drop = !joinable(prev) || !joinable(next)
		}
		if !drop && !repl {
			prev = r
			i += size
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[from:i])
		from = i + size
		if repl {
			b.WriteRune('\uFFFD')
			prev = '\uFFFD'
		}
		i += size
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[from:])
	return b.String()
}

// cleanASCII reports whether s is ASCII without control characters other
// than tabs and line breaks: text htmlCleanText leaves as it is.
func cleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}
