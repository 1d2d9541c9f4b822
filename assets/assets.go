// Package assets holds the files kamdesk embeds in its binary: the icon,
// the translations, the sample workspace and the export stylesheet.
package assets

import "embed"

// Icon is the application icon (PNG, 512×512).
//
//go:embed icon.png
var Icon []byte

// Sample is the invented sample workspace loaded by "kamdesk demo" and by
// the first-launch screen.
//
//go:embed sample/workspace.json
var Sample []byte

// Translations holds the translation catalogues, one JSON file per
// language (en.json, ...), in the format of fyne.io/fyne/v2/lang.
//
//go:embed translations/*.json
var Translations embed.FS

// ExportCSS is the stylesheet inlined into every exported HTML proposal:
// screen and print (A4) styles.
//
//go:embed export.css
var ExportCSS string
