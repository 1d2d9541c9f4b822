// Package search finds the records of a workspace as the user types:
// accounts, people, timeline events and promises, proposals and library
// sections, in every field the user writes. It has no Fyne in it; the
// desktop's search screen shows what it finds.
package search

import (
	"cmp"
	"index/suffixarray"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// The index answers which records hold a word without reading their
// text: it keeps the distinct words (tokens) of every record's folded
// fields (lowercase, accents dropped: dossier.FoldRune) with the records
// that have each, and a suffix array of those tokens, which finds the
// tokens holding a part of a word. A query's word is in a record exactly
// when it is in one of the record's tokens, as query words hold no
// spaces. Words of one or two ASCII letters or digits, which are in most
// tokens, are answered by a bitmap of their own instead. The folded names
// are kept to rank the records found, and nothing else: a keystroke's
// search never touches the store, and reads little memory.

// Kind is the kind of a record found. Results are grouped by kind, in
// this order.
type Kind uint8

// The kinds of records.
const (
	Account Kind = iota
	Person
	Event   // a meeting, call, letter, document or note on a timeline
	Promise // a promise made to an account
	Proposal
	Section // a section of the proposal library
	kinds
)

// Kinds lists every kind, in the order of the results.
var Kinds = []Kind{Account, Person, Event, Promise, Proposal, Section}

// Field is a field the search looks in.
type Field uint8

// The fields searched. The first field of each kind of record is its name.
const (
	Name Field = iota
	Title
	Text
	Position
	Department
	AccountName // the account of a person, event, promise or proposal
	Industry
	Segment
	Competitors
	Strategy
	Goals
	Email
	Hobbies
	Family
	Values
	Notes
	Body
)

// kindFields are the fields of each kind, in the order of the index; the
// name comes first.
var kindFields = [kinds][]Field{
	Account:  {Name, Industry, Segment, Competitors, Strategy, Goals, Notes},
	Person:   {Name, Position, Department, AccountName, Industry, Email, Hobbies, Family, Values, Notes},
	Event:    {Title, Text, AccountName},
	Promise:  {Text, AccountName},
	Proposal: {Title, AccountName},
	Section:  {Title, Body},
}

// maxWords is how many words of a query are used.
const maxWords = 8

// record is one record in the index.
type record struct {
	item int32 // its index in its slice of the workspace
	kind Kind
}

// Index finds records as the user types. It is not safe for concurrent
// use: a search reuses the buffers of the last one.
type Index struct {
	ws        *dossier.Workspace
	proposals []proposal.Proposal
	sections  []proposal.Section
	acctAt    map[string]int // account ID → index in ws.Accounts

	recs    []record       // by kind, then by name
	groups  [kinds + 1]int // recs[groups[k]:groups[k+1]] are of kind k
	names   string         // the records' folded names, each followed by 0
	nameAt  []uint32       // where each record's name starts in names; and the end
	letters []nameLetters  // the ASCII letters and digits of each record's name

	tokens   *suffixarray.Index // of the distinct tokens, each followed by 0
	tokenAt  []uint32           // where each token starts in the suffix array's text
	postings [][]int32          // the records holding each token, in order
	short    shortWords         // the records holding each word of one or two letters

	// Buffers reused from one search to the next, and the sets of the
	// last search's words, which typing on often keeps.
	lastWords  []string
	lastGroups [kinds + 1]int
	sets       map[string][]uint64
	spare      [][]uint64
	tids       []int32
	cand       []uint64
	hits       []Hit
	ranked     []Hit
}

// New indexes the dossier records of ws, the proposals and the library
// sections, which it keeps and which must not change while the index is
// used.
func New(ws *dossier.Workspace, proposals []proposal.Proposal, sections []proposal.Section) *Index {
	x := &Index{ws: ws, proposals: proposals, sections: sections, acctAt: make(map[string]int, len(ws.Accounts)),
		sets: map[string][]uint64{}}
	for i := range ws.Accounts {
		x.acctAt[ws.Accounts[i].ID] = i
	}
	counts := [kinds]int{len(ws.Accounts), len(ws.People), len(ws.Events), len(ws.Promises), len(proposals), len(sections)}
	// The records in the order of the results, each kind by name.
	for k, c := range counts {
		x.groups[k] = len(x.recs)
		for i := range c {
			x.recs = append(x.recs, record{item: int32(i), kind: Kind(k)})
		}
		x.sortGroup(Kind(k))
	}
	x.groups[kinds] = len(x.recs)

	n := len(x.recs)
	x.short = newShortWords(n)
	x.cand = make([]uint64, (n+63)/64)
	x.nameAt = make([]uint32, 0, n+1)
	x.letters = make([]nameLetters, 0, n)
	var names strings.Builder
	vocab := make(map[string]int32, n)
	var vocabText []byte
	var last []int32 // the last record given each token
	var buf []byte
	for ri, r := range x.recs {
		buf = buf[:0]
		for j, f := range kindFields[r.kind] {
			if j > 0 {
				buf = append(buf, 0)
			}
			buf = foldAppend(buf, x.field(r.kind, int(r.item), f))
			if j == 0 {
				x.nameAt = append(x.nameAt, uint32(names.Len()))
				names.Write(buf)
				names.WriteByte(0)
				x.letters = append(x.letters, lettersOf(buf))
			}
		}
		x.short.add(ri, buf)
		eachToken(buf, func(tok []byte) {
			id, ok := vocab[string(tok)]
			if !ok {
				id = int32(len(x.postings))
				vocab[string(tok)] = id
				x.tokenAt = append(x.tokenAt, uint32(len(vocabText)))
				vocabText = append(append(vocabText, tok...), 0)
				x.postings = append(x.postings, nil)
				last = append(last, -1)
			}
			if last[id] != int32(ri) {
				last[id] = int32(ri)
				x.postings[id] = append(x.postings[id], int32(ri))
			}
		})
	}
	x.nameAt = append(x.nameAt, uint32(names.Len()))
	x.names = names.String()
	x.tokens = suffixarray.New(vocabText)
	return x
}

// eachToken calls fn with every token of folded text: its runs of bytes
// without white space or 0.
func eachToken(text []byte, fn func(tok []byte)) {
	start := 0
	for i := 0; i < len(text); {
		c, size := text[i], 1
		sep := c == 0 || c == ' '
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			sep = unicode.IsSpace(r)
		} else if !sep {
			sep = unicode.IsSpace(rune(c))
		}
		if sep {
			if i > start {
				fn(text[start:i])
			}
			start = i + size
		}
		i += size
	}
	if start < len(text) {
		fn(text[start:])
	}
}

