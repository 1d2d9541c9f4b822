package accounts

import (
	"fmt"
	"image"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// dossierScreen shows one account's dossier: its facts, the
// decision-making group as an org chart beside the list of people, the
// account plan and the timeline.
type dossierScreen struct {
	host     ui.Host
	st       Store
	acct     dossier.Account
	people   []dossier.Person
	events   []dossier.Event
	promises []dossier.Promise
	team     []dossier.TeamMember
	rules    dossier.Rules

	peopleList *ui.List
	chart      *orgChart       // the decision-making group
	chartView  *chartView      // the chart in its pane, with its zoom
	detail     *fyne.Container // the selected person
	tabs       *ui.Tabs
	timeline   *timeline // the Timeline tab
	shown      int       // counts the people shown, so that a late photo is dropped
}

// NewDossier opens the dossier of account id.
func NewDossier(h ui.Host, st Store, id string) (*dossierScreen, error) {
	s := &dossierScreen{host: h, st: st}
	var err error
	if s.acct, err = st.Account(id); err != nil {
		return nil, err
	}
	if s.people, err = st.People(id); err != nil {
		return nil, err
	}
	if s.events, err = st.Events(id); err != nil {
		return nil, err
	}
	if s.promises, err = st.Promises(id); err != nil {
		return nil, err
	}
	if s.team, err = st.Team(); err != nil {
		return nil, err
	}
	if s.rules, err = st.Rules(); err != nil {
		return nil, err
	}
	s.detail = container.NewStack()
	s.peopleList = ui.NewList(
		func() int { return len(s.people) },
		// One line a person (the name in bold, then position, type and
		// level), so that the list shows the group in a third of the pane.
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			rest := ui.NewFitLabel("") // cut with "…" where the pane ends
			rest.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, name, nil, rest)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := s.people[i]
			row := o.(*fyne.Container) // a border puts its centre first
			row.Objects[1].(*widget.Label).SetText(p.Name)
			row.Objects[0].(*ui.FitLabel).SetText(fmt.Sprintf("%s · %s · %s", dashIfEmpty(p.Position), ui.Tr(p.Type.Label()), ui.Tr(p.Level.Label())))
		})
	s.peopleList.OnSelected = func(i widget.ListItemID) { s.showPerson(s.people[i]) }
	return s, nil
}

func (s *dossierScreen) Content() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Accounts"), theme.NavigateBackIcon(), func() {
		s.host.Show(ui.Place{Screen: "accounts"})
	})
	back.Importance = widget.LowImportance
	name := widget.NewLabelWithStyle(s.acct.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	facts := []string{ui.Tr(s.acct.Tier.Label())}
	if s.acct.Industry != "" {
		facts = append(facts, s.acct.Industry)
	}
	facts = append(facts, lang.L("{{.Share}} of our revenue", map[string]any{"Share": ui.PercentText(s.acct.RevenueShare)}))
	sub := ui.NewFitLabel(strings.Join(facts, " · ")) // cut, so that the header fits a window 1024 pixels wide
	edit := widget.NewButtonWithIcon(lang.L("Edit account"), theme.DocumentCreateIcon(), func() { editAccount(s.host, s.acct.ID) })
	del := widget.NewButtonWithIcon(lang.L("Delete account"), theme.DeleteIcon(), func() { confirmDeleteAccount(s.host, s.st, s.acct, len(s.people)) })
	actions := container.NewHBox(edit, del)
	// The account's proposals, with "New proposal" preset to this account.
	props := widget.NewButtonWithIcon(lang.L("Proposals"), theme.DocumentIcon(), func() {
		s.host.Show(ui.Place{Screen: "proposals", ID: "account:" + s.acct.ID})
	})
	actions.Objects = append([]fyne.CanvasObject{props}, actions.Objects...)
	header := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(back, name), actions, sub))
	if s.acct.MonoDependent(s.rules) {
		warn := ui.NewWrapLabel(lang.L("⚠ Above {{.Limit}}% of our revenue: we depend dangerously on this client.",
			map[string]any{"Limit": s.rules.OrDefault().MonoDependencePercent}))
		warn.TextStyle = fyne.TextStyle{Bold: true}
		warn.Importance = widget.DangerImportance
		header.Add(warn)
	}
	header.Add(ui.NewWrapLabel(s.coverageText())) // wrapped: the window need not be as wide as the whole line

	s.tabs = ui.NewTabs(
		container.NewTabItem(lang.L("Decision-making group"), s.groupTab()),
		container.NewTabItem(lang.L("Account plan"), s.planTab()),
		container.NewTabItem(lang.L("Timeline"), s.timelineTab()),
	)
	for _, it := range s.tabs.Items {
		if it.Text == s.host.Recall("dossier.tab") {
			s.tabs.Select(it)
		}
	}
	s.tabs.OnSelected = func(it *container.TabItem) { s.host.Remember("dossier.tab", it.Text) }
	return container.NewBorder(header, nil, nil, nil, s.tabs)
}

