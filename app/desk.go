package app

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/store"
	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// Workspace is everything the desk asks of the workspace store. Each
// screen declares the part it uses; *store.Store implements them all.
type Workspace interface {
	welcomeStore
	accountsStore
	dossierStore
	binStore
	accountEditStore
	personStore
	timelineStore
	teamStore
	searchStore
	agendaStore
	proposalStore
}

// binStore undoes deletions.
type binStore interface {
	Restore(id string) error
}

// screenMaker builds the screen of a place; id is the record it shows.
type screenMaker func(d *Desk, id string) (screen, error)

// screenTable is every screen of the desk, by the name its places use.
func screenTable() map[string]screenMaker {
	return map[string]screenMaker{
		"welcome":      func(d *Desk, _ string) (screen, error) { return newWelcome(d), nil },
		"accounts":     func(d *Desk, _ string) (screen, error) { return newAccountsScreen(d), nil },
		"account":      func(d *Desk, id string) (screen, error) { return newDossierScreen(d, id) },
		"account-edit": func(d *Desk, id string) (screen, error) { return newAccountEditor(d, id) },
		"person":       func(d *Desk, id string) (screen, error) { return newPersonScreen(d, id) },
		"people":       func(d *Desk, _ string) (screen, error) { return newPeopleScreen(d) },
		"team":         func(d *Desk, id string) (screen, error) { return newTeamScreen(d, id) },
		"agenda":       func(d *Desk, _ string) (screen, error) { return newAgendaScreen(d), nil },
		"proposals":    func(d *Desk, id string) (screen, error) { return newProposalsScreen(d, id) },
		"proposal":     func(d *Desk, id string) (screen, error) { return newBuilder(d, id) },
		"library":      func(d *Desk, id string) (screen, error) { return newLibraryScreen(d, id) },
		"search":       func(d *Desk, _ string) (screen, error) { return newSearchScreen(d), nil },
	}
}

// The optional abilities of a screen, used by the keyboard shortcuts and
// by navigation.
type (
	// creator makes a new record (Ctrl+N).
	creator interface{ onNew() }
	// saver saves what is being edited (Ctrl+S).
	saver interface{ onSave() }
	// canceller abandons the edit in progress (Esc).
	canceller interface{ onCancel() }
	// editor (in unsaved.go) has unsaved changes to ask about first.

	// loader fills the screen in once it is shown, reading the workspace
	// off the UI goroutine (Options.Background) behind a loading state.
	loader interface{ load() }
	// keeper shows what the screen it replaces at the same place showed
	// (a refresh, an undo) until its own data is ready.
	keeper interface{ keep(old screen) }
)

// Place is where the user is: a screen and the record it shows. The desk
// remembers the last place between sessions.
type Place struct {
	Screen string // "accounts", "account", "people", "team", "agenda", ...
	ID     string // the record shown, if any
}

func (p Place) String() string {
	if p.ID == "" {
		return p.Screen
	}
	return p.Screen + "/" + p.ID
}

// ParsePlace reads what Place.String wrote.
func ParsePlace(s string) Place {
	screen, id, _ := strings.Cut(s, "/")
	return Place{Screen: screen, ID: id}
}

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
	// Background runs work off the UI goroutine, then done on it. Tests set
	// it to run both at once; the default uses a goroutine and fyne.Do.
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
	Viewer *ViewFolder
	// Reopen opens the workspace again with passphrase (nil: not
	// encrypted) after File → Encryption… changed it; nil hides the item.
	Reopen func(passphrase []byte) (Workspace, error)
	// Quit ends the app without asking (main remembers the window's size
	// and closes it); Desk.Quit asks about unsaved changes first. Nil
	// closes the window.
	Quit func()
}

// section of the navigation.
type navItem struct {
	screen string
	label  string
	icon   fyne.Resource
}

