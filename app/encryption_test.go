package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui/uitest"
)

// TestEncryptionFromTheDesktop: File → Encryption… encrypts the open
// workspace, the desk goes on with it opened again, the passphrase
// changes and the encryption goes; mistakes are said in the dialog.
func TestEncryptionFromTheDesktop(t *testing.T) {
	d, _, st := testDesk(t, true)
	dir := st.Dir()
	var current *store.Store = st
	d.opts.Reopen = func(p []byte) (Workspace, error) {
		s, err := store.Open(dir, store.Options{NoGC: true, Passphrase: p,
			Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }})
		if err != nil {
			return nil, err
		}
		current = s
		t.Cleanup(func() { s.Close() })
		return s, nil
	}
	d.Show(Place{Screen: "accounts"})

	f := d.showEncryption(st)
	test.Type(f.new1, "short")
	test.Type(f.new2, "short")
	test.Tap(f.encrypt)
	if f.msg.Text != "The passphrase needs at least 8 characters." || store.Encrypted(dir) {
		t.Fatalf("a short passphrase: %q, encrypted %v", f.msg.Text, store.Encrypted(dir))
	}
	f.new1.SetText("correct horse battery")
	f.new2.SetText("correct horse battery")
	test.Tap(f.encrypt)
	if !store.Encrypted(dir) || !current.Encrypted() || d.ws != Workspace(current) {
		t.Fatalf("after Encrypt: encrypted %v, desk on the reopened store %v", store.Encrypted(dir), d.ws == Workspace(current))
	}
	if accts, err := d.ws.Accounts(); err != nil || len(accts) == 0 {
		t.Errorf("the reopened workspace: %d accounts, %v", len(accts), err)
	}

	f = d.showEncryption(current)
	f.old.SetText("wrong horse battery")
	test.Tap(f.decrypt)
	if f.msg.Text == "" || !store.Encrypted(dir) {
		t.Errorf("a wrong passphrase: %q, encrypted %v", f.msg.Text, store.Encrypted(dir))
	}
	if _, err := d.ws.Accounts(); err != nil {
		t.Errorf("after a wrong passphrase the desk's workspace is not open: %v", err)
	}
	f.old.SetText("correct horse battery")
	test.Tap(f.decrypt)
	if store.Encrypted(dir) || current.Encrypted() {
		t.Error("Remove encryption left it encrypted")
	}
}

// TestPassphrasePrompt: the start of an encrypted workspace asks until
// the passphrase opens it, saying when it is wrong.
func TestPassphrasePrompt(t *testing.T) {
	test.NewTempApp(t)
	var tried []string
	opened := false
	c := PassphrasePrompt("/data/kamdesk", func(p []byte) error {
		tried = append(tried, string(p))
		if string(p) != "correct horse battery" {
			return store.ErrWrongPassphrase
		}
		opened = true
		return nil
	}, func() {})
	w := test.NewTempWindow(t, c)
	var pass *widget.Entry
	for _, o := range test.LaidOutObjects(c) {
		if e, ok := o.(*widget.Entry); ok {
			pass = e
		}
	}
	test.Type(pass, "wrong")
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened || !strings.Contains(uitest.Visible(c), "passphrase is wrong") || pass.Text != "" {
		t.Errorf("a wrong passphrase: opened %v, shown %q", opened, uitest.Visible(c))
	}
	test.Type(pass, "correct horse battery")
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !opened || len(tried) != 2 {
		t.Errorf("the right passphrase: opened %v after %q", opened, tried)
	}
	_ = w
}
