package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kamdesk/app/cli"
	"kamdesk/app/store"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// runOn is run on another day.
func runOn(t *testing.T, day dossier.Date, dir string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := cli.Env{
		Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
		Getenv: func(string) string { return "" },
		Today:  func() dossier.Date { return day },
		Now:    func() time.Time { return day.Time().Add(10 * time.Hour) },
		Open: func(d string, o store.Options) (*store.Store, error) {
			o.NoGC, o.Now = true, func() time.Time { return day.Time().Add(10 * time.Hour) }
			return store.Open(d, o)
		},
	}
	g, rest, err := cli.ParseGlobal(append([]string{"--data", dir}, args...), env.Getenv)
	if err != nil {
		t.Fatalf("ParseGlobal(%q): %v", args, err)
	}
	code := cli.Run(g, rest, env)
	return result{code, out.String(), errb.String()}
}

func mustRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := run(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.stderr)
	}
	return r.stdout
}

func decode[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return v
}

// readySections make a proposal to northbridge that the readiness check
// passes once a team and a reference are given.
const readySections = "cover-letter,understanding-business,uniqueness-factory-commissioning,references-similar-projects," +
	"figures-measured-performance,spec-controls-platform,team-project-team,training-academy,validity-standard"

func TestProposalNewShowCheck(t *testing.T) {
	dir := demo(t)
	out := mustRun(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Site controls 2027",
		"--sections", readySections, "--team", "team-mara-lindqvist,team-priya-natarajan", "--references", "ref-kelsey-rowe-homes")
	id := strings.TrimSpace(out)
	if !dossier.ValidID(id) || strings.Contains(out[:len(out)-1], "\n") {
		t.Fatalf("proposal new printed %q, want the new ID alone", out)
	}

	show := decode[map[string]any](t, mustRun(t, dir, "proposal", "show", id, "--json"))
	for field, want := range map[string]any{
		"id": id, "account_id": "northbridge", "title": "Site controls 2027", "language": "en", "status": "draft",
		"status_today": "draft", "issued": today.String(), "valid_days": float64(30), "expiry": "2026-12-25",
		"days_left": float64(30), "author": "team-mara-lindqvist",
	} {
		if show[field] != want {
			t.Errorf("show --json %s = %v, want %v", field, show[field], want)
		}
	}
	for _, f := range []string{"items", "credits", "references", "totals", "financial", "tasks", "exports", "readiness", "created", "updated"} {
		if _, ok := show[f]; !ok {
			t.Errorf("show --json lacks %q", f)
		}
	}
	if items := show["items"].([]any); len(items) != len(strings.Split(readySections, ",")) {
		t.Errorf("items = %d, want one per --sections ID", len(items))
	}
	if rd := show["readiness"].(map[string]any); rd["ready"] != true {
		t.Errorf("readiness = %v, want ready", rd)
	}

	text := mustRun(t, dir, "proposal", "show", id)
	for _, want := range []string{"Site controls 2027", "Northbridge Build Group (northbridge)", "Valid until: 2026-12-25  (30 days left)",
		"Author: Mara Lindqvist", "Why Veldmark: commissioned in the factory", "library cover-letter", "Kelsey & Rowe Homes",
		"Lead Solutions Architect", "Ready to send"} {
		if !strings.Contains(text, want) {
			t.Errorf("proposal show lacks %q\n%s", want, text)
		}
	}

	r := run(t, dir, "proposal", "check", id)
	if r.code != 0 || !strings.Contains(r.stdout, "Ready to send: no blocking problems") {
		t.Errorf("check of a ready proposal: %+v, want exit 0", r)
	}

	// Without --sections the proposal takes the whole library in its
	// language; without a team, pricing and a financial result it is not
	// ready.
	bare := strings.TrimSpace(mustRun(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Bare"))
	lib := decode[[]proposal.Section](t, mustRun(t, dir, "library", "list", "--json"))
	got := decode[proposal.Proposal](t, mustRun(t, dir, "proposal", "show", bare, "--json"))
	english := 0
	for _, s := range lib {
		if s.Language == "en" {
			english++
		}
	}
	if len(got.Items) != english || got.Author != "" || got.ValidDays != 30 {
		t.Errorf("bare proposal: %d items (English library %d), author %q, valid_days %d", len(got.Items), english, got.Author, got.ValidDays)
	}
	r = run(t, dir, "proposal", "check", bare)
	if r.code != 1 || !strings.Contains(r.stdout, "BLOCKING") || !strings.Contains(r.stdout, "Nobody is credited") ||
		!strings.Contains(r.stdout, "Not ready to send") || r.stderr != "" {
		t.Errorf("check of a bare proposal: exit %d, stderr %q, stdout\n%s", r.code, r.stderr, r.stdout)
	}
	r = run(t, dir, "proposal", "check", bare, "--json")
	if r.code != 1 {
		t.Errorf("check --json of a bare proposal: exit %d, want 1", r.code)
	}
	rd := decode[map[string]any](t, r.stdout)
	if rd["ready"] != false || rd["blocking"].(float64) < 1 {
		t.Errorf("check --json = %v, want not ready", rd)
	}
	findings := rd["findings"].([]any)
	for _, f := range findings {
		for _, k := range []string{"severity", "code", "audience", "message", "fix", "place"} {
			if _, ok := f.(map[string]any)[k]; !ok {
				t.Errorf("finding %v lacks %q", f, k)
			}
		}
	}
	first := findings[0].(map[string]any)
	if first["severity"] != "blocking" || strings.Contains(first["message"].(string), "{{.") {
		t.Errorf("first finding = %v, want a blocking one with its message filled in", first)
	}
}

func TestProposalNewErrors(t *testing.T) {
	dir := demo(t)
	base := []string{"proposal", "new", "--account", "northbridge", "--title", "T"}
	cases := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{[]string{"proposal", "new", "--title", "T"}, 2, "--account and --title are required"},
		{append(base, "--valid-days", "10", "--valid-until", "2027-01-01"), 2, "not both"},
		{append(base, "--valid-until", "2027-02-30"), 2, "--valid-until 2027-02-30 is not a date"},
		{append(base, "--valid-until", "2026-01-01"), 2, "before today"},
		{append(base, "--valid-days", "0"), 2, "--valid-days must be between 1 and 3660"},
		{append(base, "extra"), 2, "unexpected argument extra"},
		{[]string{"proposal", "new", "--account", "ghost", "--title", "T"}, 1, `no account with ID "ghost"`},
		{append(base, "--team", "ghost,team-mara-lindqvist", "--references", "ref-nope", "--sections", "cover-letter,nope"), 1,
			"these IDs do not exist: team member ghost, reference ref-nope, section nope"},
		{append(base, "--language", "english!"), 2, "--language english! is not a language code"},
	}
	for _, c := range cases {
		r := run(t, dir, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.inStderr) || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d with %q", c.args, r.code, r.stdout, r.stderr, c.code, c.inStderr)
		}
	}
	if props := decode[[]any](t, mustRun(t, dir, "proposal", "list", "--json")); len(props) != 4 {
		t.Errorf("after failed proposal new: %d proposals, want the 4 of the sample", len(props))
	}
	// --valid-until sets the date instead of a number of days.
	id := strings.TrimSpace(mustRun(t, dir, append(base, "--valid-until", "2027-01-15", "--sections", "cover-letter")...))
	p := decode[proposal.Proposal](t, mustRun(t, dir, "proposal", "show", id, "--json"))
	if p.ValidUntil.String() != "2027-01-15" || p.ValidDays != 0 || len(p.Items) != 1 {
		t.Errorf("--valid-until: valid_until %v, valid_days %d, items %d", p.ValidUntil, p.ValidDays, len(p.Items))
	}
	// One day is one day, not "1 days".
	id = strings.TrimSpace(mustRun(t, dir, append(base, "--valid-days", "1", "--sections", "cover-letter")...))
	if text := mustRun(t, dir, "proposal", "show", id); !strings.Contains(text, "(1 day left)") {
		t.Errorf("a proposal valid one more day shows\n%s", text)
	}
}

