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
