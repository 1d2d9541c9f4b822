package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFieldLabelsNameEveryField: every field a record's validation names
// (the first argument of the Problems calls in dossier/ and proposal/) is
// shown by the label of its form, never by its name in the record
// ("Pricing 3 · unit_price" was what a failed save said); a field of a
// list's element is named with the list and the element's number.
func TestFieldLabelsNameEveryField(t *testing.T) {
	calls := regexp.MustCompile(`(?:\.(?:Add|Date|id|text)|oneLineText)\((?:&pr, )?"([a-z_.]+)"`)
	// the workspace's rules are set on the command line, not in a form
	rules := map[string]bool{"agenda_days": true, "birthday_notice_days": true, "contact_interval_days": true,
		"mono_dependence_percent": true}
	var fields []string
	for _, dir := range []string{"../../dossier", "../../proposal"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range calls.FindAllStringSubmatch(string(src), -1) {
				if !rules[m[1]] {
					fields = append(fields, m[1])
				}
			}
		}
	}
	if len(fields) < 40 {
		t.Fatalf("found %d fields in the validation: the pattern no longer matches it", len(fields))
	}
	fields = append(fields, "pricing.2.unit_price", "tasks.0.done_on", "sendings.1.on", "items.3.title")
	for _, f := range fields {
		if l := FieldLabel(f); l == f || strings.Contains(l, "_") {
			t.Errorf("field %s is shown as %q", f, l)
		}
	}
	if got, want := FieldLabel("pricing.2.unit_price"), "Pricing 3 · Unit price"; got != want {
		t.Errorf("a price line's unit price is shown as %q, want %q", got, want)
	}
}

// TestSentence: an error shown on its own in a dialog opens with a
// capital, in any script; kamdesk's name and a path stay as they are.
func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"рабочая область /w повреждена": "Рабочая область /w повреждена",
		"no account with ID \"x\"":      "No account with ID \"x\"",
		"kamdesk is already open on /w": "kamdesk is already open on /w",
		"/w/x.csv: permission denied":   "/w/x.csv: permission denied",
		"":                              "",
	} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
