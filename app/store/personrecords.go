package store

import (
	"bytes"
	"errors"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// ReadPeopleInParts calls fn with the people of one moment, to read in
// parts (PeopleParts): cut at splits (person IDs in increasing order)
// into len(splits)+1 parts, part 0 holding the people before splits[0],
// part i those from splits[i-1] to before splits[i], the last those from
// the last split on; up to workers goroutines read the parts at once. A
// caller that prints every person as JSON reads their summaries first,
// sorts, then takes the records' bytes as they are, instead of decoding
// 100,000 records to encode them again.
func (s *Store) ReadPeopleInParts(splits []string, workers int, fn func(pp *PeopleParts) error) error {
	bounds, err := partBounds(splits)
	if err != nil {
		return err
	}
	return s.view(func(txn *badger.Txn) error { return fn(newPeopleParts(txn, bounds, workers)) })
}

// AgendaInParts is OverviewEach for the agenda, with the people read in
// parts, cut at splits (PersonSplits) and read by up to workers
// goroutines, as ReadPeopleInParts reads them: begin is given the
// workspace read so far and the number of parts, then each every
// person's summary (valid during the call only) with the number of its
// part; within a part in the store's order and on one goroutine, the
// parts at once.
//
// The accounts and promises hold only what the agenda reads of them
// (agendaAccount, agendaPromise): decoding them whole, their texts and
// times, was a fifth of the agenda at 100,000 people.
func (s *Store) AgendaInParts(splits []string, workers int, begin func(w *dossier.Workspace, parts int), each func(part int, p *dossier.Person) error) (dossier.Workspace, error) {
	bounds, err := partBounds(splits)
	if err != nil {
		return dossier.Workspace{}, err
	}
	return s.readWorkspaceOf(agendaAccountsAndPromises, func(txn *badger.Txn, w *dossier.Workspace) error {
		pp := newPeopleParts(txn, bounds, workers)
		begin(w, pp.Parts())
		return pp.Summaries(func(_, part int, _ []byte, sum *dossier.Person, _ bool) error { return each(part, sum) })
	})
}

// partBounds returns the keys the parts cut at splits begin at, with nil
// at either end.
func partBounds(splits []string) ([][]byte, error) {
	bounds := [][]byte{nil}
	for i, id := range splits {
		if err := validID(kPerson, id); err != nil {
			return nil, err
		}
		if i > 0 && id <= splits[i-1] {
			return nil, dossier.Err(`the splits "{{.First}}" and "{{.Second}}" are not in increasing order`,
				map[string]any{"First": splits[i-1], "Second": id}, nil)
		}
		bounds = append(bounds, kPerson.key(id))
	}
	return append(bounds, nil), nil
}

func newPeopleParts(txn *badger.Txn, bounds [][]byte, workers int) *PeopleParts {
	return &PeopleParts{txn: txn, bounds: bounds, workers: max(1, min(workers, len(bounds)-1))}
}

// PeopleParts reads the people of one moment in parts (ReadPeopleInParts),
// valid during ReadPeopleInParts' call only.
type PeopleParts struct {
	txn     *badger.Txn
	bounds  [][]byte
	workers int
}

// Parts returns how many parts there are.
func (pp *PeopleParts) Parts() int { return len(pp.bounds) - 1 }

// Summaries calls fn for every person who has a summary (every person,
// in a workspace that is not damaged) with their ID and summary (both
// valid during the call only) and whether their record's bytes are the
// JSON json.Marshal writes of the person today (the summary notes
// recordFormat). Each goroutine takes the next part nobody has taken and
// calls fn with its number (from 0) and the part's; within a part, fn is
// called in the store's order. It stops at the first error fn returns
// (the other goroutines at their next person) and returns it.
func (pp *PeopleParts) Summaries(fn func(worker, part int, id []byte, sum *dossier.Person, asMarshaled bool) error) error {
	rp := kPerson.prefix()
	sp := append(bytes.Clone(summaryPrefix), rp...)
	// One person a goroutine, decoded into again and again: a new one
	// for each (424 bytes) was 42 MB of new memory at 100,000 people.
	sums := make([]dossier.Person, pp.workers)
	return pp.each(sp, func(worker, part int, key, b []byte) error {
		sum := &sums[worker]
		asMarshaled := false
		decoded.Add(1)
		if decodeSummary(b, sum) == nil {
			asMarshaled = believedFormat(summaryRecordFormat(b))
		} else if err := summaryFromRecord(pp.txn, string(bytes.TrimPrefix(key, sp)), sum); err != nil {
			return err
		}
		return fn(worker, part, bytes.TrimPrefix(key, sp), sum, asMarshaled)
	})
}

// Records calls fn for every person with their ID and the bytes of their
// record (both valid during the call only), in parts as Summaries does.
func (pp *PeopleParts) Records(fn func(worker, part int, id, raw []byte) error) error {
	rp := kPerson.prefix()
	return pp.each(rp, func(worker, part int, key, raw []byte) error {
		decoded.Add(1)
		return fn(worker, part, bytes.TrimPrefix(key, rp), raw)
	})
}

// each calls fn for every key with prefix p (followed by a person's key
// without its kind: "person/ID" or "sum/person/ID") in the parts, with
// its value, as Summaries says.
func (pp *PeopleParts) each(p []byte, fn func(worker, part int, key, value []byte) error) error {
	var stop atomic.Bool
	var next atomic.Int64
	errs := make([]error, pp.workers)
	var wg sync.WaitGroup
	lead := p[:len(p)-len(kPerson.prefix())] // "" or "sum/"
	for w := range pp.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			opt := badger.DefaultIteratorOptions
			opt.PrefetchValues = false // read as the iterator passes
			opt.Prefix = p
			it := pp.txn.NewIterator(opt)
			defer it.Close()
			var from, to []byte
			for part := int(next.Add(1) - 1); part < pp.Parts() && errs[w] == nil; part = int(next.Add(1) - 1) {
				from, to = append(append(from[:0], lead...), pp.bounds[part]...), nil
				if pp.bounds[part] == nil {
					from = append(from[:0], p...)
				}
				if pp.bounds[part+1] != nil {
					to = append(append(to, lead...), pp.bounds[part+1]...)
				}
				for it.Seek(from); it.ValidForPrefix(p) && errs[w] == nil; it.Next() {
					key := it.Item().Key()
					if to != nil && bytes.Compare(key, to) >= 0 {
						break
					}
					if stop.Load() {
						errs[w] = errStopped
						break
					}
					errs[w] = it.Item().Value(func(v []byte) error { return fn(w, part, key, v) })
				}
			}
			if errs[w] != nil {
				stop.Store(true)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil && err != errStopped {
			return err
		}
	}
	return nil
}

// errStopped ends a goroutine of PeopleParts when another failed.
var errStopped = errors.New("stopped")

// PersonSplits returns person IDs, in increasing order, that cut the
// store's people into parts for ReadPeopleInParts: where Badger's
// tables that hold people begin and end (nothing is read), so there are
// a few dozen parts at 100,000 people and none when they fit one table.
func (s *Store) PersonSplits() []string {
	p := kPerson.prefix()
	var splits []string
	for _, t := range s.db.Tables() {
		for _, k := range [][]byte{t.Left, t.Right} {
			if len(k) <= 8 {
				continue
			}
			// Without Badger's version
			if id, ok := bytes.CutPrefix(k[:len(k)-8], p); ok && dossier.ValidID(string(id)) {
				splits = append(splits, string(id))
			}
		}
	}
	slices.Sort(splits)
	return slices.Compact(splits)
}