// sortGroup orders the records of kind k: events newest first, the others
// by name.
func (x *Index) sortGroup(k Kind) {
	recs := x.recs[x.groups[k]:]
	names := make([]string, len(recs))
	for i, r := range recs {
		names[i] = dossier.Fold(x.field(k, int(r.item), kindFields[k][0]))
	}
	byName := func(a, b record) int {
		if c := strings.Compare(names[a.item], names[b.item]); c != 0 {
			return c
		}
		return cmp.Compare(a.item, b.item)
	}
	if k == Event {
		slices.SortFunc(recs, func(a, b record) int {
			if c := x.ws.Events[b.item].Date.Time().Compare(x.ws.Events[a.item].Date.Time()); c != 0 {
				return c
			}
			return byName(a, b)
		})
		return
	}
	slices.SortFunc(recs, byName)
}

// field returns field f of the item-th record of kind k, as written.
func (x *Index) field(k Kind, item int, f Field) string {
	switch k {
	case Account:
		return accountField(&x.ws.Accounts[item], f)
	case Person:
		return x.personField(&x.ws.People[item], f)
	case Event:
		e := &x.ws.Events[item]
		switch f {
		case Title:
			return e.Title
		case Text:
			return e.Text
		case AccountName:
			return x.accountName(e.AccountID)
		}
	case Promise:
		p := &x.ws.Promises[item]
		switch f {
		case Text:
			return p.Text
		case AccountName:
			return x.accountName(p.AccountID)
		}
	case Proposal:
		p := &x.proposals[item]
		switch f {
		case Title:
			return p.Title
		case AccountName:
			return x.accountName(p.AccountID)
		}
	case Section:
		s := &x.sections[item]
		switch f {
		case Title:
			return s.Title
		case Body:
			return s.Body
		}
	}
	return ""
}

