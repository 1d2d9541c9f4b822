package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/fb"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
	"github.com/dgraph-io/ristretto/v2"

	"kamdesk/dossier"
)

// The checks before opening. Badger's Open changes files as it goes: it
// truncates the MANIFEST after its last whole record, deletes the tables
// the MANIFEST does not list, replays each memtable log and truncates it
// where the replay stopped, truncates the newest value log file likewise,
// creates files. On a damaged directory that destroys data (a missing
// MANIFEST made every table go) and, when Badger then fails, leaves the
// directory changed. Badger also panics on some damage, in goroutines
// where no recover reaches.
//
// So Open first reads every file Badger will read, the way Badger reads
// it, without writing anything: the MANIFEST, every table in full (block
// checksums, every key), the memtable logs, and the value log entries the
// newest version of each key points to. Only when everything Badger would
// keep is whole, and everything it would drop or delete is a crash's
// leftover, does Badger open the directory.

// damage is what the checks found wrong, in words for the user (what, a
// message the user interfaces translate: dossier.Err's, without an error
// beneath it) and the detail for the log (err).
type damage struct {
	what error
	err  error
}

func (d *damage) Error() string {
	if d.err == nil {
		return d.what.Error()
	}
	return d.what.Error() + ": " + d.err.Error()
}

// damaged returns the damage what says, err its detail (or nil).
func damaged(err error, what error) *damage {
	return &damage{what, err}
}

// errNeedsWrite reports a workspace that can be read only after a repair
// (a crash's leftovers to remove, a memtable log to replay), in a place
// where kamdesk cannot write.
var errNeedsWrite = errors.New("needs repair")

// dbState is a database directory as the checks found it.
type dbState struct {
	dir     string
	files   map[string]os.FileInfo
	fresh   bool // no MANIFEST and no data: a new workspace
	unclean bool // not closed by kamdesk: a LOCK or memtable logs are left
	trusted bool // as kamdesk closed it, and not read again (closed.go)
	lock    lockRecord

	manifest badger.Manifest
	keys     dataKeys // of an encrypted workspace, from its key registry
	vlogs    map[uint32]*valueLog
	newest   map[string]version // the newest version of every key
	values   map[string][]byte  // the value of every live record key

	orphans  []orphan // tables the MANIFEST does not list
	empty    []string // empty log files to remove before opening (leftovers.go)
	salvage  []string // files to move aside before opening (salvage.go)
	dangling [][]byte // index entries and summaries without their record, removed after opening
	// unsummed holds the summaries to write after opening, by key: of
	// records without their summary or with an outdated one (an import
	// a crash cut short).
	unsummed map[string][]byte

	memBytes, sstBytes int64 // disk space the memtable logs and tables take
}

