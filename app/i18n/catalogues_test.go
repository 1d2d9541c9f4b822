package i18n

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// actions are the {{…}} of a message: its template fields ({{.Name}}) and
// the placeholder names it quotes ({{author.name}}), each as often as it
// occurs, sorted.
var actionRE = regexp.MustCompile(`\{\{[^{}]*\}\}`)

func actions(s string) []string {
	a := actionRE.FindAllString(s, -1)
	slices.Sort(a)
	return a
}

// pluralForms are the plural forms whole numbers take in lang by the
// CLDR's rules (golang.org/x/text/feature/plural), "other" always.
func pluralForms(t *testing.T, lang string) []string {
	tag := language.MustParse(lang)
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few",
		plural.Many: "many", plural.Other: "other"}
	forms := []string{"other"}
	for n := 0; n <= 1000; n++ {
		f := names[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
		if !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	slices.Sort(forms)
	return forms
}

// TestCataloguesMatchEnglish: each language's catalogue has exactly the
// messages of the English one, each template with the same fields and
// quoted placeholders as the English, every plural message with every
// form its language's plural rules need, and it loads in go-i18n (which
// refuses a whole file for one key it reads as a word of its format).
func TestCataloguesMatchEnglish(t *testing.T) {
	read := func(t *testing.T, lang string) map[string]json.RawMessage {
		raw, err := fs.ReadFile(Catalogues, CatalogueDir+"/"+lang+".json")
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if _, err := goi18n.NewBundle(language.English).ParseMessageFileBytes(raw, lang+".json"); err != nil {
			t.Errorf("%s.json does not load in go-i18n: %v", lang, err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s.json: %v", lang, err)
		}
		return m
	}
	en := read(t, "en")
	// text is a message's one text (singular) or its forms (plural).
	text := func(raw json.RawMessage) (string, map[string]string) {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s, nil
		}
		var forms map[string]string
		json.Unmarshal(raw, &forms)
		if len(forms) == 1 && forms["other"] != "" {
			return forms["other"], nil // a reserved word written {"other": …}
		}
		return "", forms
	}
	for _, lang := range Languages {
		if lang == "en" {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			tr := read(t, lang)
			need := pluralForms(t, lang)
			for k, v := range en {
				got, ok := tr[k]
				if !ok {
					t.Errorf("missing %q", k)
					continue
				}
				enText, enForms := text(v)
				s, forms := text(got)
				if enForms == nil {
					if strings.TrimSpace(s) == "" {
						t.Errorf("%q has no translation (or a plural where a single text belongs)", k)
					} else if !slices.Equal(actions(s), actions(enText)) {
						t.Errorf("%q: %q has the fields %v, the English %v", k, s, actions(s), actions(enText))
					}
					continue
				}
				// A form may leave out a field the English key lacks
				// ("fix this problem" / "fix these 3 problems") but
				// never adds one the English forms do not have.
				allowed := map[string]bool{}
				for _, s := range enForms {
					for _, a := range actions(s) {
						allowed[a] = true
					}
				}
				var have []string
				for f, s := range forms {
					have = append(have, f)
					got := actions(s)
					for _, a := range got {
						if !allowed[a] {
							t.Errorf("%q, form %s: %q has %s, which the English has not", k, f, s, a)
						}
					}
					for _, a := range actions(k) {
						if !slices.Contains(got, a) {
							t.Errorf("%q, form %s: %q lacks %s", k, f, s, a)
						}
					}
				}
				slices.Sort(have)
				if !slices.Equal(have, need) {
					t.Errorf("%q has the plural forms %v, %s needs %v", k, have, lang, need)
				}
			}
			for k := range tr {
				if _, ok := en[k]; !ok {
					t.Errorf("%q is not an English message (left over?)", k)
				}
			}
		})
	}
}
