package store

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"

	"kamdesk/dossier"
)

// scrubber replaces a person's name, e-mail and phone in texts.
type scrubber struct{ re *regexp.Regexp }

func newScrubber(p dossier.Person) *scrubber {
	var alts []string
	if words := strings.Fields(p.Name); len(words) > 0 {
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		alts = append(alts, `\b`+strings.Join(words, `\s+`)+`\b`)
	}
	for _, s := range []string{p.Email, p.Phone} {
		if s = strings.TrimSpace(s); len(s) >= 5 {
			alts = append(alts, regexp.QuoteMeta(s))
		}
	}
	if len(alts) == 0 {
		return &scrubber{}
	}
	return &scrubber{re: regexp.MustCompile(`(?i)(` + strings.Join(alts, "|") + `)`)}
}

func (sc *scrubber) text(s string) string {
	if sc == nil || sc.re == nil {
		return s
	}
	return sc.re.ReplaceAllString(s, ErasedMark)
}

// bytes scrubs JSON or HTML bytes; the mark needs no escaping in either.
func (sc *scrubber) bytes(b []byte) []byte {
	if sc == nil || sc.re == nil {
		return b
	}
	return sc.re.ReplaceAll(b, []byte(ErasedMark))
}

// scrubProposals replaces the mentions sc finds in the account's
// proposals' sending records and in their sent copies.
func (e *erasure) scrubProposals(acct string, sc *scrubber) error {
	for _, id := range idsOf(e.txn, kProposal, acct) {
		if err := e.scrubKey(kProposal.key(id), sc); err != nil {
			return err
		}
		var p struct {
			Sendings []struct {
				ID string `json:"id"`
			} `json:"sendings"`
		}
		if err := get(e.txn, kProposal, id, &p); err != nil {
			return err
		}
		for _, snd := range p.Sendings {
			snap, err := readSnapshot(e.txn, id, snd.ID)
			if err != nil {
				return err
			}
			n := snap
			n.Title = sc.text(snap.Title)
			n.Files = nil
			for _, f := range snap.Files {
				f.People = slices.Clone(f.People)
				for i := range f.People {
					f.People[i] = sc.text(f.People[i])
				}
				f.Markdown, f.HTML = sc.text(f.Markdown), sc.bytes(f.HTML)
				n.Files = append(n.Files, f)
			}
			if err := e.dropPrefixKeys(snapPrefix(id, snd.ID)); err != nil {
				return err
			}
			if err := writeSnapshot(func(k, v []byte) error { e.set(k, v); return nil }, id, &n); err != nil {
				return err
			}
		}
	}
	return nil
}

// scrubKey rewrites key when sc finds mentions in its value.
func (e *erasure) scrubKey(key []byte, sc *scrubber) error {
	item, err := e.txn.Get(key)
	if err != nil {
		return err
	}
	v, err := item.ValueCopy(nil)
	if err != nil {
		return err
	}
	if n := sc.bytes(v); !bytes.Equal(n, v) {
		e.set(key, n)
	}
	return nil
}

// scrubBin takes the records erased (gone reports them) out of every bin
// entry, and the mentions sc finds out of the rest; an entry left with
// nothing goes.
func (e *erasure) scrubBin(gone func(key []byte) bool, sc *scrubber) error {
	return eachBin(e.txn, func(key []byte, b *binBody) {
		n := *b
		keep := func(rs []binRecord) []binRecord {
			var out []binRecord
			for _, r := range rs {
				if gone(r.Key) {
					continue
				}
				r.Old, r.New = sc.bytes(r.Old), sc.bytes(r.New)
				out = append(out, r)
			}
			return out
		}
		n.Removed, n.Changed = keep(b.Removed), keep(b.Changed)
		n.Label = sc.text(n.Label)
		switch {
		case len(n.Removed) == 0 && len(n.Changed) == 0:
			e.drop(key)
		default:
			n.Records = len(n.Removed)
			old, _ := json.Marshal(b)
			now, _ := json.Marshal(&n)
			if !bytes.Equal(old, now) {
				e.set(key, now)
			}
		}
		// The tombs of records taken out of the bin go too.
		for _, r := range b.Removed {
			if gone(r.Key) && isRecordKey(r.Key) {
				e.drop(tombKey(r.Key))
			}
		}
	})
}
