package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kamdesk/dossier"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

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
//
// A workspace in a place kamdesk cannot write to, or opened with
// Options.ReadOnly, opens for reading (see ReadOnly): nothing is written,
// every change gives an error matching ErrReadOnly. One that needs a
// repair first (kamdesk was not closed properly on it) cannot be opened
// there: an error matching ErrReadOnly says so.
func Open(dir string, o Options) (*Store, error) {
	if o.ForReading && !o.ReadOnly {
		s, err := open(dir, o, true)
		if !errors.Is(err, errNeedsUpdate) {
			return s, err
		}
	}
	return open(dir, o, false)
}

// errNeedsUpdate reports, from an open for reading (Options.ForReading),
// a workspace that must be written before it can be read.
var errNeedsUpdate = errors.New("the workspace needs writing before it can be read")

// open opens as Open says; forReading opens a workspace that could be
// written for reading only, or gives errNeedsUpdate when that is not
// enough.
func open(dir string, o Options, forReading bool) (s *Store, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("workspace %s: %w", dir, err)
	}
	dbDir := filepath.Join(abs, "db")
	ro := readOnlyReason(abs, dbDir, o.ReadOnly)
	if ro == nil && forReading {
		if _, err := os.Stat(filepath.Join(dbDir, "MANIFEST")); err != nil {
			return nil, errNeedsUpdate // a new workspace, made by opening it
		}
		if _, err := os.Stat(swapPath(abs)); err == nil {
			return nil, errNeedsUpdate // an encryption to finish
		}
		now := time.Now()
		if o.Now != nil {
			now = o.Now()
		}
		if !o.NoBackup && backupDue(abs, now) {
			return nil, errNeedsUpdate // the day's backup, made by a read-write open
		}
		if o.RecordsExports && Encrypted(abs) {
			return nil, errNeedsUpdate // no exports in the clear (pending.go)
		}
		if !o.RecordsExports && pendingExists(abs) {
			return nil, errNeedsUpdate // exports to record (pending.go)
		}
		ro = &readOnlyError{dir: abs, why: "it was opened for reading only", chosen: true}
	}
	if ro == nil {
		if err := recoverSwap(abs); err != nil { // an encryption a crash interrupted
			return nil, fmt.Errorf("finishing the encryption of %s: %w", abs, err)
		}
	}
	key, err := workspaceKey(abs, o.Passphrase)
	if err != nil {
		return nil, &openError{fmt.Sprintf("%s: %v", abs, err), err}
	}
	if ro == nil {
		if err := os.MkdirAll(dbDir, 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the workspace %s: %w", abs, err)
		}
	} else if _, err := os.Stat(dbDir); err != nil {
		return nil, &openError{fmt.Sprintf("there is no workspace in %s (and %s)", abs, ro.why), ErrReadOnly}
	}
	lock, err := lockDir(dbDir, ro != nil)
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
	// The log: DIR/kamdesk.log, or nowhere when nothing may be written.
	var logf io.WriteCloser = nopCloser{io.Discard}
	if ro == nil {
		f, err := os.OpenFile(filepath.Join(abs, "kamdesk.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, fmt.Errorf("cannot write in the workspace %s: %w", abs, err)
		}
		logf = f
	}
	defer func() {
		if err != nil {
			logf.Close()
		}
	}()
	logline := func(format string, a ...any) {
		fmt.Fprintf(logf, "%s kamdesk: %s\n", time.Now().Format(time.RFC3339), fmt.Sprintf(format, a...))
	}
	// Badger does not lock a read-only open on Windows (where ownLock is
	// false); it refuses to.
	opt := badgerOptions(dbDir, logf).WithSyncWrites(!o.noSync).WithBypassLockGuard(ownLock || ro != nil).WithReadOnly(ro != nil)
	opt = cryptOptions(opt, key)
	if o.plain {
		opt = opt.WithCompression(options.None)
	}
	st, err := checkDB(dbDir, opt, ro != nil, time.Now())
	if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
		time.Sleep(wrongPassphraseDelay)
		return nil, &openError{fmt.Sprintf("%s: the passphrase is wrong", abs), ErrWrongPassphrase}
	}
	if err == nil && ro != nil && ro.chosen && (st.unclean || !st.trusted) {
		// The checks after a crash repair what they find; a workspace
		// checked in full (copied, say) is opened to be written once, so
		// that its close notes it (closed.go) and the next reads are quick.
		err = errNeedsUpdate
	}
	if errors.Is(err, errNeedsWrite) && ro != nil && ro.chosen || errors.Is(err, errNeedsUpdate) {
		return nil, errNeedsUpdate
	}
	if errors.Is(err, errNeedsWrite) {
		return nil, &openError{fmt.Sprintf("the workspace %s cannot be opened where it is: %v, and opening it needs a repair, but %s; copy the folder to a place kamdesk can write to and open the copy",
			abs, strings.TrimSuffix(err.Error(), ": "+errNeedsWrite.Error()), ro.why), ErrReadOnly}
	}
	if err != nil {
		logline("not opening %s: %v", abs, err)
		return nil, refusal(abs, err)
	}
	if ro == nil {
		if ro, err = roomToOpen(abs, st); err != nil {
			logline("not opening %s: %v", abs, err)
			return nil, err
		}
		opt = opt.WithReadOnly(ro != nil).WithBypassLockGuard(ownLock || ro != nil)
	}
	if ro == nil {
		opt = opt.WithCompactL0OnClose(st.levelZeroTables() >= compactAtClose)
	}
	if ro == nil {
		if err := st.repair(logline); err != nil {
			return nil, fmt.Errorf("cannot open the workspace %s: %w", abs, err)
		}
		if err := removeClosed(dbDir); err != nil {
			return nil, fmt.Errorf("cannot write in the workspace %s: %w", abs, err)
		}
		if ownLock {
			// Badger's open replays and truncates the logs: what LOCK said
			// of them is no longer to be checked.
			if err := writeLockRecord(dbDir, "opening"); err != nil {
				return nil, fmt.Errorf("cannot write in the workspace %s: %w", abs, err)
			}
		}
	}
	db, err := openBadger(opt)
	if err != nil {
		logline("opening %s: %v", abs, err)
		msg := err.Error()
		switch {
		case errors.Is(err, badger.ErrEncryptionKeyMismatch):
			time.Sleep(wrongPassphraseDelay)
			return nil, &openError{fmt.Sprintf("%s: the passphrase is wrong", abs), ErrWrongPassphrase}
		case strings.Contains(msg, "Another process is using this Badger database"):
			return nil, &openError{fmt.Sprintf("kamdesk is already open on %s", abs), ErrLocked}
		case strings.Contains(msg, "permission denied"):
			return nil, fmt.Errorf("cannot open the workspace %s: permission denied", abs)
		default:
			return nil, &openError{fmt.Sprintf("the workspace %s cannot be read, it looks damaged (%v); %s", abs, oneLine(msg), backupHint(abs)), ErrDamaged}
		}
	}
	if ownLock && ro == nil {
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
	s = &Store{dir: abs, db: db, now: o.Now, logf: logf, lock: lock, ro: ro, stop: make(chan struct{}),
		reserve: reserve{dir: dbDir}, key: key, checked: !st.trusted,
		recordsExports: ro != nil && ro.chosen && o.RecordsExports, sync: !o.noSync}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.migrate(); err != nil {
		db.Close()
		return nil, err
	}
	if ro != nil && ro.chosen && s.erasing() {
		db.Close()
		return nil, errNeedsUpdate
	}
	if ro != nil {
		return s, nil
	}
	if err := s.finishErase(); err != nil { // one a crash interrupted
		db.Close()
		return nil, fmt.Errorf("finishing an erasure in %s: %w", abs, err)
	}
	if err := s.foldPending(logline); err != nil {
		// Not fatal: the file stays for the next open for writing.
		logline("recording the exports of %s: %v", pendingName, err)
	}
	if err := st.writeChecked(); err != nil {
		logline("noting the value log files read in full: %v", err)
	}
	if len(st.dangling) > 0 {
		// Left by an import a crash cut short; nothing reads them.
		if err := s.removeKeys(st.dangling); err != nil {
			logline("removing %d index entries and summaries without their record: %v", len(st.dangling), err)
		} else {
			logline("removed %d index entries and summaries without their record", len(st.dangling))
		}
	}
	if len(st.unsummed) > 0 {
		if err := s.writeKeys(st.unsummed); err != nil {
			logline("writing %d summaries of people: %v", len(st.unsummed), err)
		} else {
			logline("wrote %d summaries of people", len(st.unsummed))
		}
	}
	if n, err := s.sweepOrphanFiles(); err != nil {
		// Not fatal: the workspace works, it only keeps some dead bytes.
		logline("sweeping unused attachments: %v", err)
	} else if n > 0 {
		logline("deleted %d unused attachments", n)
	}
	if !o.NoBackup {
		s.stopped.Add(1)
		go s.autoBackup(s.now(), logline)
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

// roomToOpen checks the disk has room to open the workspace dir for
// writing: for Badger to write the memtable logs it replays to tables,
// and a compaction. When it has not, a workspace that needs nothing
// written to be read opens read-only (the error of every change matches
// ErrDiskFull); one that does is refused with an error matching
// ErrDiskFull.
func roomToOpen(dir string, st *dbState) (*readOnlyError, error) {
	free, ok := freeSpace(st.dir)
	if !ok {
		return nil, nil
	}
	need := backgroundNeed(st.memBytes, st.sstBytes)
	if free >= need {
		return nil, nil
	}
	more := megabytes(need - free)
	if st.fresh || st.hasMemLogs() || len(st.empty) > 0 || len(st.salvage) > 0 {
		return nil, &openError{fmt.Sprintf("the disk holding the workspace %s is full: %d MB more are needed to open it (%d MB free); free some space and open it again",
			dir, more, free>>20), ErrDiskFull}
	}
	return &readOnlyError{dir: dir, why: fmt.Sprintf("the disk is full (%d MB more are needed to save, %d MB free)", more, free>>20), full: true}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// refusal is the error of an open the checks refused.
func refusal(dir string, err error) error {
	var d *damage
	if errors.As(err, &d) {
		return &openError{squash(fmt.Sprintf("the workspace %s is damaged: %s; nothing was changed; %s", dir, d.what, backupHint(dir))), ErrDamaged}
	}
	return &openError{squash(fmt.Sprintf("the workspace %s cannot be read (%v)", dir, err)), ErrDamaged}
}

// backupHint says what to do about a damaged workspace in dir: restore
// its latest automatic backup, when it has one.
func backupHint(dir string) string {
	if b, ok := LatestBackup(dir); ok {
		return fmt.Sprintf("restore its latest automatic backup, made %s, with: kamdesk restore (what is there now is kept aside); or start another workspace with --data",
			b.Made.Local().Format("2006-01-02 15:04"))
	}
	return "restore it from a backup or start another workspace with --data"
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

// writeKeys writes the values of kv in batches.
func (s *Store) writeKeys(kv map[string][]byte) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	for k, v := range kv {
		if err := wb.Set([]byte(k), v); err != nil {
			return err
		}
	}
	return wb.Flush()
}

type openError struct {
	msg string
	err error
}

func (e *openError) Error() string { return e.msg }
func (e *openError) Unwrap() error { return e.err }

// squash makes s one line.
func squash(s string) string { return dossier.OneLine(s) }

// oneLine makes s one line of at most 200 bytes.
func oneLine(s string) string {
	s = dossier.OneLine(s)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
