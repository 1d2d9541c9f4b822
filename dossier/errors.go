package dossier

import (
	"errors"
	"fmt"
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
