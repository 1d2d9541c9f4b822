// Command goldmark-only converts the Markdown on standard input to HTML
// with goldmark and its GFM extensions, and nothing else: the yardstick
// of `make bench-compare` (.ci/bench-compare) for kamdesk's export.
package main

import (
	"bufio"
	"io"
	"log"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	md, err := io.ReadAll(os.Stdin)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(os.Stdout)
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md, w); err != nil {
		log.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}
