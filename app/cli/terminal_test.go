package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestTerminalWriter(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text\n\tindented", "plain text\n\tindented"},
		{"red \x1b[31mflag\x1b[0m", "red \uFFFD[31mflag\uFFFD[0m"},
		{"title \x1b]0;owned\x07", "title \uFFFD]0;owned\uFFFD"},
		{"nul \x00 del \x7f cr \r", "nul \uFFFD del \uFFFD cr \uFFFD"},
		{"c1 \u009b31m", "c1 \uFFFD31m"},
		{"bad \xff\xfe", "bad \uFFFD\uFFFD"},
		{"bidi \u202Efdp.exe\u202C", "bidi fdp.exe"},
		{"Zürich — 東京 😀", "Zürich — 東京 😀"},
	} {
		// Every split of the input into two writes gives the same output.
		for cut := 0; cut <= len(c.in); cut++ {
			var b bytes.Buffer
			w := &terminalWriter{w: &b}
			w.Write([]byte(c.in[:cut]))
			w.Write([]byte(c.in[cut:]))
			w.flush()
			if b.String() != c.want {
				t.Errorf("%q written as %q + %q = %q, want %q", c.in, c.in[:cut], c.in[cut:], b.String(), c.want)
				break
			}
		}
	}
	var b bytes.Buffer
	w := &terminalWriter{w: &b}
	w.Write([]byte("cut \xe6\x9d"))
	w.flush()
	if b.String() != "cut \uFFFD" {
		t.Errorf("an incomplete sequence at the end = %q, want the replacement character", b.String())
	}
}

// JSON output keeps the data, escaped where a terminal would act on it.
func TestJSONSafe(t *testing.T) {
	in := map[string]string{"s": "a\u009bb\u202ec\u2066d\x1be\u00e9"}
	raw, _ := json.Marshal(in)
	out := jsonSafe(raw)
	if s := string(out); strings.ContainsAny(s, "\u009b\u202e\u2066\x1b") || !strings.Contains(s, "é") {
		t.Errorf("jsonSafe(%q) = %q", raw, out)
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil || back["s"] != in["s"] {
		t.Errorf("jsonSafe output reads back as %q, %v; want %q", back["s"], err, in["s"])
	}
}

// FuzzTerminalSafe: terminalSafe, which looks at bytes, says the same as
// cleaning the text rune by rune: safe exactly when nothing changes.
func FuzzTerminalSafe(f *testing.F) {
	for _, s := range []string{"plain", "Zürich — 東京 😀", "c1 \u009b", "\u00a0nbsp", "bidi \u202e", "\u2066x\u2069",
		"\u2028\u2029", "\u202f\u2065\u206a", "del \x7f", "bad \xff", "cut \xe2\x80", "\xc2", "tab\tnl\n",
		"Kelvane Power plc\x1b[31m", "eight by\x7fes and more", "Ågatrice Ånn, General Counsel"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		for _, r := range s {
			if r = terminalRune(r); r >= 0 {
				b.WriteRune(r)
			}
		}
		if want := b.String() == s; terminalSafe(s) != want {
			t.Errorf("terminalSafe(%q) = %v, want %v", s, !want, want)
		}
	})
}

// TestTerminalSafeAnywhere: terminalSafe, which passes over eight
// printable ASCII bytes at a time, finds every byte value and every
// sequence it must find at every place in a longer text, and lets
// everything else through.
func TestTerminalSafeAnywhere(t *testing.T) {
	want := func(s string) bool { // as FuzzTerminalSafe: nothing changes
		var b strings.Builder
		for _, r := range s {
			if r = terminalRune(r); r >= 0 {
				b.WriteRune(r)
			}
		}
		return b.String() == s
	}
	const text = "Kelvane Power plc" // 17 bytes: two words and a tail
	var cases []string
	for c := range 256 {
		cases = append(cases, string([]byte{byte(c)}))
	}
	cases = append(cases, "\u009b", "\u0085", "\u00a0", "\u202e", "\u202a", "\u2069", "\u2066", "\u2028", "\u202f", "é", "東")
	for _, c := range cases {
		for at := 0; at <= len(text); at++ {
			s := text[:at] + c + text[at:]
			if got := terminalSafe(s); got != want(s) || terminalSafe([]byte(s)) != got {
				t.Errorf("terminalSafe(%q) = %v, want %v", s, got, !got)
			}
		}
	}
}

// TestJSONList: a list printed one element at a time is the same bytes as
// the whole list printed at once.
func TestJSONList(t *testing.T) {
	type rec struct {
		Name  string            `json:"name"`
		Tags  []string          `json:"tags"`
		Extra map[string]string `json:"extra,omitempty"`
	}
	all := []rec{
		{Name: "Zürich <AG> & Co", Tags: []string{"a", "b"}},
		{Name: "c1 \u009b bidi \u202e", Extra: map[string]string{"k": "v\n"}},
		{Name: "", Tags: []string{}},
	}
	for n := range len(all) + 1 {
		list := all[:n]
		var whole, each bytes.Buffer
		if err := (&ctx{Env: Env{Stdout: &whole}}).json(list); err != nil {
			t.Fatal(err)
		}
		if err := (&ctx{Env: Env{Stdout: &each}}).jsonList(n, func(i int) any { return list[i] }); err != nil {
			t.Fatal(err)
		}
		if each.String() != whole.String() {
			t.Errorf("%d elements one at a time:\n%s\nwant\n%s", n, each.String(), whole.String())
		}
	}
}

// FuzzIndentJSON: indentJSON indents compact JSON as json.Indent does.
func FuzzIndentJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{}],"b":{"c":"x\"y\\","d":[]},"e":null}`, `[]`, `"s"`, `[[[]],{"":""}]`,
		`{"k":"é — \u2028 : , { ["}`, `-1.5e+10`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !json.Valid([]byte(s)) {
			return
		}
		var compact, want bytes.Buffer
		if err := json.Compact(&compact, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if err := json.Indent(&want, compact.Bytes(), "  ", "\t"); err != nil {
			t.Fatal(err)
		}
		if got := indentJSON(nil, compact.Bytes(), "  ", "\t"); string(got) != want.String() {
			t.Errorf("indentJSON(%s) =\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}
