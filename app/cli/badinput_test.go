package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kamdesk/app/cli"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

// badInput is one command line that must be refused: with exit 1 or 2,
// no panic, and a one-line message on stderr that names what was wrong.
type badInput struct {
	name string
	args []string
	// names is a piece of the message naming the field, flag or file
	// (and line) at fault.
	names string
}

// badInputs is the corpus of hostile and broken inputs for every way into
// a workspace from the command line. file(name, content) writes a file and
// returns its path.
func badInputs(id string, file func(name, content string) string) []badInput {
	prop := func(args ...string) []string { return append([]string{"proposal"}, args...) }
	fin := func(args ...string) []string { return append([]string{"proposal", "financial", id}, args...) }
	sent := func(on string) []string { return prop("sent", id, "--on", on) }
	newp := func(args ...string) []string {
		return append([]string{"proposal", "new", "--account", "northbridge"}, args...)
	}
	csv := func(name, body string) []string {
		return prop("pricing", id, "--csv", file(name, body))
	}
	const head = "description,quantity,unit,unit_price,discount,currency\n"
	section := func(name, content string) []string {
		dir := filepath.Dir(file(filepath.Join(name, "s.md"), content))
		return []string{"library", "import", dir}
	}
	const front = "---\nid: s\ntitle: T\nkind: benefits\naudiences: executive 50\nlanguage: en\n---\n"
	var out []badInput
	add := func(name, names string, args ...string) {
		out = append(out, badInput{name, args, names})
	}

	// dates
	for _, d := range []string{"2026-13-01", "2026-02-30", "26-11-25", "yesterday", "2026-11-25T10:00", "9999-12-30",
		"0000-01-01", "1899-12-31", "2200-01-01", "+2026-11-25", "2026-11-25\x00", "\x1b[2J", "２０２６-１１-２５"} {
		add("sent on "+d, "--on", sent(d)...)
		add("valid until "+d, "--valid-until", newp("--title", "T", "--valid-until", d)...)
	}
	// a date in range whose follow-up calls are not
	add("sent on 2199-12-31", "sent", sent("2199-12-31")...)
	// sizes and counts
	add("valid days 0", "--valid-days", newp("--title", "T", "--valid-days", "0")...)
	add("valid days huge", "--valid-days", newp("--title", "T", "--valid-days", "99999999999999999999")...)
	add("valid days negative", "--valid-days", newp("--title", "T", "--valid-days", "-5")...)
	add("agenda days", "--days", "agenda", "--days", "-1")
	add("agenda days huge", "--days", "agenda", "--days", "1e9")
	add("years 31", "years", fin("--years", "31")...)
	add("years negative", "years", fin("--years", "-2")...)
	add("years huge", "--years", fin("--years", "9223372036854775808")...)
	add("sending 0", "--sending", prop("sent-copy", "prop-castellan-calm-rollout", "--sending", "-1", "-o", file("x/copy.html", ""))...)
	// text fields with control characters and broken UTF-8
	for _, c := range []struct{ name, s string }{
		{"ESC", "Plan \x1b[31mred\x1b[0m"}, {"OSC", "Plan \x1b]0;owned\x07"}, {"BEL", "Plan\a"},
		{"NUL", "Plan\x00"}, {"DEL", "Plan\x7f"}, {"C1 CSI", "Plan \u009b31m"}, {"bad UTF-8", "Plan \xff\xfe"},
	} {
		add("title "+c.name, "title", newp("--title", c.s)...)
		add("note "+c.name, "note", fin("--note", c.s)...)
		add("csv description "+c.name, "description", csv("ctl-"+strings.ReplaceAll(c.name, " ", "-")+".csv",
			head+"\""+c.s+"\",1,day,100,0,EUR\n")...)
		add("csv unit "+c.name, "unit", csv("unit-"+strings.ReplaceAll(c.name, " ", "-")+".csv",
			head+"Work,1,\""+c.s+"\",100,0,EUR\n")...)
	}
	add("title too long", "title", newp("--title", strings.Repeat("x", 201))...)
	add("title two lines", "title", newp("--title", "one\ntwo")...)
	add("note too long", "note", fin("--note", strings.Repeat("n", 20001))...)
	add("language", "language", newp("--title", "T", "--language", "english!")...)
	add("account id", "account", "proposal", "new", "--account", "../etc", "--title", "T")
	add("section ids", "section", newp("--title", "T", "--sections", "no such,\x1b")...)
	// numbers
	for _, c := range []struct{ flag, v, names string }{
		{"--investment", "0.000001", "investment"}, {"--investment", "0.001", "investment"},
		{"--investment", "-100", "investment"}, {"--investment", "1e9", "--investment"},
		{"--investment", "NaN", "--investment"}, {"--investment", "∞", "--investment"},
		{"--investment", "99999999999999999999", "--investment"}, {"--investment", "1000000000000.01", "investment"},
		{"--investment", "12,50", "--investment"}, {"--investment", "0x10", "--investment"},
		{"--yearly-gain", "-1000000000000.01", "yearly_gain"}, {"--yearly-gain", "1e3", "--yearly-gain"},
		{"--currency", "€", "currency"}, {"--currency", "EURO", "currency"}, {"--currency", "E\x1bR", "currency"},
		{"--currency", "12", "currency"},
	} {
		add(c.flag+" "+c.v, c.names, fin("--investment", "1000", c.flag, c.v)...)
	}
	// CSV files
	add("csv stray quote", "stray.csv:2", csv("stray.csv", head+"Work \"x\" done,1,day,100,0,EUR\n")...)
	add("csv bare quote", "quote.csv:2", csv("quote.csv", head+"\"Work,1,day,100,0,EUR\n")...)
	add("csv wrong columns", "cols.csv:2", csv("cols.csv", head+"Work,1,day,100,EUR\n")...)
	add("csv empty", "empty.csv:1", csv("empty.csv", "")...)
	add("csv header only", "only.csv", csv("only.csv", head)...)
	add("csv wrong header", "header.csv:1", csv("header.csv", "a,b,c,d,e,f\n")...)
	add("csv currency €", "currency", csv("euro.csv", head+"Work,1,day,100,0,€\n")...)
	add("csv tiny price", "unit_price", csv("tiny.csv", head+"Work,1,day,0.0000001,0,EUR\n")...)
	add("csv huge price", "unit_price", csv("huge.csv", head+"Work,1,day,1000000000000000,0,EUR\n")...)
	add("csv huge quantity", "quantity", csv("hugeq.csv", head+"Work,999999999999999,day,999999999999,0,EUR\n")...)
	add("csv negative", "quantity", csv("neg.csv", head+"Work,-1,day,100,0,EUR\n")...)
	add("csv discount", "discount", csv("disc.csv", head+"Work,1,day,100,101,EUR\n")...)
	add("csv bad UTF-8 header", "utf.csv:1", csv("utf.csv", "\xff"+head)...)
	add("csv too many lines", "many.csv", csv("many.csv", head+strings.Repeat("Work,1,day,1,0,EUR\n", 501))...)
	add("csv missing", "missing.csv", prop("pricing", id, "--csv", filepath.Join(filepath.Dir(file("x/y", "")), "missing.csv"))...)
	// section files
	add("front matter unclosed", "s.md:1", section("unclosed", "---\nid: s\ntitle: T\n")...)
	add("front matter none", "s.md:1", section("none", "just text\n")...)
	add("front matter unknown key", "s.md:3", section("key", "---\nid: s\nowner: me\ntitle: T\nkind: benefits\naudiences: executive 50\nlanguage: en\n---\nx\n")...)
	add("front matter control", "s.md:3", section("ctl", "---\nid: s\ntitle: T\x1b[2J\nkind: benefits\naudiences: executive 50\nlanguage: en\n---\nx\n")...)
	add("front matter bad UTF-8", "s.md:8", section("utf", front+"body \xff\n")...)
	add("section body NUL", "s.md:8", section("nul", front+"body \x00 here\n")...)
	add("section body ESC", "s.md:8", section("esc", front+"body \x1b]0;x\x07 here\n")...)
	add("section body BEL on line 10", "s.md:10: the text contains a control character", section("bel", front+"one\n\nthree \a\n")...)
	add("section bad weight", "s.md:5", section("weight", "---\nid: s\ntitle: T\nkind: benefits\naudiences: executive 500\nlanguage: en\n---\nx\n")...)
	add("section empty", "s.md:1", section("empty", "")...)
	add("section bad id", "s.md:2", section("badid", "---\nid: ../x\ntitle: T\nkind: benefits\naudiences: executive 50\nlanguage: en\n---\nx\n")...)
	return out
}

