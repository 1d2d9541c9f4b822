package store

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// kind describes one record type: its key prefix and how it is indexed.
type kind struct {
	name   string // key prefix and the word in messages ("acct", "person"...)
	noun   string // English noun for messages
	byAcct bool   // indexed under ix/<name>/<account>/<id>
}

var (
	kAccount   = kind{name: "acct", noun: "account"}
	kPerson    = kind{name: "person", noun: "person", byAcct: true}
	kTeam      = kind{name: "team", noun: "team member"}
	kReference = kind{name: "ref", noun: "reference"}
	kEvent     = kind{name: "event", noun: "event", byAcct: true}
	kPromise   = kind{name: "promise", noun: "promise", byAcct: true}
)

func (k kind) key(id string) []byte { return []byte(k.name + "/" + id) }

func (k kind) prefix() []byte { return []byte(k.name + "/") }

func (k kind) ixKey(acct, id string) []byte {
	return []byte("ix/" + k.name + "/" + acct + "/" + id)
}

func (k kind) ixPrefix(acct string) []byte { return []byte("ix/" + k.name + "/" + acct + "/") }

func notFound(k kind, id string) error {
	return dossier.Err(`no {{.Kind}} with ID "{{.ID}}"`, map[string]any{"Kind": k.noun, "ID": id}, dossier.ErrNotFound)
}

// get decodes the record of kind k with id into v.
func get(txn *badger.Txn, k kind, id string, v any) error {
	item, err := txn.Get(k.key(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return notFound(k, id)
	}
	if err != nil {
		return err
	}
	decoded.Add(1)
	return item.Value(func(b []byte) error {
		if err := json.Unmarshal(b, v); err != nil {
			return dossier.Err(`{{.Kind}} "{{.ID}}" is damaged`, map[string]any{"Kind": k.noun, "ID": id}, err)
		}
		return nil
	})
}

// has tells whether key is in the workspace (false when it cannot be
// read).
func (s *Store) has(key []byte) bool {
	var ok bool
	s.db.View(func(txn *badger.Txn) error {
		ok, _ = exists(txn, key)
		return nil
	})
	return ok
}

func exists(txn *badger.Txn, key []byte) (bool, error) {
	_, err := txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

func put(txn *badger.Txn, k kind, id string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return setRecord(txn, k.key(id), b)
}

// putOwned writes a record of a kind indexed by account (people, events,
// promises, proposals), moving its index entry when the record moved to
// another account since it was last written.
func putOwned(txn *badger.Txn, k kind, acct, id string, v any) error {
	var old struct {
		AccountID string `json:"account_id"`
	}
	if err := get(txn, k, id, &old); err == nil && old.AccountID != "" && old.AccountID != acct {
		if err := txn.Delete(k.ixKey(old.AccountID, id)); err != nil {
			return err
		}
	}
	if err := txn.Set(k.ixKey(acct, id), nil); err != nil {
		return err
	}
	return put(txn, k, id, v)
}

// list decodes every record of kind k, in key order.
func list[T any](txn *badger.Txn, k kind) ([]T, error) { return listPrefix[T](txn, k.prefix(), k.noun) }

// listPrefix decodes every value under prefix p, in key order; noun names
// them in the error of one that is damaged.
func listPrefix[T any](txn *badger.Txn, p []byte, noun string) ([]T, error) {
	var out chunked[T]
	it := txn.NewIterator(badger.DefaultIteratorOptions)
	defer it.Close()
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		// Decoded in place: a record is hundreds of bytes, copied once
		// less.
		v := out.next()
		decoded.Add(1)
		err := it.Item().Value(func(b []byte) error { return json.Unmarshal(b, v) })
		if err != nil {
			return nil, dossier.Err(`{{.Kind}} "{{.ID}}" is damaged`,
				map[string]any{"Kind": noun, "ID": string(bytes.TrimPrefix(it.Item().Key(), p))}, err)
		}
	}
	return out.all(), nil
}

// idsOf returns the IDs indexed under account acct for kind k.
func idsOf(txn *badger.Txn, k kind, acct string) []string {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := txn.NewIterator(opt)
	defer it.Close()
	p := k.ixPrefix(acct)
	var ids []string
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		ids = append(ids, string(it.Item().Key()[len(p):]))
	}
	return ids
}

// listAllOrOf decodes the records of kind k of every account when acct is
// empty, else those of account acct, which must exist.
func listAllOrOf[T any](txn *badger.Txn, k kind, acct string) ([]T, error) {
	if acct == "" {
		return list[T](txn, k)
	}
	if err := validID(kAccount, acct); err != nil {
		return nil, err
	}
	if ok, err := exists(txn, kAccount.key(acct)); err != nil {
		return nil, err
	} else if !ok {
		return nil, notFound(kAccount, acct)
	}
	return listOf[T](txn, k, acct)
}

