package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/dossier"
)

// BirthdayHint says when the next birthday is and the age it brings.
func BirthdayHint(b dossier.Birthday, today dossier.Date) string {
	if b.IsZero() {
		return lang.L("No birthday recorded.")
	}
	days := b.DaysUntil(today)
	var when string
	switch days {
	case 0:
		when = lang.L("today")
	case 1:
		when = lang.L("tomorrow")
	default:
		when = lang.L("in {{.Days}} days", map[string]any{"Days": days})
	}
	if age, ok := b.AgeOn(today); ok {
		return lang.L("{{.When}} (turns {{.Age}})", map[string]any{"When": when, "Age": age})
	}
	return lang.L("{{.When}} (year unknown)", map[string]any{"When": when})
}

// BirthdayInput picks a birthday whose year may be unknown: a day, a
// month and an optional year, or no birthday at all.
type BirthdayInput struct {
	Day, Month *Select
	Year       *Entry
	Clear      *widget.Button
	Box        *fyne.Container
}

// monthNames are the English names of the months, for translation.
var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func NewBirthdayInput(onEscape, changed func()) *BirthdayInput {
	b := &BirthdayInput{}
	var days, months []string
	for d := 1; d <= 31; d++ {
		days = append(days, strconv.Itoa(d))
	}
	for _, m := range monthNames {
		months = append(months, lang.L(m))
	}
	b.Day = NewSelect(days, func(string) { changed() })
	b.Day.PlaceHolder = lang.L("Day")
	b.Month = NewSelect(months, func(string) { changed() })
	b.Month.PlaceHolder = lang.L("Month")
	b.Year = NewEntry(onEscape)
	b.Year.SetPlaceHolder(lang.L("Year"))
	b.Year.OnChanged = func(string) { changed() }
	b.Clear = widget.NewButton(lang.L("Clear the birthday"), func() { b.Set(dossier.Birthday{}) })
	b.Clear.Importance = widget.LowImportance
	yearBox := container.NewGridWrap(fyne.NewSize(68, b.Year.MinSize().Height), b.Year)
	// The day takes what "31" needs; the month the rest ("September").
	dayBox := container.NewGridWrap(fyne.NewSize(68, b.Day.MinSize().Height), b.Day)
	b.Box = container.NewBorder(nil, nil, dayBox, yearBox, b.Month)
	return b
}

// Set shows v; the zero Birthday clears the inputs.
func (b *BirthdayInput) Set(v dossier.Birthday) {
	if v.IsZero() {
		b.Day.ClearSelected()
		b.Month.ClearSelected()
		b.Year.SetText("")
		return
	}
	b.Day.SetSelectedIndex(v.Day - 1)
	b.Month.SetSelectedIndex(int(v.Month) - 1)
	if v.HasYear() {
		b.Year.SetText(strconv.Itoa(v.Year))
	} else {
		b.Year.SetText("")
	}
}

// Birthday returns what the inputs say, or the problem that keeps them
// from saying it: an impossible date, a day without a month.
func (b *BirthdayInput) Birthday() (dossier.Birthday, *dossier.FieldError) {
	problem := func(msg string, data map[string]any) (dossier.Birthday, *dossier.FieldError) {
		return dossier.Birthday{}, &dossier.FieldError{Field: "birthday", Message: msg, Data: data}
	}
	day, month := b.Day.SelectedIndex()+1, time.Month(b.Month.SelectedIndex()+1)
	yearText := strings.TrimSpace(b.Year.Text)
	if day == 0 && month == 0 {
		if yearText != "" {
			return problem("Choose the day and the month too, or clear the year.", nil)
		}
		return dossier.Birthday{}, nil
	}
	if day == 0 || month == 0 {
		return problem("Choose both the day and the month.", nil)
	}
	year := 0
	if yearText != "" {
		y, err := strconv.Atoi(yearText)
		if err != nil || len(yearText) != 4 {
			return problem("The year is four digits, or empty when unknown.", nil)
		}
		if y < 1900 || y > 2100 {
			return problem("The year must be between 1900 and 2100.", nil)
		}
		year = y
	}
	monthName := lang.L(monthNames[month-1])
	if year != 0 && month == time.February && day > 28 && daysInMonth(year, month) == 28 {
		return problem("{{.Year}} is not a leap year: February has 28 days.", map[string]any{"Year": year})
	}
	if max := daysInMonth(2000, month); day > max { // 2000 was a leap year
		return problem("{{.Month}} has only {{.Days}} days.", map[string]any{"Month": monthName, "Days": max})
	}
	return dossier.Birthday{Day: day, Month: month, Year: year}, nil
}

func daysInMonth(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
