package contacts

import (
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// accountField is one field of an account as a row of accounts gives
// it, an import compares it with the account's record and a merge
// fills it.
type accountField struct {
	name string                          // the JSON name, as AccountFields say it
	get  func(a *dossier.Account) string // the value as text, "" when empty
	copy func(dst, src *dossier.Account)
}

// accountRecordFields are the fields of an account a row may give, in the
// order of AccountFields; the ID is not among them (it is what a row
// matches by).
var accountRecordFields = []accountField{
	{"name", func(a *dossier.Account) string { return a.Name }, func(d, s *dossier.Account) { d.Name = s.Name }},
	{"industry", func(a *dossier.Account) string { return a.Industry }, func(d, s *dossier.Account) { d.Industry = s.Industry }},
	{"segment", func(a *dossier.Account) string { return a.Segment }, func(d, s *dossier.Account) { d.Segment = s.Segment }},
	{"tier", func(a *dossier.Account) string { return string(a.Tier) }, func(d, s *dossier.Account) { d.Tier = s.Tier }},
	{"revenue_share", func(a *dossier.Account) string {
		if a.RevenueShare == 0 {
			return ""
		}
		return strconv.FormatFloat(a.RevenueShare, 'f', -1, 64)
	}, func(d, s *dossier.Account) { d.RevenueShare = s.RevenueShare }},
	{"strategy", func(a *dossier.Account) string { return a.Strategy }, func(d, s *dossier.Account) { d.Strategy = s.Strategy }},
	{"goals", func(a *dossier.Account) string { return a.Goals }, func(d, s *dossier.Account) { d.Goals = s.Goals }},
	{"competitors", func(a *dossier.Account) string { return strings.Join(a.Competitors, "; ") },
		func(d, s *dossier.Account) { d.Competitors = append([]string(nil), s.Competitors...) }},
	{"next_tender", func(a *dossier.Account) string { return a.NextTender.String() }, func(d, s *dossier.Account) { d.NextTender = s.NextTender }},
	{"annual_review", func(a *dossier.Account) string { return a.AnnualReview.String() }, func(d, s *dossier.Account) { d.AnnualReview = s.AnnualReview }},
	{"owner", func(a *dossier.Account) string { return a.Owner }, func(d, s *dossier.Account) { d.Owner = s.Owner }},
	{"notes", func(a *dossier.Account) string { return a.Notes }, func(d, s *dossier.Account) { d.Notes = s.Notes }},
}

// AccountItem is what an import does with one row of accounts: Add (ID
// is the new account's), Merge or Skip (ID is the account it matched,
// by "id" or "name").
type AccountItem struct {
	Row       *AccountRow
	Action    Action
	ID        string
	MatchedBy string
	// Differences are the row's fields the account matched lacks or
	// holds otherwise (Card is the row's value); Filled are those a
	// merge fills (the ones it lacks).
	Differences []Difference
	Filled      []string
}

// AccountPlan is what importing rows of accounts does, row by row, and
// the records it writes: Added the new accounts, Updated the accounts
// of the workspace whose empty fields a merge fills, as they are to be
// saved.
type AccountPlan struct {
	Items          []AccountItem
	Added, Updated []dossier.Account
}

// Count returns the number of rows the plan adds, merges and skips.
func (p *AccountPlan) Count() (added, merged, skipped int) {
	return countActions(p.Items, func(it *AccountItem) Action { return it.Action })
}

// PlanAccounts matches each row against the accounts of the workspace
// (existing) and the rows before it, first by ID, then by name
// (whatever its case and accents), so that an import never makes a
// second record of one account: a row that matches is skipped, or with
// OnMatchMerge fills the fields the account lacks and never changes one
// it has (a row that would fill nothing is skipped); one that matches
// nothing is added, with its ID when it gives one, else one from
// newID. An account is never added twice: OnMatchAdd skips.
func PlanAccounts(rows []AccountRow, existing []dossier.Account, on OnMatch, newID func(name string) string) *AccountPlan {
	return PlanAccountsChoosing(rows, existing, func(int) OnMatch { return on }, newID)
}

// acctTarget is an account a row may match: one of the workspace's, or
// one the import adds.
type acctTarget struct {
	a     *dossier.Account
	added bool
}

// PlanAccountsChoosing is PlanAccounts with what to do with each row
// that matches chosen row by row: choose(i) for rows[i] (the desktop's
// preview lets the user choose for each duplicate).
func PlanAccountsChoosing(rows []AccountRow, existing []dossier.Account, choose func(i int) OnMatch, newID func(name string) string) *AccountPlan {
	plan := &AccountPlan{Items: make([]AccountItem, len(rows))}
	byID := map[string]*acctTarget{}
	byName := map[string]*acctTarget{}
	index := func(t *acctTarget) {
		if byID[t.a.ID] == nil {
			byID[t.a.ID] = t
		}
		if k := nameKey(t.a.Name); byName[k] == nil {
			byName[k] = t
		}
	}
	for i := range existing {
		a := existing[i]
		index(&acctTarget{a: &a})
	}
	targets := make([]*acctTarget, len(rows))
	updated := map[string]bool{}
	for i := range rows {
		r := &rows[i]
		it := &plan.Items[i]
		it.Row = r
		var t *acctTarget
		if r.Account.ID != "" {
			if t = byID[r.Account.ID]; t != nil {
				it.MatchedBy = "id"
			}
		}
		if t == nil {
			if t = byName[nameKey(r.Account.Name)]; t != nil {
				it.MatchedBy = "name"
			}
		}
		if t == nil {
			a := r.Account
			a.Competitors = append([]string(nil), a.Competitors...)
			if a.ID == "" {
				a.ID = newID(a.Name)
			}
			t = &acctTarget{a: &a, added: true}
			index(t)
			it.Action, it.ID, targets[i] = Add, a.ID, t
			continue
		}
		it.ID, targets[i] = t.a.ID, t
		it.Action = Skip
		merge := choose(i) == OnMatchMerge
		for _, f := range accountRecordFields {
			if !r.Given[f.name] {
				continue
			}
			theirs, ours := f.get(&r.Account), f.get(t.a)
			if theirs == "" || theirs == ours {
				continue
			}
			it.Differences = append(it.Differences, Difference{Field: f.name, Kamdesk: ours, Card: theirs})
			if ours == "" && merge {
				f.copy(t.a, &r.Account)
				it.Filled = append(it.Filled, f.name)
				if !t.added {
					updated[t.a.ID] = true
				}
			}
		}
		if len(it.Filled) > 0 {
			it.Action = Merge
		}
	}
	seen := map[string]bool{}
	for _, t := range targets {
		if seen[t.a.ID] {
			continue
		}
		seen[t.a.ID] = true
		if t.added {
			plan.Added = append(plan.Added, *t.a)
		} else if updated[t.a.ID] {
			plan.Updated = append(plan.Updated, *t.a)
		}
	}
	return plan
}
