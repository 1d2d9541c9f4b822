package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// fitPlaces are the desk's main screens, the builder on each of its tabs.
var fitPlaces = []string{"accounts", "account/northbridge", "account-edit/northbridge",
	"person/northbridge-david-okafor", "people", "team", "company", "agenda", "proposals", "library", "library/cover-letter",
	"proposal/prop-northbridge-modular-controls:sections", "proposal/prop-northbridge-modular-controls:pricing",
	"proposal/prop-northbridge-modular-controls:financial", "proposal/prop-northbridge-modular-controls:people",
	"proposal/prop-northbridge-modular-controls:validity", "proposal/prop-northbridge-modular-controls:audiences",
	"proposal/prop-northbridge-modular-controls:readiness", "proposal/prop-northbridge-modular-controls:follow-up"}

// TestEveryScreenFitsTheWindow: on a 13-inch laptop (1024×700) and on a
// large monitor (1920×1080) every main screen fits the window: nothing
// needs more room than the window has, and no widget lies outside it
// (what a scroll holds may, the scroll clips it).
func TestEveryScreenFitsTheWindow(t *testing.T) {
	d, w, _ := testDesk(t, true)
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{}) // the sizes of the real window, not of Fyne's test theme
	for _, size := range []fyne.Size{fyne.NewSize(1024, 700), fyne.NewSize(1920, 1080)} {
		for _, place := range fitPlaces {
			screen, id, _ := strings.Cut(place, "/")
			d.Show(ui.Place{Screen: screen, ID: id})
			w.Resize(size.AddWidthHeight(1, 1)) // lays the screen out afresh, as the window does when minimum sizes change
			w.Resize(size)
			// A real window grows to its content's minimum size; the test
			// driver's does not, so both are checked.
			if got, need := w.Canvas().Size(), w.Content().MinSize(); got.Width > size.Width+0.5 || got.Height > size.Height+0.5 ||
				need.Width > size.Width+0.5 || need.Height > size.Height+0.5 {
				t.Errorf("%v at %v: the window grew to %v (the screen needs %v)", place, size, got, need)
				continue
			}
			for _, out := range outside(w.Content(), size) {
				t.Errorf("%v at %v: %s", place, size, out)
			}
			if screen == "proposal" {
				texts := shownTexts(w.Content())
				for _, tab := range builderTabLabels {
					if !texts[tab] {
						t.Errorf("%v at %v: the tab %q is not shown whole", place, size, tab)
					}
				}
			}
		}
	}
}

// builderTabLabels are the builder's tabs, each of which must be in view.
var builderTabLabels = []string{"Sections", "Pricing", "Financial result", "References and team", "Validity",
	"Preview", "Readiness", "Follow-up"}

// shownTexts are the texts drawn under o, hidden objects left out.
func shownTexts(o fyne.CanvasObject) map[string]bool { return textsUnder(o, false) }

// textsUnder are the texts drawn under o, hidden objects left out, and
// what editable fields hold too unless read (only what the user reads).
func textsUnder(o fyne.CanvasObject, read bool) map[string]bool {
	out := map[string]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if _, editable := o.(interface{ TypedRune(rune) }); editable && read {
			return
		}
		switch o := o.(type) {
		case *canvas.Text:
			out[o.Text] = true
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// outside lists the shown objects under o that reach beyond a window of
// size, not counting what scrolls clip.
func outside(o fyne.CanvasObject, size fyne.Size) []string {
	var out []string
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		s := o.Size()
		if t, ok := o.(*canvas.Text); ok && t.Alignment == fyne.TextAlignLeading {
			s.Width = min(s.Width, t.MinSize().Width) // its box may run on past the glyphs
		}
		if s.Width > 0 && s.Height > 0 && (pos.X < -0.5 || pos.Y < -0.5 || pos.X+s.Width > size.Width+0.5 || pos.Y+s.Height > size.Height+0.5) {
			out = append(out, fmt.Sprintf("%s at %v, %v reaches outside", describe(o), pos, s))
			return
		}
		if sc, ok := o.(*container.Scroll); ok {
			if sc.Direction == container.ScrollVerticalOnly || sc.Direction == container.ScrollNone {
				return // it clips what it holds, and never needs scrolling sideways
			}
			if need := sc.Content.MinSize().Width; need > s.Width+0.5 {
				out = append(out, fmt.Sprintf("%s holds %v pixels of width in %v: it scrolls sideways", describe(sc.Content), need, s.Width))
			}
			return
		}
		if strings.HasSuffix(fmt.Sprintf("%T", o), ".Scroll") {
			return // a list's or a table's own scroll
		}
		if _, ok := o.(interface{ ScrollToTop() }); ok {
			return // a list or a table: it scrolls
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, pos)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c, pos)
			}
		}
	}
	walk(o, fyne.Position{})
	return out
}

