package store

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/crypto/argon2"

	"kamdesk/dossier"
)

// Encryption at rest is optional. An encrypted workspace has DIR/
// encryption.json, which holds no secret: the salt and the Argon2id
// parameters that turn the passphrase into the 32-byte key Badger
// encrypts every file with (AES-256 in CTR mode, its data keys wrapped in
// its key registry). Badger checks the key itself: a wrong passphrase
// gives "Encryption key mismatch", which Open turns into
// ErrWrongPassphrase after a deliberate delay.
//
// Badger cannot encrypt or decrypt a database in place, so Encrypt and
// Decrypt stream the workspace into a new database beside it and swap
// the two (swap.json records the swap, so that Open completes or undoes
// one a crash interrupted); changing the passphrase only rewrites the key
// registry.

var (
	// ErrPassphraseNeeded reports an encrypted workspace opened without a
	// passphrase.
	ErrPassphraseNeeded = errors.New("the workspace is encrypted: a passphrase is needed")
	// ErrWrongPassphrase reports a passphrase that does not open the
	// workspace.
	ErrWrongPassphrase = errors.New("the passphrase is wrong")
)

// wrongPassphraseDelay slows down guessing.
var wrongPassphraseDelay = time.Second

// keyParams are the contents of encryption.json.
type keyParams struct {
	KDF     string `json:"kdf"` // "argon2id"
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
}

// newKeyParams draws a salt; the costs follow RFC 9106's second
// recommended option (64 MiB, 3 passes), about a third of a second here.
func newKeyParams() (keyParams, error) {
	p := keyParams{KDF: "argon2id", Salt: make([]byte, 16), Time: 3, Memory: 64 << 10, Threads: 2}
	_, err := rand.Read(p.Salt)
	return p, err
}

func (p keyParams) key(passphrase []byte) []byte {
	return argon2.IDKey(passphrase, p.Salt, p.Time, p.Memory, p.Threads, 32)
}

func paramsPath(dir string) string { return filepath.Join(dir, "encryption.json") }

// readKeyParams reads encryption.json, and false when the workspace is
// not encrypted.
func readKeyParams(dir string) (keyParams, bool, error) {
	var p keyParams
	b, err := os.ReadFile(paramsPath(dir))
	if errors.Is(err, os.ErrNotExist) {
		return p, false, nil
	}
	if err != nil {
		return p, false, err
	}
	if err := json.Unmarshal(b, &p); err != nil || p.KDF != "argon2id" || len(p.Salt) < 8 {
		return p, false, dossier.Err("{{.Path}} is damaged", map[string]any{"Path": paramsPath(dir)}, ErrDamaged)
	}
	return p, true, nil
}

// Encrypted reports whether the workspace in dir is encrypted.
func Encrypted(dir string) bool {
	_, ok, _ := readKeyParams(dir)
	return ok
}

// workspaceKey returns the key to open the workspace in dir with: nil
// for a workspace that is not encrypted.
func workspaceKey(dir string, passphrase []byte) ([]byte, error) {
	p, ok, err := readKeyParams(dir)
	if err != nil || !ok {
		return nil, err
	}
	if len(passphrase) == 0 {
		return nil, ErrPassphraseNeeded
	}
	return p.key(passphrase), nil
}

// swap records a change of encryption under way: DIR/db.new is the
// workspace streamed into its new form, Params what encryption.json
// will hold (nil: no encryption).
type swap struct {
	Params *keyParams `json:"params"`
}

func swapPath(dir string) string { return filepath.Join(dir, "swap.json") }

// Encrypt encrypts the workspace in dir, which must be closed, with
// passphrase. It refuses a workspace that is encrypted already.
func Encrypt(dir string, passphrase []byte) error {
	if len(passphrase) < 8 {
		return dossier.Err("the passphrase is too short (at least 8 characters)", nil, dossier.ErrInvalid)
	}
	if Encrypted(dir) {
		return dossier.Err("{{.Path}} is encrypted already; change the passphrase instead", map[string]any{"Path": dir}, dossier.ErrConflict)
	}
	// Exports still to be recorded are added to their proposals first:
	// an encrypted workspace keeps nothing in the clear (pending.go).
	if pendingExists(dir) {
		s, err := Open(dir, Options{NoGC: true, NoBackup: true})
		if err != nil {
			return err
		}
		if err := s.Close(); err != nil {
			return err
		}
		if pendingExists(dir) {
			return dossier.Err("{{.Path}}: the exports waiting in {{.File}} could not be recorded (see kamdesk.log); not encrypting",
				map[string]any{"Path": dir, "File": pendingName}, nil)
		}
	}
	p, err := newKeyParams()
	if err != nil {
		return err
	}
	return convert(dir, nil, &p, p.key(passphrase), true)
}

// Decrypt removes the encryption of the workspace in dir, which must be
// closed.
func Decrypt(dir string, passphrase []byte) error {
	key, err := workspaceKey(dir, passphrase)
	if err != nil {
		return err
	}
	if key == nil {
		return dossier.Err("{{.Path}} is not encrypted", map[string]any{"Path": dir}, dossier.ErrConflict)
	}
	return convert(dir, key, nil, nil, true)
}

