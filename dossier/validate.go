package dossier

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what one field may hold. They keep a pasted novel or a runaway
// script from bloating the workspace; the user is told the limit.
const (
	MaxLine = 200      // characters in a one-line field: a name, a position
	MaxText = 20000    // characters in a text field: strategy, notes
	MaxList = 100      // items in a list field: competitors, people
	MaxFile = 50 << 20 // bytes in one attached file
)

// ValidID reports whether id is usable as a record ID: 1–64 lowercase
// letters, digits, '-' or '_', starting with a letter or digit (what
// `^[a-z0-9][a-z0-9_-]{0,63}$` matches, FuzzValidID; compiling that
// pattern was the longest part of starting this package, about 0.7 ms
// of every command, and matching it ten times slower than this loop).
func ValidID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '-' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return true
}

func (p *Problems) id(field, id string, required bool) {
	if id == "" {
		if required {
			p.Add(field, "is required", nil)
		}
		return
	}
	if !ValidID(id) {
		p.Add(field, "is not a valid ID (lowercase letters, digits, '-' and '_')", nil)
	}
}

func (p *Problems) required(field, v string) {
	if strings.TrimSpace(v) == "" {
		p.Add(field, "is required", nil)
	}
}

func (p *Problems) line(field, v string) {
	if n := utf8.RuneCountInString(v); n > MaxLine {
		p.Add(field, "is too long ({{.Len}} characters, at most {{.Max}})", map[string]any{"Len": n, "Max": MaxLine})
		return
	}
	if strings.ContainsAny(v, "\n\r") {
		p.Add(field, "must fit on one line", nil)
	}
	p.controls(field, v)
}

func (p *Problems) text(field, v string) {
	if n := utf8.RuneCountInString(v); n > MaxText {
		p.Add(field, "is too long ({{.Len}} characters, at most {{.Max}})", map[string]any{"Len": n, "Max": MaxText})
		return
	}
	p.controls(field, v)
}

// Controls adds a problem with field when v is not valid UTF-8 or holds a
// control character (C0 other than tab and line breaks, DEL, C1): they
// cannot be typed, only arrive from broken imports or hostile files, and
// would act on a terminal instead of showing. Multi-line text uses it as
// it is; one-line fields refuse line breaks besides.
func (p *Problems) Controls(field, v string) { p.controls(field, v) }

// Date adds a problem with field when d is set and outside MinDate to
// MaxDate.
func (p *Problems) Date(field string, d Date) {
	if !d.IsZero() && !d.InRange() {
		p.Add(field, "must be between {{.Min}} and {{.Max}}", map[string]any{"Min": MinDate, "Max": MaxDate})
	}
}

// controls rejects invalid UTF-8 and control characters other than tab and
// line breaks: they cannot be typed and only arrive from broken imports.
func (p *Problems) controls(field, v string) {
	if !utf8.ValidString(v) {
		p.Add(field, "is not valid text (bad UTF-8)", nil)
		return
	}
	for _, r := range v {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			p.Add(field, "contains a control character", nil)
			return
		}
	}
}

func (p *Problems) list(field string, items []string) {
	if len(items) > MaxList {
		p.Add(field, "has too many items ({{.Len}}, at most {{.Max}})", map[string]any{"Len": len(items), "Max": MaxList})
		return
	}
	for _, it := range items {
		p.line(field, it)
		if strings.TrimSpace(it) == "" {
			p.Add(field, "has an empty item", nil)
		}
	}
}

func (p *Problems) email(field, v string) {
	if v == "" {
		return
	}
	p.line(field, v)
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		p.Add(field, "is not a valid e-mail address", nil)
	}
}

func (p *Problems) phone(field, v string) {
	if v == "" {
		return
	}
	p.line(field, v)
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-() ./x", r):
		default:
			p.Add(field, "may hold only digits, spaces and + - ( ) . /", nil)
			return
		}
	}
	if digits < 3 || digits > 20 {
		p.Add(field, "is not a phone number", nil)
	}
}

func enum[T comparable](p *Problems, field string, list []T, v T, required bool) {
	var zero T
	if v == zero {
		if required {
			p.Add(field, "is required", nil)
		}
		return
	}
	if !oneOf(list, v) {
		p.Add(field, "is not one of the allowed values", map[string]any{"Value": v})
	}
}
