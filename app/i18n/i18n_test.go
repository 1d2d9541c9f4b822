package i18n

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"
	"text/template"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

func TestMessages(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "C.UTF-8")
	for _, c := range []struct{ got, want string }{
		{L("nothing was restored"), "nothing was restored"},
		{L("Backed up to {{.Path}} ({{.Size}}).", map[string]any{"Path": "/w/b", "Size": "1 KB"}), "Backed up to /w/b (1 KB)."},
		{N("{{.Count}} account", 1, map[string]any{"Count": 1}), "1 account"},
		{N("{{.Count}} account", 3, map[string]any{"Count": 3}), "3 accounts"},
		{N("a message with no catalogue entry, {{.Count}}", 2, map[string]any{"Count": 2}), "a message with no catalogue entry, 2"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{512: "512 B", 3 << 10: "3 KB", 5 << 20: "5.0 MB", 1536 << 10: "1.5 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestPlainLocale(t *testing.T) {
	for _, c := range []struct{ lcAll, lang, want string }{
		{"", "C.UTF-8", "en"},
		{"POSIX.UTF-8", "de_DE.UTF-8", "en"},
		{"", "C", ""}, // Fyne reads a bare "C" as English already
		{"", "de_DE.UTF-8", ""},
		{"de_DE.UTF-8", "C.UTF-8", ""}, // LC_ALL wins
		{"", "", ""},
	} {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.lang)
		PlainLocale()
		if got := os.Getenv("LANGUAGE"); got != c.want {
			t.Errorf("LC_ALL=%q LANG=%q: LANGUAGE=%q, want %q", c.lcAll, c.lang, got, c.want)
		}
	}
}

// TestMessagesOutsideTheCatalogueAtOnce: a message the catalogue does not
// hold is parsed once and filled in with each call's data, from many
// goroutines at once (the agenda fills thousands of lines).
func TestMessagesOutsideTheCatalogueAtOnce(t *testing.T) {
	done := make(chan string)
	for i := range 8 {
		go func() {
			var last string
			for j := range 200 {
				last = L("Promise to {{.Account}}: {{.Text}}", map[string]any{"Account": i, "Text": j})
			}
			done <- last
		}()
	}
	for range 8 {
		if got := <-done; !strings.HasSuffix(got, ": 199") || !strings.HasPrefix(got, "Promise to ") {
			t.Errorf("got %q", got)
		}
	}
	if got := L("Broken {{.X"); got != "Broken {{.X" {
		t.Errorf("a message that is no template gives %q, want it as it is", got)
	}
}

// FuzzFill: a message filled without text/template (text and {{.Name}}
// fields, a map of strings and numbers) reads as text/template fills it.
func FuzzFill(f *testing.F) {
	for _, m := range []string{"Promise to {{.Account}}: {{.Text}}", "{{.N}} B", "{{.Missing}} x", "{{ .A }}",
		"{{.A}}{{.B}}}}", "{{.A.B}}", "{{if .A}}y{{end}}", "{{.A}", "}}{{.Ü}}", "{{.1A}}", "{{.A|printf \"%q\"}}"} {
		f.Add(m, "text with {{ braces", 42)
	}
	f.Fuzz(func(t *testing.T, message, a string, n int) {
		data := map[string]any{"A": a, "B": n, "Account": a, "Text": a, "N": int64(n), "Ü": a}
		p, err := template.New("").Parse(message)
		if err != nil {
			return // fill gives the message itself, without a template
		}
		var want strings.Builder
		if p.Execute(&want, data) != nil {
			return
		}
		parts := simpleParts(message)
		if parts == nil {
			return
		}
		got, ok := (&filler{t: p, parts: parts}).fillMap(data)
		if !ok {
			t.Fatalf("fillMap refused %q", message)
		}
		if got != want.String() {
			t.Errorf("fill(%q) = %q, text/template gives %q", message, got, want.String())
		}
	})
}

// TestEnglishSkipsTheCatalogue: in English only the messages with
// plural forms go through go-i18n; the others are filled in directly,
// as fast as before the catalogue held them all, a keyed text from the
// catalogue's text.
func TestEnglishSkipsTheCatalogue(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	SetLanguage("en")
	defer SetLanguage("")
	if L("Save") != "Save" {
		t.Fatal("L(Save)")
	}
	if c := loaded().catalogued; c["Save"] || c["Promises"] {
		t.Error("English singular messages are catalogued")
	}
	if !loaded().catalogued["{{.Count}} account"] {
		t.Error("a plural message is not catalogued")
	}
	if got := L("badge.executive"); got == "badge.executive" || got == "" {
		t.Errorf("a keyed text reads %q", got)
	}
	if got := N("{{.Count}} account", 3, map[string]any{"Count": 3}); got != "3 accounts" {
		t.Errorf("N = %q", got)
	}
}

// readCounter is an fs.FS that counts the files read from it.
type readCounter struct {
	fs.FS
	read map[string]int
}

func (r *readCounter) Open(name string) (fs.File, error) {
	r.read[path.Base(name)]++
	return r.FS.Open(name)
}

// TestOnlyTheUsersCatalogueIsRead: translating reads the catalogue of
// the user's language and the English one, not every catalogue (reading
// all six was most of the time of a command that printed one line).
func TestOnlyTheUsersCatalogueIsRead(t *testing.T) {
	was := Catalogues
	t.Cleanup(func() { Catalogues = was; SetLanguage("en") })
	t.Setenv("LANGUAGE", "")
	r := &readCounter{FS: was, read: map[string]int{}}
	Catalogues = r
	SetLanguage("ru")
	if got := L("nothing was restored"); got == "nothing was restored" {
		t.Fatalf("not translated: %q", got)
	}
	for _, name := range []string{"bg.json", "hu.json", "nb.json", "fil.json"} {
		if r.read[name] > 0 {
			t.Errorf("%s was read for a Russian desk", name)
		}
	}
	if r.read["ru.json"] != 1 || r.read["en.json"] != 1 {
		t.Errorf("read: %v, want ru.json and en.json once", r.read)
	}
}

// TestEnglishPluralsAsGoI18n: in English the plural forms are chosen
// without go-i18n, and read as it would choose and fill them, for every
// plural message of the catalogue.
func TestEnglishPluralsAsGoI18n(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	SetLanguage("en")
	defer SetLanguage("")
	c := loaded()
	if len(c.englishForms) < 20 {
		t.Fatalf("%d English plural messages", len(c.englishForms))
	}
	for id := range c.englishForms {
		for _, count := range []int{0, 1, 2, 5, 21, -1} {
			for _, plural := range []bool{true, false} {
				for _, d := range []any{nil, map[string]any{"Count": count, "ID": "p-1", "Path": "a.html", "N": count}} {
					cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: d}
					if plural {
						cfg.PluralCount = count
					}
					want, err := c.local().Localize(cfg)
					if err != nil { // as localize falls back
						want = fill(id, d)
					}
					got := localize(id, count, plural, []any{d})
					if d == nil {
						got = localize(id, count, plural, nil)
					}
					if got != want {
						t.Errorf("%q (count %d, plural %v, data %v) = %q, go-i18n says %q", id, count, plural, d, got, want)
					}
				}
			}
		}
	}
}
