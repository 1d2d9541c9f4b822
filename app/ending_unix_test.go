//go:build unix

package app

import (
	"os"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestSignalsQuitAsTheCloseButtonDoes: SIGTERM and SIGINT sent to the
// process call quit (which asks about unsaved edits) instead of ending
// it; stopped, nothing more comes.
func TestSignalsQuitAsTheCloseButtonDoes(t *testing.T) {
	test.NewTempApp(t)
	called := make(chan struct{}, 4)
	stop := QuitOnSignals(func() { called <- struct{}{} })
	defer stop()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		if err := syscall.Kill(os.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-called:
		case <-time.After(10 * time.Second):
			t.Fatalf("%v did not call quit", sig)
		}
	}
	stop()
	stop()
}
