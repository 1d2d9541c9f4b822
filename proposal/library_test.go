package proposal_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"kamdesk/proposal"
)

const libGood = `---
id: exec-understanding
title: Understanding: your business, in your words
kind: understanding
audiences: executive 90, finance 30
language: en
---
We know {{account.name}} is moving to factory-built homes.

---

A rule above is part of the text, not a new header.
`

func TestLibraryParseSectionFile(t *testing.T) {
	s, err := proposal.ParseSectionFile("exec.md", []byte(libGood))
	if err != nil {
		t.Fatalf("ParseSectionFile: %v", err)
	}
	want := proposal.Section{
		ID: "exec-understanding", Title: "Understanding: your business, in your words",
		Kind: proposal.KindUnderstanding, Language: "en",
		Audiences: proposal.Weights{proposal.Executive: 90, proposal.Finance: 30},
		Body:      "We know {{account.name}} is moving to factory-built homes.\n\n---\n\nA rule above is part of the text, not a new header.",
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got %+v\nwant %+v", s, want)
	}
}

func TestLibraryRoundTrip(t *testing.T) {
	sections := []proposal.Section{
		{ID: "cover", Title: "Dear {{person.name}}", Kind: proposal.KindCover, Language: "en",
			Audiences: proposal.Weights{proposal.Technical: 10, proposal.HR: 20, proposal.Finance: 30, proposal.Executive: 40},
			Body:      "# Heading\n\n    indented code\n\n* a list\n\n---\n\nEnd with \\{{literal}}."},
		{ID: "pricing_de", Title: "Preise: Übersicht", Kind: proposal.KindPricing, Language: "de-DE",
			Audiences: proposal.Weights{proposal.Finance: 100}, Body: "Gesamt: {{pricing.total}}"},
	}
	for _, s := range sections {
		data := proposal.FormatSectionFile(s)
		got, err := proposal.ParseSectionFile(proposal.SectionFileName(s), data)
		if err != nil {
			t.Fatalf("parse of formatted %s: %v\n%s", s.ID, err, data)
		}
		if !reflect.DeepEqual(got, s) {
			t.Errorf("round trip of %s: got %+v, want %+v\n%s", s.ID, got, s, data)
		}
	}
	if got := proposal.FormatSectionFile(sections[0]); !strings.Contains(string(got), "audiences: executive 40, hr 20, finance 30, technical 10\n") {
		t.Errorf("audiences not in executive, hr, finance, technical order:\n%s", got)
	}
}

// TestLibraryHeaderReadsYAMLQuotes: the header looks like YAML front
// matter and people write it as YAML: a value in double or single quotes
// is read without them, with YAML's escapes; a comment may follow.
func TestLibraryHeaderReadsYAMLQuotes(t *testing.T) {
	data := "---\n" +
		"id: 'hostile-corpus'\n" +
		`title: "Why us: the \"facts\", caf\u00e9 \\ all" # a comment` + "\n" +
		"kind: \"benefits\"\n" +
		"audiences: 'executive 80, finance 40'\n" +
		"language: 'hu'\n" +
		"---\nText.\n"
	s, err := proposal.ParseSectionFile("why.md", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := proposal.Section{ID: "hostile-corpus", Title: `Why us: the "facts", café \ all`, Kind: proposal.KindBenefits,
		Audiences: proposal.Weights{proposal.Executive: 80, proposal.Finance: 40}, Language: "hu", Body: "Text."}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got %+v\nwant %+v", s, want)
	}
	s, err = proposal.ParseSectionFile("its.md", []byte("---\ntitle: 'It''s ours'\nkind: other\naudiences: hr 5\nlanguage: en\n---\nText.\n"))
	if err != nil || s.Title != "It's ours" {
		t.Errorf("single quotes: %q, %v", s.Title, err)
	}
}

// TestLibraryFilesAreYAML: what FormatSectionFile writes reads back the
// same, and its header is YAML that a YAML reader reads to the same
// values, titles that YAML would misread written plain included.
func TestLibraryFilesAreYAML(t *testing.T) {
	titles := []string{
		`"Nothing is lost": our promise`, "'Quoted' first", "Why us: the facts", "Case #3 #done", "- a dash first",
		"[Draft] terms", "Ends with a colon:", `Back\slash and "quotes"`, "Line\u2028separator", "Тасбулак: «вахта»",
		"Plain title", "100% uptime", "@home", "{braces}",
	}
	for _, title := range titles {
		s := proposal.Section{ID: "s-1", Title: title, Kind: proposal.KindOther, Language: "en",
			Audiences: proposal.Weights{proposal.HR: 5}, Body: "Text."}
		data := proposal.FormatSectionFile(s)
		got, err := proposal.ParseSectionFile("s.md", data)
		if err != nil || !reflect.DeepEqual(got, s) {
			t.Errorf("%q: read back as %+v, %v\n%s", title, got, err, data)
			continue
		}
		header := strings.SplitN(string(data), "---\n", 3)[1]
		var fields map[string]string
		if err := yaml.Unmarshal([]byte(header), &fields); err != nil {
			t.Errorf("%q: the header is not YAML: %v\n%s", title, err, header)
			continue
		}
		if fields["title"] != title || fields["id"] != "s-1" || fields["audiences"] != "hr 5" || fields["language"] != "en" {
			t.Errorf("%q: YAML reads %q", title, fields)
		}
	}
	if got := string(proposal.FormatSectionFile(proposal.Section{ID: "x", Title: "Plain title", Kind: proposal.KindOther,
		Language: "en", Audiences: proposal.Weights{proposal.HR: 5}, Body: "T"})); !strings.Contains(got, "\ntitle: Plain title\n") {
		t.Errorf("a plain title was quoted:\n%s", got)
	}
}

