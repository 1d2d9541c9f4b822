package i18n

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var updateCatalogue = flag.Bool("update-catalogue", false, "rewrite assets/translations/en.json from the sources")

// messageSet is every message the program may translate: singular ones
// and plural ones (N), each with where it was first found.
type messageSet struct {
	singular map[string]string
	plural   map[string]string
	keyed    map[string]string // lang.X's keys and their English texts
}

func (m *messageSet) add(msg, at string, plural bool) {
	if strings.TrimSpace(msg) == "" || !hasLetter(msg) {
		return
	}
	if plural {
		if _, ok := m.plural[msg]; !ok {
			m.plural[msg] = at
		}
		return
	}
	if _, ok := m.singular[msg]; !ok {
		m.singular[msg] = at
	}
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return true
		}
	}
	return false
}

// messageFields are the names of struct fields and variables whose string
// literals are messages shown to the user through a translation call made
// elsewhere (ui.Tr(it.Message, it.Data), i18n.L(c.summary), …).
var messageFields = map[string]bool{"Message": true, "Fix": true, "summary": true, "empty": true, "How": true,
	"Kind": false, "Label": true, "label": true, "noun": true}

// messageVars are local variables that hold a message translated where it
// is used: msg := "…"; lang.L(msg).
var messageVars = map[string]bool{"msg": true}

// messageTables are variables (tables of labels) whose every string is a
// message translated where it is used.
var messageTables = map[string]bool{"DossierKinds": true, "monthNames": true, "groupNames": true, "fieldLabels": true, "PlaceholderHelp": true,
	"shortcutHelp": true, "accountFields": true, "headings": true, "SystemReasons": true}

