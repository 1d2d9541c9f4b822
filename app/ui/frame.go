package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"kamdesk/app/export"
	"kamdesk/dossier"
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

// Screen is what every screen of the working area provides.
type Screen interface {
	Content() fyne.CanvasObject
}

// The optional abilities of a screen, used by the keyboard shortcuts and
// by navigation.
type (
	// Creator makes a new record (Ctrl+N).
	Creator interface{ OnNew() }
	// Saver saves what is being edited (Ctrl+S).
	Saver interface{ OnSave() }
	// Canceller abandons the edit in progress (Esc).
	Canceller interface{ OnCancel() }
	// Focuser puts the focus where the user starts (Ctrl+F on search).
	Focuser interface{ Focus() }
	// Loader fills the screen in once it is shown, reading the workspace
	// off the UI goroutine (Host.Background) behind a loading state.
	Loader interface{ Load() }
	// Keeper shows what the screen it replaces at the same place showed
	// (a refresh, an undo) until its own data is ready.
	Keeper interface{ Keep(old Screen) }
	// Former is a form: the frame puts the focus in its first field when
	// it opens, so that the user can type at once.
	Former interface{ FocusFirst() }
	// Tabbed has tabs (an account's dossier, a proposal's builder), which
	// Ctrl+Tab and Ctrl+Shift+Tab go through.
	Tabbed interface{ Tabs() *Tabs }
)

// Editor is a screen, or a part of one, that edits records.
type Editor interface {
	// Dirty reports changes that are not saved.
	Dirty() bool
	// SaveChanges saves them the way Save (Ctrl+S) does, but stays where
	// the user is, and reports whether it succeeded. A save that fails
	// shows why and keeps everything typed.
	SaveChanges() bool
}

// DialogEditor is a form open in a dialog over the screen (an event, a
// promise, a new proposal): while it is open, quitting asks about it first.
type DialogEditor interface {
	Editor
	Close() // closes the dialog, dropping what it holds
}

// Maker builds the screen of a place; id is the record it shows.
type Maker func(id string) (Screen, error)

// Host is what a screen asks of the desk around it: Frame is one.
type Host interface {
	Window() fyne.Window
	// Show opens place p, asking first about unsaved changes.
	Show(p Place)
	// Refresh builds the current screen again from the workspace.
	Refresh()
	Place() Place
	// SetPlace says the current screen moved to place p by itself.
	SetPlace(p Place)
	// Current is the screen shown.
	Current() Screen
	ShowError(err error)
	Today() dossier.Date
	// Background runs work off the UI goroutine, then done on it.
	Background(work, done func())
	// After runs f on the UI goroutine once d has passed.
	After(d time.Duration, f func())
	// Defer runs f once the current input event is handled.
	Defer(f func())
	// Leave runs goOn, after asking about e's unsaved changes if any.
	Leave(e Editor, goOn, stay func())
	// AskReplace asks whether to replace the files of an export.
	AskReplace(exists *export.ExistsError, dir string, replace func())
	// Choose asks a question that is not about unsaved changes.
	Choose(title, message, yes, no string, onYes, onNo func()) bool
	// Deleted offers to undo a deletion.
	Deleted(what, label string, undo func() error)
	// TrackDialog makes f the form open in a dialog until it closes.
	TrackDialog(f DialogEditor)
	// DialogClosed says f's dialog closed: it is no longer tracked.
	DialogClosed(f DialogEditor)
	DialogEditor() DialogEditor
	// ViewFile puts data into the view folder; OpenPath opens a file.
	ViewFile(name string, data []byte) (string, error)
	OpenPath(path string)
	OpenURL(u *url.URL) error
	// Remember keeps a small piece of screen state for this session.
	Remember(key, value string)
	Recall(key string) string
}

// OfferUndo offers to undo the deletion e, which restore puts back.
func OfferUndo(h Host, e dossier.BinEntry, restore func(id string) error) {
	h.Deleted(e.What, e.Label, func() error { return restore(e.ID) })
}

