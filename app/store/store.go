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
//	meta/mapping/<kind>/<name>   a saved mapping of CSV columns to fields, header → field (mappings.go)
//	acct/<id>                    dossier.Account
//	person/<id>                  dossier.Person
//	team/<id>                    dossier.TeamMember
//	ref/<id>                     dossier.Reference
//	event/<id>                   dossier.Event
//	promise/<id>                 dossier.Promise
//	section/<id>                 proposal.Section (the section library)
//	prop/<id>                    proposal.Proposal, indexed by account
//	ix/<kind>/<account>/<id>     index of a record kind by account (empty value)
//	sum/person/<id>              summary of a person for lists (summary.go)
//	file/<id>/<chunk>            attachment and photo bytes in 512 KiB chunks, chunk big-endian uint32
//	bin/<seq>                    a deletion with what went with it: 24 hex digits, nanoseconds then random
//	gone/<record key>            a tomb: the record waits in the bin, its ID is not given again (empty value)
//
// Records are JSON objects: fields added by later versions are ignored by
// older ones and missing fields take their zero value, so the encoding
// tolerates added fields without a migration.
package store

import (
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Errors of opening a workspace. Record errors use the dossier sentinels
// (dossier.ErrNotFound, dossier.ErrInvalid, dossier.ErrConflict), wrapped.
// ErrLocked, ErrDamaged, ErrReadOnly and ErrDiskFull are the dossier's
// values of the same names under the store's names, so the user interface
// tests for them without importing the store; errors.Is matches either.
var (
	// ErrLocked reports a workspace another process has open.
	ErrLocked = dossier.ErrLocked
	// ErrDamaged reports a workspace whose files cannot be read.
	ErrDamaged = dossier.ErrDamaged
	// ErrTooNew reports a workspace written by a newer kamdesk.
	ErrTooNew = errors.New("workspace was written by a newer version of kamdesk")
	// ErrReadOnly reports a change to a workspace open for reading only,
	// and a workspace that cannot be opened where it is without writing.
	ErrReadOnly = dossier.ErrReadOnly
	// ErrDiskFull reports a change, or an open, refused because the disk
	// has too little free space for it (space.go).
	ErrDiskFull = dossier.ErrDiskFull
)

// SchemaVersion is the version of the key layout and encoding this build
// writes. Open migrates older workspaces up to it.
const SchemaVersion = 4

// summarySchema is the first schema whose people have summary rows.
const summarySchema = 3

// migrations[v] upgrades a workspace from schema v to v+1; the version
// key is written once it is done, so each must be safe to run again.
// Version 0 is a workspace created before the version key existed: an
// empty directory, which needs nothing.
var migrations = []func(db *badger.DB) error{
	0: func(*badger.DB) error { return nil },
	// 1 → 2: tombs mark the IDs of records in the bin (see tombKey).
	1: func(db *badger.DB) error { return db.Update(buryRemoved) },
	// 2 → 3: summary rows of people (summary.go).
	2: summarize,
	// 3 → 4: the summaries note the record's format (summaryOf).
	3: summarize,
}

// Options tune a workspace. The zero value is right for the desktop.
type Options struct {
	// Now stamps Created and Updated; nil means time.Now.
	Now func() time.Time
	// NoGC disables the background value-log garbage collection.
	NoGC bool
	// GCInterval is how often value-log GC runs; 0 means 10 minutes.
	GCInterval time.Duration
	// Passphrase opens an encrypted workspace (see Encrypt).
	Passphrase []byte

	// ReadOnly opens the workspace for reading only: nothing is written,
	// not even kamdesk.log, and every change is refused with an error
	// matching ErrReadOnly. Open does the same by itself for a workspace
	// in a place kamdesk cannot write to (a backup disk, a read-only
	// mount).
	ReadOnly bool
	// ForReading says the caller only reads (a command that lists or
	// shows): Open then opens for reading only when that needs no
	// writing first (kamdesk was closed properly on the workspace and
	// nothing changed it since, it is of this version's schema, no
	// erasure or encryption is left unfinished), which spares Badger's new log files and the syncs of
	// a read-write open and close; otherwise as usual. A change through
	// such a store is refused like one through a ReadOnly store, but
	// ReadOnly and ReadOnlyReason say nothing of it: the workspace itself
	// can be written.
	ForReading bool
	// RecordsExports goes with ForReading, for a command that reads and
	// then records exports (RecordExports): a store it opens for reading
	// keeps the exports in the workspace's pending-exports file, for the
	// next open for writing to add to their proposals (pending.go), and
	// that file does not make it open for writing first, as it does an
	// open ForReading alone. An encrypted workspace opens for writing.
	RecordsExports bool

	// NoBackup turns off the automatic backup at open (backup.go).
	NoBackup bool

	// noSync turns off SyncWrites, for tests of things other than
	// durability that write a great many records (export_test.go).
	noSync bool
	// plain turns off compression, for tests that search the database
	// files for text (export_test.go).
	plain bool
}

// Store is an open workspace. Its methods are safe for concurrent use.
type Store struct {
	dir  string
	db   *badger.DB
	now  func() time.Time
	logf io.WriteCloser
	lock *dirLock
	ro   *readOnlyError // why changes are refused; nil when they are not

	reserve reserve // the disk space Badger's background work may need

	key []byte // the encryption key, nil for a workspace not encrypted

	checked bool // the checks before opening read every file (not as closed.go allows)

	recordsExports bool // open for reading, RecordExports writes the pending-exports file
	sync           bool // changes are synced before they are reported (not Options.noSync)

	mu sync.Mutex // serialises read-modify-write sequences

	changes   changeLog      // the generation of the workspace and what recent writes touched
	readiness readinessCache // the readiness of every proposal (readiness.go)
	// backupMu is held while a backup is written, and while an erasure
	// drops the backups that hold what it erases (backup.go).
	backupMu sync.Mutex
	stop     chan struct{}
	stopOnce sync.Once
	stopped  sync.WaitGroup
	left     bool           // CloseAtExit left Badger's files to the end of the process
	sweeping sync.WaitGroup // the sweep of unused files (orphans.go)
}

// Dir returns the workspace directory.
func (s *Store) Dir() string { return s.dir }

// Encrypted reports whether the workspace is encrypted at rest.
func (s *Store) Encrypted() bool { return s.key != nil }

// CheckPassphrase reports whether passphrase is the one the workspace was
// opened with, so that a change of encryption can refuse a wrong one
// before it closes anything. A wrong one is refused after a delay.
func (s *Store) CheckPassphrase(passphrase []byte) error {
	key, err := workspaceKey(s.dir, passphrase)
	if err != nil {
		return err
	}
	if key == nil || subtle.ConstantTimeCompare(key, s.key) != 1 {
		time.Sleep(wrongPassphraseDelay)
		return ErrWrongPassphrase
	}
	return nil
}

func (s *Store) dbDir() string { return filepath.Join(s.dir, "db") }

// beforeClose, when set (the tests set it), runs as a workspace closes.
var beforeClose func(*Store)

// Close stops background work and closes the database. It is safe to call
// more than once.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.left || s.db.IsClosed() {
		s.mu.Unlock()
		return nil
	}
	if beforeClose != nil {
		beforeClose(s)
	}
	s.mu.Unlock()
	s.stopBackground()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.left || s.db.IsClosed() {
		return nil // closed by another Close meanwhile
	}
	dbDir := filepath.Join(s.dir, "db")
	if ownLock && s.ro == nil {
		// A crash from here on leaves the logs flushed or not.
		writeLockRecord(dbDir, "closing")
	}
	err := s.db.Close()
	if err == nil && ownLock && s.ro == nil {
		// Closed cleanly: the pid file goes, as Badger's own lock does.
		err = os.Remove(filepath.Join(dbDir, pidFile))
	}
	if err == nil && s.ro == nil && !scrubPending(s.dir) {
		// What the next open need not read again (closed.go).
		if cerr := writeClosed(dbDir); cerr != nil {
			fmt.Fprintf(s.logf, "%s kamdesk: noting the files as closed: %v\n", time.Now().Format(time.RFC3339), cerr)
		}
	}
	s.lock.unlock()
	if err == nil && s.ro == nil && scrubPending(s.dir) {
		// An erasure's values left in the value log (scrub.go).
		if serr := scrub(s.dir, s.key); serr != nil {
			fmt.Fprintf(s.logf, "%s kamdesk: rewriting the database after an erasure: %v\n", time.Now().Format(time.RFC3339), serr)
		}
	}
	s.logf.Close()
	return err
}