// listOf decodes the records of kind k that belong to account acct.
func listOf[T any](txn *badger.Txn, k kind, acct string) ([]T, error) {
	ids := idsOf(txn, k, acct)
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		var zero T
		out = append(out, zero)
		if err := get(txn, k, id, &out[len(out)-1]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// idSuffixLen is the number of random characters of a new ID. With 32
// letters that is 32⁸ ≈ 1.1×10¹² suffixes for one readable name: at
// 1,000,000 records of the same name a new ID finds its suffix taken about
// once in a million tries, and reserveID then draws again.
const idSuffixLen = 8

// idRand is where the random characters of new IDs come from; tests
// replace it to force collisions.
var idRand io.Reader = rand.Reader

// NewID returns a candidate record ID made from name: a short readable
// slug and eight random characters ("northbridge-k7m2x9pq"). Names without
// Latin letters or digits give the fallback word instead of a slug. The
// ID is not reserved: records get theirs from the store when they are
// created, inside the transaction that writes them.
func NewID(name, fallback string) string {
	const alphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	var r [idSuffixLen]byte
	if _, err := io.ReadFull(idRand, r[:]); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	suffix := make([]byte, len(r))
	for i, b := range r {
		suffix[i] = alphabet[int(b)%len(alphabet)]
	}
	s := dossier.Slug(name, 24)
	if s == "" {
		s = fallback
	}
	return s + "-" + string(suffix)
}

// newIDTries bounds the draws of reserveID. Even at 10¹⁰ records of one
// name a draw is free with odds of 99 %, so running out means the random
// source is broken, not that the workspace is full.
const newIDTries = 20

// reserveID draws IDs for a new record of kind k until it finds one that
// no record has and no record in the bin had: restoring a deletion must
// never meet a newer record under the old ID. It runs inside the
// transaction that writes the record, so two creations cannot take the
// same ID.
func reserveID(txn *badger.Txn, k kind, name, fallback string) (string, error) {
	for range newIDTries {
		id := NewID(name, fallback)
		taken, err := exists(txn, k.key(id))
		if err == nil && !taken {
			taken, err = exists(txn, tombKey(k.key(id)))
		}
		if err != nil {
			return "", err
		}
		if !taken {
			return id, nil
		}
	}
	return "", dossier.Err("no free {{.Kind}} ID after {{.Count}} tries", map[string]any{"Kind": k.noun, "Count": newIDTries}, dossier.ErrConflict)
}

// claimID settles the ID of a record of kind k about to be written. A new
// record (create) without an ID gets a fresh one from reserveID; a new
// record with an ID must not take the ID of a record, live or in the bin;
// an updated record must exist. The refusals match dossier.ErrConflict.
func claimID(txn *badger.Txn, k kind, id *string, create bool, name, fallback string) error {
	if create && *id == "" {
		fresh, err := reserveID(txn, k, name, fallback)
		*id = fresh
		return err
	}
	if err := validID(k, *id); err != nil {
		return err
	}
	taken, err := exists(txn, k.key(*id))
	binned := false
	if err == nil && create && !taken {
		binned, err = exists(txn, tombKey(k.key(*id)))
	}
	switch {
	case err != nil:
		return err
	case create && taken:
		return dossier.Err(`another {{.Kind}} has the ID "{{.ID}}" already`, map[string]any{"Kind": k.noun, "ID": *id}, dossier.ErrConflict)
	case binned:
		return dossier.Err(`a deleted {{.Kind}} in the bin has the ID "{{.ID}}"`, map[string]any{"Kind": k.noun, "ID": *id}, dossier.ErrConflict)
	case !create && !taken:
		return dossier.Err(`the {{.Kind}} "{{.ID}}" to update is not in the workspace (deleted meanwhile?)`,
			map[string]any{"Kind": k.noun, "ID": *id}, dossier.ErrConflict)
	}
	return nil
}

// stamp sets Created on first save and Updated on every save.
func stamp(created, updated *time.Time, now time.Time) {
	now = now.UTC().Truncate(time.Second)
	if created.IsZero() {
		*created = now
	}
	*updated = now
}

// saving is how saveRecord saves one kind of record, T.
type saving[T any] struct {
	k        kind
	fallback string // the word of a new ID whose name gives no slug (NewID)
	// of tells where the copy c being saved keeps its ID and time stamps,
	// and how it is named; it is asked again after each step that may
	// give c its ID.
	of func(c *T) recordOf
	// touched tells what of the readiness check's reads the save touched
	// (see updateOf); nil means it may touch anything.
	touched func(c *T) touch
	// check runs the record's own checks in the transaction, once its ID
	// is settled and before it is written; nil means none. Its errors are
	// returned as they are.
	check func(txn *badger.Txn, c *T) error
	// extra is what the save may write beyond a record (a photo's
	// bytes), in bytes.
	extra int64
}

// recordOf is what saveRecord needs to know of a record.
type recordOf struct {
	id               *string
	created, updated *time.Time
	account          string // the account a kind indexed by account files it under
	name             string // a new ID is made from it (NewID)
	label            string // messages say "<noun> <label>: ..."
	claimLabel       string // the label of claimID's refusals, when not label
}

// saveRecord is the one body of the SaveX and CreateX of every record but
// library sections (saveSection stamps and validates inside the
// transaction, once it knows the stored Created): it stamps a copy of
// *rec and validates it (prepareRecord), then writes it in one
// transaction (writeRecord). Only on success does *rec become the copy,
// its ID and time stamps set.
func saveRecord[T any, P interface {
	*T
	Validate() error
}](s *Store, rec P, create bool, how saving[T]) error {
	c := *rec
	if err := prepareRecord(P(&c), s.now(), how); err != nil {
		return err
	}
	var touched func() touch
	if how.touched != nil {
		touched = func() touch { return how.touched(&c) }
	}
	err := s.updateOf(saveBudget+how.extra, touched, func(txn *badger.Txn) error {
		return writeRecord(txn, P(&c), create, how)
	})
	if err == nil {
		*rec = c
	}
	return err
}

// prepareRecord stamps c and validates it.
func prepareRecord[T any, P interface {
	*T
	Validate() error
}](c P, now time.Time, how saving[T]) error {
	f := how.of(c)
	stamp(f.created, f.updated, now)
	if err := c.Validate(); err != nil {
		return dossier.Err("{{.Kind}} {{.Name}}", map[string]any{"Kind": how.k.noun, "Name": f.label}, err)
	}
	return nil
}

// writeRecord writes c, prepared, in txn: it settles its ID (claimID says
// what create means), runs the kind's own checks and writes it, under its
// account's index for a kind indexed by account. Save and Put write every
// record of the kinds they know through it.
func writeRecord[T any, P interface {
	*T
	Validate() error
}](txn *badger.Txn, c P, create bool, how saving[T]) error {
	f := how.of(c)
	if err := claimID(txn, how.k, f.id, create, f.name, how.fallback); err != nil {
		f := how.of(c)
		if f.claimLabel == "" {
			f.claimLabel = f.label
		}
		return dossier.Err("{{.Kind}} {{.Name}}", map[string]any{"Kind": how.k.noun, "Name": f.claimLabel}, err)
	}
	if how.check != nil {
		if err := how.check(txn, c); err != nil {
			return err
		}
	}
	f = how.of(c)
	if how.k.byAcct {
		return putOwned(txn, how.k, f.account, *f.id, c)
	}
	return put(txn, how.k, *f.id, c)
}

// update runs fn in a read-write transaction, serialised with other
// read-modify-write sequences of this store.
func (s *Store) update(fn func(txn *badger.Txn) error) error {
	return s.updateSized(saveBudget, fn)
}

// updateSized is update for a change that may write up to w bytes, when
// that is more than saveBudget.
func (s *Store) updateSized(w int64, fn func(txn *badger.Txn) error) error {
	return s.updateOf(w, nil, fn)
}

// updateOf is updateSized for a change that touches only what touched
// returns once fn ran, of what the readiness check reads (see
// changes.go); a nil touched means it may touch anything.
func (s *Store) updateOf(w int64, touched func() touch, fn func(txn *badger.Txn) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.room(w); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return errors.New("the workspace is closed")
	}
	err := s.db.Update(fn)
	// Noted after the commit, failed or not: a reader that sees the new
	// generation sees the change.
	if touched == nil {
		s.changes.note(nil)
	} else {
		t := touched()
		s.changes.note(&t)
	}
	return err
}

func (s *Store) view(fn func(txn *badger.Txn) error) error {
	return s.db.View(fn)
}

// validID checks an ID passed in by a caller before it is used in a key.
func validID(k kind, id string) error {
	if !dossier.ValidID(id) {
		return dossier.Err(`"{{.ID}}" is not a valid {{.Kind}} ID`, map[string]any{"ID": id, "Kind": k.noun}, dossier.ErrInvalid)
	}
	return nil
}
