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
		return nil, dossier.Err("workspace {{.Path}}", map[string]any{"Path": dir}, err)
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
		ro = &readOnlyError{dir: abs, why: dossier.Err("it was opened for reading only", nil, nil), chosen: true}
	}
	if ro == nil {
		if err := recoverSwap(abs); err != nil { // an encryption a crash interrupted
			return nil, dossier.Err("finishing the encryption of {{.Path}}", map[string]any{"Path": abs}, err)
		}
	}
	key, err := workspaceKey(abs, o.Passphrase)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", abs, err)
	}
	if ro == nil {
		if err := os.MkdirAll(dbDir, 0o700); err != nil {
			return nil, dossier.Err("cannot create the workspace {{.Path}}", map[string]any{"Path": abs}, err)
		}
	} else if _, err := os.Stat(dbDir); err != nil {
		return nil, dossier.ErrAs("there is no workspace in {{.Path}} (and {{.Why}})", map[string]any{"Path": abs, "Why": ro.why}, ErrReadOnly)
	}
	lock, err := lockDir(dbDir, ro != nil)
	if errors.Is(err, errInUse) {
		return nil, alreadyOpen(abs)
	}
	if err != nil {
		return nil, dossier.Err("cannot open the workspace {{.Path}}", map[string]any{"Path": abs}, err)
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
			return nil, dossier.Err("cannot write in the workspace {{.Path}}", map[string]any{"Path": abs}, err)
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
		return nil, wrongPassphrase(abs)
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
		return nil, dossier.ErrAs("the workspace {{.Path}} cannot be opened where it is: {{.Reason}}, and opening it needs a repair, but {{.Why}}; copy the folder to a place kamdesk can write to and open the copy",
			map[string]any{"Path": abs, "Reason": reasonOf(err), "Why": ro.why}, ErrReadOnly)
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
			return nil, dossier.Err("cannot open the workspace {{.Path}}", map[string]any{"Path": abs}, err)
		}
		if err := removeClosed(dbDir); err != nil {
			return nil, dossier.Err("cannot write in the workspace {{.Path}}", map[string]any{"Path": abs}, err)
		}
		if ownLock {
			// Badger's open replays and truncates the logs: what LOCK said
			// of them is no longer to be checked.
			if err := writeLockRecord(dbDir, "opening"); err != nil {
				return nil, dossier.Err("cannot write in the workspace {{.Path}}", map[string]any{"Path": abs}, err)
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
			return nil, wrongPassphrase(abs)
		case strings.Contains(msg, "Another process is using this Badger database"):
			return nil, alreadyOpen(abs)
		case strings.Contains(msg, "permission denied"):
			return nil, dossier.Err("cannot open the workspace {{.Path}}", map[string]any{"Path": abs}, errors.New("permission denied"))
		default:
			return nil, dossier.ErrAs("the workspace {{.Path}} cannot be read, it looks damaged ({{.Reason}}); {{.Hint}}",
				map[string]any{"Path": abs, "Reason": oneLine(msg), "Hint": backupHint(abs)}, ErrDamaged)
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
			return nil, dossier.Err("cannot write in the workspace {{.Path}}", map[string]any{"Path": abs}, err)
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
	if ro != nil && ro.chosen && (s.erasing() || s.importing()) {
		db.Close()
		return nil, errNeedsUpdate
	}
	if ro != nil {
		return s, nil
	}
	if err := s.finishErase(); err != nil { // one a crash interrupted
		db.Close()
		return nil, dossier.Err("finishing an erasure in {{.Path}}", map[string]any{"Path": abs}, err)
	}
	if err := s.undoImport(); err != nil { // one a crash cut short
		db.Close()
		return nil, dossier.Err("undoing an import in {{.Path}}", map[string]any{"Path": abs}, err)
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
	s.sweepOrphans(logline)
	if !o.NoBackup {
		s.stopped.Add(1)
		go s.backupLoop(s.now(), logline)
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
	more, freeMB := int(megabytes(need-free)), int(free>>20)
	if st.fresh || st.hasMemLogs() || len(st.empty) > 0 || len(st.salvage) > 0 {
		return nil, dossier.ErrAs("the disk holding the workspace {{.Path}} is full: {{.More}} MB more are needed to open it ({{.Free}} MB free); free some space and open it again",
			map[string]any{"Path": dir, "More": more, "Free": freeMB}, ErrDiskFull)
	}
	why := dossier.Err("the disk is full ({{.More}} MB more are needed to save, {{.Free}} MB free)", map[string]any{"More": more, "Free": freeMB}, nil)
	return &readOnlyError{dir: dir, why: why, full: true}, nil
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// refusal is the error of an open the checks refused, one line.
func refusal(dir string, err error) error {
	var d *damage
	if errors.As(err, &d) {
		return dossier.ErrAs("the workspace {{.Path}} is damaged: {{.What}}; nothing was changed; {{.Hint}}",
			map[string]any{"Path": squash(dir), "What": reasonOf(d.what), "Hint": backupHint(dir)}, ErrDamaged)
	}
	return unreadable(dir, err)
}

// unreadable is the error of a workspace in dir that cannot be read for
// err, which is not a damage the checks describe; one line.
func unreadable(dir string, err error) error {
	return dossier.ErrAs("the workspace {{.Path}} cannot be read ({{.Reason}})", map[string]any{"Path": squash(dir), "Reason": reasonOf(err)}, ErrDamaged)
}

// alreadyOpen is the error of an open of the workspace in dir that
// another process has open.
func alreadyOpen(dir string) error {
	return dossier.ErrAs("kamdesk is already open on {{.Path}}", map[string]any{"Path": dir}, ErrLocked)
}

// wrongPassphrase is the error of an open of the workspace in dir with
// the wrong passphrase.
func wrongPassphrase(dir string) error {
	return dossier.ErrAs("{{.Path}}: the passphrase is wrong", map[string]any{"Path": dir}, ErrWrongPassphrase)
}

// backupHint says what to do about a damaged workspace in dir: restore
// its latest automatic backup, when it has one. It is a message, a
// sentence of another (no error beneath it).
func backupHint(dir string) error {
	if b, ok := LatestBackup(dir); ok {
		return dossier.Err("restore its latest automatic backup, made {{.Made}}, with: kamdesk restore (what is there now is kept aside); or start another workspace with --data",
			map[string]any{"Made": b.Made.Local().Format("2006-01-02 15:04")}, nil)
	}
	return dossier.Err("restore it from a backup or start another workspace with --data", nil, nil)
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

// squash makes s one line.
func squash(s string) string { return dossier.OneLine(s) }

// reasonOf returns err as a value of a message's data: err itself, which
// the user interfaces translate, when its words are one line; else its
// words made one line.
func reasonOf(err error) any {
	if s := err.Error(); s != squash(s) {
		return squash(s)
	}
	return err
}

// oneLine makes s one line of at most 200 bytes.
func oneLine(s string) string {
	s = dossier.OneLine(s)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
