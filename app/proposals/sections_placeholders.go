package proposals

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// showPlaceholders lists the placeholders the block uses with their
// values for the whole group: unknown ones in red, empty ones in amber.
func (blk *sectionBlock) showPlaceholders() {
	_, _, _, body := blk.text()
	var ok, unknown, empty []string
	for _, n := range proposal.UsedPlaceholders(body) {
		ph := "{{" + n + "}}"
		v := blk.s.values[n]
		switch {
		case !slices.Contains(proposal.Placeholders, n):
			unknown = append(unknown, lang.L("{{.Placeholder}}: unknown placeholder", map[string]any{"Placeholder": ph}))
		case strings.TrimSpace(v) == "":
			empty = append(empty, lang.L("{{.Placeholder}}: no value", map[string]any{"Placeholder": ph}))
		default:
			ok = append(ok, ph+" = "+ui.Clip(ui.OneLine(v), 60))
		}
	}
	key := strings.Join(ok, "\x00") + "\x01" + strings.Join(unknown, "\x00") + "\x01" + strings.Join(empty, "\x00")
	if key == blk.phKey {
		return
	}
	blk.phKey = key
	okText := ""
	if len(ok) > 0 {
		okText = lang.L("Placeholders for the whole group: {{.List}}", map[string]any{"List": strings.Join(ok, " · ")})
	}
	secLabelText(blk.phOK, okText)
	secLabelText(blk.phUnknown, strings.Join(unknown, " · "))
	secLabelText(blk.phEmpty, strings.Join(empty, " · "))
}

// insertPlaceholder types {{name}} at the cursor of the body, replacing a
// selection as pasting would.
func (blk *sectionBlock) insertPlaceholder(name string) {
	if blk.ed == nil {
		return
	}
	body := blk.ed.body
	for _, r := range "{{" + name + "}}" {
		body.TypedRune(r)
	}
	blk.s.b.host.Window().Canvas().Focus(body)
}

// setValues works out the placeholder values for the whole group again;
// those of each audience follow when asked for.
func (s *sectionsEditor) setValues() {
	s.values = proposal.Values(&s.b.p, s.b.ctx, proposal.All)
	s.variants = nil
}

// valuesFor are the placeholder values of audience a (All: the whole
// group's).
func (s *sectionsEditor) valuesFor(a proposal.Audience) map[string]string {
	if a == proposal.All {
		return s.values
	}
	if s.variants == nil {
		s.variants = map[proposal.Audience]map[string]string{}
	}
	v, ok := s.variants[a]
	if !ok {
		v = proposal.Values(&s.b.p, s.b.ctx, a)
		s.variants[a] = v
	}
	return v
}
