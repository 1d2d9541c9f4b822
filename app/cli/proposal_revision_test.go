package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSentProposalRevisions walks the record of what the client received
// through the command line: sending keeps a copy, a sent revision cannot
// be edited or sent again, a new revision can, and every copy can be
// written out byte for byte as sent.
func TestSentProposalRevisions(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, dir, "demo")
	id := strings.TrimSpace(mustRun(t, dir, "proposal", "new", "--account", "northbridge", "--title", "Site logistics",
		"--sections", readySections, "--team", "team-mara-lindqvist", "--references", "ref-kelsey-rowe-homes"))
	csv := filepath.Join(t.TempDir(), "pricing.csv")
	os.WriteFile(csv, []byte("description,quantity,unit,unit_price,discount,currency\nCabins,10,unit,1000,0,GBP\n"), 0o600)
	mustRun(t, dir, "proposal", "pricing", id, "--csv", csv)

	out := mustRun(t, dir, "proposal", "sent", id, "--on", "2026-11-20", "--audience", "finance,executive")
	if !strings.Contains(out, "revision 1") || !strings.Contains(out, "A copy of what was sent is kept") {
		t.Errorf("proposal sent printed:\n%s", out)
	}

	// The sent revision is frozen: editing it is refused, with the way out.
	os.WriteFile(csv, []byte("description,quantity,unit,unit_price,discount,currency\nCabins,10,unit,900,0,GBP\n"), 0o600)
	r := run(t, dir, "proposal", "pricing", id, "--csv", csv)
	if r.code != 1 || !strings.Contains(r.stderr, "revision 1 was sent") || !strings.Contains(r.stderr, "start revision 2") {
		t.Errorf("pricing on a sent revision: exit %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, dir, "proposal", "sent", id)
	if r.code != 1 || !strings.Contains(r.stderr, "kamdesk proposal revise "+id) {
		t.Errorf("sending revision 1 again: exit %d, stderr %q", r.code, r.stderr)
	}

	first := filepath.Join(t.TempDir(), "v1.html")
	mustRun(t, dir, "proposal", "sent-copy", id, "--audience", "finance", "-o", first)
	v1, err := os.ReadFile(first)
	if err != nil || !strings.Contains(string(v1), "1,000.00") {
		t.Fatalf("the copy of v1: %v\n%.300s", err, v1)
	}

	out = mustRun(t, dir, "proposal", "revise", id)
	if !strings.Contains(out, "Revision 2") {
		t.Errorf("proposal revise printed %q", out)
	}
	mustRun(t, dir, "proposal", "pricing", id, "--csv", csv)
	mustRun(t, dir, "proposal", "sent", id, "--on", "2026-11-25", "--audience", "finance")

	h := decode[map[string]any](t, mustRun(t, dir, "proposal", "history", id, "--json"))
	sendings := h["sendings"].([]any)
	if h["revision"] != 2.0 || h["sent_revision"] != 2.0 || len(sendings) != 2 {
		t.Fatalf("history = %v", h)
	}
	if s := sendings[0].(map[string]any); s["revision"] != 1.0 || s["on"] != "2026-11-20" || len(s["variants"].([]any)) != 2 {
		t.Errorf("first sending = %v", s)
	}
	text := mustRun(t, dir, "proposal", "history", id)
	for _, want := range []string{"Revision 2 is with the client", "v1", "v2", "Finance", "Executive"} {
		if !strings.Contains(text, want) {
			t.Errorf("history does not say %q:\n%s", want, text)
		}
	}

	// The first copy is as it was; the second names revision 2.
	again := filepath.Join(t.TempDir(), "again.html")
	mustRun(t, dir, "proposal", "sent-copy", id, "--sending", "1", "--audience", "finance", "-o", again)
	if b, _ := os.ReadFile(again); string(b) != string(v1) {
		t.Error("the copy of revision 1 changed after revision 2 was sent")
	}
	second := filepath.Join(t.TempDir(), "v2.md")
	mustRun(t, dir, "proposal", "sent-copy", id, "--format", "md", "-o", second)
	if b, _ := os.ReadFile(second); !strings.Contains(string(b), "900.00") {
		t.Errorf("the copy of v2 does not carry the new price:\n%.300s", b)
	}

	// An existing file is not replaced without --force.
	r = run(t, dir, "proposal", "sent-copy", id, "--format", "md", "-o", second)
	if r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("writing over an existing file: exit %d, stderr %q", r.code, r.stderr)
	}
	mustRun(t, dir, "proposal", "sent-copy", id, "--format", "md", "-o", second, "--force")

	// The timeline records both sendings, pointing to their copies.
	show := mustRun(t, dir, "account", "show", "northbridge")
	if !strings.Contains(show, "Proposal “Site logistics” sent") || !strings.Contains(show, "sent (revision 2)") {
		t.Errorf("account show lacks the sendings:\n%s", show)
	}
}
