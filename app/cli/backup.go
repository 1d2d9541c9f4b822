package cli

import (
	"errors"
	"flag"

	"kamdesk/app/i18n"

	"kamdesk/app/store"
)

func init() {
	register(
		command{name: "backup", summary: "back the workspace up now, into DIR/backups (kamdesk also does once a day by itself)", setup: backupCmd},
		command{name: "backups", summary: "list the workspace's backups, newest first", setup: backupsCmd},
		command{name: "restore", args: "[FILE]",
			summary: "put a backup (the latest when no FILE) in place of the workspace; what is there now is kept aside; asks unless --yes", setup: restoreCmd},
	)
}

func backupCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		b, err := st.BackUp()
		if err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Backed up to {{.Path}} ({{.Size}}).", map[string]any{"Path": b.Path, "Size": i18n.Size(b.Size)}))
		return nil
	}
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
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
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

func restoreCmd(fs *flag.FlagSet) func(*ctx, []string) error {
	yes := fs.Bool("yes", false, "do not ask")
	return func(c *ctx, args []string) error {
		if len(args) > 1 {
			return needArgs(args, 1, i18n.L("backup file"))
		}
		dir := c.global.DataDir
		var path string
		if len(args) == 1 {
			path = args[0]
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
		q := i18n.L("Put the backup {{.Path}} in place of the workspace in {{.Dir}}? What is there now is kept aside.",
			map[string]any{"Path": path, "Dir": dir})
		if !*yes && !c.confirm(q) {
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
