package app

import (
	"net/url"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/accounts"
	"kamdesk/app/agenda"
	"kamdesk/app/library"
	"kamdesk/app/proposals"
	"kamdesk/app/search"
	"kamdesk/app/team"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// Workspace is everything the desk asks of the workspace store. Each
// screen declares the part it uses; *store.Store implements them all.
type Workspace interface {
	welcomeStore
	backupStore
	handoverStore
	accounts.Store
	team.Store
	team.CompanyStore
	search.Store
	agenda.Store
	proposals.Store
}

// screenTable is every screen of the desk, by the name its places use.
func (d *Desk) screenTable() map[string]ui.Maker {
	return map[string]ui.Maker{
		"welcome": func(id string) (ui.Screen, error) {
			if id != "" {
				return nil, dossier.ErrNotFound // the accounts instead
			}
			return newWelcome(d), nil
		},
		"accounts":     func(string) (ui.Screen, error) { return accounts.NewList(d, d.ws), nil },
		"account":      func(id string) (ui.Screen, error) { return accounts.NewDossier(d, d.ws, id) },
		"account-edit": func(id string) (ui.Screen, error) { return accounts.NewAccountEditor(d, d.ws, id) },
		"person":       func(id string) (ui.Screen, error) { return accounts.NewPerson(d, d.ws, id) },
		"people":       func(string) (ui.Screen, error) { return accounts.NewPeople(d, d.ws) },
		"team":         func(id string) (ui.Screen, error) { return team.NewScreen(d, d.ws, id) },
		"company":      func(string) (ui.Screen, error) { return team.NewCompany(d, d.ws) },
		"agenda": func(string) (ui.Screen, error) {
			return agenda.NewScreen(d, d.ws, []agenda.Source{agenda.Dossier, proposals.Agenda(d.ws)},
				slices.Concat(agenda.DossierKinds, proposals.AgendaKinds)), nil
		},
		"proposals": func(id string) (ui.Screen, error) { return proposals.NewList(d, d.ws, id) },
		"proposal":  func(id string) (ui.Screen, error) { return proposals.NewBuilder(d, d.ws, id) },
		"library":   func(id string) (ui.Screen, error) { return library.NewScreen(d, d.ws, id) },
		"search":    func(string) (ui.Screen, error) { return search.NewScreen(d, d.ws), nil },
	}
}

// Place is where the user is: a screen and the record it shows. The desk
// remembers the last place between sessions.
type Place = ui.Place

// ParsePlace reads what Place.String wrote.
func ParsePlace(s string) Place { return ui.ParsePlace(s) }

// Options configure a desk.
type Options struct {
	// Today returns the current date; tests fix it.
	Today func() dossier.Date
	// Sample is the sample workspace offered on first launch.
	Sample []byte
	// Defer runs f once the current input event is handled, on the UI
	// goroutine. Navigating away from inside a widget's own tap handler
	// needs it: the widget still expects to be on screen. Tests set it to
	// run f at once; the default hands f to fyne.Do from a goroutine.
	Defer func(f func())
	// Background runs work off the UI goroutine, then done on it. The
	// default uses a goroutine and fyne.Do; tests keep the goroutine and
	// wait for it (uitest.BackgroundAndWait).
	Background func(work, done func())
	// After runs f on the UI goroutine once d has passed (debouncing work
	// while the user types). Tests set it to run f at once.
	After func(d time.Duration, f func())
	// StartAt is the place to open on start ("agenda", "account/ID"),
	// instead of the last place of the previous session.
	StartAt string
	// OpenURL opens a file or web address with the system's viewer (an
	// attachment, an exported proposal). Nil in tests.
	OpenURL func(u *url.URL) error
	// Viewer is the folder files are opened from (OpenViewFolder); nil
	// means a temporary folder of the desk's own, for tests.
	Viewer *ui.ViewFolder
	// Reopen opens the workspace again with passphrase (nil: not
	// encrypted) after File → Encryption… changed it; nil hides the item.
	Reopen func(passphrase []byte) (Workspace, error)
	// Quit ends the app without asking (main remembers the window's size
	// and closes it); Desk.Quit asks about unsaved changes first. Nil
	// closes the window.
	Quit func()
	// Version and Dir are the version of kamdesk and the workspace's
	// folder, for Help → About.
	Version, Dir string
}

// section of the navigation.
type navItem struct {
	screen string
	label  string
	icon   fyne.Resource
}

// Desk is the main window's content: the navigation on the left and the
// working area (ui.Frame) on the right.
type Desk struct {
	*ui.Frame
	win   fyne.Window
	ws    Workspace
	opts  Options
	prefs fyne.Preferences

	nav     *ui.List
	navList []navItem
	navBusy bool // set while the desk itself selects a navigation row
}

// NewDesk builds the desk for window w on workspace ws. prefs may be nil.
func NewDesk(w fyne.Window, ws Workspace, prefs fyne.Preferences, opts Options) *Desk {
	if opts.Today == nil {
		opts.Today = dossier.Today
	}
	if opts.Defer == nil {
		opts.Defer = ui.DeferToUI
	}
	if opts.After == nil {
		opts.After = ui.AfterOnUI
	}
	if opts.Background == nil {
		opts.Background = ui.InBackground
	}
	d := &Desk{win: w, ws: ws, opts: opts, prefs: prefs}
	// The frame asks the desk's options each time: tests change them.
	d.Frame = ui.NewFrame(w, nil, ui.Options{
		Today:      func() dossier.Date { return d.opts.Today() },
		Defer:      func(f func()) { d.opts.Defer(f) },
		Background: func(work, done func()) { d.opts.Background(work, done) },
		After:      func(t time.Duration, f func()) { d.opts.After(t, f) },
		OpenURL: func(u *url.URL) error {
			if d.opts.OpenURL == nil {
				return nil
			}
			return d.opts.OpenURL(u)
		},
		Viewer: opts.Viewer,
		Quit: func() {
			if d.opts.Quit != nil {
				d.opts.Quit()
				return
			}
			w.Close()
		},
		Shown: d.shown,
	})
	d.Frame.SetScreens(d.screenTable())
	d.navList = []navItem{
		{"accounts", lang.L("Accounts"), theme.HomeIcon()},
		{"people", lang.L("People"), theme.AccountIcon()},
		{"team", lang.L("Team and references"), theme.GridIcon()},
		{"agenda", lang.L("Agenda"), theme.HistoryIcon()},
		{"proposals", lang.L("Proposals"), theme.DocumentIcon()},
		{"library", lang.L("Library"), theme.StorageIcon()},
	}
	// The rows are made with the longest label, so that the list (and the
	// sidebar, which cannot be narrower) shows every label whole.
	longest := ""
	for _, it := range d.navList {
		if fyne.MeasureText(it.label, theme.TextSize(), fyne.TextStyle{}).Width >
			fyne.MeasureText(longest, theme.TextSize(), fyne.TextStyle{}).Width {
			longest = it.label
		}
	}
	d.nav = ui.NewList(
		func() int { return len(d.navList) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longest))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(d.navList[id].icon)
			box.Objects[1].(*widget.Label).SetText(d.navList[id].label)
		})
	d.nav.OnSelected = func(id widget.ListItemID) {
		if d.navBusy {
			return
		}
		d.Show(Place{Screen: d.navList[id].screen})
	}
	return d
}

