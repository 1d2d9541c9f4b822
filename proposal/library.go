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
// (1-based; 0 when it concerns the whole file): "intro.md:3: unknown kind
// "intro"". Err is the problem in words the user interfaces translate (a
// dossier.Err message, or an error with a literal text), which
// dossier.ErrorIn translates after the file and line; Msg, used when Err
// is nil, is a problem already worded for its reader.
type FileError struct {
	File string
	Line int
	Msg  string
	Err  error
}

func (e *FileError) Error() string {
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	if e.Err != nil {
		return where + ": " + e.Err.Error()
	}
	return where + ": " + e.Msg
}

// Unwrap returns the problem (Err), which dossier.ErrorIn translates;
// ErrInvalid when there is none.
func (e *FileError) Unwrap() error {
	if e.Err != nil {
		return e.Err
	}
	return ErrInvalid
}

// Is makes every FileError match ErrInvalid.
func (e *FileError) Is(target error) bool { return target == ErrInvalid }

// reason is the system's reason a file cannot be read ("permission
// denied"), which dossier.ErrorIn hands to the catalogue as it is (see
// dossier.SystemReasons). It is words only: a FileError matches no
// sentinel of the file system.
type reason string

func (r reason) Error() string { return string(r) }

// keyError is a problem Validate found with the value of a header key,
// said of the key as the file writes it ("title is required"): the key
// stays as it is, the problem (Validate's message, a text of the
// catalogue) is what dossier.ErrorIn translates.
type keyError struct {
	key string
	err error
}

func (e *keyError) Error() string { return e.key + " " + e.err.Error() }
func (e *keyError) Unwrap() error { return e.err }

// bodyProblem is a problem Validate found with the text of a section
// (body), said of the text as the file's reader reads it: "the text is
// too long (…)" where Validate says "is too long (…)".
func bodyProblem(body string, p *dossier.FieldError) error {
	var u *UnknownPlaceholderError
	switch {
	case p.Message == "{{.Error}}" && errors.As(CheckPlaceholders(body), &u):
		return placeholderProblem(u)
	case p.Message == "is too long ({{.Len}} characters, at most {{.Max}})":
		return dossier.Err("the text is too long ({{.Len}} characters, at most {{.Max}})", p.Data, nil)
	case p.Message == "contains a control character":
		return errors.New("the text contains a control character")
	case strings.HasPrefix(p.Message, "is ") || strings.HasPrefix(p.Message, "contains "):
		return &keyError{key: "the text", err: problemOf(p)}
	}
	return problemOf(p)
}

// placeholderProblem is u in words the user interfaces translate:
// "unknown placeholder {{client.name}}", as u.Error() says it.
func placeholderProblem(u *UnknownPlaceholderError) error {
	quoted := make([]string, len(u.Names))
	for i, n := range u.Names {
		quoted[i] = "{{" + n + "}}"
	}
	if len(quoted) == 1 {
		return dossier.Err("unknown placeholder {{.Placeholder}}", map[string]any{"Placeholder": quoted[0]}, nil)
	}
	return dossier.Err("unknown placeholders {{.Placeholders}}", map[string]any{"Placeholders": strings.Join(quoted, ", ")}, nil)
}

// problemOf is a field problem of Validate as a message, without the
// field: the words Problems.Add was given, already in the catalogue.
func problemOf(p *dossier.FieldError) error {
	return &dossier.Message{Text: p.Message, Data: p.Data}
}

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

// noHeaderLine is the problem of a header without the line of a key that
// must be there, with an example of it.
var noHeaderLine = map[string]error{
	"title":     errors.New(`the header has no title line (e.g. "title: Understanding of your business")`),
	"kind":      errors.New(`the header has no kind line (e.g. "kind: benefits")`),
	"audiences": errors.New(`the header has no audiences line (e.g. "audiences: executive 80, finance 40")`),
	"language":  errors.New(`the header has no language line (e.g. "language: en")`),
}

