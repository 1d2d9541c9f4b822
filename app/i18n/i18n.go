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
	"embed"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"text/template"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"kamdesk/assets"
)

// Catalogues holds the translation catalogues in the directory
// CatalogueDir, one JSON file per language (en.json, ...), in the format of
// go-i18n and of fyne.io/fyne/v2/lang.
var Catalogues embed.FS = assets.Translations

// CatalogueDir is the directory of the catalogues in Catalogues.
const CatalogueDir = "translations"

var (
	setup     sync.Once
	localizer *goi18n.Localizer
)

// load reads the catalogues and picks the one closest to the user's
// language, as the environment says it (LC_ALL, LC_MESSAGES, LANG).
func load() {
	bundle := goi18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	tags := []language.Tag{language.English}
	if files, err := Catalogues.ReadDir(CatalogueDir); err == nil {
		for _, f := range files {
			data, err := Catalogues.ReadFile(CatalogueDir + "/" + f.Name())
			if err != nil {
				continue
			}
			if mf, err := bundle.ParseMessageFileBytes(data, f.Name()); err == nil {
				tags = append(tags, mf.Tag)
			}
		}
	}
	best, _, _ := language.NewMatcher(tags).Match(userLanguages()...)
	base, _ := best.Base()
	localizer = goi18n.NewLocalizer(bundle, best.String(), base.String(), "en")
}

// PlainLocale makes a "C.UTF-8" or "POSIX.UTF-8" locale, common on servers
// and CI machines, read as English (LANGUAGE=en): by Fyne's locale lookup,
// which would otherwise log a parse error for it each time catalogues load,
// and by L and N. Other locales are left alone. main calls it first thing.
func PlainLocale() {
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
	setup.Do(load)
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	cfg := &goi18n.LocalizeConfig{MessageID: message, TemplateData: d}
	if plural {
		cfg.PluralCount = count
	}
	if s, err := localizer.Localize(cfg); err == nil {
		return s
	}
	// Not in the catalogue: the message itself, filled in. (Handing it to
	// go-i18n as a default message would parse it afresh at every call:
	// a second for the 5,000 lines of an agenda.)
	t, ok := parsed.Load(message)
	if !ok {
		p, err := template.New("").Parse(message)
		if err != nil {
			return message
		}
		t, _ = parsed.LoadOrStore(message, p)
	}
	var b strings.Builder
	if t.(*template.Template).Execute(&b, d) != nil {
		return message
	}
	return b.String()
}

// parsed are the templates of the messages the catalogue does not hold,
// by message.
var parsed sync.Map

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
