package proposal

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"kamdesk/dossier"
)

// File names are limited as dossier.SafeFileName limits them: file systems
// count bytes (255 at most on most of them) and people read characters.
const maxNameRunes, maxNameBytes = 120, 200

// ExportFileName returns the name of an exported variant of revision rev
// dated on, safe on Linux, macOS and Windows: "<account> - <title> -
// v<rev> - <date>.<ext>", for example "Northbridge Build Group - Site
// logistics 2027 - v2 - 2026-12-01.html". The audience is named at the
// end ("… - 2026-12-01 - Executive.html") only when a is not "": the
// client reads the file's name too, and a variant is addressed to them,
// not labelled for them. A revision below 1 and a zero date are left out.
//
// Characters Windows reserves become '_' (as dossier.SafeFileName does),
// control and invisible formatting characters (bidirectional overrides
// included) are dropped, runs of spaces collapse, and parts that are empty
// are left out. When the name is too long (over 120 characters or 200
// bytes) the longer of title and account (the title on a tie) is
// shortened until it fits, each cut marked with "…". The name never starts or ends with a dot or a space, never is
// a reserved Windows device name, and is never empty: with nothing to go
// on it is "proposal". ext is reduced to ASCII letters and digits; empty,
// the name has no extension.
func ExportFileName(account, title string, rev int, on dossier.Date, a Audience, ext string) string {
	return ExportFileNameIn("en", account, title, rev, on, a, ext)
}

// ExportFileNameIn is ExportFileName with the audience named in language
// lang, the proposal's: "… - Финансы.pdf".
func ExportFileNameIn(lang, account, title string, rev int, on dossier.Date, a Audience, ext string) string {
	account, title = namePart(account), namePart(title)
	revision := ""
	if rev > 0 {
		revision = fmt.Sprintf("v%d", rev)
	}
	date := ""
	if !on.IsZero() {
		date = on.String()
	}
	audience := ""
	if a != "" {
		audience = namePart(LocaleOf(lang).Audience(a))
	}
	ext = nameExt(ext)
	join := func() string {
		var parts []string
		for _, p := range []string{account, title, revision, date, audience} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		name := strings.Trim(strings.Join(parts, " - "), ". ")
		if name == "" {
			name = "proposal"
		}
		if ext != "" {
			name += "." + ext
		}
		return name
	}
	fits := func(s string) bool {
		return utf8.RuneCountInString(s) <= maxNameRunes && len(s) <= maxNameBytes
	}
	// Each part alone fits; shorten the longer of title and account until
	// the whole does, which takes at most a few hundred steps.
	title, account = clipNamePart(title, maxNameRunes), clipNamePart(account, maxNameRunes)
	for name := join(); !fits(name); name = join() {
		switch {
		case title != "" && utf8.RuneCountInString(title) >= utf8.RuneCountInString(account):
			title = shortenNamePart(title)
		case account != "":
			account = shortenNamePart(account)
		default:
			audience = shortenNamePart(audience)
		}
	}
	name := dossier.SafeFileName(join())
	stem, _, _ := strings.Cut(name, ".")
	switch strings.ToUpper(strings.TrimSpace(stem)) {
	case "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$":
		// reserved too, since Windows 11; dossier.SafeFileName knows the rest
		name = "_" + name
	}
	return name
}

// namePart makes s one clean piece of a file name.
func namePart(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError:
			return -1
		case unicode.IsSpace(r) || unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || r == 0xfffe || r == 0xffff:
			return -1
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return '_'
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	s = strings.Join(strings.Fields(s), " ")
	if strings.Trim(s, ". ") == "" {
		return "" // nothing but dots
	}
	return s
}

// trimNamePart drops the dots and spaces at the ends of a cut part.
func trimNamePart(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r == '.' || r == ' ' })
}

// nameExt keeps the ASCII letters and digits of ext, lowercased, at most 16.
func nameExt(ext string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(ext) {
		if ('a' <= r && r <= 'z' || '0' <= r && r <= '9') && b.Len() < 16 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clipNamePart cuts s to n runes, marking the cut.
func clipNamePart(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return trimNamePart(string(r[:n-1])) + "…"
}

// shortenNamePart drops the last character before the "…" of s (adding one), and
// returns "" once nothing but the mark would be left.
func shortenNamePart(s string) string {
	s = strings.TrimSuffix(s, "…")
	r := []rune(s)
	if len(r) <= 1 {
		return ""
	}
	s = trimNamePart(string(r[:len(r)-1]))
	if s == "" {
		return ""
	}
	return s + "…"
}

// NameDate is the date the names of p's exported files carry: the date
// the document gives (its issue date), or today when it has none.
func (p *Proposal) NameDate(today dossier.Date) dossier.Date {
	if !p.Issued.IsZero() {
		return p.Issued
	}
	return today
}