// ParseSectionFile reads one section file. name is only used in errors,
// which are *FileError values naming the file and the line
// ("intro.md:3: unknown kind \"intro\""); several problems are joined. A
// file without an id keeps an empty ID: see ParseLibraryDir.
func ParseSectionFile(name string, data []byte) (Section, error) {
	var errs []error
	fail := func(line int, err error) {
		errs = append(errs, &FileError{File: name, Line: line, Err: err})
	}
	if len(data) > MaxSectionFile {
		fail(0, dossier.Err("the file is too large ({{.Size}} bytes, at most {{.Max}})", map[string]any{"Size": len(data), "Max": MaxSectionFile}, nil))
		return Section{}, errors.Join(errs...)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		fail(line, errors.New("the file is not UTF-8 text"))
		return Section{}, errors.Join(errs...)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if strings.TrimRightFunc(lines[0], unicode.IsSpace) != fence {
		fail(1, errors.New(`the file must start with a "---" line, then the header (title, kind, audiences, language), then "---" and the text`))
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
		fail(1, errors.New(`the header has no closing "---" line`))
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
			fail(ln, dossier.Err(`expected "key: value", found "{{.Text}}"`, map[string]any{"Text": clip(raw)}, nil))
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if !slices.Contains(headerKeys, key) {
			fail(ln, dossier.Err(`unknown key "{{.Key}}" (the keys are {{.Keys}})`,
				map[string]any{"Key": clip(strings.TrimSpace(k)), "Keys": strings.Join(headerKeys, ", ")}, nil))
			continue
		}
		if prev, dup := keyLine[key]; dup {
			fail(ln, dossier.Err("{{.Key}} is given twice (first on line {{.Line}})", map[string]any{"Key": key, "Line": prev}, nil))
			continue
		}
		keyLine[key] = ln
		if v != "" && (v[0] == '"' || v[0] == '\'') {
			var err error
			if v, err = unquoteValue(v); err != nil {
				fail(ln, dossier.Err("{{.Key}}: {{.Problem}}", map[string]any{"Key": key, "Problem": err}, nil))
				badKey[key] = true
				continue
			}
		}
		if hasControl(v) {
			fail(ln, dossier.Err("{{.Key}} contains control characters", map[string]any{"Key": key}, nil))
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
				fail(ln, dossier.Err(`unknown kind "{{.Value}}" (one of {{.Kinds}})`, map[string]any{"Value": clip(v), "Kinds": kindList()}, nil))
			}
		case "audiences":
			w, problems := parseWeights(v)
			for _, e := range problems {
				fail(ln, e)
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
		fail(end+1, errors.New("the section has no text after the header"))
	}

	for _, k := range headerKeys[1:] {
		if keyLine[k] == 0 {
			fail(1, noHeaderLine[k])
		}
	}
	if err := s.Validate(); err != nil {
		for _, p := range dossier.ProblemsOf(err) {
			field := strings.SplitN(p.Field, ".", 2)[0]
			ln := keyLine[field]
			switch {
			case field == "body":
				fail(bodyProblemLine(s.Body, bodyLine), bodyProblem(s.Body, p))
			case ln == 0 || badKey[field] || field == "kind" || field == "audiences":
				// missing keys, kinds and audiences are reported above
			default:
				fail(ln, &keyError{key: field, err: problemOf(p)})
			}
		}
	}
	if len(errs) > maxFileProblems {
		n := len(errs) - maxFileProblems
		errs = append(errs[:maxFileProblems], &FileError{File: name, Err: dossier.Err("{{.Count}} more problems", map[string]any{"Count": n}, nil)})
	}
	if len(errs) > 0 {
		return Section{}, errors.Join(errs...)
	}
	return s, nil
}

// errNoWeights is the problem of an audiences line without a pair.
var errNoWeights = errors.New(`audiences needs at least one "audience weight" pair, e.g. "executive 80, finance 40"`)

// parseWeights reads "executive 90, finance 30".
func parseWeights(v string) (Weights, []error) {
	w := Weights{}
	var msgs []error
	if strings.TrimSpace(v) == "" {
		return w, []error{errNoWeights}
	}
	for _, part := range strings.Split(v, ",") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		a := Audience(strings.ToLower(f[0]))
		if !slices.Contains(Audiences, a) {
			msgs = append(msgs, dossier.Err(`unknown audience "{{.Value}}" (executive, hr, finance or technical)`, map[string]any{"Value": clip(f[0])}, nil))
			continue
		}
		if len(f) != 2 {
			msgs = append(msgs, dossier.Err(`audience {{.Name}} needs one weight from 1 to 100, e.g. "{{.Name}} 60"`, map[string]any{"Name": string(a)}, nil))
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 || n > 100 {
			msgs = append(msgs, dossier.Err(`weight "{{.Value}}" for {{.Name}} is not a number from 1 to 100`, map[string]any{"Value": clip(f[1]), "Name": string(a)}, nil))
			continue
		}
		if _, dup := w[a]; dup {
			msgs = append(msgs, dossier.Err("audience {{.Name}} is given twice", map[string]any{"Name": string(a)}, nil))
			continue
		}
		w[a] = n
	}
	if len(w) == 0 && len(msgs) == 0 {
		msgs = append(msgs, errNoWeights)
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
		b.WriteString("id: " + quoteValue(s.ID) + "\n")
	}
	b.WriteString("title: " + quoteValue(s.Title) + "\n")
	b.WriteString("kind: " + string(s.Kind) + "\n")
	b.WriteString("audiences: " + FormatWeights(s.Audiences) + "\n")
	b.WriteString("language: " + quoteValue(s.Language) + "\n")
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
