package app

import (
	"slices"
	"strings"
	"unicode/utf8"

	"kamdesk/dossier"
)

// The search screen's index: every searched field of every account and
// person, folded (lowercase, accents dropped) into one string held in
// memory, so that a keystroke's search never touches the store and
// allocates nothing per record. This file has no Fyne in it.

// searchField is a field the search looks in.
type searchField uint8

const (
	inName searchField = iota
	inPosition
	inDepartment
	inAccount // a person's account
	inIndustry
	inSegment
	inCompetitors
	inStrategy
	inGoals
	inEmail
	inHobbies
	inFamily
	inValues
	inNotes
)

// The fields of each kind of record, in the order of the index; the name
// comes first.
var (
	accountSearchFields = []searchField{inName, inIndustry, inSegment, inCompetitors, inStrategy, inGoals, inNotes}
	personSearchFields  = []searchField{inName, inPosition, inDepartment, inAccount, inIndustry, inEmail,
		inHobbies, inFamily, inValues, inNotes}
)

// maxSearchWords is how many words of a query are used.
const maxSearchWords = 8

// searchRecord is one account or person in the index.
type searchRecord struct {
	start, end uint32 // the record's folded fields in searchIndex.text, separated by 0
	ends       uint32 // where in searchIndex.ends its fields' ends are
	item       int32  // its index in the workspace's Accounts or People
	person     bool
}

// searchIndex finds accounts and people as the user types.
type searchIndex struct {
	ws       *dossier.Workspace
	text     string
	recs     []searchRecord // accounts, then people; each by name
	ends     []uint32       // the end of each field of each record in text
	accounts int            // recs[:accounts] are accounts
	acctAt   map[string]int // account ID → index in ws.Accounts
	grams    []bigramSet    // the pairs of bytes in each record's text, by recs

	// The last search, to narrow the next one while the user types on,
	// and buffers reused from one search to the next.
	lastWords     []string
	last, matched []int32
	hits, ranked  []searchHit
	need          []uint16 // the bigrams of the query's words
}

// bigramSet is a Bloom filter of the pairs of bytes in a record's text: a
// record lacking a pair of a word's cannot hold the word, and most records
// are rejected by a few bit tests instead of a scan of their text.
type bigramSet [bigramBits / 64]uint64

const bigramBits = 1024

// bigram hashes a pair of bytes to a bit of a bigramSet.
func bigram(a, b byte) uint16 { return uint16((uint32(a)<<8 | uint32(b)) * 0x9e3779b1 >> 22) }

func (g *bigramSet) add(text string) {
	for i := 1; i < len(text); i++ {
		bit := bigram(text[i-1], text[i])
		g[bit>>6] |= 1 << (bit & 63)
	}
}

func (g *bigramSet) has(bits []uint16) bool {
	for _, bit := range bits {
		if g[bit>>6]&(1<<(bit&63)) == 0 {
			return false
		}
	}
	return true
}

// searchHit is a record that matches a query.
type searchHit struct {
	rec   int32       // in searchIndex.recs
	pos   uint32      // where the match shown starts, in the folded field
	n     uint16      // its length in the folded field
	rank  uint8       // lower is better (see match)
	field searchField // the field shown: the first matched outside the name, else the name
}

// searchResult is what a query found.
type searchResult struct {
	words    []string    // the query's folded words
	hits     []searchHit // every match: accounts, then people, each best first
	accounts int         // hits[:accounts] are accounts
}

func (r searchResult) people() []searchHit { return r.hits[r.accounts:] }

