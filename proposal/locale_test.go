package proposal

import (
	"strings"
	"testing"
	"time"

	"kamdesk/dossier"
)

// plain makes the no-break spaces the CLDR writes (U+00A0 and the narrow
// U+202F) ordinary spaces, as the glossary's examples are written; each
// test also checks that no ordinary space is left where they belong.
func plain(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}

// TestLocaleFormatsAsTheGlossary compares the dates, numbers and money of
// each language with the glossary's examples (../shared/glossary.md,
// "Register and conventions"), not with the library that makes them: the
// CLDR does not group four-digit numbers in Bulgarian and Hungarian.
func TestLocaleFormatsAsTheGlossary(t *testing.T) {
	day := dossier.MustDate("2027-01-09")
	for _, tc := range []struct {
		lang, date, small, big, money string
		currency                      string
	}{
		{"en", "9 January 2027", "2,500.00", "12,500.00", "GBP 12,500.00", "GBP"},
		{"ru", "9 января 2027 г.", "2 500,00", "12 500,00", "12 500,00 ₽", "RUB"},
		{"bg", "9 януари 2027 г.", "2500,00", "12 500,00", "12 500,00 €", "EUR"},
		{"hu", "2027. január 9.", "2500,00", "12 500,00", "12 500,00 Ft", "HUF"},
		{"nb", "9. januar 2027", "2 500,00", "12 500,00", "12 500,00 kr", "NOK"},
		{"fil", "Enero 9, 2027", "2,500.00", "12,500.00", "₱12,500.00", "PHP"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			lc := LocaleOf(tc.lang)
			if lc.Lang != tc.lang {
				t.Fatalf("LocaleOf(%s) is %s", tc.lang, lc.Lang)
			}
			for _, c := range []struct{ name, got, want string }{
				{"date", lc.Date(day), tc.date},
				{"2500", lc.Number(MustDecimal("2500"), 2), tc.small},
				{"12500", lc.Number(MustDecimal("12500"), 2), tc.big},
				{"money", lc.Money(tc.currency, MustDecimal("12500"), 2), tc.money},
			} {
				if plain(c.got) != c.want {
					t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
				}
				if tc.lang != "en" && tc.lang != "fil" && c.name != "date" && strings.Contains(c.got, " ") {
					t.Errorf("%s = %q: an ordinary space, where the line may break", c.name, c.got)
				}
			}
		})
	}
	if got := plain(LocaleOf("ru").Money("GBP", MustDecimal("1189950"), 2)); got != "1 189 950,00 £" {
		t.Errorf("GBP in Russian = %q", got)
	}
	if got := plain(LocaleOf("hu").Money("GBP", MustDecimal("1189950"), 2)); got != "1 189 950,00 GBP" {
		t.Errorf("GBP in Hungarian (no symbol) = %q", got)
	}
	if got := plain(LocaleOf("fil").Money("NOK", MustDecimal("-12.5"), 2)); got != "NOK -12.50" {
		t.Errorf("NOK in Filipino = %q", got)
	}
	for lang, want := range map[string]string{"nb-NO": "nb", "no": "nb", "ru_RU.UTF-8": "ru", "tl": "fil", "de": "en", "": "en"} {
		if got := LocaleOf(lang).Lang; got != want {
			t.Errorf("LocaleOf(%q) = %s, want %s", lang, got, want)
		}
	}
}

// TestPluralsByTheCLDR: the noun after a count takes the form the
// language's plural rules ask for, decimals included.
func TestPluralsByTheCLDR(t *testing.T) {
	ru, bg, en := LocaleOf("ru"), LocaleOf("bg"), LocaleOf("en")
	for _, c := range []struct {
		lc     Locale
		n      string
		places int
		want   string
	}{
		{ru, "1", 0, "1 день"}, {ru, "2", 0, "2 дня"}, {ru, "5", 0, "5 дней"}, {ru, "21", 0, "21 день"},
		{ru, "11", 0, "11 дней"}, {ru, "14.5", 1, "14,5 месяца"}, {ru, "3", 0, "3 года"},
		{bg, "1", 0, "1 ден"}, {bg, "30", 0, "30 дни"}, {en, "1", 0, "1 day"}, {en, "14.5", 1, "14.5 days"},
	} {
		forms := c.lc.words.days
		if strings.Contains(c.want, "месяц") {
			forms = c.lc.words.months
		}
		if strings.Contains(c.want, "год") {
			forms = c.lc.words.years
		}
		if got := plain(c.lc.count(MustDecimal(c.n), c.places, forms)); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.lc.Lang, c.n, got, c.want)
		}
	}
}

