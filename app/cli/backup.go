package cli

import (
	"errors"
	"flag"
	"os"
	"strconv"

	"kamdesk/app/i18n"
	"kamdesk/dossier"

	"kamdesk/app/store"
)

func init() {
	register(
		command{name: "backup", args: "[FILE]",
			summary: "back the workspace up now, into DIR/backups or FILE (kamdesk also does once a day by itself); --verify FILE reads a backup whole and reports what it holds", setup: backupCmd},
		command{name: "backups", summary: "list the workspace's backups, newest first; --keep-daily and --keep-weekly say how many it keeps", setup: backupsCmd},
		command{name: "restore", args: "[FILE]",
			summary: "restore a backup into a new or empty workspace (--data DIR), or with --replace (and without FILE: the latest backup) in place of the workspace, what is there now kept aside; asks unless --yes", setup: restoreCmd},
	)
}

func backupCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	verify := fs.Bool("verify", false, "read the backup FILE whole, check it and report what it holds (no workspace needed)")
	asJSON := fs.Bool("json", false, "print JSON for scripts (with --verify)")
	return func(c *ctx, args []string) error {
		if *verify {
			if err := needArgs(args, 1, "backup file"); err != nil {
				return err
			}
			return c.verifyBackup(args[0], *asJSON)
		}
		if len(args) > 1 {
			return needArgs(args, 1, "backup file")
		}
		if len(args) == 1 {
			if _, err := os.Lstat(args[0]); err == nil {
				return dossier.ErrAs("{{.Path}} exists already: name a new file", map[string]any{"Path": args[0]}, os.ErrExist)
			}
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		var b store.Backup
		if len(args) == 1 {
			b, err = st.BackUpTo(args[0])
		} else {
			b, err = st.BackUp()
		}
		if err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Backed up to {{.Path}} ({{.Size}}).", map[string]any{"Path": b.Path, "Size": i18n.Size(b.Size)}))
		return nil
	}
}

// verifyJSON is `backup --verify --json`.
type verifyJSON struct {
	Path      string         `json:"path"`
	Made      string         `json:"made"`
	Schema    int            `json:"schema"`
	Encrypted bool           `json:"encrypted"`
	Size      int64          `json:"size"`
	Keys      int            `json:"keys"`
	Records   map[string]int `json:"records,omitempty"`
}

// verifyBackup reads the backup at path whole and says what it holds.
func (c *ctx) verifyBackup(path string, asJSON bool) error {
	var passphrase []byte
	if store.BackupEncrypted(path) {
		p, err := c.passphrase(i18n.L("Passphrase of the backup: "), c.global.PassphraseFile)
		if err != nil {
			return err
		}
		passphrase = p
	}
	r, err := store.VerifyBackup(path, passphrase)
	if err != nil {
		return err
	}
	if asJSON {
		v := verifyJSON{r.Path, r.Made.UTC().Format("2006-01-02T15:04:05Z"), r.Schema, r.Encrypted, r.Size, r.Keys, nil}
		if r.Records != nil {
			v.Records = map[string]int{}
			for noun, n := range r.Records {
				v.Records[recordKinds[noun].key] = n
			}
		}
		return c.json(v)
	}
	c.printf("%s\n", i18n.L("The backup {{.Path}} is whole: made {{.Made}}, schema {{.Schema}}, {{.Size}}, {{.Keys}} entries.",
		map[string]any{"Path": path, "Made": r.Made.Local().Format("2006-01-02 15:04"), "Schema": r.Schema, "Size": i18n.Size(r.Size), "Keys": r.Keys}))
	if r.Records == nil {
		c.printf("%s\n", i18n.L("It was made before backups counted their records."))
		return nil
	}
	tw := table(c.Stdout, i18n.L("RECORDS"), i18n.L("COUNT"))
	for _, noun := range store.RecordNouns() {
		row(tw, recordsLabel(noun), strconv.Itoa(r.Records[noun]))
	}
	return tw.Flush()
}

// recordKinds are the kinds of record a backup counts
// (store.RecordNouns): the key of each in `backup --verify --json`, and
// its label in the report, translated where it is shown.
var recordKinds = map[string]struct{ key, label string }{
	"account":     {key: "accounts", label: "accounts"},
	"person":      {key: "people", label: "people"},
	"team member": {key: "team_members", label: "team members"},
	"reference":   {key: "references", label: "references"},
	"event":       {key: "timeline_entries", label: "timeline entries"},
	"promise":     {key: "promises", label: "promises"},
	"section":     {key: "sections", label: "library sections"},
	"proposal":    {key: "proposals", label: "proposals"},
}

// recordsLabel names the records of a kind in a backup's report.
func recordsLabel(noun string) string {
	if k, ok := recordKinds[noun]; ok {
		return i18n.L(k.label)
	}
	return noun
}

