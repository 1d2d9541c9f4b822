package store

import (
	"os"
	"strings"
	"sync"
	"time"

	"kamdesk/dossier"
)

// Disk space. Badger writes its memtable logs, value log files and tables
// through memory maps of files it extends in advance, sparse. When the
// disk is full, the kernel cannot give a page written through such a map
// a block: the process gets SIGBUS, in whichever goroutine touched the
// page, mostly Badger's own (the writer, the memtable flush, compaction).
// Go cannot recover that: debug.SetPanicOnFault works per goroutine, and
// Badger's are not kamdesk's to set. Preallocating (fallocate) cannot
// help either: Badger creates a new log and writes to it in the same
// goroutine, and would reserve 16 MB for each memtable log and 128 MB for
// each value log file.
//
// So kamdesk never lets Badger run out. Before each change it asks the
// system for the free space (statfs) and refuses the change, with an
// error matching ErrDiskFull, unless there is room for the change and for
// what Badger may write after it in the background: a flush of the
// memtables (at most what their logs take) and a compaction (at most the
// tables, up to compactionCap), and a slack for the rest. Opening needs
// the same room less the change, or opens read-only (nothing to replay)
// or not at all (logs to replay). Another program filling the disk
// between the check and Badger's write can still cause a crash; the
// slack makes that window small.
const (
	// saveBudget is what one change is allowed to write unless it says
	// more: Badger's largest transaction is 15% of a memtable (1.2 MB of
	// keys and values, plus values kept in the value log).
	saveBudget = 1 << 20
	// spaceSlack covers the DISCARD map, the MANIFEST, LOCK, kamdesk.log,
	// page and block rounding.
	spaceSlack    = 2 << 20
	compactionCap = 64 << 20
)

// megabytes rounds n bytes up to whole megabytes.
func megabytes(n int64) int64 { return (n + 1<<20 - 1) >> 20 }

// reserve is the room Badger's background work may need in the database
// directory dir: flushing the memtables and a compaction, and the slack.
type reserve struct {
	mu   sync.Mutex
	dir  string
	at   time.Time
	size int64
}

// get returns the reserve, measured at most once a second.
func (r *reserve) get() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if time.Since(r.at) < time.Second {
		return r.size
	}
	mem, sst := dirUse(r.dir)
	r.size, r.at = backgroundNeed(mem, sst), time.Now()
	return r.size
}

func backgroundNeed(mem, sst int64) int64 {
	return mem + min(sst, compactionCap) + spaceSlack
}

// dirUse returns the disk space the memtable logs and the tables in dir
// take.
func dirUse(dir string) (mem, sst int64) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			continue
		}
		switch {
		case strings.HasSuffix(e.Name(), ".mem"):
			mem += allocated(info)
		case strings.HasSuffix(e.Name(), ".sst"):
			sst += info.Size()
		}
	}
	return mem, sst
}

// room returns an error matching ErrDiskFull when the disk has not room
// for a change that writes up to w bytes and what Badger may write after
// it.
func (s *Store) room(w int64) error {
	free, ok := freeSpace(s.dbDir())
	if !ok {
		return nil
	}
	need := w + s.reserve.get()
	if free >= need {
		return nil
	}
	return dossier.ErrAs("the disk is full: {{.More}} MB more are needed to save in {{.Path}} ({{.Free}} MB free); nothing was saved",
		map[string]any{"More": int(megabytes(need - free)), "Path": s.dir, "Free": int(free >> 20)}, ErrDiskFull)
}