// Content returns the desk's whole content, for the window.
func (d *Desk) Content() fyne.CanvasObject {
	find := widget.NewButtonWithIcon(lang.L("Search…"), theme.SearchIcon(), d.onFind)
	find.Alignment = widget.ButtonAlignLeading
	left := container.NewBorder(container.NewPadded(find), nil, nil, nil, d.nav)
	split := container.NewHSplit(left, container.NewBorder(d.readOnlyBar(), nil, nil, nil, d.Body()))
	split.Offset = 0.16
	return split
}

// MainMenu is the window's menu. Its shortcuts work wherever the focus is,
// even in a text field: Ctrl+N new, Ctrl+S save, Ctrl+F search, Ctrl+Q
// quit, and Esc (from text fields and the window) cancels.
func (d *Desk) MainMenu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem(lang.L("New"), d.OnNew)
	newItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	saveItem := fyne.NewMenuItem(lang.L("Save"), d.OnSave)
	saveItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	findItem := fyne.NewMenuItem(lang.L("Search"), d.onFind)
	findItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	var goItems []*fyne.MenuItem
	for i, it := range d.navList {
		it := it
		mi := fyne.NewMenuItem(it.label, func() { d.Show(Place{Screen: it.screen}) })
		if i < 9 {
			mi.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(rune('1' + i)), Modifier: fyne.KeyModifierAlt}
		}
		goItems = append(goItems, mi)
	}
	nextTab := fyne.NewMenuItem(lang.L("Next tab"), func() { d.onNextTab(+1) })
	nextTab.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShortcutDefault}
	prevTab := fyne.NewMenuItem(lang.L("Previous tab"), func() { d.onNextTab(-1) })
	prevTab.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	goItems = append(goItems, fyne.NewMenuItemSeparator(), nextTab, prevTab)
	quitItem := fyne.NewMenuItem(lang.L("Quit"), d.Quit)
	quitItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	quitItem.IsQuit = true // Fyne adds no Quit of its own, and keeps this action
	sampleItem := fyne.NewMenuItem(lang.L("Load the sample workspace…"), d.onSampleMenu)
	companyItem := fyne.NewMenuItem(lang.L("Company and house style…"), func() { d.Show(Place{Screen: "company"}) })
	languageItem := fyne.NewMenuItem(lang.L("Language…"), d.onLanguage)
	backupItem := fyne.NewMenuItem(lang.L("Back up…"), d.onBackUp)
	calendarItem := fyne.NewMenuItem(lang.L("Export the agenda to a calendar…"), d.onExportAgenda)
	exportItem := fyne.NewMenuItem(lang.L("Export account…"), d.onExportAccount)
	importItem := fyne.NewMenuItem(lang.L("Import bundle…"), d.onImportBundle)
	importAccountsItem := fyne.NewMenuItem(lang.L("Import accounts…"), func() { accounts.OnImportAccounts(d, d.ws) })
	file := []*fyne.MenuItem{newItem, saveItem, fyne.NewMenuItemSeparator(), companyItem, languageItem, sampleItem,
		fyne.NewMenuItemSeparator(), exportItem, importItem, importAccountsItem, calendarItem, fyne.NewMenuItemSeparator(), backupItem, fyne.NewMenuItemSeparator()}
	if d.opts.Reopen != nil {
		file = append(file, fyne.NewMenuItem(lang.L("Encryption…"), d.onEncryption), fyne.NewMenuItemSeparator())
	}
	keysItem := fyne.NewMenuItem(lang.L("Keyboard shortcuts"), d.onKeys)
	keysItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeySlash, Modifier: fyne.KeyModifierShortcutDefault}
	// The Edit menu acts on the field that has the focus, as its keys do.
	edit := func(label string, key fyne.KeyName, sc func() fyne.Shortcut) *fyne.MenuItem {
		mi := fyne.NewMenuItem(label, func() { d.editFocused(sc()) })
		mi.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		return mi
	}
	clip := func() fyne.Clipboard { return fyne.CurrentApp().Clipboard() }
	editItems := []*fyne.MenuItem{
		edit(lang.L("Undo"), fyne.KeyZ, func() fyne.Shortcut { return &fyne.ShortcutUndo{} }),
		fyne.NewMenuItemSeparator(),
		edit(lang.L("Cut"), fyne.KeyX, func() fyne.Shortcut { return &fyne.ShortcutCut{Clipboard: clip()} }),
		edit(lang.L("Copy"), fyne.KeyC, func() fyne.Shortcut { return &fyne.ShortcutCopy{Clipboard: clip()} }),
		edit(lang.L("Paste"), fyne.KeyV, func() fyne.Shortcut { return &fyne.ShortcutPaste{Clipboard: clip()} }),
		edit(lang.L("Select all"), fyne.KeyA, func() fyne.Shortcut { return &fyne.ShortcutSelectAll{} }),
		fyne.NewMenuItemSeparator(), findItem,
	}
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), append(file, quitItem)...),
		fyne.NewMenu(lang.L("Edit"), editItems...),
		fyne.NewMenu(lang.L("Go"), goItems...),
		fyne.NewMenu(lang.L("Help"), keysItem, fyne.NewMenuItem(lang.L("About kamdesk"), d.onAbout)),
	)
}

