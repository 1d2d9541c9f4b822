package ui

import (
	"fmt"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Icon returns the icon res in the text's colour, coloured once per
// colour instead of at every refresh. Fyne's canvas.Image colours a
// themed SVG icon each time it is refreshed (a ThemedResource's Content
// parses and rewrites the SVG, and the image colours that again), and a
// button refreshes its icon three or four times as it is made and laid
// out: in the builder with its rows of buttons that was a fifth of the
// UI goroutine's time. The colour follows the theme: Name and Content
// are worked out from the theme of the moment, so a change of theme
// (Fyne refreshes every object then) draws the icon in the new colour.
//
// The icon is not a fyne.ThemedResource, so a button does not colour it
// for its importance: use it on buttons of low or medium importance, and
// the theme's own icon on the others (a disabled button still greys it).
func Icon(res fyne.Resource) fyne.Resource { return IconIn(res, theme.ColorNameForeground) }

// IconIn is Icon in the theme's colour c (theme.ColorNameWarning, …).
func IconIn(res fyne.Resource, c fyne.ThemeColorName) fyne.Resource {
	return &colouredIcon{src: res, colour: c}
}

type colouredIcon struct {
	src    fyne.Resource
	colour fyne.ThemeColorName
}

func (i *colouredIcon) Name() string    { return i.drawn().name }
func (i *colouredIcon) Content() []byte { return i.drawn().content }

// drawnIcon is an icon's SVG in one colour; its name says the colour,
// since Fyne keeps an SVG's pixels by the resource's name.
type drawnIcon struct {
	name    string
	content []byte
}

type iconKey struct {
	src    string
	colour color.NRGBA
}

// drawnIcons holds every icon drawn, by source and colour: a few dozen
// icons in two or three colours each.
var drawnIcons sync.Map // iconKey → *drawnIcon

func (i *colouredIcon) drawn() *drawnIcon {
	c := color.NRGBAModel.Convert(theme.Color(i.colour)).(color.NRGBA)
	key := iconKey{i.src.Name(), c}
	if d, ok := drawnIcons.Load(key); ok {
		return d.(*drawnIcon)
	}
	d := &drawnIcon{
		name:    fmt.Sprintf("kamdesk_%02x%02x%02x%02x_%s", c.R, c.G, c.B, c.A, key.src),
		content: theme.NewColoredResource(i.src, i.colour).Content(),
	}
	got, _ := drawnIcons.LoadOrStore(key, d)
	return got.(*drawnIcon)
}
