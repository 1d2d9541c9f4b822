package store

import (
	"bufio"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Automatic backups. The first open of a writable workspace after
// backupEvery writes every key of the workspace, as it is at that moment,
// to DIR/backups/kamdesk-YYYYMMDD-HHMMSS.backup, reads the file back to
// check it, and keeps the newest keepBackups. A damaged workspace that
// cannot be opened names its latest backup, and Restore puts a backup in
// place of the database, keeping the database it replaces aside.
//
// A backup file is a line "kamdesk backup 1", a line of JSON (when it was
// made; for an encrypted workspace the salt and costs that turn the
// passphrase into its key) and frames: a 4-byte big-endian length with the
// top bit set on the last frame, then the frame. The frames hold the keys
// and values one after the other (uvarint length, bytes); the last one
// holds the count of keys and the SHA-256 of all the frames before it.
// The backup of an encrypted workspace seals every frame with AES-256-GCM
// under a key derived from the workspace key (HKDF-SHA256), its nonce the
// frame's number and whether it is the last, so that no frame can be cut,
// moved or changed unnoticed. A backup of a plain workspace is plain.
//
// A backup holds what the workspace held when it was made: erasing a
// person or changing the encryption deletes every backup (an old one
// would keep the erased person, or the data without its new passphrase),
// and the next open makes a new one.

const (
	backupMagic  = "kamdesk backup 1\n"
	backupEvery  = 20 * time.Hour
	keepBackups  = 7
	backupMargin = 256 << 20       // free space an automatic backup leaves at least
	backupFrame  = 1 << 20         // plaintext bytes a frame holds, about
	maxFrameSize = 64<<20 + 1<<10  // larger frames are damage, not data
	lastFrameBit = uint32(1) << 31 // in a frame's length: the last frame
)

// Backup is one backup file of a workspace.
type Backup struct {
	Path      string
	Made      time.Time
	Encrypted bool
	Size      int64
}

// backupHeader is the JSON line at the start of a backup file.
type backupHeader struct {
	Made       time.Time  `json:"made"`
	Schema     int        `json:"schema"`
	Encryption *keyParams `json:"encryption,omitempty"`
}

// backupEnd is the last frame of a backup file.
type backupEnd struct {
	Keys   int    `json:"keys"`
	SHA256 string `json:"sha256"`
}

func backupsDir(dir string) string { return filepath.Join(dir, "backups") }

// Backups lists the backups of the workspace in dir, newest first. Files
// whose first lines cannot be read are left out.
func Backups(dir string) ([]Backup, error) {
	entries, err := os.ReadDir(backupsDir(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".backup") {
			continue
		}
		path := filepath.Join(backupsDir(dir), e.Name())
		h, err := readBackupHeader(path)
		if err != nil {
			continue
		}
		b := Backup{Path: path, Made: h.Made, Encrypted: h.Encryption != nil}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b Backup) int { return b.Made.Compare(a.Made) })
	return out, nil
}

// LatestBackup is the newest backup of the workspace in dir, if it has one.
func LatestBackup(dir string) (Backup, bool) {
	list, err := Backups(dir)
	if err != nil || len(list) == 0 {
		return Backup{}, false
	}
	return list[0], true
}

func readBackupHeader(path string) (backupHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return backupHeader{}, err
	}
	defer f.Close()
	h, _, err := parseBackupHeader(bufio.NewReader(f))
	return h, err
}

func parseBackupHeader(r *bufio.Reader) (backupHeader, int, error) {
	var h backupHeader
	magic := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != backupMagic {
		return h, 0, fmt.Errorf("not a kamdesk backup: %w", ErrDamaged)
	}
	line, err := r.ReadBytes('\n')
	if err != nil || len(line) > 4096 {
		return h, 0, fmt.Errorf("the backup's header is cut short: %w", ErrDamaged)
	}
	if err := json.Unmarshal(line, &h); err != nil || h.Made.IsZero() {
		return h, 0, fmt.Errorf("the backup's header is damaged: %w", ErrDamaged)
	}
	if h.Encryption != nil && (h.Encryption.KDF != "argon2id" || len(h.Encryption.Salt) < 8) {
		return h, 0, fmt.Errorf("the backup's header is damaged: %w", ErrDamaged)
	}
	return h, len(backupMagic) + len(line), nil
}

// backupSealer seals (or opens) the frames of an encrypted backup.
type backupSealer struct{ aead cipher.AEAD }

