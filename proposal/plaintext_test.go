package proposal

import "testing"

func TestPlainText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Dear Anna Keller, thank you for *Factory-commissioned controls*.", "Dear Anna Keller, thank you for Factory-commissioned controls."},
		{"## Our team\n\nWe **know** your sites.", "Our team · We know your sites."},
		{"- One\n- Two\n\nThree", "One Two Three"},
		{"See [our site](https://example.com) or <https://example.org>.", "See our site or https://example.org."},
		{`Prices \*fixed\* for three years`, "Prices *fixed* for three years"},
		{"| Item | Price |\n|---|---|\n| Kit | 850 |", "Item · Price · Kit · 850"},
		{"Line one\nline two", "Line one line two"},
		{"Use `kamdesk export` now", "Use kamdesk export now"},
		{"<b>raw</b> text", "raw text"},
		{"Castellan's 23 hotels -- and \"more\"...", "Castellan’s 23 hotels – and “more”…"},
		{"", ""},
	} {
		if got := PlainText(c.in); got != c.want {
			t.Errorf("PlainText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