// CloseAtExit closes the store of a process that ends as soon as it
// returns (a command of the command line). A workspace open for reading
// only has nothing to write back, and Badger's close of one unmaps and
// closes every table and value log and syncs the folder twice: work the
// end of the process does as well (it unmaps, closes and unlocks
// everything), so it is left to it. Kamdesk's own lock is let go at
// once. Any other store is closed as Close does. Nothing may use the
// store afterwards.
func (s *Store) CloseAtExit() error {
	s.mu.Lock()
	leave := s.ro != nil && !s.left && !s.db.IsClosed() && beforeClose == nil
	if leave {
		s.left = true
	}
	s.mu.Unlock()
	if !leave {
		return s.Close()
	}
	s.stopBackground()
	s.lock.unlock()
	return s.logf.Close()
}

// stopBackground tells the work in the background to stop and waits for
// it. The caller must not hold s.mu: a step under way may need it to
// finish (the sweep's deletion of unused files is an update), and Close
// holding it while it waited left the two waiting for each other
// (TestCloseWhileTheSweepDeletes).
func (s *Store) stopBackground() {
	s.stopOnce.Do(func() { close(s.stop) })
	s.stopped.Wait()
}

// gcLoop reclaims space in the value log, where attachments live, on a
// schedule, while the workspace is open.
func (s *Store) gcLoop(every time.Duration) {
	defer s.stopped.Done()
	s.every(every, s.GC)
}

