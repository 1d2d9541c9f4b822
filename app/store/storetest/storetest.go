// Package storetest invents large, realistic-looking workspaces for tests
// and benchmarks: accounts with their decision-making groups, timelines
// and promises, team members and references. The same options give the
// same workspace, record for record.
package storetest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"kamdesk/app/store"
	"kamdesk/dossier"
)

// Options size a generated workspace.
type Options struct {
	Accounts           int
	PeoplePerAccount   int
	EventsPerAccount   int
	PromisesPerAccount int
	// Proposals is how many proposals Generate adds, spread over the
	// accounts at random; with any, it also adds the section library
	// they follow (Library). Workspace never holds them: see Proposals.
	Proposals int
	// Seed picks the workspace: the same seed gives the same records.
	Seed uint64
	// Anchor is the day the generated history and plans are spread
	// around; the zero Date means 2026-11-25, the day the desk's tests
	// take for today.
	Anchor dossier.Date
}

// DefaultAnchor is the anchor of Options whose Anchor is zero.
var DefaultAnchor = dossier.MustDate("2026-11-25")

// Generate writes the workspace of o into s, in bulk, and with
// o.Proposals the section library and the proposals.
func Generate(s *store.Store, o Options) error {
	w := Workspace(o)
	if err := s.Import(w); err != nil {
		return fmt.Errorf("generating a workspace: %w", err)
	}
	if o.Proposals <= 0 {
		return nil
	}
	lib := Library()
	anchor := o.Anchor
	if anchor.IsZero() {
		anchor = DefaultAnchor
	}
	if err := writeProposals(s, anchor, lib, Proposals(o, &w, lib)); err != nil {
		return fmt.Errorf("generating proposals: %w", err)
	}
	return nil
}

// Workspace invents the workspace of o. Every record validates and every
// reference (account, manager, people, owner) resolves.
func Workspace(o Options) dossier.Workspace {
	g := &gen{
		rng:      rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)),
		anchor:   o.Anchor,
		ids:      map[string]bool{},
		names:    map[string]bool{},
		accounts: o.Accounts,
	}
	if g.anchor.IsZero() {
		g.anchor = DefaultAnchor
	}
	w := dossier.Workspace{Rules: dossier.DefaultRules()}
	w.Team = g.team()
	w.References = g.references(max(3, o.Accounts/20))
	w.Accounts = make([]dossier.Account, 0, o.Accounts)
	w.People = make([]dossier.Person, 0, o.Accounts*o.PeoplePerAccount)
	w.Events = make([]dossier.Event, 0, o.Accounts*o.EventsPerAccount)
	w.Promises = make([]dossier.Promise, 0, o.Accounts*o.PromisesPerAccount)
	for range o.Accounts {
		a := g.account(w.Team)
		people := g.people(&a, o.PeoplePerAccount)
		w.Accounts = append(w.Accounts, a)
		w.People = append(w.People, people...)
		for range o.EventsPerAccount {
			w.Events = append(w.Events, g.event(&a, people))
		}
		for range o.PromisesPerAccount {
			w.Promises = append(w.Promises, g.promise(&a, people))
		}
	}
	return w
}

// gen is the state of one generation: the random source and the IDs and
// names given so far.
type gen struct {
	rng      *rand.Rand
	anchor   dossier.Date
	ids      map[string]bool
	names    map[string]bool // account names
	accounts int             // how many accounts are made
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// between returns a number from lo to hi inclusive.
func (g *gen) between(lo, hi int) int { return lo + g.rng.IntN(hi-lo+1) }

func (g *gen) day(from, to int) dossier.Date { return g.anchor.AddDays(g.between(from, to)) }

// id returns a new record ID in the style of store.NewID: a slug of name
// and four characters, unique in the workspace.
func (g *gen) id(name, fallback string) string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	s := dossier.Slug(name, 24)
	if s == "" {
		s = fallback
	}
	for {
		b := []byte(s + "-xxxx")
		for i := len(b) - 4; i < len(b); i++ {
			b[i] = alphabet[g.rng.IntN(len(alphabet))]
		}
		if id := string(b); !g.ids[id] {
			g.ids[id] = true
			return id
		}
	}
}

// fill replaces {{A}}, {{P}}, {{Y}} and {{N}} in s: an account, a person,
// a year and a number.
func (g *gen) fill(s, account, person string) string {
	s = strings.ReplaceAll(s, "{{A}}", account)
	s = strings.ReplaceAll(s, "{{P}}", person)
	s = strings.ReplaceAll(s, "{{Y}}", strconv.Itoa(g.anchor.Year()+g.between(1, 4)))
	return strings.ReplaceAll(s, "{{N}}", strconv.Itoa(g.between(12, 90)))
}

// sentences joins n different sentences from list, filled in.
func (g *gen) sentences(list []string, n int, sep, account, person string) string {
	var out []string
	for _, i := range g.rng.Perm(len(list))[:min(n, len(list))] {
		out = append(out, g.fill(list[i], account, person))
	}
	return strings.Join(out, sep)
}

