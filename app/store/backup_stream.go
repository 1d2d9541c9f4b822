package store

import (
	"bytes"
	"encoding/binary"
	"io"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"kamdesk/dossier"
)

// The body of a backup is Badger's backup stream: the bytes DB.Backup
// writes and DB.Load (or `badger restore`) reads. It is a run of records,
// each an 8-byte little-endian length and a pb.KVList (protocol buffers).
// The KVs of a key are the versions Badger keeps of it, newest first,
// down to the first that is a deletion (no value, bit 0 of its meta set)
// or that discards those before it (followed by a deletion just below
// it), each with its version, user meta and expiry: DB.Load puts the
// database back as it was, versions and all.
//
// kamdesk makes the KVs as Stream.Backup does (badger/v4 backup.go), key
// after key, in one read transaction on the backup's own goroutine, rather
// than calling DB.Backup, or Stream.Backup on a Stream of its own. Those
// read the key ranges on goroutines of their own, each in a read
// transaction of its own (at more than one moment, then, while saves go
// on, unless there is a single goroutine), through buffers of 32 MB: on a
// workspace of 100,000 people (a backup of 160 MB), DB.Backup took 390 to
// 540 MB of memory, and a Stream of one goroutine, with a Send that wrote
// its buffers as they came, 185 MB of heap and nearly twice the CPU time,
// where this takes what the format of version 1 took (40 MB of heap).
//
// The KVs are DB.Backup's (TestBackupBodyIsBadgersStream compares them)
// but for what DB.Load does not read: their stream_id (which of a
// Stream's key ranges they came from) and the bit of meta that says
// Badger keeps the value in its value log (Badger's writes set it anew).
// The records are about a megabyte each, cut between keys, and come in
// the order of the keys.

const (
	backupRecord          = 1 << 20 // bytes of KVs in a record of the stream, about
	badgerDelete          = 1 << 0  // in a KV's meta: a deletion (Badger's bitDelete)
	badgerDiscardEarlier  = 1 << 2  // in a KV's meta: the versions below are gone (bitDiscardEarlierVersions)
	kvListKV              = 1       // the field of pb.KVList that holds its KVs,
	kvKey, kvExpiresAt    = 1, 5    // and those of pb.KV
	kvMeta                = 6
	maxStreamRecordLength = 1 << 40 // longer records are damage, not data
)

// streamBackup writes the workspace to w as Badger's backup stream, as
// one read transaction sees it (made is when), and returns its manifest
// but the checksum: the keys it holds (deleted ones left out) and the
// records of each kind among them.
func (s *Store) streamBackup(w io.Writer, made time.Time) (backupEnd, error) {
	sw := &streamWriter{w: w, made: made, end: backupEnd{Counts: map[string]int{}}}
	err := s.db.View(func(txn *badger.Txn) error {
		// The newest version of each key that is there: what the
		// workspace holds at that moment, not the older versions and
		// deletions Badger has not compacted yet (DB.Backup writes those
		// too; a backup keeps no wording the user changed before it).
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); {
			if err := sw.key(it); err != nil {
				return err
			}
		}
		return sw.flush()
	})
	return sw.end, err
}

// streamWriter writes the records of a backup's body.
type streamWriter struct {
	w    io.Writer
	made time.Time
	end  backupEnd
	rec  []byte // the KVs of the record being made, encoded
	k    []byte
}