// editFocused hands sc (cut, copy, paste, select all, undo) to the field
// that has the focus, as if its keys were pressed there; without one it
// does nothing.
func (d *Desk) editFocused(sc fyne.Shortcut) {
	if f, ok := d.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
	}
}

// shortcutKeys are the keys of the desk and what they do, for the
// overview (Help → Keyboard shortcuts, Ctrl+/).
var shortcutKeys = [][2]string{
	{"Ctrl+N", "New record on the current screen: account, person (on an account's dossier too), member, section, proposal"},
	{"Ctrl+S", "Save what you are editing"},
	{"Ctrl+F", "Search as you type"},
	{"Esc", "Cancel the edit (kamdesk asks before dropping unsaved changes)"},
	{"Ctrl+Q", "Quit"},
	{"Alt+1 … Alt+6", "Go to Accounts, People, Team and references, Agenda, Proposals, Library"},
	{"Ctrl+Tab, Ctrl+Shift+Tab", "Next and previous tab of an account's dossier or of a proposal"},
	{"Alt+Up, Alt+Down", "Move the section you are editing in a proposal"},
	{"Arrows, Space, Enter", "Move in lists and tables, open the row"},
	{"Tab, Shift+Tab", "Next and previous field, out of a multi-line text too"},
	{"Ctrl+X, Ctrl+C, Ctrl+V", "Cut, copy, paste in the field that has the focus"},
	{"Ctrl+A, Ctrl+Z, Ctrl+Y", "Select all, undo, redo in the field that has the focus"},
	{"Ctrl+/", "This overview"},
}

