// Command kamdesk is the desk of a key account manager: dossiers on key
// accounts and their decision-making groups, and commercial proposals
// tailored to each stakeholder. Without a command it opens the desktop app;
// with one it runs headless (see kamdesk --help).
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	fyneapp "fyne.io/fyne/v2/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kamdesk/app"
	"kamdesk/app/catalog"
	"kamdesk/app/cli"
	"kamdesk/app/quiet"
	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/assets"
)

func main() {
	quiet.Restore()
	quiet.PlainLocale()
	if err := catalog.Load(); err != nil {
		fmt.Fprintln(os.Stderr, "kamdesk: translations:", err)
	}
	g, rest, err := cli.ParseGlobal(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, cli.TerminalText(err.Error()))
		os.Exit(cli.ExitUsage)
	}
	if len(rest) > 0 || g.Help || g.Version {
		os.Exit(cli.Run(g, rest, cli.SystemEnv()))
	}
	os.Exit(desktop(g.DataDir, g.Place))
}

// desktop opens the workspace and runs the desktop app until its window
// closes.
func desktop(dir, place string) int {
	st, err := store.Open(dir, store.Options{})
	if errors.Is(err, store.ErrLocked) {
		fmt.Fprintln(os.Stderr, cli.TerminalText(err.Error()))
		return cli.ExitFail // the other kamdesk is on screen already
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()

	a := fyneapp.NewWithID("app.kamdesk.desktop")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("kamdesk")
	// Files are opened from one folder in the workspace, emptied at the
	// start (what a crash left) and when the window closes.
	var view *ui.ViewFolder
	defer func() {
		if view != nil {
			view.Empty()
		}
	}()
	start := func() {
		var verr error
		if view, verr = ui.OpenViewFolder(filepath.Join(st.Dir(), "open")); verr != nil {
			fmt.Fprintln(os.Stderr, "kamdesk:", cli.TerminalText(verr.Error()))
			view = nil
		}
		reopen := func(passphrase []byte) (app.Workspace, error) {
			next, err := store.Open(dir, store.Options{Passphrase: passphrase})
			if err != nil {
				return nil, err
			}
			st = next
			return next, nil
		}
		quit := func() { app.CloseWindow(w, a.Preferences()) }
		desk := app.NewDesk(w, st, a.Preferences(), app.Options{Sample: assets.Sample, OpenURL: a.OpenURL,
			StartAt: place, Viewer: view, Quit: quit, Reopen: reopen})
		w.SetContent(desk.Content())
		w.SetMainMenu(desk.MainMenu())
		desk.InstallShortcuts()
		app.RestoreWindow(w, a.Preferences(), desk.Quit) // the close button asks too
		desk.Start()
	}
	w.SetMaster()
	switch {
	case errors.Is(err, store.ErrPassphraseNeeded):
		w.SetContent(app.PassphrasePrompt(dir, func(passphrase []byte) error {
			next, err := store.Open(dir, store.Options{Passphrase: passphrase})
			if err != nil {
				return err
			}
			st = next
			start()
			return nil
		}, a.Quit))
		w.Resize(fyne.NewSize(640, 260))
	case err != nil:
		// Started from a desktop menu nobody reads stderr: say it in a window.
		fmt.Fprintln(os.Stderr, cli.TerminalText(err.Error()))
		st = nil
		failed := true
		w.SetContent(app.OpenFailure(err, dir, a.Quit, func(passphrase []byte) error {
			b, ok := store.LatestBackup(dir)
			if !ok {
				return errors.New(lang.L("the backup is gone"))
			}
			if _, err := store.Restore(dir, b.Path, passphrase); err != nil {
				return err
			}
			next, err := store.Open(dir, store.Options{Passphrase: passphrase})
			if err != nil {
				return err
			}
			st, failed = next, false
			start()
			return nil
		}))
		w.Resize(fyne.NewSize(640, 240))
		w.ShowAndRun()
		if failed {
			return cli.ExitFail
		}
		return cli.ExitOK
	default:
		start()
	}
	w.ShowAndRun()
	return cli.ExitOK
}
