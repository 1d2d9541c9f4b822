package dossier_test

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"kamdesk/dossier"
)

// FuzzParseDate: a date that parses lies in the range, prints as what was
// typed and reads back from its JSON; every other input is an ErrInvalid.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-25", " 2024-02-29\n", "2026-02-30", "1899-12-31", "2199-12-31", "2200-01-01",
		"9999-12-30", "10000-01-03", "0000-01-01", "+2026-01-01", "2026-1-1", "", "２０２６-１１-２５", "2026-11-25\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := dossier.ParseDate(s)
		if err != nil {
			if !errors.Is(err, dossier.ErrInvalid) || !d.IsZero() {
				t.Fatalf("ParseDate(%q) = %v, %v; want the zero Date and ErrInvalid", s, d, err)
			}
			return
		}
		if d.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) = the zero Date without an error", s)
			}
			return
		}
		if !d.InRange() || d.String() != strings.TrimSpace(s) {
			t.Fatalf("ParseDate(%q) = %s (in range: %v)", s, d, d.InRange())
		}
		b, _ := json.Marshal(d)
		var back dossier.Date
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(d) {
			t.Fatalf("JSON round trip of %s: %v, %v", d, back, err)
		}
		for _, n := range []int{-100000, -1, 1, 100000} {
			moved := d.AddDays(n)
			b, _ := json.Marshal(moved)
			if err := json.Unmarshal(b, &back); err != nil || !back.Equal(moved) {
				t.Fatalf("a date derived from %s (%s) does not read back: %v", d, b, err)
			}
		}
	})
}

// FuzzOneLine: OneLine is strings.Fields joined by single spaces, whatever
// the text (its quick path for a text that is one line already included).
func FuzzOneLine(f *testing.F) {
	for _, s := range []string{"", " ", "Anna Keller", " Anna", "Anna ", "Anna  Keller", "Anna\tKeller",
		"Anna\u00a0Keller", "Анна Келлер", "Keller\u2028", "\u0085", "a\xffb", "\xff ", "a\x0bb", "a\x1cb", "Ü ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := dossier.OneLine(s); got != want {
			t.Fatalf("OneLine(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzValidID: ValidID accepts what the pattern of an ID matches, and
// nothing else.
func FuzzValidID(f *testing.F) {
	pattern := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	for _, s := range []string{"", "a", "0", "-a", "_a", "a-b_c", "northbridge", "A", "a b", "a\n", "ä",
		strings.Repeat("a", 64), strings.Repeat("a", 65), "a\x00", "a.b", "a/b", "prop-9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := dossier.ValidID(s), pattern.MatchString(s); got != want {
			t.Fatalf("ValidID(%q) = %v, the pattern says %v", s, got, want)
		}
	})
}
