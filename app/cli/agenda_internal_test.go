package cli

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"kamdesk/dossier"
)

// TestWriteAgendaIsTheTable: writeAgenda writes byte for byte what the
// table of the other lists (text/tabwriter through table and row) writes
// of the same items: with and without late items, dates unset, messages
// with tabs, line breaks, control characters and letters of several
// bytes.
func TestWriteAgendaIsTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	words := []string{"Call", "Ágnes", "Đorđe", "Ферзь", "tab\there", "two\nlines", "bell\a", "ESC\x1b[31m", "日本語", "x"}
	for round := range 300 {
		items := make([]dossier.AgendaItem, rng.IntN(40))
		anyLate := rng.IntN(2) == 0
		for i := range items {
			var msg []string
			for range 1 + rng.IntN(4) {
				msg = append(msg, words[rng.IntN(len(words))])
			}
			items[i] = dossier.AgendaItem{Message: strings.Join(msg, " "), Late: anyLate && rng.IntN(3) == 0}
			if rng.IntN(8) > 0 {
				items[i].Date = dossier.Today().AddDays(rng.IntN(400) - 200)
			}
		}
		var want, got bytes.Buffer
		tw := table(&want, "DATE", "", "WHAT")
		for _, it := range items {
			late := ""
			if it.Late {
				late = "LATE"
			}
			row(tw, it.Date.String(), late, it.Message)
		}
		tw.Flush()
		writeAgenda(&got, items, localText)
		if got.String() != want.String() {
			t.Fatalf("round %d: writeAgenda wrote\n%q\nthe table writes\n%q", round, got.String(), want.String())
		}
	}
}
