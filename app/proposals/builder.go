package proposals

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// builderTab describes one tab of the builder. The tabs carry no icons:
// eight of them did not fit a window 1280 pixels wide, and drawing their
// icons again each time the builder opened on a tab cost 10-25 ms of the
// UI goroutine.
type builderTab struct {
	name  string
	label func() string // translated at run time
	make  func(b *builder) builderPart
}

// builderTabs are the builder's tabs, in their order.
func builderTabs() []builderTab {
	return []builderTab{
		{name: tabSections,
			label: func() string { return lang.L("Sections") },
			make:  func(b *builder) builderPart { return newSectionsEditor(b) }},
		{name: tabPricing,
			label: func() string { return lang.L("Pricing") },
			make:  func(b *builder) builderPart { return newPricingEditor(b) }},
		{name: tabFinancial,
			label: func() string { return lang.L("Financial result") },
			make:  func(b *builder) builderPart { return newFinancialEditor(b) }},
		{name: tabPeople,
			label: func() string { return lang.L("References and team") },
			make:  func(b *builder) builderPart { return newPeopleEditor(b) }},
		{name: tabValidity,
			label: func() string { return lang.L("Validity") },
			make:  func(b *builder) builderPart { return newValidityEditor(b) }},
		{name: tabAudiences,
			label: func() string { return lang.L("Preview") },
			make:  func(b *builder) builderPart { return newAudiencesPart(b) }},
		{name: tabReadiness,
			label: func() string { return lang.L("Readiness") },
			make:  func(b *builder) builderPart { return newReadinessPart(b) }},
		{name: tabFollowUp,
			label: func() string { return lang.L("Follow-up") },
			make:  func(b *builder) builderPart { return newFollowUpPart(b) }},
	}
}

// builderPart is one tab of the proposal builder. Parts edit the builder's
// working copy (b.p) and call b.changed() after every edit.
type builderPart interface {
	Content() fyne.CanvasObject
	// reload shows the working copy again after it changed elsewhere (a
	// save, marking as sent, a reorder).
	reload()
}

// Optional abilities of a part.
type (
	// checkedPart wants to know when the readiness findings change.
	checkedPart interface{ onChecked() }
	// placedPart can put the focus on the place a finding points to.
	placedPart interface{ focusPlace(proposal.Place) }
	// savedPart shows the saved record (its revision, what was sent) and
	// wants to know when it was saved.
	savedPart interface{ onSaved() }
	// unreadablePart holds typed text it could not read (a number, a
	// date); saving waits until it is fixed, so nothing typed is lost
	// silently.
	unreadablePart interface{ unreadable() int }
)

// builder is the proposal builder: one proposal, edited as blocks in
// tabs, checked as you go, previewed per audience, exported and followed
// up.
type builder struct {
	host  ui.Host
	st    Store
	p     proposal.Proposal // the working copy every part edits
	saved []byte            // the proposal as last saved, to tell unsaved changes
	base  proposal.Proposal // the proposal as last saved, to tell a sent revision's edits
	// asking is set while the user is asked whether to start a new
	// revision, so that the question is never stacked.
	asking bool
	ctx    *proposal.Context // the account, its people, team, references, library

	startTab string // the tab to show first

	findings []proposal.Finding
	checkGen int // debounces the readiness check while typing

	parts map[string]builderPart
	tabs  *ui.Tabs
	tabOf map[string]*container.TabItem

	title     *widget.Label
	status    *widget.Label
	readiness *widget.Button
}

// The builder's tabs, by name, and their order.
const (
	tabSections   = "sections"
	tabPricing    = "pricing"
	tabFinancial  = "financial"
	tabPeople     = "people" // references and team credits
	tabValidity   = "validity"
	tabAudiences  = "audiences"
	tabReadiness  = "readiness"
	tabFollowUp   = "follow-up"
	checkDebounce = 300 * time.Millisecond
)

// NewBuilder opens proposal id; "id:tab" opens it on that tab (see the
// tab names above).
func NewBuilder(h ui.Host, st Store, id string) (*builder, error) {
	id, startTab, _ := strings.Cut(id, ":")
	p, err := st.Proposal(id)
	if err != nil {
		return nil, err
	}
	ctx, err := st.Context(p.AccountID, h.Today())
	if err != nil {
		return nil, err
	}
	b := &builder{host: h, st: st, p: p, ctx: ctx, startTab: startTab}
	b.setSaved()
	b.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.title.Truncation = fyne.TextTruncateEllipsis
	b.status = widget.NewLabel("")
	// A long status (a Russian or Hungarian one with its dates) breaks
	// onto a second line: it never widens the window, nor loses its end.
	b.status.Wrapping = fyne.TextWrapWord
	b.readiness = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { b.showTab(tabReadiness) })
	b.parts = map[string]builderPart{}
	b.check()
	return b, nil
}

