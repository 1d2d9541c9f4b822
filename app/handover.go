package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

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
// report (importChoice).
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
		d.importChoice(path, b, plan)
	})
}

// importChoice shows the report of importing b and lets the user import
// it: without records that differ with Import; with them only by choosing
// Keep mine or Take theirs. Cancel writes nothing.
func (d *Desk) importChoice(path string, b *handover.Bundle, plan *handover.Plan) {
	report := widget.NewLabel(strings.Join(handover.Report(path, b, plan, handover.TakeNone), "\n"))
	report.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(report)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	var dlg *dialog.CustomDialog
	do := func(take handover.Take) func() {
		return func() {
			dlg.Hide()
			d.runImport(plan, take)
		}
	}
	cancel := widget.NewButton(lang.L("Cancel"), func() { dlg.Hide() })
	buttons := []fyne.CanvasObject{cancel}
	if len(plan.Conflicts) == 0 {
		imp := widget.NewButton(lang.L("Import"), do(handover.TakeNone))
		imp.Importance = widget.HighImportance
		buttons = append(buttons, imp)
	} else {
		buttons = append(buttons, widget.NewButton(lang.L("Keep mine"), do(handover.TakeMine)),
			widget.NewButton(lang.L("Take theirs"), do(handover.TakeTheirs)))
	}
	dlg = dialog.NewCustomWithoutButtons(lang.L("Import bundle"), scroll, d.win)
	dlg.SetButtons(buttons)
	d.ShowClosable(dlg)
}

// runImport writes what plan says with take, in the background, and says
// what it did.
func (d *Desk) runImport(plan *handover.Plan, take handover.Take) {
	var err error
	d.Background(func() { err = plan.Import(d.ws, take) }, func() {
		if err != nil {
			d.ShowError(err)
			return
		}
		added, replaced := plan.Writes(take)
		msg := i18n.L("Imported: {{.Added}} added, {{.Replaced}} replaced.", map[string]any{"Added": added, "Replaced": replaced})
		if n := plan.Kept(); take == handover.TakeTheirs && n > 0 {
			msg += "\n" + i18n.N("{{.Count}} record that differs stays as it is here: the bundle's version cannot be taken.", n, map[string]any{"Count": n})
		}
		if l := handover.LeftOutLine(len(plan.LeftOut(take))); l != "" {
			msg += "\n" + l
		}
		dialog.ShowInformation(lang.L("Import bundle"), msg, d.win)
		d.Refresh()
	})
}
