// Package export writes what kamdesk hands to other people and programs:
// proposal variants as standalone HTML or Markdown files, and the section
// library as Markdown files. The command line and the desktop app share
// it. Every file is written atomically.
package export

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kamdesk/app/i18n"

	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Formats of an exported proposal.
const (
	HTML     = "html" // one self-contained HTML file
	Markdown = "md"   // the assembled Markdown
	PDF      = "pdf"  // the HTML file printed by a browser (pdf.go)
)

// Render assembles the variant of p for audience a and renders it as the
// file an export writes: standalone HTML with the export stylesheet, or
// the Markdown itself.
func Render(p *proposal.Proposal, ctx *proposal.Context, a proposal.Audience, format string, now time.Time) ([]byte, error) {
	v, err := proposal.Assemble(p, ctx, a)
	if err != nil {
		return nil, dossier.Err("the {{.Audience}} variant", map[string]any{"Audience": strings.ToLower(a.Label())}, err)
	}
	return render(p, ctx, v, format, now, Options{})
}

// render renders the assembled variant v of p as the file an export
// writes (a PDF printed with o.browser on o.Paper).
func render(p *proposal.Proposal, ctx *proposal.Context, v *proposal.Variant, format string, now time.Time, o Options) ([]byte, error) {
	if format == Markdown {
		return []byte(v.Markdown), nil
	}
	if format == PDF {
		if o.browser == "" {
			b, err := FindBrowser()
			if err != nil {
				return nil, err
			}
			o.browser = b
		}
		doc, err := renderHTML(p, ctx, v, now, paperCSS(assets.ExportCSS, o.Paper))
		if err != nil {
			return nil, err
		}
		return printPDF(o.browser, doc)
	}
	return renderHTML(p, ctx, v, now, assets.ExportCSS)
}

// renderHTML is the standalone HTML document of variant v of p.
func renderHTML(p *proposal.Proposal, ctx *proposal.Context, v *proposal.Variant, now time.Time, css string) ([]byte, error) {
	return proposal.RenderHTML(DocumentOf(p, ctx, v, now), css)
}

// DocumentOf is the document an export makes of variant v of p: with the
// house style and its cover page when our company is set.
func DocumentOf(p *proposal.Proposal, ctx *proposal.Context, v *proposal.Variant, now time.Time) proposal.Document {
	// No subtitle: the variant's title block says whom it is for; which
	// variant it is stays with us.
	d := proposal.Document{
		Title:     p.Title,
		Language:  p.Language,
		Markdown:  v.Markdown,
		Generated: now,
	}
	if !ctx.Company.IsZero() {
		d.Company = &ctx.Company
		d.Cover = proposal.Cover{For: ctx.Account.Name, Date: p.Issued, Revision: p.Rev(), ValidUntil: p.Expiry()}
	}
	return d
}

// prepare assembles the variants of p for audiences, each once, with the
// readiness check of what they hand out (proposal.Prepare).
func prepare(p *proposal.Proposal, ctx *proposal.Context, audiences []proposal.Audience) (*proposal.Prepared, error) {
	prep, err := proposal.Prepare(p, ctx, audiences...)
	if ve := (*proposal.VariantError)(nil); errors.As(err, &ve) {
		return nil, dossier.Err("the {{.Audience}} variant", map[string]any{"Audience": strings.ToLower(ve.Audience.Label())}, ve.Err)
	}
	return prep, err
}