func describe(o fyne.CanvasObject) string {
	switch o := o.(type) {
	case *widget.Label:
		return fmt.Sprintf("label %q", o.Text)
	case *widget.Button:
		return fmt.Sprintf("button %q", o.Text)
	case *widget.RichText:
		return "rich text"
	}
	return fmt.Sprintf("%T", o)
}

// TestTablesFillWideWindows: at 1920 pixels the accounts, people and
// proposals tables use the width: their columns end near the table's right
// edge instead of leaving hundreds of pixels empty; at 1024 they keep
// their widths and scroll.
func TestTablesFillWideWindows(t *testing.T) {
	d, w, _ := testDesk(t, true)
	for _, screen := range []string{"accounts", "people", "proposals"} {
		d.Show(ui.Place{Screen: screen})
		for _, width := range []float32{1920, 1024} {
			w.Resize(fyne.NewSize(width, 1000))
			table, right := tableColumnsEnd(t, w.Content())
			empty := table.Size().Width - right
			if width == 1920 && empty > 40 {
				t.Errorf("%s at %v: the columns end %v pixels before the table's edge", screen, width, empty)
			}
			if empty < 0 && width == 1920 {
				t.Errorf("%s at %v: the columns run %v pixels past the table", screen, width, -empty)
			}
		}
	}
}

// tableColumnsEnd finds the table on screen and where its last header
// cell ends, from the table's left edge.
func tableColumnsEnd(t *testing.T, root fyne.CanvasObject) (fyne.CanvasObject, float32) {
	t.Helper()
	for _, o := range test.LaidOutObjects(root) {
		tab, ok := o.(interface {
			fyne.Widget
			OnSort(col int) // a ui.SortTable
		})
		if !ok {
			continue
		}
		var right float32
		for _, c := range test.LaidOutObjects(tab) {
			if b, ok := c.(*widget.Button); ok && b.Visible() {
				right = max(right, b.Position().X+b.Size().Width)
			}
		}
		return tab, right
	}
	t.Fatal("no table on screen")
	return nil, 0
}

// TestBuilderTextAtReadableMeasure: on a 1920-pixel monitor the builder's
// blocks and the preview's page are no wider than about 90 characters of
// text, not lines the whole width of the screen; at 1024 they use the
// width there is.
func TestBuilderTextAtReadableMeasure(t *testing.T) {
	d, w, _ := testDesk(t, true)
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{})
	measure := ui.ReadableWidth()
	chars := measure / fyne.MeasureText("a quick br", theme.TextSize(), fyne.TextStyle{}).Width * 10
	if chars < 85 || chars > 100 {
		t.Fatalf("the readable measure is %v pixels, about %.0f characters", measure, chars)
	}
	for _, tab := range []string{"sections", "audiences"} {
		d.Show(ui.Place{Screen: "proposal", ID: "prop-northbridge-modular-controls:" + tab})
		for _, width := range []float32{1920, 1024} {
			w.Resize(fyne.NewSize(width+1, 1000))
			w.Resize(fyne.NewSize(width, 1000))
			widest := float32(0)
			for _, o := range test.LaidOutObjects(w.Content()) {
				if l, ok := o.(*ui.WrapLabel); ok && l.Visible() && strings.Contains(l.FullText(), " ") {
					widest = max(widest, l.Size().Width)
				}
				if r, ok := o.(*widget.RichText); ok && r.Visible() && len(r.String()) > 200 {
					widest = max(widest, r.Size().Width)
				}
			}
			switch {
			case width == 1920 && widest > measure+1:
				t.Errorf("%s at %v: text %v pixels wide, want at most %v (about 90 characters)", tab, width, widest, measure)
			case width == 1024 && widest < 500:
				t.Errorf("%s at %v: text only %v pixels wide", tab, width, widest)
			}
		}
	}
}

