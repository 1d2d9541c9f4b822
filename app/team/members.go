// The team-member form of the team screen.

package team

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// memberForm edits a team member.
type memberForm struct {
	s       *teamScreen
	members []dossier.TeamMember
	orig    dossier.TeamMember // as loaded; blank for a new member
	filling bool               // set while load fills the entries
	touched ui.Touched

	fields                       ui.FieldSet
	name, position, email, phone *ui.Entry
	heading                      *widget.Label
	warning                      *widget.Label
}

func (f *memberForm) reload() (err error) {
	f.members, err = f.s.st.Team()
	return err
}

func (f *memberForm) ids() []string {
	out := make([]string, len(f.members))
	for i, m := range f.members {
		out[i] = m.ID
	}
	return out
}

func (f *memberForm) newList() *ui.List {
	return ui.NewList(
		func() int { return len(f.members) },
		func() fyne.CanvasObject {
			name := ui.NewFitLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			warn := widget.NewLabel("")
			warn.Importance = widget.DangerImportance
			info := ui.NewFitLabel("Position")
			return container.NewVBox(container.NewBorder(nil, nil, nil, warn, name), info)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m := f.members[i]
			box := o.(*fyne.Container)
			top := box.Objects[0].(*fyne.Container)
			top.Objects[0].(*ui.FitLabel).SetText(m.Name)
			warn := top.Objects[1].(*widget.Label)
			if m.Reachable() {
				warn.SetText("")
				warn.Hide()
			} else {
				warn.SetText(lang.L("⚠ no contact details — cannot be credited"))
				warn.Show()
			}
			box.Objects[1].(*ui.FitLabel).SetText(joinSome(" · ", m.Position, m.Email, m.Phone))
			top.Refresh() // the mark's width changed
		})
}

func (f *memberForm) build(cancel func()) {
	f.name, f.position, f.email, f.phone = ui.NewEntry(cancel), ui.NewEntry(cancel), ui.NewEntry(cancel), ui.NewEntry(cancel)
	f.email.SetPlaceHolder(lang.L("name@company.com"))
	for name, e := range map[string]*ui.Entry{"name": f.name, "position": f.position, "email": f.email, "phone": f.phone} {
		e.OnChanged = func(string) { f.validate(name) }
	}
	f.fields.Add(ui.NewField("name", lang.L("Name"), f.name))
	f.fields.Add(ui.NewField("position", lang.L("Position"), f.position))
	f.fields.Add(ui.NewField("email", lang.L("E-mail"), f.email))
	f.fields.Add(ui.NewField("phone", lang.L("Phone"), f.phone))
	f.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.heading.Wrapping = fyne.TextWrapWord
	f.warning = widget.NewLabel(lang.L("⚠ No contact details: a proposal cannot credit this member until an e-mail or a phone number is given."))
	f.warning.Wrapping = fyne.TextWrapWord
	f.warning.Importance = widget.WarningImportance
}

func (f *memberForm) object() fyne.CanvasObject {
	return container.NewVBox(f.heading, f.fields.Grid(), f.warning)
}

func (f *memberForm) load(i int) {
	f.orig = dossier.TeamMember{}
	f.heading.SetText(lang.L("New team member"))
	if i >= 0 {
		f.orig = f.members[i]
		f.heading.SetText(f.orig.Name)
	}
	f.filling = true
	f.name.SetText(f.orig.Name)
	f.position.SetText(f.orig.Position)
	f.email.SetText(f.orig.Email)
	f.phone.SetText(f.orig.Phone)
	f.filling = false
	f.touched.Reset(i >= 0)
	f.fields.Clear()
	f.showWarning()
}

// record is the member as the form has it.
func (f *memberForm) record() dossier.TeamMember {
	m := f.orig
	m.Name = strings.TrimSpace(f.name.Text)
	m.Position = strings.TrimSpace(f.position.Text)
	m.Email = strings.TrimSpace(f.email.Text)
	m.Phone = strings.TrimSpace(f.phone.Text)
	return m
}

func (f *memberForm) validate(field string) {
	if f.filling {
		return
	}
	f.touched.Mark(field)
	m := f.record()
	f.fields.ShowProblems(f.touched.Filter(dossier.ProblemsOf(m.Validate())).Err())
	f.showWarning()
}

func (f *memberForm) showWarning() {
	if m := f.record(); m.Reachable() || m.Name == "" {
		f.warning.Hide()
	} else {
		f.warning.Show()
	}
}

func (f *memberForm) changed() bool {
	m := f.record()
	return m.Name != f.orig.Name || m.Position != f.orig.Position || m.Email != f.orig.Email || m.Phone != f.orig.Phone
}

func (f *memberForm) save() (string, bool) {
	m := f.record()
	if err := f.s.st.SaveTeamMember(&m); err != nil {
		f.touched.Reset(true)
		showSaveError(f.s.host, &f.fields, err)
		return "", false
	}
	return m.ID, true
}

// ownedNamed is how many of the accounts a member owns the question
// before a deletion names; more are counted and cut with "…".
const ownedNamed = 3

func (f *memberForm) remove(i int, done func(dossier.BinEntry)) {
	m := f.members[i]
	// The accounts the member owns: at 5,000 accounts a read of a tenth
	// of a second, off the UI goroutine.
	var owned []string
	var err error
	f.s.host.Background(func() {
		var accounts []dossier.Account
		if accounts, err = f.s.st.Accounts(); err != nil {
			return
		}
		for _, a := range accounts {
			if a.Owner == m.ID {
				owned = append(owned, a.Name)
			}
		}
	}, func() {
		if err != nil {
			f.s.host.ShowError(err)
			return
		}
		f.confirmRemove(m, owned, done)
	})
}

// confirmRemove asks before deleting m, naming the accounts it owns (a
// few of them, when it owns many).
func (f *memberForm) confirmRemove(m dossier.TeamMember, owned []string, done func(dossier.BinEntry)) {
	names := strings.Join(owned, ", ")
	if len(owned) > ownedNamed {
		names = strings.Join(owned[:ownedNamed], ", ") + ", …"
	}
	data := map[string]any{"Name": m.Name, "Accounts": names, "Count": len(owned)}
	var msg string
	switch len(owned) {
	case 0:
		msg = lang.L("Delete {{.Name}} from the team? You can undo this.", data)
	case 1:
		msg = lang.L("Delete {{.Name}} from the team? They own the account {{.Accounts}}, which will have no owner until you undo.", data)
	default:
		msg = lang.L("Delete {{.Name}} from the team? They own {{.Count}} accounts ({{.Accounts}}), which will have no owner until you undo.", data)
	}
	confirmDelete(f.s.host, lang.L("Delete team member"), msg, func() {
		e, err := f.s.st.DeleteTeamMember(m.ID)
		if err != nil {
			f.s.host.ShowError(err)
			return
		}
		done(e)
	})
}

func (f *memberForm) Focus() { f.s.host.Window().Canvas().Focus(f.name) }
