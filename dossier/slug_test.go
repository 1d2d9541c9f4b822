package dossier_test

import (
	"strings"
	"testing"

	"kamdesk/dossier"
)

func TestSlug(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
	}{
		{"Northbridge Build Group", 64, "northbridge-build-group"},
		{"  Harrow & Vane — Private Bank!  ", 64, "harrow-vane-private-bank"},
		{"Jürgen Müller-Lüdenscheidt", 64, "jurgen-muller-ludenscheidt"},
		{"Søren Ærø Łukasz Straße", 64, "soren-aero-lukasz-strasse"},
		{"Ковалёв Илья", 64, "kovalev-ilya"},
		{"Большой объём", 64, "bolshoy-obem"},
		{"株式会社", 64, ""},
		{"!!!", 64, ""},
		{"Northbridge Build Group", 12, "northbridge"},
		{"abc def", 5, "abc"},
		{"2027 Tender: Phase 2", 64, "2027-tender-phase-2"},
	}
	for _, c := range cases {
		got := dossier.Slug(c.in, c.max)
		if got != c.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
		if len(got) > c.max || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Errorf("Slug(%q, %d) = %q breaks the limits", c.in, c.max, got)
		}
		if got != "" && !dossier.ValidID(got) {
			t.Errorf("Slug(%q) = %q is not a valid ID", c.in, got)
		}
	}
}
