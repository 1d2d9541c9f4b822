package export

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The agenda as an iCalendar file (RFC 5545), for the user's calendar
// program: every item an all-day event, a birthday a yearly one.
//
// An event's UID is made of what the item is about and its kind, never of
// its date or its place in the file ("birthday-<person>@kamdesk",
// "promise-<promise>@kamdesk"), so that importing a later export again
// updates the events instead of doubling them: a contact moved to another
// day moves in the calendar.

// CalendarExt is the extension of a calendar file.
const CalendarExt = ".ics"

// calendarDomain ends every UID (RFC 5545 suggests a domain on the right
// of "@" to keep them unique).
const calendarDomain = "@kamdesk"

// Calendar returns the agenda items as an iCalendar file and the number
// of events in it. The items keep their Message and Data (the messages
// are translated here, into the user's language); stamp is when the file
// is made (DTSTAMP, written in UTC).
//
// Each item becomes an all-day event on its date, but:
//   - a birthday is a yearly event from the day of birth (from that day in
//     2000 when the year is unknown), whatever the item's date: the agenda
//     is asked for every birthday once (a horizon of 366 days), and the
//     rule brings it back every year;
//   - a tender preparation is one event over its whole window, from the
//     day preparation starts to the day before the tender (the tender is
//     an event of its own).
//
// A file with no event is not valid iCalendar: with no items, Calendar
// returns ErrNothingToExport.
func Calendar(items []dossier.AgendaItem, stamp time.Time) ([]byte, int, error) {
	if len(items) == 0 {
		return nil, 0, ErrNothingToExport
	}
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//kamdesk//kamdesk agenda//EN")
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	name := ical.NewProp("X-WR-CALNAME") // the name calendar programs give the calendar
	name.SetText(calendarText(i18n.L("kamdesk agenda")))
	name.Params.Del(ical.ParamValue) // TEXT, as for any property of its own
	cal.Props.Set(name)
	stamp = stamp.UTC().Truncate(time.Second)
	var events []*ical.Component
	seen := map[string]int{}
	for i := range items {
		ev := calendarEvent(&items[i], stamp)
		// One event per record and kind: a second (which the agenda
		// does not make) keeps its own UID rather than replacing the first.
		uid, _ := ev.Props.Text(ical.PropUID)
		if seen[uid]++; seen[uid] > 1 {
			ev.Props.SetText(ical.PropUID, strings.TrimSuffix(uid, calendarDomain)+"-"+items[i].Date.String()+calendarDomain)
		}
		events = append(events, ev)
	}
	// In the order of their start, then of their UIDs: the same agenda
	// gives the same file, whatever order its sources came in.
	slices.SortStableFunc(events, func(a, b *ical.Component) int {
		return cmp.Or(cmp.Compare(a.Props.Get(ical.PropDateTimeStart).Value, b.Props.Get(ical.PropDateTimeStart).Value),
			cmp.Compare(a.Props.Get(ical.PropUID).Value, b.Props.Get(ical.PropUID).Value))
	})
	cal.Children = events
	var buf bytes.Buffer
	if err := ical.NewEncoder(&buf).Encode(cal); err != nil {
		return nil, 0, dossier.Err("the calendar could not be written", nil, err)
	}
	return foldLines(buf.Bytes()), len(events), nil
}

// ErrNothingToExport reports an agenda with nothing to put in a calendar.
var ErrNothingToExport = dossier.Err("the agenda holds nothing to put in a calendar", nil, nil)

// calendarEvent is item it as an event, of the shape its kind calls for:
// a birthday comes back every year, a tender's preparation spans its
// window, anything else is the one day of the item.
func calendarEvent(it *dossier.AgendaItem, stamp time.Time) *ical.Component {
	switch it.Kind {
	case dossier.AgendaBirthday:
		return birthdayEvent(it, stamp)
	case dossier.AgendaTenderPrep:
		return windowEvent(it, stamp)
	}
	return allDayEvent(it, stamp, it.Date, it.Date.AddDays(1), it.Message)
}

// birthdayEvent is a birthday: a yearly event from the day of birth (from
// that day in 2000 when the year is unknown), whatever the item's date.
func birthdayEvent(it *dossier.AgendaItem, stamp time.Time) *ical.Component {
	b, _ := it.Data["Birthday"].(dossier.Birthday)
	if b.IsZero() { // not from the dossier's agenda: its date, yearly
		b = dossier.Birthday{Day: it.Date.Day(), Month: it.Date.Month()}
	}
	year := 2000 // a leap year: 29 February is a day of it
	var notes []string
	if b.HasYear() {
		year = b.Year
		notes = append(notes, i18n.L("Born on {{.Date}}.", map[string]any{"Date": calendarDate(dossier.NewDate(b.Year, b.Month, b.Day))}))
	}
	rule := &rrule.ROption{Freq: rrule.YEARLY}
	if b.Month == time.February && b.Day == 29 {
		// FREQ=YEARLY alone would skip the common years (RFC 5545 drops
		// the occurrences on days that do not exist): the last day of
		// February is the 29th in leap years and the 28th in the others,
		// the day the agenda congratulates on too (dossier.Birthday.In).
		rule.Bymonth, rule.Bymonthday = []int{2}, []int{-1}
		notes = append(notes, i18n.L("In common years the birthday is on 28 February."))
	}
	start := dossier.NewDate(year, b.Month, b.Day)
	// Not "turns 50": the same event comes back every year.
	ev := allDayEvent(it, stamp, start, start.AddDays(1), "Birthday of {{.Person}} ({{.Account}})", notes...)
	ev.Props.SetRecurrenceRule(rule)
	return ev
}

