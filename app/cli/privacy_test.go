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
