package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
)

// The menus' dialogs: Help → Keyboard shortcuts and About kamdesk, File →
// Load the sample workspace… and Export the agenda to a calendar… (File →
// Language… is in language.go).

// onKeys shows the keyboard shortcuts (Help → Keyboard shortcuts, Ctrl+/).
func (d *Desk) onKeys() {
	grid := container.New(layout.NewFormLayout())
	for _, k := range shortcutKeys {
		key := widget.NewLabelWithStyle(k[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		what := widget.NewLabel(lang.L(k[1]))
		what.Wrapping = fyne.TextWrapWord
		grid.Add(key)
		grid.Add(what)
	}
	dlg := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), grid, d.win)
	dlg.Resize(fyne.NewSize(720, 0))
	d.ShowClosable(dlg)
}

// onAbout says which kamdesk this is, where its workspace is, and what it
// is built with (Help → About kamdesk).
func (d *Desk) onAbout() {
	text := lang.L("kamdesk {{.Version}}, the desk of a key account manager.", map[string]any{"Version": d.opts.Version}) + "\n\n" +
		lang.L("Workspace: {{.Dir}}", map[string]any{"Dir": d.opts.Dir}) + "\n\n" +
		lang.L("kamdesk's own licence: none has been granted yet; its authors keep all rights.") + "\n\n" +
		lang.L("Built with Fyne (BSD 3-Clause licence), Badger (Apache 2.0 licence) and goldmark (MIT licence).")
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(lang.L("About kamdesk"), lang.L("Close"), msg, d.win)
	dlg.Resize(fyne.NewSize(520, 0))
	d.ShowClosable(dlg)
}

// calendarExporter is a screen that writes a calendar file (the agenda).
type calendarExporter interface{ OnExportCalendar() }

// onExportAgenda opens the agenda, after asking about unsaved changes
// where the user is, and asks where to save it as a calendar file (File →
// Export the agenda to a calendar…): the file holds what the agenda
// shows.
func (d *Desk) onExportAgenda() {
	export := func() {
		if c, ok := d.Current().(calendarExporter); ok {
			c.OnExportCalendar()
		}
	}
	if d.Place().Screen == "agenda" {
		export()
		return
	}
	e, _ := d.Current().(ui.Editor)
	d.Leave(e, func() {
		d.Open(Place{Screen: "agenda"})
		export()
	}, func() {})
}

// onSampleMenu offers the sample workspace (File → Load the sample
// workspace…): on the welcome while the workspace is empty; a workspace
// that holds accounts is never mixed with the sample's invented ones.
func (d *Desk) onSampleMenu() {
	has, err := d.ws.HasAccounts()
	if err != nil {
		d.ShowError(err)
		return
	}
	if has {
		dialog.ShowInformation(lang.L("Sample workspace"),
			lang.L("The sample workspace is loaded into an empty workspace only, so that its invented clients never mix with yours. To try it, start kamdesk on a new folder: kamdesk --data FOLDER."),
			d.win)
		return
	}
	d.Show(Place{Screen: "welcome"})
}
