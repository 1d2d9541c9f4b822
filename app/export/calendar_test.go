package export_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"kamdesk/app/export"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// calendarToday is the day of the calendar tests' agenda: 2026 is a
// common year, so the 29 February birthday falls on the 28th.
var calendarToday = dossier.MustDate("2026-02-10")

// calendarAgenda is an agenda of every kind: two accounts (one tender in
// preparation since before today), people with birthdays (with and
// without a year, 29 February) and contacts due, an open promise, and a
// sent proposal with its follow-up calls and expiry.
func calendarAgenda(t *testing.T) []dossier.AgendaItem {
	t.Helper()
	w := dossier.Workspace{
		Rules: dossier.DefaultRules(),
		Accounts: []dossier.Account{
			{ID: "northbridge", Name: "Northbridge Construction", Tier: dossier.TierKey,
				NextTender: dossier.MustDate("2026-06-15"), AnnualReview: dossier.MustDate("2026-03-01")},
			{ID: "pellmore", Name: "Pellmore; Hospitals, Ltd", Tier: dossier.TierValued},
		},
		People: []dossier.Person{
			{ID: "anna", AccountID: "northbridge", Name: "Anna Berg", Birthday: dossier.Birthday{Year: 1980, Month: time.February, Day: 29},
				NextContact: dossier.MustDate("2026-02-20")},
			{ID: "olav", AccountID: "pellmore", Name: "Olav Dahl", Birthday: dossier.Birthday{Month: time.December, Day: 24}},
			{ID: "mira", AccountID: "pellmore", Name: "Mira Kovač", Birthday: dossier.Birthday{Year: 1975, Month: time.March, Day: 14}},
		},
		Promises: []dossier.Promise{{ID: "prom-1", AccountID: "pellmore", Text: "Send the revised\r\nmaintenance plan, with prices; and a long explanation that goes on well beyond seventy-five octets, in Ελληνικά too, for € 1 250 000 €€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€",
			Made: dossier.MustDate("2026-02-01"), Due: dossier.MustDate("2026-02-05"), Status: dossier.PromiseOpen}},
	}
	w.Rules.AgendaDays = 30
	w.Rules.BirthdayNoticeDays = 366 // every birthday, as an export asks
	items := dossier.AgendaItems(&w, calendarToday)
	p := proposal.Proposal{ID: "prop-1", AccountID: "northbridge", Title: "Controls for the modular plant",
		Issued: dossier.MustDate("2026-02-02"), ValidUntil: dossier.MustDate("2026-03-02"), Status: proposal.Sent}
	if err := p.MarkSent(dossier.MustDate("2026-02-09"), proposal.DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"northbridge": "Northbridge Construction"}
	p.Status = proposal.Sent
	items = append(items, proposal.Agenda([]proposal.Proposal{p}, func(id string) string { return names[id] },
		calendarToday, calendarToday.AddDays(30))...)
	dossier.SortAgenda(items)
	return items
}

// decodeCalendar reads a calendar back with go-ical's decoder, its events
// by UID.
func decodeCalendar(t *testing.T, data []byte) (*ical.Calendar, map[string]ical.Event) {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("the calendar does not decode: %v\n%s", err, data)
	}
	events := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		uid, _ := ev.Props.Text(ical.PropUID)
		if _, dup := events[uid]; dup {
			t.Errorf("UID %s twice", uid)
		}
		events[uid] = ev
	}
	return cal, events
}

