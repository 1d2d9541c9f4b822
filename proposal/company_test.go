package proposal

import (
	"strings"
	"testing"
)

func TestSignature(t *testing.T) {
	values := map[string]string{"author.name": "Olivia Grant", "author.position": "Key Account Director",
		"author.email": "olivia.grant@kestrel.example", "company.name": "Kestrel Systems Ltd"}
	for _, tc := range []struct {
		name, signature, want string
	}{
		{"default", "", "Olivia Grant\nKey Account Director\nKestrel Systems Ltd"},
		{"own", "With kind regards from {{company.name}}\n{{author.name}} · {{author.email}}",
			"With kind regards from Kestrel Systems Ltd\nOlivia Grant · olivia.grant@kestrel.example"},
		{"a line naming an unknown value is left out", "{{author.name}}\nTel. {{author.phone}}\n{{company.name}}",
			"Olivia Grant\nKestrel Systems Ltd"},
		{"escaped braces and blank lines", "\\{{literal}}\n\n  {{author.name}}  ", "{{literal}}\nOlivia Grant"},
		{"unknown value only", "{{author.phone}}", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Company{Name: "Kestrel Systems Ltd", Signature: tc.signature}
			if got := c.SignatureOf(values); got != tc.want {
				t.Errorf("SignatureOf = %q, want %q", got, tc.want)
			}
		})
	}
	c := Company{Name: "Kestrel", Signature: "{{author.name}}\n{{valid_until}} {{nonsense}}"}
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "signature") || !strings.Contains(err.Error(), "{{valid_until}}, {{nonsense}}") {
		t.Errorf("Validate of a signature naming other placeholders = %v", err)
	}
	if c := (Company{Signature: "x"}); c.IsZero() {
		t.Error("a company with only a signature is zero")
	}
}

// TestLetterSigned: a letter ending in {{signature}} is signed with the
// company's signature in the exported Markdown, each line its own, and
// without an author the signature is the company alone; with neither it
// is a finding that points to the credits.
func TestLetterSigned(t *testing.T) {
	p, c := northbridge()
	c.Company = Company{Name: "Kestrel Systems Ltd", Signature: "{{author.name}}\n{{author.position}}, {{company.name}}\nTel. {{author.phone}}"}
	for i := range c.Library {
		if c.Library[i].Kind == KindCover {
			c.Library[i].Body = "Dear {{person.name}},\n\nThank you.\n\nYours sincerely,\n\n{{signature}}"
		}
	}
	md := assemble(p, c, Executive, true).v.Markdown
	if want := "Yours sincerely,\n\nOlivia Grant\\\nKey Account Director, Kestrel Systems Ltd\\\nTel. +44 20 7946 0101"; !strings.Contains(md, want) {
		t.Errorf("the letter is not signed so:\n%s\nin:\n%s", want, md)
	}
	p.Author = ""
	c.Company.Signature = "" // the default: the author's name and position, the company's name
	if md := assemble(p, c, Executive, true).v.Markdown; strings.Contains(md, "{{signature}}") ||
		!strings.Contains(md, "Yours sincerely,\n\nKestrel Systems Ltd\n") {
		t.Errorf("without an author the letter is signed by the company alone:\n%s", md)
	}
	c.Company = Company{}
	var found bool
	for _, f := range Check(p, c) {
		if f.Code == codeUnresolved && f.Data["Name"] == "signature" {
			found = true
			if f.Place.Area != AreaCredits {
				t.Errorf("the unsigned letter's finding points to %q, want the credits", f.Place.Area)
			}
		}
	}
	if !found {
		t.Error("a letter with no one to sign it has no finding")
	}
}
