package contacts

import (
	"slices"
	"strings"

	"kamdesk/dossier"
)

// Mapping says which field each column of a CSV file fills, by the
// column's header (its case and the spaces around it aside). A field is
// one of PersonFields (or AccountFields for accounts); Ignore leaves the
// column out on purpose. A column the mapping does not name is read as
// the built-in mapping says, which knows the usual English headers of
// Outlook's and Google Contacts' exports.
type Mapping map[string]string

// Ignore is the field of a column left out.
const Ignore = "ignore"

// PersonFields are the fields a column of people can fill: the parts
// of the name (put together when no column gives the whole name), then
// a person's fields by their JSON names; title is position.
var PersonFields = []string{"first", "middle", "last", "name", "email", "phone", "position", "title", "department",
	"birthday", "notes", "level", "type", "role", "influence", "channel", "family", "hobbies", "values", "privacy_note", Ignore}

// ParseMapping reads a mapping written as the command line takes it:
// HEADER=FIELD pairs separated by commas ("First Name=first,E-mail
// Address=email"), each field one of fields.
func ParseMapping(spec string, fields []string) (Mapping, error) {
	m := Mapping{}
	for _, pair := range strings.Split(spec, ",") {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		i := strings.LastIndexByte(pair, '=')
		if i <= 0 || strings.TrimSpace(pair[:i]) == "" {
			return nil, dossier.ErrAs(`"{{.Text}}" is not HEADER=FIELD`, map[string]any{"Text": pair}, dossier.ErrInvalid)
		}
		h, f := strings.TrimSpace(pair[:i]), strings.ToLower(strings.TrimSpace(pair[i+1:]))
		if !slices.Contains(fields, f) {
			return nil, unknownField(f, fields)
		}
		m[h] = f
	}
	if len(m) == 0 {
		return nil, dossier.ErrAs("the mapping is empty", nil, dossier.ErrInvalid)
	}
	return m, nil
}

// Only returns the part of m that names columns of header: a mapping
// saved from one file, applied to another that lacks some of its
// columns.
func (m Mapping) Only(header []string) Mapping {
	out := Mapping{}
	for h, f := range m {
		if slices.ContainsFunc(header, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), strings.TrimSpace(h)) }) {
			out[h] = f
		}
	}
	return out
}

func unknownField(f string, fields []string) error {
	return dossier.ErrAs(`"{{.Field}}" is not a field kamdesk knows (fields: {{.Fields}})`, map[string]any{"Field": f, "Fields": strings.Join(fields, ", ")}, dossier.ErrInvalid)
}

// field returns the field the mapping gives header, "" when it does not
// name it.
func (m Mapping) field(header string) string {
	if f, ok := m[header]; ok {
		return f
	}
	for h, f := range m {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(header)) {
			return f
		}
	}
	return ""
}

// Column is one column of a CSV file and the field it fills.
type Column struct {
	Header string `json:"header"`
	// Field is the field it fills, Ignore when it is left out on
	// purpose, "" when it is unknown (neither mapped nor a header the
	// built-in mapping knows): its values are not kept.
	Field string `json:"field"`
	// Empty: no row has a value in it.
	Empty bool `json:"empty"`
}

// builtInPeople are the headers the built-in mapping knows for people,
// in lower case: Outlook's, Google Contacts' (old and new) and kamdesk's
// own field names. The numbered ones of Google ("E-mail 2 - Value") are
// in builtInPerson.
var builtInPeople = map[string]string{
	// Outlook
	"first name": "first", "middle name": "middle", "last name": "last",
	"e-mail address": "email", "e-mail 2 address": "email", "e-mail 3 address": "email",
	"business phone": "phone", "mobile phone": "phone", "primary phone": "phone", "business phone 2": "phone",
	"home phone": "phone", "home phone 2": "phone", "company main phone": "phone", "other phone": "phone",
	"job title": "position", "department": "department", "birthday": "birthday", "notes": "notes",
	"title": Ignore, "suffix": Ignore, "company": Ignore, "e-mail display name": Ignore, "e-mail type": Ignore,
	"e-mail 2 display name": Ignore, "e-mail 2 type": Ignore, "e-mail 3 display name": Ignore, "e-mail 3 type": Ignore,
	// Google Contacts
	"name": "name", "given name": "first", "additional name": "middle", "family name": "last",
	"name prefix": Ignore, "name suffix": Ignore, "nickname": Ignore, "file as": Ignore, "labels": Ignore,
	"group membership": Ignore, "photo": Ignore, "organization name": Ignore, "organization title": "position",
	"organization department": "department",
	// kamdesk
	"email": "email", "e-mail": "email", "phone": "phone", "position": "position",
	"level": "level", "type": "type", "role": "role", "influence": "influence", "channel": "channel",
	"family": "family", "hobbies": "hobbies", "values": "values", "privacy_note": "privacy_note",
}

// builtInPerson returns the field the built-in mapping gives a header of
// people, "" when it does not know it.
func builtInPerson(header string) string {
	h := strings.ToLower(strings.TrimSpace(header))
	if f, ok := builtInPeople[h]; ok {
		return f
	}
	// Google: "E-mail 1 - Value", "Phone 2 - Label", "Organization 1 - Title"…
	kind, rest, ok := strings.Cut(h, " ")
	if !ok {
		return ""
	}
	n, what, ok := strings.Cut(rest, " - ")
	if !ok || !digits(n) {
		return ""
	}
	switch {
	case kind == "e-mail" && what == "value":
		return "email"
	case kind == "phone" && what == "value":
		return "phone"
	case kind == "organization" && what == "title":
		return "position"
	case kind == "organization" && what == "department":
		return "department"
	case kind == "e-mail", kind == "phone", kind == "organization":
		return Ignore
	}
	return ""
}

// quiet reports whether a column the built-in mapping leaves out says
// only how another is to be read (Outlook's "E-mail Type", Google's
// "E-mail 1 - Label", "Labels"): its values are not worth listing as not
// kept.
func quiet(header string) bool {
	h := strings.ToLower(strings.TrimSpace(header))
	switch {
	case strings.HasSuffix(h, " type"), strings.HasSuffix(h, " display name"), strings.HasSuffix(h, " - label"),
		strings.HasSuffix(h, " - type"), h == "labels", h == "group membership", h == "file as":
		return builtInPerson(h) == Ignore
	}
	return false
}

// columns gives each column of header its field: m's, else known's;
// m must name columns of the file and fields of fields.
func columns(file string, header []string, m Mapping, fields []string, known func(string) string) ([]Column, error) {
	var probs Problems
	for h, f := range m {
		if !slices.Contains(fields, f) {
			probs = append(probs, &LineError{File: file, Line: 1, Property: h, Err: unknownField(f, fields)})
		}
		if !slices.ContainsFunc(header, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), strings.TrimSpace(h)) }) {
			probs = append(probs, &LineError{File: file, Line: 1, Property: h, Err: dossier.ErrAs(`the file has no column "{{.Header}}" (its columns: {{.Columns}})`,
				map[string]any{"Header": h, "Columns": strings.Join(header, ", ")}, dossier.ErrInvalid)})
		}
	}
	if len(probs) > 0 {
		slices.SortFunc(probs, func(a, b *LineError) int { return strings.Compare(a.Property, b.Property) })
		return nil, probs
	}
	cols := make([]Column, len(header))
	for i, h := range header {
		cols[i] = Column{Header: h, Field: m.field(h)}
		if cols[i].Field == "" {
			cols[i].Field = known(h)
		}
		if cols[i].Field == "title" {
			cols[i].Field = "position"
		}
	}
	return cols, nil
}
