package proposal

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kamdesk/dossier"
)

// A team keeps its section library as Markdown files with a short header,
// one section a file, so it can live in a shared folder or a repository and
// be reviewed like any other text:
//
//	---
//	id: exec-understanding
//	title: Understanding of your business
//	kind: understanding
//	audiences: executive 90, finance 30
//	language: en
//	---
//	Markdown body…
//
// The header keys are id (optional: the file name gives it), title, kind,
// audiences (comma-separated "audience weight" pairs) and language; each
// value is a plain string on one line, everything after the first ':'
// (so a title may contain ': '). Blank header lines and lines starting
// with '#' are ignored; any other key is an error. The body is everything
// after the closing "---"; its leading blank lines and trailing white space
// are not kept.

// FileError is a problem with one file of a section library, at a line
// (1-based; 0 when it concerns the whole file).
type FileError struct {
	File string
	Line int
	Msg  string
}

func (e *FileError) Error() string {
	if e.Line <= 0 {
		return e.File + ": " + e.Msg
	}
	return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Unwrap makes every FileError match ErrInvalid.
func (e *FileError) Unwrap() error { return ErrInvalid }

// FileErrors returns the file errors carried by err, however joined, in
// the order they were reported.
func FileErrors(err error) []*FileError {
	var out []*FileError
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if fe, ok := err.(*FileError); ok {
			out = append(out, fe)
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

// MaxSectionFile is the largest section file read, in bytes: a body of
// MaxBody characters of up to four bytes each, and a header.
const MaxSectionFile = 4*MaxBody + 4096

// MaxLibraryFiles is the most section files ParseLibraryDir reads.
const MaxLibraryFiles = 5000

const fence = "---"

// maxFileProblems is the most problems reported for one file.
const maxFileProblems = 20

// headerKeys are the keys a section file header may carry, in the order
// FormatSectionFile writes them.
var headerKeys = []string{"id", "title", "kind", "audiences", "language"}

var headerExample = map[string]string{
	"title":     `e.g. "title: Understanding of your business"`,
	"kind":      `e.g. "kind: benefits"`,
	"audiences": `e.g. "audiences: executive 80, finance 40"`,
	"language":  `e.g. "language: en"`,
}

// ParseSectionFile reads one section file. name is only used in errors,
// which are *FileError values naming the file and the line
// ("intro.md:3: unknown kind \"intro\""); several problems are joined. A
// file without an id keeps an empty ID: see ParseLibraryDir.
func ParseSectionFile(name string, data []byte) (Section, error) {
	var errs []error
	fail := func(line int, format string, a ...any) {
		errs = append(errs, &FileError{File: name, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	if len(data) > MaxSectionFile {
		fail(0, "the file is too large (%d bytes, at most %d)", len(data), MaxSectionFile)
		return Section{}, errors.Join(errs...)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		fail(line, "the file is not UTF-8 text")
		return Section{}, errors.Join(errs...)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if strings.TrimRightFunc(lines[0], unicode.IsSpace) != fence {
		fail(1, "the file must start with a %q line, then the header (title, kind, audiences, language), then %q and the text", fence, fence)
		return Section{}, errors.Join(errs...)
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.TrimRightFunc(lines[i], unicode.IsSpace) == fence {
			end = i
			break
		}
	}
	if end < 0 {
		fail(1, "the header has no closing %q line", fence)
		return Section{}, errors.Join(errs...)
	}

	var s Section
	keyLine := map[string]int{} // header key -> 1-based line
	badKey := map[string]bool{} // keys whose value was refused above
	for i := 1; i < end; i++ {
		ln := i + 1
		raw := strings.TrimSpace(lines[i])
		if raw == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		k, v, ok := strings.Cut(raw, ":")
		if !ok {
			fail(ln, "expected \"key: value\", found %q", clip(raw))
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if !slices.Contains(headerKeys, key) {
			fail(ln, "unknown key %q (the keys are %s)", clip(strings.TrimSpace(k)), strings.Join(headerKeys, ", "))
			continue
		}
		if prev, dup := keyLine[key]; dup {
			fail(ln, "%s is given twice (first on line %d)", key, prev)
			continue
		}
		keyLine[key] = ln
		if hasControl(v) {
			fail(ln, "%s contains control characters", key)
			badKey[key] = true
			continue
		}
		switch key {
		case "id":
			s.ID = v
		case "title":
			s.Title = v
		case "kind":
			s.Kind = Kind(strings.ToLower(v))
			if !slices.Contains(Kinds, s.Kind) {
				fail(ln, "unknown kind %q (one of %s)", clip(v), kindList())
			}
		case "audiences":
			w, msgs := parseWeights(v)
			for _, m := range msgs {
				fail(ln, "%s", m)
			}
			s.Audiences = w
		case "language":
			s.Language = v
		}
	}

	bodyLine := end + 2 // the line after the closing fence
	body := lines[end+1:]
	for len(body) > 0 && strings.TrimSpace(body[0]) == "" {
		body = body[1:]
		bodyLine++
	}
	s.Body = strings.TrimRightFunc(strings.Join(body, "\n"), unicode.IsSpace)
	if s.Body == "" {
		fail(end+1, "the section has no text after the header")
	}

	for _, k := range headerKeys[1:] {
		if keyLine[k] == 0 {
			fail(1, "the header has no %s line (%s)", k, headerExample[k])
		}
	}
	if err := s.Validate(); err != nil {
		for _, p := range dossier.ProblemsOf(err) {
			field := strings.SplitN(p.Field, ".", 2)[0]
			ln := keyLine[field]
			switch {
			case field == "body":
				msg := p.Text()
				if strings.HasPrefix(msg, "is ") || strings.HasPrefix(msg, "contains ") {
					msg = "the text " + msg
				}
				fail(bodyProblemLine(s.Body, bodyLine), "%s", msg)
			case ln == 0 || badKey[field] || field == "kind" || field == "audiences":
				// missing keys, kinds and audiences are reported above
			default:
				fail(ln, "%s %s", field, p.Text())
			}
		}
	}
	if len(errs) > maxFileProblems {
		n := len(errs) - maxFileProblems
		errs = append(errs[:maxFileProblems], &FileError{File: name, Msg: fmt.Sprintf("%d more problems", n)})
	}
	if len(errs) > 0 {
		return Section{}, errors.Join(errs...)
	}
	return s, nil
}

// parseWeights reads "executive 90, finance 30".
func parseWeights(v string) (Weights, []string) {
	w := Weights{}
	var msgs []string
	if strings.TrimSpace(v) == "" {
		return w, []string{"audiences needs at least one \"audience weight\" pair, e.g. \"executive 80, finance 40\""}
	}
	for _, part := range strings.Split(v, ",") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		a := Audience(strings.ToLower(f[0]))
		if !slices.Contains(Audiences, a) {
			msgs = append(msgs, fmt.Sprintf("unknown audience %q (executive, hr, finance or technical)", clip(f[0])))
			continue
		}
		if len(f) != 2 {
			msgs = append(msgs, fmt.Sprintf("audience %s needs one weight from 1 to 100, e.g. \"%s 60\"", a, a))
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 || n > 100 {
			msgs = append(msgs, fmt.Sprintf("weight %q for %s is not a number from 1 to 100", clip(f[1]), a))
			continue
		}
		if _, dup := w[a]; dup {
			msgs = append(msgs, fmt.Sprintf("audience %s is given twice", a))
			continue
		}
		w[a] = n
	}
	if len(w) == 0 && len(msgs) == 0 {
		msgs = append(msgs, "audiences needs at least one \"audience weight\" pair, e.g. \"executive 80, finance 40\"")
	}
	return w, msgs
}

// bodyProblemLine is the file line of a problem with the body: the line of
// the first control character, else of the first unknown placeholder,
// else the first line of the body.
func bodyProblemLine(body string, first int) int {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if hasControl(strings.TrimSuffix(l, "\r")) {
			return first + i
		}
	}
	var u *UnknownPlaceholderError
	if errors.As(CheckPlaceholders(body), &u) && len(u.Names) > 0 {
		for i, l := range lines {
			found := false
			placeholderMatches(l, func(_, _ int, escaped bool, name string) {
				found = found || !escaped && strings.TrimSpace(name) == u.Names[0]
			})
			if found {
				return first + i
			}
		}
	}
	return first
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r != '\t' && unicode.IsControl(r) })
}

// clip shortens a quoted bit of a hostile file for an error message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// FormatSectionFile writes s as a section file that ParseSectionFile reads
// back to the same section (time stamps aside). Audiences are written in
// the order executive, hr, finance, technical.
func FormatSectionFile(s Section) []byte {
	var b strings.Builder
	b.WriteString(fence + "\n")
	if s.ID != "" {
		b.WriteString("id: " + s.ID + "\n")
	}
	b.WriteString("title: " + s.Title + "\n")
	b.WriteString("kind: " + string(s.Kind) + "\n")
	b.WriteString("audiences: " + FormatWeights(s.Audiences) + "\n")
	b.WriteString("language: " + s.Language + "\n")
	b.WriteString(fence + "\n")
	body := strings.TrimRightFunc(strings.ReplaceAll(s.Body, "\r\n", "\n"), unicode.IsSpace)
	if body != "" {
		b.WriteString(body + "\n")
	}
	return []byte(b.String())
}

// FormatWeights writes w as "executive 90, finance 30", audiences in the
// order of Audiences.
func FormatWeights(w Weights) string {
	var parts []string
	for _, a := range Audiences {
		if v, ok := w[a]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", a, v))
		}
	}
	return strings.Join(parts, ", ")
}
