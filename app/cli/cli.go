// Package cli is kamdesk's command line: the headless commands that share
// the workspace store and the domain with the desktop app. No command opens
// a window.
package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"kamdesk/app/i18n"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// Env is what commands need from the outside world; tests replace it.
type Env struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	Getenv         func(string) string
	Today          func() dossier.Date
	Now            func() time.Time // stamps exports; nil means time.Now
	// Open opens a workspace; o carries the passphrase of an encrypted one.
	Open func(dir string, o store.Options) (*store.Store, error)
	// Terminal reads a passphrase from the terminal without echo; nil when
	// there is no terminal (tests, pipes).
	Terminal func(prompt string) ([]byte, error)
	// EndsAfter says the process ends when the command returns: a
	// workspace it only read is left to the end of the process instead
	// of closed (store.CloseAtExit).
	EndsAfter bool
}

// SystemEnv returns the Env of a real process.
func SystemEnv() Env {
	return Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin,
		Getenv: os.Getenv,
		Today:  dossier.Today,
		Now:    time.Now,
		Open: func(dir string, o store.Options) (*store.Store, error) {
			o.NoGC = true
			return store.Open(dir, o)
		},
		Terminal:  terminalPassphrase,
		EndsAfter: true,
	}
}

// Global holds the options that come before the command.
type Global struct {
	DataDir string // the workspace directory
	// PassphraseFile holds the passphrase of an encrypted workspace
	// (--passphrase-file, else $KAMDESK_PASSPHRASE_FILE).
	PassphraseFile string
	Place          string // where the desktop app opens: "agenda", "account/ID"...
	// Lang is the language of the desk and of the command line's messages
	// (--lang, else $KAMDESK_LANG; else the desktop's setting, else the
	// system's).
	Lang    string
	Help    bool
	Version bool
}

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1 // the command failed, or found what it checks for
	ExitUsage = 2 // the command line was wrong
)

// Version is the version printed by --version; main sets it from the build.
var Version = "0.1.0"

// Command runs the command line of args (os.Args[1:]): the command, or
// --help or --version. ran is false when args hold none of them (the
// desktop app starts then, with the global options g); else code is the
// exit status.
func Command(args []string) (g Global, code int, ran bool) {
	g, rest, err := ParseGlobal(args, os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, TerminalText(errorText(err)))
		return g, ExitUsage, true
	}
	if len(rest) > 0 || g.Help || g.Version {
		return g, Run(g, rest, SystemEnv()), true
	}
	return g, ExitOK, false
}

// ParseGlobal reads the global options before the command and returns the
// rest of the arguments: the command and its own arguments. The workspace
// is --data, else $KAMDESK_DATA, else DefaultDataDir.
func ParseGlobal(args []string, getenv func(string) string) (Global, []string, error) {
	var g Global
	fs := flag.NewFlagSet("kamdesk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&g.DataDir, "data", "", "")
	fs.StringVar(&g.Place, "open", "", "")
	fs.StringVar(&g.PassphraseFile, "passphrase-file", "", "")
	fs.StringVar(&g.Lang, "lang", "", "")
	fs.BoolVar(&g.Help, "help", false, "")
	fs.BoolVar(&g.Help, "h", false, "")
	fs.BoolVar(&g.Version, "version", false, "")
	if err := fs.Parse(args); err != nil {
		return g, nil, usageError{i18n.L("{{.Error}}; see kamdesk --help", map[string]any{"Error": err})}
	}
	if g.DataDir == "" {
		g.DataDir = getenv("KAMDESK_DATA")
	}
	if g.PassphraseFile == "" {
		g.PassphraseFile = getenv("KAMDESK_PASSPHRASE_FILE")
	}
	if g.Lang == "" {
		g.Lang = getenv("KAMDESK_LANG")
	}
	if g.Lang != "" {
		if err := setLanguage(g.Lang); err != nil {
			return g, nil, err
		}
	}
	if g.DataDir == "" {
		d, err := DefaultDataDir(getenv)
		if err != nil {
			return g, nil, err
		}
		g.DataDir = d
	}
	return g, fs.Args(), nil
}

// DefaultDataDir is where the workspace lives when no --data is given:
// $XDG_DATA_HOME/kamdesk (default ~/.local/share/kamdesk) on Linux and other
// Unix systems, ~/Library/Application Support/kamdesk on macOS and
// %LOCALAPPDATA%\kamdesk on Windows.
func DefaultDataDir(getenv func(string) string) (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "kamdesk"), nil
		}
		if d := getenv("APPDATA"); d != "" {
			return filepath.Join(d, "kamdesk"), nil
		}
	case "darwin":
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, "Library", "Application Support", "kamdesk"), nil
		}
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
			return filepath.Join(d, "kamdesk"), nil
		}
		if h := getenv("HOME"); h != "" {
			return filepath.Join(h, ".local", "share", "kamdesk"), nil
		}
	}
	return "", errors.New(i18n.L("cannot tell where to keep the workspace: set KAMDESK_DATA or use --data DIR"))
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// command is one command: "account list", "demo"...
type command struct {
	name    string // words, e.g. "account list"
	args    string // the positional arguments, e.g. "ID"
	summary string // one line, English source for translation
	// reads is set for a command that only reads the workspace: it is
	// opened for reading when that needs no repair first
	// (store.Options.ForReading).
	reads bool
	// exports is set for a command that reads the workspace and records
	// exports: it is opened as for reads, and the exports wait in the
	// workspace for the next open for writing to record them
	// (store.Options.RecordsExports).
	exports bool
	// setup declares the command's flags on fs and returns the function that
	// runs it with the positional arguments.
	setup func(fs *flag.FlagSet) func(c *ctx, args []string) error
}

