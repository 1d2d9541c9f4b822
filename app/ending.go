package app

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
)

// An Ending makes sure the desktop process ends once it is ending (its
// window closed, the app told to quit, a signal to end), even when Fyne's
// Run does not return.
//
// Fyne 2.7.1 can fail to return from Run at all: at the end of its run
// loop it empties the queue of functions waiting for the main goroutine
// and closes it, while its lifecycle's event goroutine may be putting one
// in; that one then waits for good, and Run waits for it (seen once under
// Xvfb on 2026-12-02, the window gone, the process holding the workspace's
// lock and the store open, so that the next start found the workspace
// "already open"; glfw/loop.go runGL and runOnMainWithWait). Begin starts
// the watch; Ended says Run returned. When Run has not returned grace
// after Begin, stuck is called (main closes the workspace, as it does
// after Run, and exits).
type Ending struct {
	grace time.Duration
	stuck func()
	begin sync.Once
	end   sync.Once
	ended chan struct{}
}

// NewEnding returns an Ending that calls stuck, on a goroutine of its
// own, when Run has not returned grace after Begin.
func NewEnding(grace time.Duration, stuck func()) *Ending {
	return &Ending{grace: grace, stuck: stuck, ended: make(chan struct{})}
}

// Begin starts the watch, once however often it is called.
func (e *Ending) Begin() {
	e.begin.Do(func() {
		go func() {
			t := time.NewTimer(e.grace)
			defer t.Stop()
			select {
			case <-e.ended:
			case <-t.C:
				e.stuck()
			}
		}()
	})
}

// Ended says Run returned: stuck is not called.
func (e *Ending) Ended() { e.end.Do(func() { close(e.ended) }) }

// QuitOnSignals makes SIGINT (Ctrl+C in the terminal that started
// kamdesk) and SIGTERM (kill, the end of a session) call quit on the UI
// goroutine, as the window's close button does: unsaved edits are asked
// about (Save, Discard, Cancel) instead of lost. Fyne's Run registers a
// handler of its own that ends the app at once, with no question; it is
// reset here, so QuitOnSignals is called once Run has started (main
// calls it when the desk is shown). It returns a function that stops
// the signals coming here.
func QuitOnSignals(quit func()) (stop func()) {
	signal.Reset(syscall.SIGINT, syscall.SIGTERM)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				fyne.Do(quit)
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(ch)
			close(done)
		})
	}
}
