// Package catalog loads kamdesk's translation catalogues into Fyne's
// translation engine, for the desktop app and the command line alike.
package catalog

import (
	"fyne.io/fyne/v2/lang"

	"kamdesk/assets"
)

// Load adds the catalogues in assets/translations (en.json, ...) to
// Fyne's. English source strings are the keys; the English catalogue
// carries the plural forms.
func Load() error {
	return lang.AddTranslationsFS(assets.Translations, "translations")
}
