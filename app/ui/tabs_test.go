package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// counted returns a content that counts its refreshes.
func counted(text string) *refreshCounter {
	r := &refreshCounter{}
	r.Text = text
	r.ExtendBaseWidget(r)
	return r
}

// TestTabsLeaveTheirContents: selecting a tab shows its content alone
// and tells OnSelected once; neither that nor refreshing the tabs
// refreshes any tab's content (but for the one shown, which refreshes as
// it is shown), as Fyne's AppTabs does (every tab's, shown
// or not, at each selection and refresh: most of the builder's opening).
// The tabs are drawn as AppTabs draws them: the same size and place for
// the labels, the indicator and the contents.
func TestTabsLeaveTheirContents(t *testing.T) {
	test.NewTempApp(t)
	names := []string{"Sections", "Pricing", "References and team"}
	var ours, fynes []*refreshCounter
	var ourItems, fyneItems []*container.TabItem
	for _, n := range names {
		a, b := counted(n+" content"), counted(n+" content")
		ours, fynes = append(ours, a), append(fynes, b)
		ourItems = append(ourItems, container.NewTabItem(n, a))
		fyneItems = append(fyneItems, container.NewTabItem(n, b))
	}
	tabs, appTabs := NewTabs(ourItems...), container.NewAppTabs(fyneItems...)
	var told []string
	tabs.OnSelected = func(it *container.TabItem) { told = append(told, it.Text) }
	w := test.NewTempWindow(t, container.NewGridWithRows(2, tabs, appTabs))
	w.Resize(fyne.NewSize(800, 600))

	for _, c := range append(ours, fynes...) {
		c.refreshed = 0
	}
	tabs.SelectIndex(2)
	appTabs.SelectIndex(2)
	tabs.SelectIndex(2) // the tab shown already: nothing to do
	tabs.Refresh()
	appTabs.Refresh()
	for i, c := range ours {
		if i == 2 && c.refreshed == 1 {
			continue // shown: a widget refreshes as it is shown
		}
		if c.refreshed != 0 {
			t.Errorf("selecting and refreshing the tabs refreshed the content of %q %d times", names[i], c.refreshed)
		}
		if c.Visible() != (i == 2) {
			t.Errorf("the content of %q is shown: %v", names[i], c.Visible())
		}
	}
	if fynes[0].refreshed == 0 {
		t.Error("Fyne's AppTabs no longer refresh hidden contents: Tabs may not be needed")
	}
	if strings.Join(told, ",") != "References and team" {
		t.Errorf("OnSelected was told %q", told)
	}
	if tabs.Selected() != ourItems[2] || tabs.SelectedIndex() != 2 {
		t.Errorf("selected: %v", tabs.SelectedIndex())
	}
	if ours[2].Position() != fynes[2].Position() || ours[2].Size() != fynes[2].Size() {
		t.Errorf("the content sits at %v, %v; in AppTabs at %v, %v", ours[2].Position(), ours[2].Size(),
			fynes[2].Position(), fynes[2].Size())
	}
	if tabs.MinSize() != appTabs.MinSize() {
		t.Errorf("the tabs' least size %v differs from AppTabs' %v", tabs.MinSize(), appTabs.MinSize())
	}

	// A tap on a tab selects it.
	test.Tap(tabs.buttons[0])
	if tabs.SelectedIndex() != 0 || !ours[0].Visible() || ours[2].Visible() {
		t.Errorf("after a tap on the first tab: selected %d", tabs.SelectedIndex())
	}
}

// TestTabsCutLongLabels: tabs that do not fit the width cut the longest
// labels with an ellipsis, the short ones whole; every tab stays in view
// inside the width, and the tabs never make the window wider than one
// tab's ellipsis.
func TestTabsCutLongLabels(t *testing.T) {
	test.NewTempApp(t)
	names := []string{"Sections", "Pricing", "A financial result of quite some length", "References and the whole team"}
	var items []*container.TabItem
	for _, n := range names {
		items = append(items, container.NewTabItem(n, counted("")))
	}
	tabs := NewTabs(items...)
	w := test.NewTempWindow(t, tabs)
	w.Resize(fyne.NewSize(420, 300))
	var shown []string
	right := float32(0)
	for _, b := range tabs.buttons {
		for _, o := range test.WidgetRenderer(b).Objects() {
			if txt, ok := o.(*canvas.Text); ok {
				shown = append(shown, txt.Text)
			}
		}
		right = max(right, b.Position().X+b.Size().Width)
	}
	if shown[0] != "Sections" || shown[1] != "Pricing" {
		t.Errorf("the short labels were cut: %q", shown)
	}
	for i := 2; i < 4; i++ {
		if !strings.HasSuffix(shown[i], "…") || !strings.HasPrefix(names[i], strings.TrimSuffix(shown[i], "…")) {
			t.Errorf("the long label %q shows as %q", names[i], shown[i])
		}
	}
	if right > tabs.Size().Width {
		t.Errorf("the tabs end at %v, past the width %v", right, tabs.Size().Width)
	}
	if min := tabs.MinSize().Width; min > 120 {
		t.Errorf("the tabs need %v pixels", min)
	}
}

func TestFitWidths(t *testing.T) {
	for _, c := range []struct {
		widths []float32
		room   float32
		want   float32
	}{
		{[]float32{10, 20, 30}, 60, -1},   // they fit
		{[]float32{10, 20, 30}, 50, 20},   // 10 + 20 + 20
		{[]float32{10, 20, 30}, 45, 17.5}, // 10 + 17.5 + 17.5
		{[]float32{10, 20, 30}, 15, 5},    // all capped
		{[]float32{10, 20, 30}, 0, 0},
	} {
		if got := fitWidths(c.widths, c.room); got != c.want {
			t.Errorf("fitWidths(%v, %v) = %v, want %v", c.widths, c.room, got, c.want)
		}
	}
}
