package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kamdesk/app/ui/uitest"
)

// TestHandoverFromTheDesk: File → Export account… on a dossier writes the
// account's bundle and says what it holds; File → Import bundle… on
// another workspace shows what is new and imports it with Import; a
// bundle that differs offers Keep mine and Take theirs, and Cancel
// writes nothing.
func TestHandoverFromTheDesk(t *testing.T) {
	d, w, _ := testDesk(t, true)
	var labels []string
	for _, m := range d.MainMenu().Items {
		for _, it := range m.Items {
			labels = append(labels, it.Label)
		}
	}
	if got := strings.Join(labels, "|"); !strings.Contains(got, "Export account…") || !strings.Contains(got, "Import bundle…") || !strings.Contains(got, "Import accounts…") {
		t.Fatalf("the menus have %s", got)
	}
	d.onExportAccount()
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Open the dossier") {
		t.Errorf("export away from a dossier says %q", got)
	}
	w.Canvas().Overlays().Top().Hide()
	path := filepath.Join(t.TempDir(), "northbridge.kamdesk")
	d.exportAccount("northbridge", path)
	if got := uitest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, "Wrote "+path+": Northbridge") {
		t.Fatalf("after the export the window says %q", got)
	}

	d2, w2, st2 := testDesk(t, false)
	d2.importBundle(path)
	top := w2.Canvas().Overlays().Top()
	if got := uitest.Texts(top); !strings.Contains(got, "New: 37.") || uitest.FindButton(top, "Take theirs") != nil {
		t.Fatalf("the import into an empty workspace shows %q", got)
	}
	test.Tap(uitest.Button(t, top, "Import"))
	if got := uitest.Texts(w2.Canvas().Overlays().Top()); !strings.Contains(got, "Imported: 37 added, 0 replaced.") {
		t.Fatalf("after Import the window says %q", got)
	}
	p, err := st2.Person("northbridge-anna-keller")
	if err != nil {
		t.Fatal(err)
	}
	p.Position = "Head of Handovers"
	if err := st2.SavePerson(&p); err != nil {
		t.Fatal(err)
	}
	d2.importBundle(path)
	top = w2.Canvas().Overlays().Top()
	if got := uitest.Texts(top); !strings.Contains(got, "position: Head of Handovers → ") {
		t.Fatalf("a bundle that differs shows %q", got)
	}
	test.Tap(uitest.Button(t, top, "Cancel"))
	if q, _ := st2.Person(p.ID); q.Position != "Head of Handovers" {
		t.Errorf("Cancel changed the person: %q", q.Position)
	}
	d2.importBundle(path)
	test.Tap(uitest.Button(t, w2.Canvas().Overlays().Top(), "Take theirs"))
	if q, _ := st2.Person(p.ID); q.Position == "Head of Handovers" {
		t.Error("Take theirs kept the workspace's person")
	}
}
