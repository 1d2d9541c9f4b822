package cli

import (
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"unicode/utf8"
)

// What the commands print goes to a terminal, which acts on some
// characters instead of showing them: escape sequences recolour, move
// the cursor, retitle the window or worse. Validation keeps them out of
// the workspace, but records written before it, file names and the
// command line itself may carry them. Every byte a command prints passes
// through terminalWriter, the last line of defence.

// terminalRune returns what r is printed as: itself, the replacement
// character for a control character (C0 other than tab and newline, DEL,
// C1), or -1 (dropped) for the bidirectional embeddings, overrides and
// isolates that reorder what a terminal shows.
func terminalRune(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return r
	case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0:
		return utf8.RuneError
	case 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
		return -1
	}
	return r
}

// terminalText returns s as it may be printed: each byte of invalid UTF-8
// and each control character replaced (see terminalRune).
func terminalText(s string) string {
	if terminalSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s { // an invalid byte reads as utf8.RuneError
		if r = terminalRune(r); r >= 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TerminalText is terminalText for what is printed outside Run (main's
// messages before a command runs): s without anything a terminal would
// act on.
func TerminalText(s string) string { return terminalText(s) }

// terminalSafe reports whether s needs no work: valid UTF-8 without a
// rune terminalRune changes. It looks at bytes, not runes: a C0 control
// or DEL is one byte, a C1 control is 0xC2 then 0x80–0x9F, the
// bidirectional controls are 0xE2 0x80 0xAA–0xAE and 0xE2 0x81 0xA6–0xA9.
// (Decoding every rune of the 125 MB of `person list --json` at 100,000
// people, as soon as one name had an accent, took seconds.)
func terminalSafe[T ~string | ~[]byte](s T) bool {
	if b, ok := any(s).([]byte); ok {
		return terminalSafeBytes(b)
	}
	for i := 0; i < len(s); i++ {
		if !terminalSafeAt(s, i) {
			return false
		}
	}
	return utf8.ValidString(string(s))
}

// terminalSafeBytes is terminalSafe of b, eight bytes at a time where
// none can start a control (most of any text, accented or not).
func terminalSafeBytes(b []byte) bool {
	for i := 0; i < len(b); {
		if i+8 <= len(b) && safeWord(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
			continue
		}
		if !terminalSafeAt(b, i) {
			return false
		}
		i++
	}
	return utf8.Valid(b)
}

// terminalSafeAt reports whether s[i] does not start a C0 control, DEL,
// a C1 control or a bidirectional control (see terminalSafe).
func terminalSafeAt[T ~string | ~[]byte](s T, i int) bool {
	switch c := s[i]; {
	case c < 0x20 && c != '\n' && c != '\t' || c == 0x7f:
		return false
	case c == 0xc2 && i+1 < len(s) && s[i+1] < 0xa0:
		return false
	case c == 0xe2 && i+2 < len(s) && (s[i+1] == 0x80 && 0xaa <= s[i+2] && s[i+2] <= 0xae ||
		s[i+1] == 0x81 && 0xa6 <= s[i+2] && s[i+2] <= 0xa9):
		return false
	}
	return true
}

// safeWord reports whether none of the eight bytes of w is below 0x20,
// 0x7f, 0xc2 or 0xe2: eight bytes that start no control (each of
// terminalSafe's sequences starts with one of those bytes; a sequence cut
// by the end of w is checked from its first byte). Subtracting n from each
// byte borrows into the top bit of a byte below n and of no other before
// the first such byte; XOR with c makes a byte c zero.
func safeWord(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(x uint64) uint64 { return (x - ones) &^ x }
	below := (w - 0x20*ones) &^ w
	return (below|zero(w^0x7f*ones)|zero(w^0xc2*ones)|zero(w^0xe2*ones))&highs == 0
}

// terminalWriter cleans what passes through it with terminalText. A
// UTF-8 sequence split between two writes is held back until it is
// complete; flush writes what is left.
type terminalWriter struct {
	w       io.Writer
	pending []byte // the start of an incomplete UTF-8 sequence
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	data := p
	if len(t.pending) > 0 {
		data = append(t.pending, p...)
		t.pending = nil
	}
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if cut < len(data) {
		t.pending = bytes.Clone(data[cut:])
	}
	if terminalSafe(data[:cut]) {
		_, err := t.w.Write(data[:cut])
		return len(p), err
	}
	if _, err := io.WriteString(t.w, terminalText(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// checked returns where to write what is terminal-safe already (jsonSafe
// made it so): past the terminal writer, which would check it again,
// after what it holds back.
func (c *ctx) checked() io.Writer {
	if t, ok := c.Stdout.(*terminalWriter); ok {
		t.flush()
		return t.w
	}
	return c.Stdout
}

// flush writes an incomplete sequence left at the end as the replacement
// character.
func (t *terminalWriter) flush() {
	if len(t.pending) > 0 {
		t.pending = nil
		io.WriteString(t.w, "\uFFFD")
	}
}

// jsonSafe escapes in JSON output the characters a terminal acts on that
// encoding/json leaves raw (C1 controls, bidirectional controls, line and
// paragraph separators are escaped by it already): inside JSON strings,
// where alone they can occur, \uXXXX means the same character, so the
// data is unchanged.
func jsonSafe(b []byte) []byte {
	if terminalSafe(b) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 32)
	for _, r := range string(b) {
		if r != '\n' && r != '\t' && terminalRune(r) != r {
			const hex = "0123456789abcdef"
			out.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				out.WriteByte(hex[r>>shift&0xf])
			}
			continue
		}
		out.WriteRune(r)
	}
	return out.Bytes()
}
