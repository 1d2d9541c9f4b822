// What commands print besides tables: JSON for scripts, and the order of
// standard output and standard error.

package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// json prints v as indented JSON, escaped where a terminal would act on
// it (jsonSafe).
func (c *ctx) json(v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := c.checked().Write(jsonSafe(b.Bytes()))
	return err
}

// flushFirst writes to w after flushing first.
type flushFirst struct {
	first *bufio.Writer
	w     io.Writer
}

func (f flushFirst) Write(p []byte) (int, error) {
	f.first.Flush()
	return f.w.Write(p)
}

// jsonList prints the n elements elem gives as one JSON array, the same
// bytes as json of the whole slice, but one element at a time: at 100,000
// people the whole list, indented and then made terminal-safe, was three
// copies of 125 MB.
func (c *ctx) jsonList(n int, elem func(i int) any) error {
	if n == 0 {
		_, err := io.WriteString(c.Stdout, "[]\n")
		return err
	}
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	w := c.checked()
	io.WriteString(w, "[\n")
	var b []byte
	for i := range n {
		compact.Reset()
		if err := enc.Encode(elem(i)); err != nil {
			return err
		}
		b = append(b[:0], "  "...)
		b = indentJSON(b, bytes.TrimSuffix(compact.Bytes(), []byte("\n")), "  ", "  ")
		if i < n-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		if _, err := w.Write(jsonSafe(b)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]\n")
	return err
}

// indentJSON appends to dst the compact JSON src indented as json.Indent
// does (FuzzIndentJSON compares them), at about ten times its speed: it
// need not check src, which encoding/json has just written.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	open := false // after { or [: an empty one stays as it is
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != ']' && c != '}' {
			open = false
			depth++
			newline()
		}
		switch c {
		case '"':
			// The string, to its closing quote, as it is: the next quote
			// closes it when no backslash comes before it.
			j := i + 1
			if q := bytes.IndexByte(src[j:], '"'); q >= 0 && bytes.IndexByte(src[j:j+q], '\\') < 0 {
				j += q
			}
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			end := min(j+1, len(src))
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			dst = append(dst, c)
			open = true
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				depth--
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
