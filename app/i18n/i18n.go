// Package i18n is kamdesk's translation catalogue, for the desktop and
// the command line alike, and imports no Fyne package. It names the
// catalogues (Catalogues, in assets/translations), says how the user's
// locale is read (PlainLocale), and translates messages (L, N) for the
// packages that must not import Fyne: the command line and the export.
//
// The desktop translates with Fyne's lang package, which uses the same
// engine (go-i18n): package fynelang loads these catalogues into it, so a
// message reads the same in the window and on the terminal. Package quiet
// keeps Fyne's lang from logging locale errors while the program starts.
// English source strings are the keys; a message missing from a catalogue
// is its key.
package i18n

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"unsafe"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"kamdesk/assets"
)

// Catalogues holds the translation catalogues in the directory
// CatalogueDir, one JSON file per language (en.json, ...), in the format of
// go-i18n and of fyne.io/fyne/v2/lang.
// A test may put other catalogues in its place (then call SetLanguage,
// and fynelang.Load for the desktop).
var Catalogues fs.FS = assets.Translations

// CatalogueDir is the directory of the catalogues in Catalogues.
const CatalogueDir = "translations"

var (
	setup sync.Once
	// cat is the catalogue the messages are translated from, read once
	// (setup) in the user's language.
	cat *catalogue
)

// catalogue is what the messages are translated from: the plain texts
// of the chosen language's catalogue and English's, and the messages
// with plural forms, which go-i18n fills in. What only some commands
// need is made when first asked for: go-i18n's bundle (NewBundle builds
// the plural rules of every language CLDR knows, a tenth of reading
// the catalogue) and the set of the English IDs (the desktop's
// labels and a desk not in English ask for it; an export in English
// never does).
type catalogue struct {
	// catalogued holds the IDs of the messages with plural forms, those
	// go-i18n fills in: the others are filled in without asking it,
	// which matches the user's languages against the catalogues' at
	// every call (a third of writing the 90,000 lines of an agenda).
	catalogued map[string]bool
	// texts are the plain texts of the messages: the chosen language's,
	// and English's where a text is not its ID.
	texts map[string]string
	// english is set when the messages are English: their data's labels
	// need no translating.
	english bool
	current string // the language of the messages: "en", "ru", …

	tags    []language.Tag // the user's, best first, then the language's and English
	plurals map[language.Tag][]*goi18n.Message
	local   func() *goi18n.Localizer
	// englishForms are the plural forms of the English messages, when
	// the messages are English: English has two (one, other), and
	// choosing between them needs no bundle.
	englishForms map[string]map[string]string

	englishIDs []catMessage // English's messages, for known
	known      func() map[string]bool
}

// loaded is the catalogue of the user's language, read on first use.
func loaded() *catalogue {
	setup.Do(load)
	return cat
}

// Known reports whether s is a message of the catalogue (an English
// source text): a value that is not, a name or a text already translated,
// is left as it is.
func Known(s string) bool {
	return loaded().known()[s]
}

// Current is the language messages are written in: "en", "ru", ….
func Current() string {
	return loaded().current
}

// load picks the catalogue closest to the user's language, as the
// environment says it (LC_ALL, LC_MESSAGES, LANG), by the catalogues'
// file names, and reads it and the English one only. Their plain texts
// are kept in a map and filled in as fill fills a message; only the
// messages with plural forms go to go-i18n, which chooses the form.
// (Reading all six catalogues with go-i18n, which decodes every message
// into maps and makes a template of each, was 60 % of the time of a
// command that printed one line, a proposal's export; reading the two
// with it, still a quarter.)
func load() {
	c := &catalogue{catalogued: map[string]bool{}, plurals: map[language.Tag][]*goi18n.Message{}}
	tags := []language.Tag{language.English}
	names := map[language.Tag]string{}
	if entries, err := fs.ReadDir(Catalogues, CatalogueDir); err == nil {
		for _, f := range entries {
			code, ok := strings.CutSuffix(f.Name(), ".json")
			tag, err := language.Parse(code)
			if !ok || err != nil {
				continue
			}
			tags = append(tags, tag)
			names[tag] = f.Name()
		}
	}
	best, _, _ := language.NewMatcher(tags).Match(userLanguages()...)
	base, _ := best.Base()
	c.english = base.String() == "en"
	c.current = base.String()
	c.tags = []language.Tag{best, language.Make(base.String()), language.English}
	if c.english {
		c.texts = map[string]string{}
	} else {
		c.texts = make(map[string]string, 2048)
	}
	// English first: its IDs, its plurals and the texts that are not
	// their own IDs, which the chosen language falls back to.
	var chosen language.Tag
	for tag := range names {
		if b, _ := tag.Base(); b.String() == "en" {
			c.englishIDs = c.read(tag, names[tag], true)
		} else if b == base {
			chosen = tag
		}
	}
	if !c.english && names[chosen] != "" {
		c.read(chosen, names[chosen], false)
	}
	c.local = sync.OnceValue(c.localizer)
	c.known = sync.OnceValue(func() map[string]bool {
		known := make(map[string]bool, len(c.englishIDs))
		for _, m := range c.englishIDs {
			known[m.id] = true
		}
		return known
	})
	cat = c
}