// onNextTab goes delta tabs on in the screen's tabs, if it has any.
func (d *Desk) onNextTab(delta int) {
	if d.Asking() {
		return
	}
	t, ok := d.Current().(ui.Tabbed)
	if !ok || t.Tabs() == nil {
		return
	}
	ui.NextTab(d.win, t.Tabs(), delta)
	if f, ok := t.(ui.Former); ok {
		f.FocusFirst() // where the screen starts on that tab
	}
}

// InstallShortcuts makes the desk's shortcuts work on the window's canvas
// too (Esc when no field has the focus, Enter and Esc answering a question
// about unsaved changes, and the Ctrl shortcuts when the window has no
// menu bar, as in tests).
func (d *Desk) InstallShortcuts() {
	d.Frame.InstallShortcuts(map[fyne.KeyName]func(){fyne.KeyF: d.onFind, fyne.KeyQ: d.Quit, fyne.KeySlash: d.onKeys})
}

// onFind opens the search screen with the focus in its field.
func (d *Desk) onFind() {
	if d.Asking() {
		return
	}
	if d.Place().Screen != "search" {
		d.Show(Place{Screen: "search"})
	}
	if f, ok := d.Current().(ui.Focuser); ok {
		f.Focus()
	}
}

// Start shows the first screen: the welcome on an empty workspace, else the
// last place the user was, else the accounts. Whether the workspace is
// empty is read in the background: the window is drawn at once.
func (d *Desk) Start() {
	var (
		empty bool
		err   error
	)
	d.Background(func() {
		var has bool
		has, err = d.ws.HasAccounts()
		empty = !has
	}, func() {
		if err != nil {
			d.ShowError(err)
		}
		if err == nil && empty {
			d.Open(Place{Screen: "welcome"})
			return
		}
		if d.opts.StartAt != "" {
			d.Open(ParsePlace(d.opts.StartAt))
			return
		}
		p := Place{Screen: "accounts"}
		if d.prefs != nil {
			if last := ParsePlace(d.prefs.String("last.place")); last.Screen != "" && last.Screen != "welcome" {
				p = last
			}
		}
		d.Show(p)
	})
}

// shown highlights the navigation entry of the place shown and remembers
// the place for the next session.
func (d *Desk) shown(p Place) {
	d.selectNav(p.Screen)
	if d.prefs != nil && p.Screen != "welcome" {
		d.prefs.SetString("last.place", p.String())
	}
}

// selectNav highlights the navigation entry of screen, without
// navigating.
func (d *Desk) selectNav(screen string) {
	if parent, ok := parentScreen[screen]; ok {
		screen = parent
	}
	d.navBusy = true
	defer func() { d.navBusy = false }()
	for i, it := range d.navList {
		if it.screen == screen {
			d.nav.Select(i)
			return
		}
	}
	d.nav.UnselectAll()
}

// parentScreen is the navigation entry a sub-screen belongs to.
var parentScreen = map[string]string{
	"account": "accounts", "account-edit": "accounts", "person": "accounts",
	"proposal": "proposals", "section": "library",
}
