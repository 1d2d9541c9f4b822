package agenda

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// The agenda's rows: a heading, or an item's icon, date and text.

// A row template: a heading, or an icon, a date and the item's text.
func (s *screen) newRow() fyne.CanvasObject {
	date := ui.NewFitLabel("2006-01-02")
	text := ui.NewFitLabel("Text")
	item := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.CalendarIcon()),
		container.NewGridWrap(s.dateSize(), date)), nil, text)
	return ui.HeadedRow(item)
}

func (s *screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	shown := ui.SetHeadedRow(o, r.heading)
	if shown == nil {
		return
	}
	item := shown.(*fyne.Container)
	text := item.Objects[0].(*ui.FitLabel)
	left := item.Objects[1].(*fyne.Container)
	icon, date := left.Objects[0].(*widget.Icon), left.Objects[1].(*fyne.Container).Objects[0].(*ui.FitLabel)
	it := r.entry.Item
	icon.SetResource(theme.Icon(s.kindIcon(it.Kind)))
	date.Importance = widget.MediumImportance
	if it.Late {
		date.Importance = widget.DangerImportance
	}
	date.SetText(ui.WeekdayDate(it.Date)) // the one form of a date with its weekday, as everywhere in the desk
	text.SetText(ui.OneLine(ui.Tr(it.Message, it.Data)))
}

func (s *screen) kindIcon(k dossier.AgendaKind) fyne.ThemeIconName {
	for _, ak := range s.kinds {
		if ak.Kind == k {
			return ak.Icon
		}
	}
	return theme.IconNameInfo
}

// dateSize is the size of the date column: a date and the longest
// weekday name.
func (s *screen) dateSize() fyne.Size {
	if s.dateCol.IsZero() {
		for d := time.Sunday; d <= time.Saturday; d++ {
			m := widget.NewLabel(ui.WeekdayDate(dossier.NewDate(2026, 12, 27).AddDays(int(d)))).MinSize()
			s.dateCol = s.dateCol.Max(m)
		}
		// Room for the widest digits, which the sample date may not have.
		s.dateCol.Width += 2 * theme.InnerPadding()
	}
	return s.dateCol
}