// Options configure a frame.
type Options struct {
	// Today returns the current date; tests fix it.
	Today func() dossier.Date
	// Defer runs f once the current input event is handled, on the UI
	// goroutine. Navigating away from inside a widget's own tap handler
	// needs it: the widget still expects to be on screen. Tests set it to
	// run f at once; the default hands f to fyne.Do from a goroutine.
	Defer func(f func())
	// Background runs work off the UI goroutine, then done on it. The
	// default uses a goroutine and fyne.Do; tests keep the goroutine and
	// wait for it.
	Background func(work, done func())
	// After runs f on the UI goroutine once d has passed (debouncing work
	// while the user types). Tests set it to run f at once.
	After func(d time.Duration, f func())
	// Expire runs f on the UI goroutine once d has passed, for what goes
	// away by itself (the undo bar). The default is AfterOnUI; tests keep
	// f to run it when they choose, or never.
	Expire func(d time.Duration, f func())
	// OpenURL opens a file or web address with the system's viewer (an
	// attachment, an exported proposal). Nil in tests.
	OpenURL func(u *url.URL) error
	// Viewer is the folder files are opened from (OpenViewFolder); nil
	// means a temporary folder of the frame's own, for tests.
	Viewer *ViewFolder
	// Quit ends the app without asking; nil closes the window.
	Quit func()
	// Shown is told of every place shown (the desk highlights its
	// navigation and remembers the place).
	Shown func(p Place)
}

// Frame is the working area of the window: it shows one screen at a time
// by place, asks about unsaved changes before leaving one, and offers to
// undo a deletion in a bar under it.
type Frame struct {
	win     fyne.Window
	opts    Options
	screens map[string]Maker
	area    *fyne.Container
	banner  *fyne.Container // the undo bar under the working area
	undoAt  Place           // the place the undo bar was offered at
	undoGen int             // counts the undo bars offered, so an old one's time running out closes nothing
	// closable is the dialog shown by ShowClosable, which Esc closes.
	closable dialog.Dialog
	place    Place
	current  Screen
	memory   map[string]string

	asking   *question    // the open question about unsaved changes
	dialogEd DialogEditor // the form open in a dialog, if any
}

// DeferToUI runs f on the UI goroutine once the current event is handled:
// the default Options.Defer.
func DeferToUI(f func()) { go fyne.Do(f) }

// AfterOnUI runs f on the UI goroutine once d has passed: the default
// Options.After.
func AfterOnUI(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) }

// InBackground runs work on a goroutine of its own, then done on the UI
// goroutine: the default Options.Background. Two seconds after the last
// work running ended, when no other has started, what the works left in
// the heap goes back to the system (GiveBack): by then the screen that
// asked for it is drawn.
func InBackground(work, done func()) {
	working.Add(1)
	go func() {
		work()
		fyne.Do(done)
		if working.Add(-1) == 0 {
			time.AfterFunc(2*time.Second, func() {
				if working.Load() == 0 {
					GiveBack(giveBackFrom)
				}
			})
		}
	}()
}

// working counts the works InBackground runs.
var working atomic.Int32

// NewFrame makes the working area of window w showing screens.
func NewFrame(w fyne.Window, screens map[string]Maker, opts Options) *Frame {
	if opts.Today == nil {
		opts.Today = dossier.Today
	}
	if opts.Defer == nil {
		opts.Defer = DeferToUI
	}
	if opts.After == nil {
		opts.After = AfterOnUI
	}
	if opts.Background == nil {
		opts.Background = InBackground
	}
	if opts.Expire == nil {
		opts.Expire = AfterOnUI
	}
	return &Frame{win: w, opts: opts, screens: screens, memory: map[string]string{},
		area: container.NewStack(), banner: container.NewStack()}
}

// Body is the working area with the undo bar under it.
func (f *Frame) Body() fyne.CanvasObject { return container.NewBorder(nil, f.banner, nil, nil, f.area) }

func (f *Frame) Window() fyne.Window          { return f.win }
func (f *Frame) Today() dossier.Date          { return f.opts.Today() }
func (f *Frame) Background(work, done func()) { f.opts.Background(work, done) }
func (f *Frame) After(d time.Duration, g func()) {
	f.opts.After(d, g)
}
func (f *Frame) Defer(g func())                { f.opts.Defer(g) }
func (f *Frame) Remember(key, value string)    { f.memory[key] = value }
func (f *Frame) Recall(key string) string      { return f.memory[key] }
func (f *Frame) Place() Place                  { return f.place }
func (f *Frame) Current() Screen               { return f.current }
func (f *Frame) Asking() bool                  { return f.asking != nil }
func (f *Frame) DialogEditor() DialogEditor    { return f.dialogEd }
func (f *Frame) HasScreen(name string) bool    { return f.screens[name] != nil }
func (f *Frame) SetScreens(s map[string]Maker) { f.screens = s }

// Show opens place p. When the current screen has unsaved changes the
// user is asked first (Save, Discard, Cancel); stay is told when the user
// stays.
func (f *Frame) Show(p Place) {
	f.ShowOr(p, func() {
		if f.opts.Shown != nil {
			f.opts.Shown(f.place) // the navigation shows where the user stayed
		}
	})
}

// ShowOr opens place p as Show does, running stay when the user stays.
func (f *Frame) ShowOr(p Place, stay func()) {
	e, _ := f.current.(Editor)
	f.Leave(e, func() { f.Open(p) }, stay)
}

