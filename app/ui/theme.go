package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is kamdesk's look: Fyne's default theme with the colours that
// carry text made readable. Every text colour meets WCAG AA (4.5:1) on the
// backgrounds it is drawn on, in the dark and in the light variant
// (TestThemeTextContrast): Fyne's own grey for hints and disabled text
// sits at 1.3-1.7:1, its light placeholder at 3.5:1 and white on its lime
// "success" at 1.4:1.
type Theme struct{}

var _ fyne.Theme = Theme{}

func (Theme) base() fyne.Theme { return theme.DefaultTheme() }

// Color is the default theme's colour, or kamdesk's where that one is too
// faint to read.
func (t Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := readable[v][n]; ok {
		return c
	}
	return t.base().Color(n, v)
}

func rgb(h uint32) color.NRGBA {
	return color.NRGBA{R: uint8(h >> 16), G: uint8(h >> 8), B: uint8(h), A: 0xff}
}

// readable holds the colours kamdesk changes, per variant. The primary
// colour is fixed (not the desktop's choice of accent) so its contrast is
// known: in the dark variant it is a light blue with dark text on it.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantDark: {
		theme.ColorNameDisabled:            rgb(0x9c9ca1),
		theme.ColorNamePrimary:             rgb(0x6ea1ff),
		theme.ColorNameHyperlink:           rgb(0x6ea1ff),
		theme.ColorNameForegroundOnPrimary: rgb(0x101014),
		theme.ColorNamePressed:             color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x40},
		// The hover colour also marks the focused row of a list or a
		// table: Fyne's 6% wash is hardly seen.
		theme.ColorNameHover: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x26},
		// What has the keyboard is washed in a blue that stands out
		// (TestFocusIsSeen); Fyne's 16% wash was hardly seen.
		theme.ColorNameFocus: rgb(0x4169c4),
	},
	theme.VariantLight: {
		theme.ColorNameForeground:          rgb(0x262626),
		theme.ColorNamePlaceHolder:         rgb(0x666666),
		theme.ColorNameDisabled:            rgb(0x5e5e5e),
		theme.ColorNamePrimary:             rgb(0x1a5fd0),
		theme.ColorNameHyperlink:           rgb(0x1a5fd0),
		theme.ColorNameForegroundOnPrimary: rgb(0xffffff),
		theme.ColorNameError:               rgb(0xc62828),
		theme.ColorNameWarning:             rgb(0xa85400),
		theme.ColorNameSuccess:             rgb(0x1b7a33),
		theme.ColorNameHover:               color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0x1f},
		theme.ColorNameFocus:               rgb(0x7c9cda),
	},
}

func (t Theme) Font(s fyne.TextStyle) fyne.Resource { return t.base().Font(s) }

func (t Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t Theme) Size(n fyne.ThemeSizeName) float32 { return t.base().Size(n) }
