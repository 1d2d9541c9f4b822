package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/i18n"
	"kamdesk/proposal"
)

// TestSortTableHeadingsFit: a column is never narrower than its heading
// with the sort mark, however long the heading is in the desk's language
// ("Следующий тендер" over dates sized for "Next tender").
func TestSortTableHeadingsFit(t *testing.T) {
	test.NewTempApp(t)
	type row struct{ s string }
	rows := []row{{"a"}}
	text := func(r *row) string { return r.s }
	cols := []TableColumn[row]{Col("Следующий тендер", 40, text, nil), Col("ID", 90, text, nil)}
	tbl := NewSortTable(&rows, cols, 0, func(*row) {})
	for i, c := range cols {
		head := widget.NewButton(c.Title+" ▼", nil)
		head.Importance = widget.LowImportance
		if got, need := tbl.Columns[i].Width, head.MinSize().Width; got < need {
			t.Errorf("column %q is %v wide, its heading needs %v", c.Title, got, need)
		}
	}
	if tbl.Columns[1].Width != 90 {
		t.Errorf("a column wider than its heading changed to %v", tbl.Columns[1].Width)
	}
}

// TestNumbersInTheDesksLanguage: the desk writes shares and amounts as its
// language does ("7,5 %", "1 189 950,00"); English keeps "7.5%".
func TestNumbersInTheDesksLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	defer i18n.SetLanguage("en")
	for _, c := range []struct{ lang, share, whole, amount string }{
		{"en", "7.5%", "38%", "1,189,950.00"},
		{"ru", "7,5\u00a0%", "38\u00a0%", "1\u00a0189\u00a0950,00"},
		{"hu", "7,5%", "38%", "1\u00a0189\u00a0950,00"},
	} {
		i18n.SetLanguage(c.lang)
		if got := PercentText(7.5); got != c.share {
			t.Errorf("%s: PercentText(7.5) = %q, want %q", c.lang, got, c.share)
		}
		if got := PercentText(38); got != c.whole {
			t.Errorf("%s: PercentText(38) = %q, want %q", c.lang, got, c.whole)
		}
		if got := NumberText(proposal.MustDecimal("1189950"), 2); got != c.amount {
			t.Errorf("%s: NumberText = %q, want %q", c.lang, got, c.amount)
		}
	}
}