// Open opens place p without asking; a place whose record is gone opens
// fallback's place instead.
func (f *Frame) Open(p Place) {
	make := f.screens[p.Screen]
	if make == nil {
		if !f.fallback(p) {
			f.ShowError(dossier.Err("no such screen: {{.Screen}}", map[string]any{"Screen": p.Screen}, nil))
		}
		return
	}
	s, err := make(p.ID)
	if err != nil {
		if errors.Is(err, dossier.ErrNotFound) && f.fallback(p) {
			return
		}
		f.ShowError(err)
		return
	}
	if k, ok := s.(Keeper); ok && f.current != nil && f.place == p {
		k.Keep(f.current)
	}
	f.place, f.current = p, s
	if len(f.banner.Objects) > 0 && p != f.undoAt { // the undo bar stays where it was offered
		f.closeBanner()
	}
	f.area.Objects = []fyne.CanvasObject{s.Content()}
	f.area.Refresh()
	if f.opts.Shown != nil {
		f.opts.Shown(p)
	}
	if l, ok := s.(Loader); ok {
		l.Load()
	}
	if fm, ok := s.(Former); ok {
		fm.FocusFirst()
	}
}

// fallback opens the accounts instead of p (a place that is gone, or
// unknown: a stale last place), when p is not the accounts; it reports
// whether it did.
func (f *Frame) fallback(p Place) bool {
	home := Place{Screen: "accounts"}
	if p == home || f.screens[home.Screen] == nil {
		return false
	}
	f.Open(home)
	return true
}

// SetPlace makes p the place shown, without building the screen again: a
// screen that moved to another record itself (a library section) says so,
// for Undo and the next start.
func (f *Frame) SetPlace(p Place) {
	f.place = p
	if f.opts.Shown != nil {
		f.opts.Shown(p)
	}
}

// Refresh rebuilds the current screen from the workspace.
func (f *Frame) Refresh() { f.Open(f.place) }

// ShowError tells the user what went wrong in words they can act on.
func (f *Frame) ShowError(err error) {
	dialog.ShowError(UserError(err), f.win)
}

// OpenURL opens u with the system's viewer; without one (tests) it does
// nothing.
func (f *Frame) OpenURL(u *url.URL) error {
	if f.opts.OpenURL == nil {
		return nil
	}
	return f.opts.OpenURL(u)
}

// TrackDialog makes the open form d the frame's dialog editor until it
// closes (it calls DialogClosed), so that quitting asks about it.
func (f *Frame) TrackDialog(d DialogEditor) { f.dialogEd = d }

// DialogClosed forgets d as the dialog editor, if it is.
func (f *Frame) DialogClosed(d DialogEditor) {
	if f.dialogEd == d {
		f.dialogEd = nil
	}
}

// viewer returns the folder files are opened from.
func (f *Frame) viewer() (*ViewFolder, error) {
	if f.opts.Viewer == nil {
		dir, err := os.MkdirTemp("", "kamdesk-view-")
		if err != nil {
			return nil, err
		}
		f.opts.Viewer = &ViewFolder{dir: dir}
	}
	return f.opts.Viewer, nil
}

// ViewFile puts data into the view folder as name and returns its path.
// It may run off the UI goroutine.
func (f *Frame) ViewFile(name string, data []byte) (string, error) {
	v, err := f.viewer()
	if err != nil {
		return "", err
	}
	return v.Write(name, data)
}

// OpenPath opens a file of the view folder with the system's viewer.
func (f *Frame) OpenPath(path string) {
	if err := f.OpenURL(LocalFileURL(path)); err != nil {
		f.ShowError(err)
	}
}

// LocalFileURL is the file: address of a local path.
func LocalFileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return &url.URL{Scheme: "file", Path: p}
}

// Options are the frame's options, read each time they are used: a test
// changes them to hold background or delayed work.
func (f *Frame) Options() *Options { return &f.opts }

// SetOpenURL sets how files and web addresses are opened (tests record
// them instead).
func (f *Frame) SetOpenURL(open func(u *url.URL) error) { f.opts.OpenURL = open }

// SetViewer makes v the folder files are opened from.
func (f *Frame) SetViewer(v *ViewFolder) { f.opts.Viewer = v }

// SetQuit makes quit what ends the app once nothing unsaved is left.
func (f *Frame) SetQuit(quit func()) { f.opts.Quit = quit }

// Area is the container the current screen is shown in, and Banner the
// one of the undo bar (tests look into them).
func (f *Frame) Area() *fyne.Container   { return f.area }
func (f *Frame) Banner() *fyne.Container { return f.banner }