// day reads an all-day property of ev: its date.
func day(t *testing.T, ev ical.Event, prop string) string {
	t.Helper()
	p := ev.Props.Get(prop)
	if p == nil {
		t.Fatalf("%s has no %s", text(ev, ical.PropUID), prop)
	}
	if p.ValueType() != ical.ValueDate {
		t.Errorf("%s: %s is %s, want an all-day DATE", text(ev, ical.PropUID), prop, p.ValueType())
	}
	d, err := p.DateTime(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return d.Format(dossier.DateFormat)
}

func text(ev ical.Event, prop string) string {
	s, _ := ev.Props.Text(prop)
	return s
}

func TestCalendarHoldsEveryKind(t *testing.T) {
	stamp := time.Date(2026, 2, 10, 9, 30, 15, 0, time.FixedZone("CET", 3600))
	data, n, err := export.Calendar(calendarAgenda(t), stamp)
	if err != nil {
		t.Fatal(err)
	}
	cal, events := decodeCalendar(t, data)
	if n != len(events) {
		t.Errorf("Calendar says %d events, the file has %d", n, len(events))
	}
	if v, _ := cal.Props.Text(ical.PropVersion); v != "2.0" {
		t.Errorf("VERSION %q", v)
	}
	if p, _ := cal.Props.Text(ical.PropProductID); !strings.Contains(p, "kamdesk") {
		t.Errorf("PRODID %q does not name kamdesk", p)
	}
	for _, line := range strings.SplitAfter(string(data), "\r\n") {
		if len(line) > 77 {
			t.Errorf("a line of %d octets (RFC 5545 folds at 75): %q", len(line)-2, line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("a line cut inside a character: %q", line)
		}
	}

	type want struct {
		start, end, rrule, summary string
	}
	wants := map[string]want{
		// 29 February: the last day of February every year, from the day of birth
		"birthday-anna@kamdesk": {"1980-02-29", "1980-03-01", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", "Birthday of Anna Berg (Northbridge Construction)"},
		// no year: from that day in 2000
		"birthday-olav@kamdesk":                           {"2000-12-24", "2000-12-25", "FREQ=YEARLY", "Birthday of Olav Dahl (Pellmore; Hospitals, Ltd)"},
		"birthday-mira@kamdesk":                           {"1975-03-14", "1975-03-15", "FREQ=YEARLY", "Birthday of Mira Kovač (Pellmore; Hospitals, Ltd)"},
		"contact-anna@kamdesk":                            {"2026-02-20", "2026-02-21", "", "Get in touch with Anna Berg (Northbridge Construction)"},
		"promise-prom-1@kamdesk":                          {"2026-02-05", "2026-02-06", "", "Promise to Pellmore; Hospitals, Ltd: Send the revised maintenance plan, with prices; and a long explanation that goes on well beyond seventy-five octets, in Ελληνικά too, for € 1 250 000 €€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€"},
		"tender-prep-northbridge@kamdesk":                 {"2025-09-15", "2026-06-15", "", "Tender preparation for Northbridge Construction: tender on 15 Jun 2026"},
		"review-northbridge@kamdesk":                      {"2026-03-01", "2026-03-02", "", "Annual review of Northbridge Construction: is it still a key account?"},
		"proposal-expiry-prop-1@kamdesk":                  {"2026-03-02", "2026-03-03", "", "Proposal “Controls for the modular plant” to Northbridge Construction expires on 2 Mar 2026"},
		"proposal-follow-up-prop-1-receipt@kamdesk":       {"2026-02-10", "2026-02-11", "", "Follow up “Controls for the modular plant”: Check the proposal arrived"},
		"proposal-follow-up-prop-1-next-steps@kamdesk":    {"2026-02-11", "2026-02-12", "", ""},
		"proposal-follow-up-prop-1-consideration@kamdesk": {"2026-02-11", "2026-02-12", "", ""},
		"proposal-follow-up-prop-1-meeting@kamdesk":       {"2026-02-16", "2026-02-17", "", ""},
	}
	for uid, w := range wants {
		ev, ok := events[uid]
		if !ok {
			t.Errorf("no event %s", uid)
			continue
		}
		if got := day(t, ev, ical.PropDateTimeStart); got != w.start {
			t.Errorf("%s: DTSTART %s, want %s", uid, got, w.start)
		}
		if got := day(t, ev, ical.PropDateTimeEnd); got != w.end {
			t.Errorf("%s: DTEND %s, want %s", uid, got, w.end)
		}
		rr := ""
		if p := ev.Props.Get(ical.PropRecurrenceRule); p != nil {
			rr = p.Value
		}
		if rr != w.rrule {
			t.Errorf("%s: RRULE %q, want %q", uid, rr, w.rrule)
		}
		if got := text(ev, ical.PropSummary); w.summary != "" && got != w.summary {
			t.Errorf("%s: SUMMARY %q, want %q", uid, got, w.summary)
		}
		if p := ev.Props.Get(ical.PropDateTimeStamp); p == nil || !strings.HasSuffix(p.Value, "Z") || p.Value != "20260210T083015Z" {
			t.Errorf("%s: DTSTAMP %v, want 20260210T083015Z (UTC)", uid, p)
		}
	}
	if len(events) != len(wants) {
		t.Errorf("%d events, want %d", len(events), len(wants))
	}
	// The occurrences the rule gives: 28 February in common years.
	set, err := events["birthday-anna@kamdesk"].RecurrenceSet(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range set.Between(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC), true) {
		got = append(got, d.Format(dossier.DateFormat))
	}
	if w := "2026-02-28 2027-02-28 2028-02-29"; strings.Join(got, " ") != w {
		t.Errorf("Anna's birthdays %v, want %s", got, w)
	}
	desc := text(events["promise-prom-1@kamdesk"], ical.PropDescription)
	if !strings.Contains(desc, "revised\nmaintenance plan") || !strings.Contains(desc, "kamdesk --open account/pellmore") {
		t.Errorf("the promise's DESCRIPTION is %q, want its text in full and where kamdesk shows it", desc)
	}
	if desc := text(events["birthday-anna@kamdesk"], ical.PropDescription); !strings.Contains(desc, "Born on 29 Feb 1980.") || !strings.Contains(desc, "28 February") {
		t.Errorf("the 29 February birthday's DESCRIPTION is %q", desc)
	}
	if c := text(events["tender-prep-northbridge@kamdesk"], ical.PropCategories); c != "Tender preparation" {
		t.Errorf("CATEGORIES %q", c)
	}
}

func TestCalendarUIDsAreStable(t *testing.T) {
	items := calendarAgenda(t)
	first, _, err := export.Calendar(items, time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// A day later, the items in another order, one contact moved: the
	// same UIDs, and the event moved with it.
	later := append([]dossier.AgendaItem(nil), items...)
	for i, j := 0, len(later)-1; i < j; i, j = i+1, j-1 {
		later[i], later[j] = later[j], later[i]
	}
	for i := range later {
		if later[i].Kind == dossier.AgendaContact {
			later[i].Date = later[i].Date.AddDays(3)
		}
	}
	second, _, err := export.Calendar(later, time.Date(2026, 2, 11, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	_, a := decodeCalendar(t, first)
	_, b := decodeCalendar(t, second)
	if len(a) != len(b) {
		t.Fatalf("%d events, then %d", len(a), len(b))
	}
	for uid := range a {
		if _, ok := b[uid]; !ok {
			t.Errorf("UID %s is gone from the second export", uid)
		}
	}
	if got := day(t, b["contact-anna@kamdesk"], ical.PropDateTimeStart); got != "2026-02-23" {
		t.Errorf("the moved contact starts on %s", got)
	}
	again, _, _ := export.Calendar(items, time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC))
	if !bytes.Equal(first, again) {
		t.Error("the same agenda at the same time gives another file")
	}
}

func TestCalendarOfNothing(t *testing.T) {
	if _, _, err := export.Calendar(nil, time.Now()); !errors.Is(err, export.ErrNothingToExport) {
		t.Errorf("an empty agenda: %v, want ErrNothingToExport", err)
	}
}

// TestCalendarValidatesWithPythonICalendar reads the file with Python's
// icalendar, a parser independent of the one that wrote it. It skips
// without python3 and icalendar, unless KAMDESK_REQUIRE_ICALENDAR=1
// (CI installs python3-icalendar).
func TestCalendarValidatesWithPythonICalendar(t *testing.T) {
	python := pythonWithICalendar(t)
	data, n, err := export.Calendar(calendarAgenda(t), time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "agenda.ics")
	if err := export.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", validateICS, file).CombinedOutput()
	if err != nil {
		t.Fatalf("icalendar refuses the file: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), "events "+strconv.Itoa(n); got != want {
		t.Errorf("icalendar read %q, want %q", got, want)
	}
}

// validateICS parses the file named by argv[1] with icalendar, checks what
// RFC 5545 requires of the calendar and of every event, and prints how many
// events it read.
const validateICS = `
import datetime, sys
import icalendar
with open(sys.argv[1], 'rb') as f:
    cal = icalendar.Calendar.from_ical(f.read())
bad = []
for c in cal.walk():
    if getattr(c, 'errors', None):
        bad.append('%s: %s' % (c.name, c.errors))
for p in ('VERSION', 'PRODID'):
    if p not in cal:
        bad.append('VCALENDAR without ' + p)
n = 0
uids = set()
for ev in cal.walk('VEVENT'):
    n += 1
    for p in ('UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'):
        if p not in ev:
            bad.append('%s without %s' % (ev.get('UID'), p))
    uid = str(ev['UID'])
    if uid in uids:
        bad.append('UID twice: ' + uid)
    uids.add(uid)
    start, end, stamp = ev.decoded('DTSTART'), ev.decoded('DTEND'), ev.decoded('DTSTAMP')
    if isinstance(start, datetime.datetime) or isinstance(end, datetime.datetime):
        bad.append(uid + ': not an all-day event')
    if not end > start:
        bad.append(uid + ': DTEND is not after DTSTART')
    if not isinstance(stamp, datetime.datetime) or stamp.utcoffset() != datetime.timedelta(0):
        bad.append(uid + ': DTSTAMP not in UTC')
    if 'RRULE' in ev:
        ev.decoded('RRULE')
if bad:
    sys.exit('\n'.join(bad))
print('events', n)
`

// pythonWithICalendar returns a python3 on PATH that has the icalendar
// module: the system's (python3-icalendar) may come after a pyenv or
// virtualenv python3 without it.
func pythonWithICalendar(t *testing.T) string {
	t.Helper()
	seen := map[string]bool{}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		p := filepath.Join(dir, "python3")
		if seen[p] {
			continue
		}
		seen[p] = true
		if info, err := os.Stat(p); err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
			continue
		}
		if exec.Command(p, "-c", "import icalendar").Run() == nil {
			return p
		}
	}
	if os.Getenv("KAMDESK_REQUIRE_ICALENDAR") == "1" {
		t.Fatal("KAMDESK_REQUIRE_ICALENDAR=1 but no python3 on PATH has the icalendar module (apt-get install python3-icalendar)")
	}
	t.Skip("no python3 with the icalendar module (apt-get install python3-icalendar)")
	return ""
}
