package accounts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// openChart opens Northbridge's dossier, with extra people reporting to
// its managing director, in a window of size.
func openChart(t *testing.T, extra int, size fyne.Size) (*dossierScreen, *chartView, fyne.Window) {
	t.Helper()
	d, w, st := openAccounts(t, true)
	for i := 0; i < extra; i++ {
		p := dossier.Person{AccountID: "northbridge", Name: "Invented Person " + string(rune('A'+i)),
			Position: "Site manager", ReportsTo: "northbridge-anna-keller", Level: dossier.Buyer, Type: dossier.Technical}
		if err := st.CreatePerson(&p); err != nil {
			t.Fatal(err)
		}
	}
	w.Resize(size)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	s := d.Current().(*dossierScreen)
	if s.chartView == nil {
		t.Fatal("the dossier shows no org chart")
	}
	w.Resize(size.AddWidthHeight(1, 1)) // laid out at the window's size, as a real window does
	w.Resize(size)
	return s, s.chartView, w
}

// TestOrgChartZoomsToFit: a group of seven at 1024×700 is drawn whole in
// its pane, zoomed out; + and − zoom by steps (and the chart then scrolls
// when bigger than the pane); Fit fits it again.
func TestOrgChartZoomsToFit(t *testing.T) {
	s, v, _ := openChart(t, 1, fyne.NewSize(1024, 700))
	if s.chart.zoom >= 1 {
		t.Fatalf("seven people at 1024 pixels are drawn at %v%%, want zoomed out to fit", s.chart.zoom*100)
	}
	pane := v.scroll.Size()
	if got := s.chart.MinSize(); got.Width > pane.Width || got.Height > pane.Height {
		t.Errorf("the fitted chart needs %v in a pane of %v", got, pane)
	}
	fitted := s.chart.zoom
	test.Tap(v.in)
	if s.chart.zoom <= fitted || v.fit {
		t.Errorf("+ left the zoom at %v (fit %v), want a step in", s.chart.zoom, v.fit)
	}
	for range 8 {
		test.Tap(v.in)
	}
	if s.chart.zoom != maxZoom || !v.in.Disabled() {
		t.Errorf("zooming in stops at %v (+ disabled %v), want %v", s.chart.zoom, v.in.Disabled(), maxZoom)
	}
	if v.pct.Text != "150%" {
		t.Errorf("the zoom shows %q", v.pct.Text)
	}
	test.Tap(v.fitBtn)
	if s.chart.zoom != fitted || !v.fit {
		t.Errorf("Fit gives %v, want %v again", s.chart.zoom, fitted)
	}
	test.Tap(v.out)
	if s.chart.zoom >= fitted {
		t.Errorf("− left the zoom at %v", s.chart.zoom)
	}
}

// TestOrgChartSmallGroupAtFullSize: a group that fits is drawn at full
// size, never enlarged.
func TestOrgChartSmallGroupAtFullSize(t *testing.T) {
	s, v, _ := openChart(t, 0, fyne.NewSize(1920, 1080))
	if s.chart.zoom != 1 || v.pct.Text != "100%" {
		t.Errorf("six people at 1920 pixels are drawn at %v (%s), want 100%%", s.chart.zoom, v.pct.Text)
	}
}

// TestOrgChartHighlightsThePersonShown: tapping a card shows the
// person's dossier and marks their card with a thick accent border; the
// card shown before loses it.
func TestOrgChartHighlightsThePersonShown(t *testing.T) {
	s, _, w := openChart(t, 0, fyne.NewSize(1280, 800))
	card := func(id string) *personCard {
		for _, o := range test.LaidOutObjects(w.Content()) {
			if c, ok := o.(*personCard); ok && c.person.ID == id {
				return c
			}
		}
		t.Fatalf("no card of %s", id)
		return nil
	}
	border := func(id string) float32 {
		return test.WidgetRenderer(card(id)).(*cardRenderer).bg.StrokeWidth
	}
	test.Tap(card("northbridge-david-okafor"))
	if !card("northbridge-david-okafor").selected || border("northbridge-david-okafor") != 4 {
		t.Errorf("David's card is not marked as the person shown (border %v)", border("northbridge-david-okafor"))
	}
	test.Tap(card("northbridge-sophie-marsh"))
	if card("northbridge-david-okafor").selected || border("northbridge-david-okafor") != 2 || border("northbridge-sophie-marsh") != 4 {
		t.Error("the mark did not move from David's card to Sophie's")
	}
	_ = s
}

// TestPersonDossierKeepsAddressesWhole: in the narrow pane of a person's
// dossier (a window 1024 px wide) the e-mail address is all there, broken
// only at its seams, never inside a word; and the pane fits: nothing in
// it (the Edit button, a position, the address) lies beyond the window.
func TestPersonDossierKeepsAddressesWhole(t *testing.T) {
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{}) // the real window's sizes
	defer fyne.CurrentApp().Settings().SetTheme(test.Theme())
	const width = 1024 - 190 // the window less the desk's sidebar
	s, _, w := openChart(t, 0, fyne.NewSize(width, 700))
	for _, p := range s.people {
		if p.ID == "northbridge-david-okafor" {
			s.showPerson(p)
		}
	}
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		l, ok := o.(*ui.AddressLabel)
		if !ok || !strings.Contains(l.FullText(), "@") {
			continue
		}
		found = true
		if strings.ReplaceAll(l.Text, "\n", "") != l.FullText() {
			t.Errorf("the address shows %q, not %q", l.Text, l.FullText())
		}
		for _, line := range strings.Split(l.Text, "\n")[1:] {
			if !strings.HasPrefix(line, "@") && !strings.ContainsAny(l.FullText()[strings.Index(l.FullText(), line)-1:][:1], ".-/ ") {
				t.Errorf("the address %q breaks inside a word: %q", l.FullText(), l.Text)
			}
		}
	}
	d := fyne.CurrentApp().Driver()
	for _, o := range test.LaidOutObjects(s.detail) {
		if !o.Visible() {
			continue
		}
		if right := d.AbsolutePositionForObject(o).X + o.Size().Width; right > width+0.5 {
			t.Errorf("a %T of the person's dossier reaches %v px, beyond the window", o, right)
			break
		}
	}
	if !found {
		t.Fatal("David's dossier shows no e-mail address")
	}
}

// TestOrgChartCardsKeepTheirText: fitted to a narrow pane, each card's
// name and position end inside the card, cut with "…" when they must be
// (they ran past the card's border, over the gap to the next one).
func TestOrgChartCardsKeepTheirText(t *testing.T) {
	fyne.CurrentApp().Settings().SetTheme(ui.Theme{})
	defer fyne.CurrentApp().Settings().SetTheme(test.Theme())
	s, _, _ := openChart(t, 0, fyne.NewSize(1024-190, 700))
	cut := 0
	for _, o := range test.LaidOutObjects(s.chart) {
		card, ok := o.(*personCard)
		if !ok {
			continue
		}
		for _, c := range test.WidgetRenderer(card).Objects() {
			text, ok := c.(*canvas.Text)
			if !ok {
				continue
			}
			if end := text.Position().X + fyne.MeasureText(text.Text, text.TextSize, text.TextStyle).Width; end > card.Size().Width {
				t.Errorf("%s's card: %q ends at %v, past the card's %v", card.person.Name, text.Text, end, card.Size().Width)
			}
			if strings.HasSuffix(text.Text, "…") {
				cut++
			}
		}
	}
	if cut == 0 {
		t.Error("no text was cut: the test does not test a narrow pane")
	}
}
