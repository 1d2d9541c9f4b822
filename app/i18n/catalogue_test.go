package i18n

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

// TestTranslationCatalogue checks the strings written for translation in
// every package under app/, the desktop's (Fyne's lang.L, lang.N, lang.X)
// and the command line's (i18n.L, i18n.N): every plural message (N) has its
// one/other forms in the English catalogue, and every message key parses as
// a template, so a translator's catalogue and the fallback English both
// render.
func TestTranslationCatalogue(t *testing.T) {
	raw, err := fs.ReadFile(Catalogues, CatalogueDir+"/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var catalogue map[string]json.RawMessage
	if err := json.Unmarshal(raw, &catalogue); err != nil {
		t.Fatalf("en.json: %v", err)
	}
	calls := 0
	const app = ".."  // this package is app/i18n
	var dirs []string // app and every package under it
	filepath.WalkDir(app, func(path string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			if e.Name() == "testdata" {
				return filepath.SkipDir
			}
			dirs = append(dirs, path)
		}
		return err
	})
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, ok := sel.X.(*ast.Ident)
				if !ok || pkg.Name != "lang" && pkg.Name != "i18n" {
					return true
				}
				arg := call.Args[0]
				if sel.Sel.Name == "X" && len(call.Args) > 1 {
					arg = call.Args[1] // the fallback text
				}
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				msg, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				calls++
				if _, err := template.New("").Parse(msg); err != nil {
					t.Errorf("%s: %s.%s(%q) is not a valid template: %v", file, pkg.Name, sel.Sel.Name, msg, err)
				}
				if sel.Sel.Name == "N" {
					var forms map[string]string
					if err := json.Unmarshal(catalogue[msg], &forms); err != nil || forms["one"] == "" || forms["other"] == "" {
						t.Errorf("%s: %s.N(%q) has no one/other forms in en.json", file, pkg.Name, msg)
					}
				}
				return true
			})
		}
	}
	if calls < 300 {
		t.Errorf("found only %d translatable strings; is the scan broken?", calls)
	}
}
