package handover

import (
	"slices"

	"kamdesk/app/i18n"
)

// Report is what importing b at path would do, as lines for people: the
// bundle, the counts, each new record and each record that differs with
// its fields (here → in the bundle, a list by what it adds, removes and
// changes), what taking the bundle's version does besides, or why it
// cannot be taken, and what keeping it leaves out; then the timeline
// entries importing with take leaves out (LeftOut). The command line and
// the desktop show it.
func Report(path string, b *Bundle, p *Plan, take Take) []string {
	lines := []string{
		i18n.L("Bundle {{.Path}}: account {{.Account}}, made {{.Made}}.",
			map[string]any{"Path": path, "Account": b.Account.Name, "Made": b.Made.Local().Format("2006-01-02 15:04")}),
		i18n.L("New: {{.New}}. Unchanged: {{.Same}}. Different here and in the bundle: {{.Differ}}.",
			map[string]any{"New": len(p.New), "Same": len(p.Same), "Differ": len(p.Conflicts)}),
	}
	left := p.LeftOut(take)
	for _, r := range p.New {
		if !slices.ContainsFunc(left, func(l LeftOut) bool { return l.Record == r }) {
			lines = append(lines, "  + "+KindLabel(r.Kind)+" "+r.Name)
		}
	}
	for _, c := range p.Conflicts {
		lines = append(lines, "  ≠ "+KindLabel(c.Kind)+" "+c.Name+" ("+c.ID+")")
		for _, ch := range c.Changes {
			lines = append(lines, "      "+changeLine(ch))
		}
		for _, l := range c.Taking {
			lines = append(lines, "      · "+l)
		}
		if c.Refused != "" {
			lines = append(lines, "      ! "+i18n.L("The bundle's version cannot be taken, and this one stays as it is: {{.Reason}}", map[string]any{"Reason": c.Refused}))
		}
		for _, l := range c.IfKept {
			lines = append(lines, "      · "+l)
		}
	}
	return append(lines, leftOutLines(left)...)
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
