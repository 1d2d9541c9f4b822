package accounts

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/contacts"
	"kamdesk/app/ui"
)

// The imports of the desktop, people into an account from vCard or CSV
// files (importpeople.go) and accounts into the workspace from CSV
// files (importaccounts.go), go through the same steps: the file is read
// in the background behind a progress bar; what stops it is shown, and
// nothing is imported; a CSV file goes through the mapping step
// (importcsv.go); then the preview says what each record read does,
// with a choice for each duplicate (importpreview.go), and Import writes
// it all or nothing. fileImport is what they share about the file.

// fileImport is the file of one import: its name and bytes, and for a
// CSV file its columns and first rows, whether their mapping is the one
// chosen last time for the same columns, and the mapping step.
type fileImport struct {
	host ui.Host
	st   Store
	file string
	data []byte
	busy dialog.Dialog
	// bar shows how much of the file is read: its value is fraction,
	// which the reader sets from its goroutine (a binding hands the value
	// to the bar on the UI goroutine, through fyne.Do).
	bar      *widget.ProgressBar
	fraction binding.Float

	csv        *contacts.Preview
	remembered bool
	mapping    *mappingStep
}

// showBusy shows how much of the file is read, under title.
func (f *fileImport) showBusy(title string) {
	f.fraction = binding.NewFloat()
	f.bar = widget.NewProgressBarWithData(f.fraction)
	f.busy = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(f.file), f.bar), f.host.Window())
	f.busy.Resize(fyne.NewSize(480, 0))
	f.busy.Show()
}

// progress says how much of the file is read; the reader calls it from
// its goroutine (a contacts.Progress).
func (f *fileImport) progress(done float64) {
	_ = f.fraction.Set(done) // a float binding takes every value
}

// hideBusy takes the progress bar away.
func (f *fileImport) hideBusy() {
	if f.busy != nil {
		f.busy.Hide()
	}
}

// previewCSV reads the columns and first rows of the CSV file as k
// reads them, with the mapping chosen last time for the same columns
// when there is one.
func (f *fileImport) previewCSV(k csvKind) error {
	p, err := k.preview(f.file, f.data, nil, 3)
	if err != nil {
		return err
	}
	if m, err := f.st.Mapping(k.kind, contacts.HeaderKey(p.Columns)); err == nil {
		if again, err := k.preview(f.file, f.data, m, 3); err == nil {
			p, f.remembered = again, true
		}
	}
	f.csv = p
	return nil
}

// showProblems says what is wrong with the records of the file, under
// title: nothing is imported.
func (f *fileImport) showProblems(title string, probs contacts.Problems) {
	var lines []string
	for i, p := range probs {
		if i == 20 {
			lines = append(lines, lang.N("and {{.Count}} more problem", len(probs)-20, map[string]any{"Count": len(probs) - 20}))
			break
		}
		lines = append(lines, ui.ErrorText(p))
	}
	msg := widget.NewLabel(strings.Join(lines, "\n") + "\n\n" + lang.L("Nothing was imported: correct the file and import it again."))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("Close"), container.NewVScroll(msg), f.host.Window())
	d.Resize(fyne.NewSize(720, 420))
	d.Show()
}
