package agenda

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/emersion/go-ical"

	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// TestAgendaExportsToCalendar: Export to calendar… asks where to save,
// and writes what the agenda shows (the kinds chosen, the period) with
// every birthday, as yearly events, in the background.
func TestAgendaExportsToCalendar(t *testing.T) {
	f, w, st := agendaFrame(t, nil)
	s := openAgenda(t, f)
	before := uitest.Overlays(w)
	test.Tap(uitest.Button(t, w.Content(), "Export to calendar…"))
	if uitest.Overlays(w) != before+1 {
		t.Fatal("Export to calendar… asks nowhere to save")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	// Contacts hidden: they stay out of the file.
	for _, c := range s.checks {
		if c.Text == "Contacts" {
			test.Tap(c)
		}
	}
	file := filepath.Join(t.TempDir(), "agenda.ics")
	if err := os.WriteFile(file, []byte("an older export"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := false
	s.writeCalendar(file, func() { done = true })
	if !done || s.exported != file {
		t.Fatalf("the export did not finish (done %v, exported %q)", done, s.exported)
	}
	_, said := uitest.Dialog(t, w)
	r, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cal, err := ical.NewDecoder(r).Decode()
	if err != nil {
		t.Fatalf("the file does not decode: %v", err)
	}
	kinds := map[string]int{}
	uids := map[string]bool{}
	for _, ev := range cal.Events() {
		uid, _ := ev.Props.Text(ical.PropUID)
		uids[uid] = true
		kind, _, _ := strings.Cut(uid, "-")
		kinds[kind]++
	}
	if !strings.Contains(said, "Wrote") || !strings.Contains(said, file) {
		t.Errorf("after the export the desk says %q", said)
	}
	if kinds["contact"] != 0 || kinds["promise"] == 0 {
		t.Errorf("the file holds %v: contacts were hidden, promises shown", kinds)
	}
	people, err := st.PeopleSummariesOf("")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if !p.Birthday.IsZero() && !uids["birthday-"+p.ID+"@kamdesk"] {
			t.Errorf("no birthday of %s (%s), %d days away", p.ID, p.Birthday, p.Birthday.DaysUntil(uitest.Today))
		}
	}
	shown := 0
	for _, it := range s.shown() {
		if it.Kind != dossier.AgendaBirthday {
			shown++
		}
	}
	if got := len(uids) - kinds["birthday"]; got != shown {
		t.Errorf("%d events besides the birthdays, the agenda shows %d items", got, shown)
	}
}
