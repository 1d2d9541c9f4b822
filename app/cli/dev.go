package cli

import (
	"flag"
	"time"

	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
)

func init() {
	register(command{name: "dev generate", args: "DIR",
		summary: "write an invented workspace of the size asked into the empty folder DIR (for benchmarks and support)",
		setup:   devGenerate})
}

// devGenerate writes a synthetic workspace (storetest.Generate): every
// name and fact invented, the same for the same --seed. It refuses a
// workspace that holds anything, so that nobody's dossier gets mixed with
// invented people.
func devGenerate(fs *flag.FlagSet) func(*ctx, []string) error {
	accounts := fs.Int("accounts", 500, "accounts to invent")
	people := fs.Int("people", 20000, "people to invent, spread evenly over the accounts")
	proposals := fs.Int("proposals", 200, "proposals to invent, with the section library they use")
	seed := fs.Uint64("seed", 1, "the same seed gives the same workspace")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, "folder DIR"); err != nil {
			return err
		}
		switch {
		case *accounts < 1 || *accounts > 100000:
			return usageError{i18n.L("--accounts must be between 1 and 100000")}
		case *people < *accounts || *people > 1000000:
			return usageError{i18n.L("--people must be between the number of accounts and 1000000")}
		case *proposals < 0 || *proposals > 100000:
			return usageError{i18n.L("--proposals must be between 0 and 100000")}
		}
		st, err := c.Open(args[0], store.Options{})
		if err != nil {
			return err
		}
		c.st = st // closed when the command ends
		if !st.Empty() {
			return usageError{i18n.L("{{.Dir}} holds a workspace already; dev generate writes only into an empty folder, and nothing was changed",
				map[string]any{"Dir": st.Dir()})}
		}
		start := time.Now()
		o := storetest.Options{Accounts: *accounts, PeoplePerAccount: (*people + *accounts - 1) / *accounts,
			EventsPerAccount: 4, PromisesPerAccount: 2, Proposals: *proposals, Seed: *seed}
		if err := storetest.Generate(st, o); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Invented {{.Accounts}} accounts with {{.People}} people and {{.Proposals}} proposals in {{.Dir}} in {{.Seconds}} s.",
			map[string]any{"Accounts": o.Accounts, "People": o.Accounts * o.PeoplePerAccount, "Proposals": o.Proposals,
				"Dir": st.Dir(), "Seconds": int(time.Since(start).Seconds() + 0.5)}))
		return nil
	}
}
