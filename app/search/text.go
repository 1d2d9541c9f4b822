package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kamdesk/dossier"
)

// queryWords folds q and splits it into words: without repeats, without
// words that are part of another, longest first, at most maxWords.
func queryWords(q string) []string {
	fields := strings.Fields(string(foldAppend(nil, q)))
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
	if len(words) > maxWords {
		words = words[:maxWords]
	}
	return words
}

// Snippet cuts the text around the match of h out of the field it shows
// (see Field), as written, on one line of about width characters: what
// comes before the match, the match, and what comes after.
func (r Result) Snippet(h Hit, width int) (before, match, after string) {
	f, pos, n := r.x.locate(h, r.Words)
	rec := r.x.recs[h.rec]
	text := r.x.field(rec.kind, int(rec.item), f)
	from, to := originalSpan(text, pos, pos+n)
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
	return before, match, clip(strings.TrimRightFunc(after, unicode.IsSpace), rest)
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
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
		pos += len(dossier.FoldRune(r))
		i += n
	}
	if start < 0 {
		start = len(s)
	}
	return start, len(s)
}

// foldAppend appends s folded (dossier.FoldRune) to b, so that "Müller"
// is found by "muller" and "Ёлкин" by "елкин": ASCII directly, the other
// runes one by one, so that positions in the folded text map back to the
// original.
func foldAppend(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c < ' ':
				c = ' '
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = append(b, dossier.FoldRune(r)...)
		i += n
	}
	return b
}
