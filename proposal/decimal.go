package proposal

import (
	"encoding/json"
	"math/big"
	"strings"

	"kamdesk/dossier"
)

// Decimal is an exact decimal number for money, quantities and percentages:
// never a float. The zero value is 0. Decimals are immutable values.
type Decimal struct {
	r *big.Rat // nil means 0
}

// maxDigits bounds what ParseDecimal accepts, so a pasted run of digits
// cannot make arithmetic slow: 15 digits before the point and 6 after.
const maxIntDigits, maxFracDigits = 15, 6

// ParseDecimal reads a decimal written with a point, an optional sign and
// optional thousands separators (spaces, apostrophes, underscores or commas
// before the point): "1234.5", "-0.25", "1,234,567.89", "12 500". The
// empty string is 0.
func ParseDecimal(s string) (Decimal, error) {
	in := s
	s = strings.TrimSpace(s)
	if s == "" {
		return Decimal{}, nil
	}
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if !groupedByThousands(intPart) {
		// "12,50" is a decimal comma, not twelve hundred and fifty.
		return Decimal{}, dossier.Err(`"{{.Value}}" is not a number: separators must group thousands, and decimals follow a point (12.50)`, map[string]any{"Value": in}, ErrInvalid)
	}
	intPart = strings.NewReplacer(",", "", " ", "", "'", "", "_", "", "\u00a0", "", "\u202f", "").Replace(intPart)
	bad := dossier.Err(`"{{.Value}}" is not a number`, map[string]any{"Value": in}, ErrInvalid)
	if intPart == "" && frac == "" || hasPoint && frac == "" && intPart == "" {
		return Decimal{}, bad
	}
	for _, part := range []string{intPart, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return Decimal{}, bad
			}
		}
	}
	if len(strings.TrimLeft(intPart, "0")) > maxIntDigits || len(frac) > maxFracDigits {
		return Decimal{}, dossier.Err(`"{{.Value}}" has too many digits (at most {{.Before}} before the point and {{.After}} after)`,
			map[string]any{"Value": in, "Before": maxIntDigits, "After": maxFracDigits}, ErrInvalid)
	}
	r, ok := new(big.Rat).SetString("0" + intPart + "." + frac + "0")
	if !ok {
		return Decimal{}, bad
	}
	if neg {
		r.Neg(r)
	}
	return Decimal{r}, nil
}

// thousandsSeparators are the separators ParseDecimal accepts before the
// point.
const thousandsSeparators = ",' _\u00a0\u202f"

// groupedByThousands reports whether the separators in s, if any, split it
// into groups of three digits after a first group of one to three.
func groupedByThousands(s string) bool {
	if !strings.ContainsAny(s, thousandsSeparators) {
		return true
	}
	var groups []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(thousandsSeparators, r) {
			groups = append(groups, s[start:i])
			start = i + len(string(r))
		}
	}
	groups = append(groups, s[start:])
	for i, g := range groups {
		if i == 0 && (len(g) < 1 || len(g) > 3) || i > 0 && len(g) != 3 {
			return false
		}
	}
	return true
}

// MustDecimal is ParseDecimal for literals; it panics on error.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Int returns the decimal n.
func Int(n int64) Decimal { return Decimal{new(big.Rat).SetInt64(n)} }

func (d Decimal) rat() *big.Rat {
	if d.r == nil {
		return new(big.Rat)
	}
	return d.r
}

// Add, Sub, Mul return exact results.
func (d Decimal) Add(o Decimal) Decimal { return Decimal{new(big.Rat).Add(d.rat(), o.rat())} }
func (d Decimal) Sub(o Decimal) Decimal { return Decimal{new(big.Rat).Sub(d.rat(), o.rat())} }
func (d Decimal) Mul(o Decimal) Decimal { return Decimal{new(big.Rat).Mul(d.rat(), o.rat())} }

// Div returns d/o exactly as a fraction (round it for display), and false
// when o is zero.
func (d Decimal) Div(o Decimal) (Decimal, bool) {
	if o.IsZero() {
		return Decimal{}, false
	}
	return Decimal{new(big.Rat).Quo(d.rat(), o.rat())}, true
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.rat().Sign() }

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Cmp compares d and o: -1, 0 or +1.
func (d Decimal) Cmp(o Decimal) int { return d.rat().Cmp(o.rat()) }

// Equal reports whether d and o are the same number.
func (d Decimal) Equal(o Decimal) bool { return d.Cmp(o) == 0 }

// Round returns d rounded to places decimal places, halves away from zero
// (commercial rounding: 0.125 → 0.13, -0.125 → -0.13).
func (d Decimal) Round(places int) Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	x := new(big.Rat).Mul(d.rat(), new(big.Rat).SetInt(scale))
	num, den := x.Num(), x.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	// |m|*2 >= den → round away from zero
	m.Abs(m).Mul(m, big.NewInt(2))
	if m.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Decimal{new(big.Rat).SetFrac(q, scale)}
}

// String writes d with as many decimals as it needs (up to 6; rounded
// beyond), without thousands separators: "1234.5", "-0.25", "0".
func (d Decimal) String() string {
	s := d.rat().FloatString(maxFracDigits)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// Fixed writes d rounded to places decimals, always showing them:
// Fixed(2) of 1234.5 is "1234.50".
func (d Decimal) Fixed(places int) string {
	return d.Round(places).rat().FloatString(places)
}

// Text writes d with a thousands separator and the decimals it has, as
// quantities are shown everywhere (the builder, the exported table, the
// command line): "1,800", "12.5", "1,234.567".
func (d Decimal) Text(sep string) string {
	_, frac, _ := strings.Cut(d.String(), ".")
	return d.Grouped(len(frac), sep)
}

// Grouped writes d rounded to places decimals with a thousands separator:
// Grouped(2, ",") of 1234567.5 is "1,234,567.50".
func (d Decimal) Grouped(places int, sep string) string {
	s := d.Fixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}

// MarshalJSON writes d as a JSON string, so no reader turns it into a
// float.
func (d Decimal) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a JSON string or number.
func (d *Decimal) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	} else if string(b) == "null" {
		*d = Decimal{}
		return nil
	} else {
		s = string(b)
	}
	v, err := ParseDecimal(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
