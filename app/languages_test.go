package app

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/i18n"
	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
)

// useLanguage makes the desk's messages those of code for the test.
func useLanguage(t *testing.T, code string) { uitest.UseLanguage(t, code) }

// TestEveryScreenFitsInEveryLanguage: in each language kamdesk speaks,
// every main screen fits a 1280×800 window (nothing needs more room than
// the window has, no widget lies outside it) and speaks that language:
// the sidebar, the builder's tabs and the screens' buttons are not the
// English ones.
func TestEveryScreenFitsInEveryLanguage(t *testing.T) {
	for _, code := range i18n.Languages {
		if code == "en" {
			continue
		}
		t.Run(code, func(t *testing.T) {
			useLanguage(t, code)
			checkScreensFit(t, code, true)
		})
	}
}

// TestEveryScreenFitsTheLongestTexts: the screens fit at 1280×800 when
// every message is as long as its longest translation (the longest of
// the Russian, Bulgarian, Hungarian, Norwegian and Filipino ones, which
// run as long as German's): the layouts hold for a language kamdesk does
// not speak yet, not only for the five it does.
func TestEveryScreenFitsTheLongestTexts(t *testing.T) {
	longest := longestCatalogue(t)
	was := i18n.Catalogues
	i18n.Catalogues = longest
	t.Cleanup(func() { i18n.Catalogues = was })
	useLanguage(t, "ru") // the longest texts, under Russian's plurals and dates
	// The builder's eight tabs may cut their labels with "…" here (each
	// still in view): their longest labels add up to 128 characters,
	// where German's come to about 95.
	checkScreensFit(t, "longest", false)
}

// longestCatalogue returns the catalogues with ru.json's every message
// replaced by its longest translation in any language (plural forms stay
// Russian's).
func longestCatalogue(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	read := func(code string) map[string]any {
		raw, err := fs.ReadFile(i18n.Catalogues, i18n.CatalogueDir+"/"+code+".json")
		if err != nil {
			t.Fatal(err)
		}
		out[i18n.CatalogueDir+"/"+code+".json"] = &fstest.MapFile{Data: raw}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	cats := map[string]map[string]any{}
	for _, code := range i18n.Languages {
		cats[code] = read(code)
	}
	long := map[string]any{}
	longer := 0
	for k, v := range cats["ru"] {
		long[k] = v
		s, ok := v.(string)
		if !ok {
			continue
		}
		for _, code := range i18n.Languages[1:] {
			if o, ok := cats[code][k].(string); ok && utf8.RuneCountInString(o) > utf8.RuneCountInString(s) {
				s = o
			}
		}
		if s != v {
			longer++
		}
		long[k] = s
	}
	if longer < 300 {
		t.Fatalf("only %d messages are longer in another language than in Russian", longer)
	}
	raw, err := json.Marshal(long)
	if err != nil {
		t.Fatal(err)
	}
	out[i18n.CatalogueDir+"/ru.json"] = &fstest.MapFile{Data: raw}
	return out
}

// checkScreensFit shows every main screen at 1280×800 in the desk's
// language and checks that it fits (nothing needs more room than the
// window has, no widget lies outside it) and speaks that language: the
// sidebar and the screens' buttons are not the English ones, and every
// tab of the builder is shown, its label whole (with tabsWhole) or at
// least its beginning.
func checkScreensFit(t *testing.T, code string, tabsWhole bool) {
	t.Helper()
	size := fyne.NewSize(1280, 800)
	english := []string{"Accounts", "People", "Team and references", "Agenda", "Proposals", "Library", "Save"}
	if got := lang.L("Accounts"); got == "Accounts" {
		t.Fatalf("the desk is not in %s: Accounts reads %q", code, got)
	}
	// Fyne's own dialogs too (it ships no bg, hu, nb or fil)
	if lang.L("Yes") == "Yes" || lang.X("file.name", "Name") == "Name" || lang.X("monday", "Monday") == "Monday" {
		t.Errorf("Fyne's own texts are English in %s", code)
	}
	d, w, _ := testDesk(t, true)
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{})
	for _, place := range fitPlaces {
		screen, id, _ := strings.Cut(place, "/")
		d.Show(ui.Place{Screen: screen, ID: id})
		w.Resize(size.AddWidthHeight(1, 1))
		w.Resize(size)
		if got, need := w.Canvas().Size(), w.Content().MinSize(); got.Width > size.Width+0.5 || got.Height > size.Height+0.5 ||
			need.Width > size.Width+0.5 || need.Height > size.Height+0.5 {
			t.Errorf("%v: the window grew to %v (the screen needs %v)", place, got, need)
			continue
		}
		for _, out := range outside(w.Content(), size) {
			t.Errorf("%v: %s", place, out)
		}
		texts := shownTexts(w.Content())
		for _, e := range english {
			if texts[e] {
				t.Errorf("%v: %q is shown in English", place, e)
			}
		}
		if screen == "proposal" {
			for _, tab := range builderTabLabels {
				if label := lang.L(tab); !texts[label] && (tabsWhole || !shownCut(texts, label)) {
					t.Errorf("%v: the tab %q is not shown", place, label)
				}
			}
		}
	}
}

// shownCut reports whether texts hold the beginning of label, cut with an
// ellipsis.
func shownCut(texts map[string]bool, label string) bool {
	for text := range texts {
		if start, ok := strings.CutSuffix(text, "…"); ok && start != "" && strings.HasPrefix(label, start) {
			return true
		}
	}
	return false
}

// TestChooseTheDesksLanguage: File → Language… keeps the language chosen
// (by its own name) for the next start, says so, and "The system's
// language" clears the choice.
func TestChooseTheDesksLanguage(t *testing.T) {
	d, w, _ := testDesk(t, true)
	d.prefs = fyne.CurrentApp().Preferences()
	d.onLanguage()
	top := w.Canvas().Overlays().Top()
	radio := findRadio(top)
	if radio == nil {
		t.Fatal("the Language dialog has no choice of languages")
	}
	if want := []string{"The system's language", "English", "Русский", "Български", "Magyar", "Norsk bokmål", "Filipino"}; !slices.Equal(radio.Options, want) {
		t.Errorf("languages offered %q, want %q", radio.Options, want)
	}
	radio.SetSelected("Русский")
	test.Tap(uitest.Button(t, top, "Save"))
	if got := d.prefs.String(LanguagePreference); got != "ru" {
		t.Errorf("the preference is %q, want ru", got)
	}
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "kamdesk will be in Русский the next time it starts") {
		t.Errorf("the desk does not say when the language applies: %q", got)
	}
	d.chooseLanguage("", "The system's language")
	if got := d.prefs.String(LanguagePreference); got != "" {
		t.Errorf("the system's language left %q", got)
	}
}

func findRadio(o fyne.CanvasObject) *widget.RadioGroup {
	switch o := o.(type) {
	case *widget.RadioGroup:
		return o
	case *fyne.Container:
		for _, c := range o.Objects {
			if r := findRadio(c); r != nil {
				return r
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			if r := findRadio(c); r != nil {
				return r
			}
		}
	}
	return nil
}
