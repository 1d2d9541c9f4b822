package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/y"

	"kamdesk/dossier"
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
				return damaged(nil, dossier.Err("its log file {{.File}}, with the latest saves, is empty", map[string]any{"File": name}, nil))
			}
			st.empty = append(st.empty, name)
			continue
		}
		st.memBytes += allocated(st.files[name])
		if st.lock.open && fid == st.lock.memFid && size != st.lock.memSize {
			return damaged(nil, dossier.Err("its log file {{.File}}, with the latest saves, is cut short ({{.Count}} of {{.Total}} bytes)",
				map[string]any{"File": name, "Count": int(size), "Total": int(st.lock.memSize)}, nil))
		}
		if size < logHeaderSize {
			return damaged(nil, dossier.Err("its log file {{.File}} is cut short", map[string]any{"File": name}, nil))
		}
		lf, err := readLogFile(st.path(name))
		if err != nil {
			return damaged(err, dossier.Err("its log file {{.File}} cannot be read", map[string]any{"File": name}, nil))
		}
		if err := lf.useKeys(st.keys); err != nil {
			return damaged(err, dossier.Err("its log file {{.File}} is damaged", map[string]any{"File": name}, nil))
		}
		sc := lf.scan()
		if !lf.tornTail(sc) {
			return damaged(nil, dossier.Err("its log file {{.File}} is damaged after byte {{.Offset}}", map[string]any{"File": name, "Offset": int(sc.validEnd)}, nil))
		}
		for _, e := range sc.entries {
			st.add(e.key, e.meta, e.expiresAt, e.value)
		}
	}
	if st.lock.open && newestFid < st.lock.memFid {
		return damaged(nil, dossier.Err("its log file {{.File}}, with the latest saves, is missing", map[string]any{"File": fmt.Sprintf("%05d.mem", st.lock.memFid)}, nil))
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
		return nil, damaged(err, dossier.Err("its value log file {{.File}} cannot be read", map[string]any{"File": vl.name}, nil))
	}
	if lf.size >= logHeaderSize {
		if err := lf.useKeys(st.keys); err != nil {
			lf.close()
			return nil, damaged(err, dossier.Err("its value log file {{.File}} is damaged", map[string]any{"File": vl.name}, nil))
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
		return nil, damaged(nil, dossier.Err("the value of {{.Key}} points nowhere", map[string]any{"Key": strconv.Quote(key)}, nil))
	}
	// Badger writes a pointer as its struct in memory: native byte order.
	fid := binary.NativeEndian.Uint32(v.value[0:4])
	length := binary.NativeEndian.Uint32(v.value[4:8])
	off := int64(binary.NativeEndian.Uint32(v.value[8:12]))
	vl, ok := st.vlogs[fid]
	if !ok {
		return nil, damaged(nil, dossier.Err("its value log file {{.File}} is missing", map[string]any{"File": fmt.Sprintf("%06d.vlog", fid)}, nil))
	}
	lf, err := vl.read(st)
	if err != nil {
		return nil, err
	}
	if vl.checked && (!st.unclean || !keepValue(key)) {
		if k, ok := lf.keyAt(off, length); !ok || !keyMatches(k, key, v.ts) {
			return nil, damaged(nil, dossier.Err("its value log file {{.File}} is damaged at byte {{.Offset}}", map[string]any{"File": vl.name, "Offset": int(off)}, nil))
		}
		return nil, nil
	}
	e, state := lf.entryAt(off)
	switch {
	case state == entryCut:
		return nil, damaged(nil, dossier.Err("its value log file {{.File}} is cut short", map[string]any{"File": vl.name}, nil))
	case state != entryValid || e.end-e.off != int64(length) || !bytes.Equal(y.ParseKey(e.key), []byte(key)) ||
		y.ParseTs(e.key) != v.ts:
		return nil, damaged(nil, dossier.Err("its value log file {{.File}} is damaged at byte {{.Offset}}", map[string]any{"File": vl.name, "Offset": int(off)}, nil))
	case vl.newest && e.end > vl.validEnd:
		return nil, damaged(nil, dossier.Err("its value log file {{.File}} is damaged before byte {{.Offset}}", map[string]any{"File": vl.name, "Offset": int(e.end)}, nil))
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
