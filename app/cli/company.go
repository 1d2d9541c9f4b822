package cli

import (
	"errors"
	"flag"
	"os"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func init() {
	register(
		command{name: "company show", summary: "show our company as its proposals present it: name, address, registration, VAT, website, brand colour, logo, paper, signature", reads: true, setup: companyShow},
		command{name: "company set", summary: "set our company's house style for exported proposals (only the fields given change)", setup: companySet},
	)
}

// companyJSON is the company as `company show --json` prints it: the logo
// by its size, not its bytes.
type companyJSON struct {
	Name         string `json:"name"`
	Address      string `json:"address"`
	Registration string `json:"registration"`
	VAT          string `json:"vat"`
	Website      string `json:"website"`
	BrandColour  string `json:"brand_colour"`
	LogoBytes    int    `json:"logo_bytes"`
	Paper        string `json:"paper"`
	Signature    string `json:"signature"`
}

// paperName is the paper of PDFs: the workspace's, A4 when none is set.
func paperName(p string) string {
	if p == "letter" {
		return "Letter"
	}
	return "A4"
}

func companyShow(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		co, err := st.Company()
		if err != nil {
			return err
		}
		if *asJSON {
			return c.json(companyJSON{co.Name, co.Address, co.Registration, co.VAT, co.Website, co.BrandColour, len(co.Logo),
				strings.ToLower(paperName(co.Paper)), co.Signature})
		}
		if co.IsZero() {
			c.printf("%s\n", i18n.L("No company is set: exported proposals have no cover page. Set one with: kamdesk company set --name NAME"))
			return nil
		}
		logo := i18n.L("none")
		if len(co.Logo) > 0 {
			logo = i18n.L("a PNG of {{.Size}}", map[string]any{"Size": i18n.Size(int64(len(co.Logo)))})
		}
		signature := co.Signature
		if strings.TrimSpace(signature) == "" {
			signature = i18n.L("the default: {{.Signature}}", map[string]any{"Signature": proposal.DefaultSignature})
		}
		tw := table(c.Stdout, i18n.L("FIELD"), i18n.L("VALUE"))
		for _, f := range [][2]string{{i18n.L("Name"), co.Name}, {i18n.L("Address"), strings.ReplaceAll(co.Address, "\n", ", ")},
			{i18n.L("Registration"), co.Registration}, {i18n.L("VAT"), co.VAT}, {i18n.L("Website"), co.Website},
			{i18n.L("Brand colour"), co.BrandColour}, {i18n.L("Logo"), logo}, {i18n.L("Paper"), paperName(co.Paper)},
			{i18n.L("Signature"), strings.ReplaceAll(signature, "\n", " / ")}} {
			row(tw, f[0], dossier.OneLine(f[1]))
		}
		return tw.Flush()
	}
}

func companySet(fs *flag.FlagSet) func(*ctx, []string) error {
	// Each text flag and the field it sets.
	texts := []struct {
		flag, usage string
		field       func(*proposal.Company) *string
	}{
		{"name", "our company's `NAME`", func(c *proposal.Company) *string { return &c.Name }},
		{"address", "its `ADDRESS`; a line break as \\n", func(c *proposal.Company) *string { return &c.Address }},
		{"registration", "its `REGISTRATION` as it is to be printed, e.g. \"Registered in England no. 01234567\"",
			func(c *proposal.Company) *string { return &c.Registration }},
		{"vat", "its `VAT` number as it is to be printed, e.g. \"VAT GB 123 4567 89\"", func(c *proposal.Company) *string { return &c.VAT }},
		{"website", "its `WEBSITE`", func(c *proposal.Company) *string { return &c.Website }},
		{"brand-colour", "the `COLOUR` of headings and tables, #rrggbb", func(c *proposal.Company) *string { return &c.BrandColour }},
		{"signature", "the default `SIGNATURE` of letters, what {{signature}} becomes; a line break as \\n; it may name " +
			"{{author.name}}, {{author.position}}, {{author.email}}, {{author.phone}} and {{company.name}} (a line naming a value not known is left out)",
			func(c *proposal.Company) *string { return &c.Signature }},
		{"paper", "the `PAPER` PDFs are printed on: a4 or letter", func(c *proposal.Company) *string { return &c.Paper }},
	}
	values := make([]*string, len(texts))
	for i, t := range texts {
		values[i] = fs.String(t.flag, "", t.usage)
	}
	logo := fs.String("logo", "", "a `FILE` with the logo: PNG, JPEG, GIF or SVG, kept as a PNG made afresh from its pixels (an SVG drawn, never embedded)")
	noLogo := fs.Bool("no-logo", false, "remove the logo")
	clear := fs.Bool("clear", false, "remove our company altogether: exported proposals have no cover page")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 0, ""); err != nil {
			return err
		}
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if len(set) == 0 {
			return usageError{i18n.L("give at least one field to set, e.g. --name")}
		}
		if *clear && len(set) > 1 {
			return usageError{i18n.L("--clear removes the company: give it alone")}
		}
		st, err := c.store()
		if err != nil {
			return err
		}
		co, err := st.Company()
		if err != nil {
			return err
		}
		if *clear {
			if err := st.SaveCompany(proposal.Company{}); err != nil {
				return err
			}
			c.printf("%s\n", i18n.L("Company removed: exported proposals have no cover page."))
			return nil
		}
		for i, t := range texts {
			if set[t.flag] {
				*t.field(&co) = strings.TrimSpace(strings.ReplaceAll(*values[i], `\n`, "\n"))
			}
		}
		co.Paper = strings.ToLower(co.Paper)
		switch {
		case *noLogo:
			co.Logo = nil
		case *logo != "":
			data, err := os.ReadFile(*logo)
			if err != nil {
				return err
			}
			if co.Logo, err = proposal.CleanLogo(data); err != nil {
				return errors.New(i18n.L("--logo {{.File}}: {{.Error}}", map[string]any{"File": *logo, "Error": errorText(err)}))
			}
		}
		if err := st.SaveCompany(co); err != nil {
			if p := dossier.ProblemsOf(err); len(p) > 0 {
				var msgs []string
				for _, e := range p {
					msgs = append(msgs, "--"+strings.ReplaceAll(e.Field, "_", "-")+" "+i18n.L(e.Message, e.Data))
				}
				return errors.New(strings.Join(msgs, "; "))
			}
			return err
		}
		c.printf("%s\n", i18n.L("Company saved: exported proposals open with its cover page."))
		return nil
	}
}
