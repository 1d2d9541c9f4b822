package cli

import (
	"errors"
	"flag"
	"strconv"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/proposal"
)

func init() {
	register(
		command{name: "proposal revise", args: "ID", summary: "start a new revision of a sent proposal, to change its terms", setup: proposalRevise},
		command{name: "proposal history", reads: true, args: "ID", summary: "list a proposal's revisions and what was sent to whom and when", setup: proposalHistory},
		command{name: "proposal sent-copy", reads: true, args: "ID", summary: "write a copy of what the client received, byte for byte as sent", setup: proposalSentCopy},
	)
}

func proposalRevise(fs *flag.FlagSet) func(*ctx, []string) error {
	return func(c *ctx, args []string) error {
		st, p, err := c.loadProposal(args)
		if err != nil {
			return err
		}
		if err := p.NewRevision(c.Today()); err != nil {
			return dossier.Err("proposal {{.ID}}", map[string]any{"ID": p.ID}, err)
		}
		if err := st.SaveProposal(&p); err != nil {
			return err
		}
		c.printf("%s\n", i18n.L("Revision {{.Revision}} of “{{.Title}}” started, valid until {{.Date}}. Revision {{.Sent}} stays on record as sent.",
			map[string]any{"Revision": p.Rev(), "Title": dossier.OneLine(p.Title), "Date": p.Expiry().String(), "Sent": p.SentRevision()}))
		return nil
	}
}

// historyJSON is the JSON of `proposal history`.
type historyJSON struct {
	ID           string             `json:"id"`
	Title        string             `json:"title"`
	Revision     int                `json:"revision"`      // the revision being edited or last sent
	SentRevision int                `json:"sent_revision"` // the latest revision with the client, 0 for none
	Sendings     []proposal.Sending `json:"sendings"`
}

func proposalHistory(fs *flag.FlagSet) func(*ctx, []string) error {
	asJSON := fs.Bool("json", false, "print JSON for scripts")
	return func(c *ctx, args []string) error {
		_, p, err := c.loadProposal(args)
		if err != nil {
			return err
		}
		if *asJSON {
			h := historyJSON{ID: p.ID, Title: p.Title, Revision: p.Rev(), SentRevision: p.SentRevision(), Sendings: p.Sendings}
			if h.Sendings == nil {
				h.Sendings = []proposal.Sending{}
			}
			return c.json(h)
		}
		c.printf("%s\n", dossier.OneLine(p.Title))
		c.printf("%s\n\n", revisionLine(&p))
		if len(p.Sendings) == 0 {
			if p.SentRevision() > 0 {
				c.printf("%s\n", i18n.L("Sent on {{.Date}}, before kamdesk kept copies of what was sent.", map[string]any{"Date": p.Sent.String()}))
			} else {
				c.printf("%s\n", i18n.L("Not sent yet."))
			}
			return nil
		}
		tw := table(c.Stdout, "#", "REVISION", "SENT", "VARIANT", "TO")
		for i, s := range p.Sendings {
			for j, v := range s.Variants {
				n, rev, on := "", "", ""
				if j == 0 {
					n, rev, on = strconv.Itoa(i+1), "v"+strconv.Itoa(s.Revision), s.On.String()
				}
				row(tw, n, rev, on, tr(v.Audience.Label()), strings.Join(v.People, ", "))
			}
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		c.printf("\n%s\n", i18n.L("kamdesk proposal sent-copy {{.ID}} --sending N --audience WHO -o FILE writes what was sent.", map[string]any{"ID": p.ID}))
		return nil
	}
}

// revisionLine says which revision is being edited and which one the
// client holds.
func revisionLine(p *proposal.Proposal) string {
	sent := p.SentRevision()
	switch {
	case sent == 0:
		return i18n.L("Revision {{.Revision}}, not sent yet.", map[string]any{"Revision": p.Rev()})
	case sent == p.Rev():
		return i18n.L("Revision {{.Revision}} is with the client (sent on {{.Date}}).", map[string]any{"Revision": sent, "Date": p.Sent.String()})
	default:
		return i18n.L("Revision {{.Revision}} is being prepared; revision {{.Sent}} is with the client (sent on {{.Date}}).",
			map[string]any{"Revision": p.Rev(), "Sent": sent, "Date": p.Sent.String()})
	}
}

func proposalSentCopy(fs *flag.FlagSet) func(*ctx, []string) error {
	sending := fs.Int("sending", 0, "which sending, `N` as `proposal history` numbers them (default: the latest)")
	audience := fs.String("audience", "", "the variant, `WHO` it was for: executive, hr, finance, technical or all (default: the only one sent)")
	format := fs.String("format", "html", "`FORMAT`: html (the file as sent) or md (its Markdown)")
	out := outputFlag(fs, "the `FILE` to write (required); an existing file is not replaced without --force")
	force := fs.Bool("force", false, "replace an existing file")
	return func(c *ctx, args []string) error {
		if *out == "" {
			return usageError{i18n.L("-o is required")}
		}
		ext := strings.ToLower(*format)
		if ext != export.HTML && ext != export.Markdown {
			return usageError{i18n.L("--format {{.Value}} is not html or md", map[string]any{"Value": *format})}
		}
		if *sending < 0 {
			return usageError{i18n.L("--sending {{.Value}} is not a sending: they are numbered from 1", map[string]any{"Value": *sending})}
		}
		st, p, err := c.loadProposal(args)
		if err != nil {
			return err
		}
		if len(p.Sendings) == 0 {
			return dossier.Err("proposal {{.ID}}", map[string]any{"ID": p.ID}, errors.New("no copy of a sending is on record"))
		}
		n := *sending
		if n == 0 {
			n = len(p.Sendings)
		}
		if n < 1 || n > len(p.Sendings) {
			return usageError{i18n.L("--sending {{.Value}}: the proposal was sent {{.Count}} times", map[string]any{"Value": n, "Count": len(p.Sendings)})}
		}
		snap, err := st.Snapshot(p.ID, p.Sendings[n-1].ID)
		if err != nil {
			return err
		}
		var f proposal.SentFile
		if *audience == "" {
			if len(snap.Files) != 1 {
				return usageError{i18n.L("this sending has several variants: choose one with --audience")}
			}
			f = snap.Files[0]
		} else {
			a, err := proposal.ParseAudience(*audience)
			if err != nil {
				return usageError{i18n.L("--audience {{.Value}} is not one of executive, hr, finance, technical, all", map[string]any{"Value": *audience})}
			}
			var ok bool
			if f, ok = snap.File(a); !ok {
				return dossier.Err("proposal {{.ID}}", map[string]any{"ID": p.ID},
					dossier.Err("the {{.Audience}} variant was not sent in sending {{.N}}", map[string]any{"Audience": a.Label(), "N": n}, nil))
			}
		}
		data := f.HTML
		if ext == export.Markdown {
			data = []byte(f.Markdown)
		}
		if err := export.WriteNew(*out, data, 0o644, *force); err != nil {
			if msg := existsMessage(err); msg != "" {
				return errors.New(msg)
			}
			return err
		}
		c.printf("%s\n", *out)
		return nil
	}
}

// loadProposal opens the workspace and reads the proposal a command names
// as its one argument.
func (c *ctx) loadProposal(args []string) (*store.Store, proposal.Proposal, error) {
	if err := needArgs(args, 1, "proposal ID"); err != nil {
		return nil, proposal.Proposal{}, err
	}
	st, err := c.store()
	if err != nil {
		return nil, proposal.Proposal{}, err
	}
	p, err := st.Proposal(args[0])
	return st, p, err
}
