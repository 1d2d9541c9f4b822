package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"strconv"
	"syscall"

	"github.com/dgraph-io/badger/v4/y"
)

// Badger's log files, read for the checks before opening: the write-ahead
// log of a memtable (.mem) and the value log (.vlog) share one format, a
// 20-byte header (the ID of the encryption key, 0 for none, and an IV)
// and then entries:
//
//	meta, user meta (1 byte each), key length, value length, expiry (uvarints),
//	key (with its 8-byte version), value, CRC-32C of all before it (4 bytes)
//
// These constants are Badger's (value.go, structs.go); a test checks them
// against files Badger wrote.
const (
	logHeaderSize  = 20
	maxEntryHeader = 22
	maxKeyLen      = 1 << 16

	bitDelete       byte = 1 << 0
	bitValuePointer byte = 1 << 1
	bitTxn          byte = 1 << 6
	bitFinTxn       byte = 1 << 7
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// logEntry is one entry of a log file, at [off, end).
type logEntry struct {
	off, end  int64
	meta      byte
	expiresAt uint64
	key       []byte // with its version
	value     []byte
}

// entryState says what decoding an entry found.
type entryState int

const (
	entryValid entryState = iota // a whole entry, its checksum right
	entryZero                    // zeros: nothing was written here
	entryCut                     // it would run past the end of the file
	entryBad                     // a whole entry that does not check out
)

// logFile is a log file being checked, up to its last byte that is not
// zero (dataEnd); the rest, up to size, reads as zeros. Badger's files are
// sparse: extended to their full size when created, written from the
// start. A memtable log (at most twice a memtable) is read into memory;
// a value log file, which holds attachments and can be large, is read
// where entries are looked at.
type logFile struct {
	name    string
	size    int64
	dataEnd int64
	data    []byte   // the file up to dataEnd, or nil
	f       *os.File // the open file, when data is nil

	// In an encrypted workspace each entry's key and value are encrypted
	// (AES in CTR mode) with the data key the header names, the IV the
	// header's 12 bytes and the entry's offset.
	dataKey []byte
	baseIV  []byte
}

// useKeys finds the data key the file's header names in keys, for an
// encrypted workspace; a file that names none needs none.
func (lf *logFile) useKeys(keys dataKeys) error {
	id := lf.keyID()
	if id == 0 {
		return nil
	}
	k, ok := keys[id]
	if !ok {
		return errors.New("it names an encryption key the workspace does not have")
	}
	h, ok := lf.at(8, 12)
	if !ok {
		return errors.New("its header is cut short")
	}
	lf.dataKey, lf.baseIV = k.Data, bytes.Clone(h)
	return nil
}

// decrypt decrypts the key and value of the entry at off, in place of a
// copy; the bytes as they are when the file is not encrypted.
func (lf *logFile) decrypt(kv []byte, off int64) []byte {
	if lf.dataKey == nil {
		return kv
	}
	iv := make([]byte, 16)
	copy(iv, lf.baseIV)
	binary.BigEndian.PutUint32(iv[12:], uint32(off))
	out, err := y.XORBlockAllocate(kv, lf.dataKey, iv)
	if err != nil {
		return kv
	}
	return out
}

// readLogFile reads the memtable log at path into memory.
func readLogFile(path string) (*logFile, error) {
	lf, err := openLogFile(path)
	if err != nil {
		return nil, err
	}
	defer lf.close()
	data := make([]byte, lf.dataEnd)
	if _, err := lf.f.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	lf.data = data
	return lf, nil
}

// openLogFile opens the log file at path, to be read where entries are
// looked at; close closes it.
func openLogFile(path string) (*logFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		var end int64
		if end, err = lastNonZero(f, info.Size()); err == nil {
			return &logFile{name: info.Name(), size: info.Size(), dataEnd: end, f: f}, nil
		}
	}
	f.Close()
	return nil, err
}

func (lf *logFile) close() {
	if lf.f != nil {
		lf.f.Close()
		lf.f = nil
	}
}

