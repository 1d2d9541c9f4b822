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
		command{name: "import", args: "FILE.kamdesk",
			summary: "import a handover bundle: adds what is new, lists each record that differs field by field and writes nothing unless --take mine or --take theirs says which side wins; --dry-run only reports", setup: importCmd},
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
	asJSON := fs.Bool("json", false, "print JSON for scripts")
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
		c.printf("%s\n", i18n.L("Wrote {{.Path}}: {{.Account}}; people: {{.People}}, timeline entries: {{.Events}} (attachments: {{.Files}}), promises: {{.Promises}}, proposals: {{.Proposals}} (sent copies: {{.Sent}}), library sections: {{.Sections}}, team members: {{.Team}}, references: {{.References}}.",
			map[string]any{"Path": *out, "Account": b.Account.Name, "People": n.People, "Events": n.Events, "Files": n.Attachments,
				"Promises": n.Promises, "Proposals": n.Proposals, "Sent": n.Sent, "Sections": n.Sections, "Team": n.Team, "References": n.References}))
		return nil
	}
}

// bundleImportJSON is `import --json`.
type bundleImportJSON struct {
	Path      string              `json:"path"`
	Account   handover.Record     `json:"account"`
	Made      string              `json:"made"`
	New       []handover.Record   `json:"new"`
	Unchanged int                 `json:"unchanged"`
	Conflicts []handover.Conflict `json:"conflicts"`
	Take      string              `json:"take,omitempty"`
	DryRun    bool                `json:"dry_run"`
	Written   bool                `json:"written"`
	Added     int                 `json:"added"`
	Replaced  int                 `json:"replaced"`
	Kept      int                 `json:"kept"` // records that differ whose bundle's version cannot be taken
	// LeftOut are the bundle's timeline entries the import leaves out (or
	// would): their sent copies stay in the other workspace.
	LeftOut []handover.LeftOut `json:"left_out"`
}

func importCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	dry := fs.Bool("dry-run", false, "only report what the import would do; write nothing")
	takeFlag := fs.String("take", "", "for records that differ: mine keeps the workspace's version, theirs takes the bundle's")
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, i18n.L("bundle file")); err != nil {
			return err
		}
		take := handover.TakeNone
		switch *takeFlag {
		case "":
		case "mine":
			take = handover.TakeMine
		case "theirs":
			take = handover.TakeTheirs
		default:
			return usageError{i18n.L("--take is mine or theirs, not {{.Value}}", map[string]any{"Value": *takeFlag})}
		}
		b, err := handover.ReadFile(args[0])
		if err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		plan, err := handover.Compare(st, b, c.Today())
		if err != nil {
			return err
		}
		write := !*dry && (take != handover.TakeNone || len(plan.Conflicts) == 0)
		added, replaced := plan.Writes(take)
		if write {
			if err := plan.Import(st, take); err != nil {
				return err
			}
		}
		if *asJSON {
			v := bundleImportJSON{Path: args[0], Account: handover.Record{Kind: handover.KindAccount, ID: b.Account.ID, Name: b.Account.Name},
				Made: b.Made.UTC().Format("2006-01-02T15:04:05Z"), New: plan.New, Unchanged: len(plan.Same),
				Conflicts: plan.Conflicts, Take: *takeFlag, DryRun: *dry, Written: write, LeftOut: plan.LeftOut(take)}
			if write {
				v.Added, v.Replaced = added, replaced
				if take == handover.TakeTheirs {
					v.Kept = plan.Kept()
				}
			}
			if v.New == nil {
				v.New = []handover.Record{}
			}
			if v.Conflicts == nil {
				v.Conflicts = []handover.Conflict{}
			}
			if v.LeftOut == nil {
				v.LeftOut = []handover.LeftOut{}
			}
			if err := c.json(v); err != nil {
				return err
			}
		} else {
			c.reportImport(args[0], b, plan, take)
		}
		switch {
		case *dry:
			if !*asJSON {
				c.printf("%s\n", i18n.L("Dry run: nothing was written."))
			}
		case !write:
			return dossier.ErrAs("records that differ between the workspace and the bundle: {{.Count}}; nothing was imported. Choose with --take mine (keep the workspace's versions) or --take theirs (take the bundle's)",
				map[string]any{"Count": len(plan.Conflicts)}, handover.ErrDiffers)
		case !*asJSON:
			c.printf("%s\n", i18n.L("Imported: {{.Added}} added, {{.Replaced}} replaced.", map[string]any{"Added": added, "Replaced": replaced}))
			if n := plan.Kept(); take == handover.TakeTheirs && n > 0 {
				c.printf("%s\n", i18n.N("{{.Count}} record that differs stays as it is here: the bundle's version cannot be taken.", n, map[string]any{"Count": n}))
			}
			if l := handover.LeftOutLine(len(plan.LeftOut(take))); l != "" {
				c.printf("%s\n", l)
			}
		}
		return nil
	}
}

// reportImport says what importing the bundle would do
// (handover.Report).
func (c *ctx) reportImport(path string, b *handover.Bundle, plan *handover.Plan, take handover.Take) {
	for _, line := range handover.Report(path, b, plan, take) {
		c.printf("%s\n", line)
	}
}
