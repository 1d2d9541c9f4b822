package cli_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kamdesk/app/cli"
	"kamdesk/app/i18n"
)

// TestCommandLineInEveryLanguage: --lang and $KAMDESK_LANG choose the
// language of the command line's messages; a language kamdesk does not
// speak is refused by name.
func TestCommandLineInEveryLanguage(t *testing.T) {
	dir := demo(t)
	for _, c := range []struct{ lang, options, accounts string }{
		{"ru", "Параметры:", "клиент"}, {"bg", "Опции:", ""}, {"hu", "", ""}, {"nb", "", ""}, {"fil", "", ""},
	} {
		t.Run(c.lang, func(t *testing.T) {
			t.Cleanup(func() { i18n.SetLanguage("en") })
			g, rest, err := cli.ParseGlobal([]string{"--data", dir, "--lang", c.lang, "help"}, func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			if g.Lang != c.lang || i18n.Current() != c.lang {
				t.Fatalf("--lang %s: the messages are in %s", c.lang, i18n.Current())
			}
			var out, errb strings.Builder
			env := testEnv(&out, &errb)
			if code := cli.Run(g, rest, env); code != 0 {
				t.Fatalf("help: %d %s", code, errb.String())
			}
			if strings.Contains(out.String(), "Options:") || strings.Contains(out.String(), "open the desktop app") {
				t.Errorf("the help in %s is English:\n%s", c.lang, out.String())
			}
			if c.options != "" && !strings.Contains(out.String(), c.options) {
				t.Errorf("the help in %s lacks %q:\n%s", c.lang, c.options, out.String())
			}
		})
	}
	t.Run("KAMDESK_LANG", func(t *testing.T) {
		t.Cleanup(func() { i18n.SetLanguage("en") })
		env := map[string]string{"KAMDESK_LANG": "ru"}
		g, rest, err := cli.ParseGlobal([]string{"--data", dir, "account", "list"}, func(k string) string { return env[k] })
		if err != nil || g.Lang != "ru" {
			t.Fatalf("KAMDESK_LANG: %v, %q", err, g.Lang)
		}
		var out, errb strings.Builder
		if code := cli.Run(g, rest, testEnv(&out, &errb)); code != 0 || !strings.Contains(out.String(), "КАТЕГОРИЯ") || !strings.Contains(out.String(), "Жемчужина в короне") {
			t.Errorf("account list in Russian: %d\n%s%s", code, out.String(), errb.String())
		}
	})
	if _, _, err := cli.ParseGlobal([]string{"--lang", "de", "help"}, func(string) string { return "" }); err == nil ||
		!strings.Contains(err.Error(), "--lang de: kamdesk speaks en, ru, bg, hu, nb, fil") {
		t.Errorf("--lang de: %v", err)
	}
	// after the command, as `kamdesk account list --lang de`: the same words
	if r := run(t, dir, "account", "list", "--lang", "de"); r.code != cli.ExitUsage ||
		!strings.Contains(r.stderr, "--lang de: kamdesk speaks en, ru, bg, hu, nb, fil") {
		t.Errorf("account list --lang de: %d\n%s", r.code, r.stderr)
	}
}

// TestErrorsInTheUsersLanguage: what goes wrong is said in the user's
// language, the workspace's own words (a record not found, a copy not on
// record, a revision not sent) and the system's reasons (a missing file)
// alike: in Russian and Bulgarian no English word is left beside the
// IDs, paths and options the user typed.
func TestErrorsInTheUsersLanguage(t *testing.T) {
	dir := demo(t)
	const prop = "prop-castellan-calm-rollout"
	missing := filepath.Join(t.TempDir(), "missing.csv")
	commands := [][]string{
		{"account", "show", "nope"},
		{"person", "erase", "nope", "--yes"},
		{"proposal", "sent-copy", prop, "-o", filepath.Join(t.TempDir(), "copy.html")},
		{"proposal", "pricing", prop, "--csv", missing},
		{"proposal", "revise", prop},
		{"proposal", "financial", prop, "--investment", "abc"},
		{"library", "import", missing},
	}
	// what the user typed, and the program's name
	typed := regexp.MustCompile(`kamdesk(?: [a-z][a-z-]*)*|--[a-z-]+|"[^"]*"|“[^”]*”|«[^»]*»|„[^“]*“|` + regexp.QuoteMeta(prop) + `|` + regexp.QuoteMeta(missing) + `|nope|\bID\b|CSV`)
	english := regexp.MustCompile(`[A-Za-z]{3,}`)
	for _, lang := range []string{"ru", "bg"} {
		t.Run(lang, func(t *testing.T) {
			t.Cleanup(func() { i18n.SetLanguage("en") })
			for _, args := range commands {
				g, rest, err := cli.ParseGlobal(append([]string{"--data", dir, "--lang", lang}, args...), func(string) string { return "" })
				if err != nil {
					t.Fatal(err)
				}
				var out, errb strings.Builder
				if code := cli.Run(g, rest, testEnv(&out, &errb)); code == 0 {
					t.Fatalf("%v did not fail", args)
				}
				said := errb.String()
				if w := english.FindAllString(typed.ReplaceAllString(said, ""), -1); len(w) > 0 {
					t.Errorf("%v in %s leaves English words %q:\n%s", args, lang, w, said)
				}
			}
		})
	}
}
