// Package quiet silences the standard logger while packages initialise.
//
// Fyne's lang package looks up the user's locale in its init function and
// logs an error for every locale it cannot parse, such as the "C.UTF-8" of
// a bare terminal or CI machine. Those lines would greet every command-line
// user. Only main (and the tests' harness, uitest) imports this package;
// Restore is the first thing it does.
//
// The package must run before fyne.io/fyne/v2/lang, and Go initialises,
// step by step, the first package in import-path order whose imports are
// all initialised. This one imports only io and log, ready long before
// text/template, which Fyne's lang imports (through go-i18n too) and which
// sorts after "kamdesk/". That is why it is a package of its own with
// nothing else in it: app/i18n imports go-i18n, so whether it ran before
// Fyne's lang would depend on the rest of Fyne's imports; and every
// importer of i18n would lose its log until Restore. TestOnlyStandardImports
// keeps the imports to io, log, os and strings.
package quiet

import (
	"io"
	"log"
)

var saved = log.Writer()

func init() { log.SetOutput(io.Discard) }

// Restore gives the standard logger its output back.
func Restore() { log.SetOutput(saved) }
