package proposals

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// buildTeam lists the credited members first, in credit order, then the
// rest of the team, and the author choice among the credited.
func (e *peopleEditor) buildTeam() {
	e.loading = true
	defer func() { e.loading = false }()
	credits := e.b.p.Credits
	var objs []fyne.CanvasObject
	e.teamChecks = nil
	e.roleInputs = map[string]*ui.Entry{}
	e.memberRows = map[string]*ui.Check{}
	e.creditUp = map[string]*widget.Button{}
	for i, cr := range credits {
		m, ok := teamMember(e.b.ctx, cr.MemberID)
		if !ok {
			id := cr.MemberID
			objs = append(objs, e.missingRow(id, lang.L("A team member who no longer exists ({{.ID}})", map[string]any{"ID": id}),
				func() { e.uncredit(id) }))
			continue
		}
		objs = append(objs, e.memberRow(m, i, len(credits)))
	}
	for i := range e.b.ctx.Team {
		m := &e.b.ctx.Team[i]
		if !slices.ContainsFunc(credits, func(c proposal.Credit) bool { return c.MemberID == m.ID }) {
			objs = append(objs, e.memberRow(m, -1, len(credits)))
		}
	}
	if len(e.b.ctx.Team) == 0 {
		objs = append(objs, lowHint(lang.L("The workspace has no team members yet: add them under Team and references.")))
	}
	e.team.Objects = objs
	e.team.Refresh()
	e.fillAuthors()
	e.showProblems()
}

