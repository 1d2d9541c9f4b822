package store

import (
	"bytes"
	"testing"
	"time"

	"kamdesk/proposal"
)

// FuzzParsePending: no content of exports.pending makes the reading panic;
// what it keeps passes the checks, and written out again reads the same,
// with nothing skipped.
func FuzzParsePending(f *testing.F) {
	b := pendingBatch{Proposal: "prop-northbridge-modular-controls", Exports: []proposal.Export{
		{At: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC), Audience: proposal.Finance, Format: "html", File: "/home/kam/Northbridge - Finance.html"},
		{At: time.Date(2026, 11, 25, 10, 0, 1, 0, time.UTC), Audience: proposal.All, Format: "md", File: "/tmp/a\nb.md"},
	}}
	line, err := pendingLine(&b)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(line)
	f.Add(append(append([]byte{}, line...), line[:len(line)/2]...))
	f.Add(bytes.Replace(line, []byte("finance"), []byte("board"), 1))
	f.Add([]byte("00000000 {}\n\n\nzz"))
	f.Fuzz(func(t *testing.T, data []byte) {
		batches, skipped := parsePending(data)
		lines := bytes.Count(data, []byte{'\n'}) + 1
		if len(batches)+len(skipped) > lines {
			t.Fatalf("%d batches and %d skipped of %d lines", len(batches), len(skipped), lines)
		}
		var again []byte
		for i := range batches {
			if err := batches[i].check(); err != nil {
				t.Fatalf("kept a batch the checks refuse: %v", err)
			}
			l, err := pendingLine(&batches[i])
			if err != nil {
				t.Fatal(err)
			}
			again = append(again, l...)
		}
		back, skipped := parsePending(again)
		if len(back) != len(batches) || len(skipped) > 0 {
			t.Fatalf("written again: %d batches, %v skipped; want %d, none", len(back), skipped, len(batches))
		}
		for i := range back {
			if back[i].Proposal != batches[i].Proposal || len(back[i].Exports) != len(batches[i].Exports) {
				t.Fatalf("batch %d reads back as %+v, want %+v", i, back[i], batches[i])
			}
			for j, e := range back[i].Exports {
				if !sameExport(e, batches[i].Exports[j]) {
					t.Fatalf("export %d of batch %d reads back as %+v, want %+v", j, i, e, batches[i].Exports[j])
				}
			}
		}
	})
}