func TestProposalSentPlansFollowUpOnWorkingDays(t *testing.T) {
	dir := demo(t)
	id := strings.TrimSpace(mustRun(t, dir, "proposal", "new", "--account", "castellan", "--title", "Roll-out",
		"--sections", "cover-letter", "--team", "team-tomas-reyes"))
	r := run(t, dir, "proposal", "sent", id, "--on", "2026-11-27") // a Friday
	if r.code != 0 {
		t.Fatalf("sent: exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "blocking problems were not fixed") {
		t.Errorf("sent of an unready proposal: stderr %q, want a warning", r.stderr)
	}
	for _, want := range []string{"Sent on 2026-11-27", "2026-11-30 Mon  Check the proposal arrived", "2026-12-01 Tue  Ask about next steps",
		"2026-12-01 Tue  Ask how long they need", "2026-12-04 Fri  Agree a call or meeting"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("sent output lacks %q:\n%s", want, r.stdout)
		}
	}
	p := decode[proposal.Proposal](t, mustRun(t, dir, "proposal", "show", id, "--json"))
	if p.Status != proposal.Sent || p.Sent.String() != "2026-11-27" || len(p.Tasks) != 4 {
		t.Fatalf("after sent: status %s, sent %v, %d tasks", p.Status, p.Sent, len(p.Tasks))
	}
	for i, task := range p.Tasks {
		if task.Due.IsWeekend() || task.Status != proposal.TaskOpen || task.Kind != proposal.TaskKinds[i] {
			t.Errorf("task %d = %+v, want open %s on a working day", i, task, proposal.TaskKinds[i])
		}
	}
	list := decode[[]map[string]any](t, mustRun(t, dir, "proposal", "list", "--account", "castellan", "--json"))
	var mine map[string]any
	for _, l := range list {
		if l["id"] == id {
			mine = l
		}
	}
	if mine == nil {
		t.Fatalf("proposal list --account castellan lacks %s: %v", id, list)
	}
	next, _ := mine["next_task"].(map[string]any)
	if mine["status"] != "sent" || next["kind"] != "receipt" || next["due"] != "2026-11-30" || next["late"] != false {
		t.Errorf("list entry = %v, want sent with the receipt call next on 2026-11-30", mine)
	}

	cases := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{[]string{"proposal", "sent", id, "--on", "friday"}, 2, "--on friday is not a date"},
		{[]string{"proposal", "sent"}, 2, "missing proposal ID"},
		{[]string{"proposal", "sent", "ghost"}, 1, `no proposal with ID "ghost"`},
	}
	for _, c := range cases {
		if r := run(t, dir, c.args...); r.code != c.code || !strings.Contains(r.stderr, c.inStderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", c.args, r.code, r.stderr, c.code, c.inStderr)
		}
	}
}

