// Package app is kamdesk's desktop user interface, built with Fyne: the
// desk window with its navigation, one file and one unexported struct per
// screen. Screens talk to the workspace through the small interfaces they
// define; the store implements them.
//
// This package never imports fyne.io/fyne/v2/app, so its tests run
// headless with Fyne's test driver; main creates the real application.
//
// Every string a user sees goes through lang.L (or lang.N/lang.X) for
// translation; domain labels are passed through tr.
package ui

import (
	"image/color"
	"maps"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Tr translates a source string from the domain (a label, a message); the
// empty string stays empty.
// A date in data (a dossier.Date, as the domain packages give them) is
// written as the desk writes dates (DateText).
func Tr(s string, data ...any) string {
	if s == "" {
		return ""
	}
	if len(data) == 1 {
		if m, ok := data[0].(map[string]any); ok {
			data[0] = i18n.Labels(readableDates(m), func(s string) string { return lang.L(s) })
		}
	}
	if !i18n.Known(s) {
		// not a message of the catalogue (a text translated already):
		// its fields filled in, nothing looked up
		return i18n.L(s, data...)
	}
	return lang.L(s, data...)
}

// readableDates is m with its dates written as DateText writes them (a
// copy when it has any: the caller's map is left as it is).
func readableDates(m map[string]any) map[string]any {
	var out map[string]any
	for k, v := range m {
		d, ok := v.(dossier.Date)
		if !ok {
			continue
		}
		if out == nil {
			out = maps.Clone(m)
		}
		out[k] = DateText(d)
	}
	if out == nil {
		return m
	}
	return out
}

// LevelColor is the colour of a rung of the relationship ladder: red for
// opponents through orange and yellow to green, light blue and blue for
// experts. The hues come from Okabe and Ito's palette for colour-blind
// readers, so every two rungs stay apart with protanopia and deuteranopia
// too (TestLadderColoursToldApart). Colour is never the only cue: the
// level's name is always written beside it, in the text colour.
func LevelColor(l dossier.Level) color.NRGBA {
	switch l {
	case dossier.Opponent:
		return color.NRGBA{R: 0xb2, G: 0x18, B: 0x2b, A: 0xff}
	case dossier.Doubter:
		return color.NRGBA{R: 0xf2, G: 0x8e, B: 0x2b, A: 0xff}
	case dossier.Buyer:
		return color.NRGBA{R: 0xf0, G: 0xe4, B: 0x42, A: 0xff}
	case dossier.Customer:
		return color.NRGBA{R: 0x00, G: 0x9e, B: 0x73, A: 0xff}
	case dossier.Advocate:
		return color.NRGBA{R: 0x56, G: 0xb4, B: 0xe9, A: 0xff}
	case dossier.Expert:
		return color.NRGBA{R: 0x3a, G: 0x55, B: 0xc8, A: 0xff}
	}
	return color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
}

// LevelTint is the light wash of a rung's colour behind a person's card;
// text on it is drawn in the foreground colour.
func LevelTint(l dossier.Level) color.NRGBA {
	c := LevelColor(l)
	c.A = 0x30
	return c
}

// TypeBadge is the short mark of a stakeholder type on a card.
func TypeBadge(t dossier.StakeholderType) string {
	switch t {
	case dossier.Executive:
		return lang.X("badge.executive", "EXE")
	case dossier.HR:
		return lang.X("badge.hr", "HR")
	case dossier.Finance:
		return lang.X("badge.finance", "FIN")
	case dossier.Technical:
		return lang.X("badge.technical", "TEC")
	}
	return lang.X("badge.other", "OTH")
}

// InfluenceDots shows influence as one to three dots.
func InfluenceDots(i dossier.Influence) string {
	switch i {
	case dossier.InfluenceHigh:
		return "●●●"
	case dossier.InfluenceMedium:
		return "●●○"
	case dossier.InfluenceLow:
		return "●○○"
	}
	return "○○○"
}

// OneLine folds whitespace, for showing text in a single row.
func OneLine(s string) string { return dossier.OneLine(s) }

// Clip shortens s to n runes with an ellipsis.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Weekday is the short translated name of a day of the week.
func Weekday(d time.Weekday) string {
	return lang.X("weekday."+strconv.Itoa(int(d)), d.String()[:3])
}

// BirthdayText shows a birthday as people write it, in the user's
// language: "8 March", or "8 March 1979" when the year is known.
func BirthdayText(b dossier.Birthday) string {
	if b.IsZero() {
		return ""
	}
	if lc, ok := deskLocale(); ok { // the month in the case the date needs: "8 марта"
		if b.HasYear() {
			return lc.Date(dossier.NewDate(b.Year, b.Month, b.Day))
		}
		return lc.DayMonth(b.Month, b.Day)
	}
	data := map[string]any{"Day": b.Day, "Month": lang.L(monthNames[b.Month-1]), "Year": b.Year}
	if b.HasYear() {
		return lang.L("{{.Day}} {{.Month}} {{.Year}}", data)
	}
	return lang.L("{{.Day}} {{.Month}}", data)
}

// DateText writes a date as the desk shows dates everywhere: "17 Jan
// 2027" ("" for no date). Dates are typed as YYYY-MM-DD (DateInput), the
// form the command line writes too.
func DateText(d dossier.Date) string {
	if d.IsZero() {
		return ""
	}
	if lc, ok := deskLocale(); ok {
		return lc.MediumDate(d)
	}
	return lang.X("date.short", "{{.Day}} {{.Month}} {{.Year}}", map[string]any{"Day": d.Day(), "Month": ShortMonth(d.Month()), "Year": d.Year()})
}

// ShortMonth is the short translated name of a month: "Jan".
func ShortMonth(m time.Month) string {
	return lang.X("month.short."+strconv.Itoa(int(m)), m.String()[:3])
}

// WeekdayDate shows a date with its weekday: "Thu 26 Nov 2026".
func WeekdayDate(d dossier.Date) string {
	if d.IsZero() {
		return ""
	}
	if lc, ok := deskLocale(); ok {
		return lc.WeekdayDate(d)
	}
	return lang.L("{{.Weekday}} {{.Date}}", map[string]any{"Weekday": Weekday(d.Weekday()), "Date": DateText(d)})
}

// LongDate writes a date in words with its weekday: "Friday 8 January
// 2027", "пятница, 8 января 2027 г.".
func LongDate(d dossier.Date) string {
	if d.IsZero() {
		return ""
	}
	if lc, ok := deskLocale(); ok {
		return lc.FullDate(d)
	}
	return lang.L("{{.Weekday}} {{.Day}} {{.Month}} {{.Year}}", map[string]any{
		"Weekday": lang.L(d.Weekday().String()), "Day": d.Day(), "Month": lang.L(d.Month().String()), "Year": d.Year()})
}

// NumberText writes a number with places decimals as the desk's language
// writes numbers: "1,189,950.00", "1 189 950,00" (the CLDR's symbols and
// grouping; English keeps its own).
func NumberText(d proposal.Decimal, places int) string {
	if lc, ok := deskLocale(); ok {
		return lc.Number(d, places)
	}
	return d.Grouped(places, ",")
}

// DecimalComma reports whether the desk's language writes a decimal
// comma (1 250,50): Russian, Bulgarian, Hungarian and Norwegian do; an
// entry of a number then reads a lone comma as the decimal one.
func DecimalComma() bool {
	lc, ok := deskLocale()
	return ok && strings.Contains(lc.Number(proposal.Int(1), 1), ",")
}

// PercentText writes a share such as 7.5 as the desk's language writes
// a percentage: "7.5%", "7,5 %".
func PercentText(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	lc, ok := deskLocale()
	if !ok {
		return s + "%"
	}
	d, err := proposal.ParseDecimal(s)
	if err != nil {
		return s + "%"
	}
	_, frac, _ := strings.Cut(s, ".")
	return lc.PercentOf(d, len(frac))
}

// deskLocale is the CLDR's way of writing dates in the desk's language,
// when that is not English: the catalogue's month names are in the
// nominative, where a date needs the genitive in Russian and Bulgarian,
// and the order of day, month and year differs (2027. január 9.).
// English keeps the desk's own "17 Jan 2027".
func deskLocale() (proposal.Locale, bool) {
	if c := i18n.Current(); c != "en" && proposal.LanguageName(c) != "" {
		return proposal.LocaleOf(c), true
	}
	return proposal.Locale{}, false
}
