package library

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// libraryImport is what importing a folder of section files did.
type libraryImport struct {
	Count, Added, Updated int
}

// importLibrary reads every section file (*.md) in dir and its
// subfolders into the library: all or nothing. Problems in the files come
// back as *proposal.FileError values naming the file and line.
func importLibrary(st libraryStore, dir string) (libraryImport, error) {
	secs, err := proposal.ParseLibraryDir(os.DirFS(dir))
	if err != nil {
		return libraryImport{}, err
	}
	if len(secs) == 0 {
		return libraryImport{}, errors.New(lang.L("There are no section files (*.md) in {{.Path}}.", map[string]any{"Path": dir}))
	}
	added, updated, err := st.ImportSections(secs)
	if err != nil {
		return libraryImport{}, err
	}
	return libraryImport{Count: len(secs), Added: added, Updated: updated}, nil
}

// exportLibrary writes each section of the library to dir as a section
// file, replacing files of the same name only with replace (never a
// folder, device, pipe or socket), and returns the files written.
func exportLibrary(st libraryStore, dir string, replace bool) ([]string, error) {
	secs, err := st.Sections()
	if err != nil {
		return nil, err
	}
	return export.Library(dir, secs, replace)
}

// onImport asks for a folder of section files and imports it.
func (s *libraryScreen) onImport() {
	s.leave(func() {
		dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil {
				s.host.ShowError(err)
				return
			}
			if u != nil {
				s.importFrom(u.Path())
			}
		}, s.host.Window()).Show()
	}, func() {})
}

// importFrom imports the folder dir off the UI goroutine and reports
// what it did.
func (s *libraryScreen) importFrom(dir string) {
	var (
		res libraryImport
		err error
	)
	s.host.Background(func() { res, err = importLibrary(s.st, dir) }, func() {
		if fes := proposal.FileErrors(err); len(fes) > 0 {
			lines := make([]string, len(fes))
			for i, fe := range fes {
				lines[i] = ui.OneLine(ui.ErrorText(fe))
			}
			s.showReport(lang.L("Nothing imported"),
				lang.N("Nothing was imported: fix this problem and import again.", len(fes), map[string]any{"Count": len(fes)}),
				strings.Join(lines, "\n"))
			return
		}
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if err := s.reload(); err != nil {
			s.host.ShowError(err)
		}
		if s.ed.open && !s.ed.fresh {
			if sec, ok := s.section(s.ed.sec.ID); ok {
				s.open(sec, false) // it may have been updated
			}
		}
		dialog.ShowInformation(lang.L("Library imported"),
			lang.L("Imported {{.Count}} sections ({{.Added}} new, {{.Updated}} updated)",
				map[string]any{"Count": res.Count, "Added": res.Added, "Updated": res.Updated}), s.host.Window())
	})
}

// onExport asks for a folder and writes every section to it.
func (s *libraryScreen) onExport() {
	dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if u != nil {
			s.exportTo(u.Path())
		}
	}, s.host.Window()).Show()
}

// exportTo writes the library to dir off the UI goroutine and reports
// what it did. Section files there already are replaced when the user
// says so.
func (s *libraryScreen) exportTo(dir string) { s.exportIn(dir, false) }

func (s *libraryScreen) exportIn(dir string, replace bool) {
	var (
		files []string
		err   error
	)
	s.host.Background(func() { files, err = exportLibrary(s.st, dir, replace) }, func() {
		if exists := (*export.ExistsError)(nil); errors.As(err, &exists) && len(files) == 0 {
			s.host.AskReplace(exists, dir, func() { s.exportIn(dir, true) })
			return
		}
		if err != nil {
			s.host.ShowError(fmt.Errorf("%s %w", lang.N("Exported {{.Count}} section before this problem:", len(files), map[string]any{"Count": len(files)}), err))
			return
		}
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = filepath.Base(f)
		}
		s.showReport(lang.L("Library exported"),
			lang.N("Exported {{.Count}} section to {{.Dir}}", len(files), map[string]any{"Count": len(files), "Dir": dir}),
			strings.Join(names, "\n"))
	})
}

// showReport shows a message with a scrollable list of details.
func (s *libraryScreen) showReport(title, message, details string) {
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	list := widget.NewLabel(details)
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(560, 200))
	d := dialog.NewCustom(title, lang.L("Close"), container.NewBorder(msg, nil, nil, nil, scroll), s.host.Window())
	d.Show()
}
