package proposal

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"kamdesk/dossier"
)

// The readiness checks of the proposal's language.

// language warns when kamdesk cannot write its own words of the proposal
// (headings, dates, money, the validity sentence) in the proposal's
// language: they are then written in English.
func (ck *checker) language() {
	if lang := strings.TrimSpace(ck.p.Language); lang != "" && LocaleOf(lang).Lang == "en" && !strings.EqualFold(baseLanguage(lang), "en") {
		ck.add(SeverityWarning, "language-not-written", "", placeAt(AreaSections),
			"The proposal is in {{.Language}}, a language kamdesk does not write: its headings, dates, money and the validity sentence will be in English.",
			"Write the proposal in one of en, ru, bg, hu, nb or fil, or check the exported file's English words before sending.",
			map[string]any{"Language": lang})
	}
}

// otherScript warns, once per placeholder, when a value a section puts
// into the proposal is written in another script than the proposal's
// language (a name in Latin letters in a Russian proposal): it may need
// to be written as the client's language writes it. A warning only:
// many names are rightly kept as they are.
func (ck *checker) otherScript(as *assembly) {
	want := LocaleOf(ck.p.Language).script()
	if want == nil || strings.TrimSpace(ck.p.Language) == "" {
		return
	}
	for _, b := range as.v.Blocks {
		for _, n := range slices.Sorted(maps.Keys(b.Placeholders)) {
			v := b.Placeholders[n]
			if strings.HasSuffix(n, ".email") || strings.HasSuffix(n, ".phone") {
				continue // addresses and numbers are written one way everywhere
			}
			if ck.scripted[n] || !inAnotherScript(v, want) {
				continue
			}
			if ck.scripted == nil {
				ck.scripted = map[string]bool{}
			}
			ck.scripted[n] = true
			place := valuePlace(n, b.Item)
			if place.Area == AreaSection {
				place = Place{Area: AreaSection, Item: b.Item}
			}
			ck.add(SeverityWarning, "value-in-another-script", as.v.Audience, place,
				"The placeholder {{.Placeholder}} puts “{{.Value}}” into a proposal in {{.Language}}, written in other letters than the proposal.",
				"Check how the client writes it: write the name or text as it should read in the proposal's language where the dossier or the team keeps it, or leave it if it is right as it is.",
				map[string]any{"Placeholder": describe(n), "Name": n, "Value": dossier.OneLine(v), "Language": ck.p.Language, "Section": b.Title})
		}
	}
}

// script is the script the language is written in, for otherScript.
func (l Locale) script() *unicode.RangeTable {
	switch l.Lang {
	case "ru", "bg":
		return unicode.Cyrillic
	}
	return unicode.Latin
}

// inAnotherScript reports whether s has letters and none of them in script want
// while some are in another script (digits, signs and spaces count for
// neither): "Olivia Grant" in a Russian proposal.
func inAnotherScript(s string, want *unicode.RangeTable) bool {
	other := false
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.Is(want, r) {
			return false
		}
		other = true
	}
	return other
}
