package dossier

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"strings"
)

// Sentinel errors. Storage and commands wrap them with context (%w), so
// callers test for them with errors.Is without importing the store.
var (
	// ErrInvalid reports a record that fails validation.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound reports a record that does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict reports a change that clashes with other records, such as
	// deleting a person others report to or reusing an ID.
	ErrConflict = errors.New("conflict")
)

// Errors of the workspace as a whole. The store returns them, wrapped (its
// ErrLocked, ErrDamaged, ErrReadOnly and ErrDiskFull are these values);
// they live here so the user interface can test for them with errors.Is
// without importing the store.
var (
	// ErrLocked reports a workspace another process has open.
	ErrLocked = errors.New("workspace is in use")
	// ErrDamaged reports a workspace whose files cannot be read.
	ErrDamaged = errors.New("workspace is damaged")
	// ErrReadOnly reports a change to a workspace open for reading only,
	// and a workspace that cannot be opened where it is without writing.
	ErrReadOnly = errors.New("workspace is read-only")
	// ErrDiskFull reports a change, or an open, refused because the disk
	// has too little free space for it.
	ErrDiskFull = errors.New("disk is full")
)

// FieldError is one validation problem, tied to the field it concerns.
//
// Message is an English source string, possibly with text/template
// parameters filled from Data; the user interface translates it.
type FieldError struct {
	Field   string         // field name as used in JSON, e.g. "birthday"
	Message string         // e.g. "is too long (at most {{.Max}} characters)"
	Data    map[string]any // template parameters for Message, may be nil
}

func (e *FieldError) Error() string {
	return e.Field + ": " + e.Text()
}

// Text is Message with its parameters filled in, in English.
func (e *FieldError) Text() string {
	return Fill(e.Message, e.Data)
}

// Unwrap makes every FieldError match ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }

// Problems collects the validation problems of one record. A nil or empty
// Problems is not an error; use Err to turn it into one.
type Problems []*FieldError

// Add records a problem with field.
func (p *Problems) Add(field, message string, data map[string]any) {
	*p = append(*p, &FieldError{Field: field, Message: message, Data: data})
}

// Err returns p as an error, or nil when there are no problems.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

func (p Problems) Error() string {
	parts := make([]string, len(p))
	for i, e := range p {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap exposes each problem to errors.Is and errors.As.
func (p Problems) Unwrap() []error {
	errs := make([]error, len(p))
	for i, e := range p {
		errs[i] = e
	}
	return errs
}

// For returns the first problem with field, or nil.
func (p Problems) For(field string) *FieldError {
	for _, e := range p {
		if e.Field == field {
			return e
		}
	}
	return nil
}

// ProblemsOf extracts the field problems carried by err, however wrapped.
func ProblemsOf(err error) Problems {
	var p Problems
	if errors.As(err, &p) {
		return p
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return Problems{fe}
	}
	return nil
}

// Fill replaces the {{.Key}} parameters of a message with the values of
// data; a parameter without a value stays as written. It is how every
// English message of the domain (field errors, agenda items, readiness
// findings) is filled; translations go through the catalogue instead.
func Fill(msg string, data map[string]any) string {
	if len(data) == 0 || !strings.Contains(msg, "{{") {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.Index(msg, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(msg[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(msg[:i])
		key := msg[i+3 : i+j]
		if v, ok := data[key]; ok {
			b.WriteString(fmt.Sprint(v))
		} else {
			b.WriteString(msg[i : i+j+2])
		}
		msg = msg[i+j+2:]
	}
	b.WriteString(msg)
	return b.String()
}

// Message is an error in words the user interfaces translate: Text is an
// English source string (a message of the catalogue) whose {{.Key}}
// fields Data fills; Err, when not nil, is what went wrong beneath it,
// written after a colon. errors.Is and errors.As see through it to Err.
// The store and the command line build their errors with Err, so that
// a Russian user reads them in Russian (ErrorIn).
type Message struct {
	Text string
	Data map[string]any
	Err  error
	// Quiet: Err is for programs (errors.Is) only; the message says it
	// all, and Err's words are not written after it (ErrAs).
	Quiet bool
}

// Err returns the error whose words are text filled from data, followed
// by err's (when err is not nil): Err("person {{.Person}}", data, err) is
// what fmt.Errorf("person %s: %w", name, err) was.
func Err(text string, data map[string]any, err error) error {
	return &Message{Text: text, Data: data, Err: err}
}

// ErrAs returns the error whose words are text filled from data alone,
// and that matches err (a sentinel: ErrDamaged, ErrLocked, …) for
// errors.Is: "the workspace {{.Path}} is damaged: …" says what
// ErrDamaged's own words would repeat. A data value that is an error
// (a reason, a hint) is written as ErrorIn writes it, translated too.
func ErrAs(text string, data map[string]any, err error) error {
	return &Message{Text: text, Data: data, Err: err, Quiet: true}
}

func (m *Message) Error() string {
	s := Fill(m.Text, m.Data)
	if m.Err != nil && !m.Quiet {
		s += ": " + m.Err.Error()
	}
	return s
}

// Unwrap returns the error beneath the message.
func (m *Message) Unwrap() error { return m.Err }

// ErrorIn returns err as tr writes it: each Message of its chain and
// each field problem translated by tr (text and data, as Problems.Add
// and Err were given them), an error wrapped by fmt.Errorf with its own
// words as they are and what it wraps translated, a file's error with
// its path, and any other error's text through tr (the sentinels and the
// system's reasons that the catalogue holds are translated; other texts
// come back as they are).
func ErrorIn(err error, tr func(text string, data map[string]any) string) string {
	switch e := err.(type) {
	case nil:
		return ""
	case *Message:
		data, cloned := e.Data, false
		for k, v := range e.Data {
			if inner, ok := v.(error); ok {
				if !cloned {
					data, cloned = maps.Clone(e.Data), true
				}
				data[k] = ErrorIn(inner, tr)
			}
		}
		s := tr(e.Text, data)
		if e.Err != nil && !e.Quiet {
			s += ": " + ErrorIn(e.Err, tr)
		}
		return s
	case *FieldError:
		return e.Field + ": " + tr(e.Message, e.Data)
	case Problems:
		parts := make([]string, len(e))
		for i, p := range e {
			parts[i] = ErrorIn(p, tr)
		}
		return strings.Join(parts, "; ")
	case *fs.PathError:
		return e.Path + ": " + ErrorIn(e.Err, tr)
	case interface{ Unwrap() []error }:
		// errors.Join's: a line each
		parts := make([]string, 0, len(e.Unwrap()))
		for _, inner := range e.Unwrap() {
			if inner != nil {
				parts = append(parts, ErrorIn(inner, tr))
			}
		}
		return strings.Join(parts, "\n")
	}
	if inner := errors.Unwrap(err); inner != nil {
		if own, ok := strings.CutSuffix(err.Error(), inner.Error()); ok {
			return own + ErrorIn(inner, tr)
		}
	}
	return tr(err.Error(), nil)
}

// SystemReasons are the system's reasons for a failed file operation
// that ErrorIn's translator is given as they are (syscall.Errno's texts
// on Linux), for the catalogue.
var SystemReasons = []string{
	"no such file or directory",
	"permission denied",
	"no space left on device",
	"read-only file system",
	"file exists",
	"is a directory",
	"not a directory",
	"directory not empty",
	"file name too long",
	"disk quota exceeded",
	"input/output error",
	"too many open files",
	"device or resource busy",
}
