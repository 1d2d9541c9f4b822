// Package export writes what kamdesk hands to other people and programs:
// proposal variants as standalone HTML or Markdown files, and the section
// library as Markdown files. The command line and the desktop app share
// it. Every file is written atomically.
package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Formats of an exported proposal.
const (
	HTML     = "html" // one self-contained HTML file
	Markdown = "md"   // the assembled Markdown
)

// Render assembles the variant of p for audience a and renders it as the
// file an export writes: standalone HTML with the export stylesheet, or
// the Markdown itself.
func Render(p *proposal.Proposal, ctx *proposal.Context, a proposal.Audience, format string, now time.Time) ([]byte, error) {
	v, err := proposal.Assemble(p, ctx, a)
	if err != nil {
		return nil, fmt.Errorf("the %s variant: %w", strings.ToLower(a.Label()), err)
	}
	if format == Markdown {
		return []byte(v.Markdown), nil
	}
	return proposal.RenderHTML(proposal.Document{
		Title:     p.Title,
		Subtitle:  a.Label() + " variant — " + ctx.Account.Name,
		Language:  p.Language,
		Markdown:  v.Markdown,
		Generated: now,
	}, assets.ExportCSS)
}

// Snapshot renders what a sending of p hands to the client: for each
// audience, the Markdown and the standalone HTML file with the name an
// export gives it, and the people the variant is addressed to. The store
// fills in the rest when it records the sending (store.SendProposal).
func Snapshot(p *proposal.Proposal, ctx *proposal.Context, audiences []proposal.Audience) (*proposal.Snapshot, error) {
	now := time.Now()
	snap := &proposal.Snapshot{}
	for _, a := range audiences {
		if !slices.Contains(proposal.Variants, a) {
			return nil, fmt.Errorf("%q is not an audience: %w", a, proposal.ErrInvalid)
		}
		md, err := Render(p, ctx, a, Markdown, now)
		if err != nil {
			return nil, err
		}
		html, err := Render(p, ctx, a, HTML, now)
		if err != nil {
			return nil, err
		}
		f := proposal.SentFile{Audience: a, Markdown: string(md), HTML: html,
			Name: proposal.ExportFileName(ctx.Account.Name, p.Title, p.Rev(), a, HTML)}
		for _, person := range ctx.Addressees(a) {
			f.People = append(f.People, person.Name)
		}
		snap.Files = append(snap.Files, f)
	}
	return snap, nil
}

// SentEvent is how a sending of p on day on reads on the account's
// timeline (in the user's language: the timeline is the user's record).
func SentEvent(p *proposal.Proposal, on dossier.Date) dossier.Event {
	title := []rune(strings.Join(strings.Fields(p.Title), " "))
	if len(title) > 80 {
		title = append(title[:79], '…')
	}
	data := map[string]any{"Title": string(title), "Revision": p.Rev()}
	text := lang.L("Proposal “{{.Title}}” sent", data)
	if p.Rev() > 1 {
		text = lang.L("Proposal “{{.Title}}” sent (revision {{.Revision}})", data)
	}
	return dossier.Event{Kind: dossier.EventLetter, Date: on, Title: text}
}

// Proposal writes the variant of p for audience a to dest in format, and
// records each file written in p.Exports (the caller saves p). With
// proposal.All, or when dest is an existing folder, dest is a folder (made
// if missing) that receives one file per variant — for All the four
// audiences and the whole group — named by proposal.ExportFileName.
// It returns the absolute paths written.
func Proposal(p *proposal.Proposal, ctx *proposal.Context, a proposal.Audience, format, dest string, now time.Time) ([]string, error) {
	if format != HTML && format != Markdown {
		return nil, fmt.Errorf("export: %q is not html or md: %w", format, proposal.ErrInvalid)
	}
	if !slices.Contains(proposal.Variants, a) {
		return nil, fmt.Errorf("export: %q is not an audience: %w", a, proposal.ErrInvalid)
	}
	variants := []proposal.Audience{a}
	isDir := a == proposal.All
	if a == proposal.All {
		variants = proposal.Variants
	} else if info, err := os.Stat(dest); err == nil && info.IsDir() {
		isDir = true
	}
	dir, file := filepath.Dir(dest), dest
	if isDir {
		dir = dest
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, v := range variants {
		data, err := Render(p, ctx, v, format, now)
		if err != nil {
			return written, err
		}
		if isDir {
			file = filepath.Join(dir, proposal.ExportFileName(ctx.Account.Name, p.Title, p.Rev(), v, format))
		}
		if err := WriteFile(file, data, 0o644); err != nil {
			return written, err
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			abs = file
		}
		p.Exports = append(p.Exports, proposal.Export{At: now, Audience: v, Format: format, File: abs})
		written = append(written, abs)
	}
	return written, nil
}

// Library writes each section to dir as a Markdown file with its
// front-matter header (proposal.FormatSectionFile), making dir if missing.
// Files of the same name are replaced; other files are left alone. It
// returns the paths written.
func Library(dir string, secs []proposal.Section) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	for _, s := range secs {
		p := filepath.Join(dir, proposal.SectionFileName(s))
		if err := WriteFile(p, proposal.FormatSectionFile(s), 0o644); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}

// WriteFile writes data to path through a temporary file in the same
// folder, so that a reader never sees half a file and a failure leaves the
// old file as it was.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".kamdesk-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// ErrExists reports a file that is there already and may not be replaced
// without the user's word.
var ErrExists = errors.New("the file exists")

// WriteNew writes data to path as WriteFile does, but only over what may
// be replaced: a path that does not exist, or, with replace, a regular
// file. A folder, a device, a pipe or a socket is refused, and so is a
// symbolic link unless replace is set (then the file it points to is
// written, the link stays). Without replace an existing file gives an
// error matching ErrExists.
func WriteNew(path string, data []byte, perm os.FileMode, replace bool) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return WriteFile(path, data, perm)
	case err != nil:
		return err
	case info.Mode()&fs.ModeSymlink != 0:
		if !replace {
			return fmt.Errorf("%s is a symbolic link: %w", path, ErrExists)
		}
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return err
		}
		return WriteNew(target, data, perm, replace)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (%s); choose another name", path, info.Mode().Type())
	case !replace:
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	return WriteFile(path, data, perm)
}
