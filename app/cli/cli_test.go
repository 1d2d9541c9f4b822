package cli_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/app/cli"
	"kamdesk/app/i18n"
	"kamdesk/app/store"
	"kamdesk/dossier"
)

var today = dossier.MustDate("2026-11-25")

type result struct {
	code           int
	stdout, stderr string
}

// run runs a command line against the workspace dir, as a user would type
// it after "kamdesk --data dir".
func run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := runWith(t, testEnv(&out, &errb), dir, args...)
	return result{code, out.String(), errb.String()}
}

// testEnv is the environment of run: no terminal, no variables, today
// fixed, the workspace opened without garbage collection.
func testEnv(stdout, stderr io.Writer) cli.Env {
	return cli.Env{
		Stdout: stdout, Stderr: stderr, Stdin: strings.NewReader(""),
		Getenv: func(string) string { return "" },
		Today:  func() dossier.Date { return today },
		Open: func(d string, o store.Options) (*store.Store, error) {
			o.NoGC, o.Now = true, func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
			return store.Open(d, o)
		},
	}
}

// runWith runs a command line against the workspace dir in env and
// returns the exit code.
func runWith(t testing.TB, env cli.Env, dir string, args ...string) int {
	t.Helper()
	g, rest, err := cli.ParseGlobal(append([]string{"--data", dir}, args...), env.Getenv)
	if err != nil {
		t.Fatalf("ParseGlobal(%q): %v", args, err)
	}
	return cli.Run(g, rest, env)
}

func demo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if r := run(t, dir, "demo"); r.code != 0 {
		t.Fatalf("demo: exit %d, stderr %q", r.code, r.stderr)
	}
	return dir
}

func TestDemoIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "demo")
	if r.code != 0 || !strings.Contains(r.stdout, "Loaded the sample workspace") {
		t.Fatalf("first demo: %+v", r)
	}
	before := run(t, dir, "account", "show", "northbridge", "--json").stdout
	r = run(t, dir, "demo")
	if r.code != 0 || !strings.Contains(r.stdout, "nothing changed") {
		t.Errorf("second demo: %+v, want 'nothing changed'", r)
	}
	if after := run(t, dir, "account", "show", "northbridge", "--json").stdout; after != before {
		t.Error("second demo changed the northbridge dossier")
	}
}

func TestAccountListJSONHasStableFields(t *testing.T) {
	dir := demo(t)
	r := run(t, dir, "account", "list", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if len(got) < 3 {
		t.Fatalf("%d accounts, want at least 3", len(got))
	}
	for _, f := range []string{"id", "name", "industry", "tier", "criteria", "revenue_share", "next_tender",
		"tender_prep_start", "annual_review", "mono_dependent", "coverage", "created", "updated"} {
		if _, ok := got[0][f]; !ok {
			t.Errorf("account JSON lacks %q: %v", f, got[0])
		}
	}
	if got[0]["tier"] != "crown-jewel" {
		t.Errorf("first account tier = %v, want crown-jewel (most important first)", got[0]["tier"])
	}
}

func TestAccountShowText(t *testing.T) {
	dir := demo(t)
	r := run(t, dir, "account", "show", "northbridge")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"Northbridge Build Group", "Tier: Crown jewel", "[x] A well-known brand",
		"Decision-making group", "Anna Keller", "Ladder level: Advocate", "Birthday: 19 November 1974  (turns 53 in 359 days)",
		"Timeline", "Promises", "slipped from", "Coverage",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("account show lacks %q", want)
		}
	}
}

func TestPersonListFilters(t *testing.T) {
	dir := demo(t)
	r := run(t, dir, "person", "list", "--account", "castellan", "--json")
	var people []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &people); err != nil {
		t.Fatalf("not JSON: %v (%s)", err, r.stderr)
	}
	if len(people) == 0 {
		t.Fatal("no people for castellan")
	}
	for _, p := range people {
		if p["account_id"] != "castellan" {
			t.Errorf("person %v of account %v in a castellan list", p["id"], p["account_id"])
		}
		for _, f := range []string{"type", "level", "nps", "nps_class", "birthday", "days_to_birthday", "contact_due"} {
			if _, ok := p[f]; !ok {
				t.Errorf("person JSON lacks %q", f)
			}
		}
	}
	r = run(t, dir, "person", "list", "--account", "nowhere")
	if r.code != 1 || !strings.Contains(r.stderr, `no account with ID "nowhere"`) {
		t.Errorf("unknown account: %+v", r)
	}
}

func TestListsOnEmptyWorkspace(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"account", "list"}, {"person", "list"}, {"team", "list"}, {"reference", "list"}} {
		r := run(t, dir, args...)
		if r.code != 0 || r.stdout == "" {
			t.Errorf("%v on an empty workspace: %+v, want a friendly message", args, r)
		}
		r = run(t, dir, append(args, "--json")...)
		if strings.TrimSpace(r.stdout) != "[]" {
			t.Errorf("%v --json on an empty workspace = %q, want []", args, r.stdout)
		}
	}
}

