package accounts

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chartView is the org chart in its pane: zoomed to fit the pane (never
// below minZoom), so that a group of seven or more is seen whole on a
// laptop; zoomed in or out a step by the − and + buttons, or back to fit;
// scrolled (panned) when bigger than the pane.
type chartView struct {
	chart           *orgChart
	scroll          *container.Scroll
	fit             bool // the zoom follows the pane's size
	pct             *widget.Label
	out, in, fitBtn *widget.Button
	root            fyne.CanvasObject
}

func newChartView(chart *orgChart) *chartView {
	v := &chartView{chart: chart, fit: true}
	v.scroll = container.NewScroll(container.NewPadded(chart))
	v.out = widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { v.step(-1) })
	v.in = widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { v.step(+1) })
	v.fitBtn = widget.NewButtonWithIcon(lang.L("Fit"), theme.ZoomFitIcon(), v.onFit)
	for _, b := range []*widget.Button{v.out, v.in, v.fitBtn} {
		b.Importance = widget.LowImportance
	}
	v.pct = widget.NewLabel("")
	v.showZoom()
	bar := container.NewHBox(v.out, v.pct, v.in, v.fitBtn)
	v.root = container.NewBorder(bar, nil, nil, nil, container.New(fitLayout{v}, v.scroll))
	return v
}

// step zooms a step out (-1) or in (+1); the zoom no longer follows the
// pane.
func (v *chartView) step(dir int) {
	v.fit = false
	z := v.chart.zoom
	next := z
	for _, s := range zoomSteps {
		if dir > 0 && s > z+0.001 {
			next = s
			break
		}
		if dir < 0 && s < z-0.001 {
			next = s
		}
	}
	v.chart.setZoom(next)
	v.showZoom()
	v.scroll.Refresh()
}

// onFit zooms the chart to fit its pane, and keeps it fitted.
func (v *chartView) onFit() {
	v.fit = true
	v.fitTo(v.scroll.Size())
	v.scroll.Refresh()
}

// fitTo zooms the chart so that it fits a pane of size, at most to full
// size.
func (v *chartView) fitTo(size fyne.Size) {
	full := v.chart.fullSize()
	if full.Width <= 0 || full.Height <= 0 || size.Width <= 0 || size.Height <= 0 {
		return
	}
	room := size.Subtract(fyne.NewSquareSize(2*theme.Padding() + 2)) // the padding around the chart
	v.chart.setZoom(min(1, room.Width/full.Width, room.Height/full.Height))
	v.showZoom()
}

func (v *chartView) showZoom() {
	v.pct.SetText(fmt.Sprintf("%d%%", int(v.chart.zoom*100+0.5)))
	if v.chart.zoom <= minZoom {
		v.out.Disable()
	} else {
		v.out.Enable()
	}
	if v.chart.zoom >= maxZoom {
		v.in.Disable()
	} else {
		v.in.Enable()
	}
}

// fitLayout gives the scroll the pane, and fits the chart to it while the
// zoom follows the pane.
type fitLayout struct{ v *chartView }

func (l fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (l fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if l.v.fit {
		l.v.fitTo(size)
	}
	objs[0].Resize(size)
}