// lastNonZero returns the offset after the last byte of f that is not
// zero. It skips the holes of a sparse file where the system can say
// where they are (SEEK_DATA, SEEK_HOLE), and reads back from there.
func lastNonZero(f *os.File, size int64) (int64, error) {
	end := size
	if dataEnd, ok := lastDataExtent(f, size); ok {
		end = dataEnd
	}
	const chunk = 1 << 20
	buf := make([]byte, chunk)
	zero := make([]byte, chunk)
	for end > 0 {
		n := int64(chunk)
		if end < n {
			n = end
		}
		if _, err := f.ReadAt(buf[:n], end-n); err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if bytes.Equal(buf[:n], zero[:n]) {
			end -= n
			continue
		}
		i := int64(len(bytes.TrimRight(buf[:n], "\x00")))
		return end - n + i, nil
	}
	return 0, nil
}

// lastDataExtent returns where the last stretch of data in f ends, when
// the system tells holes from data.
func lastDataExtent(f *os.File, size int64) (int64, bool) {
	const seekData, seekHole = 3, 4
	var end int64
	for off := int64(0); off < size; {
		d, err := f.Seek(off, seekData)
		if errors.Is(err, syscall.ENXIO) {
			break
		}
		if err != nil {
			return 0, false
		}
		h, err := f.Seek(d, seekHole)
		if err != nil || h <= d {
			return 0, false
		}
		end, off = h, h
	}
	return min(end, size), true
}

// at returns n bytes at off, zeros past dataEnd, and false when they would
// run past the end of the file.
func (lf *logFile) at(off int64, n int) ([]byte, bool) {
	if off < 0 || off+int64(n) > lf.size {
		return nil, false
	}
	if lf.data == nil {
		b := make([]byte, n)
		if off < lf.dataEnd {
			if _, err := lf.f.ReadAt(b[:min(int64(n), lf.dataEnd-off)], off); err != nil && !errors.Is(err, io.EOF) {
				return nil, false
			}
		}
		return b, true
	}
	if off+int64(n) <= lf.dataEnd {
		return lf.data[off : off+int64(n)], true
	}
	b := make([]byte, n)
	if off < lf.dataEnd {
		copy(b, lf.data[off:])
	}
	return b, true
}

// keyID returns the encryption key ID in the file's header.
func (lf *logFile) keyID() uint64 {
	h, ok := lf.at(0, 8)
	if !ok {
		return 0
	}
	return binary.BigEndian.Uint64(h)
}

// entryAt decodes the entry at off.
func (lf *logFile) entryAt(off int64) (logEntry, entryState) {
	e := logEntry{off: off}
	h, ok := lf.at(off, maxEntryHeader)
	if !ok {
		h, _ = lf.at(off, int(max(0, lf.size-off)))
	}
	if len(h) < 2 {
		return e, entryCut
	}
	e.meta = h[0]
	i := 2
	klen, n := binary.Uvarint(h[i:])
	if n <= 0 {
		return e, cutOrBad(n, len(h) < maxEntryHeader)
	}
	i += n
	vlen, n := binary.Uvarint(h[i:])
	if n <= 0 {
		return e, cutOrBad(n, len(h) < maxEntryHeader)
	}
	i += n
	e.expiresAt, n = binary.Uvarint(h[i:])
	if n <= 0 {
		return e, cutOrBad(n, len(h) < maxEntryHeader)
	}
	i += n
	if klen == 0 && vlen == 0 && h[0] == 0 && h[1] == 0 {
		return e, entryZero
	}
	if klen > maxKeyLen || klen < 8 || vlen > uint64(lf.size) {
		return e, entryBad
	}
	total := int64(i) + int64(klen) + int64(vlen) + crc32.Size
	body, ok := lf.at(off, int(total))
	if !ok {
		return e, entryCut
	}
	sum := crc32.Checksum(body[:total-crc32.Size], castagnoli)
	if sum != binary.BigEndian.Uint32(body[total-crc32.Size:]) {
		return e, entryBad
	}
	kv := lf.decrypt(body[i:total-crc32.Size], off)
	e.key = kv[:klen]
	e.value = kv[klen:]
	e.end = off + total
	return e, entryValid
}

// cutOrBad reads a failed uvarint: n == 0 is a short buffer, which at the
// end of the file is a cut entry; n < 0 is an overflow.
func cutOrBad(n int, short bool) entryState {
	if n == 0 && short {
		return entryCut
	}
	return entryBad
}