// part returns the part of the tab name, made when it is first asked
// for (its tab shown, a finding on it followed): a tab the user does not
// open costs nothing. The loops over b.parts reach the parts made so far;
// a part made later reads the working copy as it is then.
func (b *builder) part(name string) builderPart {
	if p := b.parts[name]; p != nil {
		return p
	}
	for _, t := range builderTabs() {
		if t.name == name {
			p := t.make(b)
			b.parts[name] = p
			if c, ok := p.(checkedPart); ok {
				c.onChecked()
			}
			return p
		}
	}
	return nil
}

func (b *builder) Content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Proposals"), ui.Icon(theme.NavigateBackIcon()), func() {
		b.host.Show(ui.Place{Screen: "proposals"})
	})
	back.Importance = widget.LowImportance
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), b.OnSave)
	save.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon(lang.L("Delete"), ui.Icon(theme.DeleteIcon()), b.onDelete)
	del.Importance = widget.LowImportance
	// the buttons keep their height when a long status takes two lines
	header := container.NewBorder(nil, nil, container.NewCenter(back),
		container.NewCenter(container.NewHBox(b.readiness, b.exportButton(), save, del)),
		container.NewVBox(b.title, b.status))

	// A tab's content is put in place when the tab is first shown: Fyne's
	// tabs refresh the content of every tab when they are drawn, hidden
	// ones too, which laid all eight out and shaped their texts (the
	// previews, every block): 2.4 s of the UI goroutine at 100,000 people.
	b.tabOf = map[string]*container.TabItem{}
	name := map[*container.TabItem]string{}
	var items []*container.TabItem
	for _, t := range builderTabs() {
		item := container.NewTabItem(t.label(), container.NewStack())
		b.tabOf[t.name] = item
		name[item] = t.name
		items = append(items, item)
	}
	// The tabs show and hide the holders; the part is told it is shown
	// (the audiences' preview assembles its variant only then).
	fill := func(item *container.TabItem) {
		c := b.part(name[item]).Content()
		if holder, ok := item.Content.(*fyne.Container); ok && len(holder.Objects) == 0 {
			holder.Objects = []fyne.CanvasObject{c}
			holder.Refresh()
		}
		c.Show()
	}
	// All at once: each Append refreshes every tab built so far.
	b.tabs = ui.NewTabs(items...)
	b.tabs.OnSelected = fill
	b.showTab(b.startTab)
	fill(b.tabs.Selected())
	b.updateHeader()
	return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, b.tabs)
}

// changed is called by the parts after every edit of the working copy: the
// header updates at once, the readiness check after a pause in typing.
func (b *builder) changed() {
	if b.guardRevision() {
		return
	}
	b.updateHeader()
	b.checkGen++
	gen := b.checkGen
	b.host.After(checkDebounce, func() {
		if gen == b.checkGen {
			b.check()
		}
	})
}

// check runs the readiness check on the working copy and tells the parts.
func (b *builder) check() {
	b.findings = proposal.Check(&b.p, b.ctx)
	b.updateHeader()
	for _, p := range b.parts {
		if c, ok := p.(checkedPart); ok {
			c.onChecked()
		}
	}
}

// blocking counts the blocking findings.
func (b *builder) blocking() int { return proposal.Blocking(b.findings) }

func (b *builder) updateHeader() {
	acct := b.ctx.Account.Name
	setText(b.title, fmt.Sprintf("%s — %s", b.p.Title, acct))
	today := b.host.Today()
	st := ui.Tr(b.p.StatusOn(today).Label())
	if left, ok := b.p.DaysLeft(today); ok {
		st = lang.L("{{.Status}} · valid until {{.Date}} ({{.Left}})",
			map[string]any{"Status": st, "Date": ui.DateText(b.p.Expiry()), "Left": countdown(left)})
	} else {
		st = lang.L("{{.Status}} · no expiry date", map[string]any{"Status": st})
	}
	if r := revisionStatus(&b.p); r != "" {
		st += " · " + r
	}
	if b.Dirty() {
		st += " · " + lang.L("unsaved changes")
	}
	setText(b.status, st)
	n := b.blocking()
	w := len(b.findings) - n
	text, imp, icon := readyText(&b.p), widget.SuccessImportance, theme.ConfirmIcon()
	switch {
	case n > 0:
		text, imp, icon = lang.N("{{.Count}} to fix", n, map[string]any{"Count": n}), widget.DangerImportance, theme.ErrorIcon()
	case w > 0:
		text, imp, icon = lang.N("Ready · {{.Count}} warning", w, map[string]any{"Count": w}), widget.WarningImportance, theme.WarningIcon()
		if b.p.Status != proposal.Draft && b.p.Status != "" {
			text = lang.N("Checks pass · {{.Count}} warning", w, map[string]any{"Count": w})
		}
	}
	if b.readiness.Text != text || b.readiness.Importance != imp {
		b.readiness.Text, b.readiness.Importance = text, imp
		b.readiness.SetIcon(icon) // refreshes
	}
}

