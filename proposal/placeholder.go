package proposal

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Placeholders are the names a section may use as {{name}}, resolved from
// the workspace when a variant is assembled. Write \{{ for a literal "{{".
var Placeholders = []string{
	"account.name", "account.industry", "account.segment", "account.strategy",
	"account.goals", "account.competitors",
	"person.name", "person.position", // the people the variant is addressed to
	"audience",
	"proposal.title", "proposal.date", "valid_until", "valid_days",
	"author.name", "author.position", "author.email", "author.phone",
	"company.name", "signature",
	"pricing.total",
	"financial.investment", "financial.yearly_gain", "financial.payback_months",
	"financial.roi", "financial.years",
	"today",
}

// PlaceholderHelp is the English description of each placeholder, for the
// library editor and the README.
var PlaceholderHelp = map[string]string{
	"account.name":             "the client's name",
	"account.industry":         "the client's industry",
	"account.segment":          "the client's segment or territory",
	"account.strategy":         "the client's strategy, from the dossier",
	"account.goals":            "the client's goals, from the dossier",
	"account.competitors":      "the competitors the client uses",
	"person.name":              "the names of the people the variant is addressed to",
	"person.position":          "their positions",
	"audience":                 "the audience of the variant (Executive, HR, Finance, Technical, Whole group)",
	"proposal.title":           "the proposal's title",
	"proposal.date":            "the issue date",
	"valid_until":              "the expiry date",
	"valid_days":               "the validity in days",
	"author.name":              "the author's name",
	"author.position":          "the author's position",
	"author.email":             "the author's e-mail",
	"author.phone":             "the author's phone",
	"company.name":             "our company's name (File → Company and house style)",
	"signature":                "the signature closing a letter: our company's default signature, with the author's name and position",
	"pricing.total":            "the net total of the pricing table",
	"financial.investment":     "the client's investment",
	"financial.yearly_gain":    "the yearly gain or saving",
	"financial.payback_months": "the payback in months",
	"financial.roi":            "the return on investment in percent",
	"financial.years":          "the years the ROI is computed over",
	"today":                    "the day the variant is assembled",
}

// placeholderMatches calls fn for each {{ ... }} on one line in body, in
// order and without overlap: from start to end, escaped when a backslash
// comes before it (and then is part of the match), with name the text
// between the braces (at most 64 characters, none of them a brace or a line
// break). It finds what the regular expression (\\?)\{\{([^{}\n]{0,64})\}\}
// finds (placeholder_test.go compares them), without the backtracking:
// the readiness check of every proposal runs it over every section of
// every variant.
func placeholderMatches(body string, fn func(start, end int, escaped bool, name string)) {
	for i := 0; i+3 < len(body); {
		j := strings.Index(body[i:], "{{")
		if j < 0 {
			return
		}
		open := i + j
		// The name: the longest run after {{ without a brace or a line
		// break, of at most 64 characters, then }}.
		k, n := open+2, 0
		for k < len(body) && n <= 64 {
			c := body[k]
			if c == '{' || c == '}' || c == '\n' {
				break
			}
			_, size := utf8.DecodeRuneInString(body[k:])
			k += size
			n++
		}
		if n > 64 || !strings.HasPrefix(body[k:], "}}") {
			i = open + 1 // a match may start at the second brace
			continue
		}
		start, escaped := open, open > i && body[open-1] == '\\'
		if escaped {
			start--
		}
		fn(start, k+2, escaped, body[open+2:k])
		i = k + 2
	}
}

// UsedPlaceholders returns the placeholder names body uses, in order of
// first use, known or not.
func UsedPlaceholders(body string) []string {
	var out []string
	placeholderMatches(body, func(_, _ int, escaped bool, name string) {
		if escaped {
			return
		}
		name = strings.TrimSpace(name)
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	})
	return out
}

// UnknownPlaceholderError names the placeholders that do not exist.
type UnknownPlaceholderError struct {
	Names []string
}

func (e *UnknownPlaceholderError) Error() string {
	quoted := make([]string, len(e.Names))
	for i, n := range e.Names {
		quoted[i] = "{{" + n + "}}"
	}
	if len(quoted) == 1 {
		return "unknown placeholder " + quoted[0]
	}
	return "unknown placeholders " + strings.Join(quoted, ", ")
}

func (e *UnknownPlaceholderError) Unwrap() error { return ErrInvalid }

// CheckPlaceholders reports the placeholders in body that do not exist.
func CheckPlaceholders(body string) error {
	var unknown []string
	for _, n := range UsedPlaceholders(body) {
		if !slices.Contains(Placeholders, n) {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		return &UnknownPlaceholderError{unknown}
	}
	return nil
}

// Resolve replaces the placeholders of body with values, escaped so that
// they read as plain text in Markdown. A placeholder whose value is empty
// stays in the text as written and is returned in unresolved; an unknown
// one is an error naming it.
func Resolve(body string, values map[string]string) (out string, unresolved []string, err error) {
	if err := CheckPlaceholders(body); err != nil {
		return "", nil, err
	}
	var b strings.Builder
	last := 0
	var escapes map[string]string // the values written so far, escaped
	placeholderMatches(body, func(start, end int, escaped bool, name string) {
		if last == 0 {
			b.Grow(len(body) + len(body)/8) // values are names and dates, mostly
		}
		b.WriteString(body[last:start])
		last = end
		m := body[start:end]
		if escaped {
			b.WriteString(m[1:])
			return
		}
		name = strings.TrimSpace(name)
		v := values[name]
		if strings.TrimSpace(v) == "" {
			if !slices.Contains(unresolved, name) {
				unresolved = append(unresolved, name)
			}
			b.WriteString(m)
			return
		}
		e, ok := escapes[name]
		if !ok {
			e = EscapeMarkdown(v)
			if escapes == nil {
				escapes = map[string]string{}
			}
			escapes[name] = e
		}
		b.WriteString(e)
	})
	if last == 0 {
		return body, unresolved, nil
	}
	b.WriteString(body[last:])
	return b.String(), unresolved, nil
}

// EscapeMarkdown makes s read as plain text wherever it is inserted in
// Markdown: inline markup characters are escaped, line starts that would
// open a block (headings, lists, quotes, tables, fences) are neutralised,
// and line breaks become hard breaks inside the paragraph.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, line := range lines {
		if i > 0 {
			b.WriteString("\\\n")
		}
		line = strings.TrimLeft(line, " \t")
		for j, r := range line {
			next := byte(' ')
			if j+1 < len(line) {
				next = line[j+1]
			}
			switch r {
			case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '|', '~', '&':
				b.WriteByte('\\')
			case '(', ')':
				// only matter after "]" (a link) or after digits at a line start ("1)")
				if j > 0 && line[j-1] == ']' || r == ')' && isDigits(line[:j]) {
					b.WriteByte('\\')
				}
			case '!':
				if next == '[' {
					b.WriteByte('\\')
				}
			case '#', '+', '-', '=':
				// a heading, list item or setext underline only at a line start
				if j == 0 {
					b.WriteByte('\\')
				}
			case '.':
				// "1. " opens an ordered list only at a line start
				if isDigits(line[:j]) && next == ' ' {
					b.WriteByte('\\')
				}
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// describe is for error messages: "{{name}}".
func describe(name string) string { return fmt.Sprintf("{{%s}}", name) }
