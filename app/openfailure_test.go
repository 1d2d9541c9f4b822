package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// damagedWithBackup is a workspace holding the sample, backed up, then
// damaged (its MANIFEST gone), and the error of opening it.
func damagedWithBackup(t *testing.T, passphrase string) (string, error) {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(dir, store.Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadSample(assets.Sample, testToday, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if passphrase != "" {
		if err := store.Encrypt(dir, []byte(passphrase)); err != nil {
			t.Fatal(err)
		}
	}
	s, err = store.Open(dir, store.Options{NoGC: true, Passphrase: []byte(passphrase)})
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // the backup is made before Close returns
	if _, ok := store.LatestBackup(dir); !ok {
		t.Fatal("no backup")
	}
	os.Remove(filepath.Join(dir, "db", "MANIFEST"))
	_, err = store.Open(dir, store.Options{NoGC: true, Passphrase: []byte(passphrase)})
	if !errors.Is(err, dossier.ErrDamaged) {
		t.Fatalf("open of the damaged workspace: %v", err)
	}
	return dir, err
}

func failureTexts(w fyne.Window) string {
	var texts []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			texts = append(texts, l.Text)
		}
	}
	return strings.Join(texts, "\n")
}

func failureButton(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == label && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q:\n%s", label, failureTexts(w))
	return nil
}

// TestOpenFailureOffersBackup: a damaged workspace with a backup is
// offered the backup; Restore the backup puts it in place and opens the
// workspace, with every account.
func TestOpenFailureOffersBackup(t *testing.T) {
	test.NewTempApp(t)
	dir, openErr := damagedWithBackup(t, "")
	var opened *store.Store
	restore := func(p []byte) error {
		b, _ := store.LatestBackup(dir)
		if _, err := store.Restore(dir, b.Path, p); err != nil {
			return err
		}
		s, err := store.Open(dir, store.Options{NoGC: true, Passphrase: p})
		opened = s
		return err
	}
	w := test.NewTempWindow(t, OpenFailure(openErr, dir, func() {}, restore))
	w.Resize(fyne.NewSize(640, 300))
	all := failureTexts(w)
	for _, want := range []string{"is damaged", "latest automatic backup, made", "kept aside"} {
		if !strings.Contains(all, want) {
			t.Errorf("the failure window lacks %q:\n%s", want, all)
		}
	}
	test.Tap(failureButton(t, w, "Restore the backup"))
	if opened == nil {
		t.Fatalf("the workspace did not open after the restore:\n%s", failureTexts(w))
	}
	defer opened.Close()
	if accts, err := opened.Accounts(); err != nil || len(accts) != 6 {
		n := len(accts)
		t.Errorf("after the restore: %d accounts, want the sample's 6", n)
	}
}

// TestOpenFailureEncryptedBackup: an encrypted backup asks for its
// passphrase; a wrong one says so and leaves the workspace as it was.
func TestOpenFailureEncryptedBackup(t *testing.T) {
	test.NewTempApp(t)
	const pass = "correct horse battery"
	dir, openErr := damagedWithBackup(t, pass)
	restored := false
	restore := func(p []byte) error {
		b, _ := store.LatestBackup(dir)
		_, err := store.Restore(dir, b.Path, p)
		restored = err == nil
		return err
	}
	w := test.NewTempWindow(t, OpenFailure(openErr, dir, func() {}, restore))
	w.Resize(fyne.NewSize(640, 320))
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(w.Content()) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			entry = e
		}
	}
	if entry == nil {
		t.Fatal("no passphrase field for an encrypted backup")
	}
	test.Type(entry, "not the passphrase")
	test.Tap(failureButton(t, w, "Restore the backup"))
	if restored || !strings.Contains(failureTexts(w), "passphrase is wrong") {
		t.Errorf("a wrong passphrase: restored %v, window says:\n%s", restored, failureTexts(w))
	}
	if aside, _ := filepath.Glob(filepath.Join(dir, "replaced-*")); len(aside) > 0 {
		t.Errorf("a refused restore moved the workspace: %v", aside)
	}
	test.Type(entry, pass)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !restored {
		t.Errorf("the right passphrase did not restore:\n%s", failureTexts(w))
	}
}