// backupJSON is one backup in `backups --json`.
type backupJSON struct {
	Path      string `json:"path"`
	Made      string `json:"made"`
	Encrypted bool   `json:"encrypted"`
	Size      int64  `json:"size"`
}

func backupsCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	daily := fs.Int("keep-daily", -1, "keep the newest backup of each of the last N days that have one (default 7)")
	weekly := fs.Int("keep-weekly", -1, "keep the newest backup of each of the last N weeks that have one (default 4)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		if *daily != -1 || *weekly != -1 {
			if err := c.setBackupPolicy(*daily, *weekly); err != nil {
				return err
			}
		}
		list, err := store.Backups(c.global.DataDir)
		if err != nil {
			return err
		}
		if *asJSON {
			out := []backupJSON{}
			for _, b := range list {
				out = append(out, backupJSON{b.Path, b.Made.UTC().Format("2006-01-02T15:04:05Z"), b.Encrypted, b.Size})
			}
			return c.json(out)
		}
		if len(list) == 0 {
			c.printf("%s\n", i18n.L("No backups yet: kamdesk makes one a day when it opens the workspace, or run: kamdesk backup"))
			return nil
		}
		tw := table(c.Stdout, i18n.L("MADE"), i18n.L("SIZE"), i18n.L("ENCRYPTED"), i18n.L("FILE"))
		for _, b := range list {
			enc := i18n.L("no")
			if b.Encrypted {
				enc = i18n.L("yes")
			}
			row(tw, b.Made.Local().Format("2006-01-02 15:04"), i18n.Size(b.Size), enc, b.Path)
		}
		return tw.Flush()
	}
}

// setBackupPolicy changes how many backups the workspace keeps; a
// number not given stays as it is.
func (c *ctx) setBackupPolicy(daily, weekly int) error {
	st, err := c.store()
	if err != nil {
		return err
	}
	p, err := st.BackupPolicy()
	if err != nil {
		return err
	}
	if daily != -1 {
		p.Daily = daily
	}
	if weekly != -1 {
		p.Weekly = weekly
	}
	if err := st.SetBackupPolicy(p); err != nil {
		return err
	}
	c.printf("%s\n", i18n.L("The workspace keeps the newest backup of each of the last {{.Daily}} days and {{.Weekly}} weeks.",
		map[string]any{"Daily": p.Daily, "Weekly": p.Weekly}))
	return nil
}

func restoreCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	yes := fs.Bool("yes", false, "do not ask")
	replace := fs.Bool("replace", false, "put the backup in place of the workspace in --data DIR, keeping what it holds aside")
	return func(c *ctx, args []string) error {
		if len(args) > 1 {
			return needArgs(args, 1, "backup file")
		}
		dir := c.global.DataDir
		var path string
		if len(args) == 1 {
			path = args[0]
			if !*replace && !store.EmptyFolder(dir) {
				return dossier.ErrAs("{{.Dir}} is not empty: restore into a new or empty folder (kamdesk --data NEW-FOLDER restore {{.Path}}), or add --replace to put the backup in place of the workspace there, keeping what it holds aside",
					map[string]any{"Dir": dir, "Path": path}, os.ErrExist)
			}
		} else {
			b, ok := store.LatestBackup(dir)
			if !ok {
				return errors.New(i18n.L("the workspace {{.Dir}} has no backup to restore; name a backup file", map[string]any{"Dir": dir}))
			}
			path = b.Path
		}
		var passphrase []byte
		if store.BackupEncrypted(path) {
			p, err := c.passphrase(i18n.L("Passphrase of the backup: "), c.global.PassphraseFile)
			if err != nil {
				return err
			}
			passphrase = p
		}
		if len(args) == 0 { // the newest that reads back whole
			b, err := store.LatestGoodBackup(dir, passphrase)
			if err != nil {
				return err
			}
			path = b.Path
		}
		q := i18n.L("Put the backup {{.Path}} in place of the workspace in {{.Dir}}? What is there now is kept aside.",
			map[string]any{"Path": path, "Dir": dir})
		if !*yes && !store.EmptyFolder(dir) && !c.confirm(q) {
			return errors.New(i18n.L("nothing was restored"))
		}
		res, err := store.Restore(dir, path, passphrase)
		if err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Restored the backup made {{.Made}} ({{.Keys}} entries) into {{.Dir}}.",
			map[string]any{"Made": res.Backup.Made.Local().Format("2006-01-02 15:04"), "Keys": res.Keys, "Dir": dir}))
		if res.Aside != "" {
			c.printf("%s\n", i18n.L("What was there before is kept in {{.Aside}}.", map[string]any{"Aside": res.Aside}))
		}
		return nil
	}
}
