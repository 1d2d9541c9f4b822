package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Attached files are kept in the workspace in chunks, so that one large
// file never needs one large value: file/<id>/<chunk>.
const chunkSize = 512 << 10

func fileKey(id string, chunk uint32) []byte {
	k := []byte("file/" + id + "/")
	return binary.BigEndian.AppendUint32(k, chunk)
}

// PutFile stores the contents of r as an attachment named name (reduced to
// a safe file name). Files larger than dossier.MaxFile are refused whole.
// The returned Attachment goes into an event; until then the file is not
// reachable.
func (s *Store) PutFile(name string, r io.Reader) (dossier.Attachment, error) {
	a := dossier.Attachment{Name: dossier.SafeFileName(name)}
	h := sha256.New()
	var chunks [][]byte
	lr := io.LimitReader(r, dossier.MaxFile+1)
	for {
		buf := make([]byte, chunkSize)
		n, err := io.ReadFull(lr, buf)
		if n > 0 {
			chunks = append(chunks, buf[:n])
			h.Write(buf[:n])
			a.Size += int64(n)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return a, dossier.Err("reading {{.File}}", map[string]any{"File": a.Name}, err)
		}
	}
	if a.Size > dossier.MaxFile {
		return a, dossier.Err("{{.File}} is larger than {{.Max}} MB, the limit for one attachment",
			map[string]any{"File": a.Name, "Max": dossier.MaxFile >> 20}, dossier.ErrInvalid)
	}
	a.SHA256 = hex.EncodeToString(h.Sum(nil))
	err := s.updateSized(saveBudget+a.Size, func(txn *badger.Txn) error {
		// The ID is drawn inside the transaction that writes the bytes, so
		// that two files never share one: an event keeps its own file.
		a.FileID = ""
		for range newIDTries {
			id := NewID("", "file")
			if taken, err := exists(txn, fileKey(id, 0)); err != nil {
				return err
			} else if !taken {
				a.FileID = id
				break
			}
		}
		if a.FileID == "" {
			return dossier.Err("no free file ID after {{.Count}} tries", map[string]any{"Count": newIDTries}, dossier.ErrConflict)
		}
		if len(chunks) == 0 {
			return txn.Set(fileKey(a.FileID, 0), nil)
		}
		for i, c := range chunks {
			if err := txn.Set(fileKey(a.FileID, uint32(i)), c); err != nil {
				return err
			}
		}
		return nil
	})
	return a, err
}

// File returns the contents of an attachment, checked against its hash.
func (s *Store) File(a dossier.Attachment) ([]byte, error) {
	if !dossier.ValidID(a.FileID) {
		return nil, dossier.Err(`"{{.ID}}" is not a valid file ID`, map[string]any{"ID": a.FileID}, dossier.ErrInvalid)
	}
	var buf bytes.Buffer
	err := s.view(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		p := []byte("file/" + a.FileID + "/")
		found := false
		for it.Seek(p); it.ValidForPrefix(p); it.Next() {
			found = true
			if err := it.Item().Value(func(v []byte) error { buf.Write(v); return nil }); err != nil {
				return err
			}
		}
		if !found {
			return dossier.Err("attachment {{.File}}", map[string]any{"File": a.Name}, dossier.ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(buf.Bytes())
	if a.SHA256 != "" && hex.EncodeToString(sum[:]) != a.SHA256 {
		return nil, dossier.Err("attachment {{.File}} is damaged (checksum mismatch)", map[string]any{"File": a.Name}, ErrDamaged)
	}
	return buf.Bytes(), nil
}

func deleteFile(txn *badger.Txn, id string) error {
	opt := badger.DefaultIteratorOptions
	opt.PrefetchValues = false
	it := txn.NewIterator(opt)
	var keys [][]byte
	p := []byte("file/" + id + "/")
	for it.Seek(p); it.ValidForPrefix(p); it.Next() {
		keys = append(keys, it.Item().KeyCopy(nil))
	}
	it.Close()
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
