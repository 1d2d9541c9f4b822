// Text helpers of the search index: query words, snippets and folding.

package app

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kamdesk/app/ui"

	"golang.org/x/text/unicode/norm"
)

// queryWords folds q and splits it into words: without repeats, without
// words that are part of another, longest first, at most maxSearchWords.
func queryWords(q string) []string {
	var b strings.Builder
	foldInto(&b, q)
	fields := strings.Fields(b.String())
	var words []string
	for i, w := range fields {
		if len(w) > 0xffff {
			continue
		}
		redundant := false
		for j, o := range fields {
			if j != i && strings.Contains(o, w) && (len(o) > len(w) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			words = append(words, w)
		}
	}
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	if len(words) > maxSearchWords {
		words = words[:maxSearchWords]
	}
	return words
}

// narrows reports whether every record holding all of words also holds
// all of last: each word of last is part of a word of words.
func narrows(words, last []string) bool {
	for _, o := range last {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, o) }) {
			return false
		}
	}
	return true
}

// snippet cuts the text around the match of h out of its field, as
// written, on one line of about width characters: what comes before the
// match, the match, and what comes after.
func (x *searchIndex) snippet(h searchHit, width int) (before, match, after string) {
	text := x.fieldText(h)
	from, to := originalSpan(text, int(h.pos), int(h.pos)+int(h.n))
	before, match, after = squash(text[:from]), squash(text[from:to]), squash(text[to:])
	before = strings.TrimLeftFunc(before, unicode.IsSpace)
	if lead := width / 3; utf8.RuneCountInString(before) > lead {
		r := []rune(before)
		r = r[len(r)-lead:]
		// Start at a word when one starts soon.
		if i := slices.Index(r, ' '); i >= 0 && i < lead/2 {
			r = r[i+1:]
		}
		before = "…" + string(r)
	}
	rest := max(width-utf8.RuneCountInString(before)-utf8.RuneCountInString(match), 1)
	return before, match, ui.Clip(strings.TrimRightFunc(after, unicode.IsSpace), rest)
}

// squash turns every run of white space in s into one space.
func squash(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// originalSpan returns where the folded bytes [from, to) of s come from
// in s.
func originalSpan(s string, from, to int) (int, int) {
	start, pos := -1, 0
	for i := 0; i < len(s); {
		if start < 0 && pos >= from {
			start = i
		}
		if pos >= to {
			return start, i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		pos += len(foldRune(r))
		i += n
	}
	if start < 0 {
		start = len(s)
	}
	return start, len(s)
}

// foldInto writes s lowercased and without accents to b, so that
// "Müller" is found by "muller" and "Ёлкин" by "елкин". Control
// characters become spaces. Every rune is folded by itself (foldRune), so
// that positions in the folded text map back to the original.
func foldInto(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c < ' ':
				c = ' '
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(foldRune(r))
		i += n
	}
}

// foldTable holds the folding of the runes up to the end of the General
// Punctuation block: Latin, Greek, Cyrillic and the common symbols.
var foldTable = func() []string {
	t := make([]string, 0x2070)
	for r := range t {
		t[r] = foldSlow(rune(r))
	}
	return t
}()

func foldRune(r rune) string {
	if r >= 0 && int(r) < len(foldTable) {
		return foldTable[r]
	}
	return string(unicode.ToLower(r))
}

// foldExceptions are letters that do not decompose into a base letter and
// accents, and punctuation typed differently from how it is written.
var foldExceptions = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
	'\u00a0': " ", '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201c': `"`, '\u201d': `"`,
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-",
}

func foldSlow(r rune) string {
	if s, ok := foldExceptions[r]; ok {
		return s
	}
	if r < ' ' {
		return " "
	}
	if unicode.Is(unicode.Mn, r) {
		return ""
	}
	var out []rune
	for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
		if !unicode.Is(unicode.Mn, d) {
			out = append(out, d)
		}
	}
	return string(out)
}
