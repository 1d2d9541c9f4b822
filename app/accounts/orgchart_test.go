package accounts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
// dossier the e-mail address is on one line, never broken mid-word.
func TestPersonDossierKeepsAddressesWhole(t *testing.T) {
	s, _, w := openChart(t, 0, fyne.NewSize(1024, 700))
	for _, p := range s.people {
		if p.ID == "northbridge-david-okafor" {
			s.showPerson(p)
		}
	}
	found := false
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "@") {
			found = true
			if l.Wrapping != fyne.TextWrapOff || l.Truncation != fyne.TextTruncateOff {
				t.Errorf("the address %q wraps (%v) or is cut (%v)", l.Text, l.Wrapping, l.Truncation)
			}
		}
	}
	if !found {
		t.Fatal("David's dossier shows no e-mail address")
	}
}
