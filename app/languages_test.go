package app

import (
	"slices"
	"strings"
	"testing"

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
	size := fyne.NewSize(1280, 800)
	english := []string{"Accounts", "People", "Team and references", "Agenda", "Proposals", "Library", "Save"}
	for _, code := range i18n.Languages {
		if code == "en" {
			continue
		}
		t.Run(code, func(t *testing.T) {
			useLanguage(t, code)
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
						if !texts[lang.L(tab)] {
							t.Errorf("%v: the tab %q is not shown (behind “…”?)", place, lang.L(tab))
						}
					}
				}
			}
		})
	}
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
