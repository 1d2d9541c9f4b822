package store

import (
	"bytes"
	"encoding/binary"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/y"
)

// version is the newest version of a key the checks found, from a table
// or a memtable log.
type version struct {
	ts        uint64
	meta      byte
	expiresAt uint64
	value     []byte // the value, or a pointer into the value log
}

// add records an entry (key with its version) if it is the newest of its
// key so far. Badger's own keys are left out.
func (st *dbState) add(key []byte, meta byte, expiresAt uint64, value []byte) {
	k := y.ParseKey(key)
	if bytes.HasPrefix(k, []byte("!badger!")) {
		return
	}
	ts := y.ParseTs(key)
	if v, ok := st.newest[string(k)]; ok && v.ts >= ts {
		return
	}
	// A value in the table is kept only for checkRecords, which reads
	// them after a crash; a pointer into the value log is checked always.
	// (At 100,000 people the values are most of what the checks hold.)
	var keep []byte
	if st.unclean || meta&bitValuePointer != 0 {
		keep = append([]byte(nil), value...)
	}
	st.newest[string(k)] = version{ts, meta, expiresAt, keep}
}

// checkMemLogs reads the memtable logs as Badger replays them. An empty
// one is a crash's leftover (leftovers.go), unless it is the log the
// workspace last wrote to, as the LOCK file says. What a replay keeps
// goes into the newest versions; what it drops must be a write a crash
// cut short.
func (st *dbState) checkMemLogs(badger.Options) error {
	newestFid := int64(-1)
	for _, name := range st.names(".mem") {
		fid, ok := logNumber(name, ".mem")
		if !ok {
			continue
		}
		size := st.files[name].Size()
		st.unclean = true
		newestFid = max(newestFid, fid)
		if size == 0 {
			if st.lock.open && fid == st.lock.memFid {
				return damaged(nil, "its log file %s, with the latest saves, is empty", name)
			}
			st.empty = append(st.empty, name)
			continue
		}
		st.memBytes += allocated(st.files[name])
		if st.lock.open && fid == st.lock.memFid && size != st.lock.memSize {
			return damaged(nil, "its log file %s, with the latest saves, is cut short (%d of %d bytes)", name, size, st.lock.memSize)
		}
		if size < logHeaderSize {
			return damaged(nil, "its log file %s is cut short", name)
		}
		lf, err := readLogFile(st.path(name))
		if err != nil {
			return damaged(err, "its log file %s cannot be read", name)
		}
		if err := lf.useKeys(st.keys); err != nil {
			return damaged(err, "its log file %s is damaged", name)
		}
		sc := lf.scan()
		if !lf.tornTail(sc) {
			return damaged(nil, "its log file %s is damaged after byte %d", name, sc.validEnd)
		}
		for _, e := range sc.entries {
			st.add(e.key, e.meta, e.expiresAt, e.value)
		}
	}
	if st.lock.open && newestFid < st.lock.memFid {
		return damaged(nil, "its log file %05d.mem, with the latest saves, is missing", st.lock.memFid)
	}
	return nil
}

// valueLog is a value log file as the checks found it.
type valueLog struct {
	name     string
	file     *logFile // read when a value points into it
	validEnd int64    // where a read-write open truncates it (the newest only)
	newest   bool
	checked  bool // read in full before and unchanged since (checked.go)
}

// checkValueLogs looks at the value log files: their headers, and where
// Badger's open will truncate the newest one.
func (st *dbState) checkValueLogs(badger.Options) error {
	vl := st.listValueLogs()
	if vl == nil {
		return nil
	}
	lf, err := vl.read(st)
	if err != nil {
		return err
	}
	vl.validEnd = lf.scan().validEnd
	return nil
}

