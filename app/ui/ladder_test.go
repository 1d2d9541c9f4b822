package ui

import (
	"fmt"
	"math"
	"testing"

	"kamdesk/dossier"
)

// Colour-vision deficiency simulation matrices of Machado, Oliveira and
// Fernandes (2009) at full severity, applied to linear RGB.
var visions = []struct {
	name string
	m    [3][3]float64
}{
	{"normal vision", [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
	{"protanopia", [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{"deuteranopia", [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
}

// seenLab is how a person with the given vision sees c, in CIELAB (D65).
func seenLab(r, g, b uint8, m [3][3]float64) [3]float64 {
	lin := func(v uint8) float64 {
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	in := [3]float64{lin(r), lin(g), lin(b)}
	var s [3]float64
	for i := range s {
		s[i] = math.Min(1, math.Max(0, m[i][0]*in[0]+m[i][1]*in[1]+m[i][2]*in[2]))
	}
	x := (0.4124*s[0] + 0.3576*s[1] + 0.1805*s[2]) / 0.95047
	y := 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	z := (0.0193*s[0] + 0.1192*s[1] + 0.9505*s[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// TestLadderColoursToldApart: any two rungs of the relationship ladder
// differ by at least 15 ΔE (CIE76; 2.3 is the least a person notices) as
// people with normal vision, protanopia and deuteranopia see them. The
// former palette's Doubter and Buyer were 2.7 apart for deuteranopes,
// its Customer and Advocate 12 apart for everyone.
func TestLadderColoursToldApart(t *testing.T) {
	for _, v := range visions {
		for i, a := range dossier.Ladder {
			for _, b := range dossier.Ladder[i+1:] {
				ca, cb := LevelColor(a), LevelColor(b)
				la, lb := seenLab(ca.R, ca.G, ca.B, v.m), seenLab(cb.R, cb.G, cb.B, v.m)
				d := math.Sqrt((la[0]-lb[0])*(la[0]-lb[0]) + (la[1]-lb[1])*(la[1]-lb[1]) + (la[2]-lb[2])*(la[2]-lb[2]))
				if d < 15 {
					t.Errorf("%s: %s and %s are %.1f ΔE apart, want at least 15", v.name, a.Label(), b.Label(), d)
				}
			}
		}
	}
}

// TestSeenLabKnownValues checks the conversion on known CIELAB values.
func TestSeenLabKnownValues(t *testing.T) {
	normal := visions[0].m
	for _, c := range []struct {
		r, g, b uint8
		want    [3]float64
	}{
		{255, 255, 255, [3]float64{100, 0, 0}},
		{255, 0, 0, [3]float64{53.24, 80.09, 67.20}},
		{0, 0, 255, [3]float64{32.30, 79.19, -107.86}},
	} {
		got := seenLab(c.r, c.g, c.b, normal)
		for i := range got {
			if math.Abs(got[i]-c.want[i]) > 0.2 {
				t.Errorf("Lab(%d,%d,%d) = %v, want %v", c.r, c.g, c.b, fmt.Sprintf("%.2f", got), c.want)
				break
			}
		}
	}
}