// ChangePassphrase gives the encrypted workspace in dir, which must be
// closed, a new passphrase. The data stays as it is; Badger's key
// registry is written anew with the new key, then encryption.json.
func ChangePassphrase(dir string, old, new []byte) error {
	if len(new) < 8 {
		return dossier.Err("the new passphrase is too short (at least 8 characters)", nil, dossier.ErrInvalid)
	}
	oldKey, err := workspaceKey(dir, old)
	if err != nil {
		return err
	}
	if oldKey == nil {
		return dossier.Err("{{.Path}} is not encrypted", map[string]any{"Path": dir}, dossier.ErrConflict)
	}
	db := filepath.Join(dir, "db")
	reg, err := badger.OpenKeyRegistry(badger.KeyRegistryOptions{Dir: db, ReadOnly: true, EncryptionKey: oldKey,
		EncryptionKeyRotationDuration: 10 * 24 * time.Hour})
	if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
		time.Sleep(wrongPassphraseDelay)
		return ErrWrongPassphrase
	}
	if err != nil {
		return err
	}
	defer reg.Close()
	p, err := newKeyParams()
	if err != nil {
		return err
	}
	// The backups open with the old passphrase.
	if err := dropBackups(dir); err != nil {
		return err
	}
	// The registry is rewritten atomically (a temporary file renamed),
	// then the parameters that derive the new key.
	if err := badger.WriteKeyRegistry(reg, badger.KeyRegistryOptions{Dir: db, EncryptionKey: p.key(new),
		EncryptionKeyRotationDuration: 10 * 24 * time.Hour}); err != nil {
		return err
	}
	return writeJSON(paramsPath(dir), p)
}

// convert streams the workspace in dir (opened with oldKey) into a new
// database encrypted with newKey (or plain), then swaps them.
func convert(dir string, oldKey []byte, params *keyParams, newKey []byte, dropOldBackups bool) error {
	if err := recoverSwap(dir); err != nil {
		return err
	}
	from := filepath.Join(dir, "db")
	to := filepath.Join(dir, "db.new")
	if err := os.RemoveAll(to); err != nil {
		return err
	}
	src, err := badger.Open(cryptOptions(badgerOptions(from, discardLog{}), oldKey))
	if errors.Is(err, badger.ErrEncryptionKeyMismatch) {
		time.Sleep(wrongPassphraseDelay)
		return ErrWrongPassphrase
	}
	if err != nil {
		return dossier.Err("opening {{.Path}}", map[string]any{"Path": dir}, err)
	}
	dst, err := badger.Open(cryptOptions(badgerOptions(to, discardLog{}), newKey))
	if err != nil {
		src.Close()
		return err
	}
	n, err := copyAll(src, dst)
	src.Close()
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = verifyCount(to, newKey, n)
	}
	if err != nil {
		os.RemoveAll(to)
		return dossier.Err("converting {{.Path}}", map[string]any{"Path": dir}, err)
	}
	// The backups keep the data as it was encrypted (or not) before.
	if dropOldBackups {
		if err := dropBackups(dir); err != nil {
			return err
		}
	}
	if err := writeJSON(swapPath(dir), swap{Params: params}); err != nil {
		return err
	}
	if swapHook != nil {
		if err := swapHook(); err != nil {
			return err // a test's crash: Open finishes the swap
		}
	}
	return recoverSwap(dir)
}

// swapHook, when tests set it, runs between recording a swap and doing it.
var swapHook func() error

// copyAll copies the latest version of every key of src into dst and
// returns how many.
func copyAll(src, dst *badger.DB) (int, error) {
	n := 0
	wb := dst.NewWriteBatch()
	defer wb.Cancel()
	err := src.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if err := wb.Set(it.Item().KeyCopy(nil), v); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, wb.Flush()
}

// verifyCount opens the new database again and counts its keys.
func verifyCount(dir string, key []byte, want int) error {
	db, err := badger.Open(cryptOptions(badgerOptions(dir, discardLog{}), key))
	if err != nil {
		return err
	}
	defer db.Close()
	got := 0
	err = db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			got++
		}
		return nil
	})
	if err == nil && got != want {
		err = dossier.Err("the new database holds {{.Got}} keys, the old {{.Want}}", map[string]any{"Got": got, "Want": want}, nil)
	}
	return err
}

// recoverSwap finishes a swap that swap.json records: the new database
// replaces the old, encryption.json follows, the old database goes. It is
// run before every open and is safe to run again at any step.
func recoverSwap(dir string) error {
	b, err := os.ReadFile(swapPath(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var s swap
	if err := json.Unmarshal(b, &s); err != nil {
		return dossier.Err("{{.Path}} is damaged", map[string]any{"Path": swapPath(dir)}, ErrDamaged)
	}
	db, next, old := filepath.Join(dir, "db"), filepath.Join(dir, "db.new"), filepath.Join(dir, "db.old")
	if exists := func(p string) bool { _, err := os.Stat(p); return err == nil }; exists(next) {
		if exists(db) {
			if err := os.Rename(db, old); err != nil {
				return err
			}
		}
		if err := os.Rename(next, db); err != nil {
			return err
		}
	}
	if s.Params != nil {
		err = writeJSON(paramsPath(dir), *s.Params)
	} else if err = os.Remove(paramsPath(dir)); errors.Is(err, os.ErrNotExist) {
		err = nil
	}
	if err != nil {
		return err
	}
	// The old database held what is now encrypted (or the key): it goes
	// before the swap is done.
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	return os.Remove(swapPath(dir))
}

// cryptOptions sets the key of options, when there is one.
func cryptOptions(o badger.Options, key []byte) badger.Options {
	if key == nil {
		// Badger reads a table's index from the table's mapped file as it
		// is when the table is not encrypted; its index cache holds only
		// decrypted ones. Made anyway, it was a fifth of Badger's open
		// (a cache of 256 shards, metrics and a goroutine of its own).
		return o.WithIndexCacheSize(0)
	}
	return o.WithEncryptionKey(key).WithEncryptionKeyRotationDuration(10 * 24 * time.Hour)
}

// writeJSON writes v to path through a synced temporary file.
func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// discardLog drops what Badger says while a workspace is converted.
type discardLog struct{}

func (discardLog) Write(p []byte) (int, error) { return len(p), nil }