// windowEvent is a tender's preparation: one event from the day
// preparation starts to the day before the tender (the tender is an
// event of its own).
func windowEvent(it *dossier.AgendaItem, stamp time.Time) *ical.Component {
	start, end := it.Date, it.Date.AddDays(1)
	if s, ok := it.Data["Start"].(dossier.Date); ok && !s.IsZero() {
		start = s
	}
	if t, ok := it.Data["Tender"].(dossier.Date); ok && t.After(start) {
		end = t
	}
	return allDayEvent(it, stamp, start, end, it.Message)
}

// allDayEvent is what every event of the agenda is: an all-day event of
// item it from start to end (exclusive), its UID, its summary (the
// message summary, translated and filled with the item's data), a
// description of the summary, the notes and where kamdesk shows the
// item, its category, free and private.
func allDayEvent(it *dossier.AgendaItem, stamp time.Time, start, end dossier.Date, summary string, notes ...string) *ical.Component {
	ev := ical.NewEvent()
	ev.Props.SetText(ical.PropUID, calendarUID(it))
	ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp)
	text := calendarText(i18n.L(summary, readableDates(it.Data)))
	ev.Props.SetText(ical.PropSummary, dossier.OneLine(text))
	desc := append([]string{text}, notes...)
	if place := calendarPlace(it); place != "" {
		desc = append(desc, i18n.L("In kamdesk: kamdesk --open {{.Place}}", map[string]any{"Place": place}))
	}
	ev.Props.SetText(ical.PropDescription, calendarText(strings.Join(desc, "\n\n")))
	if c := calendarCategory(it.Kind); c != "" {
		ev.Props.SetText(ical.PropCategories, calendarText(c))
	}
	ev.Props.SetDate(ical.PropDateTimeStart, start.Time())
	ev.Props.SetDate(ical.PropDateTimeEnd, end.Time())
	// Reminders, not appointments: they leave the day free, and what
	// they say about clients stays out of a calendar shared for free/busy.
	ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
	ev.Props.SetText(ical.PropClass, "PRIVATE")
	return ev.Component
}

// calendarUID is the UID of the event of item it: its kind and the record
// it is about (a follow-up call also names its step, one proposal having
// several).
func calendarUID(it *dossier.AgendaItem) string {
	var id string
	switch it.Kind {
	case dossier.AgendaBirthday, dossier.AgendaContact:
		id = it.PersonID
	case dossier.AgendaTenderPrep, dossier.AgendaTender, dossier.AgendaReview:
		id = it.AccountID
	case proposal.AgendaFollowUp:
		id = it.RecordID
		if k, ok := it.Data["TaskKind"].(string); ok && k != "" {
			id += "-" + k
		}
	default:
		id = cmp.Or(it.RecordID, it.PersonID, it.AccountID)
	}
	return string(it.Kind) + "-" + id + calendarDomain
}

// calendarPlace is where kamdesk shows what item it is about, as --open
// takes it.
func calendarPlace(it *dossier.AgendaItem) string {
	switch {
	case it.Kind == proposal.AgendaExpiry || it.Kind == proposal.AgendaFollowUp:
		return "proposal/" + it.RecordID
	case it.PersonID != "":
		return "person/" + it.PersonID
	case it.AccountID != "":
		return "account/" + it.AccountID
	}
	return ""
}

// calendarCategory is the name of the agenda's filter of kind k.
func calendarCategory(k dossier.AgendaKind) string {
	switch k {
	case dossier.AgendaBirthday:
		return i18n.L("Birthdays")
	case dossier.AgendaContact:
		return i18n.L("Contacts")
	case dossier.AgendaPromise:
		return i18n.L("Promises")
	case dossier.AgendaTenderPrep:
		return i18n.L("Tender preparation")
	case dossier.AgendaTender:
		return i18n.L("Tenders")
	case dossier.AgendaReview:
		return i18n.L("Annual reviews")
	case proposal.AgendaExpiry:
		return i18n.L("Expiring proposals")
	case proposal.AgendaFollowUp:
		return i18n.L("Proposal follow-up")
	}
	return ""
}

// readableDates is data with its dates written as the user's language
// writes them ("9 Jan 2027", "9 янв. 2027 г."), a copy when it has any.
func readableDates(data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		if d, ok := v.(dossier.Date); ok {
			if out == nil {
				out = make(map[string]any, len(data))
				for k, v := range data {
					out[k] = v
				}
			}
			out[k] = calendarDate(d)
		}
	}
	if out == nil {
		return data
	}
	return out
}

// calendarDate writes d in the user's language.
func calendarDate(d dossier.Date) string {
	return proposal.LocaleOf(i18n.Current()).MediumDate(d)
}

// calendarText is s without what a TEXT value may not hold (RFC 5545
// 3.3.11: control characters other than a tab; line ends are written as
// "\n" by the encoder), and without invalid UTF-8.
func calendarText(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(s, "\r\n", "\n"), "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || (r >= ' ' && r != 0x7f) {
			return r
		}
		if r == '\r' {
			return '\n'
		}
		return -1
	}, s)
}

// foldLines folds the content lines of an encoded calendar longer than 75
// octets, as RFC 5545 3.1 asks (the encoder does not): a line break and a
// space before each further 74 octets, never inside a character.
func foldLines(b []byte) []byte {
	const limit = 75
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/limit*3)
	for line := range bytes.SplitSeq(bytes.TrimSuffix(b, []byte("\r\n")), []byte("\r\n")) {
		room := limit
		for len(line) > room {
			cut := room
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			out.Write(line[:cut])
			out.WriteString("\r\n ")
			line = line[cut:]
			room = limit - 1
		}
		out.Write(line)
		out.WriteString("\r\n")
	}
	return out.Bytes()
}