// Tabs are the dossier's tabs, for Ctrl+Tab.
func (s *dossierScreen) Tabs() *ui.Tabs { return s.tabs }

// FocusFirst puts the focus in the tab shown: the group's people list, a
// list or button of another tab, so that the arrows work at once.
func (s *dossierScreen) FocusFirst() {
	if s.tabs == nil {
		return
	}
	if s.tabs.SelectedIndex() == 0 && s.peopleList != nil {
		s.host.Window().Canvas().Focus(s.peopleList)
		return
	}
	ui.FocusIn(s.host.Window(), s.tabs.Selected().Content)
}

func (s *dossierScreen) coverageText() string {
	c := dossier.CoverageOf(s.people)
	var levels []string
	for _, l := range dossier.Ladder {
		if n := c.ByLevel[l]; n > 0 {
			levels = append(levels, fmt.Sprintf("%s %d", ui.Tr(l.Label()), n))
		}
	}
	return lang.L("Coverage: {{.People}} people known, {{.Audiences}} of 4 audiences, strength {{.Strength}}% — {{.Levels}}",
		map[string]any{"People": c.People, "Audiences": c.Audiences, "Strength": c.Strength, "Levels": strings.Join(levels, ", ")})
}

// OnNew adds a person to the account (Ctrl+N), as "Add person" does.
func (s *dossierScreen) OnNew() {
	place := ui.Place{Screen: "person", ID: newPersonPrefix + s.acct.ID}
	s.host.Defer(func() { s.host.Show(place) })
}

func (s *dossierScreen) groupTab() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add person"), theme.ContentAddIcon(), s.OnNew)
	imp := widget.NewButtonWithIcon(lang.L("Import people…"), ui.Icon(theme.DownloadIcon()), s.onImport)
	if len(s.people) == 0 {
		return container.NewCenter(container.NewVBox(
			widget.NewLabel(lang.L("Nobody of this account's decision-making group is recorded yet.")), container.NewCenter(container.NewHBox(add, imp))))
	}
	s.chart = newOrgChart(s.people, s.showPerson)
	s.chartView = newChartView(s.chart)
	chart := s.chartView.root
	legend := s.legend()
	// wrapped: in a longer language it would widen the pane
	hint := widget.NewLabel(lang.L("Choose a person to see their dossier."))
	hint.Wrapping, hint.Alignment = fyne.TextWrapWord, fyne.TextAlignCenter
	s.detail.Objects = []fyne.CanvasObject{container.NewVBox(layout.NewSpacer(), hint, layout.NewSpacer())}
	right := container.NewVSplit(container.NewBorder(container.NewHBox(add, imp), nil, nil, nil, s.peopleList), container.NewVScroll(s.detail))
	right.Offset = 0.4 // the person's dossier, below, gets the larger part
	split := container.NewHSplit(container.NewBorder(nil, legend, nil, nil, chart), right)
	split.Offset = 0.55
	return split
}