func TestProposalListStatusAndExpiry(t *testing.T) {
	dir := demo(t)
	list := decode[[]map[string]any](t, mustRun(t, dir, "proposal", "list", "--json"))
	if len(list) != 4 {
		t.Fatalf("proposal list = %d, want the 4 sample proposals", len(list))
	}
	for _, l := range list {
		for _, f := range []string{"id", "account_id", "account", "title", "language", "status", "issued", "expiry", "days_left",
			"blocking", "warnings", "next_task", "updated"} {
			if _, ok := l[f]; !ok {
				t.Errorf("list JSON lacks %q: %v", f, l)
			}
		}
	}
	text := mustRun(t, dir, "proposal", "list")
	for _, want := range []string{"prop-northbridge-modular-controls", "Sent", "Ask about next steps", "prop-castellan-calm-rollout", "Draft"} {
		if !strings.Contains(text, want) {
			t.Errorf("proposal list lacks %q\n%s", want, text)
		}
	}
	// Months later both have expired, and the next call is late.
	later := runOn(t, dossier.MustDate("2027-03-01"), dir, "proposal", "list", "--json")
	for _, l := range decode[[]map[string]any](t, later.stdout) {
		if l["status"] != "expired" || l["days_left"].(float64) >= 0 {
			t.Errorf("on 2027-03-01 %v: status %v, days_left %v; want expired, negative", l["id"], l["status"], l["days_left"])
		}
		if next, ok := l["next_task"].(map[string]any); ok && next["late"] != true {
			t.Errorf("on 2027-03-01 %v: next task %v, want late", l["id"], next)
		}
	}
	if r := run(t, dir, "proposal", "list", "--account", "nowhere"); r.code != 1 || !strings.Contains(r.stderr, `no account with ID "nowhere"`) {
		t.Errorf("list --account nowhere: %+v", r)
	}
	empty := t.TempDir()
	if r := run(t, empty, "proposal", "list"); r.code != 0 || !strings.Contains(r.stdout, "No proposals yet") {
		t.Errorf("list on an empty workspace: %+v", r)
	}
	if r := run(t, empty, "proposal", "list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("list --json on an empty workspace = %q, want []", r.stdout)
	}
}

