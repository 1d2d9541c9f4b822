package search

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// shortWords are the records holding each word of one or two ASCII
// letters or digits, as bitmaps over the records: such words are in most
// tokens, and would be slow to find through them.
type shortWords [alnums + alnums*alnums][]uint64

const alnums = 36 // ASCII digits and letters

// alnum returns the index of c among the ASCII digits and letters, or -1.
func alnum(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'z':
		return int(10 + c - 'a')
	}
	return -1
}

// shortWord returns the bitmap of w, or -1 when w is not a short word.
func shortWord(w string) int {
	switch len(w) {
	case 1:
		return alnum(w[0])
	case 2:
		if i, j := alnum(w[0]), alnum(w[1]); i >= 0 && j >= 0 {
			return alnums + i*alnums + j
		}
	}
	return -1
}

func newShortWords(n int) shortWords {
	var s shortWords
	words := (n + 63) / 64
	all := make([]uint64, len(s)*words)
	for i := range s {
		s[i] = all[i*words : (i+1)*words : (i+1)*words]
	}
	return s
}

// add records the folded text of record ri.
func (s *shortWords) add(ri int, text []byte) {
	word, bit := ri>>6, uint64(1)<<(ri&63)
	prev := -1
	for _, c := range text {
		i := alnum(c)
		if i >= 0 {
			s[i][word] |= bit
			if prev >= 0 {
				s[alnums+prev*alnums+i][word] |= bit
			}
		}
		prev = i
	}
}

// nameLetters are the ASCII letters and digits of a folded name, by
// alnum: the one it starts with, those that start a later word, and all,
// which rank a word of one letter without a look at the name.
type nameLetters struct {
	first         int8 // -1 when the name starts otherwise
	starts, holds uint64
}

func lettersOf(name []byte) nameLetters {
	l := nameLetters{first: -1}
	for i, c := range name {
		a := alnum(c)
		if a < 0 {
			continue
		}
		switch {
		case i == 0:
			l.first = int8(a)
		case isWordSep(name[i-1]):
			l.starts |= 1 << a
		}
		l.holds |= 1 << a
	}
	return l
}

// Search finds the records holding every word of q, each word in any of
// their fields, ranked. The result's slices are reused by the next
// search.
func (x *Index) Search(q string) Result {
	words := queryWords(q)
	res := Result{Words: words, x: x}
	if len(words) == 0 {
		x.lastWords = nil
		return res
	}
	if x.lastWords != nil && slices.Equal(words, x.lastWords) {
		res.hits, res.groups = x.ranked, x.lastGroups // a space typed, say
		return res
	}
	// The records holding every word.
	x.keepSets(words)
	for i, w := range words {
		set := x.set(w)
		if i == 0 {
			copy(x.cand, set)
			continue
		}
		for j, m := range set {
			x.cand[j] &= m
		}
	}
	x.hits = x.hits[:0]
	for i, m := range x.cand {
		for m != 0 {
			ri := int32(i*64 + bits.TrailingZeros64(m))
			m &= m - 1
			x.hits = append(x.hits, Hit{rec: ri, rank: x.rankOf(ri, words)})
		}
	}
	x.lastWords = words
	res.hits, res.groups = x.rank()
	x.lastGroups = res.groups
	return res
}

// keepSets keeps the sets of the records holding words that the last
// search computed, and frees the others for reuse.
func (x *Index) keepSets(words []string) {
	for w, set := range x.sets {
		if !slices.Contains(words, w) {
			delete(x.sets, w)
			x.spare = append(x.spare, set)
		}
	}
}

// set returns the records holding w, as a bitmap.
func (x *Index) set(w string) []uint64 {
	if i := shortWord(w); i >= 0 {
		return x.short[i]
	}
	if set, ok := x.sets[w]; ok {
		return set
	}
	var set []uint64
	if n := len(x.spare); n > 0 {
		set, x.spare = x.spare[n-1], x.spare[:n-1]
		clear(set)
	} else {
		set = make([]uint64, len(x.cand))
	}
	// The tokens holding w, each once.
	x.tids = x.tids[:0]
	for _, off := range x.tokens.Lookup([]byte(w), -1) {
		id := sort.Search(len(x.tokenAt), func(i int) bool { return x.tokenAt[i] > uint32(off) }) - 1
		x.tids = append(x.tids, int32(id))
	}
	slices.Sort(x.tids)
	for _, id := range slices.Compact(x.tids) {
		for _, ri := range x.postings[id] {
			set[ri>>6] |= 1 << (ri & 63)
		}
	}
	x.sets[w] = set
	return set
}

// rankOf ranks record ri, which holds every word: a word ranks 0 when it
// starts the name, 1 when it starts a later word of it, 2 when it is
// inside it, and 3 when it is only in another field; the record's rank
// is the sum over its words.
func (x *Index) rankOf(ri int32, words []string) uint8 {
	name := x.names[x.nameAt[ri] : x.nameAt[ri+1]-1]
	rank := 0
	for _, w := range words {
		if a := shortWord(w); a >= 0 && a < alnums {
			switch l := &x.letters[ri]; {
			case int(l.first) == a:
			case l.starts&(1<<a) != 0:
				rank++
			case l.holds&(1<<a) != 0:
				rank += 2
			default:
				rank += 3
			}
			continue
		}
		switch i := strings.Index(name, w); {
		case i == 0:
		case i > 0 && startsWord(name, w, i):
			rank++
		case i > 0:
			rank += 2
		default:
			rank += 3
		}
	}
	return uint8(rank)
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

// locate returns where a hit shows the words of its query: the field and
// the match (in the folded field) of the first word found outside the
// record's name, else of the first word found in the name.
func (x *Index) locate(h Hit, words []string) (f Field, pos, n int) {
	r := x.recs[h.rec]
	fields := kindFields[r.kind]
	folded := make([]string, len(fields))
	for i, f := range fields {
		folded[i] = string(foldAppend(nil, x.field(r.kind, int(r.item), f)))
	}
	pos = -1
	for _, w := range words {
		if i := strings.Index(folded[0], w); i >= 0 {
			if pos < 0 {
				pos, n = i, len(w)
			}
			continue
		}
		for k := 1; k < len(fields); k++ {
			if i := strings.Index(folded[k], w); i >= 0 {
				return fields[k], i, len(w)
			}
		}
	}
	return fields[0], max(pos, 0), n
}

// rank orders the hits, which are in index order (by kind, then by name),
// by kind and rank, keeping the index order within a rank: a counting
// sort, linear in the number of hits.
func (x *Index) rank() (hits []Hit, groups [kinds + 1]int) {
	const ranks = 3*maxWords + 1
	var count [int(kinds) * ranks]int
	k := 0 // the kind of the hits counted
	for _, h := range x.hits {
		for int(h.rec) >= x.groups[k+1] {
			k++
		}
		count[k*ranks+int(h.rank)]++
	}
	pos := 0
	for i, n := range count {
		if i%ranks == 0 {
			groups[i/ranks] = pos
		}
		count[i] = pos
		pos += n
	}
	groups[kinds] = pos
	x.ranked = slices.Grow(x.ranked[:0], len(x.hits))[:len(x.hits)]
	k = 0
	for _, h := range x.hits {
		for int(h.rec) >= x.groups[k+1] {
			k++
		}
		i := k*ranks + int(h.rank)
		x.ranked[count[i]] = h
		count[i]++
	}
	return x.ranked, groups
}