func newBackupSealer(workspaceKey []byte) (*backupSealer, error) {
	if workspaceKey == nil {
		return nil, nil
	}
	k, err := hkdf.Key(sha256.New, workspaceKey, nil, "kamdesk backup 1", 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &backupSealer{aead}, nil
}

func frameNonce(n uint64, last bool) []byte {
	nonce := make([]byte, 12)
	binary.BigEndian.PutUint64(nonce, n)
	if last {
		nonce[11] = 1
	}
	return nonce
}

// backupWriter writes the frames of a backup.
type backupWriter struct {
	w      io.Writer
	seal   *backupSealer
	sum    hashWriter
	buf    bytes.Buffer
	frames uint64
	keys   int
}

type hashWriter interface {
	io.Writer
	Sum([]byte) []byte
}

func (bw *backupWriter) add(k, v []byte) error {
	bw.buf.Write(binary.AppendUvarint(nil, uint64(len(k))))
	bw.buf.Write(k)
	bw.buf.Write(binary.AppendUvarint(nil, uint64(len(v))))
	bw.buf.Write(v)
	bw.keys++
	if bw.buf.Len() >= backupFrame {
		return bw.flush(false)
	}
	return nil
}

func (bw *backupWriter) flush(last bool) error {
	data := bw.buf.Bytes()
	if last {
		if len(data) > 0 {
			if err := bw.flush(false); err != nil {
				return err
			}
		}
		b, _ := json.Marshal(backupEnd{Keys: bw.keys, SHA256: hex.EncodeToString(bw.sum.Sum(nil))})
		data = b
	} else {
		bw.sum.Write(data)
	}
	if bw.seal != nil {
		data = bw.seal.aead.Seal(nil, frameNonce(bw.frames, last), data, nil)
	}
	n := uint32(len(data))
	if last {
		n |= lastFrameBit
	}
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], n)
	if _, err := bw.w.Write(head[:]); err != nil {
		return err
	}
	if _, err := bw.w.Write(data); err != nil {
		return err
	}
	bw.frames++
	bw.buf.Reset()
	return nil
}

// BackUp writes a backup of the workspace now, checks it, and deletes
// the backups beyond the newest keepBackups.
func (s *Store) BackUp() (Backup, error) {
	if err := s.writable(); err != nil {
		return Backup{}, err
	}
	return s.backUp(s.now())
}

func (s *Store) backUp(now time.Time) (Backup, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	made := now.UTC().Truncate(time.Second)
	h := backupHeader{Made: made, Schema: SchemaVersion}
	if s.key != nil {
		p, _, err := readKeyParams(s.dir)
		if err != nil {
			return Backup{}, err
		}
		h.Encryption = &p
	}
	if err := os.MkdirAll(backupsDir(s.dir), 0o700); err != nil {
		return Backup{}, err
	}
	if err := s.room(s.dbSize()); err != nil {
		return Backup{}, err
	}
	path := filepath.Join(backupsDir(s.dir), "kamdesk-"+made.Format("20060102-150405")+".backup")
	for i := 2; ; i++ { // two backups in one second keep both
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		path = filepath.Join(backupsDir(s.dir), fmt.Sprintf("kamdesk-%s-%d.backup", made.Format("20060102-150405"), i))
	}
	// A backup a crash cut short is of no use: no other process writes
	// here while this one has the workspace open.
	if stale, _ := filepath.Glob(filepath.Join(backupsDir(s.dir), "*.backup.tmp")); len(stale) > 0 {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	tmp := path + ".tmp"
	keys, err := s.writeBackup(tmp, h)
	if err == nil {
		var got int
		if got, err = checkBackup(tmp, s.key); err == nil && got != keys {
			err = fmt.Errorf("the backup holds %d keys, the workspace %d", got, keys)
		}
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return Backup{}, fmt.Errorf("backing up %s: %w", s.dir, err)
	}
	syncDir(backupsDir(s.dir))
	b := Backup{Path: path, Made: made, Encrypted: s.key != nil}
	if info, err := os.Stat(path); err == nil {
		b.Size = info.Size()
	}
	list, _ := Backups(s.dir)
	for i, old := range list {
		if i >= keepBackups {
			os.Remove(old.Path)
		}
	}
	return b, nil
}

// dbSize is about how many bytes the database holds.
func (s *Store) dbSize() int64 {
	lsm, vlog := s.db.Size()
	return lsm + vlog
}

func (s *Store) writeBackup(path string, h backupHeader) (int, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	head, _ := json.Marshal(h)
	w.WriteString(backupMagic)
	w.Write(head)
	w.WriteByte('\n')
	seal, err := newBackupSealer(s.key)
	if err != nil {
		return 0, err
	}
	bw := &backupWriter{w: w, seal: seal, sum: sha256.New()}
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if err := bw.add(it.Item().Key(), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = bw.flush(true)
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return 0, err
	}
	return bw.keys, f.Close()
}

// readBackup reads the backup at path, calling fn with every key and
// value, and returns how many. key opens an encrypted backup (derived from
// the passphrase with the header's parameters). Any damage gives an error
// matching ErrDamaged, but only at the end of the file when it is past the
// keys already handed to fn: check a backup whole before using it.
func readBackup(path string, key []byte, fn func(k, v []byte) error) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	h, _, err := parseBackupHeader(r)
	if err != nil {
		return 0, err
	}
	if (h.Encryption != nil) != (key != nil) {
		if key == nil {
			return 0, ErrPassphraseNeeded
		}
		key = nil // a plain backup of a workspace encrypted since
	}
	seal, err := newBackupSealer(key)
	if err != nil {
		return 0, err
	}
	damaged := func(what string) error {
		return fmt.Errorf("the backup %s is damaged (%s): %w", path, what, ErrDamaged)
	}
	sum := sha256.New()
	keys := 0
	for n := uint64(0); ; n++ {
		var head [4]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return keys, damaged("it is cut short")
		}
		size := binary.BigEndian.Uint32(head[:])
		last := size&lastFrameBit != 0
		size &^= lastFrameBit
		if size > maxFrameSize {
			return keys, damaged("a frame is too large")
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return keys, damaged("it is cut short")
		}
		if seal != nil {
			if data, err = seal.aead.Open(data[:0], frameNonce(n, last), data, nil); err != nil {
				if n == 0 {
					return 0, ErrWrongPassphrase
				}
				return keys, damaged(fmt.Sprintf("frame %d does not check", n))
			}
		}
		if last {
			var end backupEnd
			if err := json.Unmarshal(data, &end); err != nil {
				return keys, damaged("its end is unreadable")
			}
			if end.Keys != keys || end.SHA256 != hex.EncodeToString(sum.Sum(nil)) {
				return keys, damaged("its contents do not match their checksum")
			}
			if _, err := r.ReadByte(); err != io.EOF {
				return keys, damaged("there is more after its end")
			}
			return keys, nil
		}
		sum.Write(data)
		for len(data) > 0 {
			k, rest, ok := uvarintBytes(data)
			if !ok {
				return keys, damaged("a key is cut short")
			}
			v, rest, ok := uvarintBytes(rest)
			if !ok {
				return keys, damaged("a value is cut short")
			}
			data = rest
			if err := fn(k, v); err != nil {
				return keys, err
			}
			keys++
		}
	}
}