// Desk is the main window's content: the navigation on the left and the
// working area on the right.
type Desk struct {
	win     fyne.Window
	ws      Workspace
	opts    Options
	prefs   fyne.Preferences
	screens map[string]screenMaker // screenTable

	nav     *widget.List
	navList []navItem
	area    *fyne.Container
	banner  *fyne.Container // the undo bar under the working area
	place   Place
	current screen
	navBusy bool // set while the desk itself selects a navigation row
	// dossierTab is the tab last chosen in an account's dossier, kept when
	// the dossier is built again (after an undo, or going back to it).
	dossierTab string
	asking     *question    // the open question about unsaved changes
	dialogEd   dialogEditor // the form open in a dialog, if any
}

// screen is what every screen of the working area provides.
type screen interface {
	content() fyne.CanvasObject
}

// NewDesk builds the desk for window w on workspace ws. prefs may be nil.
func NewDesk(w fyne.Window, ws Workspace, prefs fyne.Preferences, opts Options) *Desk {
	if opts.Today == nil {
		opts.Today = dossier.Today
	}
	if opts.Defer == nil {
		opts.Defer = func(f func()) { go fyne.Do(f) }
	}
	if opts.After == nil {
		opts.After = func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) }
	}
	if opts.Background == nil {
		opts.Background = func(work, done func()) {
			go func() {
				work()
				fyne.Do(done)
			}()
		}
	}
	d := &Desk{win: w, ws: ws, opts: opts, prefs: prefs, screens: screenTable()}
	for _, it := range []navItem{
		{"accounts", lang.L("Accounts"), theme.HomeIcon()},
		{"people", lang.L("People"), theme.AccountIcon()},
		{"team", lang.L("Team and references"), theme.GridIcon()},
		{"agenda", lang.L("Agenda"), theme.HistoryIcon()},
		{"proposals", lang.L("Proposals"), theme.DocumentIcon()},
		{"library", lang.L("Library"), theme.StorageIcon()},
	} {
		d.navList = append(d.navList, it)
	}
	d.nav = widget.NewList(
		func() int { return len(d.navList) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Navigation"))
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
	d.area = container.NewStack()
	d.banner = container.NewStack()
	return d
}

// Content returns the desk's whole content, for the window.
func (d *Desk) Content() fyne.CanvasObject {
	find := widget.NewButtonWithIcon(lang.L("Search…"), theme.SearchIcon(), d.onFind)
	find.Alignment = widget.ButtonAlignLeading
	left := container.NewBorder(container.NewPadded(find), nil, nil, nil, d.nav)
	split := container.NewHSplit(left, container.NewBorder(d.readOnlyBar(), d.banner, nil, nil, d.area))
	split.Offset = 0.16
	return split
}

// MainMenu is the window's menu. Its shortcuts work wherever the focus is,
// even in a text field: Ctrl+N new, Ctrl+S save, Ctrl+F search, Ctrl+Q
// quit, and Esc (from text fields and the window) cancels.
func (d *Desk) MainMenu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem(lang.L("New"), d.onNew)
	newItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	saveItem := fyne.NewMenuItem(lang.L("Save"), d.onSave)
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
	quitItem := fyne.NewMenuItem(lang.L("Quit"), d.Quit)
	quitItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	quitItem.IsQuit = true // Fyne adds no Quit of its own, and keeps this action
	file := []*fyne.MenuItem{newItem, saveItem, fyne.NewMenuItemSeparator()}
	if d.opts.Reopen != nil {
		file = append(file, fyne.NewMenuItem(lang.L("Encryption…"), d.onEncryption), fyne.NewMenuItemSeparator())
	}
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), append(file, quitItem)...),
		fyne.NewMenu(lang.L("Edit"), findItem),
		fyne.NewMenu(lang.L("Go"), goItems...),
	)
}

// InstallShortcuts makes the desk's shortcuts work on the window's canvas
// too (Esc when no field has the focus, Enter and Esc answering a question
// about unsaved changes, and the Ctrl shortcuts when the window has no
// menu bar, as in tests).
func (d *Desk) InstallShortcuts() {
	c := d.win.Canvas()
	for key, f := range map[fyne.KeyName]func(){fyne.KeyN: d.onNew, fyne.KeyS: d.onSave, fyne.KeyF: d.onFind, fyne.KeyQ: d.Quit} {
		f := f
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch {
		case d.asking != nil:
			d.asking.typedKey(k)
		case k.Name == fyne.KeyEscape:
			d.onCancel()
		}
	})
}