func TestProposalShowSample(t *testing.T) {
	dir := demo(t)
	const id = "prop-northbridge-modular-controls"
	text := mustRun(t, dir, "proposal", "show", id)
	for _, want := range []string{"Status: Sent", "Payback: 36.3 months", "Return on investment: 65.6% over 5 years",
		"Before discount", "GBP 1,272,800.00", "GBP 1,189,950.00", "customised from references-similar-projects", "; own",
		"done 2026-11-23", "Ask about next steps", "Jonas Brandt"} {
		if !strings.Contains(text, want) {
			t.Errorf("proposal show lacks %q\n%s", want, text)
		}
	}
	j := decode[map[string]any](t, mustRun(t, dir, "proposal", "show", id, "--json"))
	fin := j["financial"].(map[string]any)
	if fin["payback_months"] != "36.3" || fin["roi_percent"] != "65.6" || fin["horizon_years"] != float64(5) || fin["investment"] != "1189950" {
		t.Errorf("financial = %v", fin)
	}
	totals := j["totals"].([]any)
	if len(totals) != 1 || totals[0].(map[string]any)["net"] != "1189950" || totals[0].(map[string]any)["currency"] != "GBP" {
		t.Errorf("totals = %v", totals)
	}
	tasks := j["tasks"].([]any)
	if len(tasks) != 4 || tasks[0].(map[string]any)["status"] != "done" || tasks[1].(map[string]any)["label"] != "Ask about next steps" {
		t.Errorf("tasks = %v", tasks)
	}
}

