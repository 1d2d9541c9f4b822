package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"kamdesk/app/i18n"

	"kamdesk/dossier"
)

// tr translates a source string; the empty string stays empty.
func tr(s string) string {
	if s == "" {
		return ""
	}
	return i18n.L(s)
}

// dossierText writes an account's whole dossier as readable text.
type dossierText struct {
	w      io.Writer
	today  dossier.Date
	rules  dossier.Rules
	people []dossier.Person
	team   []dossier.TeamMember
}

func (d *dossierText) heading(s string) {
	fmt.Fprintf(d.w, "\n%s\n%s\n", s, strings.Repeat("=", len([]rune(s))))
}

// field prints "Label: value", skipping empty values; multi-line values
// are indented under the label. The label is translated without the
// spaces that indent it ("  Phone" is a person's "Phone").
func (d *dossierText) field(label, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	word := strings.TrimLeft(label, " ")
	label = label[:len(label)-len(word)] + tr(word)
	if strings.Contains(value, "\n") {
		fmt.Fprintf(d.w, "%s:\n", label)
		for _, l := range strings.Split(value, "\n") {
			fmt.Fprintf(d.w, "    %s\n", l)
		}
		return
	}
	fmt.Fprintf(d.w, "%s: %s\n", label, value)
}

func (d *dossierText) personName(id string) string {
	for _, p := range d.people {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

func (d *dossierText) account(a dossier.Account) {
	fmt.Fprintf(d.w, "%s\n%s\n", a.Name, strings.Repeat("#", len([]rune(a.Name))))
	d.field("ID", a.ID)
	d.field("Industry", a.Industry)
	d.field("Segment or territory", a.Segment)
	d.field("Tier", tr(a.Tier.Label()))
	share := percent(a.RevenueShare)
	if a.MonoDependent(d.rules) {
		share += "  " + i18n.L("⚠ above {{.Limit}}%: we depend dangerously on this client",
			map[string]any{"Limit": d.rules.OrDefault().MonoDependencePercent})
	}
	d.field("Share of our revenue", share)
	var crit []string
	for _, c := range dossier.Criteria {
		mark := "[ ]"
		if a.Has(c) {
			mark = "[x]"
		}
		crit = append(crit, mark+" "+tr(c.Label()))
	}
	d.field("Why it is key", strings.Join(crit, "\n"))
	for _, m := range d.team {
		if m.ID == a.Owner {
			d.field("Owner", m.Name)
		}
	}
	if a.Owner != "" && !d.hasTeam(a.Owner) {
		d.field("Owner", a.Owner)
	}
	if !a.NextTender.IsZero() {
		d.field("Next tender", i18n.L("{{.Date}} (preparation from {{.Start}})",
			map[string]any{"Date": a.NextTender.String(), "Start": a.TenderPrepStart(d.rules).String()}))
	}
	d.field("Annual review", a.AnnualReview.String())
	if a.Passive {
		d.field("Status", i18n.L("passive: a well-informed prospect"))
	}
	d.field("Strategy", a.Strategy)
	d.field("Goals", a.Goals)
	d.field("Competitors in use", strings.Join(a.Competitors, ", "))
	d.field("Notes", a.Notes)

	c := dossier.CoverageOf(d.people)
	d.heading(i18n.L("Coverage"))
	fmt.Fprintln(d.w, i18n.L("{{.People}} people known, {{.Warm}} at customer level or above; {{.Audiences}} of 4 audiences reached; decision makers known: {{.DM}}; strength {{.Strength}}%",
		map[string]any{"People": c.People, "Warm": c.Warm, "Audiences": c.Audiences, "DM": c.DecisionMakers, "Strength": c.Strength}))
	var levels []string
	for _, l := range dossier.Ladder {
		levels = append(levels, fmt.Sprintf("%s %d", tr(l.Label()), c.ByLevel[l]))
	}
	fmt.Fprintln(d.w, i18n.L("Ladder:")+" "+strings.Join(levels, " → "))
}

func (d *dossierText) hasTeam(id string) bool {
	for _, m := range d.team {
		if m.ID == id {
			return true
		}
	}
	return false
}

func (d *dossierText) group() {
	d.heading(i18n.L("Decision-making group"))
	if len(d.people) == 0 {
		fmt.Fprintln(d.w, i18n.L("Nobody recorded yet."))
		return
	}
	for i, p := range d.people {
		if i > 0 {
			fmt.Fprintln(d.w)
		}
		fmt.Fprintf(d.w, "%s — %s\n", p.Name, dash(p.Position))
		d.field("  ID", p.ID)
		d.field("  Department", p.Department)
		if p.ReportsTo != "" {
			d.field("  Reports to", d.personName(p.ReportsTo))
		}
		d.field("  Type", tr(p.Type.Label()))
		d.field("  Ladder level", tr(p.Level.Label())+" — "+tr(p.Level.Advice()))
		d.field("  Buying role", tr(p.Role.Label()))
		d.field("  Influence", tr(p.Influence.Label()))
		d.field("  E-mail", p.Email)
		d.field("  Phone", p.Phone)
		d.field("  Preferred channel", tr(p.Channel.Label()))
		if !p.Birthday.IsZero() {
			b := birthdayText(p.Birthday)
			days := p.Birthday.DaysUntil(d.today)
			if age, ok := p.Birthday.AgeOn(d.today); ok {
				b += "  " + i18n.N("(turns {{.Age}} in {{.Count}} day)", days, map[string]any{"Age": age, "Count": days})
			} else {
				b += "  " + i18n.N("(in {{.Count}} day)", days, map[string]any{"Count": days})
			}
			d.field("  Birthday", b)
		}
		d.field("  Family", p.Family)
		d.field("  Hobbies", p.Hobbies)
		d.field("  Values", p.Values)
		if c, ok := p.NPSClass(); ok {
			d.field("  NPS", strconv.Itoa(*p.NPS)+" ("+tr(c.Label())+")")
		}
		d.field("  Last contact", p.LastContact.String())
		if next := p.ContactDate(d.rules); !next.IsZero() {
			s := next.String()
			if p.ContactDue(d.rules, d.today) {
				s += "  " + i18n.L("(due)")
			}
			d.field("  Next contact", s)
		}
		d.field("  Notes", p.Notes)
		d.field("  Source and consent", p.PrivacyNote)
		d.field("  Photo", photoText(p.Photo))
	}
}

// photoText says what a person's photo is: its kind, pixels and size;
// "" when there is none.
func photoText(ph *dossier.Photo) string {
	if ph == nil {
		return ""
	}
	return i18n.L("{{.Kind}} image, {{.Width}}×{{.Height}} pixels, {{.Size}} KB",
		map[string]any{"Kind": ph.Kind(), "Width": ph.Width, "Height": ph.Height, "Size": ph.KB()})
}

func (d *dossierText) timeline(events []dossier.Event, promises []dossier.Promise) {
	d.heading(i18n.L("Timeline"))
	if len(events) == 0 {
		fmt.Fprintln(d.w, i18n.L("No events recorded yet."))
	}
	for _, e := range events {
		var who []string
		for _, id := range e.People {
			who = append(who, d.personName(id))
		}
		line := fmt.Sprintf("%s  %-9s %s", e.Date, tr(e.Kind.Label()), e.Title)
		if len(who) > 0 {
			line += "  (" + strings.Join(who, ", ") + ")"
		}
		fmt.Fprintln(d.w, line)
		if t := strings.TrimSpace(e.Text); t != "" {
			for _, l := range strings.Split(t, "\n") {
				fmt.Fprintf(d.w, "            %s\n", l)
			}
		}
		for _, a := range e.Attachments {
			fmt.Fprintf(d.w, "            📎 %s (%d bytes)\n", a.Name, a.Size)
		}
	}
	d.heading(i18n.L("Promises"))
	if len(promises) == 0 {
		fmt.Fprintln(d.w, i18n.L("No promises recorded."))
	}
	for _, p := range promises {
		status := tr(p.Status.Label())
		if p.Late(d.today) {
			status = i18n.L("LATE")
		}
		fmt.Fprintf(d.w, "%s  %-8s %s\n", p.Due, status, p.Text)
		for _, s := range p.Slips {
			apology := i18n.L("no apology sent")
			if s.ApologySent {
				apology = i18n.L("apology sent")
			}
			fmt.Fprintf(d.w, "            %s\n", i18n.L("slipped from {{.Old}} to {{.New}} (told on {{.On}}, {{.Apology}}): {{.Why}}",
				map[string]any{"Old": s.OldDue.String(), "New": s.NewDue.String(), "On": s.On.String(), "Apology": apology, "Why": dossier.OneLine(s.Explanation)}))
		}
	}
}

func (d *dossierText) agenda(items []agendaJSON) {
	if len(items) == 0 {
		return
	}
	d.heading(i18n.L("Coming up"))
	plain := make([]dossier.AgendaItem, len(items))
	for i := range items {
		plain[i] = items[i].AgendaItem
	}
	writeAgenda(d.w, plain, localText)
}

// birthdayText is a birthday as people write it: "8 March", "8 March 1979".
func birthdayText(b dossier.Birthday) string {
	data := map[string]any{"Day": b.Day, "Month": i18n.L(b.Month.String()), "Year": b.Year}
	if b.HasYear() {
		return i18n.L("{{.Day}} {{.Month}} {{.Year}}", data)
	}
	return i18n.L("{{.Day}} {{.Month}}", data)
}
