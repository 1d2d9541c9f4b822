package contacts

import (
	"errors"
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// Card is one person read from a file, a vCard or a row of a CSV file:
// the person it describes and where it was.
type Card struct {
	File string
	Line int // the line of its BEGIN:VCARD or of its row, from 1
	// Person is what the card says; its ID, account and time stamps are
	// empty, its ReportsTo is ReportsTo below (an ID of the file's).
	Person dossier.Person
	// Given holds the fields (JSON names) the card sets; the others are
	// empty, or defaults (a card without kamdesk's fields is of type
	// other, at the level doubter).
	Given map[string]bool
	// Ignored lists what the card holds that kamdesk keeps nowhere: the
	// names of such properties (ADR, URL…), the e-mail addresses and
	// phone numbers beyond the first (EMAIL x@y), and a photo given as a
	// link (PHOTO https://…), of a kind kamdesk does not show (PHOTO
	// image/heic) or too large (PHOTO JPEG 8000×6000, 14336 KB).
	Ignored []string
	// Photo holds the bytes of the person's photo, which Person.Photo
	// describes (without a FileID: the store gives it one); nil when the
	// card has none.
	Photo []byte
	// SourceID and ReportsTo are the person's ID and their manager's in
	// the workspace the card came from (X-KAMDESK-ID,
	// X-KAMDESK-REPORTS-TO), "" when not said.
	SourceID, ReportsTo string

	lines map[string]int // field (JSON name) → the line of its property
}

// Level and Type are what a card without kamdesk's fields gets: nothing
// is known of the person's part yet.
const (
	DefaultType  = dossier.OtherType
	DefaultLevel = dossier.Doubter
)

// LineError is a problem with a card: the file, the line and the
// property it concerns, and what is wrong.
type LineError struct {
	File     string
	Line     int
	Property string // "" when the problem is with the line as a whole
	Err      error
}

func (e *LineError) Error() string {
	s := e.File + ":" + strconv.Itoa(e.Line) + ": "
	if e.Property != "" {
		s += e.Property + ": "
	}
	return s + e.Err.Error()
}

// Unwrap returns the problem, which dossier.ErrorIn translates.
func (e *LineError) Unwrap() error { return e.Err }

// Problems are the problems of one or more files: Read and ReadFiles
// return them all, so that the user fixes them at once.
type Problems []*LineError

func (p Problems) Error() string {
	s := make([]string, len(p))
	for i, e := range p {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap gives each problem to dossier.ErrorIn (a line each) and
// errors.As.
func (p Problems) Unwrap() []error {
	out := make([]error, len(p))
	for i, e := range p {
		out[i] = e
	}
	return out
}

// ProblemsOf returns the problems err carries, nil when it is another
// error.
func ProblemsOf(err error) Problems {
	var p Problems
	if errors.As(err, &p) {
		return p
	}
	var le *LineError
	if errors.As(err, &le) {
		return Problems{le}
	}
	return nil
}

// maxProblems bounds the problems reported of one import.
const maxProblems = 50

// check gives the person of c the type and level of a person nothing is
// known of yet when it has none, and checks them as the store checks a
// saved person; where names the line and the property (or column) of a
// field, for the problems.
func check(c *Card, where func(field string) (line int, prop string)) Problems {
	p := &c.Person
	if p.Type == "" {
		p.Type = DefaultType
	}
	if p.Level == "" {
		p.Level = DefaultLevel
	}
	// The checks of a saved person, with a stand-in account and photo
	// file.
	saved := *p
	saved.AccountID = "import"
	if p.Photo != nil {
		ph := *p.Photo
		ph.FileID = "import"
		saved.Photo = &ph
	}
	var probs Problems
	for _, fe := range dossier.ProblemsOf(saved.Validate()) {
		n, prop := where(fe.Field)
		probs = append(probs, &LineError{File: c.File, Line: n, Property: prop, Err: fe})
	}
	return probs
}