func TestErrorsAndHelp(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"account", "show"}, 2, "", "missing account ID"},
		{[]string{"account", "show", "a", "b"}, 2, "", "unexpected argument b"},
		{[]string{"account", "show", "ghost"}, 1, "", `no account with ID "ghost"`},
		{[]string{"account", "show", "../../etc"}, 1, "", "not a valid account ID"},
		{[]string{"account", "list", "--bogus"}, 2, "", "flag provided but not defined"},
		{[]string{"frobnicate"}, 2, "", "unknown command frobnicate"},
		{[]string{"account"}, 2, "account list", ""},
		{[]string{"account", "--help"}, 0, "account show ID", ""},
		{[]string{"account", "show", "--help"}, 0, "--json", ""},
		{[]string{"person", "list", "-h"}, 0, "--account ID", ""},
		{[]string{"demo", "--help"}, 0, "sample workspace", ""},
	}
	for _, c := range cases {
		r := run(t, dir, c.args...)
		if r.code != c.code || !strings.Contains(r.stdout, c.inStdout) || !strings.Contains(r.stderr, c.inStderr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d with %q / %q",
				c.args, r.code, r.stdout, r.stderr, c.code, c.inStdout, c.inStderr)
		}
		if strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%v: stderr has several lines: %q", c.args, r.stderr)
		}
	}
	r := run(t, dir, "--help")
	for _, cmd := range []string{"demo", "account list", "account show ID", "person list", "team list", "reference list", "agenda"} {
		if !strings.Contains(r.stdout, cmd) {
			t.Errorf("--help lacks %q", cmd)
		}
	}
}

func TestHelpCommand(t *testing.T) {
	dir := t.TempDir()
	for _, topic := range [][]string{
		nil,
		{"help"},
		{"account"},
		{"account", "show"},
		{"proposal", "export"},
		{"proposal", "sent-copy"},
		{"demo"},
	} {
		got := run(t, dir, append([]string{"help"}, topic...)...)
		want := run(t, dir, append(topic, "--help")...)
		if topic == nil || topic[0] == "help" {
			want = run(t, dir, "--help")
		}
		if got != want || got.code != 0 || got.stdout == "" {
			t.Errorf("help %v:\ngot  %+v\nwant %+v", topic, got, want)
		}
	}
	if r := run(t, dir, "help", "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, "unknown command frobnicate") {
		t.Errorf("help frobnicate: %+v, want exit 2 for an unknown command", r)
	}
	if r := run(t, dir, "help"); !strings.Contains(r.stdout, "kamdesk help [COMMAND]") {
		t.Errorf("the usage does not mention kamdesk help COMMAND:\n%s", r.stdout)
	}
}

func TestOutputLongForm(t *testing.T) {
	dir := demo(t)
	folder := t.TempDir()
	const id = "prop-castellan-calm-rollout"
	mustRun(t, dir, "proposal", "sent", id, "--audience", "finance") // for sent-copy
	for _, c := range []struct {
		file string
		args []string
	}{
		{"hr.html", []string{"proposal", "export", id, "--audience", "hr", "--output"}},
		{"finance.md", []string{"proposal", "export", "--audience", "finance", "--format", "md", id, "--output"}},
		{"copy.html", []string{"proposal", "sent-copy", id, "--output"}},
	} {
		file := filepath.Join(folder, c.file)
		mustRun(t, dir, append(c.args, file)...)
		if fi, err := os.Stat(file); err != nil || fi.Size() == 0 {
			t.Errorf("%v: wrote no %s (%v)", c.args, c.file, err)
		}
	}
	file := filepath.Join(folder, "equals.html")
	mustRun(t, dir, "proposal", "export", id, "--audience", "technical", "--output="+file)
	if _, err := os.Stat(file); err != nil {
		t.Errorf("--output=FILE: %v", err)
	}
	for _, cmd := range [][]string{{"proposal", "export"}, {"proposal", "sent-copy"}} {
		help := mustRun(t, dir, append(cmd, "--help")...)
		if !strings.Contains(help, "  -o, --output ") || strings.Count(help, "--output") != 1 {
			t.Errorf("%v --help shows -o and --output other than on one line:\n%s", cmd, help)
		}
	}
}