var commands []command

func register(cmds ...command) { commands = append(commands, cmds...) }

// ctx is one run of a command.
type ctx struct {
	Env
	global  Global
	reads   bool // the command only reads
	exports bool // the command reads and records exports
	st      *store.Store
}

// store opens the workspace on first use.
func (c *ctx) store() (*store.Store, error) {
	if c.st == nil {
		o := store.Options{ForReading: c.reads || c.exports, RecordsExports: c.exports}
		if store.Encrypted(c.global.DataDir) {
			p, err := c.passphrase(i18n.L("Passphrase of the workspace: "), c.global.PassphraseFile)
			if err != nil {
				return nil, err
			}
			o.Passphrase = p
		}
		st, err := c.Open(c.global.DataDir, o)
		if err != nil {
			return nil, err
		}
		c.st = st
	}
	return c.st, nil
}

func (c *ctx) printf(format string, a ...any) { fmt.Fprintf(c.Stdout, format, a...) }

// Run runs the command in args (after the global options) and returns the
// process exit code. Errors go to Stderr, one line each. Nothing printed
// carries a control character a terminal would act on (see
// terminalWriter).
func Run(g Global, args []string, env Env) int {
	// Standard output is buffered (a table of 100,000 rows was a million
	// writes, most of the time of `kamdesk person list`); it is flushed
	// before anything goes to standard error, so the two keep their order.
	buffered := bufio.NewWriterSize(env.Stdout, 64<<10)
	stdout := &terminalWriter{w: buffered}
	stderr := &terminalWriter{w: flushFirst{buffered, env.Stderr}}
	defer buffered.Flush()
	defer stdout.flush()
	defer stderr.flush()
	env.Stdout, env.Stderr = stdout, stderr
	if g.Version {
		fmt.Fprintln(env.Stdout, "kamdesk", Version)
		return ExitOK
	}
	if len(args) == 0 || g.Help {
		usage(env.Stdout, args)
		return ExitOK
	}
	if args[0] == "help" {
		// kamdesk help [COMMAND [SUB]]: the same as kamdesk [COMMAND [SUB]] --help.
		if len(args) == 1 || args[1] == "help" {
			usage(env.Stdout, nil)
			return ExitOK
		}
		args = append(slices.Clone(args[1:]), "--help")
	}
	cmd, rest := find(args)
	if cmd == nil {
		if group := groupOf(args[0]); group != "" && (len(args) == 1 || isHelp(args[1])) {
			usage(env.Stdout, args[:1])
			if len(args) == 1 {
				return ExitUsage
			}
			return ExitOK
		}
		fmt.Fprintln(env.Stderr, i18n.L("unknown command {{.Command}}; see kamdesk --help",
			map[string]any{"Command": strings.Join(args[:min(2, len(args))], " ")}))
		return ExitUsage
	}
	fs := flag.NewFlagSet("kamdesk "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	run := cmd.setup(fs)
	rest, gerr := takeGlobals(fs, rest, &g)
	if gerr != nil {
		fmt.Fprintln(env.Stderr, i18n.L("kamdesk {{.Command}}: {{.Error}}; see kamdesk {{.Command}} --help",
			map[string]any{"Command": cmd.name, "Error": gerr}))
		return ExitUsage
	}
	if err := fs.Parse(interleave(fs, rest)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(env.Stdout, cmd, fs)
			return ExitOK
		}
		fmt.Fprintln(env.Stderr, i18n.L("kamdesk {{.Command}}: {{.Error}}; see kamdesk {{.Command}} --help",
			map[string]any{"Command": cmd.name, "Error": flagError(err)}))
		return ExitUsage
	}
	c := &ctx{Env: env, global: g, reads: cmd.reads, exports: cmd.exports}
	// The language is settled: the catalogue is read beside what the
	// command does first (opening the workspace), not before it.
	i18n.Preload()
	err := run(c, fs.Args())
	if err == nil && c.st != nil && c.st.ReadOnly() {
		// A command that only read: said once. One that tried to change
		// something failed with the store's own line.
		fmt.Fprintln(env.Stderr, i18n.L("note: {{.Reason}}; nothing was changed", map[string]any{"Reason": errorText(c.st.ReadOnlyWhy())}))
	}
	if c.st != nil {
		closeStore := c.st.Close
		if env.EndsAfter {
			closeStore = c.st.CloseAtExit
		}
		if cerr := closeStore(); err == nil && cerr != nil {
			err = cerr
		}
	}
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintln(env.Stderr, i18n.L("kamdesk {{.Command}}: {{.Error}}; see kamdesk {{.Command}} --help",
			map[string]any{"Command": cmd.name, "Error": errorText(err)}))
		return ExitUsage
	case errors.Is(err, errFindings):
		return ExitFail
	default:
		fmt.Fprintln(env.Stderr, dossier.OneLine(errorText(err)))
		return ExitFail
	}
}

