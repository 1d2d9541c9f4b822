package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// What the client received is kept under sent/<proposal ID>/<snapshot
// ID>/<part>, one proposal.Snapshot a sending as JSON in parts of at most
// 48 KiB (four digits each), written in the transaction that records the
// sending and never changed afterwards (but by an erasure). The parts stay
// below Badger's value threshold, so that the copies live in its tables,
// where an erasure can rewrite them, not in its value log.

func sentPrefix(prop string) []byte { return []byte("sent/" + prop + "/") }

func snapPrefix(prop, snap string) []byte { return append(sentPrefix(prop), snap+"/"...) }

func snapPart(prop, snap string, i int) []byte {
	return append(snapPrefix(prop, snap), fmt.Sprintf("%04d", i)...)
}

const snapPartSize = 48 << 10

// writeSnapshot writes snap in parts through set.
func writeSnapshot(set func(key, value []byte) error, prop string, snap *proposal.Snapshot) error {
	b, err := json.Marshal(snap)
	if err != nil {
		return err
	}
	for i := 0; i*snapPartSize < len(b); i++ {
		if err := set(snapPart(prop, snap.ID, i), b[i*snapPartSize:min(len(b), (i+1)*snapPartSize)]); err != nil {
			return err
		}
	}
	return nil
}

// readSnapshot reads the parts of snapshot snap of proposal prop.
func readSnapshot(txn *badger.Txn, prop, snap string) (proposal.Snapshot, error) {
	var out proposal.Snapshot
	var buf bytes.Buffer
	it := txn.NewIterator(badger.DefaultIteratorOptions)
	defer it.Close()
	p := snapPrefix(prop, snap)
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		if err := it.Item().Value(func(v []byte) error { buf.Write(v); return nil }); err != nil {
			return out, err
		}
	}
	if buf.Len() == 0 {
		return out, dossier.Err("no sent copy {{.Copy}} of proposal {{.Proposal}}", map[string]any{"Copy": snap, "Proposal": prop}, dossier.ErrNotFound)
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		return out, dossier.Err("the sent copy {{.Copy}} of proposal {{.Proposal}} is damaged", map[string]any{"Copy": snap, "Proposal": prop}, err)
	}
	return out, nil
}

// MakeSnapshot renders what a sending hands to the client: the variants
// of p for the audiences, as the export writes them. The desktop and the
// command line pass export.Snapshot.
type MakeSnapshot func(p *proposal.Proposal, ctx *proposal.Context, audiences []proposal.Audience) (*proposal.Snapshot, error)

// SendProposal records that the current revision of p was sent: p, marked
// as sent by the caller (Proposal.MarkSent), is saved with snap, the copy
// of what the client received, and ev, the event on the account's
// timeline, in one transaction. The snapshot gets its ID, the sending is
// added to p.Sendings and ev points to the copy. A revision is sent once:
// sending it again is a conflict.
func (s *Store) SendProposal(p *proposal.Proposal, snap *proposal.Snapshot, ev *dossier.Event) error {
	c, sc, e := *p, *snap, *ev
	if len(sc.Files) == 0 {
		return dossier.Err("proposal {{.Proposal}}: nothing was sent (no variant)", map[string]any{"Proposal": label(c.Title, c.ID)}, dossier.ErrInvalid)
	}
	stamp(&c.Created, &c.Updated, s.now())
	stamp(&e.Created, &e.Updated, s.now())
	if sc.At.IsZero() {
		sc.At = s.now().UTC().Truncate(time.Second)
	}
	if err := c.Validate(); err != nil {
		return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(c.Title, c.ID)}, err)
	}
	err := s.updateOf(saveBudget+snapshotSize(&sc), func() touch { return touch{proposals: []string{c.ID}} }, func(txn *badger.Txn) error {
		var stored proposal.Proposal
		if err := get(txn, kProposal, c.ID, &stored); err != nil {
			return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(c.Title, c.ID)}, err)
		}
		if err := proposal.CheckRevision(&stored, &c); err != nil {
			return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(c.Title, c.ID)}, err)
		}
		if stored.SentRevision() >= c.Rev() {
			return dossier.Err("proposal {{.Proposal}}: revision {{.Revision}} was sent already",
				map[string]any{"Proposal": label(c.Title, c.ID), "Revision": c.Rev()}, dossier.ErrConflict)
		}
		if err := checkProposalRefs(txn, &c); err != nil {
			return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(c.Title, c.ID)}, err)
		}
		if err := putSnapshot(txn, &c, &sc); err != nil {
			return err
		}
		e.AccountID, e.Sent = c.AccountID, c.ID+"/"+sc.ID
		if err := e.Validate(); err != nil {
			return dossier.Err("event {{.Event}}", map[string]any{"Event": label(e.Title, e.ID)}, err)
		}
		if err := claimID(txn, kEvent, &e.ID, true, e.Title, "event"); err != nil {
			return err
		}
		if err := putOwned(txn, kEvent, e.AccountID, e.ID, &e); err != nil {
			return err
		}
		return putOwned(txn, kProposal, c.AccountID, c.ID, &c)
	})
	if err == nil {
		*p, *snap, *ev = c, sc, e
	}
	return err
}

// putSnapshot gives snap a fresh ID, fills in what it records of p, writes
// it and adds the sending to p.Sendings.
func putSnapshot(txn *badger.Txn, p *proposal.Proposal, snap *proposal.Snapshot) error {
	snap.ID = ""
	for range newIDTries {
		id := NewID(fmt.Sprintf("v%d", p.Rev()), "sent")
		if taken, err := exists(txn, snapPart(p.ID, id, 0)); err != nil {
			return err
		} else if !taken {
			snap.ID = id
			break
		}
	}
	if snap.ID == "" {
		return dossier.Err("no free ID for the sent copy", nil, dossier.ErrConflict)
	}
	snap.ProposalID, snap.Revision, snap.Title, snap.On = p.ID, p.Rev(), p.Title, p.Sent
	if err := writeSnapshot(txn.Set, p.ID, snap); err != nil {
		return err
	}
	p.Sendings = append(p.Sendings, snap.Sending())
	return nil
}

// Snapshot returns the copy of what the client received in a sending of
// proposal prop.
func (s *Store) Snapshot(prop, snap string) (proposal.Snapshot, error) {
	var out proposal.Snapshot
	if !dossier.ValidID(prop) || !dossier.ValidID(snap) {
		return out, dossier.Err(`"{{.Proposal}}"/"{{.Copy}}" is not a valid sent copy`, map[string]any{"Proposal": prop, "Copy": snap}, dossier.ErrInvalid)
	}
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = readSnapshot(txn, prop, snap)
		return err
	})
	return out, err
}

// removeSent moves the sent copies of proposal prop to the bin with it.
func (d *deletion) removeSent(prop string) error {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := d.txn.NewIterator(opt)
	var keys [][]byte
	p := sentPrefix(prop)
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		keys = append(keys, it.Item().KeyCopy(nil))
	}
	it.Close()
	for _, k := range keys {
		if err := d.remove(k); err != nil {
			return err
		}
	}
	return nil
}

// snapshotSize is about what a snapshot takes stored (HTML is base64 in
// JSON).
func snapshotSize(snap *proposal.Snapshot) int64 {
	var n int64
	for _, f := range snap.Files {
		n += int64(len(f.Markdown)) + int64(len(f.HTML))*4/3 + 256
	}
	return n
}
