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
		{"Nguyễn Thị Minh", 64, "nguyen-thi-minh"},
		{"Mu\u0308ller ĸ ŉ", 64, "muller-k-n"},
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

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Müller", "muller"}, {"ÉLODIE Ångström", "elodie angstrom"}, {"Straße", "strasse"}, {"Søren Łukasz", "soren lukasz"},
		{"Ёлкин Дмитрий", "елкин дмитрии"}, {"O’Connell", "o'connell"}, {"Line\nbreak\ttab", "line break tab"},
		{"Mu\u0308ller", "muller"}, {"Zoë", "zoe"}, {"İstanbul", "istanbul"}, {"Ἀθῆναι", "αθηναι"},
		{"Nguyễn", "nguyen"}, {"ĸŉĲŀſŊŦ", "knijlsnt"}, {"株式会社", "株式会社"}, {"ＡＢＣ", "ａｂｃ"},
	} {
		if got := dossier.Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