func TestProposalExport(t *testing.T) {
	dir := demo(t)
	const id = "prop-northbridge-modular-controls"
	const title = "Factory-commissioned controls for the Doncaster modular plant"
	out := t.TempDir()
	for _, c := range []struct{ audience, format string }{{"executive", "html"}, {"finance", "md"}, {"technical", "HTML"}} {
		path := filepath.Join(out, c.audience+"."+strings.ToLower(c.format))
		r := run(t, dir, "proposal", "export", id, "--audience", c.audience, "--format", c.format, "-o", path)
		if r.code != 0 || strings.TrimSpace(r.stdout) != path {
			t.Fatalf("export %s %s: %+v", c.audience, c.format, r)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{title, "Valid until"} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s lacks %q", path, want)
			}
		}
		if isHTML := bytes.HasPrefix(bytes.TrimSpace(b), []byte("<!DOCTYPE html>")); isHTML != (strings.ToLower(c.format) == "html") {
			t.Errorf("%s: HTML document = %v, want %v", path, isHTML, strings.ToLower(c.format) == "html")
		}
	}

	// "all" is every variant: the four audiences and the whole group.
	all := filepath.Join(out, "all", "variants")
	r := run(t, dir, "proposal", "export", id, "--audience", "all", "--format", "html", "-o", all)
	if r.code != 0 {
		t.Fatalf("export all: %+v", r)
	}
	entries, err := os.ReadDir(all)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	issued := dossier.MustDate("2026-11-20") // the sample proposal's issue date, which its files' names carry
	var want []string
	for _, a := range proposal.Variants {
		want = append(want, proposal.ExportFileName("Northbridge Build Group", title, 1, issued, a, "html"))
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("export all wrote %q, want %q", names, want)
	}
	if printed := strings.Split(strings.TrimSpace(r.stdout), "\n"); len(printed) != 5 {
		t.Errorf("export all printed %q, want 5 paths", printed)
	}

	p := decode[proposal.Proposal](t, mustRun(t, dir, "proposal", "show", id, "--json"))
	if len(p.Exports) != 8 {
		t.Fatalf("exports recorded = %d, want 8", len(p.Exports))
	}
	last := p.Exports[7]
	if last.Audience != proposal.All || last.Format != "html" || !filepath.IsAbs(last.File) || last.At.IsZero() {
		t.Errorf("last export = %+v, want the whole group in html with an absolute path", last)
	}
	if p.Exports[1].Format != "md" || p.Exports[1].Audience != proposal.Finance {
		t.Errorf("second export = %+v, want finance md", p.Exports[1])
	}

	// An existing folder receives the file under its export name, which
	// names the audience only when asked to.
	r = run(t, dir, "proposal", "export", id, "--audience", "hr", "--format", "md", "-o", out)
	if wantPath := filepath.Join(out, "Northbridge Build Group - "+title+" - v1 - 2026-11-20.md"); strings.TrimSpace(r.stdout) != wantPath {
		t.Errorf("export into a folder printed %q, want %q", r.stdout, wantPath)
	}
	r = run(t, dir, "proposal", "export", id, "--audience", "hr", "--format", "md", "--name-audience", "-o", out)
	if wantPath := filepath.Join(out, "Northbridge Build Group - "+title+" - v1 - 2026-11-20 - HR.md"); strings.TrimSpace(r.stdout) != wantPath {
		t.Errorf("export into a folder with --name-audience printed %q, want %q", r.stdout, wantPath)
	}
	matches, _ := filepath.Glob(filepath.Join(out, "*", ".kamdesk-*"))
	tmp, _ := filepath.Glob(filepath.Join(out, ".kamdesk-*"))
	if len(matches)+len(tmp) > 0 {
		t.Errorf("temporary files left behind: %v %v", matches, tmp)
	}

	cases := []struct {
		args     []string
		code     int
		inStderr string
	}{
		{[]string{"proposal", "export", id, "--audience", "ceo", "-o", out}, 2, "--audience ceo is not one of"},
		{[]string{"proposal", "export", id, "--audience", "hr", "--format", "docx", "-o", out}, 2, "--format docx is not html, pdf or md"},
		{[]string{"proposal", "export", id, "--audience", "hr", "--format", "pdf", "--paper", "a3", "-o", out}, 2, "--paper a3 is not a4 or letter"},
		{[]string{"proposal", "export", id, "--audience", "hr"}, 2, "--audience and -o are required"},
		{[]string{"proposal", "export", "--audience", "hr", "-o", out}, 2, "missing proposal ID"},
		{[]string{"proposal", "export", "ghost", "--audience", "hr", "-o", out}, 1, `no proposal with ID "ghost"`},
	}
	for _, c := range cases {
		if r := run(t, dir, c.args...); r.code != c.code || !strings.Contains(r.stderr, c.inStderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", c.args, r.code, r.stderr, c.code, c.inStderr)
		}
	}
	help := mustRun(t, dir, "proposal", "export", "--help")
	for _, want := range []string{"--audience WHO", "or all for every variant", "-o, --output PATH", "--format FORMAT"} {
		if !strings.Contains(help, want) {
			t.Errorf("proposal export --help lacks %q:\n%s", want, help)
		}
	}
}