// key adds the KVs of the key at it, as Stream.Backup makes them, and
// moves it to the next key.
func (sw *streamWriter) key(it *badger.Iterator) error {
	sw.k = it.Item().KeyCopy(sw.k[:0])
	first, done := true, false
	for ; it.Valid() && bytes.Equal(it.Item().Key(), sw.k); it.Next() {
		if done {
			continue
		}
		item := it.Item()
		kv := &pb.KV{Key: sw.k, UserMeta: []byte{item.UserMeta()}, Version: item.Version(), ExpiresAt: item.ExpiresAt()}
		var meta byte
		gone := item.IsDeletedOrExpired()
		if gone && item.ExpiresAt() == 0 { // gone without an expiry: deleted
			meta |= badgerDelete
		}
		if item.DiscardEarlierVersions() {
			meta |= badgerDiscardEarlier
		}
		kv.Meta = []byte{meta}
		var err error
		if gone {
			err = sw.put(kv)
		} else { // the value is encoded where Badger holds it, not copied
			err = item.Value(func(v []byte) error {
				kv.Value = v
				return sw.put(kv)
			})
		}
		if err != nil {
			return err
		}
		if first && live(meta, kv.ExpiresAt, sw.made) {
			sw.end.Keys++
			if kind := recordKindOf(sw.k); kind != "" {
				sw.end.Counts[kind]++
			}
		}
		first = false
		switch {
		case item.DiscardEarlierVersions():
			done = true
			if err := sw.put(&pb.KV{Key: sw.k, Version: item.Version() - 1, Meta: []byte{badgerDelete}}); err != nil {
				return err
			}
		case gone:
			done = true
		}
	}
	if len(sw.rec) >= backupRecord {
		return sw.flush()
	}
	return nil
}

// put adds kv to the record being made, as proto.Marshal of its KVList
// would encode it.
func (sw *streamWriter) put(kv *pb.KV) error {
	sw.rec = protowire.AppendTag(sw.rec, kvListKV, protowire.BytesType)
	sw.rec = protowire.AppendVarint(sw.rec, uint64(proto.Size(kv)))
	var err error
	sw.rec, err = proto.MarshalOptions{UseCachedSize: true}.MarshalAppend(sw.rec, kv)
	return err
}

// flush writes the record being made: its length, then its KVList.
func (sw *streamWriter) flush() error {
	if len(sw.rec) == 0 {
		return nil
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(sw.rec)))
	if _, err := sw.w.Write(n[:]); err != nil {
		return err
	}
	_, err := sw.w.Write(sw.rec)
	sw.rec = sw.rec[:0]
	return err
}

// live reports whether the newest version of a key in a backup made at
// made, whose KV has meta and expires, is a value: neither a deletion
// nor expired (kamdesk sets no expiry).
func live(meta byte, expires uint64, made time.Time) bool {
	return meta&badgerDelete == 0 && (expires == 0 || expires > uint64(made.Unix()))
}

// readStream reads Badger's backup stream from r, the body of the backup
// at path made at made, and counts what streamBackup counted: the keys
// whose newest version is a value and the records of each kind among
// them (and notes the length of its longest record). It writes nothing.
func readStream(r io.Reader, made time.Time, path string) (backupEnd, error) {
	file := map[string]any{"Path": path} // the data of its errors
	found := backupEnd{Counts: map[string]int{}}
	var (
		head [8]byte
		rec  bytes.Buffer
		prev []byte
	)
	for {
		if _, err := io.ReadFull(r, head[:]); err == io.EOF {
			return found, nil
		} else if err != nil {
			return backupEnd{}, streamCut(err, file)
		}
		n := binary.LittleEndian.Uint64(head[:])
		if n > maxStreamRecordLength {
			return backupEnd{}, unreadableRecord(r, file)
		}
		found.longest = max(found.longest, n)
		rec.Reset()
		if _, err := io.CopyN(&rec, r, int64(n)); err != nil { // grows with what is there
			return backupEnd{}, streamCut(err, file)
		}
		ok := readKVList(rec.Bytes(), func(key []byte, meta byte, expires uint64) bool {
			if len(key) == 0 {
				return false
			}
			if bytes.Equal(key, prev) {
				return true // an older version
			}
			prev = append(prev[:0], key...)
			if live(meta, expires, made) {
				found.Keys++
				if kind := recordKindOf(key); kind != "" {
					found.Counts[kind]++
				}
			}
			return true
		})
		if !ok {
			return backupEnd{}, unreadableRecord(r, file)
		}
	}
}

