package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"kamdesk/app/i18n"
)

// How a command's arguments are read: its options wherever they stand,
// the global ones among them, and the flag package's complaints in the
// user's words.

// flagError rewrites the flag package's complaint about a value,
// `invalid value "1e9" for flag -days: parse error`, in the words of the
// help: `--days 1e9 is not a whole number`.
func flagError(err error) string {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, `invalid value "`)
	if !ok {
		return msg
	}
	i := strings.LastIndex(rest, `" for flag -`)
	if i < 0 {
		return msg
	}
	value := rest[:i]
	name, reason, _ := strings.Cut(rest[i+len(`" for flag -`):], ": ")
	data := map[string]any{"Flag": "--" + name, "Value": value}
	switch reason {
	case "parse error":
		return i18n.L("{{.Flag}} {{.Value}} is not a whole number", data)
	case "value out of range":
		return i18n.L("{{.Flag}} {{.Value}} is out of range", data)
	}
	return i18n.L("{{.Flag}} {{.Value}}: {{.Reason}}", map[string]any{"Flag": "--" + name, "Value": value, "Reason": reason})
}

// globalAfter are the global options a command's arguments may carry
// too, as in `kamdesk restore FILE --data DIR`: people write them where
// they think of them.
var globalAfter = []string{"data", "passphrase-file", "lang"}

// takeGlobals takes the global options (globalAfter) out of a command's
// arguments, those of fs and its positional arguments, into g; a value
// of one of the command's own options is left alone, and so is
// everything after "--".
func takeGlobals(fs *flag.FlagSet, args []string, g *Global) ([]string, error) {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...), nil
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || a == "-" || fs.Lookup(name) != nil || !slices.Contains(globalAfter, name) {
			out = append(out, a)
			if f := fs.Lookup(name); strings.HasPrefix(a, "-") && f != nil && !hasValue && !isBool(f) && i+1 < len(args) {
				i++
				out = append(out, args[i])
			}
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("flag needs an argument: -%s", name) // as package flag says it
			}
			i++
			value = args[i]
		}
		switch name {
		case "data":
			g.DataDir = value
		case "passphrase-file":
			g.PassphraseFile = value
		case "lang":
			if err := setLanguage(value); err != nil {
				return nil, err
			}
			g.Lang = value
		}
	}
	return out, nil
}

// setLanguage makes lang the language kamdesk speaks to the user (--lang,
// KAMDESK_LANG), or says which ones it speaks.
func setLanguage(lang string) error {
	if !i18n.Speaks(lang) {
		return usageError{i18n.L("--lang {{.Value}}: kamdesk speaks {{.Languages}}", map[string]any{"Value": lang,
			"Languages": strings.Join(i18n.Languages, ", ")})}
	}
	i18n.SetLanguage(lang)
	return nil
}

func isBool(f *flag.Flag) bool {
	bf, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && bf.IsBoolFlag()
}

// interleave moves flags after positional arguments to the front, so
// "account show ID --json" works as well as "account show --json ID".
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				continue
			}
			if i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		}
	}
	return append(flags, pos...)
}
