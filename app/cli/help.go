package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"kamdesk/app/i18n"
)

// The help: of every command (kamdesk help) and of one (kamdesk help
// COMMAND, or COMMAND --help).

func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "-help" || a == "help" }

func groupOf(word string) string {
	for _, c := range commands {
		if strings.HasPrefix(c.name, word+" ") {
			return word
		}
	}
	return ""
}

func usage(w io.Writer, args []string) {
	prefix := ""
	if len(args) > 0 && groupOf(args[0]) != "" {
		prefix = args[0] + " "
	}
	fmt.Fprintln(w, i18n.L("kamdesk keeps the dossiers of your key accounts and turns them into tailored commercial proposals."))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.L("Usage:"))
	fmt.Fprintln(w, "  kamdesk [--data DIR]                 "+i18n.L("open the desktop app"))
	fmt.Fprintln(w, "  kamdesk [--data DIR] COMMAND [ARGS]  "+i18n.L("run a command without a window"))
	fmt.Fprintln(w, "  kamdesk help [COMMAND]               "+i18n.L("this help, or the help of a command (as COMMAND --help)"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.L("Commands:"))
	var names []string
	byName := map[string]command{}
	for _, c := range commands {
		if strings.HasPrefix(c.name, prefix) {
			names = append(names, c.name)
			byName[c.name] = c
		}
	}
	sort.Strings(names)
	for _, n := range names {
		c := byName[n]
		fmt.Fprintf(w, "  %-36s %s\n", strings.TrimSpace(c.name+" "+c.args), i18n.L(c.summary))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.L("Options:"))
	fmt.Fprintln(w, "  --data DIR   "+i18n.L("the workspace directory (default: $KAMDESK_DATA, else {{.Dir}})",
		map[string]any{"Dir": defaultDirForHelp()}))
	fmt.Fprintln(w, "  --open PLACE "+i18n.L("open the desktop app at PLACE: accounts, account/ID, people, person/ID, team, agenda, proposals, proposal/ID, library"))
	fmt.Fprintln(w, "  --lang CODE  "+i18n.L("the language of the desk and of these messages: {{.Languages}} (default: $KAMDESK_LANG, else the desktop's setting, else the system's)",
		map[string]any{"Languages": strings.Join(i18n.Languages, ", ")}))
	fmt.Fprintln(w, "  --help       "+i18n.L("help; also after any command"))
	fmt.Fprintln(w, "  --version    "+i18n.L("print the version"))
}

func defaultDirForHelp() string {
	d, err := DefaultDataDir(os.Getenv)
	if err != nil {
		return "?"
	}
	return d
}

func commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "%s: kamdesk [--data DIR] %s\n", i18n.L("Usage"), strings.TrimSpace(c.name+" "+c.args))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.L(c.summary))
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.L("Options:"))
	fs.VisitAll(func(f *flag.Flag) {
		if short, ok := shortForm[f.Name]; ok && fs.Lookup(short) != nil {
			return // shown with its short form
		}
		name, u := flag.UnquoteUsage(f)
		arg := "--" + f.Name
		if len(f.Name) == 1 {
			arg = "-" + f.Name
		}
		for long, short := range shortForm {
			if short == f.Name && fs.Lookup(long) != nil {
				arg += ", --" + long
			}
		}
		if name != "" {
			arg += " " + name
		}
		fmt.Fprintf(w, "  %-24s %s\n", arg, i18n.L(u))
	})
}

// shortForm maps a long option to its one-letter form; both are declared on
// the same value (see outputFlag) and the help shows them on one line.
var shortForm = map[string]string{"output": "o"}
