package app

import (
	"fyne.io/fyne/v2/lang"

	"kamdesk/assets"
)

// LoadTranslations adds kamdesk's translation catalogues (assets/
// translations/*.json) to Fyne's. English source strings are the keys; the
// English catalogue carries the plural forms.
func LoadTranslations() error {
	return lang.AddTranslationsFS(assets.Translations, "translations")
}
