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
	"maps"
	"os"
	"time"

	"kamdesk/dossier"
)

// The backup file. It is a line "kamdesk backup 1", a line of JSON (when it was
// made; for an encrypted workspace the salt and costs that turn the
// passphrase into its key) and frames: a 4-byte big-endian length with the
// top bit set on the last frame, then the frame. The frames hold the keys
// and values one after the other (uvarint length, bytes); the last one
// holds the count of keys and the SHA-256 of all the frames before it.
// The backup of an encrypted workspace seals every frame with AES-256-GCM
// under a key derived from the workspace key (HKDF-SHA256), its nonce the
// frame's number and whether it is the last, so that no frame can be cut,
// moved or changed unnoticed. A backup of a plain workspace is plain.

// backupHeader is the JSON line at the start of a backup file.
type backupHeader struct {
	Made       time.Time  `json:"made"`
	Schema     int        `json:"schema"`
	Encryption *keyParams `json:"encryption,omitempty"`
}

// backupEnd is the last frame of a backup file: its manifest, with the
// header's date and schema.
type backupEnd struct {
	Keys   int    `json:"keys"`
	SHA256 string `json:"sha256"`
	// Counts are the records of each kind (by its key's first part:
	// "acct", "person", …); backups made before there were counts have
	// none.
	Counts map[string]int `json:"counts,omitempty"`
}

