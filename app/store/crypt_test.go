package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// sampleTexts are texts of the sample workspace that an encrypted
// workspace's files must not show.
var sampleTexts = []string{"Northbridge Build Group", "Anna Keller", "Castellan", "Factory-commissioned", "veldmark.example"}

func sampleWorkspace(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(dir, store.Plain(store.Options{NoGC: true, Now: func() time.Time { return fixedNow }}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return dir
}

// readable lists the sample texts found in any file under dir.
func readable(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		for _, s := range sampleTexts {
			if bytes.Contains(b, []byte(s)) {
				out = append(out, s+" in "+path[len(dir):])
			}
		}
		return nil
	})
	return out
}

func openWith(dir, passphrase string) (*store.Store, error) {
	o := store.Options{NoGC: true}
	if passphrase != "" {
		o.Passphrase = []byte(passphrase)
	}
	return store.Open(dir, o)
}

func counts(t *testing.T, s *store.Store) [3]int {
	t.Helper()
	return [3]int{len(must(s.Accounts())), len(must(s.People(""))), len(must(s.Proposals("")))}
}

// TestEncryptedWorkspace: encrypting hides every text of the sample from
// the files; the workspace then opens only with its passphrase, with all
// its data; the passphrase can change; decrypting brings it back.
func TestEncryptedWorkspace(t *testing.T) {
	dir := sampleWorkspace(t)
	if got := readable(t, dir); len(got) == 0 {
		t.Fatal("the plain workspace shows none of the sample's texts: the search cannot tell")
	}
	plain, _ := openWith(dir, "")
	want := counts(t, plain)
	plain.Close()

	if err := store.Encrypt(dir, []byte("short")); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("a 5-character passphrase: %v", err)
	}
	if err := store.Encrypt(dir, []byte("correct horse battery")); err != nil {
		t.Fatal(err)
	}
	if got := readable(t, dir); len(got) > 0 {
		t.Errorf("the encrypted workspace shows: %q", got)
	}
	if _, err := openWith(dir, ""); !errors.Is(err, store.ErrPassphraseNeeded) {
		t.Errorf("open without the passphrase: %v", err)
	}
	if _, err := openWith(dir, "wrong horse battery"); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("open with a wrong passphrase: %v", err)
	}
	s, err := openWith(dir, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(t, s); got != want || !s.Encrypted() {
		t.Errorf("encrypted: %v records, encrypted %v; want %v", got, s.Encrypted(), want)
	}
	p := must(s.Proposal("prop-northbridge-modular-controls"))
	last, _ := p.LastSending()
	if _, err := s.Snapshot(p.ID, last.ID); err != nil {
		t.Errorf("the sent copy: %v", err)
	}
	s.Close()

	if err := store.ChangePassphrase(dir, []byte("wrong horse battery"), []byte("new staple phrase")); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("changing with a wrong passphrase: %v", err)
	}
	if err := store.ChangePassphrase(dir, []byte("correct horse battery"), []byte("new staple phrase")); err != nil {
		t.Fatal(err)
	}
	if _, err := openWith(dir, "correct horse battery"); !errors.Is(err, store.ErrWrongPassphrase) {
		t.Errorf("the old passphrase still opens it: %v", err)
	}
	s, err = openWith(dir, "new staple phrase")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	if err := store.Decrypt(dir, []byte("new staple phrase")); err != nil {
		t.Fatal(err)
	}
	s, err = openWith(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := counts(t, s); got != want || s.Encrypted() {
		t.Errorf("decrypted: %v records, encrypted %v", got, s.Encrypted())
	}
	s.Close()
}

// TestEncryptionSurvivesACrash: a crash after the encrypted copy is
// written leaves a workspace that the next open finishes encrypting.
func TestEncryptionSurvivesACrash(t *testing.T) {
	dir := sampleWorkspace(t)
	restore := store.CrashBeforeSwap()
	err := store.Encrypt(dir, []byte("correct horse battery"))
	restore()
	if err == nil {
		t.Fatal("the crash did not happen")
	}
	s, err := openWith(dir, "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if len(must(s.Accounts())) == 0 || !s.Encrypted() {
		t.Error("the finished workspace is empty or not encrypted")
	}
	s.Close()
	if got := readable(t, dir); len(got) > 0 {
		t.Errorf("after finishing, the workspace shows: %q", got)
	}
}
