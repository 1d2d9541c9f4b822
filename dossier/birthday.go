package dossier

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Birthday is a day and month, with the year when it is known.
type Birthday struct {
	Day   int        // 1–31; 0 when no birthday is recorded
	Month time.Month // 1–12
	Year  int        // 0 when the year is unknown
}

// ParseBirthday reads a birthday written as YYYY-MM-DD, or as MM-DD or
// --MM-DD (ISO 8601 without a year) when the year is unknown. The empty
// string gives the zero Birthday. 29 February is accepted without a year
// and in leap years only.
func ParseBirthday(s string) (Birthday, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Birthday{}, nil
	}
	noYear := strings.HasPrefix(s, "--")
	parts := strings.Split(strings.TrimPrefix(s, "--"), "-")
	if noYear && len(parts) != 2 {
		return Birthday{}, notABirthday(s)
	}
	var b Birthday
	var err error
	switch len(parts) {
	case 2:
		b.Month, b.Day, err = monthDay(parts[0], parts[1])
	case 3:
		if len(parts[0]) != 4 || !allDigits(parts[0]) {
			return Birthday{}, notABirthday(s)
		}
		b.Year, err = strconv.Atoi(parts[0])
		if err == nil && b.Year == 0 { // 0000 would read as "year unknown"
			return Birthday{}, notABirthday(s)
		}
		if err == nil {
			b.Month, b.Day, err = monthDay(parts[1], parts[2])
		}
	default:
		return Birthday{}, notABirthday(s)
	}
	if err != nil {
		return Birthday{}, notABirthday(s)
	}
	if err := b.check(); err != nil {
		return Birthday{}, fmt.Errorf("%q: %w", s, err)
	}
	return b, nil
}

// notABirthday is ParseBirthday's error for s, made only when s is not a
// birthday.
func notABirthday(s string) error {
	return Err(`"{{.Text}}" is not a birthday in the form YYYY-MM-DD or MM-DD`, map[string]any{"Text": s}, ErrInvalid)
}

func monthDay(m, d string) (time.Month, int, error) {
	if len(m) != 2 || len(d) != 2 || !allDigits(m) || !allDigits(d) {
		return 0, 0, ErrInvalid
	}
	mi, err := strconv.Atoi(m)
	if err != nil {
		return 0, 0, err
	}
	di, err := strconv.Atoi(d)
	if err != nil {
		return 0, 0, err
	}
	return time.Month(mi), di, nil
}

// allDigits reports whether s is made of ASCII digits only (strconv.Atoi
// would also accept a sign).
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// check reports an impossible birthday.
func (b Birthday) check() error {
	if b.IsZero() && b.Month == 0 && b.Year == 0 {
		return nil
	}
	if b.Month < time.January || b.Month > time.December {
		return Err("month {{.Month}} does not exist", map[string]any{"Month": int(b.Month)}, ErrInvalid)
	}
	max := daysIn(2000, b.Month) // a leap year: 29 February is possible
	if b.Year != 0 {
		if b.Year < 1900 || b.Year > 2100 {
			return Err("year {{.Year}} is out of range", map[string]any{"Year": b.Year}, ErrInvalid)
		}
		max = daysIn(b.Year, b.Month)
	}
	if b.Day < 1 || b.Day > max {
		return Err("day {{.Day}} does not exist in {{.Month}}", map[string]any{"Day": b.Day, "Month": b.Month.String()}, ErrInvalid)
	}
	return nil
}

// IsZero reports whether no birthday is recorded.
func (b Birthday) IsZero() bool { return b.Day == 0 }

// HasYear reports whether the year of birth is known.
func (b Birthday) HasYear() bool { return b.Year != 0 }

// String returns YYYY-MM-DD, or --MM-DD when the year is unknown, or "".
func (b Birthday) String() string {
	switch {
	case b.IsZero():
		return ""
	case b.HasYear():
		return fmt.Sprintf("%04d-%02d-%02d", b.Year, b.Month, b.Day)
	default:
		return fmt.Sprintf("--%02d-%02d", b.Month, b.Day)
	}
}

// In returns the date the birthday is celebrated in year. Someone born on
// 29 February is congratulated on 28 February in common years.
func (b Birthday) In(year int) Date {
	if b.Month == time.February && b.Day == 29 && !isLeap(year) {
		return NewDate(year, time.February, 28)
	}
	return NewDate(year, b.Month, b.Day)
}

// Next returns the first celebration on or after today, or the zero Date
// when no birthday is recorded.
func (b Birthday) Next(today Date) Date {
	if b.IsZero() {
		return Date{}
	}
	d := b.In(today.Year())
	if d.Before(today) {
		d = b.In(today.Year() + 1)
	}
	return d
}

// DaysUntil returns the days from today to the next birthday (0 on the day
// itself), or -1 when no birthday is recorded.
func (b Birthday) DaysUntil(today Date) int {
	if b.IsZero() {
		return -1
	}
	return today.DaysUntil(b.Next(today))
}

// AgeOn returns the age reached on the birthday celebrated on or after
// today, and false when the year is unknown.
func (b Birthday) AgeOn(today Date) (int, bool) {
	if b.IsZero() || !b.HasYear() {
		return 0, false
	}
	return b.Next(today).Year() - b.Year, true
}

// MarshalJSON writes the birthday as in String.
func (b Birthday) MarshalJSON() ([]byte, error) { return json.Marshal(b.String()) }

// UnmarshalJSON reads what MarshalJSON writes, "" or null.
func (b *Birthday) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*b = Birthday{}
		return nil
	}
	s, err := jsonString(data)
	if err != nil {
		return err
	}
	v, err := ParseBirthday(s)
	if err != nil {
		return err
	}
	*b = v
	return nil
}