// localizer is go-i18n's localizer of the catalogue's plurals.
func (c *catalogue) localizer() *goi18n.Localizer {
	bundle := goi18n.NewBundle(language.English)
	for tag, msgs := range c.plurals {
		bundle.AddMessages(tag, msgs...)
	}
	codes := make([]string, len(c.tags))
	for i, t := range c.tags {
		codes[i] = t.String()
	}
	return goi18n.NewLocalizer(bundle, codes...)
}

// read reads the catalogue file name of language tag: its plain texts
// into texts (English's only where a text is not its ID), its messages
// with plural forms, and those English has plural forms for, into
// plurals (and catalogued). It returns the messages read.
func (c *catalogue) read(tag language.Tag, name string, isEnglish bool) []catMessage {
	data, err := fs.ReadFile(Catalogues, CatalogueDir+"/"+name)
	if err != nil {
		return nil
	}
	// The file's bytes are this function's own (fs.ReadFile returns a
	// copy, as fs.ReadFileFS promises) and never written to: the
	// messages' strings are parts of them, not of a copy (164 KB of new
	// memory for the English catalogue).
	msgs, ok := scanCatalogue(unsafe.String(unsafe.SliceData(data), len(data)))
	if !ok {
		if msgs, ok = decodeCatalogue(data); !ok {
			return nil
		}
	}
	var plurals []*goi18n.Message
	for _, m := range msgs {
		id := m.id
		if m.forms == nil {
			switch text := m.text; {
			case c.catalogued[id]: // a plural in English, one text here
				plurals = append(plurals, &goi18n.Message{ID: id, Other: text})
			case !isEnglish || text != id:
				c.texts[id] = text
			}
			continue
		}
		f := m.forms
		if isEnglish && c.english {
			if c.englishForms == nil {
				c.englishForms = map[string]map[string]string{}
			}
			c.englishForms[id] = f
		}
		plurals = append(plurals, &goi18n.Message{ID: id, Zero: f["zero"], One: f["one"], Two: f["two"],
			Few: f["few"], Many: f["many"], Other: f["other"]})
	}
	c.plurals[tag] = append(c.plurals[tag], plurals...)
	for _, m := range plurals {
		c.catalogued[m.ID] = true
	}
	return msgs
}

// decodeCatalogue reads a catalogue that scanCatalogue does not with
// encoding/json, leaving out the messages that are neither a text nor
// plural forms.
func decodeCatalogue(data []byte) ([]catMessage, bool) {
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return nil, false
	}
	var out []catMessage
	for id, v := range raw {
		m := catMessage{id: id}
		if len(v) > 0 && v[0] == '"' && json.Unmarshal(v, &m.text) == nil {
			out = append(out, m)
		} else if json.Unmarshal(v, &m.forms) == nil && m.forms != nil {
			out = append(out, m)
		}
	}
	return out, true
}

