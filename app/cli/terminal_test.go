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
