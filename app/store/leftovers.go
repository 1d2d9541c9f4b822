package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// removeEmptyLogs removes the empty log files a crash left in the
// database directory dir, named by the checks before opening, so that the
// open after a crash never looks like damage.
//
// Badger's log files are the write-ahead log of a memtable (NNNNN.mem)
// and the value log files (NNNNNN.vlog). A crash leaves one empty in two
// places:
//
//   - Creating one: Badger opens the file with O_CREATE, then extends it
//     to its full size with ftruncate and writes a 20-byte header through
//     a memory map. Killed in between, the file stays empty. It is the
//     newest file of its kind.
//   - Deleting one (z.MmapFile.Delete): Badger truncates the file to zero,
//     then unlinks it. Killed in between, the file stays empty. It is
//     deleted only once nothing needs it: a memtable's log after the
//     memtable was written to a table and the MANIFEST recorded that
//     table; a value log file after garbage collection moved its live
//     values, or when it holds nothing but its header.
//
// On the next open Badger's z.OpenMmapFile extends the empty file and
// returns the sentinel z.NewFile, which openMemTables and valueLog.open
// take for an error: "while opening memtables ... Create a new file"
// (dgraph-io/badger#2207; the fix proposed in #2331, not merged, skips
// empty files). The open after that one succeeds, because the failed one
// extended the file.
//
// Removing an empty file loses nothing:
//
//   - It holds no byte, so no save is only in it: a save is acknowledged
//     after its entry was copied into the mapped file and synced, which
//     needs the ftruncate first, and a file is truncated for deletion
//     only when its content is elsewhere or garbage.
//   - Nothing names a memtable's log by its number: the MANIFEST lists
//     tables, and Badger numbers the next memtable after the highest .mem
//     present.
//   - Value pointers name value log files by number. Badger numbers a new
//     value log file after the highest one present, so removing an empty
//     file that is not the newest frees a number that is never given
//     again; removing an empty newest one lets Badger create that number
//     again, and no pointer can name it: a pointer is written only after
//     its value was copied into the file, which needs the ftruncate.
//
// An empty file that a crash cannot leave (the log of the memtable in use
// when the workspace was last open, a value log file live values point
// to) is damage; the checks before opening report it and remove nothing.
// An empty table file is a crash's leftover too (Badger creates a table
// file the same way), not listed in the MANIFEST; it goes the same way.
func removeEmptyLogs(dir string, names []string) error {
	for _, name := range names {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	if len(names) == 0 {
		return nil
	}
	return syncDir(dir)
}

// isLogFile tells whether name is a memtable log or value log file.
func isLogFile(name string) bool {
	_, mem := logNumber(name, ".mem")
	_, vlog := logNumber(name, ".vlog")
	return mem || vlog
}

// logNumber parses the number of a log file named NNNNN<ext>.
func logNumber(name, ext string) (int64, bool) {
	num, ok := strings.CutSuffix(name, ext)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(num, 10, 64)
	return n, err == nil && n >= 0
}

// syncDir makes the removal or creation of files in dir durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil && !isUnsupported(err) {
		return err
	}
	return nil
}

// pidFile is the file in the database directory that names the process
// that has the workspace open, as Badger's lock writes it; kamdesk adds
// what it knows of the session (lockRecord). It stays after a crash.
const pidFile = "LOCK"

// lockRecord is what the LOCK file says of the session that last had the
// workspace open. Before Badger opens, kamdesk writes "opening"; once
// open, "open N SIZE", N the number of the memtable log Badger writes to
// and SIZE its size, which it keeps while in use; before closing,
// "closing"; once closed it removes the file. After a crash in an open
// session, that log must be there at that size, or a later one: a log
// deleted or cut short leaves no other trace.
type lockRecord struct {
	open    bool  // the session had the workspace open, not opening or closing
	memFid  int64 // the memtable log in use
	memSize int64 // its size
}

func readLockRecord(path string) lockRecord {
	b, err := os.ReadFile(path)
	if err != nil {
		return lockRecord{}
	}
	for _, line := range strings.Split(string(b), "\n") {
		var r lockRecord
		if n, err := fmt.Sscanf(line, "open %d %d", &r.memFid, &r.memSize); err == nil && n == 2 &&
			r.memFid >= 0 && r.memSize > 0 && line == fmt.Sprintf("open %d %d", r.memFid, r.memSize) {
			r.open = true
			return r
		}
	}
	return lockRecord{}
}

// writeLockRecord writes the pid file with state ("open N", "closing")
// and syncs it.
func writeLockRecord(dir, state string) error {
	f, err := os.OpenFile(filepath.Join(dir, pidFile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "%d\n%s\n", os.Getpid(), state)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// activeMemLog returns the record of the newest memtable log in dir: the
// one Badger writes to after opening.
func activeMemLog(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	top, size := int64(-1), int64(0)
	for _, e := range entries {
		if fid, ok := logNumber(e.Name(), ".mem"); ok && fid > top {
			info, err := e.Info()
			if os.IsNotExist(err) {
				continue // a replayed log, written to a table and deleted meanwhile
			}
			if err != nil {
				return "", err
			}
			top, size = fid, info.Size()
		}
	}
	if top < 0 {
		return "opened", nil // no log: Badger did not make one (read-only)
	}
	return fmt.Sprintf("open %d %d", top, size), nil
}

// salvageDir is where files Badger would delete on opening, though they
// are not known to be garbage, are moved instead: tables the MANIFEST
// does not list, a damaged KEYREGISTRY. Nothing reads them again.
const salvageDir = "salvage"

// moveAside moves the files named in the database directory dir to
// DIR/salvage/<time>/, DIR being the workspace.
func moveAside(dir string, names []string, now time.Time) (string, error) {
	to := filepath.Join(filepath.Dir(dir), salvageDir, now.UTC().Format("20060102T150405.000000000Z"))
	if err := os.MkdirAll(to, 0o700); err != nil {
		return "", err
	}
	for _, name := range names {
		if err := os.Rename(filepath.Join(dir, name), filepath.Join(to, name)); err != nil {
			return "", err
		}
	}
	return to, syncDir(dir)
}
