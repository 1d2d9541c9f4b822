package app

import (
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app/handover"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// handoverStore is what File → Export account… and File → Import
// bundle… read and write.
type handoverStore interface {
	handover.Source
	handover.Workspace
}

// onExportAccount asks where to write the handover bundle of the account
// whose dossier is open and writes it in the background (File → Export
// account…).
func (d *Desk) onExportAccount() {
	p := d.Place()
	if p.Screen != "account" || p.ID == "" {
		dialog.ShowInformation(lang.L("Export account"), lang.L("Open the dossier of the account to export first."), d.win)
		return
	}
	ui.AskSavePath(d, dossier.SafeFileName(p.ID+".kamdesk"), nil, func(path string) { d.exportAccount(p.ID, path) })
}

// exportAccount writes the bundle of account acct to path in the
// background and says what it holds, or what went wrong.
func (d *Desk) exportAccount(acct, path string) {
	var (
		b   *handover.Bundle
		err error
	)
	d.Background(func() {
		b, err = handover.Gather(d.ws, acct, time.Now(), store.SchemaVersion)
		if err == nil {
			err = handover.WriteFile(path, b)
		}
	}, func() {
		if err != nil {
			d.ShowError(err)
			return
		}
		n := b.Count()
		dialog.ShowInformation(lang.L("Export account"),
			i18n.L("Wrote {{.Path}}: {{.Account}}; people: {{.People}}, timeline entries: {{.Events}} (attachments: {{.Files}}), promises: {{.Promises}}, proposals: {{.Proposals}} (sent copies: {{.Sent}}), library sections: {{.Sections}}, team members: {{.Team}}, references: {{.References}}.",
				map[string]any{"Path": path, "Account": b.Account.Name, "People": n.People, "Events": n.Events, "Files": n.Attachments,
					"Promises": n.Promises, "Proposals": n.Proposals, "Sent": n.Sent, "Sections": n.Sections, "Team": n.Team, "References": n.References}), d.win)
	})
}

// onImportBundle asks for a handover bundle, compares it with the
// workspace in the background and shows what importing it would do
// (File → Import bundle…).
func (d *Desk) onImportBundle() {
	ui.AskOpenPath(d, []string{".kamdesk"}, d.importBundle)
}

// importBundle reads and compares the bundle at path, then shows the
// report with a choice for each record that differs (showBundleImport).
func (d *Desk) importBundle(path string) {
	var (
		b    *handover.Bundle
		plan *handover.Plan
		err  error
	)
	d.Background(func() {
		b, err = handover.ReadFile(path)
		if err == nil {
			plan, err = handover.Compare(d.ws, b, d.Today())
		}
	}, func() {
		if err != nil {
			d.ShowError(err)
			return
		}
		d.showBundleImport(path, b, plan)
	})
}
