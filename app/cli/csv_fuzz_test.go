package cli

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// FuzzPricingCSV: no file panics the pricing reader (a stray quote did:
// "out of range index passed to FieldPos"). A file it refuses gets errors
// that name the file and a line in it; the lines of a file it accepts are
// valid pricing lines, at most maxPricingLines of them.
func FuzzPricingCSV(f *testing.F) {
	const head = "description,quantity,unit,unit_price,discount,currency\n"
	for _, s := range []string{
		head + "\"Controls kit, per module\",1800,module,412.50,5,GBP\nLicence,1,site-year,24000,,GBP\n",
		head + "Work \"x\" done,1,day,100,0,EUR\n",
		head + "\"Work,1,day,100,0,EUR\n",
		head + "Work,1,day,100,EUR\n",
		"\ufeff" + head + "Work,1,day,1000000000001,0,eur\n",
		head, "", "\xff" + head, head + "Plan \x1b[31m,1,day,1,0,EUR\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		lines, err := readPricingCSV("p.csv", strings.NewReader(data))
		if err != nil {
			if lines != nil {
				t.Fatalf("lines returned with an error: %v", err)
			}
			n := strings.Count(data, "\n") + 1
			fes := proposal.FileErrors(err)
			if len(fes) == 0 {
				t.Fatalf("error %q names no file and line", err)
			}
			for _, fe := range fes {
				if fe.File != "p.csv" || fe.Line < 1 || fe.Line > n {
					t.Fatalf("error %q: line %d of a file of %d lines", fe, fe.Line, n)
				}
			}
			if !errors.Is(err, proposal.ErrInvalid) || !utf8.ValidString(dossier.OneLine(err.Error())) {
				t.Fatalf("error %q: not ErrInvalid", err)
			}
			return
		}
		if len(lines) == 0 || len(lines) > maxPricingLines {
			t.Fatalf("%d lines accepted", len(lines))
		}
		for i, l := range lines {
			if err := l.Validate(); err != nil {
				t.Fatalf("line %d accepted but invalid: %v", i+1, err)
			}
		}
	})
}
