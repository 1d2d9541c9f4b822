package store

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// removeEmptyLogs removes the empty log files a crash can leave in the
// database directory dir, so that the open after a crash never looks like
// damage. It returns the names of the files it removed.
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
// to) is damage; the checks before opening find it first.
func removeEmptyLogs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		if !isLogFile(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return removed, err
		}
		if info.Size() != 0 || !info.Mode().IsRegular() {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			return removed, err
		}
		removed = append(removed, e.Name())
	}
	if len(removed) > 0 {
		if err := syncDir(dir); err != nil {
			return removed, err
		}
	}
	return removed, nil
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
// that has the workspace open, as Badger's lock writes it. It stays after
// a crash.
const pidFile = "LOCK"

func writePidFile(dir string) error {
	return os.WriteFile(filepath.Join(dir, pidFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
}