// newSearchIndex indexes the accounts and people of ws, which it keeps
// and which must not change while the index is used.
func newSearchIndex(ws *dossier.Workspace) *searchIndex {
	x := &searchIndex{ws: ws, acctAt: make(map[string]int, len(ws.Accounts)),
		recs: make([]searchRecord, 0, len(ws.Accounts)+len(ws.People)),
		ends: make([]uint32, 0, len(ws.Accounts)*len(accountSearchFields)+len(ws.People)*len(personSearchFields))}
	size := 0
	for i := range ws.Accounts {
		x.acctAt[ws.Accounts[i].ID] = i
		for _, f := range accountSearchFields {
			size += len(x.accountField(&ws.Accounts[i], f)) + 1
		}
	}
	for i := range ws.People {
		for _, f := range personSearchFields {
			size += len(x.personField(&ws.People[i], f)) + 1
		}
	}
	var b strings.Builder
	b.Grow(size + size/16)
	add := func(item int, person bool, fields []searchField, value func(searchField) string) {
		r := searchRecord{start: uint32(b.Len()), ends: uint32(len(x.ends)), item: int32(item), person: person}
		for i, f := range fields {
			if i > 0 {
				b.WriteByte(0)
			}
			foldInto(&b, value(f))
			x.ends = append(x.ends, uint32(b.Len()))
		}
		r.end = uint32(b.Len())
		b.WriteByte(0)
		x.recs = append(x.recs, r)
	}
	for i := range ws.Accounts {
		a := &ws.Accounts[i]
		add(i, false, accountSearchFields, func(f searchField) string { return x.accountField(a, f) })
	}
	x.accounts = len(x.recs)
	for i := range ws.People {
		p := &ws.People[i]
		add(i, true, personSearchFields, func(f searchField) string { return x.personField(p, f) })
	}
	x.text = b.String()
	byName := func(a, b searchRecord) int {
		if c := strings.Compare(x.text[a.start:x.ends[a.ends]], x.text[b.start:x.ends[b.ends]]); c != 0 {
			return c
		}
		return int(a.item - b.item)
	}
	slices.SortFunc(x.recs[:x.accounts], byName)
	slices.SortFunc(x.recs[x.accounts:], byName)
	x.grams = make([]bigramSet, len(x.recs))
	for i, r := range x.recs {
		x.grams[i].add(x.text[r.start:r.end])
	}
	return x
}

func (x *searchIndex) accountField(a *dossier.Account, f searchField) string {
	switch f {
	case inName:
		return a.Name
	case inIndustry:
		return a.Industry
	case inSegment:
		return a.Segment
	case inCompetitors:
		return strings.Join(a.Competitors, ", ")
	case inStrategy:
		return a.Strategy
	case inGoals:
		return a.Goals
	case inNotes:
		return a.Notes
	}
	return ""
}

func (x *searchIndex) personField(p *dossier.Person, f searchField) string {
	switch f {
	case inName:
		return p.Name
	case inPosition:
		return p.Position
	case inDepartment:
		return p.Department
	case inAccount:
		if a := x.account(p.AccountID); a != nil {
			return a.Name
		}
	case inIndustry:
		if a := x.account(p.AccountID); a != nil {
			return a.Industry
		}
	case inEmail:
		return p.Email
	case inHobbies:
		return p.Hobbies
	case inFamily:
		return p.Family
	case inValues:
		return p.Values
	case inNotes:
		return p.Notes
	}
	return ""
}

// account returns the account with id, or nil.
func (x *searchIndex) account(id string) *dossier.Account {
	if i, ok := x.acctAt[id]; ok {
		return &x.ws.Accounts[i]
	}
	return nil
}

// hitAccount returns the account a hit is, or the person's account (nil
// when the person's account is missing).
func (x *searchIndex) hitAccount(h searchHit) *dossier.Account {
	r := x.recs[h.rec]
	if !r.person {
		return &x.ws.Accounts[r.item]
	}
	return x.account(x.ws.People[r.item].AccountID)
}

// hitPerson returns the person a hit is, or nil for an account.
func (x *searchIndex) hitPerson(h searchHit) *dossier.Person {
	if r := x.recs[h.rec]; r.person {
		return &x.ws.People[r.item]
	}
	return nil
}

// fieldText returns the text of field f of the record of h, as written.
func (x *searchIndex) fieldText(h searchHit) string {
	if p := x.hitPerson(h); p != nil {
		return x.personField(p, h.field)
	}
	return x.accountField(x.hitAccount(h), h.field)
}