// Snapshot renders what a sending of p hands to the client: for each
// audience, the Markdown and the standalone HTML file with the name an
// export gives it (the audience named only when several variants go out,
// as their names must differ), and the people the variant is addressed
// to. The store fills in the rest when it records the sending
// (store.SendProposal).
func Snapshot(p *proposal.Proposal, ctx *proposal.Context, audiences []proposal.Audience) (*proposal.Snapshot, error) {
	now := time.Now()
	snap := &proposal.Snapshot{}
	for _, a := range audiences {
		if !slices.Contains(proposal.Variants, a) {
			return nil, dossier.Err(`"{{.Value}}" is not an audience`, map[string]any{"Value": string(a)}, proposal.ErrInvalid)
		}
	}
	prep, err := prepare(p, ctx, audiences)
	if err != nil {
		return nil, err
	}
	for i, a := range audiences {
		v := prep.Variants[i]
		html, err := render(p, ctx, v, HTML, now, Options{})
		if err != nil {
			return nil, err
		}
		f := proposal.SentFile{Audience: a, Markdown: v.Markdown, HTML: html,
			Name: FileName(p, ctx, a, HTML, len(audiences) > 1, dossier.DateOf(now.Local()))}
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
	title := []rune(dossier.OneLine(p.Title))
	if len(title) > 80 {
		title = append(title[:79], '…')
	}
	data := map[string]any{"Title": string(title), "Revision": p.Rev()}
	text := i18n.L("Proposal “{{.Title}}” sent", data)
	if p.Rev() > 1 {
		text = i18n.L("Proposal “{{.Title}}” sent (revision {{.Revision}})", data)
	}
	return dossier.Event{Kind: dossier.EventLetter, Date: on, Title: text}
}

// FileName is the name an export gives the variant of p for audience a
// in format (proposal.ExportFileName, dated as p.NameDate), naming the
// audience only with nameAudience.
func FileName(p *proposal.Proposal, ctx *proposal.Context, a proposal.Audience, format string, nameAudience bool, today dossier.Date) string {
	if !nameAudience {
		a = ""
	}
	return proposal.ExportFileNameIn(p.Language, ctx.Account.Name, p.Title, p.Rev(), p.NameDate(today), a, format)
}

// Every is the audience of an export of every variant at once: the four
// audiences and the whole group (proposal.All), one file each.
const Every proposal.Audience = "every"

// Options say how Proposal writes its files.
type Options struct {
	// Replace lets files that exist be replaced.
	Replace bool
	// NameAudience names each file's audience ("… - Executive.html"); an
	// export of every variant at once (Every) always does, as the names
	// must differ.
	NameAudience bool
	// Paper is the paper of a PDF: A4 or Letter; "" is the workspace's
	// (Company.Paper), A4 when it has none.
	Paper string

	browser string // the program printing a PDF (FindBrowser)
}

// Proposal writes the variant of p for audience a to dest in format, and
// records each file written in p.Exports (the caller saves p). With
// Every, or when dest is an existing folder, dest is a folder (made if
// missing) that receives one file per variant — for Every the four
// audiences and the whole group — named by FileName.
// It returns the absolute paths written, and the readiness check's
// findings about p as a whole and about the variants written: each is
// assembled once, for the check and the file (proposal.Prepare).
//
// Every file is checked before any is written (see WriteNew): a file
// that exists is replaced only with o.Replace (else the error matches
// ErrExists), and a folder, device, pipe or socket where a file should go
// is refused (ErrNotRegular), as is a symbolic link unless o.Replace is
// set.
func Proposal(p *proposal.Proposal, ctx *proposal.Context, a proposal.Audience, format, dest string, now time.Time, o Options) ([]string, []proposal.Finding, error) {
	replace := o.Replace
	if format != HTML && format != Markdown && format != PDF {
		return nil, nil, dossier.Err(`export: "{{.Format}}" is not html, md or pdf`, map[string]any{"Format": format}, proposal.ErrInvalid)
	}
	if o.Paper == "" {
		o.Paper = ctx.Company.Paper // the workspace's paper, A4 when none
	}
	if err := checkPaper(o.Paper); err != nil {
		return nil, nil, err
	}
	if format == PDF { // before anything is written: without a browser, nothing is
		b, err := FindBrowser()
		if err != nil {
			return nil, nil, err
		}
		o.browser = b
	}
	if a != Every && !slices.Contains(proposal.Variants, a) {
		return nil, nil, dossier.Err(`export: "{{.Value}}" is not an audience`, map[string]any{"Value": string(a)}, proposal.ErrInvalid)
	}
	variants := []proposal.Audience{a}
	isDir := a == Every
	if a == Every {
		variants = proposal.Variants
	} else if info, err := os.Stat(dest); err == nil && info.IsDir() {
		isDir = true
	}
	dir := filepath.Dir(dest)
	if isDir {
		dir = dest
	}
	files := make([]string, len(variants))
	for i, v := range variants {
		files[i] = dest
		if isDir {
			files[i] = filepath.Join(dir, FileName(p, ctx, v, format, o.NameAudience || a == Every, dossier.DateOf(now.Local())))
		}
	}
	if err := checkTargets(files, replace); err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	prep, err := prepare(p, ctx, variants)
	if err != nil {
		return nil, nil, err
	}
	var written []string
	for i, v := range variants {
		data, err := render(p, ctx, prep.Variants[i], format, now, o)
		if err != nil {
			return written, prep.Findings, err
		}
		file := files[i]
		if err := WriteNew(file, data, 0o644, replace); err != nil {
			return written, prep.Findings, err
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			abs = file
		}
		p.Exports = append(p.Exports, proposal.Export{At: now, Audience: v, Format: format, File: abs})
		written = append(written, abs)
	}
	return written, prep.Findings, nil
}

// Library writes each section to dir as a Markdown file with its
// front-matter header (proposal.FormatSectionFile), named by
// proposal.SectionFileName, making dir if missing; other files are left
// alone. Every file is checked before any is written, as Proposal does:
// files of the same name are replaced only with replace. It returns the
// paths written.
func Library(dir string, secs []proposal.Section, replace bool) ([]string, error) {
	paths := make([]string, len(secs))
	byName := map[string]string{}
	for i, s := range secs {
		name := proposal.SectionFileName(s)
		if other, dup := byName[name]; dup {
			return nil, dossier.Err(`sections "{{.First}}" and "{{.Second}}" would both be written to {{.File}}`,
				map[string]any{"First": other, "Second": s.ID, "File": name}, proposal.ErrInvalid)
		}
		byName[name] = s.ID
		paths[i] = filepath.Join(dir, name)
	}
	if err := checkTargets(paths, replace); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	for i, s := range secs {
		if err := WriteNew(paths[i], proposal.FormatSectionFile(s), 0o644, replace); err != nil {
			return files, err
		}
		files = append(files, paths[i])
	}
	return files, nil
}
