package proposal

import (
	"strings"
	"testing"
)

// TestQuantitiesWrittenAsAmountsAre: a quantity of 1800 reads "1,800" in
// the exported pricing table, as amounts do and as the builder shows it;
// decimals it has are kept.
func TestQuantitiesWrittenAsAmountsAre(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"1800", "1,800"}, {"12.5", "12.5"}, {"1234.567", "1,234.567"}, {"900", "900"}, {"-2500", "-2,500"}, {"0", "0"},
	} {
		if got := MustDecimal(c.in).Text(","); got != c.want {
			t.Errorf("Text(%s) = %q, want %q", c.in, got, c.want)
		}
	}
	b := pricingBlock([]Line{{Description: "Rooms", Quantity: MustDecimal("1800"), Unit: "room",
		UnitPrice: MustDecimal("95"), Currency: "GBP"}}, Finance, LocaleOf("en"))
	if !strings.Contains(b.Markdown, "| Rooms | 1,800 | room |") {
		t.Errorf("the pricing table writes the quantity as:\n%s", b.Markdown)
	}
}
