package app

import (
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/app/store"
	"kamdesk/app/ui/uitest"
)

// TestBackUpFromTheDesk: File → Back up… writes a backup of the open
// workspace, in use, where the user chose, in the background, and says
// where; the backup reads back whole with the workspace's records.
func TestBackUpFromTheDesk(t *testing.T) {
	d, w, _ := testDesk(t, true)
	found := false
	for _, m := range d.MainMenu().Items {
		for _, it := range m.Items {
			found = found || it.Label == "Back up…"
		}
	}
	if !found {
		t.Fatal("the menus have no Back up…")
	}
	path := filepath.Join(t.TempDir(), "kamdesk 2026-11-25.backup")
	d.backUpTo(path)
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Backed up to "+path) {
		t.Errorf("after the backup the window says %q", got)
	}
	r, err := store.VerifyBackup(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Records["account"] != 6 || r.Records["proposal"] != 4 {
		t.Errorf("the backup holds %v", r.Records)
	}
	d.backUpTo(filepath.Join(t.TempDir(), "no such folder", "x.backup"))
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "no such folder") {
		t.Errorf("a backup into a missing folder says %q", got)
	}
}
