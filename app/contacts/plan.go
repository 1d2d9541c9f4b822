package contacts

import (
	"slices"
	"strings"

	"kamdesk/dossier"
)

// OnMatch is what an import does with a card that matches a person of
// the account.
type OnMatch string

// What to do with a match.
const (
	OnMatchSkip  OnMatch = "skip"  // leave the person as they are (the default)
	OnMatchMerge OnMatch = "merge" // fill the fields the person lacks
	OnMatchAdd   OnMatch = "add"   // add the card as another person anyway
)

// ParseOnMatch reads skip, merge or add; "" is skip.
func ParseOnMatch(s string) (OnMatch, bool) {
	switch OnMatch(s) {
	case "", OnMatchSkip:
		return OnMatchSkip, true
	case OnMatchMerge, OnMatchAdd:
		return OnMatch(s), true
	}
	return "", false
}

// Action is what the import does with one card.
type Action string

// Actions.
const (
	Add   Action = "add"   // a new person
	Merge Action = "merge" // fill the empty fields of the person matched
	Skip  Action = "skip"  // nothing: the card is a duplicate
)

// Difference is a field the card and the person matched hold
// differently: Kamdesk is the person's value ("" when empty), Card the
// card's.
type Difference struct {
	Field   string `json:"field"`
	Kamdesk string `json:"kamdesk"`
	Card    string `json:"card"`
}

// Item is what the import does with one card.
type Item struct {
	Card   *Card
	Action Action
	// ID is the person's: the new one (Add), or the one the card
	// matched (Merge, Skip).
	ID string
	// MatchedBy says how the card matched: "email" or "name"; "" when it
	// matched nobody.
	MatchedBy string
	// Elsewhere is the account of the person the card matched by e-mail
	// when that person is in another account ("" otherwise): the card is
	// skipped, or added to this account only when the user says so; a
	// merge into another account's person is not done from here.
	Elsewhere string
	// Differences are the card's fields the person matched lacks or holds
	// otherwise; Filled are those a merge fills (the ones they lack).
	Differences []Difference
	Filled      []string
}

// Plan is what importing cards into an account does, card by card, and
// the records it writes.
type Plan struct {
	Account string
	Items   []Item
	// Added are the new people, Updated the people matched whose empty
	// fields a merge fills, as they are to be saved.
	Added, Updated []dossier.Person
	// Photos holds the bytes of the new photos of Added and Updated (a
	// Photo without a FileID), by their SHA-256: what the store's
	// ImportPeople stores with them.
	Photos map[string][]byte
}

// Count returns the number of cards the plan adds, merges and skips.
func (p *Plan) Count() (added, merged, skipped int) {
	return countActions(p.Items, func(it *Item) Action { return it.Action })
}

// countActions returns how many of items action says are added, merged
// and skipped.
func countActions[I any](items []I, action func(*I) Action) (added, merged, skipped int) {
	for i := range items {
		switch action(&items[i]) {
		case Add:
			added++
		case Merge:
			merged++
		case Skip:
			skipped++
		}
	}
	return added, merged, skipped
}

// target is a person a card may match: one of the account's, or one
// the import adds.
type target struct {
	p     *dossier.Person
	added bool
	// elsewhere is set for a person of another account (a summary: only
	// their ID, account, name and e-mail count).
	elsewhere bool
}

// MakePlan matches each card against the people of account (existing,
// all of that account) and against the cards before it, so that an
// import never makes two records of one person: first by e-mail address
// (whatever its case), then by name (whatever its case and accents). A
// card that matches is skipped, merged or added as on says; one that
// matches nobody is added, with an ID from newID. A merge fills only the
// fields the person lacks, never one they have; a card that would fill
// nothing is skipped.
//
// The manager a card names (X-KAMDESK-REPORTS-TO, an ID of the
// workspace the card came from) becomes the person of this import that
// card had that ID (X-KAMDESK-ID), or the account's person of that ID;
// when neither is there, the card's manager is left out and
// "X-KAMDESK-REPORTS-TO" joins its Ignored.
//
// others are the people of the other accounts (summaries will do): a
// card whose e-mail address is one of theirs is the same person, in
// another account; it is skipped unless on is OnMatchAdd, and never
// merged from here (Item.Elsewhere).
func MakePlan(account string, cards []Card, existing, others []dossier.Person, on OnMatch, newID func(name string) string) *Plan {
	return MakePlanChoosing(account, cards, existing, others, func(int) OnMatch { return on }, newID)
}