// TestProposalInItsLanguage: a proposal in another language than English
// gets every word kamdesk generates in that language, whatever the desk's
// language: no English block title, label or sentence is left, and dates
// and money are written as the language writes them.
func TestProposalInItsLanguage(t *testing.T) {
	// what kamdesk writes in English (the fixture's own data, a role
	// "Pricing" say, stays as the user wrote it)
	english := []string{"For ", "Date:", "## References", "## Pricing", "## Financial result", "## Prepared by", "## Validity",
		"Valid until", "Will gladly", "Result:", "| Description", "Quantity", "Unit price", "| Discount", "Amount |",
		"Total GBP", "Investment:", "Yearly gain", "Payback", "Return on investment", " months", " years", " days",
		"No team member", "project team", "guarantee", "net total", "2026-"}
	for _, tc := range []struct {
		lang  string
		wants []string
	}{
		{"ru", []string{"Дата: 2 марта 2026 г.", "## Стоимость", "| Наименование | Кол-во |", "**110 950,00 £**",
			"Предложение действительно до 1 апреля 2026 г. (30 дней с 2 марта 2026 г.)", "## Предложение подготовили",
			"## Финансовый результат", "- Срок окупаемости: 14,5 месяца", "- Рентабельность инвестиций за 3 года: 148,8 %"}},
		{"bg", []string{"Дата: 2 март 2026 г.", "## Цени", "## Изготвено от", "Валидно до 1 април 2026 г. (30 дни от 2 март 2026 г.)",
			"- Срок на откупуване: 14,5 месеца"}},
		{"hu", []string{"Dátum: 2026. március 2.", "## Árak", "Érvényes: 2026. április 1. (30 nap, kiállítás: 2026. március 2.)",
			"- Megtérülési idő: 14,5 hónap", "- A befektetés megtérülése 3 év alatt: 148,8%", "110 950,00 GBP"}},
		{"nb", []string{"Dato: 2. mars 2026", "## Priser", "## Utarbeidet av", "Gyldig til 1. april 2026 (30 dager fra 2. mars 2026)",
			"- Tilbakebetalingstid: 14,5 måneder"}},
		{"fil", []string{"Petsa: Marso 2, 2026", "## Presyo", "## Inihanda ng", "May bisa hanggang Abril 1, 2026 (30 araw mula Marso 2, 2026)",
			"£110,950.00"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p, c := northbridge()
			p.Language = tc.lang
			for _, a := range append(Variants, All) {
				v, err := Assemble(p, c, a)
				if err != nil {
					t.Fatal(err)
				}
				for _, b := range v.Blocks {
					if b.Source != SourceGenerated || b.Kind == KindTitle {
						continue
					}
					for _, e := range english {
						if strings.Contains(b.Markdown, e) {
							t.Errorf("%s: the generated block %q says %q:\n%s", a, b.Title, e, b.Markdown)
						}
					}
				}
				if a != Finance {
					continue
				}
				md := plain(v.Markdown)
				for _, want := range tc.wants {
					if !strings.Contains(md, want) {
						t.Errorf("the finance variant lacks %q:\n%s", want, md)
					}
				}
			}
		})
	}
}

