package handover

import (
	"slices"

	"kamdesk/app/i18n"
)

// Report is what importing b at path with choice c would do, as lines
// for people: the bundle and the new records (Head); each record that
// differs with its details (Details) and the side c chooses for it; then
// the timeline entries the import leaves out (LeftOutLines). The command
// line shows it; the desktop shows its parts around a choice for each
// record that differs.
func Report(path string, b *Bundle, p *Plan, c Choice) []string {
	lines := Head(path, b, p, c)
	for _, r := range p.Conflicts {
		lines = append(lines, "  ≠ "+Title(r))
		for _, l := range Details(r) {
			lines = append(lines, "      "+l)
		}
		switch c.For(r.Kind, r.ID) {
		case TakeMine:
			lines = append(lines, "      → "+i18n.L("Chosen: the version here stays."))
		case TakeTheirs:
			if r.Refused == "" {
				lines = append(lines, "      → "+i18n.L("Chosen: the bundle's version is taken."))
			}
		}
	}
	return append(lines, LeftOutLines(p.LeftOut(c))...)
}

// Head is the start of a report: the bundle, the counts and each new
// record that importing with c writes.
func Head(path string, b *Bundle, p *Plan, c Choice) []string {
	lines := []string{
		i18n.L("Bundle {{.Path}}: account {{.Account}}, made {{.Made}}.",
			map[string]any{"Path": path, "Account": b.Account.Name, "Made": b.Made.Local().Format("2006-01-02 15:04")}),
		i18n.L("New: {{.New}}. Unchanged: {{.Same}}. Different here and in the bundle: {{.Differ}}.",
			map[string]any{"New": len(p.New), "Same": len(p.Same), "Differ": len(p.Conflicts)}),
	}
	left := p.LeftOut(c)
	for _, r := range p.New {
		if !slices.ContainsFunc(left, func(l LeftOut) bool { return l.Record == r }) {
			lines = append(lines, "  + "+KindLabel(r.Kind)+" "+r.Name)
		}
	}
	return lines
}

// Title names a record that differs: its kind, name and ID.
func Title(r Conflict) string { return KindLabel(r.Kind) + " " + r.Name + " (" + r.ID + ")" }

// Details are the lines of a record that differs: its fields (here → in
// the bundle, a list by what it adds, removes and changes), what taking
// the bundle's version does besides, or why it cannot be taken, and what
// keeping it leaves out.
func Details(r Conflict) []string {
	var lines []string
	for _, ch := range r.Changes {
		lines = append(lines, changeLine(ch))
	}
	for _, l := range r.Taking {
		lines = append(lines, "· "+l)
	}
	if r.Refused != "" {
		lines = append(lines, "! "+i18n.L("The bundle's version cannot be taken, and this one stays as it is: {{.Reason}}", map[string]any{"Reason": r.Refused}))
	}
	for _, l := range r.IfKept {
		lines = append(lines, "· "+l)
	}
	return lines
}

// changeLine writes a field that differs: here → in the bundle, or how a
// list differs.
func changeLine(ch Change) string {
	if ch.Summary != "" {
		return ch.Field + ": " + ch.Summary
	}
	return ch.Field + ": " + ch.Here + " → " + ch.There
}

// KindLabel names a kind of record in an import's report.
func KindLabel(kind string) string {
	switch kind {
	case KindAccount:
		return i18n.L("account")
	case KindPerson:
		return i18n.L("person")
	case KindEvent:
		return i18n.L("timeline entry")
	case KindPromise:
		return i18n.L("promise")
	case KindProposal:
		return i18n.L("proposal")
	case KindSection:
		return i18n.L("section")
	case KindTeam:
		return i18n.L("team member")
	case KindReference:
		return i18n.L("reference")
	}
	return kind
}
