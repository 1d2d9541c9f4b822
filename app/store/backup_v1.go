package store

import (
	"encoding/binary"
	"io"
	"maps"

	"kamdesk/dossier"
)

// Backups of version 1. Their body is kamdesk's own: every key and value
// of the workspace one after the other (uvarint length, bytes), the
// frames never cutting one; their manifest's checksum is that of the
// frames of the body alone. kamdesk writes them no longer, but reads and
// restores them (testdata/backup-v1*.backup are two of them).

// readV1 reads the body of a backup of version 1 from fr, calling fn with
// every key and value, and returns its manifest (how many keys, of which
// how many records of each kind). Any damage gives an error matching
// ErrDamaged, but only at the end of the file when it is past the keys
// already handed to fn: check a backup whole before using it.
func readV1(fr *frameReader, fn func(k, v []byte) error) (backupEnd, error) {
	file := map[string]any{"Path": fr.path} // the data of its errors
	keys, counts := 0, map[string]int{}
	for {
		data, err := fr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return backupEnd{}, err
		}
		for len(data) > 0 {
			k, rest, ok := uvarintBytes(data)
			if !ok {
				return backupEnd{}, dossier.Err("the backup {{.Path}} is damaged (a key is cut short)", file, ErrDamaged)
			}
			v, rest, ok := uvarintBytes(rest)
			if !ok {
				return backupEnd{}, dossier.Err("the backup {{.Path}} is damaged (a value is cut short)", file, ErrDamaged)
			}
			data = rest
			if err := fn(k, v); err != nil {
				return backupEnd{}, err
			}
			keys++
			if kind := recordKindOf(k); kind != "" {
				counts[kind]++
			}
		}
	}
	end := *fr.end
	if end.Keys != keys {
		return backupEnd{}, dossier.Err("the backup {{.Path}} is damaged (its contents do not match their checksum)", file, ErrDamaged)
	}
	if end.Counts != nil && !maps.Equal(end.Counts, counts) {
		return backupEnd{}, dossier.Err("the backup {{.Path}} is damaged (its records do not match its manifest)", file, ErrDamaged)
	}
	return end, nil
}

// uvarintBytes reads a uvarint length and that many bytes.
func uvarintBytes(b []byte) (field, rest []byte, ok bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return nil, nil, false
	}
	return b[w : w+int(n)], b[w+int(n):], true
}
