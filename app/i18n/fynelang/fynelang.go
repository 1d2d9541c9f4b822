// Package fynelang loads kamdesk's catalogues (package i18n) into Fyne's
// translation engine, fyne.io/fyne/v2/lang, which the desktop's lang.L and
// lang.N read. It is the one part of the catalogue that imports Fyne, so
// that the command line, which imports i18n, need not.
package fynelang

import (
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app/i18n"
)

// Load adds the catalogue of the user's language (i18n.Current) and the
// English one to Fyne's: the others would be read for nothing (each is
// parsed whole as it is added). English source strings are the keys; the
// English catalogue carries the plural forms. It first makes a "C.UTF-8"
// locale read as English (i18n.PlainLocale), for which Fyne would log an
// error.
func Load() error {
	i18n.PlainLocale()
	entries, err := fs.ReadDir(i18n.Catalogues, i18n.CatalogueDir)
	if err != nil {
		return err
	}
	var first error
	for _, f := range entries {
		if f.Name() != "en.json" && f.Name() != i18n.Current()+".json" {
			continue
		}
		data, err := fs.ReadFile(i18n.Catalogues, i18n.CatalogueDir+"/"+f.Name())
		if err == nil {
			err = lang.AddTranslations(fyne.NewStaticResource(f.Name(), data))
		}
		if err != nil && first == nil {
			first = err
		}
	}
	return first
}