func accountField(a *dossier.Account, f Field) string {
	switch f {
	case Name:
		return a.Name
	case Industry:
		return a.Industry
	case Segment:
		return a.Segment
	case Competitors:
		return strings.Join(a.Competitors, ", ")
	case Strategy:
		return a.Strategy
	case Goals:
		return a.Goals
	case Notes:
		return a.Notes
	}
	return ""
}

func (x *Index) personField(p *dossier.Person, f Field) string {
	switch f {
	case Name:
		return p.Name
	case Position:
		return p.Position
	case Department:
		return p.Department
	case AccountName:
		return x.accountName(p.AccountID)
	case Industry:
		if a := x.account(p.AccountID); a != nil {
			return a.Industry
		}
	case Email:
		return p.Email
	case Hobbies:
		return p.Hobbies
	case Family:
		return p.Family
	case Values:
		return p.Values
	case Notes:
		return p.Notes
	}
	return ""
}

// account returns the account with id, or nil.
func (x *Index) account(id string) *dossier.Account {
	if i, ok := x.acctAt[id]; ok {
		return &x.ws.Accounts[i]
	}
	return nil
}

func (x *Index) accountName(id string) string {
	if a := x.account(id); a != nil {
		return a.Name
	}
	return ""
}

// Hit is a record that matches a query.
type Hit struct {
	rec  int32 // in Index.recs
	rank uint8 // lower is better (see match)
}

// Kind returns the kind of record h is.
func (x *Index) Kind(h Hit) Kind { return x.recs[h.rec].kind }

// Account returns the account h is, or the account of the person, event,
// promise or proposal h is; nil for a section, or when the account is
// missing.
func (x *Index) Account(h Hit) *dossier.Account {
	r := x.recs[h.rec]
	switch r.kind {
	case Account:
		return &x.ws.Accounts[r.item]
	case Person:
		return x.account(x.ws.People[r.item].AccountID)
	case Event:
		return x.account(x.ws.Events[r.item].AccountID)
	case Promise:
		return x.account(x.ws.Promises[r.item].AccountID)
	case Proposal:
		return x.account(x.proposals[r.item].AccountID)
	}
	return nil
}

// Person returns the person h is, or nil.
func (x *Index) Person(h Hit) *dossier.Person { return item(x, h, Person, x.ws.People) }

// Event returns the event h is, or nil.
func (x *Index) Event(h Hit) *dossier.Event { return item(x, h, Event, x.ws.Events) }

// Promise returns the promise h is, or nil.
func (x *Index) Promise(h Hit) *dossier.Promise { return item(x, h, Promise, x.ws.Promises) }

// Proposal returns the proposal h is, or nil.
func (x *Index) Proposal(h Hit) *proposal.Proposal { return item(x, h, Proposal, x.proposals) }

// Section returns the library section h is, or nil.
func (x *Index) Section(h Hit) *proposal.Section { return item(x, h, Section, x.sections) }

func item[T any](x *Index, h Hit, k Kind, items []T) *T {
	if r := x.recs[h.rec]; r.kind == k {
		return &items[r.item]
	}
	return nil
}

// Result is what a query found.
type Result struct {
	Words  []string // the query's folded words; none for an empty query
	x      *Index
	hits   []Hit // every match, by kind, each kind best first
	groups [kinds + 1]int
}

// Len returns how many records match.
func (r Result) Len() int { return len(r.hits) }

// Hits returns every match: by kind in the order of Kinds, each kind best
// first.
func (r Result) Hits() []Hit { return r.hits }

// Of returns the matches of kind k, best first.
func (r Result) Of(k Kind) []Hit { return r.hits[r.groups[k]:r.groups[k+1]] }

// Field returns the field h shows: the first where a word of the query is
// found outside the record's name, else the name.
func (r Result) Field(h Hit) Field {
	f, _, _ := r.x.locate(h, r.Words)
	return f
}