// TestBadInputsAreRefusedCleanly runs every input of the corpus through
// the command line: none may panic, every one is refused with exit 1 or 2
// and one line on stderr naming what was wrong, and nothing is printed raw
// to the terminal.
func TestBadInputsAreRefusedCleanly(t *testing.T) {
	dir := demo(t)
	id := strings.TrimSpace(mustRun(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Probe"))
	files := t.TempDir()
	file := func(name, content string) string {
		p := filepath.Join(files, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range badInputs(id, file) {
		t.Run(c.name, func(t *testing.T) {
			args := clipArgs(c.args)
			r, panicked := runRecovering(t, dir, c.args...)
			if panicked != nil {
				t.Fatalf("%q panicked: %v", args, panicked)
			}
			if r.code != 1 && r.code != 2 {
				t.Fatalf("%q: exit %d (stdout %q, stderr %q), want 1 or 2", args, r.code, r.stdout, r.stderr)
			}
			msg := strings.TrimSuffix(r.stderr, "\n")
			lines := strings.Split(msg, "\n")
			if c.args[0] == "library" {
				lines = lines[len(lines)-1:] // one line per file problem, then the summary
			}
			if msg == "" || len(lines) != 1 {
				t.Errorf("%q: stderr %q, want one line", args, r.stderr)
			}
			if !strings.Contains(r.stderr, c.names) {
				t.Errorf("%q: stderr %q does not name %q", args, r.stderr, c.names)
			}
			for _, s := range []string{r.stdout, r.stderr} {
				if bad := rawTerminalText(s); bad != "" {
					t.Errorf("%q: output carries %s: %q", args, bad, s)
				}
			}
		})
	}
	// Nothing the corpus tried was stored: every list still reads back.
	for _, args := range [][]string{{"proposal", "list"}, {"agenda"}, {"account", "show", "northbridge"}, {"proposal", "show", id}} {
		if r := run(t, dir, args...); r.code != 0 {
			t.Errorf("%v after the corpus: exit %d, %s", args, r.code, r.stderr)
		}
	}
}

// runRecovering is run that survives a panicking command: it returns
// what was recovered, and closes the workspace the command left open so
// that the next command can open it.
func runRecovering(t *testing.T, dir string, args ...string) (r result, panicked any) {
	t.Helper()
	var out, errb bytes.Buffer
	var opened *store.Store
	env := cli.Env{
		Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
		Getenv: func(string) string { return "" },
		Today:  func() dossier.Date { return today },
		Open: func(d string, o store.Options) (*store.Store, error) {
			o.NoGC, o.Now = true, func() time.Time { return today.Time().Add(10 * time.Hour) }
			st, err := store.Open(d, o)
			opened = st
			return st, err
		},
	}
	g, rest, err := cli.ParseGlobal(append([]string{"--data", dir}, args...), env.Getenv)
	if err != nil {
		t.Fatalf("ParseGlobal(%q): %v", args, err)
	}
	defer func() {
		if panicked = recover(); panicked != nil && opened != nil {
			opened.Close()
		}
		r = result{r.code, out.String(), errb.String()}
	}()
	r.code = cli.Run(g, rest, env)
	return r, nil
}

// clipArgs shortens long arguments for messages.
func clipArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if len(a) > 60 {
			a = a[:60] + "…"
		}
		out[i] = a
	}
	return out
}

// rawTerminalText describes what in s a terminal would act on rather than
// show: control characters other than tab and newline, and broken UTF-8.
func rawTerminalText(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return fmt.Sprintf("control character %U", r)
		}
	}
	return ""
}

// What a command prints carries no control character, whatever the
// workspace holds: here the path of an export, which no validation
// limits, with an escape sequence, a C1 control and a bidi override.
func TestOutputIsCleanForTheTerminal(t *testing.T) {
	dir := demo(t)
	const id = "prop-northbridge-modular-controls"
	path := filepath.Join(t.TempDir(), "x\x1b]0;owned\x07 \u009b31m \u202eLMTH.md")
	mustRun(t, dir, "proposal", "export", id, "--audience", "hr", "--format", "md", "-o", path)
	for _, args := range [][]string{{"proposal", "show", id}, {"proposal", "show", id, "--json"}} {
		r := run(t, dir, args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d, %s", args, r.code, r.stderr)
		}
		if bad := rawTerminalText(r.stdout); bad != "" || strings.ContainsRune(r.stdout, '\u202e') {
			t.Errorf("%v prints %s or a bidi override", args, bad)
		}
	}
	p := decode[struct {
		Exports []struct{ File string } `json:"exports"`
	}](t, mustRun(t, dir, "proposal", "show", id, "--json"))
	if n := len(p.Exports); n == 0 || p.Exports[n-1].File != path {
		t.Errorf("JSON changed the data: exports %+v, want the last one %q", p.Exports, path)
	}
}
