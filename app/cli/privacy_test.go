package cli_test

import (
	"strings"
	"testing"
)

// TestPersonPrivacy lists everything kept about a person: the fields with
// a value, the source and consent, and the records that involve or name
// them, in text and JSON.
func TestPersonPrivacy(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, dir, "demo")
	out := mustRun(t, dir, "person", "privacy", "northbridge-anna-keller")
	for _, want := range []string{"Personal data kept about Anna Keller (Northbridge Build Group)", "Source and consent:",
		"Birthday", "E-mail", "event", "involved"} {
		if !strings.Contains(out, want) {
			t.Errorf("person privacy does not say %q:\n%s", want, out)
		}
	}
	d := decode[map[string]any](t, mustRun(t, dir, "person", "privacy", "northbridge-anna-keller", "--json"))
	if d["person"].(map[string]any)["id"] != "northbridge-anna-keller" || len(d["facts"].([]any)) < 5 || len(d["mentions"].([]any)) == 0 {
		t.Errorf("JSON = %v", d)
	}
	sent := false
	for _, m := range d["mentions"].([]any) {
		sent = sent || m.(map[string]any)["kind"] == "sent copy"
	}
	if !sent {
		t.Error("the proposal sent to her is not listed")
	}
	if r := run(t, dir, "person", "privacy", "nobody"); r.code != 1 || !strings.Contains(r.stderr, "no person") {
		t.Errorf("an unknown person: exit %d, %q", r.code, r.stderr)
	}
}

// TestPersonAndAccountErase: erasing asks (and without a yes erases
// nothing), --yes erases, and the person is gone from every listing.
func TestPersonAndAccountErase(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, dir, "demo")
	r := run(t, dir, "person", "erase", "northbridge-anna-keller")
	if r.code != 1 || !strings.Contains(r.stderr, "Erase Anna Keller for good?") || !strings.Contains(r.stderr, "nothing was erased") {
		t.Errorf("erase without an answer: exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.Contains(mustRun(t, dir, "person", "list", "--account", "northbridge"), "Anna Keller") {
		t.Fatal("erased without a yes")
	}
	out := mustRun(t, dir, "person", "erase", "northbridge-anna-keller", "--mentions", "--yes")
	if !strings.Contains(out, "Erased Anna Keller.") {
		t.Errorf("erase printed %q", out)
	}
	show := mustRun(t, dir, "account", "show", "northbridge")
	if strings.Contains(show, "Anna Keller") || !strings.Contains(show, "A person was erased on") {
		t.Errorf("account show after the erasure:\n%s", show)
	}
	mustRun(t, dir, "account", "erase", "northbridge", "--yes")
	if r := run(t, dir, "account", "show", "northbridge"); r.code != 1 {
		t.Errorf("the erased account still shows: exit %d", r.code)
	}
}
