package dossier_test

import (
	"errors"
	"strings"
	"testing"

	"kamdesk/dossier"
)

// d is shorthand for a date literal known to be valid.
func d(s string) dossier.Date { return dossier.MustDate(s) }

// checkOnlyField asserts that err is a validation error that matches
// ErrInvalid, names field, and names no other field. When text is not empty,
// the problem's English text must contain it.
func checkOnlyField(t *testing.T, err error, field, text string) {
	t.Helper()
	if err == nil {
		t.Fatalf("Validate() = nil, want a problem with %q", field)
	}
	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = false, want true", err)
	}
	probs := dossier.ProblemsOf(err)
	fe := probs.For(field)
	if fe == nil {
		t.Fatalf("ProblemsOf(err).For(%q) = nil, want a problem; got problems: %v", field, err)
	}
	if text != "" && !strings.Contains(fe.Text(), text) {
		t.Errorf("problem text for %q = %q, want it to contain %q", field, fe.Text(), text)
	}
	for _, p := range probs {
		if p.Field != field {
			t.Errorf("unexpected problem with field %q (%s), want only %q", p.Field, p.Text(), field)
		}
	}
}

// checkValid asserts that err is nil.
func checkValid(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("Validate() = %v, want nil", err)
	}
}