// checkDB checks the database directory dir for opening with the Badger
// options opt. It writes nothing. It returns a *damage when Badger would
// lose or misread data, and errNeedsWrite (wrapped) when the directory
// must be repaired first and readOnly says it cannot be.
func checkDB(dir string, opt badger.Options, readOnly bool, now time.Time) (*dbState, error) {
	st := &dbState{dir: dir, files: map[string]os.FileInfo{}, newest: map[string]version{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		st.files[e.Name()] = info
	}
	if _, ok := st.files[badger.ManifestFilename]; !ok {
		for name, info := range st.files {
			if strings.HasSuffix(name, ".sst") || (isLogFile(name) && info.Size() > 0) {
				return nil, damaged(nil, dossier.Err("its MANIFEST file, the list of its tables, is missing", nil, nil))
			}
		}
		st.fresh = true
		return st, nil
	}
	if _, ok := st.files[pidFile]; ok {
		st.unclean = true
		st.lock = readLockRecord(filepath.Join(dir, pidFile))
	}
	// Memory table logs left are a crash's too (checkMemLogs). Known
	// before the tables are read: only then are their values kept.
	st.unclean = st.unclean || len(st.names(".mem")) > 0
	if !st.unclean && st.closedUnchanged() {
		// As a clean close left it (closed.go): the key registry still
		// says whether the passphrase is right, and, for an open that
		// writes, the MANIFEST how many tables level 0 holds
		// (compactAtClose); one that reads leaves it to Badger, which
		// wrote it (a replay costs about 2 ms once it lists a few hundred
		// changes). Every value log file is as one read in full
		// (writeChecked).
		st.trusted = true
		for _, name := range st.names(".sst") {
			st.sstBytes += st.files[name].Size()
		}
		st.listValueLogs()
		if !readOnly {
			if err := st.checkManifest(opt); err != nil {
				return nil, err
			}
		}
		return st, st.checkKeyRegistry(opt)
	}
	defer st.closeValueLogs()
	steps := []func(badger.Options) error{
		st.checkManifest, st.checkKeyRegistry, st.checkTables, st.checkMemLogs, st.checkOrphans, st.checkValueLogs,
	}
	for _, step := range steps {
		if err := step(opt); err != nil {
			return nil, err
		}
	}
	if err := st.resolve(now); err != nil {
		return nil, err
	}
	if st.unclean {
		if err := st.checkRecords(); err != nil {
			return nil, err
		}
	}
	if readOnly && (st.hasMemLogs() || len(st.empty) > 0 || len(st.salvage) > 0) {
		return nil, dossier.ErrAs("kamdesk was not closed properly on it", nil, errNeedsWrite)
	}
	return st, nil
}

// dataKeys are the data keys of an encrypted workspace's key registry,
// by ID: the tables and logs name the one that encrypts them.
type dataKeys map[uint64]*pb.DataKey

func (st *dbState) path(name string) string { return filepath.Join(st.dir, name) }

// names returns the names of the files whose names end in ext, sorted.
func (st *dbState) names(ext string) []string {
	var names []string
	for name := range st.files {
		if strings.HasSuffix(name, ext) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func (st *dbState) hasMemLogs() bool {
	for _, name := range st.names(".mem") {
		if st.files[name].Size() > 0 {
			return true
		}
	}
	return false
}

// checkKeyRegistry reads the KEYREGISTRY. In a workspace without
// encryption (kamdesk's) it holds no key, only a header; a damaged one is
// moved aside and Badger writes a new one.
func (st *dbState) checkKeyRegistry(opt badger.Options) error {
	if len(opt.EncryptionKey) > 0 {
		// In an encrypted workspace it holds the data keys: without it,
		// or with the wrong key, nothing can be read.
		if _, ok := st.files[badger.KeyRegistryFileName]; !ok {
			return damaged(nil, dossier.Err("its KEYREGISTRY file, which holds the encryption keys, is missing", nil, nil))
		}
		kr, err := badger.OpenKeyRegistry(badger.KeyRegistryOptions{Dir: st.dir, ReadOnly: true,
			EncryptionKey: opt.EncryptionKey, EncryptionKeyRotationDuration: opt.EncryptionKeyRotationDuration})
		if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
			return err
		}
		if err != nil {
			return damaged(err, dossier.Err("its KEYREGISTRY file, which holds the encryption keys, is damaged", nil, nil))
		}
		defer kr.Close()
		// The data keys are numbered from 1, one after the other.
		st.keys = dataKeys{}
		for id := uint64(1); ; id++ {
			dk, err := kr.DataKey(id)
			if err != nil || dk == nil {
				break
			}
			st.keys[id] = dk
		}
		return nil
	}
	if _, ok := st.files[badger.KeyRegistryFileName]; !ok {
		return nil
	}
	kr, err := badger.OpenKeyRegistry(badger.KeyRegistryOptions{Dir: st.dir, ReadOnly: true})
	if err != nil {
		st.salvage = append(st.salvage, badger.KeyRegistryFileName)
		return nil
	}
	return kr.Close()
}

// checkTables reads every table the MANIFEST lists, in full, and every
// table file it does not list. It is most of what opening costs on a big
// workspace: at 5,000 accounts and 100,000 people (87 MB of tables) a
// whole open takes 0.5 s and allocates 330 MB (BenchmarkOpen, 2 cores),
// where reading each block twice and keeping every value took 0.9 s and
// 890 MB.
func (st *dbState) checkTables(opt badger.Options) error {
	listed := map[string]bool{}
	levels := map[uint8][]tableRange{}
	// Room for the keys at once: a table holds a key every 200 bytes or
	// so, and growing the map of 400,000 keys step by step costs a tenth
	// of reading them.
	var size int64
	for id := range st.manifest.Tables {
		if info, ok := st.files[table.IDToFilename(id)]; ok {
			size += info.Size()
		}
	}
	st.newest = make(map[string]version, size/256)
	for id, tm := range st.manifest.Tables {
		name := table.IDToFilename(id)
		listed[name] = true
		info, ok := st.files[name]
		if !ok {
			return damaged(nil, dossier.Err("its table file {{.File}} is missing", map[string]any{"File": name}, nil))
		}
		st.sstBytes += info.Size()
		var dk *pb.DataKey
		if tm.KeyID != 0 {
			if dk = st.keys[tm.KeyID]; dk == nil {
				return damaged(nil, dossier.Err("its table file {{.File}} names an encryption key the workspace does not have", map[string]any{"File": name}, nil))
			}
		}
		r, err := readTable(st.path(name), id, tm.Compression, dk, opt, func(key []byte, vs y.ValueStruct) {
			st.add(key, vs.Meta, vs.ExpiresAt, vs.Value)
		})
		if err != nil {
			return damaged(err, dossier.Err("its table file {{.File}} is damaged", map[string]any{"File": name}, nil))
		}
		levels[tm.Level] = append(levels[tm.Level], r)
	}
	for level, rs := range levels {
		if err := checkLevel(level, rs); err != nil {
			return err
		}
	}
	for _, name := range st.names(".sst") {
		if !listed[name] {
			if err := st.checkOrphan(name, opt); err != nil {
				return err
			}
		}
	}
	return nil
}

// tableRange is the key range of a table.
type tableRange struct {
	name              string
	smallest, biggest []byte
}

// checkLevel checks what Badger's levelHandler.validate checks after it
// has changed files: the tables of a level below the first do not
// overlap.
func checkLevel(level uint8, rs []tableRange) error {
	if level == 0 {
		return nil
	}
	sort.Slice(rs, func(i, j int) bool { return y.CompareKeys(rs[i].smallest, rs[j].smallest) < 0 })
	for i := range rs {
		if y.CompareKeys(rs[i].smallest, rs[i].biggest) > 0 ||
			(i > 0 && y.CompareKeys(rs[i-1].biggest, rs[i].smallest) >= 0) {
			return damaged(nil, dossier.Err("its tables {{.File}} and the MANIFEST do not agree", map[string]any{"File": rs[i].name}, nil))
		}
	}
	return nil
}

// readTable reads the table file at path in full, checking every block's
// checksum, and calls each for every entry. A panic in Badger's table code
// (it has some on files cut short) is an error here. The file is read
// into memory, not mapped: nothing Badger's table code does can change
// it.
func readTable(path string, id uint64, c options.CompressionType, dk *pb.DataKey, opt badger.Options,
	each func(key []byte, vs y.ValueStruct)) (r tableRange, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = dossier.Err("reading the table: {{.Reason}}", map[string]any{"Reason": oneLine(fmt.Sprint(p))}, nil)
		}
	}()
	data, err := os.ReadFile(path)
	if err != nil {
		return r, err
	}
	if len(data) == 0 {
		return r, errors.New("the file is empty")
	}
	// Each block's checksum is checked as the iterator reads it: once,
	// where VerifyChecksum and then the iteration would decompress every
	// block twice.
	topt := table.Options{ReadOnly: true, ChkMode: options.OnBlockRead, BlockSize: opt.BlockSize,
		BloomFalsePositive: opt.BloomFalsePositive, Compression: c, DataKey: dk}
	if dk != nil {
		// Badger keeps the decrypted index of an encrypted table in a
		// cache, and has none without one.
		cache, err := ristretto.NewCache(&ristretto.Config[uint64, *fb.TableIndex]{
			NumCounters: 1000, MaxCost: 64 << 20, BufferItems: 64})
		if err != nil {
			return r, err
		}
		defer cache.Close()
		topt.IndexCache = cache
	}
	t, err := table.OpenInMemoryTable(data, id, &topt)
	if err != nil {
		return r, err
	}
	it := t.NewIterator(0)
	defer it.Close()
	var n uint32
	for it.Rewind(); it.Valid(); it.Next() {
		each(it.Key(), it.Value()) // each copies what it keeps
		n++
	}
	// A block that does not read (its checksum is wrong) ends the
	// iteration early.
	if n != t.KeyCount() {
		return r, dossier.Err("{{.Count}} of its {{.Total}} entries read", map[string]any{"Count": n, "Total": t.KeyCount()}, nil)
	}
	return tableRange{filepath.Base(path), t.Smallest(), t.Biggest()}, nil
}

