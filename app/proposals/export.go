package proposals

import (
	"encoding/json"
	"errors"
	"net/url"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// Exporting writes variants of a proposal as files to send: self-contained
// HTML (for e-mail and print) or Markdown, one audience to a file or every
// variant to a folder. Each export is recorded in the proposal. Blocking
// findings do not stop an export (a draft for a colleague is fine), but
// the dialog says they remain.

// exportChoices are the entries of the dialog's audience choice, in
// order: the five variants, then all of them.
var exportChoices = append(slices.Clone(proposal.Variants), export.Every)

// exportChoiceLabel names an entry of the audience choice.
func exportChoiceLabel(a proposal.Audience) string {
	if a == export.Every {
		return lang.L("All variants")
	}
	return ui.Tr(a.Label())
}

// exporter is the export dialog for one proposal: it asks the format, the
// audience and where to save, writes the files in the background, records
// the export in the stored proposal and shows what was written.
type exporter struct {
	host     ui.Host
	st       Store
	p        proposal.Proposal // a copy of what is exported
	ctx      *proposal.Context
	blocking int
	// recorded is told the stored proposal once the export is recorded.
	recorded func(stored proposal.Proposal)

	format   *widget.RadioGroup
	paper    *widget.RadioGroup // of a PDF: A4 or Letter
	audience *widget.Select
	named    *ui.Check // the file's name says the audience
	warning  *widget.Label
	written  []string      // the files of the last export
	result   dialog.Dialog // the dialog that lists them
}

func newExporter(h ui.Host, st Store, p proposal.Proposal, ctx *proposal.Context, findings []proposal.Finding,
	recorded func(proposal.Proposal)) *exporter {
	e := &exporter{host: h, st: st, p: cloneProposal(p), ctx: ctx, blocking: proposal.Blocking(findings), recorded: recorded}
	e.paper = widget.NewRadioGroup([]string{"A4", "Letter"}, nil)
	e.paper.Horizontal = true
	e.paper.Required = true
	e.paper.SetSelected("A4")
	if ctx.Company.Paper == "letter" { // the workspace's paper
		e.paper.SetSelected("Letter")
	}
	e.paper.Hide()
	e.format = widget.NewRadioGroup([]string{"HTML", "PDF", "Markdown"}, func(f string) {
		if f == "PDF" {
			e.paper.Show()
		} else {
			e.paper.Hide()
		}
	})
	e.format.Horizontal = true
	e.format.Required = true
	e.format.SetSelected("HTML")
	var labels []string
	for _, a := range exportChoices {
		labels = append(labels, exportChoiceLabel(a))
	}
	e.named = ui.NewCheck(lang.L("Name the audience in the file's name (the client reads it too)"), nil)
	e.audience = widget.NewSelect(labels, func(string) { e.audienceChosen() })
	e.audience.SetSelectedIndex(slices.Index(exportChoices, proposal.All))
	e.warning = widget.NewLabel(lang.N("{{.Count}} blocking problem remains. You can export a draft, but fix it before sending the proposal.",
		e.blocking, map[string]any{"Count": e.blocking}))
	e.warning.Importance = widget.DangerImportance
	e.warning.Wrapping = fyne.TextWrapWord
	if e.blocking == 0 {
		e.warning.Hide()
	}
	return e
}

// cloneProposal returns a deep copy of p, which the export may read off
// the UI goroutine while the user goes on editing the original.
func cloneProposal(p proposal.Proposal) proposal.Proposal {
	var c proposal.Proposal
	data, err := json.Marshal(&p)
	if err == nil {
		err = json.Unmarshal(data, &c)
	}
	if err != nil {
		return p // cannot happen: a proposal always round-trips
	}
	return c
}

// audienceChosen follows the audience choice: every variant at once
// always names the audience in the files' names, as they must differ.
func (e *exporter) audienceChosen() {
	if a, all, _ := e.chosen(); all || a == export.Every {
		e.named.SetChecked(true)
		e.named.Disable()
		return
	}
	if e.named.Disabled() {
		e.named.SetChecked(false)
		e.named.Enable()
	}
}

// chosen returns the audience (export.Every for every variant, as
// export.Proposal takes it), whether every variant was chosen, and the
// format.
func (e *exporter) chosen() (a proposal.Audience, all bool, format string) {
	i := e.audience.SelectedIndex()
	if i < 0 || i >= len(exportChoices) {
		i = slices.Index(exportChoices, proposal.All)
	}
	a = exportChoices[i]
	format = export.HTML
	switch e.format.Selected {
	case "Markdown":
		format = export.Markdown
	case "PDF":
		format = export.PDF
	}
	return a, a == export.Every, format
}

// form is the dialog's content.
func (e *exporter) form() fyne.CanvasObject {
	f := widget.NewForm(
		widget.NewFormItem(lang.L("Format"), container.NewVBox(e.format, e.paper)),
		widget.NewFormItem(lang.L("For"), e.audience),
		widget.NewFormItem("", e.named),
	)
	return ui.NewWrapColumn(f, e.warning)
}

// show opens the export dialog; choosing where to save follows.
func (e *exporter) show() {
	dlg := dialog.NewCustomConfirm(lang.L("Export “{{.Title}}”", map[string]any{"Title": ui.Clip(e.p.Title, 60)}),
		lang.L("Choose where to save…"), lang.L("Cancel"), e.form(), func(ok bool) {
			if ok {
				e.chooseDestination()
			}
		}, e.host.Window())
	dlg.Resize(fyne.NewSize(520, 0))
	dlg.Show()
}

// chooseDestination asks for a folder (every variant) or a file (one).
func (e *exporter) chooseDestination() {
	a, all, format := e.chosen()
	if all {
		fd := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				e.host.ShowError(err)
				return
			}
			if dir != nil {
				e.runIn(a, format, dir.Path(), false)
			}
		}, e.host.Window())
		e.startIn(fd)
		fd.Show()
		return
	}
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.host.ShowError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()                      // the export replaces the file the dialog created
		e.runIn(a, format, path, true) // the dialog asked before replacing
	}, e.host.Window())
	fd.SetFileName(export.FileName(&e.p, e.ctx, a, format, e.named.Checked, e.host.Today()))
	fd.SetFilter(storage.NewExtensionFileFilter([]string{"." + format}))
	e.startIn(fd)
	fd.Show()
}