// PlainLocale makes a "C.UTF-8" or "POSIX.UTF-8" locale, common on servers
// and CI machines, read as English (LANGUAGE=en): by Fyne's locale lookup,
// which would otherwise log a parse error for it each time catalogues load,
// and by L and N. Other locales are left alone. main calls it first thing.
func PlainLocale() {
	if os.Getenv("LANGUAGE") != "" {
		return // a language asked for (--lang, the desk's setting) wins
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}

// Languages are the languages kamdesk speaks: a catalogue each.
var Languages = []string{"en", "ru", "bg", "hu", "nb", "fil"}

// Speaks reports whether code (a BCP 47 code or a locale name such as
// "nb_NO.UTF-8") names one of Languages.
func Speaks(code string) bool {
	base := catalogueLanguage(code)
	for _, l := range Languages {
		if l == base {
			return true
		}
	}
	return false
}

// catalogueLanguage is the language of code as the catalogues name it:
// "nb" of "nb_NO.UTF-8" and of "no", "fil" of "tl", "" of "".
func catalogueLanguage(code string) string {
	base := strings.ToLower(strings.TrimSpace(code))
	base, _, _ = strings.Cut(strings.ReplaceAll(base, "_", "-"), "-")
	base, _, _ = strings.Cut(base, ".")
	switch base {
	case "no", "nn":
		return "nb" // the catalogue is Bokmål's
	case "tl":
		return "fil"
	}
	return base
}

// SetLanguage makes code the language of every message from now on, the
// desktop's (Fyne reads LANGUAGE when the catalogues are loaded) and the
// command line's. Call it before any message is translated, at start.
func SetLanguage(code string) {
	preloading.Wait()
	os.Setenv("LANGUAGE", catalogueLanguage(code))
	setup = sync.Once{}
}

// preloading counts the Preloads under way.
var preloading sync.WaitGroup

// Preload reads the catalogue on a goroutine of its own, when it is not
// read yet, so that the first message does not wait for all of it (a
// command line export reads it while the workspace opens: about 2 ms of
// its 75). SetLanguage waits for it.
func Preload() {
	preloading.Add(1)
	go func() {
		defer preloading.Done()
		loaded()
	}()
}

// LabelFields are the fields of a message's data that the domain fills
// with the English label of an enumeration (a stakeholder type, a ladder
// level, an audience, a status…): Labels translates them too.
var LabelFields = []string{"Audience", "Kind", "Level", "New", "Old", "Status", "Task", "Tier", "Type", "Variant", "What"}

// Labels returns data (a message's map of fields) with the values of
// LabelFields translated by tr; other data is returned as it is.
func Labels(data any, tr func(string) string) any {
	m, ok := data.(map[string]any)
	if !ok {
		return data
	}
	var out map[string]any
	for _, f := range LabelFields {
		if s, ok := m[f].(string); ok && s != "" {
			if out == nil {
				out = make(map[string]any, len(m))
				for k, v := range m {
					out[k] = v
				}
			}
			if Known(s) {
				out[f] = tr(s)
			}
		}
	}
	if out == nil {
		return data
	}
	return out
}

// userLanguages are the languages the environment asks for, first the
// one that wins; "C" and "POSIX" are English.
func userLanguages() []language.Tag {
	var out []language.Tag
	for _, env := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		for _, v := range strings.Split(os.Getenv(env), ":") {
			v, _, _ = strings.Cut(v, ".")
			v, _, _ = strings.Cut(v, "@")
			if v == "" || v == "C" || v == "POSIX" {
				continue
			}
			if tag, err := language.Parse(strings.ReplaceAll(v, "_", "-")); err == nil {
				out = append(out, tag)
			}
		}
	}
	return append(out, language.English)
}

// L translates message, filling its {{.Name}} fields from data[0].
func L(message string, data ...any) string { return localize(message, 0, false, data) }

// N translates message in the plural form that count calls for.
func N(message string, count int, data ...any) string { return localize(message, count, true, data) }

func localize(message string, count int, plural bool, data []any) string {
	c := loaded()
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	if !c.english {
		d = Labels(d, func(s string) string { return localize(s, 0, false, nil) })
	}
	if c.catalogued[message] {
		if forms, ok := c.englishForms[message]; ok {
			if s, ok := englishPlural(forms, count, plural, d); ok {
				return s
			}
		} else {
			cfg := &goi18n.LocalizeConfig{MessageID: message, TemplateData: d}
			if plural {
				cfg.PluralCount = count
			}
			if s, err := c.local().Localize(cfg); err == nil {
				return s
			}
		}
	}
	if t, ok := c.texts[message]; ok {
		return fill(t, d)
	}
	return fill(message, d)
}

// englishPlural fills in the English form count calls for, as go-i18n
// would (TestEnglishPluralsAsGoI18n): "one" for 1 and -1 (English's
// rule for whole numbers), "other" for any other count or no count; with no
// data, the count is .PluralCount. False when the form is missing,
// where go-i18n fails too.
func englishPlural(forms map[string]string, count int, plural bool, d any) (string, bool) {
	form := "other"
	if plural && (count == 1 || count == -1) { // the rule reads the absolute value
		form = "one"
	}
	text, ok := forms[form]
	if !ok || text == "" {
		return "", false
	}
	if d == nil && plural {
		d = map[string]any{"PluralCount": count}
	}
	return fill(text, d), true
}

// Size is a file's size in the unit a person reads best: B, KB, MB.
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return L("{{.N}} B", map[string]any{"N": n})
	case n < 1<<20:
		return L("{{.N}} KB", map[string]any{"N": fmt.Sprintf("%.0f", float64(n)/(1<<10))})
	}
	return L("{{.N}} MB", map[string]any{"N": fmt.Sprintf("%.1f", float64(n)/(1<<20))})
}
