package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEncryptCommands: encrypt with a passphrase file; every command then
// needs the passphrase (flag or environment) and says so without it; the
// passphrase changes; decrypt brings the workspace back.
func TestEncryptCommands(t *testing.T) {
	dir := t.TempDir()
	mustRun(t, dir, "demo")
	keys := t.TempDir()
	first, second := filepath.Join(keys, "first"), filepath.Join(keys, "second")
	os.WriteFile(first, []byte("correct horse battery\n"), 0o600)
	os.WriteFile(second, []byte("new staple phrase\n"), 0o600)

	out := mustRun(t, dir, "--passphrase-file", first, "encrypt")
	if !strings.Contains(out, "is encrypted") {
		t.Errorf("encrypt printed %q", out)
	}
	r := run(t, dir, "account", "list")
	if r.code != 1 || !strings.Contains(r.stderr, "--passphrase-file") {
		t.Errorf("a command without the passphrase: exit %d, %q", r.code, r.stderr)
	}
	if !strings.Contains(mustRun(t, dir, "--passphrase-file", first, "account", "list"), "Northbridge") {
		t.Error("the encrypted workspace does not list its accounts")
	}
	r = run(t, dir, "--passphrase-file", second, "account", "list")
	if r.code != 1 || !strings.Contains(r.stderr, "passphrase is wrong") {
		t.Errorf("a wrong passphrase: exit %d, %q", r.code, r.stderr)
	}
	mustRun(t, dir, "--passphrase-file", first, "passphrase", "change", "--new-passphrase-file", second)
	if !strings.Contains(mustRun(t, dir, "--passphrase-file", second, "account", "list"), "Northbridge") {
		t.Error("the new passphrase does not open it")
	}
	mustRun(t, dir, "--passphrase-file", second, "decrypt")
	if !strings.Contains(mustRun(t, dir, "account", "list"), "Northbridge") {
		t.Error("the decrypted workspace does not list its accounts")
	}
}
