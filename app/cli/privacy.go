package cli

import (
	"flag"

	"fyne.io/fyne/v2/lang"
)

func init() {
	register(command{name: "person privacy", args: "ID",
		summary: "list everything kept about a person, with its source and consent (for a subject-access request)", setup: personPrivacy})
}

func personPrivacy(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts (and for the person who asked)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, lang.L("person ID")); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		d, err := st.PersonalData(args[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return c.json(d)
		}
		c.printf("%s\n", lang.L("Personal data kept about {{.Name}} ({{.Account}})", map[string]any{"Name": d.Person.Name, "Account": d.Account}))
		source := d.Source
		if source == "" {
			source = lang.L("not recorded")
		}
		c.printf("%s %s\n\n", lang.L("Source and consent:"), oneLine(source))
		tw := table(c.Stdout, "FIELD", "VALUE")
		for _, f := range d.Facts {
			row(tw, fieldName(f.Field), oneLine(f.Value))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		c.printf("\n")
		if len(d.Mentions) == 0 {
			c.printf("%s\n", lang.L("No other record involves or names them."))
			return nil
		}
		tw = table(c.Stdout, "WHERE", "DATE", "RECORD", "HOW")
		for _, m := range d.Mentions {
			date := ""
			if !m.Date.IsZero() {
				date = m.Date.String()
			}
			row(tw, tr(m.Kind), date, oneLine(m.Title), tr(m.How))
		}
		return tw.Flush()
	}
}

// fieldName is a person field as the person form labels it.
func fieldName(field string) string {
	if l, ok := personFieldLabels[field]; ok {
		return tr(l)
	}
	return field
}

var personFieldLabels = map[string]string{
	"name": "Name", "position": "Position", "department": "Department", "reports_to": "Reports to",
	"role": "Buying role", "influence": "Influence", "type": "Stakeholder type", "level": "Ladder level",
	"email": "E-mail", "phone": "Phone", "channel": "Preferred channel", "birthday": "Birthday",
	"family": "Family", "hobbies": "Hobbies", "values": "Values", "notes": "Notes", "nps": "NPS",
	"last_contact": "Last contact", "next_contact": "Next contact", "privacy_note": "Source and consent",
}
