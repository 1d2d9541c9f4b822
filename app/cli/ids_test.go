package cli_test

import (
	"strings"
	"testing"
)

// TestManyProposalsOfOneTitleAllKept runs `proposal new` with the same
// title two thousand times on one account (the number of the probe that
// found the loss): every ID printed is a proposal in
// the workspace afterwards. With four random characters per ID and writes
// that did not check the ID was free, some acknowledged proposals replaced
// others. (Each run opens and closes the workspace, tens of milliseconds;
// the store's own test creates 100,000 records of one name.)
func TestManyProposalsOfOneTitleAllKept(t *testing.T) {
	const n = 2000
	dir := t.TempDir()
	mustRun(t, dir, "demo")
	before := len(decode[[]map[string]any](t, mustRun(t, dir, "proposal", "list", "--account", "northbridge", "--json")))
	printed := map[string]bool{}
	for i := range n {
		id := strings.TrimSpace(mustRun(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Quarterly renewal"))
		if printed[id] {
			t.Fatalf("proposal %d was given the ID %s of an earlier one", i, id)
		}
		printed[id] = true
	}
	list := decode[[]map[string]any](t, mustRun(t, dir, "proposal", "list", "--account", "northbridge", "--json"))
	if len(list) != before+n {
		t.Fatalf("%d proposals listed, want %d", len(list), before+n)
	}
	for _, p := range list {
		delete(printed, p["id"].(string))
	}
	if len(printed) > 0 {
		t.Errorf("%d acknowledged proposals are missing", len(printed))
	}
}