// TestValueInAnotherScript: in a Russian proposal the names the fixture
// keeps in Latin letters get a warning each, once whatever the variants
// using them, pointing where the value is kept; nothing more blocks; an
// English proposal of the same data gets none.
func TestValueInAnotherScript(t *testing.T) {
	p, c := northbridge()
	before := Blocking(Check(p, c))
	for _, f := range Check(p, c) {
		if f.Code == "value-in-another-script" {
			t.Errorf("an English proposal with Latin names: %v", f)
		}
	}
	p.Language = "ru"
	seen := map[string]int{}
	fs := Check(p, c)
	for _, f := range fs {
		if f.Code != "value-in-another-script" {
			continue
		}
		if f.Severity != SeverityWarning {
			t.Errorf("%v is not a warning", f)
		}
		seen[f.Data["Name"].(string)]++
		if f.Data["Name"] == "author.name" && f.Place.Area != AreaCredits {
			t.Errorf("the author's name points to %v", f.Place)
		}
	}
	if seen["author.email"] > 0 || seen["author.phone"] > 0 {
		t.Errorf("an e-mail address or a phone number is warned of: %v", seen)
	}
	for _, n := range []string{"person.name", "account.name"} {
		if seen[n] != 1 {
			t.Errorf("%s warned %d times, want once: %v", n, seen[n], seen)
		}
	}
	if got := Blocking(fs); got != before {
		t.Errorf("blocking findings %d, were %d", got, before)
	}
	if !inAnotherScript("Olivia Grant", LocaleOf("ru").script()) || inAnotherScript("Оливия Грант", LocaleOf("ru").script()) ||
		inAnotherScript("ООО «Northbridge»", LocaleOf("ru").script()) || inAnotherScript("2026", LocaleOf("ru").script()) ||
		!inAnotherScript("Иван Петров", LocaleOf("hu").script()) {
		t.Error("inAnotherScript")
	}
	if got := ExportFileNameIn("ru", "Northbridge", "Контроль", 2, dossier.MustDate("2026-12-01"), Finance, "pdf"); got != "Northbridge - Контроль - v2 - 2026-12-01 - Финансы.pdf" {
		t.Errorf("the Russian file name = %q", got)
	}
	if got := Values(p, c, Finance)["audience"]; got != "Финансы" {
		t.Errorf("{{audience}} in Russian = %q", got)
	}
}

// TestLanguageNotWritten: a proposal in a language kamdesk does not write
// is warned about, the six it writes (and their regional forms) are not.
func TestLanguageNotWritten(t *testing.T) {
	p, c := northbridge()
	for lang, want := range map[string]bool{"de": true, "pt-BR": true, "en": false, "en-GB": false, "ru": false, "nb-NO": false, "fil": false, "": false} {
		p.Language = lang
		got := false
		for _, f := range Check(p, c) {
			if f.Code == "language-not-written" {
				got = f.Severity == SeverityWarning
			}
		}
		if got != want {
			t.Errorf("language %q: warned %v, want %v", lang, got, want)
		}
	}
}

// TestLocaleDateForms: the shorter and longer forms the desk shows dates
// in, from the CLDR: month names in the case a date needs them.
func TestLocaleDateForms(t *testing.T) {
	d := dossier.MustDate("2027-01-09") // a Saturday
	for _, c := range []struct{ lang, medium, full, weekday, dayMonth string }{
		{"en", "9 Jan 2027", "Saturday 9 January 2027", "Sat, 9 Jan 2027", "8 March"},
		{"ru", "9 янв. 2027 г.", "суббота, 9 января 2027 г.", "сб, 9 янв. 2027 г.", "8 марта"},
		{"hu", "2027. jan. 9.", "2027. január 9., szombat", "2027. jan. 9., Szo", "március 8."},
		{"nb", "9. jan. 2027", "lørdag 9. januar 2027", "lør. 9. jan. 2027", "8. mars"},
	} {
		lc := LocaleOf(c.lang)
		for _, g := range []struct{ name, got, want string }{
			{"medium", lc.MediumDate(d), c.medium}, {"full", lc.FullDate(d), c.full},
			{"weekday", lc.WeekdayDate(d), c.weekday}, {"day and month", lc.DayMonth(time.March, 8), c.dayMonth},
		} {
			if plain(g.got) != g.want {
				t.Errorf("%s %s = %q, want %q", c.lang, g.name, g.got, g.want)
			}
		}
	}
}
