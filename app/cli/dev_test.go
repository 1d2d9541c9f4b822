package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDevGenerate: dev generate invents a workspace of the size asked
// into an empty folder, and refuses one that holds anything.
func TestDevGenerate(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, "dev", "generate", "--accounts", "6", "--people", "30", "--proposals", "4", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "Invented 6 accounts with 30 people and 4 proposals") {
		t.Fatalf("dev generate: %+v", r)
	}
	var accounts []struct {
		Coverage struct{ People int } `json:"coverage"`
	}
	list := run(t, dir, "account", "list", "--json")
	if err := json.Unmarshal([]byte(list.stdout), &accounts); err != nil || len(accounts) != 6 {
		t.Fatalf("account list after generating: %d accounts, %v\n%s", len(accounts), err, list.stdout)
	}
	for _, a := range accounts {
		if a.Coverage.People != 5 {
			t.Errorf("an account has %d people, want 5", a.Coverage.People)
		}
	}
	if p := run(t, dir, "proposal", "list", "--json"); strings.Count(p.stdout, `"title"`) != 4 {
		t.Errorf("proposal list after generating:\n%s", p.stdout)
	}
	again := run(t, dir, "dev", "generate", "--accounts", "1", "--people", "1", "--proposals", "0", dir)
	if again.code == 0 || !strings.Contains(again.stderr, "holds a workspace already") {
		t.Errorf("generating into a workspace: %+v", again)
	}
	if after := run(t, dir, "account", "list", "--json"); after.stdout != list.stdout {
		t.Error("the refused generate changed the workspace")
	}
	for _, c := range []struct{ args, want string }{
		{"--accounts 0", "--accounts"},
		{"--accounts 10 --people 5", "--people"},
		{"--proposals -1", "--proposals"},
	} {
		r := run(t, t.TempDir(), append(append([]string{"dev", "generate"}, strings.Fields(c.args)...), t.TempDir())...)
		if r.code == 0 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("dev generate %s: %+v", c.args, r)
		}
	}
}