// uvarintBytes reads a uvarint length and that many bytes.
func uvarintBytes(b []byte) (field, rest []byte, ok bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return nil, nil, false
	}
	return b[w : w+int(n)], b[w+int(n):], true
}

// checkBackup reads a backup whole and returns how many keys it holds.
func checkBackup(path string, key []byte) (int, error) {
	return readBackup(path, key, func(k, v []byte) error { return nil })
}

// backupKey is the key that opens the backup at path: nil for a plain
// one; for an encrypted one derived from passphrase with the parameters
// of its header.
func backupKey(path string, passphrase []byte) ([]byte, *keyParams, error) {
	h, err := readBackupHeader(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if h.Encryption == nil {
		return nil, nil, nil
	}
	if len(passphrase) == 0 {
		return nil, nil, ErrPassphraseNeeded
	}
	return h.Encryption.key(passphrase), h.Encryption, nil
}

// BackupEncrypted reports whether the backup at path needs a passphrase.
func BackupEncrypted(path string) bool {
	h, err := readBackupHeader(path)
	return err == nil && h.Encryption != nil
}

// dropBackups deletes every backup of the workspace in dir.
func dropBackups(dir string) error {
	entries, err := os.ReadDir(backupsDir(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".backup") || strings.HasSuffix(e.Name(), ".backup.tmp") {
			if err := os.Remove(filepath.Join(backupsDir(dir), e.Name())); err != nil {
				return err
			}
		}
	}
	syncDir(backupsDir(dir))
	return nil
}

// autoBackup makes the backup of the day, when the latest is older than
// backupEvery and the workspace holds something.
// now is the time of the open (read there, not here: s.now may be a
// test's clock that moves on).
func (s *Store) autoBackup(now time.Time, logline func(string, ...any)) {
	defer s.stopped.Done()
	if b, ok := LatestBackup(s.dir); ok && now.Sub(b.Made) < backupEvery {
		return
	}
	if s.empty() {
		return
	}
	// A backup must not take the room the next saves need: it is left
	// out while the disk would keep less than backupMargin after it.
	if free, ok := freeSpace(s.dir); ok && free < 2*s.dbSize()+backupMargin {
		logline("no automatic backup: %d MB free, %d MB would be left after it", free>>20, (free-s.dbSize())>>20)
		return
	}
	if _, err := s.backUp(now); err != nil {
		logline("%v", err)
	}
}

// empty reports whether the workspace holds no record (only its schema
// version, or nothing).
func (s *Store) empty() bool {
	n := 0
	s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid() && n < 2; it.Next() {
			n++
		}
		return nil
	})
	return n < 2
}
