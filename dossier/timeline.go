package dossier

import (
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// EventKind is what happened on an account's timeline.
type EventKind string

// Event kinds.
const (
	EventMeeting  EventKind = "meeting"
	EventCall     EventKind = "call"
	EventLetter   EventKind = "letter"
	EventDocument EventKind = "document"
	EventNote     EventKind = "note"
)

// EventKinds lists every event kind.
var EventKinds = []EventKind{EventMeeting, EventCall, EventLetter, EventDocument, EventNote}

// Label is the English label of k, for translation.
func (k EventKind) Label() string {
	switch k {
	case EventMeeting:
		return "Meeting"
	case EventCall:
		return "Call"
	case EventLetter:
		return "Letter"
	case EventDocument:
		return "Document"
	case EventNote:
		return "Note"
	}
	return string(k)
}

// Attachment is a file kept with an event. Its bytes live in the workspace
// under FileID.
type Attachment struct {
	FileID string `json:"file_id"`
	Name   string `json:"name"` // the original file name, without directories
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Event is one entry on an account's timeline: a meeting, a call, a letter,
// a document or a note, so that nothing is forgotten when a colleague takes
// over.
type Event struct {
	ID          string       `json:"id"`
	AccountID   string       `json:"account_id"`
	Kind        EventKind    `json:"kind"`
	Date        Date         `json:"date"`
	Title       string       `json:"title"`
	People      []string     `json:"people,omitempty"` // IDs of the people involved
	Text        string       `json:"text,omitempty"`
	Attachments []Attachment `json:"attachments,omitempty"`
	// Sent names the copy of a sent proposal this event records, as
	// "<proposal ID>/<snapshot ID>", so that what the client received can
	// be opened from the timeline.
	Sent    string    `json:"sent,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Validate reports every problem with e.
func (e *Event) Validate() error {
	var p Problems
	p.id("id", e.ID, false)
	p.id("account_id", e.AccountID, true)
	enum(&p, "kind", EventKinds, e.Kind, true)
	if e.Date.IsZero() {
		p.Add("date", "is required", nil)
	}
	p.Date("date", e.Date)
	p.required("title", e.Title)
	p.line("title", e.Title)
	p.ids("people", e.People)
	p.text("text", e.Text)
	if len(e.Attachments) > MaxList {
		p.Add("attachments", "has too many items ({{.Len}}, at most {{.Max}})", map[string]any{"Len": len(e.Attachments), "Max": MaxList})
	}
	if e.Sent != "" {
		prop, snap, ok := strings.Cut(e.Sent, "/")
		if !ok || !ValidID(prop) || !ValidID(snap) {
			p.Add("sent", "is not a valid reference to a sent copy", nil)
		}
	}
	for _, a := range e.Attachments {
		p.id("attachments", a.FileID, true)
		if a.Name == "" || a.Name != SafeFileName(a.Name) {
			p.Add("attachments", "has a file name that is not safe", map[string]any{"Value": a.Name})
		}
	}
	return p.Err()
}

func (p *Problems) ids(field string, ids []string) {
	if len(ids) > MaxList {
		p.Add(field, "has too many items ({{.Len}}, at most {{.Max}})", map[string]any{"Len": len(ids), "Max": MaxList})
		return
	}
	for _, id := range ids {
		p.id(field, id, true)
	}
}

// SafeFileName returns name reduced to its last element, with characters
// that are not allowed in file names on Linux, macOS or Windows replaced by
// '_', and Windows' reserved names avoided. It never returns "" for a name
// that has a visible character.
func SafeFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 32 || r == 127 || strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	s := shortName(trimName(b.String()))
	if s == "" || s == "_" && name != "_" {
		return "file"
	}
	stem := strings.ToUpper(strings.SplitN(s, ".", 2)[0])
	switch stem {
	case "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		s = shortName("_" + s)
	}
	return s
}

// trimName drops leading spaces and the trailing spaces and dots Windows
// would drop, so that SafeFileName(SafeFileName(x)) == SafeFileName(x).
func trimName(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	return strings.TrimRightFunc(s, func(r rune) bool { return r == '.' || unicode.IsSpace(r) })
}

// shortName cuts s to 120 characters and 200 bytes (file systems count
// bytes: 255 at most on most of them), keeping a short extension, without
// leaving a trailing space or dot at the cut.
func shortName(s string) string {
	const maxRunes, maxBytes = 120, 200
	r := []rune(s)
	if len(r) <= maxRunes && len(s) <= maxBytes {
		return s
	}
	ext := filepath.Ext(s)
	if len([]rune(ext)) > 16 {
		ext = ""
	}
	stem := r[:len(r)-len([]rune(ext))]
	for len(stem) > 0 && (len(stem)+len([]rune(ext)) > maxRunes || len(string(stem))+len(ext) > maxBytes) {
		stem = stem[:len(stem)-1]
	}
	return trimName(string(stem)) + ext
}

// PromiseStatus is where a promise made to a client stands.
type PromiseStatus string

// Promise statuses. A promise that slipped stays open with a new due date;
// its slips are recorded with it.
const (
	PromiseOpen    PromiseStatus = "open"
	PromiseKept    PromiseStatus = "kept"
	PromiseDropped PromiseStatus = "dropped"
)

// PromiseStatuses lists every promise status.
var PromiseStatuses = []PromiseStatus{PromiseOpen, PromiseKept, PromiseDropped}

// Label is the English label of s, for translation.
func (s PromiseStatus) Label() string {
	switch s {
	case PromiseOpen:
		return "Still open" // not "Open", which the catalogue has for the button that opens a file
	case PromiseKept:
		return "Kept"
	case PromiseDropped:
		return "Dropped"
	}
	return string(s)
}

// Slip records a promise that could not be kept on time: the client got an
// explanation, an apology and a new date.
type Slip struct {
	On          Date   `json:"on"`           // when the client was told
	Explanation string `json:"explanation"`  // why it slipped
	ApologySent bool   `json:"apology_sent"` // the apology went out
	OldDue      Date   `json:"old_due"`
	NewDue      Date   `json:"new_due"`
}

// Promise is a commitment to a client, with a due date. Keeping promises on
// time is one of the principles of key account work.
type Promise struct {
	ID        string        `json:"id"`
	AccountID string        `json:"account_id"`
	People    []string      `json:"people,omitempty"` // to whom it was made
	Text      string        `json:"text"`
	Made      Date          `json:"made"` // when it was made
	Due       Date          `json:"due"`
	Status    PromiseStatus `json:"status"`
	DoneOn    Date          `json:"done_on"` // when it was kept or dropped
	Slips     []Slip        `json:"slips,omitempty"`
	Created   time.Time     `json:"created"`
	Updated   time.Time     `json:"updated"`
}

// Validate reports every problem with pr.
func (pr *Promise) Validate() error {
	var p Problems
	p.id("id", pr.ID, false)
	p.id("account_id", pr.AccountID, true)
	p.ids("people", pr.People)
	p.required("text", pr.Text)
	p.text("text", pr.Text)
	if pr.Due.IsZero() {
		p.Add("due", "is required", nil)
	}
	if !pr.Made.IsZero() && !pr.Due.IsZero() && pr.Due.Before(pr.Made) {
		p.Add("due", "cannot be before the day the promise was made", nil)
	}
	p.Date("made", pr.Made)
	p.Date("due", pr.Due)
	p.Date("done_on", pr.DoneOn)
	enum(&p, "status", PromiseStatuses, pr.Status, true)
	if (pr.Status == PromiseKept || pr.Status == PromiseDropped) && pr.DoneOn.IsZero() {
		p.Add("done_on", "is required once the promise is kept or dropped", nil)
	}
	for _, s := range pr.Slips {
		p.text("slips", s.Explanation)
		if strings.TrimSpace(s.Explanation) == "" {
			p.Add("slips", "needs an explanation for the client", nil)
		}
		if s.NewDue.IsZero() || !s.NewDue.After(s.OldDue) {
			p.Add("slips", "needs a new date after the old one", nil)
		}
		if s.On.IsZero() {
			p.Add("slips", "needs the day the client was told", nil)
		}
		for _, d := range []Date{s.On, s.OldDue, s.NewDue} {
			p.Date("slips", d)
		}
	}
	if n := len(pr.Slips); n > 0 && !pr.Slips[n-1].NewDue.IsZero() && !pr.Slips[n-1].NewDue.Equal(pr.Due) {
		p.Add("due", "must be the new date of the last slip", nil)
	}
	if pr.Status == PromiseOpen && !pr.DoneOn.IsZero() {
		p.Add("done_on", "must be empty while the promise is open", nil)
	}
	return p.Err()
}

// Slipped reports whether the promise was ever rescheduled.
func (pr *Promise) Slipped() bool { return len(pr.Slips) > 0 }

// Late reports whether an open promise is past its due date.
func (pr *Promise) Late(today Date) bool {
	return pr.Status == PromiseOpen && pr.Due.Before(today)
}

// Slip reschedules an open promise to newDue, recording the explanation
// given to the client on day on and whether the apology was sent.
func (pr *Promise) Slip(on Date, explanation string, apologySent bool, newDue Date) error {
	var p Problems
	if pr.Status != PromiseOpen {
		p.Add("status", "only an open promise can be rescheduled", nil)
	}
	if strings.TrimSpace(explanation) == "" {
		p.Add("explanation", "is required: the client is owed an explanation", nil)
	}
	p.text("explanation", explanation)
	if newDue.IsZero() || !newDue.After(pr.Due) {
		p.Add("new_due", "must be after the current due date {{.Due}}", map[string]any{"Due": pr.Due})
	}
	if on.IsZero() {
		p.Add("on", "is required", nil)
	}
	p.Date("on", on)
	p.Date("new_due", newDue)
	if err := p.Err(); err != nil {
		return err
	}
	pr.Slips = append(pr.Slips, Slip{On: on, Explanation: explanation, ApologySent: apologySent, OldDue: pr.Due, NewDue: newDue})
	pr.Due = newDue
	return nil
}

// Keep marks the promise kept on day on.
func (pr *Promise) Keep(on Date) {
	pr.Status = PromiseKept
	pr.DoneOn = on
}

// Drop marks the promise dropped on day on.
func (pr *Promise) Drop(on Date) {
	pr.Status = PromiseDropped
	pr.DoneOn = on
}