// listValueLogs fills st.vlogs and returns the newest value log file,
// nil when there is none.
func (st *dbState) listValueLogs() *valueLog {
	st.vlogs = map[uint32]*valueLog{}
	checked := readChecked(st.dir)
	newest := int64(-1)
	for _, name := range st.names(".vlog") {
		fid, ok := logNumber(name, ".vlog")
		if !ok || fid > int64(^uint32(0)) {
			continue
		}
		if st.files[name].Size() == 0 {
			st.empty = append(st.empty, name)
			continue
		}
		stamp, ok := checked[name]
		st.vlogs[uint32(fid)] = &valueLog{name: name, checked: ok && stamp == stampOf(st.files[name])}
		newest = max(newest, fid)
	}
	if newest < 0 {
		return nil
	}
	vl := st.vlogs[uint32(newest)]
	vl.newest, vl.checked = true, false
	return vl
}

// closeValueLogs closes the value log files the checks opened.
func (st *dbState) closeValueLogs() {
	for _, vl := range st.vlogs {
		if vl.file != nil {
			vl.file.close()
		}
	}
}

func (vl *valueLog) read(st *dbState) (*logFile, error) {
	if vl.file != nil {
		return vl.file, nil
	}
	lf, err := openLogFile(st.path(vl.name))
	if err != nil {
		return nil, damaged(err, "its value log file %s cannot be read", vl.name)
	}
	if lf.size >= logHeaderSize {
		if err := lf.useKeys(st.keys); err != nil {
			lf.close()
			return nil, damaged(err, "its value log file %s is damaged", vl.name)
		}
	}
	vl.file = lf
	return lf, nil
}

// resolve keeps the live newest versions and reads the values they point
// to in the value log, checking each: the file is there, the entry is
// whole, its checksum and key are right, and Badger's open will not cut
// it off. Values of records are kept for checkRecords after a crash.
func (st *dbState) resolve(now time.Time) error {
	st.values = map[string][]byte{}
	for key, v := range st.newest {
		if v.meta&bitDelete != 0 || (v.expiresAt != 0 && v.expiresAt <= uint64(now.Unix())) {
			delete(st.newest, key)
			continue
		}
		value := v.value
		if v.meta&bitValuePointer != 0 {
			var err error
			if value, err = st.pointed(key, v); err != nil {
				return err
			}
		}
		if st.unclean && keepValue(key) {
			st.values[key] = value
		}
	}
	return nil
}

// pointed reads the value v of key points to in the value log.
func (st *dbState) pointed(key string, v version) ([]byte, error) {
	if len(v.value) < 12 {
		return nil, damaged(nil, "the value of %q points nowhere", key)
	}
	// Badger writes a pointer as its struct in memory: native byte order.
	fid := binary.NativeEndian.Uint32(v.value[0:4])
	length := binary.NativeEndian.Uint32(v.value[4:8])
	off := int64(binary.NativeEndian.Uint32(v.value[8:12]))
	vl, ok := st.vlogs[fid]
	if !ok {
		return nil, damaged(nil, "its value log file %06d.vlog is missing", fid)
	}
	lf, err := vl.read(st)
	if err != nil {
		return nil, err
	}
	if vl.checked && (!st.unclean || !keepValue(key)) {
		if k, ok := lf.keyAt(off, length); !ok || !keyMatches(k, key, v.ts) {
			return nil, damaged(nil, "its value log file %s is damaged at byte %d", vl.name, off)
		}
		return nil, nil
	}
	e, state := lf.entryAt(off)
	switch {
	case state == entryCut:
		return nil, damaged(nil, "its value log file %s is cut short", vl.name)
	case state != entryValid || e.end-e.off != int64(length) || !bytes.Equal(y.ParseKey(e.key), []byte(key)) ||
		y.ParseTs(e.key) != v.ts:
		return nil, damaged(nil, "its value log file %s is damaged at byte %d", vl.name, off)
	case vl.newest && e.end > vl.validEnd:
		return nil, damaged(nil, "its value log file %s is damaged before byte %d", vl.name, e.end)
	}
	return e.value, nil
}

// allocated returns the disk space a file takes (a sparse file less than
// its size).
func allocated(info interface {
	Size() int64
	Sys() any
}) int64 {
	if n, ok := blocks(info); ok {
		return n
	}
	return info.Size()
}

// keepValue tells whether checkRecords needs the value of key: all but
// the bytes of attachments.
func keepValue(key string) bool { return !strings.HasPrefix(key, "file/") }