// recordKindOf is the kind of the record whose key is k ("acct" of
// "acct/northbridge"), or "" when k is not a record's (a summary, an
// index, a setting).
func recordKindOf(k []byte) string {
	for _, kd := range recordKinds {
		if len(k) > len(kd.name) && k[len(kd.name)] == '/' && string(k[:len(kd.name)]) == kd.name {
			return kd.name
		}
	}
	return ""
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
		return h, 0, dossier.Err("not a kamdesk backup", nil, ErrDamaged)
	}
	line, err := r.ReadBytes('\n')
	if err != nil || len(line) > 4096 {
		return h, 0, dossier.Err("the backup's header is cut short", nil, ErrDamaged)
	}
	if err := json.Unmarshal(line, &h); err != nil || h.Made.IsZero() {
		return h, 0, dossier.Err("the backup's header is damaged", nil, ErrDamaged)
	}
	if h.Encryption != nil && (h.Encryption.KDF != "argon2id" || len(h.Encryption.Salt) < 8) {
		return h, 0, dossier.Err("the backup's header is damaged", nil, ErrDamaged)
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
	counts map[string]int
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
	if kind := recordKindOf(k); kind != "" {
		if bw.counts == nil {
			bw.counts = map[string]int{}
		}
		bw.counts[kind]++
	}
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
		b, _ := json.Marshal(backupEnd{Keys: bw.keys, SHA256: hex.EncodeToString(bw.sum.Sum(nil)), Counts: bw.counts})
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

// readBackup reads the backup at path, calling fn with every key and
// value, and returns its manifest (how many keys, of which how many
// records of each kind). key opens an encrypted backup (derived from
// the passphrase with the header's parameters). Any damage gives an error
// matching ErrDamaged, but only at the end of the file when it is past the
// keys already handed to fn: check a backup whole before using it.
func readBackup(path string, key []byte, fn func(k, v []byte) error) (backupEnd, error) {
	keys, counts := 0, map[string]int{}
	end, err := readBackupFrames(path, key, func(k, v []byte) error {
		keys++
		if kind := recordKindOf(k); kind != "" {
			counts[kind]++
		}
		return fn(k, v)
	})
	if err == nil && end.Counts != nil && !maps.Equal(end.Counts, counts) {
		err = dossier.Err("the backup {{.Path}} is damaged (its records do not match its manifest)", map[string]any{"Path": path}, ErrDamaged)
	}
	return end, err
}

func readBackupFrames(path string, key []byte, fn func(k, v []byte) error) (backupEnd, error) {
	var none backupEnd
	f, err := os.Open(path)
	if err != nil {
		return none, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	h, _, err := parseBackupHeader(r)
	if err != nil {
		return none, err
	}
	if (h.Encryption != nil) != (key != nil) {
		if key == nil {
			return none, ErrPassphraseNeeded
		}
		key = nil // a plain backup of a workspace encrypted since
	}
	seal, err := newBackupSealer(key)
	if err != nil {
		return none, err
	}
	file := map[string]any{"Path": path} // the data of its errors
	sum := sha256.New()
	keys := 0
	for n := uint64(0); ; n++ {
		var head [4]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return none, dossier.Err("the backup {{.Path}} is damaged (it is cut short)", file, ErrDamaged)
		}
		size := binary.BigEndian.Uint32(head[:])
		last := size&lastFrameBit != 0
		size &^= lastFrameBit
		if size > maxFrameSize {
			return none, dossier.Err("the backup {{.Path}} is damaged (a frame is too large)", file, ErrDamaged)
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return none, dossier.Err("the backup {{.Path}} is damaged (it is cut short)", file, ErrDamaged)
		}
		if seal != nil {
			if data, err = seal.aead.Open(data[:0], frameNonce(n, last), data, nil); err != nil {
				if n == 0 {
					return none, ErrWrongPassphrase
				}
				return none, dossier.Err("the backup {{.Path}} is damaged (frame {{.Frame}} does not check)", map[string]any{"Path": path, "Frame": n}, ErrDamaged)
			}
		}
		if last {
			var end backupEnd
			if err := json.Unmarshal(data, &end); err != nil {
				return none, dossier.Err("the backup {{.Path}} is damaged (its end is unreadable)", file, ErrDamaged)
			}
			if end.Keys != keys || end.SHA256 != hex.EncodeToString(sum.Sum(nil)) {
				return none, dossier.Err("the backup {{.Path}} is damaged (its contents do not match their checksum)", file, ErrDamaged)
			}
			if _, err := r.ReadByte(); err != io.EOF {
				return none, dossier.Err("the backup {{.Path}} is damaged (there is more after its end)", file, ErrDamaged)
			}
			return end, nil
		}
		sum.Write(data)
		for len(data) > 0 {
			k, rest, ok := uvarintBytes(data)
			if !ok {
				return none, dossier.Err("the backup {{.Path}} is damaged (a key is cut short)", file, ErrDamaged)
			}
			v, rest, ok := uvarintBytes(rest)
			if !ok {
				return none, dossier.Err("the backup {{.Path}} is damaged (a value is cut short)", file, ErrDamaged)
			}
			data = rest
			if err := fn(k, v); err != nil {
				return none, err
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
	end, err := readBackup(path, key, func(k, v []byte) error { return nil })
	return end.Keys, err
}

// BackupReport is what a backup holds, read whole and checked.
type BackupReport struct {
	Backup
	Schema int
	Keys   int
	// Records counts the records of each kind, by noun ("account",
	// "person", …); nil for a backup made before kamdesk counted them.
	Records map[string]int
}

// RecordNouns are the nouns of BackupReport.Records, in the order a
// report lists them.
func RecordNouns() []string {
	out := make([]string, len(recordKinds))
	for i, k := range recordKinds {
		out[i] = k.noun
	}
	return out
}

// VerifyBackup reads the backup at path whole, checks every frame, its
// checksum and its manifest, and reports what it holds; passphrase opens
// an encrypted one. It needs no workspace.
func VerifyBackup(path string, passphrase []byte) (BackupReport, error) {
	h, err := readBackupHeader(path)
	if err != nil {
		return BackupReport{}, dossier.Err("{{.Path}}", map[string]any{"Path": path}, err)
	}
	key, _, err := backupKey(path, passphrase)
	if err != nil {
		return BackupReport{}, err
	}
	end, err := readBackup(path, key, func(k, v []byte) error { return nil })
	if errors.Is(err, ErrWrongPassphrase) {
		time.Sleep(wrongPassphraseDelay)
	}
	if err != nil {
		return BackupReport{}, err
	}
	r := BackupReport{Backup: Backup{Path: path, Made: h.Made, Encrypted: h.Encryption != nil}, Schema: h.Schema, Keys: end.Keys}
	if info, err := os.Stat(path); err == nil {
		r.Size = info.Size()
	}
	if end.Counts != nil {
		r.Records = map[string]int{}
		for _, k := range recordKinds {
			r.Records[k.noun] = end.Counts[k.name]
		}
	}
	return r, nil
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
