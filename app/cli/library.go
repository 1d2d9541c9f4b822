package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"kamdesk/app/i18n"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func init() {
	register(
		command{name: "library list", reads: true, summary: "list the sections of the proposal library", setup: listing[proposal.Section]{
			load:     (*store.Store).Sections,
			empty:    "The section library is empty. Import sections with: kamdesk library import DIR",
			headings: []string{"ID", "TITLE", "KIND", "AUDIENCES", "LANGUAGE"},
			cells: func(s proposal.Section) []string {
				return []string{s.ID, s.Title, tr(s.Kind.Label()), proposal.FormatWeights(s.Audiences), s.Language}
			},
		}.setup},
		command{name: "library import", args: "PATH", summary: "import library sections from a folder of Markdown files, or one file (all or nothing)", setup: libraryImport},
		command{name: "library export", reads: true, args: "DIR", summary: "write every library section to DIR as a Markdown file", setup: libraryExport},
	)
}

func libraryImport(fs *flag.FlagSet) func(*ctx, []string) error {
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "the folder or file to import"); err != nil {
			return err
		}
		path := args[0]
		secs, err := readLibrary(path)
		if fes := proposal.FileErrors(err); len(fes) > 0 {
			for _, fe := range fes {
				fmt.Fprintln(c.Stderr, dossier.OneLine(errorText(fe)))
			}
			return errors.New(i18n.N("nothing imported: fix the {{.Count}} problem above and import again", len(fes), map[string]any{"Count": len(fes)}))
		}
		if err != nil {
			return err
		}
		if len(secs) == 0 {
			return errors.New(i18n.L("no section files (*.md) in {{.Path}}", map[string]any{"Path": path}))
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		added, updated, err := st.ImportSections(secs)
		if err != nil {
			return err
		}
		data := map[string]any{"Count": len(secs), "Added": added, "Updated": updated, "Unchanged": len(secs) - added - updated}
		if len(secs) == added+updated {
			c.printf("%s\n", i18n.N("Imported {{.Count}} section ({{.Added}} new, {{.Updated}} updated)", len(secs), data))
		} else {
			c.printf("%s\n", i18n.N("Imported {{.Count}} section ({{.Added}} new, {{.Updated}} updated, {{.Unchanged}} unchanged)", len(secs), data))
		}
		return nil
	}
}

// readLibrary reads the section files of a folder, or one section file.
// Problems in the files come back as *proposal.FileError values whose
// File is the path as the user would type it.
func readLibrary(path string) ([]proposal.Section, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		secs, err := proposal.ParseLibraryDir(os.DirFS(path))
		for _, fe := range proposal.FileErrors(err) {
			fe.File = filepath.Join(path, filepath.FromSlash(fe.File))
		}
		return secs, err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	data, err := proposal.ReadSectionFile(os.DirFS(dir), base)
	if fe, ok := err.(*proposal.FileError); ok {
		fe.File = path
	}
	if err != nil {
		return nil, err
	}
	s, err := proposal.ParseSectionFile(path, data)
	if err != nil {
		return nil, err
	}
	if s.ID == "" {
		s.ID = dossier.Slug(strings.TrimSuffix(base, filepath.Ext(base)), 64)
		if !dossier.ValidID(s.ID) {
			return nil, &proposal.FileError{File: path, Line: 1, Err: errors.New(`no id, and none can be made from the file name: add an "id:" line to the header`)}
		}
	}
	return []proposal.Section{s}, nil
}

func libraryExport(fs *flag.FlagSet) func(*ctx, []string) error {
	force := fs.Bool("force", false, "replace section files that exist in the folder")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "the folder to write to"); err != nil {
			return err
		}
		dir := args[0]
		st, err := c.store()
		if err != nil {
			return err
		}
		secs, err := st.Sections()
		if err != nil {
			return err
		}
		if len(secs) == 0 {
			c.printf("%s\n", i18n.L("The section library is empty; nothing to export."))
			return nil
		}
		files, err := export.Library(dir, secs, *force)
		for _, p := range files {
			c.printf("%s\n", p)
		}
		if msg := existsMessage(err); msg != "" {
			return errors.New(msg)
		}
		if err != nil {
			return err
		}
		c.printf("%s\n", i18n.N("Exported {{.Count}} section to {{.Dir}}", len(secs), map[string]any{"Count": len(secs), "Dir": dir}))
		return nil
	}
}