func (s *dossierScreen) legend() fyne.CanvasObject {
	box := container.NewGridWithColumns(3) // two rows: the legend fits a narrow pane
	for _, l := range dossier.Ladder {
		sw := canvas.NewRectangle(ui.LevelColor(l))
		sw.CornerRadius = 3
		sw.SetMinSize(fyne.NewSize(14, 14))
		box.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(ui.Tr(l.Label()))))
	}
	hint := widget.NewLabel(lang.L("EXE executive · HR · FIN finance · TEC technical · ●●● influence"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(box, hint)
}

// showPerson shows a person's whole dossier, read-only.
func (s *dossierScreen) showPerson(p dossier.Person) {
	if s.chart != nil {
		s.chart.selectPerson(p.ID)
	}
	today := s.host.Today()
	form := widget.NewForm()
	add := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		form.Append(lang.L(label), v)
	}
	// An address or a number whole, never broken mid-word: in a narrow
	// pane it breaks only at its seams ("david.okafor" / "@northbridge-…").
	whole := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			form.Append(lang.L(label), ui.NewAddressLabel(value))
		}
	}
	add("Position", p.Position)
	add("Department", p.Department)
	for _, m := range s.people {
		if m.ID == p.ReportsTo {
			add("Reports to", m.Name)
		}
	}
	add("Stakeholder type", ui.Tr(p.Type.Label()))
	add("Ladder level", ui.Tr(p.Level.Label())+" — "+ui.Tr(p.Level.Advice()))
	add("Buying role", ui.Tr(p.Role.Label()))
	add("Influence", ui.Tr(p.Influence.Label()))
	whole("E-mail", p.Email)
	whole("Phone", p.Phone)
	add("Preferred channel", ui.Tr(p.Channel.Label()))
	if !p.Birthday.IsZero() {
		b := ui.BirthdayText(p.Birthday)
		n := p.Birthday.DaysUntil(today)
		if age, ok := p.Birthday.AgeOn(today); ok {
			b += " " + lang.N("(turns {{.Age}} in {{.Count}} day)", n, map[string]any{"Age": age, "Count": n})
		} else {
			b += " " + lang.N("(in {{.Count}} day)", n, map[string]any{"Count": n})
		}
		add("Birthday", b)
	}
	add("Family", p.Family)
	add("Hobbies", p.Hobbies)
	add("Values", p.Values)
	if c, ok := p.NPSClass(); ok {
		add("NPS", strconv.Itoa(*p.NPS)+" — "+ui.Tr(c.Label()))
	}
	add("Last contact", ui.DateText(p.LastContact))
	if d := p.ContactDate(s.rules); !d.IsZero() {
		v := ui.DateText(d)
		switch n := today.DaysUntil(d); {
		case n < 0: // as the agenda and the people list say it
			v += " " + lang.N("(late by {{.Count}} day)", -n, map[string]any{"Count": -n})
		case p.ContactDue(s.rules, today):
			v += " " + lang.L("(due)")
		}
		add("Next contact", v)
	}
	add("Notes", p.Notes)
	add("Source and consent", p.PrivacyNote)
	title := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	edit := widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() {
		place := ui.Place{Screen: "person", ID: p.ID}
		s.host.Defer(func() { s.host.Show(place) })
	})
	head := container.NewBorder(nil, nil, s.personPhoto(p.Photo), edit, title)
	s.detail.Objects = []fyne.CanvasObject{container.NewVBox(head, form)}
	s.detail.Refresh()
}

// dossierPhotoSize is the side of the square a person's photo takes in
// their dossier, beside their name.
const dossierPhotoSize = 64

// personPhoto is ph as the dossier shows it beside the person's name,
// read and shrunk in the background; nothing when there is none or it
// cannot be read (the person's screen says why).
func (s *dossierScreen) personPhoto(ph *dossier.Photo) fyne.CanvasObject {
	s.shown++
	if ph == nil {
		return nil
	}
	picture := canvas.NewImageFromImage(nil)
	picture.FillMode = canvas.ImageFillContain
	picture.ScaleMode = canvas.ImageScaleSmooth
	picture.SetMinSize(fyne.NewSquareSize(dossierPhotoSize))
	shown := s.shown
	var img image.Image
	s.host.Background(func() {
		data, err := s.st.File(ph.Attachment)
		if err == nil {
			img, _ = thumbnail(data, 2*dossierPhotoSize)
		}
	}, func() {
		if shown == s.shown && img != nil {
			picture.Image = img
			picture.Refresh()
		}
	})
	return picture
}

// selectPerson selects the person id in the people list, which shows
// their details.
func (s *dossierScreen) selectPerson(id string) {
	for i, p := range s.people {
		if p.ID == id {
			s.peopleList.Select(i)
			return
		}
	}
}

func (s *dossierScreen) planTab() fyne.CanvasObject {
	a := s.acct
	form := widget.NewForm()
	add := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			value = "–"
		}
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		form.Append(lang.L(label), v)
	}
	add("Segment or territory", a.Segment)
	var crit []string
	for _, c := range dossier.Criteria {
		mark := "☐ "
		if a.Has(c) {
			mark = "☑ "
		}
		crit = append(crit, mark+ui.Tr(c.Label()))
	}
	add("Why it is key", strings.Join(crit, "\n"))
	owner := a.Owner
	for _, m := range s.team {
		if m.ID == a.Owner {
			owner = m.Name
		}
	}
	add("Owner", owner)
	if !a.NextTender.IsZero() {
		add("Next tender", lang.L("{{.Date}} (preparation from {{.Start}})",
			map[string]any{"Date": ui.DateText(a.NextTender), "Start": ui.DateText(a.TenderPrepStart(s.rules))}))
	} else {
		add("Next tender", "")
	}
	add("Annual review", ui.DateText(a.AnnualReview))
	add("Strategy", a.Strategy)
	add("Goals", a.Goals)
	add("Competitors", strings.Join(a.Competitors, ", "))
	add("Notes", a.Notes)
	return container.NewScroll(form)
}

// timelineTab is the account's events and promises, editable (timeline.go).
func (s *dossierScreen) timelineTab() fyne.CanvasObject {
	s.timeline = newTimeline(s.host, s.st, s.acct.ID, s.people, s.events, s.promises)
	return s.timeline.Content()
}