// memberRow is one team member: checked when credited (pos is the place
// among the n credits, -1 when not credited), with the role on this
// proposal and a flag when the client could not contact them.
func (e *peopleEditor) memberRow(m *dossier.TeamMember, pos, n int) fyne.CanvasObject {
	id := m.ID
	text := m.Name
	if m.Position != "" {
		text += " — " + m.Position
	}
	chk := ui.NewCheck(text, func(on bool) {
		if on {
			e.credit(id)
		} else {
			e.uncredit(id)
		}
	})
	chk.Checked = pos >= 0
	e.teamChecks = append(e.teamChecks, chk)
	e.memberRows[id] = chk
	var details []fyne.CanvasObject
	if pos >= 0 {
		role := ui.NewEntry(e.b.OnCancel)
		role.SetPlaceHolder(lang.L("Role on this proposal, e.g. Commercial terms"))
		role.SetText(e.b.p.Credits[pos].Role)
		role.OnChanged = func(s string) { e.setRole(id, s) }
		e.roleInputs[id] = role
		details = append(details, container.NewBorder(nil, nil, widget.NewLabel(lang.L("Role")), nil, role))
	}
	if !m.Reachable() {
		flag := widget.NewLabelWithStyle(lang.L("No e-mail or phone: the readiness check will block"),
			fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		flag.Importance = widget.WarningImportance
		if pos >= 0 {
			flag.Importance = widget.DangerImportance
		}
		details = append(details, flag)
	} else {
		contact := widget.NewLabel(strings.Join(slices.DeleteFunc([]string{m.Email, m.Phone}, func(s string) bool { return s == "" }), " · "))
		contact.Importance = widget.LowImportance
		contact.Truncation = fyne.TextTruncateEllipsis
		details = append(details, contact)
	}
	var buttons fyne.CanvasObject
	if pos >= 0 && n > 1 {
		up := widget.NewButtonWithIcon("", ui.Icon(theme.MoveUpIcon()), func() { e.moveCredit(id, -1) })
		e.creditUp[id] = up
		down := widget.NewButtonWithIcon("", ui.Icon(theme.MoveDownIcon()), func() { e.moveCredit(id, +1) })
		enableButton(up, pos > 0)
		enableButton(down, pos < n-1)
		buttons = container.NewHBox(up, down)
	}
	return container.NewVBox(container.NewBorder(nil, nil, nil, buttons, chk), indentUnderCheck(container.NewVBox(details...)))
}

func (e *peopleEditor) credit(id string) {
	if e.loading || slices.ContainsFunc(e.b.p.Credits, func(c proposal.Credit) bool { return c.MemberID == id }) {
		return
	}
	e.b.p.Credits = append(e.b.p.Credits, proposal.Credit{MemberID: id, Role: e.roles[id]})
	e.creditsChanged()
}

func (e *peopleEditor) uncredit(id string) {
	if e.loading {
		return
	}
	e.b.p.Credits = slices.DeleteFunc(slices.Clone(e.b.p.Credits), func(c proposal.Credit) bool {
		if c.MemberID == id {
			e.roles[id] = c.Role // ticking them again brings the role back
			return true
		}
		return false
	})
	if len(e.b.p.Credits) == 0 {
		e.b.p.Credits = nil
	}
	e.creditsChanged()
}

func (e *peopleEditor) moveCredit(id string, delta int) {
	cr := e.b.p.Credits
	i := slices.IndexFunc(cr, func(c proposal.Credit) bool { return c.MemberID == id })
	j := i + delta
	if i < 0 || j < 0 || j >= len(cr) {
		return
	}
	cr[i], cr[j] = cr[j], cr[i]
	e.creditsChanged()
}

func (e *peopleEditor) setRole(id, role string) {
	if e.loading {
		return
	}
	i := slices.IndexFunc(e.b.p.Credits, func(c proposal.Credit) bool { return c.MemberID == id })
	if i < 0 {
		return
	}
	e.b.p.Credits[i].Role = role
	e.showProblems()
	e.b.changed()
}

// creditsChanged is called after every change of who is credited; the
// list is rebuilt after the tap that changed it is handled.
func (e *peopleEditor) creditsChanged() {
	e.b.host.Defer(e.buildTeam)
	e.b.changed()
}

// fillAuthors offers the credited members as the author. An author who is
// not credited (any more) stays, marked as such, until another is chosen.
func (e *peopleEditor) fillAuthors() {
	var opts []string
	e.authorIDs = nil
	add := func(id, label string) {
		e.authorIDs = append(e.authorIDs, id)
		opts = append(opts, label)
	}
	for _, cr := range e.b.p.Credits {
		if m, ok := teamMember(e.b.ctx, cr.MemberID); ok {
			add(m.ID, m.Name)
		}
	}
	a := e.b.p.Author
	if a != "" && !slices.Contains(e.authorIDs, a) {
		name := a
		if m, ok := teamMember(e.b.ctx, a); ok {
			name = m.Name
		}
		add(a, lang.L("{{.Name}} (not credited)", map[string]any{"Name": name}))
	}
	e.author.SetOptions(opts)
	if i := slices.Index(e.authorIDs, a); i >= 0 && a != "" {
		e.author.SetSelectedIndex(i)
	} else {
		e.author.ClearSelected()
	}
}

func (e *peopleEditor) onAuthor(string) {
	if e.loading {
		return
	}
	i := e.author.SelectedIndex()
	if i < 0 || i >= len(e.authorIDs) || e.authorIDs[i] == e.b.p.Author {
		return
	}
	e.b.p.Author = e.authorIDs[i]
	e.b.changed()
	e.b.host.Defer(func() {
		e.loading = true
		e.fillAuthors() // drops a "not credited" former author
		e.loading = false
	})
}

// showProblems shows what validation says about the credits (a role too
// long, a member credited twice).
func (e *peopleEditor) showProblems() {
	var msgs []string
	for _, p := range dossier.ProblemsOf(e.b.p.Validate()) {
		if p.Field == "credits" || p.Field == "author" {
			msgs = append(msgs, lang.L("{{.Field}} {{.Message}}", map[string]any{"Field": lang.L("Credits"), "Message": ui.Tr(p.Message, p.Data)}))
		}
	}
	setNote(e.creditsMsg, strings.Join(msgs, "\n"))
}

// teamMember finds a member of the team by ID.
func teamMember(ctx *proposal.Context, id string) (*dossier.TeamMember, bool) {
	i := slices.IndexFunc(ctx.Team, func(m dossier.TeamMember) bool { return m.ID == id })
	if i < 0 {
		return nil, false
	}
	return &ctx.Team[i], true
}
