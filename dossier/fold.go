package dossier

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run fold_gen.go

// FoldRune returns r as searches and slugs compare it: lowercase, without
// accents ("Ü" → "u", "ё" → "е", "ά" → "α"), ligatures and letters
// without a decomposition spelled out ("ß" → "ss", "ø" → "o", "ł" → "l"),
// typographic quotes and dashes as typed ("’" → "'", "–" → "-"), control
// characters as a space, and combining accents as nothing. Accents are
// dropped from Latin, Greek and Cyrillic and the other scripts up to the
// end of the General Punctuation block (U+206F); beyond, r is only
// lowercased. Every rune folds by itself, so that a position in folded
// text maps back to the original.
func FoldRune(r rune) string {
	if t := foldTable(); r >= 0 && int(r) < len(t) {
		return t[r]
	}
	return string(unicode.ToLower(r))
}

// Fold returns s with every rune folded (see FoldRune).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(FoldRune(r))
	}
	return b.String()
}

// foldExceptions are letters that do not decompose into a base letter and
// accents, and punctuation typed differently from how it is written.
var foldExceptions = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
	'ĸ': "k", 'ŉ': "n", 'Ĳ': "ij", 'ĳ': "ij", 'Ŀ': "l", 'ŀ': "l", 'ſ': "s", 'Ŋ': "n", 'ŋ': "n", 'Ŧ': "t", 'ŧ': "t",
	'\u00a0': " ", '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u201c': `"`, '\u201d': `"`,
	// Decompositions fold_table.go cannot hold: Greek varia, en and em quads.
	'\u1fef': "`", '\u2000': "\u2002", '\u2001': "\u2003",
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-",
}

// foldTable holds the folding of the runes below U+2070, built at first
// use: building it took 3.5 ms of every start of kamdesk, commands that
// never fold included.
var foldTable = sync.OnceValue(func() []string {
	decomposed := map[rune]string{}
	for _, pair := range strings.Fields(foldDecompositions) {
		r, size := utf8.DecodeRuneInString(pair)
		decomposed[r] = pair[size:]
	}
	t := make([]string, 0x2070)
	for r := range rune(len(t)) {
		switch s, ok := foldExceptions[r]; {
		case ok:
			t[r] = s
		case r < ' ':
			t[r] = " "
		case unicode.Is(unicode.Mn, r):
			t[r] = ""
		default:
			if s, ok := decomposed[r]; ok {
				t[r] = s
			} else {
				t[r] = string(unicode.ToLower(r))
			}
		}
	}
	return t
})

// OneLine makes s one line: every run of white space, line breaks
// included, becomes one space, and none is left at either end. A text
// that is one line already is returned as it is, without a copy (the
// agenda makes a hundred thousand lines of names and positions).
func OneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isOneLine reports whether OneLine leaves s as it is: no white space
// (as unicode.IsSpace says, as strings.Fields splits) other than single
// spaces between other characters.
func isOneLine(s string) bool {
	space := true // a space at the start is one too many
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			space = false
		case c == ' ':
			if space {
				return false
			}
			space = true
		case c >= '\t' && c <= '\r':
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}
