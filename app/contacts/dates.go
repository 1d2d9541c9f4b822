package contacts

import (
	"errors"
	"strings"

	"kamdesk/dossier"
)

// DateFormat is how a file writes its dates: the order of the day, the
// month and the year, as the user says it (DD.MM.YYYY, MM/DD/YYYY,
// YYYY-MM-DD). A date of the file may leave the year out (15.04.,
// 04/15). The zero DateFormat reads ISO dates only (YYYY-MM-DD, --MM-DD),
// the one form that cannot be read two ways.
type DateFormat struct {
	text  string
	order string // "DMY", "MDY", "YMD", "DM"…: the parts in the order written
}

// ErrDateFormat is what the error of a file whose dates can be read
// more than one way matches (errors.Is): its user is to say their
// format.
var ErrDateFormat = errors.New("the format of the dates is needed")

// ParseDateFormat reads a format made of DD (or D), MM (or M) and YYYY
// in any order, with any separators; the year may be left out.
func ParseDateFormat(s string) (DateFormat, error) {
	f := DateFormat{text: strings.TrimSpace(s)}
	up := strings.ToUpper(f.text)
	bad := dossier.ErrAs(`"{{.Format}}" is not a date format (such as DD.MM.YYYY, MM/DD/YYYY or YYYY-MM-DD)`, map[string]any{"Format": s}, dossier.ErrInvalid)
	for i := 0; i < len(up); {
		c := up[i]
		j := i
		for j < len(up) && up[j] == c {
			j++
		}
		switch {
		case c == 'D' && j-i <= 2, c == 'M' && j-i <= 2, c == 'Y' && j-i == 4:
			if strings.IndexByte(f.order, c) >= 0 {
				return DateFormat{}, bad
			}
			f.order += string(c)
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			return DateFormat{}, bad
		}
		i = j
	}
	if !strings.Contains(f.order, "D") || !strings.Contains(f.order, "M") {
		return DateFormat{}, bad
	}
	return f, nil
}

// String returns the format as the user wrote it.
func (f DateFormat) String() string { return f.text }

// IsZero reports whether f is the zero DateFormat (ISO dates only).
func (f DateFormat) IsZero() bool { return f.order == "" }

// Birthday reads v, a date written in the format f, as a birthday;
// with the year left out when v leaves it out. An ISO date (YYYY-MM-DD,
// --MM-DD) is read as one whatever f, unless f puts the year first: a
// file of Google's among Outlook's.
func (f DateFormat) Birthday(v string) (dossier.Birthday, error) {
	if f.IsZero() || f.order[0] != 'Y' && isISODate(v) {
		return isoBirthday(v)
	}
	bad := dossier.ErrAs(`"{{.Text}}" is not a date of the format {{.Format}}`, map[string]any{"Text": v, "Format": f.text}, dossier.ErrInvalid)
	parts := strings.FieldsFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	order := f.order
	if len(parts) == len(order)-1 && strings.Contains(order, "Y") {
		order = strings.Replace(order, "Y", "", 1)
	}
	if len(parts) != len(order) {
		return dossier.Birthday{}, bad
	}
	var y, m, d string
	for i, c := range []byte(order) {
		p := parts[i]
		switch {
		case c == 'Y' && len(p) == 4:
			y = p
		case c == 'M' && len(p) <= 2:
			m = "0" + p
		case c == 'D' && len(p) <= 2:
			d = "0" + p
		default:
			return dossier.Birthday{}, bad
		}
	}
	s := "--" + m[len(m)-2:] + "-" + d[len(d)-2:]
	if y != "" {
		s = y + s[1:]
	}
	b, err := dossier.ParseBirthday(s)
	if err != nil {
		return dossier.Birthday{}, bad
	}
	return b, nil
}

// isoBirthday reads YYYY-MM-DD or --MM-DD.
func isoBirthday(v string) (dossier.Birthday, error) {
	if !isISODate(v) {
		return dossier.Birthday{}, dossier.ErrAs(`"{{.Text}}" is not a date of the format {{.Format}}`, map[string]any{"Text": v, "Format": "YYYY-MM-DD"}, dossier.ErrInvalid)
	}
	return dossier.ParseBirthday(v)
}

// isISODate reports whether v is written YYYY-MM-DD or --MM-DD.
func isISODate(v string) bool {
	switch {
	case len(v) == 10 && v[4] == '-' && v[7] == '-':
		return digits(v[:4]) && digits(v[5:7]) && digits(v[8:])
	case len(v) == 7 && v[:2] == "--" && v[4] == '-':
		return digits(v[2:4]) && digits(v[5:])
	}
	return false
}

// noDate reports whether v says there is no date: empty, or Outlook's
// 0/0/00.
func noDate(v string) bool {
	return strings.Trim(v, "0/.- ") == ""
}
