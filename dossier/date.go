package dossier

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without a time of day or a time zone: a tender
// date, a birthday this year, the day a call is due. The zero Date means
// "not set".
type Date struct {
	t time.Time // midnight UTC; zero when unset
}

// DateFormat is the layout dates are written and read in (ISO 8601).
const DateFormat = "2006-01-02"

// NewDate returns the date year-month-day, normalising overflow the way
// time.Date does (31 April becomes 1 May).
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// Today returns the local calendar date.
func Today() Date { return DateOf(time.Now()) }

// The dates kamdesk accepts, typed, imported or derived (a follow-up call,
// an expiry): every one of them can be written as YYYY-MM-DD and read
// back, and none is absurd for a client relationship.
var (
	MinDate = NewDate(1900, time.January, 1)
	MaxDate = NewDate(2199, time.December, 31)
)

// ErrDateRange reports a date outside MinDate to MaxDate. It matches
// ErrInvalid too.
var ErrDateRange = Err("outside the dates kamdesk accepts (1900-01-01 to 2199-12-31)", nil, ErrInvalid)

// OutOfRange returns err, a message saying which date is outside MinDate
// to MaxDate in words of its own (built with Err, wrapping ErrInvalid:
// "\"2300-01-01\" is outside the dates kamdesk accepts (…): invalid"),
// matching ErrDateRange too.
func OutOfRange(err error) error { return &outOfRange{err} }

type outOfRange struct{ err error }

func (e *outOfRange) Error() string { return e.err.Error() }

// Unwrap returns the message, which ErrorIn translates.
func (e *outOfRange) Unwrap() error { return e.err }

// Is makes the error match ErrDateRange.
func (e *outOfRange) Is(target error) bool { return target == ErrDateRange }

// ParseDate reads a date written as YYYY-MM-DD between MinDate and
// MaxDate. The empty string gives the zero Date. Impossible dates such as
// 2026-02-30 are rejected, not rolled over; dates out of range match
// ErrDateRange.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(DateFormat, s)
	if err != nil {
		if bad := noSuchDay(s); bad != nil {
			return Date{}, bad
		}
		return Date{}, Err(`"{{.Text}}" is not a date in the form YYYY-MM-DD`, map[string]any{"Text": s}, ErrInvalid)
	}
	if d := (Date{t}); !d.InRange() {
		return Date{}, OutOfRange(Err(`"{{.Text}}" is outside the dates kamdesk accepts (1900-01-01 to 2199-12-31)`, map[string]any{"Text": s}, ErrInvalid))
	}
	return Date{t}, nil
}

// NoSuchDay is why ParseDate refused a text in the form YYYY-MM-DD: its
// month is not 01 to 12, or its day is not in that month (Days is how many
// the month has). It matches ErrInvalid.
type NoSuchDay struct {
	Text             string
	Year, Month, Day int
	Days             int // the days of the month; 0 when there is no such month
}

func (e *NoSuchDay) Error() string {
	switch {
	case e.Days > 0 && e.Day == 0:
		return fmt.Sprintf("%q is not a date: there is no day 00", e.Text)
	case e.Days == 0:
		return fmt.Sprintf("%q is not a date: there is no month %02d", e.Text, e.Month)
	}
	return fmt.Sprintf("%q is not a date: %s %d has %d days", e.Text, time.Month(e.Month), e.Year, e.Days)
}

func (e *NoSuchDay) Unwrap() error { return ErrInvalid }

