package store

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/dgraph-io/badger/v4/y"
)

// Reading every value of the value log at each open costs about 5 ms a
// megabyte of attachments: a second for 200 MB. But a value log file
// other than the newest is never written again (Badger appends to the
// newest, and garbage collection writes a new one and deletes the old).
// So after a read-write open, kamdesk notes in DIR/kamdesk.checked the
// size and modification time of the older files it has read in full;
// while a file still has both, the next opens check each pointer into it
// against the entry's header and key, not its every byte. Damage that
// leaves size and time alone (a failing disk) is then found when the
// value is read: Badger checks each value's checksum, an error, not
// wrong data.
const checkedName = "kamdesk.checked"

// fileStamp is what says a file has not changed.
type fileStamp struct {
	Size  int64 `json:"size"`
	MTime int64 `json:"mtime"` // Unix nanoseconds
}

func stampOf(info os.FileInfo) fileStamp {
	return fileStamp{info.Size(), info.ModTime().UnixNano()}
}

// readChecked returns what DIR/kamdesk.checked says of the value log
// files; nothing when it is missing or does not read.
func readChecked(dbDir string) map[string]fileStamp {
	var m map[string]fileStamp
	b, err := os.ReadFile(filepath.Join(filepath.Dir(dbDir), checkedName))
	if err != nil || json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}

// writeChecked notes the value log files other than the newest as read
// in full.
func (st *dbState) writeChecked() error {
	m := map[string]fileStamp{}
	for _, vl := range st.vlogs {
		if !vl.newest {
			m[vl.name] = stampOf(st.files[vl.name])
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	path := filepath.Join(filepath.Dir(st.dir), checkedName)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// keyAt checks the entry of length bytes at off by its header and key
// only, and returns the key.
func (lf *logFile) keyAt(off int64, length uint32) ([]byte, bool) {
	end, ok := lf.declaredEnd(off)
	if !ok || end-off != int64(length) || end > lf.size {
		return nil, false
	}
	h, _ := lf.at(off, maxEntryHeader)
	i := 2
	var klen uint64
	for j := range 3 {
		v, n := binary.Uvarint(h[i:])
		if j == 0 {
			klen = v
		}
		i += n
	}
	k, ok := lf.at(off+int64(i), int(klen))
	if ok {
		k = lf.decrypt(k, off) // CTR: the key is the start of the stream
	}
	return k, ok
}

// keyMatches tells whether the full key k (with its version) is key at ts.
func keyMatches(k []byte, key string, ts uint64) bool {
	return string(y.ParseKey(k)) == key && y.ParseTs(k) == ts
}