// The shortcuts wait while a question about unsaved changes is open.

func (d *Desk) onNew() {
	if c, ok := d.current.(creator); ok && d.asking == nil {
		c.onNew()
	}
}

func (d *Desk) onSave() {
	if s, ok := d.current.(saver); ok && d.asking == nil {
		s.onSave()
	}
}

func (d *Desk) onCancel() {
	if c, ok := d.current.(canceller); ok && d.asking == nil {
		c.onCancel()
	}
}

// onFind opens the search screen with the focus in its field.
func (d *Desk) onFind() {
	if d.asking != nil {
		return
	}
	if d.place.Screen != "search" {
		d.Show(Place{Screen: "search"})
	}
	if f, ok := d.current.(interface{ focus() }); ok {
		f.focus()
	}
}

// deleted offers to undo a deletion from a bar under the working area,
// until the next deletion or until the user closes it.
func (d *Desk) deleted(e store.BinEntry) {
	msg := widget.NewLabel(lang.L("Deleted {{.What}} “{{.Label}}”.", map[string]any{"What": lang.L(e.What), "Label": ui.Clip(e.Label, 60)}))
	var bar fyne.CanvasObject
	undo := widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), func() {
		if err := d.ws.Restore(e.ID); err != nil {
			d.showError(err)
			return
		}
		d.banner.Objects = nil
		d.banner.Refresh()
		d.Show(d.place)
	})
	undo.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		d.banner.Objects = nil
		d.banner.Refresh()
	})
	closeBtn.Importance = widget.LowImportance
	bar = container.NewBorder(nil, nil, nil, container.NewHBox(undo, closeBtn), msg)
	d.banner.Objects = []fyne.CanvasObject{bar}
	d.banner.Refresh()
}

// Start shows the first screen: the welcome on an empty workspace, else the
// last place the user was, else the accounts.
func (d *Desk) Start() {
	accounts, err := d.ws.Accounts()
	if err != nil {
		d.showError(err)
	}
	if err == nil && len(accounts) == 0 {
		d.show(Place{Screen: "welcome"})
		return
	}
	p := Place{Screen: "accounts"}
	if d.opts.StartAt != "" {
		d.show(ParsePlace(d.opts.StartAt))
		return
	}
	if d.prefs != nil {
		if last := ParsePlace(d.prefs.String("last.place")); last.Screen != "" && last.Screen != "welcome" {
			p = last
		}
	}
	d.Show(p)
}

// Show opens place p. When the current screen has unsaved changes the
// user is asked first (Save, Discard, Cancel).
func (d *Desk) Show(p Place) {
	e, _ := d.current.(editor)
	d.leave(e, func() { d.show(p) }, func() { d.selectNav(d.place.Screen) })
}

func (d *Desk) show(p Place) {
	make := d.screens[p.Screen]
	if make == nil || p.Screen == "welcome" && p.ID != "" {
		p = Place{Screen: "accounts"}
		make = d.screens["accounts"]
	}
	s, err := make(d, p.ID)
	if err != nil {
		if errors.Is(err, dossier.ErrNotFound) && p.Screen != "accounts" {
			d.show(Place{Screen: "accounts"})
			return
		}
		d.showError(err)
		return
	}
	if k, ok := s.(keeper); ok && d.current != nil && d.place == p {
		k.keep(d.current)
	}
	d.setScreen(p, s)
	if l, ok := s.(loader); ok {
		l.load()
	}
}

// refresh rebuilds the current screen from the workspace.
func (d *Desk) refresh() { d.show(d.place) }

func (d *Desk) setScreen(p Place, s screen) {
	d.place, d.current = p, s
	d.area.Objects = []fyne.CanvasObject{s.content()}
	d.area.Refresh()
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

// Place returns where the user is.
func (d *Desk) Place() Place { return d.place }

// showError tells the user what went wrong in words they can act on.
func (d *Desk) showError(err error) {
	dialog.ShowError(ui.UserError(err), d.win)
}