// errorText is err in the user's language (dossier.ErrorIn with the
// catalogue): the store's and the commands' own words translated, the
// system's reasons the catalogue holds too.
func errorText(err error) string {
	if h, ok := err.(*hinted); ok {
		return errorText(h.err) + h.hint
	}
	return dossier.ErrorIn(err, func(text string, data map[string]any) string {
		if data == nil {
			return i18n.L(text)
		}
		return i18n.L(text, data)
	})
}

// hinted is an error followed by a hint in the user's words (a line of
// its own, "\nTo send new terms, …"), which errorText writes after the
// error's.
type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() + h.hint }
func (h *hinted) Unwrap() error { return h.err }

// errFindings reports that a check command found what it looks for; its
// report is already printed.
var errFindings = errors.New("findings")

// find returns the command named by the first words of args.
func find(args []string) (*command, []string) {
	for n := min(2, len(args)); n >= 1; n-- {
		name := strings.Join(args[:n], " ")
		for i := range commands {
			if commands[i].name == name {
				return &commands[i], args[n:]
			}
		}
	}
	return nil, nil
}

// outputFlag declares -o and --output, the file or folder a command writes.
func outputFlag(fs *flag.FlagSet, usage string) *string {
	out := fs.String("o", "", usage)
	fs.StringVar(out, "output", "", usage)
	return out
}

// needArgs checks the number of positional arguments; what names the
// missing one in English (the catalogue holds it: messages_test reads
// needArgs's literals), translated only when it is missing, so that a
// command does not wait for the catalogue (Preload) before it starts.
func needArgs(args []string, n int, what string) error {
	if len(args) != n {
		if len(args) < n {
			return usageError{i18n.L("missing {{.What}}", map[string]any{"What": i18n.L(what)})}
		}
		return usageError{i18n.L("unexpected argument {{.Arg}}", map[string]any{"Arg": args[n]})}
	}
	return nil
}
