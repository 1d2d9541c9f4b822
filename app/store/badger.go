package store

import (
	"io"
	"log"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"kamdesk/dossier"
)

// Sizes of Badger's files.
const (
	memTableSize     = 8 << 20  // a memtable; its log file (.mem) is twice this, sparse
	valueLogFileSize = 64 << 20 // a value log file (.vlog) is twice this, sparse
	valueThreshold   = 64 << 10 // values this long or longer go to the value log

	// blockCacheSize is the room for decompressed blocks kept. Lists read
	// the tables from one end to the other, which no cache of a few
	// megabytes holds at 100,000 people, and a record looked up again
	// costs the decompression of one 4 KB block, microseconds: 16 MB
	// here made no list quicker (BenchmarkStart) and cost the desktop
	// about 20 MB of resident memory after start.
	blockCacheSize = 2 << 20
)

// compactAtClose is the number of level-0 tables from which a read-write
// open compacts level 0 when it closes. Every session that writes leaves
// its memtable as a new level-0 table at close, and Badger's compactors
// start up to a second after the open, so a command line run never
// compacts: without this, every command that saves leaves one more table
// and opening slows down with the workspace's age. Four keeps the cost of
// the compaction spread over several commands (TestShortSessionsKeepFewTables).
const compactAtClose = 4

// badgerOptions sizes Badger for a laptop. Badger's defaults map a 2 GB
// value log and reserve 64 MB memtables times five and a 256 MB block
// cache: sized for servers. A workspace holds megabytes, so these keep the
// resident footprint near 40 MB and the files small.
//
// Durability: SyncWrites makes every commit fsync before Update returns, so
// a save the user saw succeed survives a crash or power cut. Measured on
// the development machine (BenchmarkSaveDurability, 1 KB account records,
// medians of 5 runs of 2,000 saves, 2026-11, a 2-core Debian VM): SyncWrites on
// 0.30 ms a save; SyncWrites off plus an explicit db.Sync() 0.32 ms
// (1.05×); neither 0.028 ms (11× faster, but a crash loses the saves).
// Explicit sync costs the same and is easy to forget, so SyncWrites it is:
// a user saves a handful of records a minute.
//
// Messages: Badger's WithLoggingLevel does not set a level, it replaces
// the logger with Badger's own, which writes to stderr; so it is not
// called, and logger drops Badger's info and debug lines itself.
func badgerOptions(dir string, logw io.Writer) badger.Options {
	return badger.DefaultOptions(dir).
		WithLogger(&logger{log.New(logw, "badger ", log.LstdFlags)}).
		WithSyncWrites(true).
		WithMetricsEnabled(false).
		WithNumGoroutines(2).
		WithMemTableSize(memTableSize).
		WithNumMemtables(2).
		WithNumLevelZeroTables(2).
		WithNumLevelZeroTablesStall(8).
		WithBaseTableSize(2 << 20).
		WithBaseLevelSize(8 << 20).
		WithNumCompactors(2).
		WithValueThreshold(valueThreshold).
		WithValueLogFileSize(valueLogFileSize).
		WithBlockCacheSize(blockCacheSize).
		WithIndexCacheSize(8 << 20).
		WithCompression(options.Snappy)
}

// logger sends Badger's warnings and errors to the workspace log, never
// the terminal; it drops info and debug lines.
type logger struct{ l *log.Logger }

func (l *logger) Errorf(f string, a ...any)   { l.l.Printf("ERROR: "+f, a...) }
func (l *logger) Warningf(f string, a ...any) { l.l.Printf("WARNING: "+f, a...) }
func (l *logger) Infof(f string, a ...any)    {}
func (l *logger) Debugf(f string, a ...any)   {}

// openBadger turns a panic inside Badger on a damaged directory into an
// error.
func openBadger(opt badger.Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = dossier.Err("badger: {{.Reason}}", map[string]any{"Reason": r}, nil)
		}
	}()
	return badger.Open(opt)
}