func TestLibraryCRLFAndBOM(t *testing.T) {
	data := "\uFEFF" + strings.ReplaceAll(libGood, "\n", "\r\n")
	s, err := proposal.ParseSectionFile("win.md", []byte(data))
	if err != nil {
		t.Fatalf("CRLF with BOM: %v", err)
	}
	want, _ := proposal.ParseSectionFile("unix.md", []byte(libGood))
	if !reflect.DeepEqual(s, want) {
		t.Errorf("CRLF with BOM: got %+v, want %+v", s, want)
	}
	if strings.Contains(s.Body, "\r") {
		t.Errorf("body keeps carriage returns: %q", s.Body)
	}
}

func TestLibraryFileErrors(t *testing.T) {
	header := func(lines ...string) string {
		return "---\n" + strings.Join(lines, "\n") + "\n---\nSome text.\n"
	}
	ok := []string{"title: T", "kind: benefits", "audiences: executive 50", "language: en"}
	with := func(i int, line string) string {
		l := append([]string(nil), ok...)
		l[i] = line
		return header(l...)
	}
	cases := []struct {
		name, data string
		want       string // the first error
	}{
		{"kind", with(1, "kind: intro"), `intro.md:3: unknown kind "intro"`},
		{"unclosed quote", with(0, `title: "Why us: the facts`), `intro.md:2: title: the value in quotes is not closed, or text follows its closing quote`},
		{"after the quote", with(0, `title: 'Why us' and more`), `intro.md:2: title: the value in quotes is not closed, or text follows its closing quote`},
		{"unknown key", header(append(ok, "author: me")...), `intro.md:6: unknown key "author"`},
		{"twice", header(append(ok, "title: Again")...), "intro.md:6: title is given twice (first on line 2)"},
		{"no colon", header(append(ok, "just words")...), `intro.md:6: expected "key: value"`},
		{"audience", with(2, "audiences: ceo 50"), `intro.md:4: unknown audience "ceo"`},
		{"weight", with(2, "audiences: executive 150"), `intro.md:4: weight "150" for executive is not a number from 1 to 100`},
		{"weight missing", with(2, "audiences: executive"), "intro.md:4: audience executive needs one weight"},
		{"audience twice", with(2, "audiences: hr 5, hr 6"), "intro.md:4: audience hr is given twice"},
		{"all", with(2, "audiences: all 50"), `intro.md:4: unknown audience "all"`},
		{"empty audiences", with(2, "audiences:"), "intro.md:4: audiences needs at least one"},
		{"language", with(3, "language: english!"), "intro.md:5: language is not a language code"},
		{"bad id", header(append([]string{"id: Bad ID"}, ok...)...), "intro.md:2: id is not a valid ID"},
		{"no title", with(0, "title:"), "intro.md:2: title is required"},
		{"missing kind", header(ok[0], ok[2], ok[3]), "intro.md:1: the header has no kind line"},
		{"no header", "Just Markdown.\n", `intro.md:1: the file must start with a "---" line`},
		{"unclosed", "---\ntitle: T\nkind: benefits\n\nText", `intro.md:1: the header has no closing "---" line`},
		{"empty body", header(ok...)[:len(header(ok...))-len("Some text.\n")] + "\n  \n", "intro.md:6: the section has no text after the header"},
		{"placeholder", header(ok...) + "\nLine two {{client.name}}.\n", "intro.md:9: unknown placeholder {{client.name}}"},
		{"control", with(0, "title: a\x00b"), "intro.md:2: title contains control characters"},
		{"bad utf8", header(ok...) + "x\xff\n", "intro.md:8: the file is not UTF-8 text"},
		{"huge body", header(ok...) + strings.Repeat("word ", 40000), "intro.md:7: the text is too long (200010 characters, at most 100000)"},
		{"huge file", header(ok...) + strings.Repeat("x", proposal.MaxSectionFile), "intro.md: the file is too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := proposal.ParseSectionFile("intro.md", []byte(c.data))
			if err == nil {
				t.Fatalf("got %+v, nil; want an error %q", s, c.want)
			}
			if !errors.Is(err, proposal.ErrInvalid) {
				t.Errorf("error %v does not match ErrInvalid", err)
			}
			fes := proposal.FileErrors(err)
			if len(fes) == 0 {
				t.Fatalf("error %v carries no *FileError", err)
			}
			if got := fes[0].Error(); !strings.HasPrefix(got, c.want) {
				t.Errorf("first error = %q, want it to start with %q (all: %v)", got, c.want, err)
			}
			if fes[0].File != "intro.md" {
				t.Errorf("File = %q, want intro.md", fes[0].File)
			}
		})
	}
}

