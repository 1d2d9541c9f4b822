package proposal

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// unquoteValue reads a header value written in quotes as YAML writes and
// reads them (the header looks like YAML front matter, and people write
// it as YAML): "Why us: the facts" with YAML's escapes (\" \\ \t \u00e9
// …), or in single quotes, a quote doubled for a quote. A comment may follow
// (# …); any other text after the closing quote is a problem. A value
// without quotes is taken as it is written, to the end of the line.
func unquoteValue(v string) (string, error) {
	end := closingQuote(v)
	if end < 0 {
		return "", errBadQuotes
	}
	// after the closing quote: nothing, or a comment after a space
	rest := v[end+1:]
	if after := strings.TrimLeft(rest, " \t"); after != "" && (after[0] != '#' || len(after) == len(rest)) {
		return "", errBadQuotes
	}
	var out string
	if err := yaml.Unmarshal([]byte(v[:end+1]), &out); err != nil {
		return "", errBadQuotes
	}
	return out, nil
}

// closingQuote returns the index of the quote that closes the quoted
// value v (v[0] is the quote), or -1: in double quotes a backslash
// escapes the next character, in single quotes a quote doubled is one.
func closingQuote(v string) int {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return i
		}
	}
	return -1
}

// errBadQuotes is the problem of a quoted header value YAML cannot read.
var errBadQuotes = errors.New(`the value in quotes is not closed, or text follows its closing quote (write "Why us: the facts", with \" for a quote inside, or 'it''s')`)

// quoteValue writes v so that unquoteValue and YAML read it back: as it
// is when that is plain YAML, else in double quotes with \ and "
// escaped, and what YAML would not keep as it is inside quotes (a line or
// paragraph separator, a byte order mark, what is not printable) as
// \uXXXX.
func quoteValue(v string) string {
	if v == "" || !needsQuotes(v) {
		return v
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		switch {
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case !unusualInYAML(r):
			b.WriteRune(r)
		case r > 0xFFFF:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// needsQuotes reports whether YAML would read v, written plain, as
// something else: a quote or another of YAML's indicators first, ": " or
// " #" inside, a colon or a space at the end, a space first.
func needsQuotes(v string) bool {
	return strings.ContainsRune(`"'#&*!|>%@\`+"`"+`-?:,[]{} `, rune(v[0])) ||
		strings.Contains(v, ": ") || strings.Contains(v, " #") ||
		strings.HasSuffix(v, ":") || strings.HasSuffix(v, " ") || strings.ContainsFunc(v, unusualInYAML)
}

// unusualInYAML reports whether YAML would not keep r as it is in a plain
// value: a line or paragraph separator, a byte order mark, a character
// that is not printable.
func unusualInYAML(r rune) bool {
	return r != '\t' && !unicode.IsPrint(r) || r == '\u2028' || r == '\u2029' || r == '\uFEFF'
}