func TestLockedWorkspace(t *testing.T) {
	dir := demo(t)
	s, err := store.Open(dir, store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := run(t, dir, "account", "list")
	abs, _ := filepath.Abs(dir)
	if r.code != 1 || r.stderr != "kamdesk is already open on "+abs+"\n" {
		t.Errorf("locked: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestDefaultDataDir(t *testing.T) {
	env := map[string]string{"HOME": "/home/kam", "XDG_DATA_HOME": "/data/xdg"}
	get := func(k string) string { return env[k] }
	g, _, err := cli.ParseGlobal(nil, get)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/data/xdg/kamdesk"; g.DataDir != want {
		t.Errorf("data dir = %q, want %q", g.DataDir, want)
	}
	env["KAMDESK_DATA"] = "/elsewhere"
	if g, _, _ := cli.ParseGlobal(nil, get); g.DataDir != "/elsewhere" {
		t.Errorf("with KAMDESK_DATA: %q", g.DataDir)
	}
	if g, _, _ := cli.ParseGlobal([]string{"--data", "/x"}, get); g.DataDir != "/x" {
		t.Errorf("with --data: %q", g.DataDir)
	}
	delete(env, "KAMDESK_DATA")
	delete(env, "XDG_DATA_HOME")
	if g, _, _ := cli.ParseGlobal(nil, get); g.DataDir != "/home/kam/.local/share/kamdesk" {
		t.Errorf("without XDG_DATA_HOME: %q", g.DataDir)
	}
}

func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	os.Exit(m.Run())
}

func TestAgendaIncludesProposals(t *testing.T) {
	dir := demo(t)
	r := run(t, dir, "agenda", "--json")
	var items []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil {
		t.Fatalf("agenda --json: %v\n%s", err, r.stdout)
	}
	kinds := map[string]int{}
	for _, it := range items {
		kinds[it["kind"].(string)]++
	}
	for _, k := range []string{"birthday", "contact", "promise", "tender-prep", "proposal-follow-up"} {
		if kinds[k] == 0 {
			t.Errorf("the sample's agenda has no %q item: %v", k, kinds)
		}
	}
	if items[0]["late"] != true {
		t.Errorf("first agenda item is not late: %v", items[0])
	}
}

// TestReadingCommandsLeaveTheFolderAlone: once the day's backup is made,
// the commands that only read open the workspace for reading: no file of
// the folder changes, and no note about a read-only workspace is printed.
func TestReadingCommandsLeaveTheFolderAlone(t *testing.T) {
	dir := demo(t)
	mustRun(t, dir, "account", "list") // the day's backup
	before := folderDigest(t, dir)
	for _, args := range [][]string{
		{"account", "list"}, {"account", "show", "northbridge"}, {"person", "list", "--json"},
		{"agenda"}, {"proposal", "list"}, {"library", "list"}, {"team", "list"},
	} {
		r := run(t, dir, args...)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if after := folderDigest(t, dir); after != before {
			t.Errorf("%v changed the workspace folder:\n%s\nwas\n%s", args, after, before)
			before = after
		}
	}
}

// folderDigest lists every file under dir with its size and a hash.
func folderDigest(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		fmt.Fprintf(&b, "%s %d %x\n", rel, len(data), sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestCommand: what kamdesk and kamdesk-cli do with their arguments: a
// command, --help or --version runs (here --version, exit 0), a wrong
// global option is a usage error, and no command leaves the start to the
// desktop app.
func TestCommand(t *testing.T) {
	t.Setenv("KAMDESK_DATA", t.TempDir())
	if _, code, ran := cli.Command([]string{"--version"}); !ran || code != cli.ExitOK {
		t.Errorf("--version: ran %v, exit %d", ran, code)
	}
	if _, code, ran := cli.Command([]string{"--no-such-option"}); !ran || code != cli.ExitUsage {
		t.Errorf("--no-such-option: ran %v, exit %d", ran, code)
	}
	if g, _, ran := cli.Command([]string{"--open", "agenda"}); ran || g.Place != "agenda" {
		t.Errorf("no command: ran %v, place %q", ran, g.Place)
	}
}

// The global options work after the command too, as the issue and people
// write them: `kamdesk restore FILE --data DIR`; a command option's value
// that looks like one stays that option's.
func TestGlobalOptionsAfterTheCommand(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "ws.backup")
	if r := run(t, dir, "backup", file); r.code != 0 {
		t.Fatalf("backup: %+v", r)
	}
	elsewhere, restored := t.TempDir(), filepath.Join(t.TempDir(), "restored")
	if r := run(t, elsewhere, "restore", file, "--data", restored, "--yes"); r.code != 0 {
		t.Fatalf("restore FILE --data DIR: %+v", r)
	}
	if r := run(t, restored, "account", "show", "northbridge"); r.code != 0 {
		t.Fatalf("the restored workspace: %+v", r)
	}
	if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
		t.Fatalf("restore wrote into the --data before the command: %v", entries)
	}

	t.Cleanup(func() { i18n.SetLanguage("en") })
	r := run(t, elsewhere, "agenda", "--days", "366", "--data="+restored, "--lang", "ru")
	if r.code != 0 || !strings.Contains(r.stdout, "ДАТА") {
		t.Fatalf("agenda --data DIR --lang ru: %+v", r)
	}
	i18n.SetLanguage("en")

	r = run(t, elsewhere, "agenda", "--data")
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "-data") {
		t.Fatalf("agenda --data without a folder: %+v", r)
	}
	r = run(t, restored, "proposal", "new", "--account", "northbridge", "--title", "--data", "--sections", "cover-letter")
	if r.code != 0 {
		t.Fatalf("a title that looks like --data: %+v", r)
	}
	if show := run(t, restored, "proposal", "show", strings.TrimSpace(r.stdout)); !strings.Contains(show.stdout, "--data") {
		t.Fatalf("the proposal's title is not \"--data\":\n%s", show.stdout)
	}
}
