package cli_test

import (
	"io"
	"os"
	"testing"
)

func TestZZProf(t *testing.T) {
	dir := os.Getenv("ZZWS")
	if dir == "" {
		t.Skip()
	}
	env := testEnv(io.Discard, io.Discard)
	args := []string{"agenda"}
	if os.Getenv("ZZCMD") == "json" {
		args = []string{"person", "list", "--json"}
	}
	if code := runWith(t, env, dir, args...); code != 0 {
		t.Fatal(code)
	}
}
