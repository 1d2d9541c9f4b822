package dossier

import (
	"cmp"
	"slices"
)

// AgendaKind is what an agenda item reminds of.
type AgendaKind string

// Agenda kinds of the dossier. The proposal package adds its own.
const (
	AgendaBirthday   AgendaKind = "birthday"
	AgendaContact    AgendaKind = "contact"
	AgendaPromise    AgendaKind = "promise"
	AgendaTenderPrep AgendaKind = "tender-prep"
	AgendaTender     AgendaKind = "tender"
	AgendaReview     AgendaKind = "review"
)

// AgendaItem is one thing the user should act on, on or around Date.
//
// Message is an English source string with text/template parameters from
// Data, for translation; Text fills it in English. Data also holds what a
// calendar needs beyond the message: a birthday's "Birthday" (a Birthday,
// the year unknown or 29 February as recorded), a tender preparation's
// "Start" (the Date its window opens, which Date may have moved to today)
// and "Tender" (the Date of the tender, where the window closes).
type AgendaItem struct {
	Date      Date           `json:"date"`
	Kind      AgendaKind     `json:"kind"`
	Late      bool           `json:"late"` // past its date and not done
	AccountID string         `json:"account_id,omitempty"`
	PersonID  string         `json:"person_id,omitempty"`
	RecordID  string         `json:"record_id,omitempty"` // the promise, proposal or task it concerns
	Message   string         `json:"-"`
	Data      map[string]any `json:"-"`
}

// Text returns the item's message in English.
func (it AgendaItem) Text() string { return Fill(it.Message, it.Data) }

// Agenda lists what needs attention from today over the agenda horizon of
// the workspace rules: birthdays, contacts due, promises due and late,
// tender preparation windows and tenders, annual reviews. Late items come
// first, then by date.
func Agenda(w *Workspace, today Date) []AgendaItem {
	items := AgendaItems(w, today)
	SortAgenda(items)
	return items
}

// AgendaItems are the items of Agenda in no order, for a caller that adds
// its own before sorting them all once (SortAgenda).
func AgendaItems(w *Workspace, today Date) []AgendaItem {
	m := NewAgendaMaker(w, today, nil)
	for i := range w.People {
		m.Person(&w.People[i])
	}
	return m.Items
}

// An AgendaMaker makes the items of Agenda, in no order, from a workspace
// whose people come one at a time (store.OverviewEach): at 100,000 people
// they need not all be held.
type AgendaMaker struct {
	// Items are the items made so far: the accounts' and the promises'
	// from the start, then those of each person given.
	Items       []AgendaItem
	made        func(*AgendaItem)
	r           Rules
	today       Date
	horizon     Date
	accountName map[string]string
	spare       map[string]any // the data of an item made let go of, emptied
}

// NewAgendaMaker starts the agenda of w on today with the items of its
// accounts and promises; w.People are not read. made, when not nil, is
// called with each item as it is made, before it is kept: a caller that
// keeps 100,000 of them may turn each message into its text at once and
// drop its Data (set it to nil, keeping no reference to it), which the
// maker then empties and fills again for a person's next item instead of
// making a new map (the maps were a tenth of the agenda's time).
func NewAgendaMaker(w *Workspace, today Date, made func(*AgendaItem)) *AgendaMaker {
	r := w.Rules.OrDefault()
	m := &AgendaMaker{made: made, r: r, today: today, horizon: today.AddDays(r.AgendaDays), accountName: map[string]string{}}
	for _, a := range w.Accounts {
		m.accountName[a.ID] = a.Name
	}
	horizon := m.horizon
	for _, pr := range w.Promises {
		if pr.Status != PromiseOpen || pr.Due.After(horizon) {
			continue
		}
		m.add(AgendaItem{Date: pr.Due, Kind: AgendaPromise, Late: pr.Late(today),
			AccountID: pr.AccountID, RecordID: pr.ID,
			Message: "Promise to {{.Account}}: {{.Text}}",
			Data:    map[string]any{"Account": m.accountName[pr.AccountID], "Text": pr.Text}})
	}
	for _, a := range w.Accounts {
		// Passive clients stay in the database as well-informed prospects:
		// their tenders are not chased, but the yearly review still asks
		// whether they grew back into key accounts.
		if start := a.TenderPrepStart(r); !a.Passive && !start.IsZero() && !start.After(horizon) && !a.NextTender.Before(today) {
			d := start
			if d.Before(today) {
				d = today
			}
			m.add(AgendaItem{Date: d, Kind: AgendaTenderPrep, AccountID: a.ID,
				Message: "Tender preparation for {{.Account}}: tender on {{.Tender}}",
				Data:    map[string]any{"Account": a.Name, "Tender": a.NextTender, "Start": start}})
		}
		if !a.Passive && !a.NextTender.IsZero() && !a.NextTender.Before(today) && !a.NextTender.After(horizon) {
			m.add(AgendaItem{Date: a.NextTender, Kind: AgendaTender, AccountID: a.ID,
				Message: "Tender of {{.Account}}",
				Data:    map[string]any{"Account": a.Name}})
		}
		if !a.AnnualReview.IsZero() && !a.AnnualReview.After(horizon) {
			m.add(AgendaItem{Date: a.AnnualReview, Kind: AgendaReview, AccountID: a.ID,
				Late:    a.AnnualReview.Before(today),
				Message: reviewQuestion(a.Tier),
				Data:    map[string]any{"Account": a.Name, "Tier": a.Tier.Label()}})
		}
	}
	return m
}

