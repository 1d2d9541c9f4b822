// Package store keeps a kamdesk workspace in an embedded Badger database:
// the key layout, the encoding of records, the schema version and its
// migrations, transactions, attachments and the deletion bin. It keeps the
// dossier records and the proposals with their section library.
//
// A workspace is a directory. Badger's files live in DIR/db; the store's
// own log (Badger's warnings and errors, never the user's terminal) goes to
// DIR/kamdesk.log.
//
// Key layout (readable prefixes, one record per key, JSON values):
//
//	meta/schema                  schema version, uint32 big-endian
//	meta/rules                   dossier.Rules
//	acct/<id>                    dossier.Account
//	person/<id>                  dossier.Person
//	team/<id>                    dossier.TeamMember
//	ref/<id>                     dossier.Reference
//	event/<id>                   dossier.Event
//	promise/<id>                 dossier.Promise
//	section/<id>                 proposal.Section (the section library)
//	prop/<id>                    proposal.Proposal, indexed by account
//	ix/<kind>/<account>/<id>     index of a record kind by account (empty value)
//	file/<id>/<chunk>            attachment bytes in 512 KiB chunks, chunk big-endian uint32
//	bin/<seq>                    a deletion with what went with it: 24 hex digits, nanoseconds then random
//	gone/<record key>            a tomb: the record waits in the bin, its ID is not given again (empty value)
//
// Records are JSON objects: fields added by later versions are ignored by
// older ones and missing fields take their zero value, so the encoding
// tolerates added fields without a migration.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Errors of opening a workspace. Record errors use the dossier sentinels
// (dossier.ErrNotFound, dossier.ErrInvalid, dossier.ErrConflict), wrapped.
var (
	// ErrLocked reports a workspace another process has open.
	ErrLocked = errors.New("workspace is in use")
	// ErrDamaged reports a workspace whose files cannot be read.
	ErrDamaged = errors.New("workspace is damaged")
	// ErrTooNew reports a workspace written by a newer kamdesk.
	ErrTooNew = errors.New("workspace was written by a newer version of kamdesk")
)

// SchemaVersion is the version of the key layout and encoding this build
// writes. Open migrates older workspaces up to it.
const SchemaVersion = 2

// migrations[v] upgrades a workspace from schema v to v+1, inside one
// transaction. Version 0 is a workspace created before the version key
// existed: an empty directory, which needs nothing.
var migrations = []func(txn *badger.Txn) error{
	0: func(*badger.Txn) error { return nil },
	// 1 → 2: tombs mark the IDs of records in the bin (see tombKey).
	1: buryRemoved,
}

// Options tune a workspace. The zero value is right for the desktop.
type Options struct {
	// Now stamps Created and Updated; nil means time.Now.
	Now func() time.Time
	// NoGC disables the background value-log garbage collection.
	NoGC bool
	// GCInterval is how often value-log GC runs; 0 means 10 minutes.
	GCInterval time.Duration

	// noSync turns off SyncWrites, for tests of things other than
	// durability that write a great many records (export_test.go).
	noSync bool
}

// Store is an open workspace. Its methods are safe for concurrent use.
type Store struct {
	dir  string
	db   *badger.DB
	now  func() time.Time
	logf *os.File
	lock *dirLock

	mu      sync.Mutex // serialises read-modify-write sequences
	stop    chan struct{}
	stopped sync.WaitGroup
}

// Dir returns the workspace directory.
func (s *Store) Dir() string { return s.dir }

// Open opens the workspace in dir, creating it when it does not exist.
//
// A workspace another process has open gives an error matching ErrLocked
// whose text is "kamdesk is already open on DIR", at once: the directory
// lock is taken without waiting.
//
// Before Badger opens the database, every file it will read is checked
// (preflight.go), without writing. A workspace with a file missing,
// damaged or cut short gives an error matching ErrDamaged, one line that
// says which, and nothing on disk has changed. Otherwise the leftovers of
// a crash are cleared (empty log files removed, unlisted tables moved to
// DIR/salvage) and Badger opens it. No open deletes or shortens a file
// that holds data that is nowhere else.
func Open(dir string, o Options) (s *Store, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("workspace %s: %w", dir, err)
	}
	dbDir := filepath.Join(abs, "db")
	if err := os.MkdirAll(dbDir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the workspace %s: %w", abs, err)
	}
	lock, err := lockDir(dbDir, false)
	if errors.Is(err, errInUse) {
		return nil, &openError{fmt.Sprintf("kamdesk is already open on %s", abs), ErrLocked}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the workspace %s: %w", abs, err)
	}
	defer func() {
		if err != nil {
			lock.unlock()
		}
	}()
	logf, err := os.OpenFile(filepath.Join(abs, "kamdesk.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot write in the workspace %s: %w", abs, err)
	}
	defer func() {
		if err != nil {
			logf.Close()
		}
	}()
	logline := func(format string, a ...any) {
		fmt.Fprintf(logf, "%s kamdesk: %s\n", time.Now().Format(time.RFC3339), fmt.Sprintf(format, a...))
	}
	opt := badgerOptions(dbDir, logf).WithSyncWrites(!o.noSync).WithBypassLockGuard(ownLock)
	st, err := checkDB(dbDir, opt, false, time.Now())
	if err != nil {
		logline("not opening %s: %v", abs, err)
		return nil, refusal(abs, err)
	}
	if err := st.repair(logline); err != nil {
		return nil, fmt.Errorf("cannot open the workspace %s: %w", abs, err)
	}
	if ownLock {
		// Badger's open replays and truncates the logs: what LOCK said of
		// them is no longer to be checked.
		if err := writeLockRecord(dbDir, "opening"); err != nil {
			return nil, fmt.Errorf("cannot write in the workspace %s: %w", abs, err)
		}
	}
	db, err := openBadger(opt)
	if err != nil {
		logline("opening %s: %v", abs, err)
		msg := err.Error()
		switch {
		case strings.Contains(msg, "Cannot acquire directory lock"):
			return nil, &openError{fmt.Sprintf("kamdesk is already open on %s", abs), ErrLocked}
		case strings.Contains(msg, "permission denied"):
			return nil, fmt.Errorf("cannot open the workspace %s: permission denied", abs)
		default:
			return nil, &openError{fmt.Sprintf("the workspace %s cannot be read, it looks damaged (%v); restore it from a backup or start another workspace with --data", abs, oneLine(msg)), ErrDamaged}
		}
	}
	if ownLock {
		err := func() error {
			state, err := activeMemLog(dbDir)
			if err != nil {
				return err
			}
			return writeLockRecord(dbDir, state)
		}()
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("cannot write in the workspace %s: %w", abs, err)
		}
	}
	s = &Store{dir: abs, db: db, now: o.Now, logf: logf, lock: lock, stop: make(chan struct{})}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if len(st.dangling) > 0 {
		// Left by an import a crash cut short; nothing reads them.
		if err := s.removeKeys(st.dangling); err != nil {
			logline("removing %d index entries without their record: %v", len(st.dangling), err)
		} else {
			logline("removed %d index entries without their record", len(st.dangling))
		}
	}
	if n, err := s.sweepOrphanFiles(); err != nil {
		// Not fatal: the workspace works, it only keeps some dead bytes.
		logline("sweeping unused attachments: %v", err)
	} else if n > 0 {
		logline("deleted %d unused attachments", n)
	}
	if !o.NoGC {
		every := o.GCInterval
		if every == 0 {
			every = 10 * time.Minute
		}
		s.stopped.Add(1)
		go s.gcLoop(every)
	}
	return s, nil
}

