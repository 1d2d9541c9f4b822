package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
)

// Erasing is not deleting. A deletion goes to the bin and can be undone;
// an erasure removes every trace of a person (or an account with its
// people) for good, as data-protection law asks when a person wants to be
// forgotten: the record, its index keys, its place in the bin, the
// people lists of events and promises, and — on request — every mention
// of the name, e-mail and phone in texts, in proposals' sending records
// and in the copies of what was sent.
//
// Badger keeps old versions of a key in its files until compaction drops
// them, and the memtable's log keeps recent writes verbatim; a logical
// delete therefore leaves the old values readable in the database files.
// erase rewrites every key it touches through Badger's DropPrefix, which
// flushes the memtables (their logs are removed) and rewrites every table
// holding the key without any of its versions; the surviving keys are then
// written afresh, cleaned.

// ErasedMark replaces an erased person's name, e-mail and phone in texts.
const ErasedMark = "[erased]"

// EraseOptions say how far an erasure reaches (dossier.EraseOptions).
type EraseOptions = dossier.EraseOptions

// ErasePerson erases person id, whether in the workspace or in the bin.
// People who reported to them report to their manager; the account's
// timeline records, without a name, that a person was erased on today's
// date.
func (s *Store) ErasePerson(id string, o EraseOptions) error {
	return s.erase(kPerson, id, func(txn *badger.Txn, e *erasure) error {
		p, err := findPerson(txn, id)
		if err != nil {
			return err
		}
		return e.person(p, o, dossier.DateOf(s.now()))
	})
}

// EraseAccount erases account id with everything that belongs to it: its
// people, events with their files, promises, proposals with their sent
// copies, and every trace of them in the bin.
func (s *Store) EraseAccount(id string) error {
	return s.erase(kAccount, id, func(_ *badger.Txn, e *erasure) error { return e.account(id) })
}

// erase checks that record id of kind k may be erased, lets plan gather
// what to erase in one read transaction, and carries it out.
func (s *Store) erase(k kind, id string, plan func(txn *badger.Txn, e *erasure) error) error {
	if err := validID(k, id); err != nil {
		return err
	}
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.room(saveBudget); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return errors.New("the workspace is closed")
	}
	var e *erasure
	err := s.db.View(func(txn *badger.Txn) error {
		e = newErasure(txn)
		return plan(txn, e)
	})
	if err != nil {
		return err
	}
	return s.apply(e)
}

// findPerson reads person id from the workspace or, deleted, from the bin.
func findPerson(txn *badger.Txn, id string) (dossier.Person, error) {
	var p dossier.Person
	err := get(txn, kPerson, id, &p)
	if !errors.Is(err, dossier.ErrNotFound) {
		return p, err
	}
	found := false
	err = eachBin(txn, func(_ []byte, b *binBody) {
		for _, r := range b.Removed {
			if !found && bytes.Equal(r.Key, kPerson.key(id)) && json.Unmarshal(r.Old, &p) == nil {
				found = true
			}
		}
	})
	if err == nil && !found {
		err = notFound(kPerson, id)
	}
	return p, err
}

// eachBin calls fn with every bin entry that decodes.
func eachBin(txn *badger.Txn, fn func(key []byte, b *binBody)) error {
	it := txn.NewIterator(badger.DefaultIteratorOptions)
	defer it.Close()
	p := []byte("bin/")
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		var b binBody
		if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &b) }); err != nil {
			continue
		}
		fn(it.Item().KeyCopy(nil), &b)
	}
	return nil
}

// erasure gathers, in a read transaction, what an erasure writes: for
// every key it touches, the value it keeps (nil: none).
type erasure struct {
	txn    *badger.Txn
	writes map[string][]byte
	order  []string
}

func newErasure(txn *badger.Txn) *erasure {
	return &erasure{txn: txn, writes: map[string][]byte{}}
}