// reviewQuestion is what the agenda asks at an account's annual review:
// a whole sentence for each tier, so that every language words it right
// ("is it still a Other account?" was the English of one template).
func reviewQuestion(t Tier) string {
	switch t {
	case TierCrownJewel:
		return "Annual review of {{.Account}}: is it still one of our crown jewels?"
	case TierKey:
		return "Annual review of {{.Account}}: is it still a key account?"
	case TierValued:
		return "Annual review of {{.Account}}: is it still a valued account?"
	case TierOther:
		return "Annual review of {{.Account}}: does it still belong among the other accounts?"
	}
	return "Annual review of {{.Account}}: is its tier, {{.Tier}}, still right?"
}

// Part returns a maker of the items of some of the people (Person) with
// m's workspace, day and made, and no items of its own; Join adds them
// to m's. Each part may make its items on a goroutine of its own (made
// is then called on several at once).
func (m *AgendaMaker) Part() *AgendaMaker {
	return &AgendaMaker{made: m.made, r: m.r, today: m.today, horizon: m.horizon, accountName: m.accountName}
}

// Join adds the items of parts to m's, in their order, then more (as
// they are: made is not called with them), and lets go of the parts' own.
func (m *AgendaMaker) Join(parts []*AgendaMaker, more ...AgendaItem) {
	n := len(m.Items) + len(more)
	for _, p := range parts {
		n += len(p.Items)
	}
	m.Items = slices.Grow(m.Items, n-len(m.Items))
	for _, p := range parts {
		m.Items = append(m.Items, p.Items...)
		p.Items = nil
	}
	m.Items = append(m.Items, more...)
}

// add keeps the item it, made.
func (m *AgendaMaker) add(it AgendaItem) {
	if m.made != nil {
		data := it.Data
		m.made(&it)
		if it.Data == nil && data != nil {
			clear(data)
			m.spare = data
		}
	}
	m.Items = append(m.Items, it)
}

// data returns an empty map for an item's data: the one made let go of
// last, else a new one.
func (m *AgendaMaker) data() map[string]any {
	if d := m.spare; d != nil {
		m.spare = nil
		return d
	}
	return make(map[string]any, 4)
}

// Person adds the items of p: a birthday within notice, a contact due
// within the horizon. p is not kept.
func (m *AgendaMaker) Person(p *Person) {
	r, today := m.r, m.today
	acct := m.accountName[p.AccountID]
	if !p.Birthday.IsZero() {
		if n := p.Birthday.DaysUntil(today); n <= r.BirthdayNoticeDays {
			it := AgendaItem{Date: p.Birthday.Next(today), Kind: AgendaBirthday,
				AccountID: p.AccountID, PersonID: p.ID,
				Message: "Birthday of {{.Person}} ({{.Account}})",
				Data:    m.data()}
			it.Data["Person"], it.Data["Account"], it.Data["Birthday"] = p.Name, acct, p.Birthday
			if age, ok := p.Birthday.AgeOn(today); ok {
				it.Message = "Birthday of {{.Person}} ({{.Account}}), turns {{.Age}}"
				it.Data["Age"] = age
			}
			m.add(it)
		}
	}
	if d := p.ContactDate(r); !d.IsZero() && !d.After(m.horizon) {
		data := m.data()
		data["Person"], data["Account"] = p.Name, acct
		m.add(AgendaItem{Date: d, Kind: AgendaContact, Late: d.Before(today),
			AccountID: p.AccountID, PersonID: p.ID,
			Message: "Get in touch with {{.Person}} ({{.Account}})",
			Data:    data})
	}
}

// SortAgenda orders items: late first, then by date, then by kind, items
// that compare equal in the order given (as a stable sort by
// CompareAgenda).
func SortAgenda(items []AgendaItem) {
	SortAgendaBy(items, func(it *AgendaItem) *AgendaItem { return it })
}

// SortAgendaBy orders xs as SortAgenda orders the agenda items item
// returns of them (the desktop's entries, each an item and a place). It
// sorts small keys, the position included, and moves each element once:
// a stable sort of 92,000 whole items by CompareAgenda took a tenth of
// the agenda command. A key holds the kind's rank among the kinds there
// are, in their order, not the kind: most items share their day with
// others, and comparing the kinds' names was a third of the sorting.
func SortAgendaBy[T any](xs []T, item func(*T) *AgendaItem) {
	type key struct {
		late bool
		unix int64
		kind int
		at   int
	}
	var kinds []AgendaKind // as they come
	keys := make([]key, len(xs))
	for i := range xs {
		it := item(&xs[i])
		k := slices.Index(kinds, it.Kind)
		if k < 0 {
			k = len(kinds)
			kinds = append(kinds, it.Kind)
		}
		keys[i] = key{it.Late, it.Date.t.Unix(), k, i}
	}
	// rank[k] is the place of kinds[k] among the kinds in their order.
	byName := make([]int, len(kinds))
	for k := range byName {
		byName[k] = k
	}
	slices.SortFunc(byName, func(a, b int) int { return cmp.Compare(kinds[a], kinds[b]) })
	rank := make([]int, len(kinds))
	for r, k := range byName {
		rank[k] = r
	}
	for i := range keys {
		keys[i].kind = rank[keys[i].kind]
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.late != b.late {
			if a.late {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(a.unix, b.unix); c != 0 {
			return c
		}
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	reorder(xs, func(i int) int { return keys[i].at })
}

// CompareAgenda is the agenda's order: late first, then by date, then by
// kind.
func CompareAgenda(a, b AgendaItem) int {
	if a.Late != b.Late {
		if a.Late {
			return -1
		}
		return 1
	}
	if c := a.Date.Time().Compare(b.Date.Time()); c != 0 {
		return c
	}
	return cmp.Compare(a.Kind, b.Kind)
}
