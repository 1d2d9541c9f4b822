package store

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"time"

	"kamdesk/dossier"
)

// The backup file. Its first line is "kamdesk backup 2", its second a
// line of JSON: when it was made, the workspace's schema and, for an
// encrypted workspace, the salt and costs that turn the passphrase into
// its key. Frames follow: a 4-byte big-endian length with the top bit set
// on the last frame, then the frame. The frames before the last carry
// the body, a megabyte each; the last one is the manifest: how many keys
// the body holds, how many records of each kind among them, and the
// SHA-256 of the two header lines and the body.
//
// The body is Badger's own backup stream: the records DB.Backup writes
// (made as it makes them) and DB.Load, or `badger restore`, reads
// (backup_stream.go).
//
// The backup of an encrypted workspace seals every frame with AES-256-GCM
// under a key derived from the workspace key (HKDF-SHA256), its nonce the
// frame's number and whether it is the last, so that no frame can be cut,
// moved or changed unnoticed, and the header is checked by the sealed
// manifest's checksum. A backup of a plain workspace is plain.
//
// Backups of version 1 ("kamdesk backup 1", kamdesk until 2026-12) are
// read and restored still: their body is kamdesk's own list of keys and
// values (backup_v1.go) and their checksum leaves out the header.

const (
	backupVersion = 2                    // the format kamdesk writes,
	backupMagic   = "kamdesk backup 2\n" // its first line
	backupMagicV1 = "kamdesk backup 1\n" // that of the format before: read still
)

// backupHeader is the JSON line at the start of a backup file.
type backupHeader struct {
	Made       time.Time  `json:"made"`
	Schema     int        `json:"schema"`
	Encryption *keyParams `json:"encryption,omitempty"`
	// Version is the file's format, from its first line (1 or 2).
	Version int `json:"-"`
}

// bytes are the header's two lines as a backup of the current version
// starts with them.
func (h backupHeader) bytes() []byte {
	line, _ := json.Marshal(h)
	return append(append([]byte(backupMagic), line...), '\n')
}

// backupEnd is the last frame of a backup file: its manifest, with the
// header's date and schema.
type backupEnd struct {
	Keys   int    `json:"keys"`
	SHA256 string `json:"sha256"`
	// Counts are the records of each kind (by its key's first part:
	// "acct", "person", …); backups of version 1 made before there were
	// counts have none.
	Counts map[string]int `json:"counts,omitempty"`
	// longest is the length of the longest record of the body of a
	// backup of version 2, as checkBackup read it.
	longest uint64
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

// parseBackupHeader reads the two lines of a backup's header and returns
// them as they are, to be summed, with what they say.
func parseBackupHeader(r *bufio.Reader) (backupHeader, []byte, error) {
	var h backupHeader
	magic := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(r, magic); err != nil {
		return h, nil, dossier.Err("not a kamdesk backup", nil, ErrDamaged)
	}
	switch string(magic) {
	case backupMagic:
		h.Version = backupVersion
	case backupMagicV1:
		h.Version = 1
	default:
		return h, nil, dossier.Err("not a kamdesk backup", nil, ErrDamaged)
	}
	line, err := r.ReadBytes('\n')
	if err != nil || len(line) > 4096 {
		return h, nil, dossier.Err("the backup's header is cut short", nil, ErrDamaged)
	}
	if err := json.Unmarshal(line, &h); err != nil || h.Made.IsZero() {
		return h, nil, dossier.Err("the backup's header is damaged", nil, ErrDamaged)
	}
	if h.Encryption != nil && (h.Encryption.KDF != "argon2id" || len(h.Encryption.Salt) < 8) {
		return h, nil, dossier.Err("the backup's header is damaged", nil, ErrDamaged)
	}
	return h, append(magic, line...), nil
}

// checkBackup reads the backup at path whole, checks every frame, the
// checksum and that the body holds what the manifest says, and returns
// its header and manifest. key opens an encrypted backup. It writes
// nothing.
func checkBackup(path string, key []byte) (backupHeader, backupEnd, error) {
	fr, h, err := openBackup(path, key)
	if err != nil {
		return h, backupEnd{}, err
	}
	defer fr.close()
	if h.Version == 1 {
		end, err := readV1(fr, func(k, v []byte) error { return nil })
		return h, end, err
	}
	found, err := readStream(fr, h.Made, path)
	if err != nil {
		return h, backupEnd{}, err
	}
	if found.Keys != fr.end.Keys || !maps.Equal(found.Counts, fr.end.Counts) {
		return h, backupEnd{}, dossier.Err("the backup {{.Path}} is damaged (its records do not match its manifest)", map[string]any{"Path": path}, ErrDamaged)
	}
	found.SHA256 = fr.end.SHA256
	return h, found, nil
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
// an encrypted one. It needs no workspace and writes nothing.
func VerifyBackup(path string, passphrase []byte) (BackupReport, error) {
	if _, err := readBackupHeader(path); err != nil {
		return BackupReport{}, dossier.Err("{{.Path}}", map[string]any{"Path": path}, err)
	}
	key, _, err := backupKey(path, passphrase)
	if err != nil {
		return BackupReport{}, err
	}
	h, end, err := checkBackup(path, key)
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