// set keeps v under key (nil: nothing), and the summary of a record
// kept under its summary key.
func (e *erasure) set(key []byte, v []byte) {
	e.setKey(key, v)
	if sk := summaryKey(key); sk != nil {
		var sum []byte
		if v != nil {
			sum, _ = summaryOf(key, v) // e.put encoded v: it decodes
		}
		e.setKey(sk, sum)
	}
}

func (e *erasure) setKey(key []byte, v []byte) {
	k := string(key)
	if _, ok := e.writes[k]; !ok {
		e.order = append(e.order, k)
	}
	e.writes[k] = v
}

func (e *erasure) drop(key []byte) { e.set(key, nil) }

func (e *erasure) put(key []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	e.set(key, b)
	return nil
}

// person gathers the erasure of p.
func (e *erasure) person(p dossier.Person, o EraseOptions, today dossier.Date) error {
	var sc *scrubber
	if o.Mentions {
		sc = newScrubber(p)
	}
	for _, k := range [][]byte{kPerson.key(p.ID), kPerson.ixKey(p.AccountID, p.ID), tombKey(kPerson.key(p.ID))} {
		e.drop(k)
	}
	if p.Photo != nil && dossier.ValidID(p.Photo.FileID) {
		if err := e.dropPrefixKeys([]byte("file/" + p.Photo.FileID + "/")); err != nil {
			return err
		}
	}
	people, err := listOf[dossier.Person](e.txn, kPerson, p.AccountID)
	if err != nil {
		return err
	}
	for _, c := range people {
		n := c
		if n.ID == p.ID {
			continue
		}
		if n.ReportsTo == p.ID {
			n.ReportsTo = p.ReportsTo
		}
		n.Family, n.Hobbies, n.Values = sc.text(n.Family), sc.text(n.Hobbies), sc.text(n.Values)
		n.Notes, n.PrivacyNote = sc.text(n.Notes), sc.text(n.PrivacyNote)
		if !samePerson(c, n) {
			if err := e.put(kPerson.key(n.ID), &n); err != nil {
				return err
			}
		}
	}
	events, err := listOf[dossier.Event](e.txn, kEvent, p.AccountID)
	if err != nil {
		return err
	}
	for _, ev := range events {
		n := ev
		n.People = slices.DeleteFunc(slices.Clone(ev.People), func(id string) bool { return id == p.ID })
		n.Title, n.Text = sc.text(n.Title), sc.text(n.Text)
		if len(n.People) != len(ev.People) || n.Title != ev.Title || n.Text != ev.Text {
			if err := e.put(kEvent.key(n.ID), &n); err != nil {
				return err
			}
		}
	}
	promises, err := listOf[dossier.Promise](e.txn, kPromise, p.AccountID)
	if err != nil {
		return err
	}
	for _, pr := range promises {
		n := pr
		n.People = slices.DeleteFunc(slices.Clone(pr.People), func(id string) bool { return id == p.ID })
		n.Text = sc.text(n.Text)
		if len(n.People) != len(pr.People) || n.Text != pr.Text {
			if err := e.put(kPromise.key(n.ID), &n); err != nil {
				return err
			}
		}
	}
	if sc != nil {
		if err := e.scrubProposals(p.AccountID, sc); err != nil {
			return err
		}
	}
	if err := e.scrubBin(func(key []byte) bool {
		return bytes.Equal(key, kPerson.key(p.ID)) ||
			bytes.Equal(key, kPerson.ixKey(p.AccountID, p.ID))
	}, sc); err != nil {
		return err
	}
	if ok, err := exists(e.txn, kAccount.key(p.AccountID)); err != nil || !ok {
		return err
	}
	ev := dossier.Event{AccountID: p.AccountID, Kind: dossier.EventNote, Date: today,
		// a note of the workspace, in the language the user works in
		Title: i18n.L("A person was erased on {{.Date}}", map[string]any{"Date": today.String()})}
	id, err := reserveID(e.txn, kEvent, "erased", "event")
	if err != nil {
		return err
	}
	ev.ID = id
	stamp(&ev.Created, &ev.Updated, today.Time())
	e.set(kEvent.ixKey(p.AccountID, id), []byte{})
	return e.put(kEvent.key(id), &ev)
}