// setText changes a label only when its text differs: typing updates the
// header on every key.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// Dirty reports unsaved changes: the working copy differs from what is
// saved, or a field holds text that is not yet a number or a date.
func (b *builder) Dirty() bool {
	for _, p := range b.parts {
		if u, ok := p.(unreadablePart); ok && u.unreadable() > 0 {
			return true
		}
	}
	cur, _ := json.Marshal(&b.p)
	return string(cur) != string(b.saved)
}

// OnSave writes the working copy (Ctrl+S).
func (b *builder) OnSave() { b.SaveChanges() }

// Tabs are the builder's tabs, for Ctrl+Tab.
func (b *builder) Tabs() *ui.Tabs { return b.tabs }

// SaveChanges writes the working copy and reports whether it was saved. A
// failed save keeps every edit and says what to fix.
func (b *builder) SaveChanges() bool {
	for _, t := range builderTabs() {
		if u, ok := b.parts[t.name].(unreadablePart); ok && u.unreadable() > 0 {
			b.showTab(t.name)
			dialog.ShowInformation(lang.L("Not saved"),
				lang.L("Some fields on the “{{.Tab}}” tab hold text that is not a number or a date. Fix the fields marked in red, then save.",
					map[string]any{"Tab": t.label()}), b.host.Window())
			return false
		}
	}
	p := b.p
	if err := b.st.SaveProposal(&p); err != nil {
		if e, ok := b.parts[tabPricing].(*pricingEditor); ok {
			e.revealProblems()
		}
		b.host.ShowError(err)
		return false
	}
	b.p = p
	b.setSaved()
	b.check()
	for _, part := range b.parts {
		if s, ok := part.(savedPart); ok {
			s.onSaved()
		}
	}
	return true
}

// setSaved takes the working copy as the proposal last saved.
func (b *builder) setSaved() { b.setSavedFrom(&b.p) }

// setSavedFrom takes p as the proposal last saved.
func (b *builder) setSavedFrom(p *proposal.Proposal) {
	b.saved, _ = json.Marshal(p)
	b.base = proposal.Proposal{}
	json.Unmarshal(b.saved, &b.base) // a deep copy
}

func (b *builder) onDelete() {
	dialog.ShowConfirm(lang.L("Delete proposal"),
		lang.L("Delete the proposal “{{.Title}}”? You can undo this.", map[string]any{"Title": b.p.Title}),
		func(ok bool) {
			if !ok {
				return
			}
			e, err := b.st.DeleteProposal(b.p.ID)
			if err != nil {
				b.host.ShowError(err)
				return
			}
			b.saved, _ = json.Marshal(&b.p) // nothing left to lose
			b.host.Show(ui.Place{Screen: "proposals"})
			ui.OfferUndo(b.host, e, b.st.Restore)
		}, b.host.Window())
}

// reloadAll shows the working copy again in every part.
func (b *builder) reloadAll() {
	for _, p := range b.parts {
		p.reload()
	}
	b.changed()
}

// showTab brings a tab to the front.
func (b *builder) showTab(name string) {
	if t := b.tabOf[name]; t != nil {
		b.tabs.Select(t)
	}
}

// jump goes to where a finding can be fixed.
func (b *builder) jump(pl proposal.Place) {
	tab := map[string]string{
		proposal.AreaValidity: tabValidity, proposal.AreaCredits: tabPeople,
		proposal.AreaReferences: tabPeople, proposal.AreaSections: tabSections,
		proposal.AreaSection: tabSections, proposal.AreaPricing: tabPricing,
		proposal.AreaFinancial: tabFinancial,
	}[pl.Area]
	if pl.Area == proposal.AreaDossier {
		if pl.PersonID != "" {
			b.host.Show(ui.Place{Screen: "person", ID: pl.PersonID})
		} else {
			b.host.Show(ui.Place{Screen: "account", ID: b.p.AccountID})
		}
		return
	}
	if tab == "" {
		return
	}
	b.showTab(tab)
	if p, ok := b.part(tab).(placedPart); ok && p != nil {
		p.focusPlace(pl)
	}
}

// Keyboard: Ctrl+S saves, Esc goes back to the list (asking about unsaved
// changes).
func (b *builder) OnCancel() { b.host.Show(ui.Place{Screen: "proposals"}) }
