package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

type welcomeStore interface {
	LoadSample(data []byte, today dossier.Date, snapshot store.MakeSnapshot) (int, error)
	HasAccounts() (bool, error) // none: the desk starts on the welcome
}

// welcome is the first screen on an empty workspace: what kamdesk is, and
// a choice between the sample workspace and starting empty.
type welcome struct {
	desk   *Desk
	sample *widget.Button
	empty  *widget.Button
	busy   *widget.ProgressBarInfinite
}

func newWelcome(d *Desk) *welcome {
	w := &welcome{desk: d}
	w.sample = widget.NewButtonWithIcon(lang.L("Load the sample workspace"), theme.DownloadIcon(), w.onSample)
	w.sample.Importance = widget.HighImportance
	w.empty = widget.NewButtonWithIcon(lang.L("Start with an empty workspace"), theme.DocumentCreateIcon(), w.onEmpty)
	w.busy = widget.NewProgressBarInfinite()
	w.busy.Stop()
	w.busy.Hide()
	return w
}

func (w *welcome) Content() fyne.CanvasObject {
	title := canvas.NewText(lang.L("Welcome to kamdesk"), theme.Color(theme.ColorNamePrimary))
	title.TextSize = theme.TextHeadingSize() * 1.4
	title.TextStyle = fyne.TextStyle{Bold: true}
	intro := widget.NewRichTextFromMarkdown(lang.L("kamdesk is the desk of a key account manager.\n\n" +
		"- Keep a **dossier** on each key account and on every member of its decision-making group: " +
		"business facts and personal ones, their stakeholder type and where they stand on the " +
		"relationship ladder, from opponent to expert.\n" +
		"- Record every meeting, call, letter and promise, so nothing is forgotten when a colleague takes over.\n" +
		"- See what needs attention: birthdays, contacts due, promises, tender preparation.\n" +
		"- Assemble **commercial proposals** tailored to executives, HR, finance and technical readers, " +
		"and export them as HTML files anyone can open and print.\n\n" +
		"Everything stays on this computer and works offline."))
	intro.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(lang.L("The sample workspace holds four invented clients with their decision-making groups, a team, references and proposals: a safe place to try everything. You can delete it later."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	buttons := container.NewHBox(w.sample, w.empty)
	body := container.NewVBox(title, intro, widget.NewSeparator(), hint, buttons, w.busy)
	return container.NewPadded(container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 520), body)))
}

func (w *welcome) onSample() {
	w.sample.Disable()
	w.empty.Disable()
	w.busy.Show()
	w.busy.Start()
	today := w.desk.opts.Today()
	var err error
	w.desk.opts.Background(func() {
		_, err = w.desk.ws.LoadSample(w.desk.opts.Sample, today, export.Snapshot)
	}, func() {
		w.busy.Stop()
		w.busy.Hide()
		w.sample.Enable()
		w.empty.Enable()
		if err != nil {
			w.desk.ShowError(err)
			return
		}
		w.desk.Show(Place{Screen: "accounts"})
	})
}

func (w *welcome) onEmpty() {
	w.desk.Show(Place{Screen: "accounts"})
}
