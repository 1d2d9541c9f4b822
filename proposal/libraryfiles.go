// Section libraries on disk: the folder of section files, and the file
// name each section is exported to.

package proposal

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"

	"kamdesk/dossier"
)

// SectionFileName is the file a section is exported to: "<id>.md", or a
// name made from the title when the ID is missing or unusable. The name
// never contains a path separator, and is never one that
// ParseLibraryDir would pass over or Windows refuses: a section "readme"
// goes to "_readme.md", one "con" to "_con.md". The "_" cannot start an
// ID, so these names never meet another section's.
func SectionFileName(s Section) string {
	name := "section.md"
	if dossier.ValidID(s.ID) {
		name = s.ID + ".md"
	} else if n := dossier.Slug(s.Title, 64); n != "" {
		name = n + ".md"
	}
	if isReadme(name) {
		return "_" + name
	}
	return dossier.SafeFileName(name) // "con.md" becomes "_con.md"
}

func isReadme(name string) bool { return strings.EqualFold(name, "README.md") }

// ParseLibraryDir reads every section file (*.md) in fsys and its
// subdirectories, skipping directories and files whose names start with a
// dot, and README.md files that are not section files: a folder's README
// describes the library, but a section exported as readme.md (before
// SectionFileName avoided the name) is read. It reports every problem at
// once, joined as *FileError values, and returns no sections when any
// file is bad, so a library is never half imported. A file without an id gets one made from
// its name ("Exec Summary.md" gives exec-summary); two files with the same
// ID are an error naming both. Sections come in file path order.
func ParseLibraryDir(fsys fs.FS) ([]Section, error) {
	var (
		out   []Section
		errs  []error
		files int
	)
	type origin struct {
		file string
		line int
	}
	byID := map[string]origin{}
	walkErr := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &FileError{File: p, Err: cannotRead(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		base := d.Name()
		if d.IsDir() {
			if p != "." && strings.HasPrefix(base, ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(base, ".") || !strings.EqualFold(path.Ext(base), ".md") {
			return nil
		}
		if t := d.Type(); !t.IsRegular() && t&fs.ModeSymlink == 0 {
			return nil
		}
		files++
		if files > MaxLibraryFiles {
			errs = append(errs, &FileError{File: p, Err: dossier.Err("too many section files (at most {{.Max}})", map[string]any{"Max": MaxLibraryFiles}, nil)})
			return fs.SkipAll
		}
		data, err := ReadSectionFile(fsys, p)
		if isReadme(base) && (err != nil || !isSectionFile(data)) {
			files--
			return nil
		}
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		s, err := ParseSectionFile(p, data)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		line := idLine(data)
		if s.ID == "" {
			s.ID = dossier.Slug(strings.TrimSuffix(base, path.Ext(base)), 64)
			line = 1
			if !dossier.ValidID(s.ID) {
				errs = append(errs, &FileError{File: p, Line: 1, Err: errNoID})
				return nil
			}
		}
		if o, dup := byID[s.ID]; dup {
			errs = append(errs, &FileError{File: p, Line: line, Err: dossier.Err(`id "{{.ID}}" is also used by {{.File}}`, map[string]any{"ID": s.ID, "File": o.file}, nil)})
			return nil
		}
		byID[s.ID] = origin{p, line}
		out = append(out, s)
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &FileError{File: ".", Err: cannotRead(walkErr)})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// ReadSectionFile reads the file name of fsys for ParseSectionFile: a
// regular file (a link is followed) of at most MaxSectionFile bytes.
// Problems come back as a *FileError.
func ReadSectionFile(fsys fs.FS, name string) ([]byte, error) {
	info, err := fs.Stat(fsys, name) // follows links without opening devices or pipes
	if err != nil {
		return nil, &FileError{File: name, Err: cannotRead(err)}
	}
	if !info.Mode().IsRegular() {
		return nil, &FileError{File: name, Err: errors.New("is not a regular file")}
	}
	if info.Size() > MaxSectionFile {
		return nil, &FileError{File: name, Err: dossier.Err("the file is too large ({{.Size}} bytes, at most {{.Max}})", map[string]any{"Size": info.Size(), "Max": MaxSectionFile}, nil)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &FileError{File: name, Err: cannotRead(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSectionFile+1))
	if err != nil {
		return nil, &FileError{File: name, Err: cannotRead(err)}
	}
	if len(data) > MaxSectionFile {
		return nil, &FileError{File: name, Err: dossier.Err("the file is too large (more than {{.Max}} bytes)", map[string]any{"Max": MaxSectionFile}, nil)}
	}
	return data, nil
}

// idLine is the line of the id key in a section file that parsed, or 1.
func idLine(data []byte) int {
	for i, l := range strings.Split(string(data), "\n") {
		if i > 0 && strings.TrimRightFunc(l, unicode.IsSpace) == fence {
			break
		}
		if k, _, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "id") {
			return i + 1
		}
	}
	return 1
}

func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// cannotRead is the problem of a file that cannot be read, with the
// system's reason (words only: it matches no sentinel of the file
// system, as a FileError never did).
func cannotRead(err error) error {
	return dossier.Err("cannot be read", nil, reason(unwrapPathError(err)))
}

// errNoID is the problem of a section file without an id whose name
// gives none.
var errNoID = errors.New(`no id, and none can be made from the file name: add an "id:" line to the header`)

// isSectionFile reports whether data looks like a section file: a "---"
// line, a header of section keys only, and a closing "---" line. It tells
// a section saved as README.md from the README of a library folder.
func isSectionFile(data []byte) bool {
	lines := strings.Split(strings.TrimPrefix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\uFEFF"), "\n")
	if strings.TrimRightFunc(lines[0], unicode.IsSpace) != fence {
		return false
	}
	for _, l := range lines[1:] {
		raw := strings.TrimSpace(l)
		switch {
		case raw == fence:
			return true
		case raw == "" || strings.HasPrefix(raw, "#"):
			continue
		}
		k, _, ok := strings.Cut(raw, ":")
		if !ok || !slices.Contains(headerKeys, strings.ToLower(strings.TrimSpace(k))) {
			return false
		}
	}
	return false
}
