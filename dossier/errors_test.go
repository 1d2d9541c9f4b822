package dossier_test

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"kamdesk/dossier"
)

// TestErrorIn: an error's words go through the translator piece by
// piece, the way the desk and the command line write them in the user's
// language, while its English text and what errors.Is sees stay as they
// were.
func TestErrorIn(t *testing.T) {
	// a translator that marks what it was given: «text|Key=value…»
	tr := func(text string, data map[string]any) string {
		s := "«" + text
		for _, k := range []string{"ID", "Path", "Hint"} {
			if v, ok := data[k]; ok {
				s += fmt.Sprintf("|%s=%v", k, v)
			}
		}
		return s + "»"
	}
	hint := dossier.Err("restore it from a backup", nil, nil)
	for _, c := range []struct {
		name          string
		err           error
		english, said string
		is            error
	}{
		{"a message and its sentinel",
			dossier.Err(`no account with ID "{{.ID}}"`, map[string]any{"ID": "x"}, dossier.ErrNotFound),
			`no account with ID "x": not found`, `«no account with ID "{{.ID}}"|ID=x»: «not found»`, dossier.ErrNotFound},
		{"a chain",
			dossier.Err("person {{.ID}}", map[string]any{"ID": "p"}, dossier.Err("reports_to", nil, dossier.ErrConflict)),
			"person p: reports_to: conflict", "«person {{.ID}}|ID=p»: «reports_to»: «conflict»", dossier.ErrConflict},
		{"a quiet sentinel and a hint",
			dossier.ErrAs("the workspace {{.Path}} is damaged; {{.Hint}}", map[string]any{"Path": "/w", "Hint": hint}, dossier.ErrDamaged),
			"the workspace /w is damaged; restore it from a backup",
			"«the workspace {{.Path}} is damaged; {{.Hint}}|Path=/w|Hint=«restore it from a backup»»", dossier.ErrDamaged},
		{"fmt.Errorf's own words around a message",
			fmt.Errorf("/w/x.csv: %w", dossier.Err("line {{.ID}}", map[string]any{"ID": 3}, nil)),
			"/w/x.csv: line 3", "/w/x.csv: «line {{.ID}}|ID=3»", nil},
		{"a file's error",
			&fs.PathError{Op: "open", Path: "/w/x.csv", Err: syscall.ENOENT},
			"open /w/x.csv: no such file or directory", "/w/x.csv: «no such file or directory»", fs.ErrNotExist},
		{"errors joined",
			errors.Join(dossier.Err("line {{.ID}}", map[string]any{"ID": 1}, nil), syscall.EACCES),
			"line 1\npermission denied", "«line {{.ID}}|ID=1»\n«permission denied»", syscall.EACCES},
		{"field problems",
			dossier.Problems{{Field: "name", Message: "is required"}, {Field: "email", Message: "is not an e-mail address"}},
			"name: is required; email: is not an e-mail address", "name: «is required»; email: «is not an e-mail address»", dossier.ErrInvalid},
	} {
		if got := c.err.Error(); got != c.english {
			t.Errorf("%s: Error() = %q, want %q", c.name, got, c.english)
		}
		if got := dossier.ErrorIn(c.err, tr); got != c.said {
			t.Errorf("%s: ErrorIn = %q, want %q", c.name, got, c.said)
		}
		if c.is != nil && !errors.Is(c.err, c.is) {
			t.Errorf("%s: errors.Is(%v) is false", c.name, c.is)
		}
	}
	if dossier.ErrorIn(nil, tr) != "" {
		t.Error("no error is written as something")
	}
	for _, r := range dossier.SystemReasons {
		if strings.ToLower(r) != r {
			t.Errorf("the system's reason %q is not as Go writes it", r)
		}
	}
}