// collectMessages reads the sources of the program (app/, dossier/,
// proposal/; not tests) and returns every message it may translate:
//   - the literal first argument of lang.L, lang.N, lang.X (its fallback),
//     i18n.L, i18n.N and ui.Tr;
//   - the strings methods named Label return;
//   - the words of errors: dossier.Err's text and errors.New's literal;
//   - constant messages (const msgX = "…") and problems kept by field
//     until shown (x.bad[name] = "…");
//   - the messages of validation problems (Problems.Add(field, msg, …))
//     and of readiness findings (checker.add(…, msg, fix, …));
//   - strings given to fields and tables listed above, flag usages of the
//     command line (fs.String(name, value, usage), …);
//   - the English names of months and weekdays, which the desk translates.
func collectMessages(t *testing.T) *messageSet {
	m := &messageSet{singular: map[string]string{}, plural: map[string]string{}, keyed: map[string]string{}}
	var files []string
	for _, root := range []string{"..", "../../dossier", "../../proposal"} {
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && (e.Name() == "testdata" || e.Name() == "internal" && strings.Contains(path, "proposal")) {
				return filepath.SkipDir
			}
			if !e.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
				files = append(files, path)
			}
			return nil
		})
	}
	files = append(files, "../../main.go") // the desktop's start and end
	if len(files) < 50 {
		t.Fatalf("found %d source files", len(files))
	}
	lit := func(e ast.Expr) (string, bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	for _, file := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		at := func(n ast.Node) string {
			p := fset.Position(n.Pos())
			return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Recv != nil && (n.Name.Name == "Label" || n.Name.Name == "Advice") && n.Body != nil {
					ast.Inspect(n.Body, func(x ast.Node) bool {
						if r, ok := x.(*ast.ReturnStmt); ok {
							for _, e := range r.Results {
								if s, ok := lit(e); ok {
									m.add(s, at(r), false)
								}
							}
						}
						return true
					})
				}
			case *ast.CallExpr:
				var name, recv string
				switch fn := n.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
					if id, ok := fn.X.(*ast.Ident); ok {
						recv = id.Name
					}
				case *ast.Ident:
					name = fn.Name
				}
				args := n.Args
				switch {
				case (recv == "lang" || recv == "i18n") && (name == "L" || name == "N") && len(args) > 0:
					if s, ok := lit(args[0]); ok {
						m.add(s, at(n), name == "N")
					}
				case recv == "lang" && name == "X" && len(args) > 1:
					key, ok1 := lit(args[0])
					if s, ok := lit(args[1]); ok && ok1 {
						m.keyed[key] = s
					}
				case (recv == "dossier" || recv == "") && (name == "Err" || name == "ErrAs") && len(args) == 3,
					recv == "errors" && name == "New" && len(args) == 1:
					// an error's words (dossier.Err, and every error
					// made of a literal): the user reads them translated
					if s, ok := lit(args[0]); ok {
						m.add(s, at(n), false)
					}
				case (recv == "ui" || recv == "") && name == "Tr" && len(args) > 0:
					if s, ok := lit(args[0]); ok {
						m.add(s, at(n), false)
					}
				case recv == "" && name == "needArgs" && len(args) == 3:
					// the command line's argument names: needArgs(args, 1, "proposal ID")
					if s, ok := lit(args[2]); ok && s != "" {
						m.add(s, at(n), false)
					}
				case recv == "" && name == "table" && len(args) > 1:
					// the command line's table headings: table(w, "ID", "NAME", …)
					for _, a := range args[1:] {
						if s, ok := lit(a); ok {
							m.add(s, at(n), false)
						}
					}
				case recv == "" && name == "add" && len(args) == 3:
					// a form's add(field, label, widget)
					if _, ok := lit(args[0]); ok {
						if s, ok := lit(args[1]); ok {
							m.add(s, at(n), false)
						}
					}
				case name == "Add" && len(args) == 3:
					// Problems.Add(field, message, data)
					if _, ok := lit(args[0]); ok {
						if s, ok := lit(args[1]); ok {
							m.add(s, at(n), false)
						}
					}
				case name == "add" && recv == "ck" && len(args) == 7:
					for _, a := range args[4:6] {
						if s, ok := lit(a); ok {
							m.add(s, at(n), false)
						}
					}
				case recv == "fs" && (name == "String" || name == "Bool" || name == "Int" || name == "StringVar" ||
					name == "BoolVar" || name == "IntVar" || name == "Var" || name == "Func" || name == "BoolFunc"):
					usage := args[len(args)-1]
					if (name == "Func" || name == "BoolFunc") && len(args) == 3 {
						usage = args[1] // fs.Func(name, usage, fn)
					}
					if s, ok := lit(usage); ok {
						// as flag.UnquoteUsage gives it to i18n.L: the
						// first `NAME` without its quotes
						if i := strings.IndexByte(s, '`'); i >= 0 {
							if j := strings.IndexByte(s[i+1:], '`'); j >= 0 {
								s = s[:i] + s[i+1:i+1+j] + s[i+2+j:]
							}
						}
						m.add(s, at(n), false)
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && messageFields[k.Name] {
					if s, ok := lit(n.Value); ok {
						m.add(s, at(n), false)
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && messageVars[id.Name] && i < len(n.Rhs) {
						if s, ok := lit(n.Rhs[i]); ok {
							m.add(s, at(n), false)
						}
					}
					// a problem kept by field name until it is shown: bad[name] = "…"
					if ix, ok := l.(*ast.IndexExpr); ok && i < len(n.Rhs) {
						if sel, ok := ix.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "bad" {
							if s, ok := lit(n.Rhs[i]); ok {
								m.add(s, at(n), false)
							}
						}
					}
					if sel, ok := l.(*ast.SelectorExpr); ok && messageFields[sel.Sel.Name] && i < len(n.Rhs) {
						if s, ok := lit(n.Rhs[i]); ok {
							m.add(s, at(n), false)
						}
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					// a constant message: const msgNotANumber = "…"
					if strings.HasPrefix(id.Name, "msg") && i < len(n.Values) {
						if s, ok := lit(n.Values[i]); ok {
							m.add(s, at(n), false)
						}
					}
				}
				for i, id := range n.Names {
					if !messageTables[id.Name] || i >= len(n.Values) {
						continue
					}
					ast.Inspect(n.Values[i], func(x ast.Node) bool {
						switch x := x.(type) {
						case *ast.KeyValueExpr:
							if s, ok := lit(x.Value); ok {
								m.add(s, at(x), false)
							}
							return false
						case *ast.BasicLit:
							if s, ok := lit(x); ok {
								m.add(s, at(x), false)
							}
						}
						return true
					})
				}
			}
			return true
		})
	}
	// the command line writes these headings alone
	for _, s := range []string{"ID"} {
		m.add(s, "cli", false)
	}
	for _, s := range []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} {
		m.add(s, "time", false)
	}
	// Fyne's own texts (its file dialog, its date picker, the default
	// buttons of its dialogs), from fyne.io/fyne/v2/lang/translations/
	// base.en.json of the Fyne kamdesk builds with: Fyne ships no
	// Bulgarian, Hungarian, Norwegian or Filipino, so the catalogues carry
	// them (and a Russian Thursday where Fyne's says Tuesday).
	for _, s := range []string{"Advanced", "Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename", "Error",
		"Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save", "Select all",
		"Show Hidden Files", "Undo", "Yes"} {
		m.add(s, "fyne", false)
	}
	m.keyed["file.name"] = "Name"
	m.keyed["file.parent"] = "Parent"
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		m.keyed[d] = strings.ToUpper(d[:1]) + d[1:]
		m.keyed[d+".short"] = strings.ToUpper(d[:1]) + d[1:3]
	}
	// lang.X's keys made at run time: ui.Weekday and ui.ShortMonth
	for d, name := range []string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"} {
		m.keyed["weekday."+strconv.Itoa(d)] = name
	}
	for i, name := range []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		m.keyed["month.short."+strconv.Itoa(i+1)] = name
	}
	for s := range m.plural {
		delete(m.singular, s)
	}
	for k := range m.keyed {
		delete(m.singular, k)
	}
	return m
}