// noSuchDay returns why s, written as YYYY-MM-DD, names no day; nil when
// s is not in that form.
func noSuchDay(s string) *NoSuchDay {
	if len(s) != len(DateFormat) || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:]) {
		return nil
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	e := &NoSuchDay{Text: s, Year: y, Month: m, Day: d}
	if m >= 1 && m <= 12 {
		e.Days = time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	return e
}

// InRange reports whether d is set and lies between MinDate and MaxDate.
func (d Date) InRange() bool {
	return !d.IsZero() && !d.Before(MinDate) && !d.After(MaxDate)
}

// readDate reads what String writes, whatever the year: records written
// before the range was enforced (a follow-up call in the year 10000) must
// stay readable, so that they can be seen and corrected.
func readDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	i := len(s) - len("-01-02")
	if i < 4 || s[i] != '-' || s[i+3] != '-' || !allDigits(s[:i]) || i > 9 {
		return Date{}, notADate(s)
	}
	y, err1 := strconv.Atoi(s[:i])
	m, d, err2 := monthDay(s[i+1:i+3], s[i+4:])
	if err1 != nil || err2 != nil || m < time.January || m > time.December || d < 1 || d > daysIn(y, m) {
		return Date{}, notADate(s)
	}
	return NewDate(y, m, d), nil
}

// notADate is readDate's error for s. It is made only when s is not a
// date, and keeps a copy of s: a date read from a record's bytes
// (UnmarshalJSON) then costs no allocation at all, where making the
// error first made five, a fifth of decoding an account.
func notADate(s string) error {
	return Err(`"{{.Text}}" is not a date in the form YYYY-MM-DD`, map[string]any{"Text": strings.Clone(s)}, ErrInvalid)
}

// MustDate is ParseDate for literals known to be valid; it panics otherwise.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Year, Month and Day return the parts of d.
func (d Date) Year() int         { return d.t.Year() }
func (d Date) Month() time.Month { return d.t.Month() }
func (d Date) Day() int          { return d.t.Day() }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return d.t }

// String returns d as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateFormat)
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddMonths returns d moved by n months, clamped to the last day of the
// target month: 31 January plus one month is 28 (or 29) February, not March.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := daysIn(first.Year(), first.Month()); day > last {
		day = last
	}
	return NewDate(first.Year(), first.Month(), day)
}

// AddWorkingDays returns the n-th working day (Monday to Friday) after d.
// Public holidays are not known to kamdesk.
func (d Date) AddWorkingDays(n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if !d.IsWeekend() {
			n--
		}
	}
	return d
}

// IsWeekend reports whether d is a Saturday or a Sunday.
func (d Date) IsWeekend() bool {
	w := d.t.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// Before, After and Equal compare dates.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }
func (d Date) After(o Date) bool  { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool  { return d.t.Equal(o.t) }

// DaysUntil returns the number of days from d to o (negative when o is
// earlier).
func (d Date) DaysUntil(o Date) int {
	// Whole days between two midnights UTC; Sub would saturate beyond 292 years.
	return int((o.t.Unix() - d.t.Unix()) / (24 * 60 * 60))
}

// MarshalJSON writes d as "YYYY-MM-DD", or "" when unset.
func (d Date) MarshalJSON() ([]byte, error) {
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD", "" or null. It reads dates out of
// range too (validation refuses them): what was written is read back.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var v Date
	var err error
	if plainJSONString(b) {
		v, err = readDate(string(b[1 : len(b)-1])) // not kept: no copy
	} else {
		var s string
		if s, err = jsonString(b); err != nil {
			return err
		}
		v, err = readDate(s)
	}
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isLeap(y int) bool { return daysIn(y, time.February) == 29 }

// jsonString reads the JSON string b. A date is plain ASCII between quotes
// and read as it is; anything else goes through encoding/json. (A nested
// json.Unmarshal per date was a fifth of decoding a person.)
func jsonString(b []byte) (string, error) {
	if plainJSONString(b) {
		return string(b[1 : len(b)-1]), nil
	}
	var s string
	err := json.Unmarshal(b, &s)
	return s, err
}

// plainJSONString reports whether b is a JSON string of plain ASCII,
// without escapes: its text is the bytes between the quotes.
func plainJSONString(b []byte) bool {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return false
	}
	for _, c := range b[1 : len(b)-1] {
		if c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
