package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// AskSavePath asks where to save a file, name suggested (of the
// extensions given, when any), and calls save with the path chosen. The
// empty file Fyne's dialog leaves there is closed first: save replaces
// it (the dialog asked before replacing one). Cancelled, it does
// nothing; an error of the dialog is shown.
func AskSavePath(h Host, name string, exts []string, save func(path string)) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			h.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		save(path)
	}, h.Window())
	fd.SetFileName(name)
	if len(exts) > 0 {
		fd.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	fd.Show()
}

// AskOpenPath asks for a file to open, of the extensions given (any when
// none), and calls open with its path. Cancelled, it does nothing; an
// error of the dialog is shown.
func AskOpenPath(h Host, exts []string, open func(path string)) {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			h.ShowError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, h.Window())
	if len(exts) > 0 {
		fd.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	fd.Show()
}
