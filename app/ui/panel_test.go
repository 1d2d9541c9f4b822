package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestIconColouredOnce: an icon is coloured once per colour (the same
// bytes at every refresh, where a themed resource colours its SVG again
// each time), in the theme's colour of the moment, under a name that
// says the colour (Fyne keeps an SVG's pixels by name).
func TestIconColouredOnce(t *testing.T) {
	a := test.NewTempApp(t)
	icon := Icon(theme.MoveUpIcon())
	first, again := icon.Content(), icon.Content()
	if &first[0] != &again[0] {
		t.Error("the icon was coloured again at its second use")
	}
	hex := func(c color.Color) string {
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
	}
	dark := hex(theme.Color(theme.ColorNameForeground))
	if !bytes.Contains(bytes.ToLower(first), []byte(dark)) {
		t.Errorf("the icon is not in the text's colour %s:\n%s", dark, first)
	}
	warn := IconIn(theme.WarningIcon(), theme.ColorNameWarning)
	if w := hex(theme.Color(theme.ColorNameWarning)); !bytes.Contains(bytes.ToLower(warn.Content()), []byte(w)) {
		t.Errorf("the warning icon is not in the warning colour %s", w)
	}

	name := icon.Name()
	a.Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	light := hex(theme.Color(theme.ColorNameForeground))
	if light == dark {
		t.Fatal("the test's themes have one text colour")
	}
	if icon.Name() == name {
		t.Error("the icon kept its name in another colour: Fyne would draw the pixels of the old one")
	}
	if !bytes.Contains(bytes.ToLower(icon.Content()), []byte(light)) {
		t.Errorf("after the change of theme the icon is not in the text's colour %s", light)
	}
}

// lightTheme is a theme always in its light variant.
type lightTheme struct{ fyne.Theme }

func (l lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

// refreshCounter is a widget that counts its refreshes.
type refreshCounter struct {
	widget.Label
	refreshed int
}

func (r *refreshCounter) Refresh() {
	r.refreshed++
	r.Label.Refresh()
}

// TestPanelLeavesItsContent: a panel made, laid out and refreshed does
// not refresh its content, as Fyne's Card does (which refreshed every
// button and text of the builder's blocks once more than needed), and is
// as big as a card around the same content.
func TestPanelLeavesItsContent(t *testing.T) {
	test.NewTempApp(t)
	newContent := func() *refreshCounter {
		r := &refreshCounter{}
		r.Text = "A section"
		r.ExtendBaseWidget(r)
		return r
	}
	inPanel, inCard := newContent(), newContent()
	p, c := NewPanel(inPanel), widget.NewCard("", "", inCard)
	w := test.NewTempWindow(t, container.NewVBox(p, c))
	w.Resize(fyne.NewSize(400, 300))
	inPanel.refreshed, inCard.refreshed = 0, 0
	p.Refresh()
	c.Refresh()
	if inPanel.refreshed != 0 {
		t.Errorf("refreshing the panel refreshed its content %d times", inPanel.refreshed)
	}
	if inCard.refreshed == 0 {
		t.Error("Fyne's card no longer refreshes its content: the panel may not be needed")
	}
	if p.MinSize() != c.MinSize() {
		t.Errorf("the panel's least size %v differs from a card's %v", p.MinSize(), c.MinSize())
	}
	if inPanel.Size() != inCard.Size() || inPanel.Position() != inCard.Position() {
		t.Errorf("the content sits at %v, %v in the panel and at %v, %v in a card",
			inPanel.Position(), inPanel.Size(), inCard.Position(), inCard.Size())
	}
}