// catalogueJSON writes the English catalogue: each singular message as
// itself, each plural one with its forms as they were (new ones get the
// message for both forms, to be written by hand), sorted.
func catalogueJSON(m *messageSet, old map[string]json.RawMessage) []byte {
	keys := make([]string, 0, len(m.singular)+len(m.plural)+len(m.keyed))
	for k := range m.singular {
		keys = append(keys, k)
	}
	for k := range m.keyed {
		keys = append(keys, k)
	}
	for k := range m.plural {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("{\n")
	for i, k := range keys {
		kj, _ := json.Marshal(k)
		b.WriteString("  " + string(kj) + ": ")
		if _, ok := m.plural[k]; ok {
			var forms map[string]string
			if json.Unmarshal(old[k], &forms) != nil || forms["one"] == "" {
				forms = map[string]string{"one": k, "other": k}
			}
			one, _ := json.Marshal(forms["one"])
			other, _ := json.Marshal(forms["other"])
			b.WriteString(`{"one": ` + string(one) + `, "other": ` + string(other) + "}")
		} else if v, ok := m.keyed[k]; ok {
			vj, _ := json.Marshal(v)
			b.WriteString(string(vj))
		} else if reservedID(k) {
			b.WriteString(`{"other": ` + string(kj) + "}")
		} else {
			b.WriteString(string(kj))
		}
		if i < len(keys)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n")
	return []byte(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(b.String(), `\u003c`, "<"), `\u003e`, ">"), `\u0026`, "&"))
}

// reservedID reports whether go-i18n reads a key as a word of its own
// format ("Other", "Description"): such a message is written as
// {"other": "…"}, else the whole file is refused.
func reservedID(k string) bool {
	switch strings.ToLower(k) {
	case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation":
		return true
	}
	return false
}

// TestEnglishCatalogueIsComplete: assets/translations/en.json holds every
// message the program translates (collectMessages), and nothing else, so
// that a translator's catalogue, checked key for key against it, is
// complete. Rewrite it with -update-catalogue after adding messages.
func TestEnglishCatalogueIsComplete(t *testing.T) {
	m := collectMessages(t)
	if len(m.singular) < 800 || len(m.plural) < 30 {
		t.Fatalf("found %d messages and %d plural ones: is the scan broken?", len(m.singular), len(m.plural))
	}
	path := filepath.Join("..", "..", "assets", CatalogueDir, "en.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var old map[string]json.RawMessage
	if err := json.Unmarshal(raw, &old); err != nil {
		t.Fatal(err)
	}
	want := catalogueJSON(m, old)
	if *updateCatalogue {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for k := range m.singular {
		if _, ok := old[k]; !ok {
			t.Errorf("en.json lacks %q (%s); rerun with -update-catalogue", k, m.singular[k])
		}
	}
	for k := range m.plural {
		if _, ok := old[k]; !ok {
			t.Errorf("en.json lacks the plural %q (%s); rerun with -update-catalogue and write its forms", k, m.plural[k])
		}
	}
	for k := range m.keyed {
		if _, ok := old[k]; !ok {
			t.Errorf("en.json lacks the key %q (lang.X); rerun with -update-catalogue", k)
		}
	}
	for k := range old {
		if _, ok := m.singular[k]; !ok {
			if _, ok := m.plural[k]; !ok && m.keyed[k] == "" {
				t.Errorf("en.json has %q, which the program no longer says; rerun with -update-catalogue", k)
			}
		}
	}
}
