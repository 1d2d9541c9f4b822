package store

import (
	"encoding/json"
	"errors"
	"runtime"
	"sync"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// readNamed reads the shared records p names, sorted as readShared sorts
// the whole of them.
func readNamed(txn *badger.Txn, p *proposal.Proposal) (sh shared, err error) {
	members := []string{p.Author}
	for _, cr := range p.Credits {
		members = append(members, cr.MemberID)
	}
	if sh.team, err = named[dossier.TeamMember](txn, kTeam, members); err != nil {
		return sh, err
	}
	if sh.refs, err = named[dossier.Reference](txn, kReference, p.References); err != nil {
		return sh, err
	}
	sections := make([]string, len(p.Items))
	for i, it := range p.Items {
		sections[i] = it.SectionID
	}
	if sh.library, err = named[proposal.Section](txn, kSection, sections); err != nil {
		return sh, err
	}
	sh.sort()
	return sh, nil
}

// named decodes the records of kind k with the IDs ids, each once, leaving
// out empty IDs and records that do not exist. Many records (a
// proposal's sections) are read first and decoded after, on every core:
// decoding a 130 KB proposal's forty sections was 4 ms of its export.
func named[T any](txn *badger.Txn, k kind, ids []string) ([]T, error) {
	type raw struct {
		id  string
		val []byte
	}
	var raws []raw
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] || !dossier.ValidID(id) {
			continue
		}
		seen[id] = true
		item, err := txn.Get(k.key(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		val, err := item.ValueCopy(nil)
		if err != nil {
			return nil, err
		}
		raws = append(raws, raw{id, val})
	}
	if len(raws) == 0 {
		return nil, nil
	}
	out := make([]T, len(raws))
	errs := make([]error, len(raws))
	decode := func(i int) {
		decoded.Add(1)
		if err := json.Unmarshal(raws[i].val, &out[i]); err != nil {
			errs[i] = dossier.Err(`{{.Kind}} "{{.ID}}" is damaged`, map[string]any{"Kind": k.noun, "ID": raws[i].id}, err)
		}
	}
	workers := min(runtime.GOMAXPROCS(0), len(raws)/namedPerWorker)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ { // every workers-th record from w; the caller takes the 0th
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(raws); i += workers {
				decode(i)
			}
		}()
	}
	for i := 0; i < len(raws); i += max(workers, 1) {
		decode(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first, in the order of ids
		}
	}
	return out, nil
}

// namedPerWorker is how many records a goroutine decoding named's
// records is worth.
const namedPerWorker = 8
