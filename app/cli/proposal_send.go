package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"kamdesk/app/export"
	"kamdesk/proposal"
)

func proposalSent(fs *flag.FlagSet) func(*ctx, []string) error {
	on := fs.String("on", "", "the `DATE` it was sent, YYYY-MM-DD (default: today)")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, lang.L("proposal ID")); err != nil {
			return err
		}
		day := c.Today()
		if *on != "" {
			d, err := parseDateFlag("on", *on)
			if err != nil {
				return err
			}
			day = d
		}
		st, r, err := c.loadReview(args[0])
		if err != nil {
			return err
		}
		p := r.p
		if err := p.MarkSent(day, proposal.DefaultFollowUp()); err != nil {
			return fmt.Errorf("proposal %s: %w", p.ID, err)
		}
		if err := st.SaveProposal(&p); err != nil {
			return err
		}
		if n := proposal.Blocking(r.findings); n > 0 {
			fmt.Fprintln(c.Stderr, lang.L("warning: {{.Count}} blocking problems were not fixed; see kamdesk proposal check {{.ID}}",
				map[string]any{"Count": n, "ID": p.ID}))
		}
		c.printf("%s\n\n", lang.L("Sent on {{.Date}}: {{.Title}}. Follow-up:", map[string]any{"Date": day.String(), "Title": p.Title}))
		tw := table(c.Stdout, "DUE", "TASK")
		for _, t := range p.Tasks {
			if t.Status == proposal.TaskOpen {
				row(tw, t.Due.String()+" "+tr(t.Due.Weekday().String()[:3]), tr(t.Kind.Label()))
			}
		}
		return tw.Flush()
	}
}

func proposalExport(fs *flag.FlagSet) func(*ctx, []string) error {
	audience := fs.String("audience", "", "`WHO` the variant is for: executive, hr, finance, technical, or all for every variant (the four audiences and the whole group, one file each; -o is then a folder)")
	format := fs.String("format", "html", "`FORMAT` of the file: html (self-contained, for e-mail and print) or md (Markdown); default html")
	out := fs.String("o", "", "the `PATH` to write: a file, or a folder (created if missing) with --audience all or when it is an existing folder")
	return func(c *ctx, args []string) error {
		if err := needArgs(args, 1, lang.L("proposal ID")); err != nil {
			return err
		}
		if *audience == "" || *out == "" {
			return usageError{lang.L("--audience and -o are required")}
		}
		a, err := proposal.ParseAudience(*audience)
		if err != nil {
			return usageError{lang.L("--audience {{.Value}} is not one of executive, hr, finance, technical, all", map[string]any{"Value": *audience})}
		}
		ext := strings.ToLower(*format)
		if ext != "html" && ext != "md" {
			return usageError{lang.L("--format {{.Value}} is not html or md", map[string]any{"Value": *format})}
		}
		st, r, err := c.loadReview(args[0])
		if err != nil {
			return err
		}
		p := r.p
		now := time.Now().UTC().Truncate(time.Second)
		if c.Now != nil {
			now = c.Now().UTC().Truncate(time.Second)
		}
		written, err := export.Proposal(&p, r.ctx, a, ext, *out, now)
		if err != nil {
			return fmt.Errorf("proposal %s: %w", p.ID, err)
		}
		for _, f := range written {
			c.printf("%s\n", f)
		}
		if err := st.SaveProposal(&p); err != nil {
			return err
		}
		if n := proposal.Blocking(r.findings); n > 0 {
			fmt.Fprintln(c.Stderr, lang.L("warning: {{.Count}} blocking problems remain; see kamdesk proposal check {{.ID}}",
				map[string]any{"Count": n, "ID": p.ID}))
		}
		return nil
	}
}