func samePerson(a, b dossier.Person) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// account gathers the erasure of account id and everything of it.
func (e *erasure) account(id string) error {
	live, err := exists(e.txn, kAccount.key(id))
	if err != nil {
		return err
	}
	inBin := false
	_ = eachBin(e.txn, func(_ []byte, b *binBody) {
		for _, r := range b.Removed {
			inBin = inBin || bytes.Equal(r.Key, kAccount.key(id))
		}
	})
	if !live && !inBin {
		return notFound(kAccount, id)
	}
	// The account's records: live ones through the indexes, binned ones
	// through the bin entries that hold them.
	owned := map[string]bool{string(kAccount.key(id)): true}
	for _, k := range ownedByAccount {
		for _, rid := range idsOf(e.txn, k, id) {
			owned[string(k.key(rid))] = true
			e.drop(k.ixKey(id, rid))
		}
	}
	_ = eachBin(e.txn, func(_ []byte, b *binBody) {
		for _, r := range b.Removed {
			var v struct {
				AccountID string `json:"account_id"`
			}
			if bytes.HasPrefix(r.Key, []byte("ix/")) && bytes.Contains(r.Key, []byte("/"+id+"/")) {
				owned[string(r.Key)] = true
			} else if isRecordKey(r.Key) && json.Unmarshal(r.Old, &v) == nil && v.AccountID == id {
				owned[string(r.Key)] = true
			}
		}
	})
	for k := range owned {
		key := []byte(k)
		e.drop(key)
		if isRecordKey(key) {
			e.drop(tombKey(key))
		}
		if err := e.dropAttachments(key); err != nil {
			return err
		}
		if prop, ok := bytes.CutPrefix(key, kProposal.prefix()); ok {
			if err := e.dropPrefixKeys(sentPrefix(string(prop))); err != nil {
				return err
			}
		}
	}
	return e.scrubBin(func(key []byte) bool { return owned[string(key)] }, nil)
}

// dropAttachments drops the files of the event stored under key, or the
// photo of the person, live or in the bin.
func (e *erasure) dropAttachments(key []byte) error {
	if bytes.HasPrefix(key, kPerson.prefix()) {
		if p, err := findPerson(e.txn, string(bytes.TrimPrefix(key, kPerson.prefix()))); err == nil && p.Photo != nil && dossier.ValidID(p.Photo.FileID) {
			return e.dropPrefixKeys([]byte("file/" + p.Photo.FileID + "/"))
		}
		return nil
	}
	if !bytes.HasPrefix(key, kEvent.prefix()) {
		return nil
	}
	var ev dossier.Event
	item, err := e.txn.Get(key)
	switch {
	case errors.Is(err, badger.ErrKeyNotFound):
		_ = eachBin(e.txn, func(_ []byte, b *binBody) {
			for _, r := range b.Removed {
				if bytes.Equal(r.Key, key) {
					json.Unmarshal(r.Old, &ev)
				}
			}
		})
	case err != nil:
		return err
	default:
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &ev) }); err != nil {
			return err
		}
	}
	for _, a := range ev.Attachments {
		if err := e.dropPrefixKeys([]byte("file/" + a.FileID + "/")); err != nil {
			return err
		}
	}
	return nil
}

// dropPrefixKeys drops every key under prefix.
func (e *erasure) dropPrefixKeys(prefix []byte) error {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := e.txn.NewIterator(opt)
	defer it.Close()
	for it.Seek(prefix); it.ValidForPrefix(prefix); it.Next() {
		e.drop(it.Item().KeyCopy(nil))
	}
	return nil
}
