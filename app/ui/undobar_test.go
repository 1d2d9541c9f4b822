package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

type labelScreen struct{ text string }

func (s labelScreen) Content() fyne.CanvasObject { return widget.NewLabel(s.text) }

// undoFrame is a frame of two screens whose expiring work is kept in
// timers, to be run when the test says.
func undoFrame(t *testing.T) (*Frame, *[]func(), *[]time.Duration) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	var timers []func()
	var waits []time.Duration
	screens := map[string]Maker{
		"a": func(string) (Screen, error) { return labelScreen{"a"}, nil },
		"b": func(string) (Screen, error) { return labelScreen{"b"}, nil },
	}
	f := NewFrame(w, screens, Options{
		Defer: func(g func()) { g() }, After: func(_ time.Duration, g func()) { g() },
		Background: func(work, done func()) { work(); done() },
		Expire:     func(d time.Duration, g func()) { timers = append(timers, g); waits = append(waits, d) },
	})
	w.SetContent(f.Body())
	f.Open(Place{Screen: "a"})
	return f, &timers, &waits
}

// fire runs the timers set so far, as their time running out would.
func fire(timers *[]func()) {
	ts := *timers
	*timers = nil
	for _, g := range ts {
		g()
	}
}

// TestUndoBarGoesAwayByItself: the undo bar of a deletion goes after ten
// seconds; not while the pointer is on it or on its Undo button, and an
// older bar's time running out does not close a newer one.
func TestUndoBarGoesAwayByItself(t *testing.T) {
	f, timers, waits := undoFrame(t)
	f.Deleted("account", "Northbridge", func() error { return nil })
	if len(f.banner.Objects) != 1 || len(*timers) != 1 || (*waits)[0] != 10*time.Second {
		t.Fatalf("after a deletion: %d bars, %d timers (%v); want a bar that goes after 10 s", len(f.banner.Objects), len(*timers), *waits)
	}
	bar := f.banner.Objects[0].(*undoBar)
	undo := findBarButton(t, bar, "Undo")
	bar.MouseIn(&desktop.MouseEvent{}) // the pointer goes over the bar onto its Undo button
	bar.MouseOut()
	undo.MouseIn(&desktop.MouseEvent{})
	fire(timers)
	if len(f.banner.Objects) != 1 || len(*timers) != 1 {
		t.Fatalf("the bar went away under the pointer (bars %d, timers %d)", len(f.banner.Objects), len(*timers))
	}
	undo.MouseOut()
	fire(timers)
	if len(f.banner.Objects) != 0 {
		t.Error("the bar stays after its time ran out with the pointer away")
	}

	// A second deletion's bar outlives the first one's timer.
	f.Deleted("account", "Castellan", func() error { return nil })
	first := *timers
	*timers = nil
	f.Deleted("account", "Meridian", func() error { return nil })
	for _, g := range first {
		g()
	}
	if len(f.banner.Objects) != 1 {
		t.Error("the first bar's time running out closed the second bar")
	}
	fire(timers)
	if len(f.banner.Objects) != 0 {
		t.Error("the second bar stays after its own time ran out")
	}
}

func findBarButton(t *testing.T, bar *undoBar, text string) *barButton {
	t.Helper()
	for _, o := range test.LaidOutObjects(bar.content) {
		if b, ok := o.(*barButton); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button in the undo bar", text)
	return nil
}
