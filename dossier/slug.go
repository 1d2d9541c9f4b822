package dossier

import (
	"strings"
	"unicode"
)

// Slug makes a readable ID part from a name: Latin letters folded as a
// search folds them (FoldRune: Müller → muller, Sørensen → sorensen,
// Nguyễn → nguyen), Cyrillic transliterated
// (Ковалёв → kovalev), digits kept, everything else a single '-', at most
// max bytes, never starting or ending with '-'. It may be empty (a name of
// only symbols or another script); callers then use a fallback word.
func Slug(name string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		t, ok := cyrillicLatin[unicode.ToLower(r)]
		if !ok {
			t = FoldRune(r)
			if !plainWord(t) {
				dash = true
				continue
			}
		}
		if t == "" {
			continue // a sign letter such as ь, or a combining accent
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteString(strings.ToLower(t))
		if b.Len() > 4*max {
			break // enough to cut from
		}
	}
	s := b.String()
	if len(s) <= max {
		return s
	}
	// Cut at a word boundary when there is one within the limit.
	cut := s[:max]
	if s[max] != '-' {
		if i := strings.LastIndexByte(cut, '-'); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, "-")
}

// plainWord reports whether s has only ASCII letters and digits.
func plainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// cyrillicLatin transliterates Russian, Ukrainian and Belarusian letters.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ў': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
}
