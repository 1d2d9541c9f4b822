package store

import (
	"cmp"
	"encoding/json"
	"hash/crc32"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// The checks before opening read every table in full: on a workspace of
// 100,000 people (87 MB of tables) 0.7 s of CPU at every open, most of
// what `kamdesk account list` costs. Yet a workspace kamdesk closed
// properly is, until something else writes to it, exactly what Badger
// left: the checks would find what they found before.
//
// So after a clean close kamdesk notes in DIR/kamdesk.closed every file
// of the database: its size, its modification time and a CRC-32C of its
// bytes (28 ms for those 87 MB). The next open that finds no LOCK, no
// memtable log and every file as noted (the same names, sizes and times,
// the same CRCs: a byte flipped with the time put back is found) skips
// the reading of the tables and of the value log. Anything else (a
// crash, a file changed, added or missing, a note that does not read)
// takes the full checks. A read-write open deletes the note before Badger
// opens, so a note is never older than the files it describes.
//
// The value log files that kamdesk.checked lists as read in full are
// noted without a CRC, for the reason checked.go gives (they hold the
// attachments and can be hundreds of megabytes, and they are trusted by
// size and time at a full check too): such a file is the same for both
// kinds of open.
const closedName = "kamdesk.closed"

// closedFile is a file as a clean close left it.
type closedFile struct {
	fileStamp
	CRC uint32 `json:"crc"` // CRC-32C of the whole file
	// Checked is set, and CRC not, for a value log file kamdesk.checked
	// lists with this stamp.
	Checked bool `json:"checked,omitempty"`
}

func closedPath(dbDir string) string { return filepath.Join(filepath.Dir(dbDir), closedName) }

// (It reads into buf itself: io.CopyBuffer hands an *os.File's copy to
// its WriteTo, which ignores buf and takes a buffer of its own.)
func fileCRC(path string, buf []byte) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var crc uint32
	for {
		n, err := f.Read(buf)
		crc = crc32.Update(crc, castagnoli, buf[:n])
		if err == io.EOF {
			return crc, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// crcBuffer is the size of the buffer each reader of fileCRC uses: new
// memory costs the process a page fault a page (13 µs each on the
// development machine), more than a read of 32 KB more or less.
const crcBuffer = 32 << 10

// crcsMatch tells whether every file has the CRC noted for it, reading
// them on as many goroutines as there are cores (at most four): at
// 100,000 people the tables are 87 MB, and reading them one after the
// other was about 30 ms of every command.
func (st *dbState) crcsMatch(files map[string]uint32) bool {
	names := slices.SortedFunc(maps.Keys(files), func(a, b string) int {
		return cmp.Compare(st.files[b].Size(), st.files[a].Size()) // the largest first
	})
	var (
		next     atomic.Int64
		mismatch atomic.Bool
		wg       sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), 4, len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, crcBuffer)
			for !mismatch.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				if crc, err := fileCRC(st.path(names[i]), buf); err != nil || crc != files[names[i]] {
					mismatch.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	return !mismatch.Load()
}

// writeClosed notes the files of the database in dbDir, which Badger has
// just closed cleanly.
func writeClosed(dbDir string) error {
	entries, err := os.ReadDir(dbDir)
	if err != nil {
		return err
	}
	files := map[string]closedFile{}
	checked := readChecked(dbDir)
	buf := make([]byte, crcBuffer)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			continue // not Badger's: the full checks decide about it
		}
		f := closedFile{fileStamp: stampOf(info)}
		if stamp, ok := checked[e.Name()]; ok && stamp == f.fileStamp && strings.HasSuffix(e.Name(), ".vlog") {
			f.Checked = true
		} else if f.CRC, err = fileCRC(filepath.Join(dbDir, e.Name()), buf); err != nil {
			return err
		}
		files[e.Name()] = f
	}
	b, err := json.Marshal(files)
	if err != nil {
		return err
	}
	path := closedPath(dbDir)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// removeClosed deletes the note before the database changes, and makes
// the deletion durable: after a power cut a note must not come back to
// describe files that changed.
func removeClosed(dbDir string) error {
	err := os.Remove(closedPath(dbDir))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return syncDir(filepath.Dir(dbDir))
}

// closedUnchanged tells whether every file of the database is as the
// note of the last clean close says.
func (st *dbState) closedUnchanged() bool {
	b, err := os.ReadFile(closedPath(st.dir))
	if err != nil {
		return false
	}
	var noted map[string]closedFile
	if json.Unmarshal(b, &noted) != nil || len(noted) != len(st.files) {
		return false
	}
	checked := readChecked(st.dir)
	crcs := map[string]uint32{}
	for name, info := range st.files {
		f, ok := noted[name]
		if !ok || !info.Mode().IsRegular() || f.fileStamp != stampOf(info) {
			return false
		}
		if f.Checked {
			if stamp, ok := checked[name]; !ok || stamp != f.fileStamp || !strings.HasSuffix(name, ".vlog") {
				return false
			}
		} else {
			crcs[name] = f.CRC
		}
	}
	return st.crcsMatch(crcs)
}
