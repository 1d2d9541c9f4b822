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

	"kamdesk/app"
	"kamdesk/app/catalog"
	"kamdesk/app/cli"
	"kamdesk/app/quiet"
	"kamdesk/app/store"
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
	if err != nil {
		fmt.Fprintln(os.Stderr, cli.TerminalText(err.Error()))
		if errors.Is(err, store.ErrLocked) {
			return cli.ExitFail // the other kamdesk is on screen already
		}
	} else {
		defer st.Close()
	}

	a := fyneapp.NewWithID("app.kamdesk.desktop")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow("kamdesk")
	if err != nil {
		// Started from a desktop menu nobody reads stderr: say it in a window.
		w.SetContent(app.OpenFailure(err, dir, a.Quit))
		w.Resize(fyne.NewSize(640, 240))
		w.ShowAndRun()
		return cli.ExitFail
	}
	// Files are opened from one folder in the workspace, emptied now (what
	// a crash left) and when the window closes.
	view, err := app.OpenViewFolder(filepath.Join(st.Dir(), "open"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "kamdesk:", cli.TerminalText(err.Error()))
	} else {
		defer view.Empty()
	}
	quit := func() { app.CloseWindow(w, a.Preferences()) }
	desk := app.NewDesk(w, st, a.Preferences(), app.Options{Sample: assets.Sample, OpenURL: a.OpenURL, StartAt: place, Viewer: view, Quit: quit})
	w.SetContent(desk.Content())
	w.SetMainMenu(desk.MainMenu())
	desk.InstallShortcuts()
	app.RestoreWindow(w, a.Preferences(), desk.Quit) // the close button asks too
	w.SetMaster()
	desk.Start()
	w.ShowAndRun()
	return cli.ExitOK
}