// logScan is what Badger's replay makes of a log file (logFile.iterate in
// Badger's memtable.go): the entries it keeps, where it stops keeping
// them (validEnd, where a read-write open truncates the file), and where
// and why it stops reading.
type logScan struct {
	entries  []logEntry
	validEnd int64
	stop     int64
	why      entryState // entryValid: an entry out of place in its transaction
}

func (lf *logFile) scan() logScan {
	sc := logScan{validEnd: logHeaderSize}
	var txn []logEntry
	var txnTs uint64
	off := int64(logHeaderSize)
	for {
		e, st := lf.entryAt(off)
		if st != entryValid {
			sc.stop, sc.why = off, st
			return sc
		}
		switch {
		case e.meta&bitTxn != 0:
			ts := y.ParseTs(e.key)
			if txnTs == 0 {
				txnTs = ts
			}
			if ts != txnTs {
				sc.stop, sc.why = off, entryValid
				return sc
			}
			txn = append(txn, e)
		case e.meta&bitFinTxn != 0:
			ts, err := strconv.ParseUint(string(e.value), 10, 64)
			if err != nil || ts != txnTs {
				sc.stop, sc.why = off, entryValid
				return sc
			}
			sc.entries = append(sc.entries, txn...)
			txn, txnTs = txn[:0], 0
			sc.validEnd = e.end
		default:
			if txnTs != 0 {
				sc.stop, sc.why = off, entryValid
				return sc
			}
			sc.entries = append(sc.entries, e)
			sc.validEnd = e.end
		}
		off = e.end
	}
}

// tornTail tells whether what a replay of the write-ahead log lf drops
// (everything from sc.validEnd on) is no more than a write a crash cut
// short: the whole entries of one transaction without its end mark, then
// what an interrupted copy of one more entry leaves, then zeros to the
// end of the file. Anything else, the replay would drop saves that were
// whole: a flipped byte in the middle, a file cut short.
//
// Badger copies each entry into the mapped file with one copy, and Go's
// memmove stores the first bytes of a long copy last (it aligns the rest
// first), so an interrupted copy can leave the entry's header still zero
// and later bytes written, or the header written and the end missing.
// Either way no whole entry follows, it fits in one entry's length, and
// the file goes on with zeros.
func (lf *logFile) tornTail(sc logScan) bool {
	if lf.dataEnd <= sc.validEnd {
		return true
	}
	switch {
	case sc.why == entryValid: // transactions out of order
		return false
	case sc.why == entryCut:
		// A write in a file Badger extended in advance is followed by zeros:
		// an entry that runs past the end was cut by something else.
		return false
	case lf.dataEnd >= lf.size || lf.dataEnd-sc.stop > maxWALEntry:
		return false
	}
	if sc.why == entryBad {
		// A header that reads: the entry must miss its last bytes (more than
		// a checksum's worth: a copy is not torn that finely).
		if end, ok := lf.declaredEnd(sc.stop); ok && end-lf.dataEnd < crc32.Size {
			return false
		}
	}
	for off := sc.stop + 1; off < lf.dataEnd; off++ {
		if m := lf.data[off]; m&^0x0f != bitTxn && m != bitFinTxn {
			continue
		}
		if end, ok := lf.declaredEnd(off); !ok || end > lf.dataEnd {
			continue
		}
		if _, st := lf.entryAt(off); st == entryValid {
			return false
		}
	}
	return true
}

// declaredEnd returns where the entry at off ends by its header, if the
// header reads.
func (lf *logFile) declaredEnd(off int64) (int64, bool) {
	h, _ := lf.at(off, maxEntryHeader)
	if len(h) < 2 {
		return 0, false
	}
	i := 2
	var lens [3]uint64
	for j := range lens {
		v, n := binary.Uvarint(h[i:])
		if n <= 0 {
			return 0, false
		}
		lens[j], i = v, i+n
	}
	if lens[0] < 8 || lens[0] > maxKeyLen || lens[1] > maxWALValue {
		return 0, false
	}
	return off + int64(i) + int64(lens[0]) + int64(lens[1]) + crc32.Size, true
}

// maxWALValue is the longest value an entry of a write-ahead log holds:
// longer values go to the value log, and Badger's threshold for that is
// at most 1 MB. maxWALEntry is the longest entry.
const (
	maxWALValue = 1 << 20
	maxWALEntry = maxEntryHeader + maxKeyLen + 8 + maxWALValue + crc32.Size
)
