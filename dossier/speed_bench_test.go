package dossier

import "testing"

// BenchmarkDateUnmarshalJSON decodes a date as every record's dates are
// decoded: the agenda reads tens of thousands.
func BenchmarkDateUnmarshalJSON(b *testing.B) {
	in := []byte(`"2026-12-02"`)
	var d Date
	b.ReportAllocs()
	for b.Loop() {
		if err := d.UnmarshalJSON(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSortAgenda sorts an agenda of 92,000 items as the agenda of
// 100,000 people has: a few kinds, a hundred days, many items a day.
func BenchmarkSortAgenda(b *testing.B) {
	kinds := []AgendaKind{AgendaContact, AgendaBirthday, AgendaPromise, AgendaReview, "proposal-follow-up"}
	items := make([]AgendaItem, 92000)
	day := NewDate(2026, 12, 2)
	for i := range items {
		items[i] = AgendaItem{Date: day.AddDays(i*7919%120 - 20), Kind: kinds[i*31%len(kinds)], Late: i%5 == 0}
	}
	work := make([]AgendaItem, len(items))
	for b.Loop() {
		copy(work, items)
		SortAgenda(work)
	}
}
