package cli

import (
	"flag"
	"os"
	"strings"
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
			summary: "import a handover bundle: adds what is new, lists each record that differs field by field and writes nothing unless a side is chosen for each: --take mine or --take theirs for all, --take-mine and --take-theirs for the records they name; --dry-run only reports", setup: importCmd},
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
		if err := needArgs(args, 1, "account ID"); err != nil {
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
	Path      string            `json:"path"`
	Account   handover.Record   `json:"account"`
	Made      string            `json:"made"`
	New       []handover.Record `json:"new"`
	Unchanged int               `json:"unchanged"`
	Conflicts []conflictJSON    `json:"conflicts"`
	Take      string            `json:"take,omitempty"`
	DryRun    bool              `json:"dry_run"`
	Written   bool              `json:"written"`
	Added     int               `json:"added"`
	Replaced  int               `json:"replaced"`
	Kept      int               `json:"kept"` // records that differ whose bundle's version was chosen but cannot be taken
	// LeftOut are the bundle's timeline entries the import leaves out (or
	// would): their sent copies stay in the other workspace.
	LeftOut []handover.LeftOut `json:"left_out"`
}

// conflictJSON is a record that differs with the side chosen for it:
// "mine", "theirs" or none.
type conflictJSON struct {
	handover.Conflict
	Chosen string `json:"chosen,omitempty"`
}

func importCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	dry := fs.Bool("dry-run", false, "only report what the import would do; write nothing")
	takeFlag := fs.String("take", "", "for records that differ: mine keeps the workspace's version, theirs takes the bundle's")
	var mine, theirs []string
	fs.Func("take-mine", "keep the workspace's version of the records that differ with these `IDs` (comma-separated; the flag may be repeated), whatever --take says", func(s string) error {
		mine = append(mine, splitIDs(s)...)
		return nil
	})
	fs.Func("take-theirs", "take the bundle's version of the records that differ with these `IDs` (comma-separated; the flag may be repeated), whatever --take says", func(s string) error {
		theirs = append(theirs, splitIDs(s)...)
		return nil
	})
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "bundle file"); err != nil {
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
		choice, err := chooseEach(plan, take, mine, theirs)
		if err != nil {
			return err
		}
		undecided := plan.Undecided(choice)
		write := !*dry && undecided == 0
		added, replaced := plan.Writes(choice)
		if write {
			if err := plan.Import(st, choice); err != nil {
				return err
			}
		}
		if *asJSON {
			v := bundleImportJSON{Path: args[0], Account: handover.Record{Kind: handover.KindAccount, ID: b.Account.ID, Name: b.Account.Name},
				Made: b.Made.UTC().Format("2006-01-02T15:04:05Z"), New: plan.New, Unchanged: len(plan.Same),
				Conflicts: []conflictJSON{}, Take: *takeFlag, DryRun: *dry, Written: write, LeftOut: plan.LeftOut(choice)}
			for _, r := range plan.Conflicts {
				v.Conflicts = append(v.Conflicts, conflictJSON{Conflict: r, Chosen: choice.For(r.Kind, r.ID).String()})
			}
			if write {
				v.Added, v.Replaced, v.Kept = added, replaced, plan.Kept(choice)
			}
			if v.New == nil {
				v.New = []handover.Record{}
			}
			if v.LeftOut == nil {
				v.LeftOut = []handover.LeftOut{}
			}
			if err := c.json(v); err != nil {
				return err
			}
		} else {
			c.reportImport(args[0], b, plan, choice)
		}
		switch {
		case *dry:
			if !*asJSON {
				c.printf("%s\n", i18n.L("Dry run: nothing was written."))
			}
		case !write:
			return dossier.ErrAs("records that differ between the workspace and the bundle with no side chosen: {{.Count}}; nothing was imported. Choose with --take mine (keep the workspace's versions) or --take theirs (take the bundle's), or record by record with --take-mine ID,… and --take-theirs ID,…",
				map[string]any{"Count": undecided}, handover.ErrDiffers)
		case !*asJSON:
			c.printf("%s\n", i18n.L("Imported: {{.Added}} added, {{.Replaced}} replaced.", map[string]any{"Added": added, "Replaced": replaced}))
			if n := plan.Kept(choice); n > 0 {
				c.printf("%s\n", i18n.N("{{.Count}} record that differs stays as it is here: the bundle's version cannot be taken.", n, map[string]any{"Count": n}))
			}
			if l := handover.LeftOutLine(len(plan.LeftOut(choice))); l != "" {
				c.printf("%s\n", l)
			}
		}
		return nil
	}
}

// splitIDs is the IDs of a comma-separated list, blanks left out.
func splitIDs(s string) []string {
	var out []string
	for _, id := range strings.Split(s, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// chooseEach is the choice of --take for the records that differ, but
// for those --take-mine and --take-theirs name by ID. An ID that names no
// record that differs, or is named by both, is a usage error.
func chooseEach(plan *handover.Plan, take handover.Take, mine, theirs []string) (handover.Choice, error) {
	c := handover.Choice{All: take, Each: map[string]handover.Take{}}
	named := map[string]handover.Take{}
	for _, side := range []struct {
		ids  []string
		take handover.Take
		flag string
	}{{mine, handover.TakeMine, "--take-mine"}, {theirs, handover.TakeTheirs, "--take-theirs"}} {
		for _, id := range side.ids {
			if t, ok := named[id]; ok && t != side.take {
				return c, usageError{i18n.L("{{.ID}} is named by both --take-mine and --take-theirs", map[string]any{"ID": id})}
			}
			named[id] = side.take
			found := false
			for _, r := range plan.Conflicts {
				if r.ID == id {
					c.Each[r.Key()], found = side.take, true
				}
			}
			if !found {
				return c, usageError{i18n.L("{{.Flag}} {{.ID}}: no record with this ID differs here and in the bundle", map[string]any{"Flag": side.flag, "ID": id})}
			}
		}
	}
	return c, nil
}

// reportImport says what importing the bundle would do
// (handover.Report).
func (c *ctx) reportImport(path string, b *handover.Bundle, plan *handover.Plan, choice handover.Choice) {
	for _, line := range handover.Report(path, b, plan, choice) {
		c.printf("%s\n", line)
	}
}
