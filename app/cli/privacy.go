package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"

	"kamdesk/app/store"
)

func init() {
	register(
		command{name: "person privacy", reads: true, args: "ID",
			summary: "list everything kept about a person, with its source and consent (for a subject-access request)", setup: personPrivacy},
		command{name: "person erase", args: "ID",
			summary: "erase a person for good: their record, their place in the bin and (with --mentions) every mention; asks unless --yes", setup: personErase},
		command{name: "account erase", args: "ID",
			summary: "erase an account for good with its people, timeline, files, proposals and sent copies; asks unless --yes", setup: accountErase},
	)
}

func personErase(fs *flag.FlagSet) func(*ctx, []string) error {
	mentions := fs.Bool("mentions", false, "also replace their name, e-mail and phone in every text: events, promises, colleagues' notes, proposals' sending records, sent copies, the bin")
	yes := fs.Bool("yes", false, "do not ask")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "person ID"); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		d, err := st.PersonalData(args[0])
		name := args[0]
		if err == nil {
			name = d.Person.Name
		}
		q := i18n.L("Erase {{.Name}} for good? This cannot be undone.", map[string]any{"Name": dossier.OneLine(name)})
		if !*yes && !c.confirm(q) {
			return errors.New("nothing was erased")
		}
		if err := st.ErasePerson(args[0], store.EraseOptions{Mentions: *mentions}); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Erased {{.Name}}.", map[string]any{"Name": dossier.OneLine(name)}))
		return nil
	}
}

func accountErase(fs *flag.FlagSet) func(*ctx, []string) error {
	yes := fs.Bool("yes", false, "do not ask")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "account ID"); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		name := args[0]
		if a, err := st.Account(args[0]); err == nil {
			name = a.Name
		}
		q := i18n.L("Erase {{.Name}} with its people, timeline, files, proposals and sent copies, for good? This cannot be undone.",
			map[string]any{"Name": dossier.OneLine(name)})
		if !*yes && !c.confirm(q) {
			return errors.New("nothing was erased")
		}
		if err := st.EraseAccount(args[0]); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Erased {{.Name}}.", map[string]any{"Name": dossier.OneLine(name)}))
		return nil
	}
}

// confirm asks question on the terminal and reports whether the answer is
// yes. Without an answer (no terminal, end of input) it is no.
func (c *ctx) confirm(question string) bool {
	fmt.Fprintf(c.Stderr, "%s [y/N] ", question)
	var answer string
	fmt.Fscanln(c.Stdin, &answer)
	answer = strings.ToLower(strings.TrimSpace(answer))
	return answer == "y" || answer == "yes" || answer == strings.ToLower(i18n.L("yes"))
}

func personPrivacy(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts (and for the person who asked)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "person ID"); err != nil {
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
		c.printf("%s\n", i18n.L("Personal data kept about {{.Name}} ({{.Account}})", map[string]any{"Name": d.Person.Name, "Account": d.Account}))
		source := d.Source
		if source == "" {
			source = i18n.L("not recorded")
		}
		c.printf("%s %s\n\n", i18n.L("Source and consent:"), dossier.OneLine(source))
		tw := table(c.Stdout, "FIELD", "VALUE")
		for _, f := range d.Facts {
			if f.Field == "photo" && d.Person.Photo != nil {
				f.Value = photoText(d.Person.Photo)
			}
			row(tw, fieldName(f.Field), dossier.OneLine(f.Value))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		c.printf("\n")
		if len(d.Mentions) == 0 {
			c.printf("%s\n", i18n.L("No other record involves or names them."))
			return nil
		}
		tw = table(c.Stdout, "WHERE", "DATE", "RECORD", "HOW")
		for _, m := range d.Mentions {
			date := ""
			if !m.Date.IsZero() {
				date = m.Date.String()
			}
			row(tw, tr(m.Kind), date, dossier.OneLine(m.Title), tr(m.How))
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
	"photo": "Photo",
}