// readKVList decodes the pb.KVList b, calling fn with the key, the meta
// and the expiry of each of its KVs (the fields of badgerpb4.proto a
// backup's counts need). It reports whether b is a KVList and fn took
// all its KVs. It copies nothing: proto.Unmarshal, which copies every key
// and value, made checking a backup of 100,000 people twice as slow.
func readKVList(b []byte, fn func(key []byte, meta byte, expires uint64) bool) bool {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return false
		}
		b = b[n:]
		if num != kvListKV || typ != protowire.BytesType {
			if n = protowire.ConsumeFieldValue(num, typ, b); n < 0 {
				return false
			}
			b = b[n:]
			continue
		}
		kv, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return false
		}
		b = b[n:]
		var (
			key, meta []byte
			expires   uint64
		)
		for len(kv) > 0 {
			num, typ, n := protowire.ConsumeTag(kv)
			if n < 0 {
				return false
			}
			kv = kv[n:]
			switch {
			case num == kvKey && typ == protowire.BytesType:
				key, n = protowire.ConsumeBytes(kv)
			case num == kvMeta && typ == protowire.BytesType:
				meta, n = protowire.ConsumeBytes(kv)
			case num == kvExpiresAt && typ == protowire.VarintType:
				expires, n = protowire.ConsumeVarint(kv)
			default:
				n = protowire.ConsumeFieldValue(num, typ, kv)
			}
			if n < 0 {
				return false
			}
			kv = kv[n:]
		}
		var m byte
		if len(meta) > 0 {
			m = meta[0]
		}
		if !fn(key, m, expires) {
			return false
		}
	}
	return true
}

// streamCut is the error of a body that ends inside a record: the
// damage the frames found, or the body's own.
func streamCut(err error, file map[string]any) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return dossier.Err("the backup {{.Path}} is damaged (it is cut short)", file, ErrDamaged)
	}
	return err
}

// unreadableRecord is the error of a record that does not read: the
// damage the frames find on the way to the end (a changed byte: the
// checksum), or, when they check out, the record's own.
func unreadableRecord(r io.Reader, file map[string]any) error {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return err
	}
	return dossier.Err("the backup {{.Path}} is damaged (an entry of its database does not read)", file, ErrDamaged)
}

// loadPending is how many batches of keys DB.Load writes at once.
const loadPending = 4

// loadStream loads the body of a backup of version 2 that fr reads, and
// that checkBackup found whole with records of at most longest bytes,
// into db with Badger's own loader.
func loadStream(db *badger.DB, fr *frameReader, longest uint64) error {
	err := db.Load(&recordGuard{fr: fr, longest: longest}, loadPending)
	if err == nil && fr.end == nil {
		err = dossier.Err("the backup {{.Path}} is damaged (it is cut short)", map[string]any{"Path": fr.path}, ErrDamaged)
	}
	return err
}

// recordGuard hands the body of a checked backup to DB.Load record by
// record, refusing a record longer than the longest the check found:
// DB.Load makes a buffer of whatever length a record says, so a length
// damaged since the check would make it fail for want of memory.
type recordGuard struct {
	fr      *frameReader
	longest uint64
	buf     [8]byte
	head    []byte // what is left to hand of the current record's length
	left    uint64 // and of the record
}

func (g *recordGuard) Read(p []byte) (int, error) {
	file := map[string]any{"Path": g.fr.path} // the data of its errors
	if len(g.head) == 0 && g.left == 0 {
		if _, err := io.ReadFull(g.fr, g.buf[:]); err == io.EOF {
			return 0, io.EOF // the end, checked
		} else if err != nil {
			return 0, streamCut(err, file)
		}
		g.left = binary.LittleEndian.Uint64(g.buf[:])
		if g.left > g.longest {
			return 0, dossier.Err("the backup {{.Path}} is damaged (its contents do not match their checksum)", file, ErrDamaged)
		}
		g.head = g.buf[:]
	}
	if len(g.head) > 0 {
		n := copy(p, g.head)
		g.head = g.head[n:]
		return n, nil
	}
	n, err := g.fr.Read(p[:min(uint64(len(p)), g.left)])
	g.left -= uint64(n)
	if err == io.EOF {
		err = streamCut(io.ErrUnexpectedEOF, file)
	}
	return n, err
}
