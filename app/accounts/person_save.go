package accounts

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// OnSave writes the person, records a move on the ladder on the
// account's timeline and goes back. A failed save keeps the form as it is
// and shows what to fix.
func (s *personScreen) OnSave() {
	if !s.SaveChanges() {
		return
	}
	place, id := s.back, s.orig.ID
	s.host.Defer(func() {
		s.host.Show(place)
		if ds, ok := s.host.Current().(*dossierScreen); ok {
			ds.selectPerson(id)
		}
	})
}

// SaveChanges writes the person and records a move on the ladder,
// staying on the form, and reports whether the person was saved.
func (s *personScreen) SaveChanges() bool {
	s.touched.All = true
	p, pr := s.problems()
	if len(pr) > 0 {
		s.fields.ShowProblems(pr.Err())
		s.status.SetText(lang.L("Please fix the fields marked in red."))
		return false
	}
	save := s.st.SavePerson
	if s.photo.data != nil {
		save = func(p *dossier.Person) error { return s.st.SavePersonWithPhoto(p, s.photo.name, s.photo.data) }
	}
	if err := save(&p); err != nil {
		// The store checks what the form cannot: the account still exists,
		// the reporting line does not loop.
		pr = dossier.ProblemsOf(err)
		if rest := s.fields.ShowProblems(err); len(rest) > 0 || len(pr) == 0 {
			s.host.ShowError(err)
		}
		if len(pr) > 0 {
			s.status.SetText(lang.L("Please fix the fields marked in red."))
		}
		return false
	}
	old := s.orig
	s.orig = p
	s.photo.load(p.Photo)
	s.saved = s.state()
	if old.ID == "" || old.Level != p.Level {
		s.recordMove(old, p)
	}
	return true
}

// recordMove puts a person's move on the ladder (or their first place on
// it) on the account's timeline.
func (s *personScreen) recordMove(old, p dossier.Person) {
	name := ui.Clip(p.Name, 60)
	title := lang.L("{{.Name}} moved from {{.Old}} to {{.New}} on the ladder",
		map[string]any{"Name": name, "Old": ui.Tr(old.Level.Label()), "New": ui.Tr(p.Level.Label())})
	if old.ID == "" {
		title = lang.L("{{.Name}} placed on the ladder as {{.New}}",
			map[string]any{"Name": name, "New": ui.Tr(p.Level.Label())})
	}
	e := dossier.Event{AccountID: p.AccountID, Kind: dossier.EventNote, Date: s.host.Today(),
		Title: ui.Clip(ui.OneLine(title), dossier.MaxLine), People: []string{p.ID}}
	if err := s.st.SaveEvent(&e); err != nil {
		s.host.ShowError(err)
	}
}

// FocusFirst puts the cursor in the name when the form opens.
func (s *personScreen) FocusFirst() { s.host.Window().Canvas().Focus(s.name) }

// OnCancel goes back without saving; the desk asks first when something
// was changed.
func (s *personScreen) OnCancel() {
	place := s.back
	s.host.Defer(func() { s.host.Show(place) })
}

// onDelete moves the person to the bin after asking; the desk offers to
// undo.
func (s *personScreen) onDelete() {
	if s.orig.ID == "" {
		return
	}
	msg := lang.L("Delete {{.Name}} from the dossier of {{.Account}}? Their reports will report to their manager. You can undo this.",
		map[string]any{"Name": s.orig.Name, "Account": s.acct.Name})
	confirm := dialog.NewConfirm(lang.L("Delete person"), msg, func(ok bool) {
		if !ok {
			return
		}
		entry, err := s.st.DeletePerson(s.orig.ID)
		if err != nil {
			s.host.ShowError(err)
			return
		}
		s.saved = s.state() // nothing left to save
		place := ui.Place{Screen: "account", ID: s.acct.ID}
		if s.back.Screen == "people" {
			place = s.back
		}
		s.host.Defer(func() {
			s.host.Show(place)
			ui.OfferUndo(s.host, entry, s.st.Restore)
		})
	}, s.host.Window())
	confirm.SetConfirmText(lang.L("Delete"))
	confirm.SetConfirmImportance(widget.DangerImportance)
	confirm.Show()
}

// onErase asks, erases the person for good and goes back to the account.
func (s *personScreen) onErase() {
	acct := s.orig.AccountID
	askErase(s.host, s.st, s.orig, func() {
		s.saved = s.state() // nothing left to ask about
		s.host.Defer(func() { s.host.Show(ui.Place{Screen: "account", ID: acct}) })
	})
}
