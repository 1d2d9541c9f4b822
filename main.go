// Command kamdesk is the desk of a key account manager: dossiers on key
// accounts and their decision-making groups, and commercial proposals
// tailored to each stakeholder. Without a command it opens the desktop app;
// with one it runs headless (see kamdesk --help).
package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app"
	"kamdesk/app/cli"
	"kamdesk/app/i18n"
	"kamdesk/app/i18n/fynelang"
	"kamdesk/app/i18n/quiet"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/assets"
)

func main() {
	quiet.Restore()
	i18n.PlainLocale()
	g, code, ran := cli.Command(os.Args[1:])
	if ran {
		os.Exit(code)
	}
	os.Exit(desktop(g.DataDir, g.Place, g.Lang))
}

// desktop runs the desktop app until its window closes, in language (--lang
// or $KAMDESK_LANG) when one is given. The window is
// drawn at once, saying the workspace is being opened: checking a big
// workspace for damage takes seconds (store.Open), and a window that does
// not appear looks like a program that did not start.
func desktop(dir, place, language string) int {
	a := fyneapp.NewWithID("app.kamdesk.desktop")
	// The language: --lang or $KAMDESK_LANG (set already), else the one
	// chosen in the desk (File → Language…), else the system's.
	if chosen := a.Preferences().String(app.LanguagePreference); language == "" && i18n.Speaks(chosen) {
		i18n.SetLanguage(chosen)
	}
	if err := fynelang.Load(); err != nil {
		fmt.Fprintln(os.Stderr, "kamdesk: translations:", err)
	}
	a.Settings().SetTheme(ui.Theme{})
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("kamdesk")
	w.SetMaster()
	opening, stopOpening := app.Opening(dir)
	w.SetContent(opening)
	w.Resize(fyne.NewSize(640, 240))

	var (
		mu    sync.Mutex // guards st: the opening goroutine sets it too
		st    *store.Store
		view  *ui.ViewFolder
		front func()       // stops answering other kamdesks started on the workspace
		code  atomic.Int32 // cli.ExitOK until the workspace cannot be opened
	)
	setStore := func(next *store.Store) {
		mu.Lock()
		st = next
		mu.Unlock()
	}
	opened := make(chan struct{})
	// What ends the desktop, once: after Run returns, or when Run does not
	// return after the window closed or the app was told to quit
	// (app.Ending: Fyne can hang there).
	var endOnce sync.Once
	end := func() {
		<-opened
		endOnce.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if st != nil {
				st.Close()
			}
			if view != nil {
				view.Empty()
			}
			if front != nil {
				front()
			}
		})
	}
	ending := app.NewEnding(endGrace, func() {
		end()
		fmt.Fprintln(os.Stderr, cli.TerminalText(lang.L("kamdesk: the window closed but the app did not end by itself; the workspace was closed properly")))
		os.Exit(int(code.Load()))
	})
	w.SetOnClosed(ending.Begin)
	quit := func() {
		ending.Begin()
		a.Quit()
	}
	// Until the desk is shown (the workspace opening, a passphrase asked,
	// an open that failed), SIGINT and SIGTERM end the app through Fyne's
	// own handler; once it is, they ask about unsaved edits as the close
	// button does (app.QuitOnSignals in shown) and end it by closing the
	// window.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		if _, ok := <-signals; ok {
			ending.Begin()
		}
	}()
	go func() {
		defer close(opened)
		first, err := store.Open(dir, store.Options{})
		setStore(first)
		fyne.Do(func() {
			stopOpening()
			shown(a, w, dir, place, first, err, setStore, quit, &view, &front, &code)
		})
	}()
	w.ShowAndRun()
	ending.Ended()
	signal.Stop(signals)
	end()
	return int(code.Load())
}

// endGrace is how long the desktop waits for Fyne's Run to return once it
// is ending before it closes the workspace and exits itself (Run returns
// within milliseconds when it does).
const endGrace = 5 * time.Second

// shown puts the desk on the window once the workspace is open, or asks
// for its passphrase, or says why it cannot be opened, setting the exit
// status. setStore records each store opened, for closing at the end.
func shown(a fyne.App, w fyne.Window, dir, place string, st *store.Store, err error, setStore func(*store.Store), quitApp func(), view **ui.ViewFolder, stopFront *func(), code *atomic.Int32) {
	if errors.Is(err, store.ErrLocked) && app.AskFront(dir) == nil {
		fmt.Fprintln(os.Stderr, cli.TerminalText(lang.L("kamdesk is already open on {{.Dir}}: its window is brought to the front.", map[string]any{"Dir": dir})))
		quitApp() // the other kamdesk's window is on top now
		return
	}
	// Files are opened from one folder in the workspace, emptied at the
	// start (what a crash left) and when the window closes.
	start := func() {
		var verr error
		if *view, verr = ui.OpenViewFolder(filepath.Join(st.Dir(), "open")); verr != nil {
			fmt.Fprintln(os.Stderr, "kamdesk:", cli.TerminalText(verr.Error()))
			*view = nil
		}
		reopen := func(passphrase []byte) (app.Workspace, error) {
			next, err := store.Open(dir, store.Options{Passphrase: passphrase})
			if err != nil {
				return nil, err
			}
			st = next
			setStore(next)
			return next, nil
		}
		quit := func() { app.CloseWindow(w, a.Preferences()) }
		desk := app.NewDesk(w, st, a.Preferences(), app.Options{Sample: assets.Sample, OpenURL: a.OpenURL,
			StartAt: place, Viewer: *view, Quit: quit, Reopen: reopen, Version: cli.Version, Dir: dir})
		w.SetContent(desk.Content())
		w.SetMainMenu(desk.MainMenu())
		// Another kamdesk started on this workspace brings this window
		// to the front; without the socket (a path too long for one) it
		// says in its own window that the workspace is open.
		if stop, ferr := app.ListenFront(st.Dir(), func() { fyne.Do(func() { w.Show(); w.RequestFocus() }) }); ferr == nil {
			*stopFront = stop
		} else {
			fmt.Fprintln(os.Stderr, "kamdesk:", cli.TerminalText(ferr.Error()))
		}
		desk.InstallShortcuts()
		app.RestoreWindow(w, a.Preferences(), desk.Quit) // the close button asks too
		app.QuitOnSignals(desk.Quit)                     // and Ctrl+C, kill
		w.CenterOnScreen()                               // it grew from the opening message
		desk.Start()
	}
	switch {
	case errors.Is(err, store.ErrPassphraseNeeded):
		w.SetContent(app.PassphrasePrompt(dir, func(passphrase []byte) error {
			next, err := store.Open(dir, store.Options{Passphrase: passphrase})
			if err != nil {
				return err
			}
			st = next
			setStore(next)
			start()
			return nil
		}, quitApp))
		w.Resize(fyne.NewSize(640, 260))
	case err != nil:
		// Started from a desktop menu nobody reads stderr: say it in a window.
		fmt.Fprintln(os.Stderr, cli.TerminalText(err.Error()))
		st = nil
		code.Store(cli.ExitFail)
		w.SetContent(app.OpenFailure(err, dir, quitApp, func(passphrase []byte) error {
			b, err := store.LatestGoodBackup(dir, passphrase)
			if err != nil {
				return err
			}
			if _, err := store.Restore(dir, b.Path, passphrase); err != nil {
				return err
			}
			next, err := store.Open(dir, store.Options{Passphrase: passphrase})
			if err != nil {
				return err
			}
			st = next
			code.Store(cli.ExitOK)
			setStore(next)
			start()
			return nil
		}))
		w.Resize(fyne.NewSize(640, 240))
	default:
		start()
	}
}
