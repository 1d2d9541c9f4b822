package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
)

// readICS decodes the calendar file with go-ical: its events by UID.
func readICS(t *testing.T, file string) map[string]ical.Event {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatalf("%s does not decode: %v", file, err)
	}
	events := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		uid, _ := ev.Props.Text(ical.PropUID)
		events[uid] = ev
	}
	return events
}

func TestAgendaICS(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "agenda.ics")
	r := run(t, dir, "agenda", "--ics", file, "--days", "90")
	if r.code != 0 {
		t.Fatalf("agenda --ics: exit %d, %s", r.code, r.stderr)
	}
	events := readICS(t, file)
	if !strings.Contains(r.stdout, file) || len(events) == 0 {
		t.Fatalf("agenda --ics says %q and wrote %d events", r.stdout, len(events))
	}

	// Every birthday, however far, as a yearly event.
	var people []struct {
		ID       string `json:"id"`
		Birthday string `json:"birthday"`
	}
	if err := json.Unmarshal([]byte(run(t, dir, "person", "list", "--json").stdout), &people); err != nil {
		t.Fatal(err)
	}
	birthdays := 0
	for _, p := range people {
		if p.Birthday == "" {
			continue
		}
		birthdays++
		ev, ok := events["birthday-"+p.ID+"@kamdesk"]
		if !ok {
			t.Errorf("no birthday of %s (%s)", p.ID, p.Birthday)
			continue
		}
		if rr := ev.Props.Get(ical.PropRecurrenceRule); rr == nil || !strings.HasPrefix(rr.Value, "FREQ=YEARLY") {
			t.Errorf("the birthday of %s does not come back every year: %v", p.ID, rr)
		}
	}
	// The rest: what `agenda --days 90` lists, one event each.
	var items []struct {
		Kind string `json:"kind"`
		Date string `json:"date"`
	}
	if err := json.Unmarshal([]byte(run(t, dir, "agenda", "--days", "90", "--json").stdout), &items); err != nil {
		t.Fatal(err)
	}
	others := 0
	for _, it := range items {
		if it.Kind != string(dossier.AgendaBirthday) {
			others++
		}
	}
	if len(events) != birthdays+others {
		t.Errorf("%d events, want %d birthdays and the agenda's %d other items", len(events), birthdays, others)
	}
	kinds := map[string]bool{}
	for uid := range events {
		kind, _, _ := strings.Cut(uid, "-")
		kinds[kind] = true
	}
	for _, k := range []string{"birthday", "contact", "promise", "tender", "review", "proposal"} {
		if !kinds[k] {
			t.Errorf("no %s event among %v", k, kinds)
		}
	}

	// Again: the file is there, and is replaced only with --force, with
	// the same UIDs.
	if r := run(t, dir, "agenda", "--ics", file, "--days", "90"); r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("over an existing file: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, dir, "agenda", "--ics", file, "--days", "90", "--force"); r.code != 0 {
		t.Fatalf("--force: exit %d, %s", r.code, r.stderr)
	}
	again := readICS(t, file)
	a, b := mapsKeys(events), mapsKeys(again)
	if !slices.Equal(a, b) {
		t.Errorf("the UIDs changed between two exports:\n%v\n%v", a, b)
	}

	// Without --days: the workspace's horizon, 30 days.
	if r := run(t, dir, "agenda", "--ics", file, "--force"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	horizon := today.AddDays(30).Time()
	for uid, ev := range readICS(t, file) {
		if ev.Props.Get(ical.PropRecurrenceRule) != nil || strings.HasPrefix(uid, "tender-prep-") {
			continue
		}
		if start, _ := ev.DateTimeStart(time.UTC); start.After(horizon) {
			t.Errorf("%s on %s, beyond the 30 days of the rule", uid, start.Format(dossier.DateFormat))
		}
	}
}

func mapsKeys(m map[string]ical.Event) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestAgendaICSInTheUsersLanguage(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "agenda.ics")
	t.Cleanup(func() { i18n.SetLanguage("en") })
	if r := run(t, dir, "--lang", "ru", "agenda", "--ics", file); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	n := 0
	for uid, ev := range readICS(t, file) {
		if !strings.HasPrefix(uid, "birthday-") {
			continue
		}
		n++
		if s, _ := ev.Props.Text(ical.PropSummary); !strings.HasPrefix(s, "День рождения: ") {
			t.Errorf("%s: SUMMARY %q is not Russian", uid, s)
		}
	}
	if n == 0 {
		t.Error("no birthday")
	}
}

func TestAgendaICSCommandLine(t *testing.T) {
	dir := demo(t)
	file := filepath.Join(t.TempDir(), "agenda.ics")
	for _, args := range [][]string{
		{"agenda", "--ics", file, "--json"},
		{"agenda", "--force"},
		{"agenda", "--ics", file, "--days", "400"},
	} {
		if r := run(t, dir, args...); r.code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a wrong command line wrote %s", file)
	}
	// A folder where the file should go: refused, said in one line.
	if r := run(t, dir, "agenda", "--ics", t.TempDir()); r.code != 1 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("--ics DIR: exit %d, %q", r.code, r.stderr)
	}
}