func (g *gen) team() []dossier.TeamMember {
	var out []dossier.TeamMember
	for _, title := range teamTitles {
		first, last := g.personName()
		name := first + " " + last
		out = append(out, dossier.TeamMember{ID: "team-" + g.id(name, "member"), Name: name, Position: title,
			Email: mailbox(first, last) + "@veldmark.example", Phone: g.phone("+44 20 7946")})
	}
	return out
}

func (g *gen) references(n int) []dossier.Reference {
	var out []dossier.Reference
	for range n {
		client := g.pick(brandStart) + g.pick(brandEnd) + " " + g.pick(g.pickIndustry().suffixes)
		first, last := g.personName()
		r := dossier.Reference{ID: "ref-" + g.id(client, "client"), Client: client,
			Project: g.fill(g.pick(referenceProjects), client, ""), Year: g.anchor.Year() - g.between(0, 7),
			Result:  g.fill(g.pick(referenceResults), client, ""),
			Referee: dossier.Referee{Name: first + " " + last, Position: g.pick(g.pickFunction().titles)}}
		if g.chance(0.7) {
			r.Referee.Contact = mailbox(first, last) + "@" + dossier.Slug(client, 20) + ".example"
			r.Referee.Agreed = g.chance(0.8)
		}
		out = append(out, r)
	}
	return out
}

func (g *gen) pickIndustry() *industry { return &industries[g.rng.IntN(len(industries))] }

func (g *gen) pickFunction() *function { return &functions[g.rng.IntN(len(functions))] }

// accountName invents a company name not given before.
func (g *gen) accountName(ind *industry) (name, brand string) {
	for try := 0; ; try++ {
		switch r := g.rng.Float64(); {
		case r < 0.05:
			brand = g.pick(cyrBrand)
		case r < 0.12:
			brand = g.pick(accentBrand)
		default:
			brand = g.pick(brandStart) + g.pick(brandEnd)
		}
		name = brand + " " + g.pick(ind.suffixes)
		if try > 20 {
			name += " " + strconv.Itoa(try)
		}
		if !g.names[name] {
			g.names[name] = true
			return name, brand
		}
	}
}

var tierWeights = []struct {
	tier dossier.Tier
	p    float64
}{{dossier.TierCrownJewel, 0.08}, {dossier.TierKey, 0.30}, {dossier.TierValued, 0.42}, {dossier.TierOther, 1}}

func (g *gen) account(team []dossier.TeamMember) dossier.Account {
	ind := g.pickIndustry()
	name, brand := g.accountName(ind)
	a := dossier.Account{ID: g.id(name, "account"), Name: name, Industry: ind.name,
		Segment: g.pick(ind.segments)}
	// The shares of all accounts add up to about three quarters of our
	// revenue.
	a.RevenueShare = float64(g.between(1, max(1, 1500/g.accounts))) / 10
	r := g.rng.Float64()
	for _, tw := range tierWeights {
		if r < tw.p {
			a.Tier = tw.tier
			break
		}
	}
	for _, i := range g.rng.Perm(len(dossier.Criteria))[:g.between(1, 3)] {
		a.Criteria = append(a.Criteria, dossier.Criteria[i])
	}
	a.Strategy = g.sentences(strategies, g.between(2, 4), " ", brand, "")
	a.Goals = g.sentences(goals, g.between(2, 4), "\n", brand, "")
	for _, i := range g.rng.Perm(len(competitors))[:g.between(0, 3)] {
		a.Competitors = append(a.Competitors, competitors[i])
	}
	if g.chance(0.8) {
		a.NextTender = g.day(20, 500)
		if g.chance(0.2) {
			a.TenderPrepMonths = g.pick2(6, 12)
		}
	}
	a.AnnualReview = g.day(-40, 330)
	if g.chance(0.9) {
		a.Owner = team[g.rng.IntN(len(team))].ID
	}
	a.Passive = g.chance(0.05)
	a.Notes = g.sentences(accountNotes, g.between(1, 3), " ", brand, "")
	return a
}

func (g *gen) pick2(a, b int) int {
	if g.chance(0.5) {
		return a
	}
	return b
}

var levelWeights = []struct {
	level dossier.Level
	p     float64
}{{dossier.Opponent, 0.08}, {dossier.Doubter, 0.23}, {dossier.Buyer, 0.48}, {dossier.Customer, 0.73},
	{dossier.Advocate, 0.90}, {dossier.Expert, 1}}