// TestDatesWrittenOneWay: every main screen writes its dates one way,
// "17 Jan 2027" (with the weekday where one is shown), never as
// YYYY-MM-DD, the form dates are typed in. Left out: fields being edited,
// and the Sections and Preview tabs' proposal text, whose dates are the
// document's (what {{valid_until}} becomes), not the desk's.
func TestDatesWrittenOneWay(t *testing.T) {
	d, w, _ := testDesk(t, true)
	w.Resize(fyne.NewSize(1920, 1080))
	iso := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	places := append(slices.Clone(fitPlaces), "person/northbridge-anna-keller", "account/castellan",
		"proposal/prop-castellan-calm-rollout:follow-up", "proposal/prop-castellan-calm-rollout:validity")
	for _, place := range places {
		if strings.HasSuffix(place, ":audiences") || strings.HasSuffix(place, ":sections") {
			continue
		}
		screen, id, _ := strings.Cut(place, "/")
		d.Show(ui.Place{Screen: screen, ID: id})
		seen := 0
		for text := range readTexts(w.Content()) {
			if iso.MatchString(text) {
				t.Errorf("%s writes a date as YYYY-MM-DD: %q", place, text)
			}
			seen++
		}
		if seen == 0 {
			t.Errorf("%s shows no text", place)
		}
	}
	if got := ui.DateText(dossier.MustDate("2027-01-17")); got != "17 Jan 2027" {
		t.Errorf("DateText = %q", got)
	}
	if got := ui.WeekdayDate(dossier.MustDate("2026-12-02")); got != "Wed 2 Dec 2026" {
		t.Errorf("WeekdayDate = %q", got)
	}
}

// readTexts are the texts shown under o that the user reads, not the ones
// being typed: what an editable field holds is left out.
func readTexts(o fyne.CanvasObject) map[string]bool { return textsUnder(o, true) }

// TestEveryWidgetIsTheOneShown: every widget on every main screen is the
// widget Fyne asks for its settings and redraws. A theme set on the
// window's content reaches each of them (a wrapper around a widget drawn
// in its place does not get it: Fyne asks the inner widget, which is not
// in the window; such a drop-down crashed the desktop on Space).
func TestEveryWidgetIsTheOneShown(t *testing.T) {
	d, w, _ := testDesk(t, true)
	w.Resize(fyne.NewSize(1280, 800))
	for _, place := range append(slices.Clone(fitPlaces), "person-edit/northbridge-david-okafor", "account-edit/") {
		screen, id, _ := strings.Cut(place, "/")
		d.Show(ui.Place{Screen: screen, ID: id})
		content := w.Content()
		over := container.NewThemeOverride(content, markerTheme{theme.DefaultTheme()})
		w.SetContent(over)
		checked := 0
		var walk func(o fyne.CanvasObject, inOther bool)
		walk = func(o fyne.CanvasObject, inOther bool) {
			if o == nil {
				return
			}
			if to, ok := o.(*container.ThemeOverride); ok && o != fyne.CanvasObject(over) {
				_, marked := to.Theme.(markerTheme)
				inOther = inOther || !marked // a part with a theme of its own
			}
			if wid, ok := o.(interface{ Theme() fyne.Theme }); ok && !inOther {
				checked++
				if wid.Theme().Size(markerSize) != markerValue {
					t.Errorf("%s: the %T on screen is not the widget Fyne asks (it does not get the window's theme)", place, o)
				}
			}
			switch o := o.(type) {
			case *fyne.Container:
				for _, c := range o.Objects {
					walk(c, inOther)
				}
			case fyne.Widget:
				for _, c := range test.WidgetRenderer(o).Objects() {
					walk(c, inOther)
				}
			}
		}
		walk(over, false)
		if checked < 10 {
			t.Errorf("%s: only %d widgets checked", place, checked)
		}
		w.SetContent(content)
	}
}

// markerTheme is the default theme with one size of its own, by which a
// widget shows it got this theme.
type markerTheme struct{ fyne.Theme }

const markerSize, markerValue = fyne.ThemeSizeName("kamdesk-test-marker"), 12345

func (m markerTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == markerSize {
		return markerValue
	}
	return m.Theme.Size(n)
}
