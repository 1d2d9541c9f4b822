// Package quiet silences the standard logger while packages initialise.
//
// Fyne's lang package looks up the user's locale in its init function and
// logs an error for every locale it cannot parse, such as the "C" locale of
// a bare terminal or CI machine. Those lines would greet every command-line
// user. main imports this package first; by the Go initialisation order
// (packages sorted by import path, each as soon as its imports are ready)
// it runs before fyne.io/fyne/v2/lang, whose imports include text/template.
// main calls Restore once initialisation is over.
package quiet

import (
	"io"
	"log"
	"os"
	"strings"
)

var saved = log.Writer()

func init() { log.SetOutput(io.Discard) }

// Restore gives the standard logger its output back.
func Restore() { log.SetOutput(saved) }

// PlainLocale makes a "C.UTF-8" or "POSIX.UTF-8" locale, common on servers
// and CI machines, read as English by Fyne's locale lookup, which would
// otherwise log a parse error for it each time translations load. Other
// locales are left alone.
func PlainLocale() {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