// people invents the decision-making group of a: the first person heads
// it, everybody else reports to someone before them.
func (g *gen) people(a *dossier.Account, n int) []dossier.Person {
	out := make([]dossier.Person, 0, n)
	domain := dossier.Slug(strings.TrimSuffix(a.Name, " "+lastWord(a.Name)), 30)
	if domain == "" {
		domain = "client-" + a.ID[len(a.ID)-4:]
	}
	ind := industryOf(a.Industry)
	for i := range n {
		sc := g.script()
		first, last := g.firstName(sc), g.lastName(sc)
		p := dossier.Person{AccountID: a.ID, Name: first + " " + last}
		p.ID = g.id(p.Name, "person")
		if i == 0 {
			p.Position = g.pick(topTitles)
			p.Department = "Board"
			p.Role, p.Influence, p.Type = dossier.RoleDecisionMaker, dossier.InfluenceHigh, dossier.Executive
		} else {
			f := g.pickFunction()
			p.Position = g.pick(f.titles)
			if ind != nil && g.chance(0.3) {
				p.Position += ", " + g.pick(ind.sites)
			}
			p.Department = f.dept
			p.Type = f.typ
			p.Role = f.roles[g.rng.IntN(len(f.roles))]
			switch {
			case strings.Contains(p.Position, "Director") || strings.Contains(p.Position, "Chief") || strings.HasPrefix(p.Position, "Head"):
				p.Influence = dossier.Influences[g.between(1, 2)]
			case g.chance(0.1):
				p.Influence = ""
			default:
				p.Influence = dossier.Influences[g.between(0, 1)]
			}
			// Managers come before their reports; most report to the
			// first few, so the tree is a few levels deep.
			p.ReportsTo = out[g.rng.IntN(min(i, 1+i/3))].ID
		}
		r := g.rng.Float64()
		for _, lw := range levelWeights {
			if r < lw.p {
				p.Level = lw.level
				break
			}
		}
		p.Email = mailbox(first, last) + "@" + domain + ".example"
		p.Phone = g.phone("+44 113 496")
		p.Channel = dossier.Channels[g.rng.IntN(len(dossier.Channels))]
		if g.chance(0.85) {
			p.Birthday = g.birthday()
		}
		p.Family = g.family(sc)
		p.Hobbies = g.sentences(hobbies, g.between(1, 3), "; ", "", "")
		p.Hobbies = strings.ToUpper(p.Hobbies[:1]) + p.Hobbies[1:] + "."
		p.Values = g.sentences(values, g.between(1, 3), ", ", "", "")
		p.Values = strings.ToUpper(p.Values[:1]) + p.Values[1:] + "."
		p.Notes = g.sentences(personNotes, g.between(1, 4), " ", "", "")
		if g.chance(0.55) {
			p.NPS = dossier.IntPtr(g.between(0, 10))
		}
		p.LastContact = g.day(-150, -1)
		if g.chance(0.6) {
			p.NextContact = g.day(-25, 60)
		}
		if g.chance(0.7) {
			p.PrivacyNote = fmt.Sprintf("Told us at %s in %d; agreed to be kept on file (e-mail of %s).",
				g.pick(privacyOccasions), g.anchor.Year()-g.between(0, 3), g.day(-900, -30))
		}
		out = append(out, p)
	}
	return out
}

func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }

func industryOf(name string) *industry {
	for i := range industries {
		if industries[i].name == name {
			return &industries[i]
		}
	}
	return nil
}

// birthday spreads birthdays over the year, 29 February included, with
// the year known for about two in three.
func (g *gen) birthday() dossier.Birthday {
	d := dossier.NewDate(2000, time.January, 1).AddDays(g.rng.IntN(366)) // a leap year
	b := dossier.Birthday{Day: d.Day(), Month: d.Month()}
	if g.chance(0.65) {
		b.Year = g.between(1958, 1999)
		if b.Month == time.February && b.Day == 29 {
			b.Year -= b.Year % 4 // leap years between 1958 and 1999 are the multiples of 4
		}
	}
	return b
}

// family describes a family, its names in script sc.
func (g *gen) family(sc script) string {
	switch g.rng.IntN(5) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("Married to %s, %s; two children, %s (%d) and %s (%d).",
			g.firstName(sc), g.pick(jobs), g.firstName(sc), g.between(9, 17), g.firstName(sc), g.between(3, 8))
	case 2:
		return fmt.Sprintf("Partner %s is %s; one daughter, %s (%d), who plays %s.",
			g.firstName(sc), g.pick(jobs), g.firstName(sc), g.between(4, 16), g.pick([]string{"hockey", "the violin", "netball", "chess"}))
	case 3:
		return fmt.Sprintf("Two grown-up children; the first grandchild, %s, was born in %d.", g.firstName(sc), g.anchor.Year()-g.between(0, 2))
	default:
		return fmt.Sprintf("Single; very close to a younger brother, %s, who lives nearby.", g.firstName(sc))
	}
}

func (g *gen) phone(prefix string) string { return fmt.Sprintf("%s %04d", prefix, g.rng.IntN(10000)) }

// mailbox is the local part of an e-mail address: first.last in ASCII.
func mailbox(first, last string) string {
	return strings.ReplaceAll(dossier.Slug(first, 30), "-", "") + "." + strings.ReplaceAll(dossier.Slug(last, 30), "-", "")
}
