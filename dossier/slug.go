package dossier

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slug makes a readable ID part from a name: Latin letters without their
// accents (Müller → muller, Sørensen → sorensen), Cyrillic transliterated
// (Ковалёв → kovalev), digits kept, everything else a single '-', at most
// max bytes, never starting or ending with '-'. It may be empty (a name of
// only symbols or another script); callers then use a fallback word.
func Slug(name string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		t, ok := latinFold[r]
		if !ok {
			if c, isCyr := cyrillicLatin[unicode.ToLower(r)]; isCyr {
				t, ok = c, true
			}
		}
		if !ok {
			if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				t = string(r)
			} else {
				dash = true
				continue
			}
		}
		if t == "" {
			continue // a sign letter such as ь
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

// latinFold maps the letters of Latin-1 Supplement and Latin Extended-A to
// plain Latin.
var latinFold = func() map[rune]string {
	m := map[rune]string{}
	for _, pair := range strings.Fields(latinPairs) {
		r, size := utf8.DecodeRuneInString(pair)
		m[r] = pair[size:]
	}
	return m
}()

const latinPairs = `ÀA ÁA ÂA ÃA ÄA ÅA ÆAE ÇC ÈE ÉE ÊE ËE ÌI ÍI ÎI ÏI ÐD ÑN ÒO ÓO ÔO ÕO ÖO ØO ÙU ÚU ÛU ÜU ÝY ÞTH ßss àa áa âa ãa äa åa æae çc èe ée êe ëe ìi íi îi ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy þth ÿy ĀA āa ĂA ăa ĄA ąa ĆC ćc ĈC ĉc ĊC ċc ČC čc ĎD ďd ĐD đd ĒE ēe ĔE ĕe ĖE ėe ĘE ęe ĚE ěe ĜG ĝg ĞG ğg ĠG ġg ĢG ģg ĤH ĥh ĦH ħh ĨI ĩi ĪI īi ĬI ĭi ĮI įi İI ıi ĲIJ ĳij ĴJ ĵj ĶK ķk ĸk ĹL ĺl ĻL ļl ĽL ľl ĿL ŀl ŁL łl ŃN ńn ŅN ņn ŇN ňn ŉn ŊN ŋn ŌO ōo ŎO ŏo ŐO őo ŒOE œoe ŔR ŕr ŖR ŗr ŘR řr ŚS śs ŜS ŝs ŞS şs ŠS šs ŢT ţt ŤT ťt ŦT ŧt ŨU ũu ŪU ūu ŬU ŭu ŮU ůu ŰU űu ŲU ųu ŴW ŵw ŶY ŷy ŸY ŹZ źz ŻZ żz ŽZ žz ſs`

// cyrillicLatin transliterates Russian, Ukrainian and Belarusian letters.
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ў': "u", 'ф': "f",
	'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya",
}
