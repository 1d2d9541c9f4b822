package agenda

import (
	"maps"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// The agenda as a calendar file (Export to calendar…, and File → Export
// the agenda to a calendar…): what the screen shows, the period and the
// kinds chosen, each item an all-day event, and every birthday once, as a
// yearly event (export.Calendar).

// OnExportCalendar asks where to save the calendar file, then writes it.
func (s *screen) OnExportCalendar() {
	ui.AskSavePath(s.host, dossier.SafeFileName(lang.L("kamdesk agenda")+export.CalendarExt), []string{export.CalendarExt},
		func(path string) { s.writeCalendar(path, nil) })
}

// writeCalendar reads the agenda afresh off the UI goroutine, over the
// period and of the kinds the screen shows, with every birthday, and
// writes it to path as a calendar file; then it says how many events it
// wrote, and runs done when not nil.
func (s *screen) writeCalendar(path string, done func()) {
	q := Query{Today: s.today, Days: s.days, AllBirthdays: true}
	hidden := maps.Clone(s.hidden)
	now := time.Now()
	busy := dialog.NewCustomWithoutButtons(lang.L("Exporting…"), widget.NewProgressBarInfinite(), s.host.Window())
	busy.Show()
	var n int
	var err error
	s.host.Background(func() {
		var ws dossier.Workspace
		if ws, err = s.st.OverviewWithoutPeople(); err != nil {
			return
		}
		q.WS = &ws
		q.People = func(each func(p *dossier.Person)) error {
			return s.st.EachPersonSummary(func(p *dossier.Person) error { each(p); return nil })
		}
		var items []dossier.AgendaItem
		for _, src := range s.sources {
			var more []Entry
			if more, err = src(q); err != nil {
				return
			}
			for _, e := range more {
				if !hidden[e.Item.Kind] {
					items = append(items, e.Item)
				}
			}
		}
		var data []byte
		if data, n, err = export.Calendar(items, now); err != nil {
			return
		}
		err = export.WriteFile(path, data, 0o644)
	}, func() {
		busy.Hide()
		if err != nil {
			s.host.ShowError(err)
		} else {
			s.exported = path
			dialog.ShowInformation(lang.L("Export finished"), lang.N("Wrote {{.Count}} event to {{.Path}}", n,
				map[string]any{"Count": n, "Path": path}), s.host.Window())
		}
		if done != nil {
			done()
		}
	})
}