// checkOrphan reads a table file the MANIFEST does not list, which
// Badger deletes on opening; checkOrphans decides about it once the
// newest versions of the listed tables and the logs are known.
func (st *dbState) checkOrphan(name string, opt badger.Options) error {
	if st.files[name].Size() == 0 {
		st.empty = append(st.empty, name)
		return nil
	}
	id, _ := table.ParseFileID(name)
	o := orphan{name: name}
	// A table the MANIFEST does not list does not say which key encrypts
	// it: it is read with each key the workspace has, newest first.
	tries := []*pb.DataKey{nil}
	if len(st.keys) > 0 {
		tries = nil
		for id := uint64(len(st.keys)); id >= 1; id-- {
			tries = append(tries, st.keys[id])
		}
	}
	var err error
	for _, dk := range tries {
		o.entries = nil
		_, err = readTable(st.path(name), id, opt.Compression, dk, opt, func(key []byte, vs y.ValueStruct) {
			o.entries = append(o.entries, orphanEntry{string(y.ParseKey(key)), y.ParseTs(key), vs.Meta})
		})
		if err == nil {
			break
		}
	}
	if err != nil {
		o.entries = nil // incomplete: a table being written when a crash came
	}
	st.orphans = append(st.orphans, o)
	return nil
}

// orphan is a table file the MANIFEST does not list, and its entries.
type orphan struct {
	name    string
	entries []orphanEntry
}

type orphanEntry struct {
	key  string
	ts   uint64
	meta byte
}

// checkOrphans decides about the tables the MANIFEST does not list. A
// crash leaves one when it comes while a memtable is written to a table
// (its entries are still in the memtable's log), while tables are merged
// (the merged tables are still listed), or after a merge, before the
// merged-away tables are deleted (what they hold is in the merged table,
// or older than what is). Either way every entry has a version as new or
// newer elsewhere, or is a deletion of a key found nowhere else; or the
// file is incomplete. Such a file is moved aside, not deleted. A table
// holding the newest version of a key means the MANIFEST lost records:
// damage.
func (st *dbState) checkOrphans(badger.Options) error {
	for _, o := range st.orphans {
		for _, e := range o.entries {
			if bytes.HasPrefix([]byte(e.key), []byte("!badger!")) {
				continue
			}
			v, ok := st.newest[e.key]
			if ok && v.ts >= e.ts || !ok && e.meta&bitDelete != 0 {
				continue
			}
			return damaged(nil, dossier.Err("its table file {{.File}} is not in the MANIFEST, which looks older than the tables", map[string]any{"File": o.name}, nil))
		}
		st.salvage = append(st.salvage, o.name)
	}
	return nil
}