// startIn opens a file dialog in the folder of the last export.
func (e *exporter) startIn(fd *dialog.FileDialog) {
	if n := len(e.p.Exports); n > 0 {
		if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.p.Exports[n-1].File))); err == nil {
			fd.SetLocation(l)
		}
	}
}

// run writes the files to dest, the file the save dialog asked about or
// a folder whose files of the same names are replaced.
func (e *exporter) run(a proposal.Audience, format, dest string) { e.runIn(a, format, dest, true) }

// runIn writes the files in the background, then records the export and
// shows the result. Unless replace, files of the export that exist
// already are replaced only when the user says so.
func (e *exporter) runIn(a proposal.Audience, format, dest string, replace bool) {
	now := time.Now().UTC().Truncate(time.Second)
	p := e.p
	p.Exports = slices.Clone(e.p.Exports)
	named := e.named.Checked
	paper := export.A4
	if e.paper.Selected == "Letter" {
		paper = export.Letter
	}
	before := len(p.Exports)
	var files []string
	var err error
	busy := dialog.NewCustomWithoutButtons(lang.L("Exporting…"), widget.NewProgressBarInfinite(), e.host.Window())
	busy.Show()
	e.host.Background(func() {
		files, _, err = export.Proposal(&p, e.ctx, a, format, dest, now, export.Options{Replace: replace, NameAudience: named, Paper: paper})
	}, func() {
		busy.Hide()
		if exists := (*export.ExistsError)(nil); errors.As(err, &exists) && len(files) == 0 {
			e.host.AskReplace(exists, dest, func() { e.runIn(a, format, dest, true) })
			return
		}
		if len(files) > 0 {
			if rerr := e.record(p.Exports[before:]); rerr != nil && err == nil {
				err = rerr
			}
		}
		e.written = files
		if err != nil {
			e.host.ShowError(err)
			return
		}
		e.showResult(files)
	})
}

// record adds the exports to the stored proposal (not the unsaved edits
// of the working copy) and tells whoever opened the dialog.
func (e *exporter) record(exports []proposal.Export) error {
	if err := e.st.RecordExports(e.p.ID, exports); err != nil {
		return err
	}
	stored, err := e.st.Proposal(e.p.ID)
	if err != nil {
		return err
	}
	e.p.Exports = slices.Clone(stored.Exports)
	if e.recorded != nil {
		e.recorded(stored)
	}
	return nil
}

// showResult lists the files written, each with a button to open it, and
// offers to show their folder.
func (e *exporter) showResult(files []string) {
	rows := ui.NewWrapColumn(widget.NewLabel(lang.N("Exported {{.Count}} file:", len(files), map[string]any{"Count": len(files)})))
	for _, f := range files {
		path := widget.NewLabel(f)
		path.Wrapping = fyne.TextWrapBreak
		openBtn := widget.NewButtonWithIcon(lang.L("Open"), ui.Icon(theme.FileIcon()), func() { e.openURL(ui.LocalFileURL(f)) })
		rows.Add(container.NewBorder(nil, nil, nil, openBtn, path))
	}
	if len(files) > 0 {
		dir := filepath.Dir(files[0])
		rows.Add(container.NewHBox(widget.NewButtonWithIcon(lang.L("Show in folder"), ui.Icon(theme.FolderOpenIcon()),
			func() { e.openURL(ui.LocalFileURL(dir)) })))
	}
	e.result = dialog.NewCustom(lang.L("Export finished"), lang.L("Close"), rows, e.host.Window())
	e.result.Resize(fyne.NewSize(640, 0))
	e.result.Show()
}

func (e *exporter) openURL(u *url.URL) {
	if err := e.host.OpenURL(u); err != nil {
		e.host.ShowError(err)
	}
}

// exportButton is the builder's "Export…" button.
func (b *builder) exportButton() *widget.Button {
	return widget.NewButtonWithIcon(lang.L("Export…"), ui.Icon(theme.UploadIcon()), b.onExport)
}

// onExport opens the export dialog on the working copy, as the user sees
// it now.
func (b *builder) onExport() { b.newExporter().show() }

func (b *builder) newExporter() *exporter {
	e := newExporter(b.host, b.st, b.p, b.ctx, b.findings, b.exported)
	if parts, ok := b.parts[tabAudiences].(*audiencesPart); ok && parts.onScreen() {
		e.audience.SetSelectedIndex(slices.Index(exportChoices, parts.current().a))
	}
	return e
}

// exported takes the export records of the stored proposal into the
// working copy, keeping its unsaved edits unsaved: the stored proposal is
// what was saved plus the exports, and unsaved changes are the differences
// from it from now on. An export of a proposal without unsaved edits
// leaves none.
func (b *builder) exported(stored proposal.Proposal) {
	b.p.Exports = slices.Clone(stored.Exports)
	b.p.Updated = stored.Updated
	b.p.Created = stored.Created
	b.setSavedFrom(&stored)
	for _, p := range b.parts {
		p.reload()
	}
	b.updateHeader()
}