// search finds the records holding every word of q, in any of their
// fields, ranked. The result's slices are reused by the next search.
func (x *searchIndex) search(q string) searchResult {
	words := queryWords(q)
	res := searchResult{words: words}
	if len(words) == 0 {
		x.lastWords = nil
		return res
	}
	x.matched, x.hits, x.need = x.matched[:0], x.hits[:0], x.need[:0]
	for _, w := range words {
		for i := 1; i < len(w); i++ {
			if bit := bigram(w[i-1], w[i]); !slices.Contains(x.need, bit) {
				x.need = append(x.need, bit)
			}
		}
	}
	if x.lastWords != nil && narrows(words, x.lastWords) {
		// Every match of the new query matched the last one.
		for _, ri := range x.last {
			x.match(ri, words)
		}
	} else {
		for ri := range x.recs {
			x.match(int32(ri), words)
		}
	}
	x.last, x.matched = x.matched, x.last
	x.lastWords = words
	res.hits, res.accounts = x.rank()
	return res
}

// match adds record ri to the hits when it holds every word. Words are
// ranked 0 when they start the name, 1 when they start a later word of
// it, 2 when they are inside it, and 3 when they are only in another
// field; a record's rank is the sum over its words.
func (x *searchIndex) match(ri int32, words []string) {
	if !x.grams[ri].has(x.need) {
		return
	}
	r := &x.recs[ri]
	t := x.text[r.start:r.end]
	nameEnd := int(x.ends[r.ends] - r.start)
	h := searchHit{rec: ri, field: inName}
	rank, shown := 0, false
	for _, w := range words {
		i := strings.Index(t, w)
		switch {
		case i < 0:
			return
		case i == 0:
		case i < nameEnd && startsWord(t[:nameEnd], w, i):
			rank++
		case i < nameEnd:
			rank += 2
		default:
			rank += 3
			if !shown {
				shown = true
				h.field, h.pos = x.fieldAt(r, i)
				h.n = uint16(len(w))
			}
			continue
		}
		if !shown && h.n == 0 {
			h.pos, h.n = uint32(i), uint16(len(w))
		}
	}
	h.rank = uint8(rank)
	x.matched = append(x.matched, ri)
	x.hits = append(x.hits, h)
}

// startsWord reports whether w, found at i in name, starts a word of name
// there or further on.
func startsWord(name, w string, i int) bool {
	for {
		if i == 0 || isWordSep(name[i-1]) {
			return true
		}
		j := strings.Index(name[i+1:], w)
		if j < 0 {
			return false
		}
		i += 1 + j
	}
}

func isWordSep(c byte) bool {
	return c < utf8.RuneSelf && !('a' <= c && c <= 'z' || '0' <= c && c <= '9')
}

// fieldAt returns the field of record r at offset i of its text, and the
// offset in that field.
func (x *searchIndex) fieldAt(r *searchRecord, i int) (searchField, uint32) {
	fields := accountSearchFields
	if r.person {
		fields = personSearchFields
	}
	start := 0
	for k, f := range fields {
		end := int(x.ends[int(r.ends)+k] - r.start)
		if i < end {
			return f, uint32(i - start)
		}
		start = end + 1
	}
	return inName, 0
}

// rank orders the hits, which are in index order (accounts, then people,
// each by name), by group and rank, keeping the name order within a
// rank: a counting sort, linear in the number of hits.
func (x *searchIndex) rank() (hits []searchHit, accounts int) {
	const ranks = 3*maxSearchWords + 1
	var count [2 * ranks]int
	key := func(h searchHit) int {
		k := int(h.rank)
		if int(h.rec) >= x.accounts {
			k += ranks
		}
		return k
	}
	for _, h := range x.hits {
		count[key(h)]++
	}
	accounts = 0
	for k := range ranks {
		accounts += count[k]
	}
	pos := 0
	for k, n := range count {
		count[k] = pos
		pos += n
	}
	x.ranked = slices.Grow(x.ranked[:0], len(x.hits))[:len(x.hits)]
	for _, h := range x.hits {
		k := key(h)
		x.ranked[count[k]] = h
		count[k]++
	}
	return x.ranked, accounts
}