// MakePlanChoosing is MakePlan with what to do with each card that
// matches chosen card by card: choose(i) for cards[i] (the desktop's
// preview lets the user choose for each duplicate).
func MakePlanChoosing(account string, cards []Card, existing, others []dossier.Person, choose func(i int) OnMatch, newID func(name string) string) *Plan {
	plan := &Plan{Account: account, Items: make([]Item, len(cards))}
	byEmail := map[string]*target{}
	byName := map[string]*target{}
	index := func(t *target) {
		if e := strings.ToLower(t.p.Email); e != "" && byEmail[e] == nil {
			byEmail[e] = t
		}
		if n := nameKey(t.p.Name); byName[n] == nil {
			byName[n] = t
		}
	}
	people := make(map[string]*target, len(existing))
	for i := range existing {
		p := existing[i]
		t := &target{p: &p}
		people[p.ID] = t
		index(t)
	}
	elsewhere := map[string]*target{}
	for i := range others {
		if p := others[i]; p.AccountID != account && p.Email != "" {
			if e := strings.ToLower(p.Email); elsewhere[e] == nil {
				elsewhere[e] = &target{p: &p, elsewhere: true}
			}
		}
	}
	// First the matches and the new IDs, so that a manager named by a
	// later card is known.
	targets := make([]*target, len(cards))
	source := map[string]string{} // the workspace of the cards' IDs → this one's
	for i := range cards {
		c := &cards[i]
		it := &plan.Items[i]
		it.Card = c
		var t *target
		if e := strings.ToLower(c.Person.Email); e != "" {
			if t = byEmail[e]; t == nil {
				t = elsewhere[e]
			}
			if t != nil {
				it.MatchedBy = "email"
			}
		}
		if t == nil {
			if t = byName[nameKey(c.Person.Name)]; t != nil {
				it.MatchedBy = "name"
			}
		}
		if t != nil && t.elsewhere {
			it.Elsewhere = t.p.AccountID
		}
		on := choose(i)
		switch {
		case t == nil || on == OnMatchAdd:
			p := c.Person
			p.ID, p.AccountID, p.ReportsTo = newID(p.Name), account, ""
			t = &target{p: &p, added: true}
			people[p.ID] = t
			index(t)
			it.Action = Add
		case on == OnMatchMerge && !t.elsewhere:
			it.Action = Merge
		default:
			it.Action = Skip
		}
		it.ID = t.p.ID
		targets[i] = t
		if t.elsewhere {
			continue // not a manager of this account's people
		}
		if c.SourceID != "" && source[c.SourceID] == "" {
			source[c.SourceID] = t.p.ID
		}
	}
	updated := map[string]bool{}
	for i := range cards {
		c, it, t := &cards[i], &plan.Items[i], targets[i]
		from := c.Person
		if c.ReportsTo != "" {
			switch id := source[c.ReportsTo]; {
			case id != "" && id != t.p.ID:
				from.ReportsTo = id
			case people[c.ReportsTo] != nil && !people[c.ReportsTo].added && c.ReportsTo != t.p.ID:
				from.ReportsTo = c.ReportsTo
			case !slices.Contains(c.Ignored, kamdeskPrefix+"REPORTS-TO"): // once, however often the plan is made
				c.Ignored = append(c.Ignored, kamdeskPrefix+"REPORTS-TO")
			}
		}
		if it.Action == Add {
			t.p.ReportsTo = from.ReportsTo
			continue
		}
		if t.elsewhere {
			continue // a summary: its empty fields are not the person's
		}
		for _, f := range fields {
			if f.name != "reports_to" && !c.Given[f.name] {
				continue
			}
			theirs, ours := f.get(&from), f.get(t.p)
			if theirs == "" || f.same == nil && theirs == ours || f.same != nil && f.same(&from, t.p) ||
				f.name == "email" && strings.EqualFold(theirs, ours) {
				continue
			}
			it.Differences = append(it.Differences, Difference{Field: f.name, Kamdesk: ours, Card: theirs})
			if ours == "" && it.Action == Merge {
				f.copy(t.p, &from)
				it.Filled = append(it.Filled, f.name)
				if !t.added {
					updated[t.p.ID] = true
				}
			}
		}
		if it.Action == Merge && len(it.Filled) == 0 {
			it.Action = Skip // nothing the person lacks: nothing to write
		}
	}
	seen := map[string]bool{}
	for _, t := range targets {
		if seen[t.p.ID] {
			continue
		}
		seen[t.p.ID] = true
		if t.added {
			plan.Added = append(plan.Added, *t.p)
		} else if updated[t.p.ID] {
			plan.Updated = append(plan.Updated, *t.p)
		}
	}
	plan.Photos = photosOf(cards, plan.Added, plan.Updated)
	return plan
}

// photosOf returns the bytes of the new photos of the people, by their
// SHA-256, from the cards they came from.
func photosOf(cards []Card, people ...[]dossier.Person) map[string][]byte {
	read := map[string][]byte{}
	for i := range cards {
		if c := &cards[i]; c.Person.Photo != nil && c.Photo != nil {
			read[c.Person.Photo.SHA256] = c.Photo
		}
	}
	out := map[string][]byte{}
	for _, pp := range people {
		for _, p := range pp {
			if p.Photo != nil && p.Photo.FileID == "" && read[p.Photo.SHA256] != nil {
				out[p.Photo.SHA256] = read[p.Photo.SHA256]
			}
		}
	}
	return out
}

// nameKey is a name as matching compares it: folded (case and accents
// aside) and its spaces made one.
func nameKey(name string) string {
	return strings.Join(strings.Fields(dossier.Fold(name)), " ")
}