// every runs f every d until the workspace closes.
func (s *Store) every(d time.Duration, f func()) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			f()
		}
	}
}

// GC runs value-log garbage collection until there is nothing to reclaim.
func (s *Store) GC() {
	if s.ro != nil {
		return
	}
	// A collection copies the live values of a value log file: room for
	// the largest.
	var largest int64
	if entries, err := os.ReadDir(s.dbDir()); err == nil {
		for _, e := range entries {
			if info, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".vlog") {
				largest = max(largest, allocated(info))
			}
		}
	}
	if s.room(largest) != nil {
		return
	}
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
					return dossier.Err("schema version has {{.Count}} bytes", map[string]any{"Count": len(b)}, nil)
				}
				v = binary.BigEndian.Uint32(b)
				return nil
			})
		})
		if err != nil {
			return unreadable(s.dir, err)
		}
		if v == SchemaVersion {
			return nil
		}
		if v > SchemaVersion {
			return dossier.ErrAs("the workspace {{.Path}} was written by a newer kamdesk (schema {{.Schema}}, this one knows {{.Known}}); update kamdesk",
				map[string]any{"Path": s.dir, "Schema": int(v), "Known": SchemaVersion}, ErrTooNew)
		}
		if s.ro != nil && s.ro.chosen {
			return errNeedsUpdate
		}
		if s.ro != nil {
			return dossier.ErrAs("the workspace {{.Path}} was written by an older kamdesk and must be brought up to date, which needs writing ({{.Why}}); copy it to a place kamdesk can write to",
				map[string]any{"Path": s.dir, "Why": s.ro.why}, ErrReadOnly)
		}
		err = migrations[v](s.db)
		if err == nil {
			err = s.db.Update(func(txn *badger.Txn) error {
				var b [4]byte
				binary.BigEndian.PutUint32(b[:], v+1)
				return txn.Set(schemaKey, b[:])
			})
		}
		if err != nil {
			return dossier.Err("upgrading the workspace {{.Path}} from schema {{.Schema}}", map[string]any{"Path": s.dir, "Schema": v}, err)
		}
	}
}
