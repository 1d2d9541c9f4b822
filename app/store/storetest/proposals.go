package storetest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"

	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Library is the section library of generated workspaces: the library of
// the sample workspace (assets/sample), sixteen sections in English with
// placeholders. Each call returns a fresh copy.
func Library() []proposal.Section {
	smp, err := store.ParseSample(assets.Sample)
	if err != nil {
		panic(fmt.Sprintf("storetest: the sample workspace does not parse: %v", err))
	}
	return smp.Library
}

// Proposals invents o.Proposals proposals to the accounts of w (which
// Workspace(o) made), drawn from lib: each credits one to three team
// members, follows most library sections (some as customised copies, some
// with a section written for it), prices one to four lines and cites up to
// two references. About a third are sent, in discussion, won or lost. The
// proposals are drawn from their own random source, so asking for them
// leaves the workspace of o unchanged.
func Proposals(o Options, w *dossier.Workspace, lib []proposal.Section) []proposal.Proposal {
	if o.Proposals <= 0 || len(w.Accounts) == 0 || len(w.Team) == 0 {
		return nil
	}
	g := &gen{
		rng:    rand.New(rand.NewPCG(o.Seed^0x5851f42d4c957f2d, o.Seed+1)),
		anchor: o.Anchor,
		ids:    map[string]bool{},
	}
	if g.anchor.IsZero() {
		g.anchor = DefaultAnchor
	}
	out := make([]proposal.Proposal, 0, o.Proposals)
	for range o.Proposals {
		out = append(out, g.proposal(w, lib))
	}
	return out
}

var proposalTitles = []string{
	"Building controls for the {{A}} head office refurbishment",
	"Energy monitoring across the {{A}} estate, {{Y}} to {{Y}}",
	"Framework renewal: controls and service for {{A}}",
	"Room climate control for {{N}} new floors at {{A}}",
	"Pilot of the cloud platform on three {{A}} sites",
	"Retrofit of {{N}} plant rooms for {{A}}",
}

var pricingLines = []struct {
	desc, unit string
	lo, hi     int // unit price range
}{
	{"Controller set, factory-fitted and tested", "set", 400, 1800},
	{"Installation and commissioning", "day", 650, 1100},
	{"Cloud monitoring platform, first year", "site", 1200, 4800},
	{"Technician training", "day", 800, 1400},
	{"Service agreement, first year", "site", 2000, 9000},
}

func (g *gen) proposal(w *dossier.Workspace, lib []proposal.Section) proposal.Proposal {
	a := &w.Accounts[g.rng.IntN(len(w.Accounts))]
	p := proposal.Proposal{AccountID: a.ID, Language: "en", Status: proposal.Draft}
	p.Title = g.fill(g.pick(proposalTitles), a.Name, "")
	p.ID = "prop-" + g.id(p.Title, "proposal")
	for _, i := range g.rng.Perm(len(w.Team))[:g.between(1, min(3, len(w.Team)))] {
		p.Credits = append(p.Credits, proposal.Credit{MemberID: w.Team[i].ID})
	}
	p.Author = p.Credits[0].MemberID
	for _, s := range lib {
		switch r := g.rng.Float64(); {
		case r < 0.15: // left out
		case r < 0.22:
			p.Items = append(p.Items, proposal.Item{SectionID: s.ID, Custom: true, Title: s.Title, Kind: s.Kind,
				Audiences: s.Audiences, Body: s.Body + "\n\nAdapted for " + a.Name + "."})
		default:
			p.Items = append(p.Items, proposal.Item{SectionID: s.ID})
		}
	}
	if g.chance(0.3) {
		p.Items = append(p.Items, proposal.Item{Title: "Phasing with " + a.Name, Kind: proposal.KindSpecification,
			Audiences: proposal.Weights{proposal.Technical: 80, proposal.Executive: 50},
			Body:      g.sentences(eventTexts, 2, " ", a.Name, "the project team")})
	}
	currency := "GBP"
	if g.chance(0.3) {
		currency = "EUR"
	}
	for _, i := range g.rng.Perm(len(pricingLines))[:g.between(1, 4)] {
		l := pricingLines[i]
		p.Pricing = append(p.Pricing, proposal.Line{Description: l.desc, Unit: l.unit, Currency: currency,
			Quantity:  proposal.Int(int64(g.between(1, 900))),
			UnitPrice: proposal.Int(int64(g.between(l.lo, l.hi))),
			Discount:  proposal.Int(int64(g.pick2(0, 5)))})
	}
	if g.chance(0.6) {
		p.Financial = proposal.Financial{Currency: currency, Investment: proposal.Int(int64(g.between(50, 900)) * 1000),
			YearlyGain: proposal.Int(int64(g.between(10, 300)) * 1000), Years: g.pick2(3, 5)}
	}
	if len(w.References) > 0 {
		for _, i := range g.rng.Perm(len(w.References))[:g.between(0, min(2, len(w.References)))] {
			p.References = append(p.References, w.References[i].ID)
		}
	}
	p.Issued = g.day(-120, 0)
	p.ValidDays = []int{30, 60, 90}[g.rng.IntN(3)]
	switch r := g.rng.Float64(); {
	case r < 0.65: // a draft
	case r < 0.80:
		p.Sent = p.Issued.AddDays(g.between(0, 5))
		_ = p.MarkSent(p.Sent, proposal.DefaultFollowUp())
	case r < 0.88:
		p.Sent = p.Issued.AddDays(g.between(0, 5))
		_ = p.MarkSent(p.Sent, proposal.DefaultFollowUp())
		p.Status = proposal.InDiscussion
	default:
		p.Sent = p.Issued.AddDays(g.between(0, 5))
		p.Status = proposal.Won
		if g.chance(0.4) {
			p.Status = proposal.Lost
		}
		p.Closed = p.Sent.AddDays(g.between(5, 40))
		p.Outcome = "Decided at the review meeting of " + strconv.Itoa(g.anchor.Year()) + "."
	}
	return p
}

// proposalChunk is how many proposals one write of Generate carries: well
// inside Badger's largest transaction.
const proposalChunk = 200

// writeProposals adds the library and the proposals to s through the
// sample loader, a chunk of proposals a transaction. Dates are written as
// they are (the anchor is taken for today).
func writeProposals(s *store.Store, anchor dossier.Date, lib []proposal.Section, props []proposal.Proposal) error {
	for start := 0; start == 0 || start < len(props); start += proposalChunk {
		smp := store.Sample{Anchor: anchor, Library: lib, Proposals: props[start:min(start+proposalChunk, len(props))]}
		data, err := json.Marshal(smp)
		if err != nil {
			return err
		}
		if _, err := s.LoadSample(data, anchor, nil); err != nil {
			return err
		}
	}
	return nil
}