// refusal is the error of an open the checks refused.
func refusal(dir string, err error) error {
	var d *damage
	if errors.As(err, &d) {
		return &openError{squash(fmt.Sprintf("the workspace %s is damaged: %s; nothing was changed; restore it from a backup or start another workspace with --data", dir, d.what)), ErrDamaged}
	}
	return &openError{squash(fmt.Sprintf("the workspace %s cannot be read (%v)", dir, err)), ErrDamaged}
}

// repair clears the leftovers the checks found, before Badger opens.
func (st *dbState) repair(logline func(string, ...any)) error {
	if err := removeEmptyLogs(st.dir, st.empty); err != nil {
		return err
	}
	for _, name := range st.empty {
		logline("removed the empty file %s a crash left", name)
	}
	if len(st.salvage) > 0 {
		to, err := moveAside(st.dir, st.salvage, time.Now())
		if err != nil {
			return err
		}
		logline("moved %s to %s: Badger would have deleted them", strings.Join(st.salvage, ", "), to)
	}
	return nil
}

// removeKeys deletes keys in one transaction.
func (s *Store) removeKeys(keys [][]byte) error {
	return s.update(func(txn *badger.Txn) error {
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

type openError struct {
	msg string
	err error
}

func (e *openError) Error() string { return e.msg }
func (e *openError) Unwrap() error { return e.err }

// squash makes s one line.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// Close stops background work and closes the database. It is safe to call
// more than once.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return nil
	}
	close(s.stop)
	s.stopped.Wait()
	dbDir := filepath.Join(s.dir, "db")
	if ownLock {
		// A crash from here on leaves the logs flushed or not.
		writeLockRecord(dbDir, "closing")
	}
	err := s.db.Close()
	if err == nil && ownLock {
		// Closed cleanly: the pid file goes, as Badger's own lock does.
		err = os.Remove(filepath.Join(dbDir, pidFile))
	}
	s.lock.unlock()
	s.logf.Close()
	return err
}

// gcLoop reclaims space in the value log, where attachments live, on a
// schedule, while the workspace is open.
func (s *Store) gcLoop(every time.Duration) {
	defer s.stopped.Done()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.GC()
		}
	}
}

// GC runs value-log garbage collection until there is nothing to reclaim.
func (s *Store) GC() {
	for i := 0; i < 10; i++ {
		if s.db.RunValueLogGC(0.5) != nil {
			return
		}
	}
}

var schemaKey = []byte("meta/schema")

// migrate reads the schema version and brings the workspace up to
// SchemaVersion, one version a transaction.
func (s *Store) migrate() error {
	for {
		var v uint32
		err := s.db.View(func(txn *badger.Txn) error {
			item, err := txn.Get(schemaKey)
			if errors.Is(err, badger.ErrKeyNotFound) {
				v = 0
				return nil
			}
			if err != nil {
				return err
			}
			return item.Value(func(b []byte) error {
				if len(b) != 4 {
					return fmt.Errorf("schema version has %d bytes", len(b))
				}
				v = binary.BigEndian.Uint32(b)
				return nil
			})
		})
		if err != nil {
			return &openError{fmt.Sprintf("the workspace %s cannot be read (%v)", s.dir, err), ErrDamaged}
		}
		if v == SchemaVersion {
			return nil
		}
		if v > SchemaVersion {
			return &openError{fmt.Sprintf("the workspace %s was written by a newer kamdesk (schema %d, this one knows %d); update kamdesk", s.dir, v, SchemaVersion), ErrTooNew}
		}
		err = s.db.Update(func(txn *badger.Txn) error {
			if err := migrations[v](txn); err != nil {
				return err
			}
			var b [4]byte
			binary.BigEndian.PutUint32(b[:], v+1)
			return txn.Set(schemaKey, b[:])
		})
		if err != nil {
			return fmt.Errorf("upgrading the workspace %s from schema %d: %w", s.dir, v, err)
		}
	}
}
