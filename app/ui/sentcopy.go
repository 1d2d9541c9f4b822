package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/proposal"
)

// SnapshotStore reads the copies of what was sent.
type SnapshotStore interface {
	Snapshot(prop, snap string) (proposal.Snapshot, error)
}

// SentCopy is the dialog that shows what the client received in one
// sending: each variant sent, to whom, opened or saved byte for byte as
// it was sent.
type SentCopy struct {
	h    Host
	snap proposal.Snapshot
	dlg  dialog.Dialog
	open []*widget.Button // per file, for tests
	save []*widget.Button
	// opened is the path of the file last opened, for tests.
	opened string
}

// ShowSentCopy opens the copy ref ("<proposal ID>/<snapshot ID>", as an
// event's Sent holds it).
func ShowSentCopy(h Host, st SnapshotStore, ref string) *SentCopy {
	prop, snap, _ := strings.Cut(ref, "/")
	s, err := st.Snapshot(prop, snap)
	if err != nil {
		h.ShowError(err)
		return nil
	}
	c := &SentCopy{h: h, snap: s}
	intro := widget.NewLabel(lang.L("Revision {{.Revision}} of “{{.Title}}”, sent on {{.Date}}. These are the files as the client received them.",
		map[string]any{"Revision": s.Revision, "Title": Clip(OneLine(s.Title), 80), "Date": WeekdayDate(s.On)}))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(intro, widget.NewSeparator())
	for _, f := range s.Files {
		open := widget.NewButtonWithIcon(lang.L("Open"), theme.FolderOpenIcon(), func() { c.onOpen(f) })
		open.Importance = widget.HighImportance
		save := widget.NewButtonWithIcon(lang.L("Save as…"), theme.DocumentSaveIcon(), func() { c.OnSave(f) })
		c.open, c.save = append(c.open, open), append(c.save, save)
		who := lang.L("{{.Variant}} variant", map[string]any{"Variant": Tr(f.Audience.Label())})
		if len(f.People) > 0 {
			who = lang.L("{{.Variant}} variant, to {{.People}}", map[string]any{"Variant": Tr(f.Audience.Label()), "People": strings.Join(f.People, ", ")})
		}
		name := widget.NewLabel(f.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		name.Importance = widget.LowImportance
		head := widget.NewLabelWithStyle(who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(open, save)),
			container.NewVBox(head, name)))
	}
	c.dlg = dialog.NewCustom(lang.L("What was sent"), lang.L("Close"), container.NewVScroll(rows), h.Window())
	c.dlg.Resize(fyne.NewSize(640, min(560, rows.MinSize().Height+140)))
	c.dlg.Show()
	return c
}

func (c *SentCopy) onOpen(f proposal.SentFile) {
	path, err := c.h.ViewFile(f.Name, f.HTML)
	if err != nil {
		c.h.ShowError(err)
		return
	}
	c.opened = path
	c.h.OpenPath(path)
}

func (c *SentCopy) OnSave(f proposal.SentFile) {
	fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err == nil && w != nil {
			_, err = w.Write(f.HTML)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			c.h.ShowError(fmt.Errorf("%s: %w", f.Name, err))
		}
	}, c.h.Window())
	fd.SetFileName(f.Name)
	fd.Show()
}