func TestLibraryReportsEveryProblemOfAFile(t *testing.T) {
	data := "---\ntitle:\nkind: intro\naudiences: ceo 5\nlanguage: en\n---\nText\n"
	_, err := proposal.ParseSectionFile("x.md", []byte(data))
	got := []string{}
	for _, fe := range proposal.FileErrors(err) {
		got = append(got, fe.Error())
	}
	want := []string{`x.md:3: unknown kind "intro"`, `x.md:4: unknown audience "ceo"`, "x.md:2: title is required"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %d errors like %q", got, len(want), want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d = %q, want %q…", i, got[i], want[i])
		}
	}
}

func libFile(id, title string) *fstest.MapFile {
	idLine := ""
	if id != "" {
		idLine = "id: " + id + "\n"
	}
	return &fstest.MapFile{Data: []byte("---\n" + idLine + "title: " + title +
		"\nkind: benefits\naudiences: executive 60\nlanguage: en\n---\nText of " + title + ".\n")}
}

func TestLibraryParseDir(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":                 libFile("alpha", "Alpha"),
		"Exec Summary.md":      libFile("", "Derived"),
		"finance/pricing.MD":   libFile("pricing", "Pricing"),
		"README.md":            {Data: []byte("# Our library\n")},
		"notes.txt":            {Data: []byte("not a section")},
		".git/x.md":            {Data: []byte("garbage")},
		"finance/.draft.md":    {Data: []byte("garbage")},
		"finance/deep/zeta.md": libFile("zeta", "Zeta"),
	}
	got, err := proposal.ParseLibraryDir(fsys)
	if err != nil {
		t.Fatalf("ParseLibraryDir: %v", err)
	}
	var ids []string
	for _, s := range got {
		ids = append(ids, s.ID)
	}
	if want := []string{"exec-summary", "alpha", "zeta", "pricing"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("IDs = %q, want %q (file path order, README, dot files and other files skipped)", ids, want)
	}
}

func TestLibraryParseDirAllOrNothing(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":       libFile("same", "A"),
		"b.md":       libFile("same", "B"),
		"good.md":    libFile("good", "Good"),
		"intro.md":   {Data: []byte("---\ntitle: T\nkind: intro\naudiences: hr 5\nlanguage: en\n---\nx\n")},
		"日本.md":      libFile("", "Nameless"),
		"sub/bad.md": {Data: []byte("no header")},
	}
	got, err := proposal.ParseLibraryDir(fsys)
	if got != nil {
		t.Errorf("got %d sections with errors, want none", len(got))
	}
	var msgs []string
	for _, fe := range proposal.FileErrors(err) {
		msgs = append(msgs, fe.Error())
	}
	for _, want := range []string{
		`b.md:2: id "same" is also used by a.md`,
		`intro.md:3: unknown kind "intro"`,
		`sub/bad.md:1: the file must start with`,
		`日本.md:1: no id, and none can be made from the file name`,
	} {
		found := false
		for _, m := range msgs {
			found = found || strings.HasPrefix(m, want)
		}
		if !found {
			t.Errorf("errors %q lack %q", msgs, want)
		}
	}
	if len(msgs) != 4 {
		t.Errorf("got %d errors, want 4: %q", len(msgs), msgs)
	}
	if !errors.Is(err, proposal.ErrInvalid) {
		t.Errorf("%v does not match ErrInvalid", err)
	}
}

func TestLibrarySectionFileName(t *testing.T) {
	cases := []struct {
		s    proposal.Section
		want string
	}{
		{proposal.Section{ID: "exec-understanding"}, "exec-understanding.md"},
		{proposal.Section{ID: "../../etc/passwd", Title: "Prix: été 2027"}, "prix-ete-2027.md"},
		{proposal.Section{Title: "日本"}, "section.md"},
	}
	for _, c := range cases {
		if got := proposal.SectionFileName(c.s); got != c.want {
			t.Errorf("SectionFileName(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}
