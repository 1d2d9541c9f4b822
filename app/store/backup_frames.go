package store

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"

	"kamdesk/dossier"
)

// The frames of a backup file (backup_file.go): the body cut in frames of
// backupFrame bytes, each checked, sealed when the workspace is
// encrypted, and the manifest last.

// backupSealer seals (or opens) the frames of an encrypted backup.
type backupSealer struct{ aead cipher.AEAD }

// newBackupSealer is the sealer of the frames of a backup of version
// version of the workspace whose key is workspaceKey; nil for a plain one.
func newBackupSealer(workspaceKey []byte, version int) (*backupSealer, error) {
	if workspaceKey == nil {
		return nil, nil
	}
	k, err := hkdf.Key(sha256.New, workspaceKey, nil, fmt.Sprintf("kamdesk backup %d", version), 32)
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

// frameWriter writes the body of a backup, as it is written to it, in
// frames of backupFrame bytes; close writes the rest and the manifest.
type frameWriter struct {
	w      io.Writer
	seal   *backupSealer
	sum    hash.Hash
	buf    []byte
	sealed []byte
	frames uint64
}

// newFrameWriter writes frames to w, after the header head (which the
// checksum covers), sealed with seal when it is not nil.
func newFrameWriter(w io.Writer, seal *backupSealer, head []byte) *frameWriter {
	fw := &frameWriter{w: w, seal: seal, sum: sha256.New(), buf: make([]byte, 0, backupFrame)}
	fw.sum.Write(head)
	return fw
}

func (fw *frameWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), backupFrame-len(fw.buf))
		fw.buf = append(fw.buf, p[:k]...)
		p = p[k:]
		if len(fw.buf) == backupFrame {
			if err := fw.frame(fw.buf, false); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// close writes what is left of the body and the last frame, the manifest
// end with the checksum of all that came before it.
func (fw *frameWriter) close(end backupEnd) error {
	if len(fw.buf) > 0 {
		if err := fw.frame(fw.buf, false); err != nil {
			return err
		}
	}
	end.SHA256 = hex.EncodeToString(fw.sum.Sum(nil))
	b, _ := json.Marshal(end)
	return fw.frame(b, true)
}

func (fw *frameWriter) frame(data []byte, last bool) error {
	if !last {
		fw.sum.Write(data)
	}
	if fw.seal != nil {
		fw.sealed = fw.seal.aead.Seal(fw.sealed[:0], frameNonce(fw.frames, last), data, nil)
		data = fw.sealed
	}
	n := uint32(len(data))
	if last {
		n |= lastFrameBit
	}
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], n)
	if _, err := fw.w.Write(head[:]); err != nil {
		return err
	}
	if _, err := fw.w.Write(data); err != nil {
		return err
	}
	fw.frames++
	fw.buf = fw.buf[:0]
	return nil
}

// frameReader reads the frames of a backup: it opens sealed ones, sums
// them, and at the last one checks the checksum and that nothing follows.
// Read gives the body; any damage is an error matching ErrDamaged, and
// io.EOF comes only after the last frame checked out.
type frameReader struct {
	f    *os.File
	r    *bufio.Reader
	path string
	seal *backupSealer
	sum  hash.Hash
	n    uint64
	buf  []byte
	rest []byte // what Read has not given of the current frame
	// end is the manifest, once the last frame has been read.
	end *backupEnd
}

// openBackup opens the backup at path for reading: its header and the
// reader of its frames, to close. key opens an encrypted backup (derived
// from the passphrase with the header's parameters).
func openBackup(path string, key []byte) (*frameReader, backupHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, backupHeader{}, err
	}
	fr := &frameReader{f: f, r: bufio.NewReaderSize(f, 1<<20), path: path, sum: sha256.New()}
	h, head, err := parseBackupHeader(fr.r)
	if err == nil && (h.Encryption != nil) != (key != nil) {
		if key == nil {
			err = ErrPassphraseNeeded
		}
		key = nil // a plain backup of a workspace encrypted since
	}
	if err == nil {
		fr.seal, err = newBackupSealer(key, h.Version)
	}
	if err != nil {
		f.Close()
		return nil, h, err
	}
	if h.Version >= 2 {
		fr.sum.Write(head)
	}
	return fr, h, nil
}

func (fr *frameReader) close() error { return fr.f.Close() }

// next returns the data of the next frame of the body (valid until the
// next call), or io.EOF once the last frame has been read and checked.
func (fr *frameReader) next() ([]byte, error) {
	if fr.end != nil {
		return nil, io.EOF
	}
	file := map[string]any{"Path": fr.path} // the data of its errors
	var head [4]byte
	if _, err := io.ReadFull(fr.r, head[:]); err != nil {
		return nil, dossier.Err("the backup {{.Path}} is damaged (it is cut short)", file, ErrDamaged)
	}
	size := binary.BigEndian.Uint32(head[:])
	last := size&lastFrameBit != 0
	size &^= lastFrameBit
	if size > maxFrameSize {
		return nil, dossier.Err("the backup {{.Path}} is damaged (a frame is too large)", file, ErrDamaged)
	}
	if cap(fr.buf) < int(size) {
		fr.buf = make([]byte, size)
	}
	data := fr.buf[:size]
	if _, err := io.ReadFull(fr.r, data); err != nil {
		return nil, dossier.Err("the backup {{.Path}} is damaged (it is cut short)", file, ErrDamaged)
	}
	if fr.seal != nil {
		var err error
		if data, err = fr.seal.aead.Open(data[:0], frameNonce(fr.n, last), data, nil); err != nil {
			if fr.n == 0 {
				return nil, ErrWrongPassphrase
			}
			return nil, dossier.Err("the backup {{.Path}} is damaged (frame {{.Frame}} does not check)", map[string]any{"Path": fr.path, "Frame": fr.n}, ErrDamaged)
		}
	}
	fr.n++
	if !last {
		fr.sum.Write(data)
		return data, nil
	}
	var end backupEnd
	if err := json.Unmarshal(data, &end); err != nil {
		return nil, dossier.Err("the backup {{.Path}} is damaged (its end is unreadable)", file, ErrDamaged)
	}
	if end.SHA256 != hex.EncodeToString(fr.sum.Sum(nil)) {
		return nil, dossier.Err("the backup {{.Path}} is damaged (its contents do not match their checksum)", file, ErrDamaged)
	}
	if _, err := fr.r.ReadByte(); err != io.EOF {
		return nil, dossier.Err("the backup {{.Path}} is damaged (there is more after its end)", file, ErrDamaged)
	}
	fr.end = &end
	return nil, io.EOF
}

// Read reads the body of the backup.
func (fr *frameReader) Read(p []byte) (int, error) {
	for len(fr.rest) == 0 {
		data, err := fr.next()
		if err != nil {
			return 0, err
		}
		fr.rest = data
	}
	n := copy(p, fr.rest)
	fr.rest = fr.rest[n:]
	return n, nil
}
