package cli

import (
	"flag"
	"os"
	"time"

	"kamdesk/app/handover"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

func init() {
	register(
		command{name: "account export", reads: true, args: "ID",
			summary: "write a handover bundle of one account (-o FILE.kamdesk): its dossier, people, timeline with attachments, promises, proposals with what was sent, and the sections, team members and references they use", setup: accountExportCmd},
	)
}

// exportJSON is `account export --json`.
type exportJSON struct {
	Path    string          `json:"path"`
	Account string          `json:"account"`
	Name    string          `json:"name"`
	Records handover.Counts `json:"records"`
}

func accountExportCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	out := outputFlag(fs, "the bundle to write (FILE.kamdesk)")
	asJSON := fs.Bool("json", false, "print the summary as JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, i18n.L("account ID")); err != nil {
			return err
		}
		if *out == "" {
			return usageError{i18n.L("missing {{.What}}", map[string]any{"What": "-o FILE.kamdesk"})}
		}
		if _, err := os.Lstat(*out); err == nil {
			return dossier.ErrAs("{{.Path}} exists already: name a new file", map[string]any{"Path": *out}, os.ErrExist)
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		b, err := handover.Gather(st, args[0], time.Now(), store.SchemaVersion)
		if err != nil {
			return err
		}
		if err := handover.WriteFile(*out, b); err != nil {
			return dossier.Err("writing {{.Path}}", map[string]any{"Path": *out}, err)
		}
		n := b.Count()
		if *asJSON {
			return c.json(exportJSON{Path: *out, Account: b.Account.ID, Name: b.Account.Name, Records: n})
		}
		c.printf("%s\n", i18n.L("Wrote {{.Path}}: {{.Account}} with {{.People}} people, {{.Events}} timeline entries ({{.Files}} attachments), {{.Promises}} promises, {{.Proposals}} proposals ({{.Sent}} sent copies), {{.Sections}} sections, {{.Team}} team members, {{.References}} references.",
			map[string]any{"Path": *out, "Account": b.Account.Name, "People": n.People, "Events": n.Events, "Files": n.Attachments,
				"Promises": n.Promises, "Proposals": n.Proposals, "Sent": n.Sent, "Sections": n.Sections, "Team": n.Team, "References": n.References}))
		return nil
	}
}