func TestLibraryExportImportRoundTrip(t *testing.T) {
	dir := demo(t)
	orig := decode[[]proposal.Section](t, mustRun(t, dir, "library", "list", "--json"))
	files := filepath.Join(t.TempDir(), "library")
	out := mustRun(t, dir, "library", "export", files)
	if !strings.Contains(out, "Exported 40 sections to "+files) || !strings.Contains(out, filepath.Join(files, "cover-letter.md")) {
		t.Errorf("library export printed:\n%s", out)
	}
	text := mustRun(t, dir, "library", "list")
	if !strings.Contains(text, "cover-letter") || !strings.Contains(text, "executive 70, hr 50, finance 50, technical 50") {
		t.Errorf("library list:\n%s", text)
	}

	fresh := t.TempDir()
	r := run(t, fresh, "library", "import", files)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "Imported 40 sections (40 new, 0 updated)" {
		t.Fatalf("import into a fresh workspace: %+v", r)
	}
	got := decode[[]proposal.Section](t, mustRun(t, fresh, "library", "list", "--json"))
	if len(got) != len(orig) {
		t.Fatalf("imported %d sections, want %d", len(got), len(orig))
	}
	for i := range orig {
		o, g := orig[i], got[i]
		if o.ID != g.ID || o.Title != g.Title || o.Kind != g.Kind || o.Body != g.Body || o.Language != g.Language ||
			proposal.FormatWeights(o.Audiences) != proposal.FormatWeights(g.Audiences) {
			t.Errorf("section %d after the round trip = %+v, want %+v", i, g, o)
		}
	}
	r = run(t, fresh, "library", "import", files)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "Imported 40 sections (0 new, 0 updated, 40 unchanged)" {
		t.Errorf("second import: %+v", r)
	}
	// One edited file updates one section; a single file can be imported.
	one := filepath.Join(files, "pricing-overview.md")
	b, _ := os.ReadFile(one)
	if err := os.WriteFile(one, bytes.Replace(b, []byte("How we priced"), []byte("Our prices for"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, fresh, "library", "import", one)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "Imported 1 section (0 new, 1 updated)" {
		t.Errorf("import of one edited file: %+v", r)
	}
}

func TestLibraryImportIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	files := t.TempDir()
	good := "---\nid: good\ntitle: Good\nkind: benefits\naudiences: executive 50\nlanguage: en\n---\nFine.\n"
	bad := "---\ntitle: Bad\nkind: intro\naudiences: executive 50, ceo 10\nlanguage: en\n---\nText.\n"
	os.WriteFile(filepath.Join(files, "good.md"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(files, "bad.md"), []byte(bad), 0o644)
	r := run(t, dir, "library", "import", files)
	if r.code != 1 {
		t.Errorf("import of a malformed library: exit %d, want 1", r.code)
	}
	for _, want := range []string{filepath.Join(files, "bad.md") + `:3: unknown kind "intro"`,
		filepath.Join(files, "bad.md") + `:4: unknown audience "ceo"`, "nothing imported"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got := strings.TrimSpace(run(t, dir, "library", "list", "--json").stdout); got != "[]" {
		t.Errorf("after a failed import the library = %s, want []", got)
	}
	for _, c := range []struct {
		args     []string
		code     int
		inStderr string
	}{
		{[]string{"library", "import"}, 2, "missing the folder or file to import"},
		{[]string{"library", "import", filepath.Join(files, "nowhere")}, 1, "no such file"},
		{[]string{"library", "import", t.TempDir()}, 1, "no section files (*.md)"},
		{[]string{"library", "export"}, 2, "missing the folder to write to"},
	} {
		if r := run(t, dir, c.args...); r.code != c.code || !strings.Contains(r.stderr, c.inStderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d with %q", c.args, r.code, r.stderr, c.code, c.inStderr)
		}
	}
	// A link to a device is refused, not read forever.
	devs := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(devs, "zero.md")); err == nil {
		r := run(t, dir, "library", "import", devs)
		if r.code != 1 || !strings.Contains(r.stderr, "zero.md: is not a regular file") {
			t.Errorf("import of a link to /dev/zero: %+v", r)
		}
		r = run(t, dir, "library", "import", filepath.Join(devs, "zero.md"))
		if r.code != 1 || !strings.Contains(r.stderr, "zero.md: is not a regular file") {
			t.Errorf("import of a link to /dev/zero as one file: %+v", r)
		}
	}
	if r := run(t, dir, "library", "list"); r.code != 0 || !strings.Contains(r.stdout, "library is empty") {
		t.Errorf("library list on an empty library: %+v", r)
	}
	if r := run(t, dir, "library", "export", filepath.Join(files, "out")); r.code != 0 || !strings.Contains(r.stdout, "nothing to export") {
		t.Errorf("library export of an empty library: %+v", r)
	}
}

func TestProposalCommandsInHelp(t *testing.T) {
	r := run(t, t.TempDir(), "--help")
	for _, cmd := range []string{"library list", "library import PATH", "library export DIR", "proposal new", "proposal list",
		"proposal show ID", "proposal check ID", "proposal sent ID", "proposal export ID"} {
		if !strings.Contains(r.stdout, cmd) {
			t.Errorf("--help lacks %q", cmd)
		}
	}
	r = run(t, t.TempDir(), "proposal")
	if r.code != 2 || !strings.Contains(r.stdout, "proposal new") || strings.Contains(r.stdout, "library list") {
		t.Errorf("proposal alone: %+v, want the proposal commands", r)
	}
}

// TestProposalExportWarnsOfWhatItWrote: the export runs the readiness
// check on what it writes (each variant assembled once), so its warning
// counts the blocking problems of the proposal as a whole and of the
// variants written, not of the others; the export and the record of it
// happen all the same.
func TestProposalExportWarnsOfWhatItWrote(t *testing.T) {
	dir := demo(t)
	r := run(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Controls, short",
		"--sections", "cover-letter,spec-controls-platform", "--team", "team-elin-achterberg")
	if r.code != 0 {
		t.Fatalf("proposal new: %+v", r)
	}
	id := strings.TrimSpace(r.stdout)
	var check struct {
		Findings []struct{ Severity, Code, Audience string }
	}
	if err := json.Unmarshal([]byte(run(t, dir, "proposal", "check", id, "--json").stdout), &check); err != nil {
		t.Fatal(err)
	}
	blocking := map[string]int{}
	for _, f := range check.Findings {
		if f.Severity == "blocking" {
			blocking[f.Audience]++
		}
	}
	if blocking[""] != 0 || blocking["executive"] != 1 || blocking["hr"] != 1 || blocking["finance"] != 0 {
		t.Fatalf("the proposal's blocking findings by variant are %v; the test needs one for executive and one for HR only", blocking)
	}
	for _, c := range []struct{ audience, warning string }{
		{"executive", "warning: 1 blocking problem remains in what was exported; see kamdesk proposal check " + id + "\n"},
		{"finance", ""},
		{"all", "warning: 2 blocking problems remain in what was exported; see kamdesk proposal check " + id + "\n"},
	} {
		r := run(t, dir, "proposal", "export", id, "--audience", c.audience, "--format", "md", "-o", filepath.Join(t.TempDir(), "out"))
		if r.code != 0 || r.stderr != c.warning {
			t.Errorf("export %s: exit %d, stderr %q; want 0 and %q", c.audience, r.code, r.stderr, c.warning)
		}
	}
	var history struct {
		Exports []struct{ Audience string }
	}
	if err := json.Unmarshal([]byte(run(t, dir, "proposal", "show", id, "--json").stdout), &history); err != nil {
		t.Fatal(err)
	}
	if len(history.Exports) != 7 {
		t.Errorf("the proposal records %d exports, want 7 (one, one, five)", len(history.Exports))
	}
}

// TestAgendaPrintsUserTextAsWritten: the agenda turns each item into its
// text as it is made; a promise whose text looks like a template or
// markup is printed as written, in the table and in --json.
func TestAgendaPrintsUserTextAsWritten(t *testing.T) {
	dir := demo(t)
	s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	const text = `Send {{.Account}} the "<b>terms</b>" & {{ printf "%d" 1 }}`
	pr := dossier.Promise{AccountID: "northbridge", Text: text, Made: today, Due: today.AddDays(3), Status: dossier.PromiseOpen}
	if err := s.CreatePromise(&pr); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := run(t, dir, "agenda")
	if r.code != 0 || !strings.Contains(r.stdout, "Promise to Northbridge Build Group: "+text+"\n") {
		t.Errorf("agenda: exit %d, the promise not as written in:\n%s", r.code, r.stdout)
	}
	r = run(t, dir, "agenda", "--json")
	var items []struct{ Kind, Text string }
	if err := json.Unmarshal([]byte(r.stdout), &items); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(items, func(it struct{ Kind, Text string }) bool {
		return it.Kind == "promise" && it.Text == "Promise to Northbridge Build Group: "+text
	}) {
		t.Errorf("agenda --json lacks the promise as written: %s", r.stdout)
	}
}
