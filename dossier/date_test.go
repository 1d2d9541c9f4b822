package dossier_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"kamdesk/dossier"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string // String() of the result
		wantErr bool
	}{
		{in: "2026-03-15", want: "2026-03-15"},
		{in: "  2026-03-15\n", want: "2026-03-15"},
		{in: "2024-02-29", want: "2024-02-29"},
		{in: "", want: ""},
		{in: "   ", want: ""},
		{in: "2026-02-30", wantErr: true},
		{in: "2025-02-29", wantErr: true},
		{in: "2026-04-31", wantErr: true},
		{in: "2026-13-01", wantErr: true},
		{in: "2026-00-10", wantErr: true},
		{in: "2026-3-5", wantErr: true},
		{in: "15.03.2026", wantErr: true},
		{in: "2026/03/15", wantErr: true},
		{in: "2026-03-15T10:00:00Z", wantErr: true},
		{in: "tomorrow", wantErr: true},
		{in: "2026-03-15x", wantErr: true},
	}
	for _, tt := range tests {
		got, err := dossier.ParseDate(tt.in)
		if tt.wantErr {
			if err == nil {
				t.Errorf("ParseDate(%q) = %v, nil; want an error", tt.in, got)
				continue
			}
			if !errors.Is(err, dossier.ErrInvalid) {
				t.Errorf("ParseDate(%q) error %v does not match ErrInvalid", tt.in, err)
			}
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) on error = %v, want the zero Date", tt.in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q) error = %v, want nil", tt.in, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got.IsZero() != (tt.want == "") {
			t.Errorf("ParseDate(%q).IsZero() = %v, want %v", tt.in, got.IsZero(), tt.want == "")
		}
	}
}

func TestDateParts(t *testing.T) {
	got := d("2026-01-02")
	if got.Year() != 2026 || got.Month() != time.January || got.Day() != 2 {
		t.Errorf("parts of 2026-01-02 = %d %v %d, want 2026 January 2", got.Year(), got.Month(), got.Day())
	}
	if got.Weekday() != time.Friday {
		t.Errorf("weekday of 2026-01-02 = %v, want Friday", got.Weekday())
	}
	if want := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC); !got.Time().Equal(want) {
		t.Errorf("Time() = %v, want %v", got.Time(), want)
	}
	if n := dossier.NewDate(2026, time.April, 31); n.String() != "2026-05-01" {
		t.Errorf("NewDate(2026, April, 31) = %v, want 2026-05-01", n)
	}
	late := time.Date(2026, 3, 15, 23, 30, 0, 0, time.FixedZone("UTC+5", 5*3600))
	if got := dossier.DateOf(late); got.String() != "2026-03-15" {
		t.Errorf("DateOf(%v) = %v, want 2026-03-15 (the date in the time's own zone)", late, got)
	}
	var zero dossier.Date
	if !zero.IsZero() || zero.String() != "" {
		t.Errorf("zero Date: IsZero() = %v, String() = %q; want true, \"\"", zero.IsZero(), zero.String())
	}
}

func TestMustDatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("MustDate(%q) did not panic", "2026-02-30")
		}
	}()
	dossier.MustDate("2026-02-30")
}

func TestDateCompare(t *testing.T) {
	a, b := d("2026-03-01"), d("2026-03-02")
	if !a.Before(b) || a.After(b) || a.Equal(b) {
		t.Errorf("2026-03-01 vs 2026-03-02: Before %v After %v Equal %v, want true false false", a.Before(b), a.After(b), a.Equal(b))
	}
	if !a.Equal(d("2026-03-01")) {
		t.Errorf("2026-03-01 Equal 2026-03-01 = false, want true")
	}
}

func TestAddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-03-01", 0, "2026-03-01"},
		{"2026-02-28", 1, "2026-03-01"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2026-12-31", 1, "2027-01-01"},
		{"2026-01-01", -1, "2025-12-31"},
		{"2026-03-29", 1, "2026-03-30"}, // daylight saving change in Europe: no effect
	}
	for _, tt := range tests {
		if got := d(tt.from).AddDays(tt.n); got.String() != tt.want {
			t.Errorf("%s.AddDays(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-01-31", 1, "2024-02-29"},  // leap year
		{"2025-01-31", 1, "2025-02-28"},  // common year
		{"2024-02-29", 12, "2025-02-28"}, // leap day a year on
		{"2024-02-29", 48, "2028-02-29"},
		{"2026-03-31", 1, "2026-04-30"},
		{"2026-01-15", 1, "2026-02-15"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-05-31", 0, "2026-05-31"},
		// Tender preparation: nine months back from a tender date.
		{"2026-11-30", -9, "2026-02-28"},
		{"2028-11-30", -9, "2028-02-29"},
		{"2026-10-15", -9, "2026-01-15"},
		{"2027-03-31", -9, "2026-06-30"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-01-31", -2, "2025-11-30"},
		{"2026-06-30", -24, "2024-06-30"},
	}
	for _, tt := range tests {
		if got := d(tt.from).AddMonths(tt.n); got.String() != tt.want {
			t.Errorf("%s.AddMonths(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestAddWorkingDays(t *testing.T) {
	// 2026-01-02 is a Friday.
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-02", 1, "2026-01-05"}, // Friday + 1 → Monday
		{"2026-01-03", 1, "2026-01-05"}, // Saturday + 1 → Monday
		{"2026-01-04", 1, "2026-01-05"}, // Sunday + 1 → Monday
		{"2026-01-05", 1, "2026-01-06"}, // Monday + 1 → Tuesday
		{"2026-01-01", 1, "2026-01-02"}, // Thursday + 1 → Friday
		{"2026-01-01", 2, "2026-01-05"}, // Thursday + 2 → Monday
		{"2026-01-02", 5, "2026-01-09"}, // Friday + 5 → next Friday
		{"2026-01-05", 10, "2026-01-19"},
		{"2026-01-02", 0, "2026-01-02"},
		{"2026-01-03", 0, "2026-01-03"},
	}
	for _, tt := range tests {
		got := d(tt.from).AddWorkingDays(tt.n)
		if got.String() != tt.want {
			t.Errorf("%s.AddWorkingDays(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
		if tt.n > 0 && got.IsWeekend() {
			t.Errorf("%s.AddWorkingDays(%d) = %v, a %v", tt.from, tt.n, got, got.Weekday())
		}
	}
}

func TestIsWeekend(t *testing.T) {
	tests := []struct {
		date string
		want bool
	}{
		{"2026-01-02", false}, // Friday
		{"2026-01-03", true},  // Saturday
		{"2026-01-04", true},  // Sunday
		{"2026-01-05", false}, // Monday
	}
	for _, tt := range tests {
		if got := d(tt.date).IsWeekend(); got != tt.want {
			t.Errorf("%s.IsWeekend() = %v, want %v", tt.date, got, tt.want)
		}
	}
}

func TestDateDaysUntil(t *testing.T) {
	tests := []struct {
		from, to string
		want     int
	}{
		{"2026-03-01", "2026-03-01", 0},
		{"2026-03-01", "2026-03-02", 1},
		{"2026-03-02", "2026-03-01", -1},
		{"2026-01-01", "2026-12-31", 364},
		{"2026-12-31", "2026-01-01", -364},
		{"2024-02-28", "2024-03-01", 2},
		{"2025-02-28", "2025-03-01", 1},
		{"2026-03-28", "2026-03-30", 2}, // across a European clock change
		{"2000-01-01", "2400-01-01", 146097},
		{"2400-01-01", "2000-01-01", -146097},
	}
	// arithmetic works beyond the dates ParseDate accepts
	anyDate := func(s string) dossier.Date {
		tm, err := time.Parse(dossier.DateFormat, s)
		if err != nil {
			t.Fatal(err)
		}
		return dossier.DateOf(tm)
	}
	for _, tt := range tests {
		if got := anyDate(tt.from).DaysUntil(anyDate(tt.to)); got != tt.want {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	type rec struct {
		D dossier.Date `json:"d"`
	}
	for _, tt := range []struct {
		date string
		json string
	}{
		{"2026-03-15", `{"d":"2026-03-15"}`},
		{"", `{"d":""}`},
	} {
		in := rec{}
		if tt.date != "" {
			in.D = d(tt.date)
		}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("Marshal(%q) error = %v", tt.date, err)
		}
		if string(b) != tt.json {
			t.Errorf("Marshal(%q) = %s, want %s", tt.date, b, tt.json)
		}
		var out rec
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatalf("Unmarshal(%s) error = %v", b, err)
		}
		if !out.D.Equal(in.D) || out.D.String() != tt.date {
			t.Errorf("round trip of %q = %q, want %q", tt.date, out.D, tt.date)
		}
	}

	var got rec
	got.D = d("2026-01-01")
	if err := json.Unmarshal([]byte(`{"d":null}`), &got); err != nil {
		t.Fatalf("Unmarshal null error = %v", err)
	}
	if !got.D.IsZero() {
		t.Errorf("Unmarshal null = %v, want the zero Date", got.D)
	}

	for _, bad := range []string{`{"d":"2026-02-30"}`, `{"d":"soon"}`} {
		err := json.Unmarshal([]byte(bad), &got)
		if err == nil {
			t.Errorf("Unmarshal(%s) error = nil, want an error", bad)
		} else if !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("Unmarshal(%s) error = %v, want it to match ErrInvalid", bad, err)
		}
	}
	if err := json.Unmarshal([]byte(`{"d":20260315}`), &got); err == nil {
		t.Errorf("Unmarshal of a number error = nil, want an error")
	}
	// A date written with JSON escapes reads as the plain one does (a
	// plain one is read without encoding/json); so does a birthday.
	var esc struct {
		D dossier.Date     `json:"d"`
		B dossier.Birthday `json:"b"`
	}
	if err := json.Unmarshal([]byte(`{"d":"\u0032026-03-15","b":"--0\u0032-25"}`), &esc); err != nil {
		t.Fatalf("Unmarshal of escaped dates: %v", err)
	}
	if esc.D.String() != "2026-03-15" || esc.B.String() != "--02-25" {
		t.Errorf("escaped dates read as %q and %q", esc.D, esc.B)
	}
	if err := json.Unmarshal([]byte(`{"d":"2026-03-1\u00e9"}`), &esc); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Unmarshal of an escaped bad date error = %v, want ErrInvalid", err)
	}
}

func TestParseBirthday(t *testing.T) {
	tests := []struct {
		in   string
		want dossier.Birthday
	}{
		{"1980-05-17", dossier.Birthday{Day: 17, Month: time.May, Year: 1980}},
		{"05-17", dossier.Birthday{Day: 17, Month: time.May}},
		{"--05-17", dossier.Birthday{Day: 17, Month: time.May}},
		{" --12-31 ", dossier.Birthday{Day: 31, Month: time.December}},
		{"--02-29", dossier.Birthday{Day: 29, Month: time.February}},
		{"02-29", dossier.Birthday{Day: 29, Month: time.February}},
		{"2024-02-29", dossier.Birthday{Day: 29, Month: time.February, Year: 2024}},
		{"2000-02-29", dossier.Birthday{Day: 29, Month: time.February, Year: 2000}},
		{"1900-01-01", dossier.Birthday{Day: 1, Month: time.January, Year: 1900}},
		{"", dossier.Birthday{}},
		{"  ", dossier.Birthday{}},
	}
	for _, tt := range tests {
		got, err := dossier.ParseBirthday(tt.in)
		if err != nil {
			t.Errorf("ParseBirthday(%q) error = %v, want nil", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseBirthday(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseBirthdayRejects(t *testing.T) {
	for _, in := range []string{
		"1981-02-29", // not a leap year
		"1900-02-29", // not a leap year either
		"13-01",
		"00-10",
		"02-30",
		"04-31",
		"05-00",
		"5-17",
		"05-7",
		"1980-5-17",
		"80-05-17",
		"1899-05-17",
		"2101-01-01",
		"0000-05-17",
		"05-+7",
		"+5-17",
		"1980-+5-17",
		"abcd-05-17",
		"1980/05/17",
		"17.05.1980",
		"May 17",
		"1980-05-17-01",
		"--",
		"-",
		"0517",
	} {
		got, err := dossier.ParseBirthday(in)
		if err == nil {
			t.Errorf("ParseBirthday(%q) = %+v, nil; want an error", in, got)
			continue
		}
		if !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("ParseBirthday(%q) error = %v, want it to match ErrInvalid", in, err)
		}
		if got != (dossier.Birthday{}) {
			t.Errorf("ParseBirthday(%q) on error = %+v, want the zero Birthday", in, got)
		}
	}
}

func TestBirthdayString(t *testing.T) {
	tests := []struct {
		b    dossier.Birthday
		want string
	}{
		{dossier.Birthday{Day: 17, Month: time.May, Year: 1980}, "1980-05-17"},
		{dossier.Birthday{Day: 7, Month: time.March}, "--03-07"},
		{dossier.Birthday{}, ""},
	}
	for _, tt := range tests {
		if got := tt.b.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.b, got, tt.want)
		}
		back, err := dossier.ParseBirthday(tt.want)
		if err != nil || back != tt.b {
			t.Errorf("ParseBirthday(%q) = %+v, %v; want %+v, nil", tt.want, back, err, tt.b)
		}
	}
	if b := (dossier.Birthday{Day: 1, Month: time.May, Year: 1990}); !b.HasYear() || b.IsZero() {
		t.Errorf("HasYear, IsZero of 1990-05-01 = %v, %v; want true, false", b.HasYear(), b.IsZero())
	}
	if b := (dossier.Birthday{Day: 1, Month: time.May}); b.HasYear() {
		t.Errorf("HasYear of --05-01 = true, want false")
	}
}

func TestBirthdayNext(t *testing.T) {
	tests := []struct {
		name     string
		birthday string
		today    string
		next     string
		days     int
	}{
		{"on the day", "1980-05-17", "2026-05-17", "2026-05-17", 0},
		{"day before", "1980-05-17", "2026-05-16", "2026-05-17", 1},
		{"day after", "1980-05-17", "2026-05-18", "2027-05-17", 364},
		{"no year", "--05-17", "2026-01-01", "2026-05-17", 136},
		{"December rollover", "--01-03", "2026-12-30", "2027-01-03", 4},
		{"New Year's Eve", "--12-31", "2026-12-31", "2026-12-31", 0},
		{"leap day in common year", "--02-29", "2026-02-01", "2026-02-28", 27},
		{"leap day on 28 Feb of common year", "--02-29", "2026-02-28", "2026-02-28", 0},
		{"leap day in leap year", "--02-29", "2028-02-01", "2028-02-29", 28},
		{"leap day on 28 Feb of leap year", "--02-29", "2028-02-28", "2028-02-29", 1},
		{"leap day after it passed", "--02-29", "2026-03-01", "2027-02-28", 364},
		{"leap day, next year is leap", "2024-02-29", "2027-03-01", "2028-02-29", 365},
		{"leap-year birth, common year", "2024-02-29", "2025-02-01", "2025-02-28", 27},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := dossier.ParseBirthday(tt.birthday)
			if err != nil {
				t.Fatalf("ParseBirthday(%q) error = %v", tt.birthday, err)
			}
			if got := b.Next(d(tt.today)); got.String() != tt.next {
				t.Errorf("Next(%s) = %v, want %v", tt.today, got, tt.next)
			}
			if got := b.DaysUntil(d(tt.today)); got != tt.days {
				t.Errorf("DaysUntil(%s) = %d, want %d", tt.today, got, tt.days)
			}
		})
	}
}

func TestBirthdayZero(t *testing.T) {
	var b dossier.Birthday
	today := d("2026-05-17")
	if got := b.Next(today); !got.IsZero() {
		t.Errorf("zero Birthday Next = %v, want the zero Date", got)
	}
	if got := b.DaysUntil(today); got != -1 {
		t.Errorf("zero Birthday DaysUntil = %d, want -1", got)
	}
	if age, ok := b.AgeOn(today); ok || age != 0 {
		t.Errorf("zero Birthday AgeOn = %d, %v; want 0, false", age, ok)
	}
}

func TestBirthdayIn(t *testing.T) {
	tests := []struct {
		birthday string
		year     int
		want     string
	}{
		{"--02-29", 2026, "2026-02-28"},
		{"--02-29", 2028, "2028-02-29"},
		{"--02-29", 2100, "2100-02-28"}, // 2100 is not a leap year
		{"--02-29", 2000, "2000-02-29"},
		{"1980-05-17", 2030, "2030-05-17"},
	}
	for _, tt := range tests {
		b, _ := dossier.ParseBirthday(tt.birthday)
		if got := b.In(tt.year); got.String() != tt.want {
			t.Errorf("%s.In(%d) = %v, want %v", tt.birthday, tt.year, got, tt.want)
		}
	}
}

func TestBirthdayAgeOn(t *testing.T) {
	tests := []struct {
		birthday string
		today    string
		age      int
		ok       bool
	}{
		{"1980-05-17", "2026-05-17", 46, true}, // on the day
		{"1980-05-17", "2026-05-16", 46, true}, // turns 46 tomorrow
		{"1980-05-17", "2026-05-18", 47, true}, // next birthday is in 2027
		{"1980-12-31", "2026-01-01", 46, true},
		{"2024-02-29", "2025-02-28", 1, true},
		{"2024-02-29", "2028-02-29", 4, true},
		{"--05-17", "2026-05-17", 0, false},
	}
	for _, tt := range tests {
		b, _ := dossier.ParseBirthday(tt.birthday)
		age, ok := b.AgeOn(d(tt.today))
		if age != tt.age || ok != tt.ok {
			t.Errorf("%s.AgeOn(%s) = %d, %v; want %d, %v", tt.birthday, tt.today, age, ok, tt.age, tt.ok)
		}
	}
}

func TestBirthdayJSON(t *testing.T) {
	type rec struct {
		B dossier.Birthday `json:"birthday"`
	}
	for _, tt := range []struct {
		b    dossier.Birthday
		json string
	}{
		{dossier.Birthday{Day: 17, Month: time.May, Year: 1980}, `{"birthday":"1980-05-17"}`},
		{dossier.Birthday{Day: 29, Month: time.February}, `{"birthday":"--02-29"}`},
		{dossier.Birthday{}, `{"birthday":""}`},
	} {
		b, err := json.Marshal(rec{tt.b})
		if err != nil {
			t.Fatalf("Marshal(%+v) error = %v", tt.b, err)
		}
		if string(b) != tt.json {
			t.Errorf("Marshal(%+v) = %s, want %s", tt.b, b, tt.json)
		}
		var out rec
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatalf("Unmarshal(%s) error = %v", b, err)
		}
		if out.B != tt.b {
			t.Errorf("round trip of %+v = %+v", tt.b, out.B)
		}
	}

	got := rec{dossier.Birthday{Day: 1, Month: time.May}}
	if err := json.Unmarshal([]byte(`{"birthday":null}`), &got); err != nil || !got.B.IsZero() {
		t.Errorf("Unmarshal null = %+v, %v; want the zero Birthday, nil", got.B, err)
	}
	got = rec{}
	if err := json.Unmarshal([]byte(`{"birthday":"05-17"}`), &got); err != nil || got.B != (dossier.Birthday{Day: 17, Month: time.May}) {
		t.Errorf("Unmarshal \"05-17\" = %+v, %v; want 17 May without year", got.B, err)
	}
	for _, bad := range []string{`{"birthday":"02-30"}`, `{"birthday":"1981-02-29"}`} {
		if err := json.Unmarshal([]byte(bad), &got); !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("Unmarshal(%s) error = %v, want it to match ErrInvalid", bad, err)
		}
	}
	if err := json.Unmarshal([]byte(`{"birthday":517}`), &got); err == nil {
		t.Errorf("Unmarshal of a number error = nil, want an error")
	}
}

// TestParseDateSaysWhichDayIsNot: a text in the form YYYY-MM-DD that names
// no day is refused saying why (no such month; the month's days), and still
// matches dossier.ErrInvalid; a text in another form is not told about months.
func TestParseDateSaysWhichDayIsNot(t *testing.T) {
	for _, c := range []struct {
		in               string
		month, day, days int
	}{
		{"2026-13-45", 13, 45, 0}, {"2026-00-10", 0, 10, 0}, {"2023-02-29", 2, 29, 28},
		{"2024-02-30", 2, 30, 29}, {"2026-11-31", 11, 31, 30}, {"2026-11-00", 11, 0, 30},
	} {
		_, err := dossier.ParseDate(c.in)
		var bad *dossier.NoSuchDay
		if !errors.As(err, &bad) || !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("dossier.ParseDate(%q) = %v, want a NoSuchDay matching dossier.ErrInvalid", c.in, err)
			continue
		}
		if bad.Month != c.month || bad.Day != c.day || bad.Days != c.days {
			t.Errorf("dossier.ParseDate(%q): month %d, day %d, days %d; want %d, %d, %d", c.in, bad.Month, bad.Day, bad.Days, c.month, c.day, c.days)
		}
	}
	for _, in := range []string{"next week", "2026-1-5", "26-11-05", "2026/11/05"} {
		var bad *dossier.NoSuchDay
		if _, err := dossier.ParseDate(in); errors.As(err, &bad) || !errors.Is(err, dossier.ErrInvalid) {
			t.Errorf("dossier.ParseDate(%q) = %v, want the form refused", in, err)
		}
	}
}
