package app

import (
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// backupStore backs the open workspace up to a file of the user's
// choosing (File → Back up…).
type backupStore interface {
	BackUpTo(path string) (store.Backup, error)
}

// onBackUp asks where to put a backup of the workspace, as it is now, and
// writes it there in the background (File → Back up…): the window stays
// in use while it is written. The workspace also backs itself up once a
// day into its own backups folder (store.BackupPolicy).
func (d *Desk) onBackUp() {
	ui.AskSavePath(d, dossier.SafeFileName("kamdesk "+time.Now().Format("2006-01-02")+".backup"), nil, d.backUpTo)
}

// backUpTo writes the backup to path in the background and says where it
// went, or what went wrong.
func (d *Desk) backUpTo(path string) {
	var (
		b   store.Backup
		err error
	)
	d.Background(func() { b, err = d.ws.BackUpTo(path) }, func() {
		if err != nil {
			d.ShowError(err)
			return
		}
		dialog.ShowInformation(lang.L("Backed up"),
			i18n.L("Backed up to {{.Path}} ({{.Size}}).", map[string]any{"Path": b.Path, "Size": i18n.Size(b.Size)})+"\n\n"+
				lang.L("To restore it into a new folder: kamdesk --data NEW-FOLDER restore FILE"), d.win)
	})
}
