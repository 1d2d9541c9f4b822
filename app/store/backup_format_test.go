package store_test

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
)

// sameKeys compares two lists of store.KeysOf, naming the first keys
// that differ.
func sameKeys(t *testing.T, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("key %d of %d: got %q, want %q", i, len(want), g, w)
		}
	}
}

// TestBackupV1StillVerifiesAndRestores: backups of version 1, as kamdesk
// wrote them before their body was Badger's backup stream (testdata:
// plain and encrypted, of an invented workspace), verify with their
// manifest and restore every key and value into a new folder, where the
// workspace opens.
func TestBackupV1StillVerifiesAndRestores(t *testing.T) {
	want := strings.Split(strings.TrimSuffix(string(must(os.ReadFile(filepath.Join("testdata", "backup-v1.keys")))), "\n"), "\n")
	records := map[string]int{"account": 2, "person": 6, "team member": 6, "reference": 3, "event": 4, "promise": 2, "section": 40, "proposal": 1}
	for file, pass := range map[string]string{"backup-v1.backup": "", "backup-v1-encrypted.backup": "fixture passphrase"} {
		t.Run(file, func(t *testing.T) {
			path := filepath.Join("testdata", file)
			var passphrase []byte
			if pass != "" {
				passphrase = []byte(pass)
				if _, err := store.VerifyBackup(path, nil); !errors.Is(err, store.ErrPassphraseNeeded) {
					t.Errorf("verify without the passphrase: %v", err)
				}
			}
			r, err := store.VerifyBackup(path, passphrase)
			if err != nil {
				t.Fatal(err)
			}
			if r.Keys != len(want) || !r.Made.Equal(fixedNow) || r.Schema != 4 || r.Encrypted != (pass != "") || !maps.Equal(r.Records, records) {
				t.Errorf("verify: %+v; want %d keys, made %v, schema 4, records %v", r, len(want), fixedNow, records)
			}
			dir := filepath.Join(t.TempDir(), "restored")
			res, err := store.Restore(dir, path, passphrase)
			if err != nil {
				t.Fatal(err)
			}
			if res.Keys != len(want) || res.Aside != "" {
				t.Errorf("restore: %+v", res)
			}
			sameKeys(t, must(store.KeysOf(dir, passphrase)), want)
			s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true, Passphrase: passphrase})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if n := len(must(s.People(""))); n != 6 {
				t.Errorf("the restored workspace lists %d people, want 6", n)
			}
			// Among a workspace's own backups, it is listed and taken.
			os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
			own := filepath.Join(dir, "backups", "kamdesk-20261125-093000.backup")
			os.WriteFile(own, must(os.ReadFile(path)), 0o600)
			list := must(store.Backups(dir))
			if len(list) != 1 || list[0].Path != own || !list[0].Made.Equal(fixedNow) || list[0].Encrypted != (pass != "") {
				t.Errorf("the workspace's backups: %+v", list)
			}
			if b, err := store.LatestGoodBackup(dir, passphrase); err != nil || b.Path != own {
				t.Errorf("its latest good backup: %+v, %v", b, err)
			}
		})
	}
}

// TestBackupRoundTrip: a backup (version 2) of a workspace, restored into
// a new folder, gives back every key with its value; plain and
// encrypted, and made from a workspace open for reading only.
func TestBackupRoundTrip(t *testing.T) {
	for _, pass := range []string{"", "correct horse battery"} {
		t.Run("passphrase "+pass, func(t *testing.T) {
			dir := sampleAt(t, fixedNow)
			var passphrase []byte
			if pass != "" {
				passphrase = []byte(pass)
				if err := store.Encrypt(dir, passphrase); err != nil {
					t.Fatal(err)
				}
			}
			want := must(store.KeysOf(dir, passphrase))
			s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true, ReadOnly: true, Passphrase: passphrase})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "b.backup")
			_, err = s.BackUpTo(path)
			s.Close()
			if err != nil {
				t.Fatal(err)
			}
			if data := must(os.ReadFile(path)); !bytes.HasPrefix(data, []byte("kamdesk backup 2\n")) {
				t.Fatalf("the backup starts %q", data[:20])
			} else if pass != "" && bytes.Contains(data, []byte("Northbridge")) {
				t.Error("the encrypted backup shows an account's name")
			}
			r, err := store.VerifyBackup(path, passphrase)
			if err != nil || r.Keys != len(want) || r.Records["account"] != 6 || r.Records["person"] != 32 {
				t.Errorf("verify: %+v, %v; want %d keys, 6 accounts, 32 people", r, err, len(want))
			}
			other := filepath.Join(t.TempDir(), "restored")
			if _, err := store.Restore(other, path, passphrase); err != nil {
				t.Fatal(err)
			}
			if store.Encrypted(other) != (pass != "") {
				t.Errorf("the restored workspace is encrypted: %v", store.Encrypted(other))
			}
			sameKeys(t, must(store.KeysOf(other, passphrase)), want)
		})
	}
}
