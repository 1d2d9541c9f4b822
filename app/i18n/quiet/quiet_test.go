package quiet

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOnlyStandardImports: the package initialises before Fyne's lang only
// while its imports are a few early packages of the standard library (see
// the package comment).
func TestOnlyStandardImports(t *testing.T) {
	allowed := map[string]bool{"io": true, "log": true, "os": true, "strings": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !allowed[path] {
				t.Errorf("%s imports %s; quiet may import only io, log, os and strings, or it may initialise after Fyne's lang", file, path)
			}
		}
	}
}
