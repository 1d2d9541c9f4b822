package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// WithoutSync returns o with SyncWrites off: for tests that write a great
// many records to check something other than durability.
func WithoutSync(o Options) Options {
	o.noSync = true
	return o
}

// SetIDRand makes new IDs draw their random characters from r until the
// returned function puts crypto/rand back.
func SetIDRand(r io.Reader) (restore func()) {
	old := idRand
	idRand = r
	return func() { idRand = old }
}

// DataEnd returns the offset after the last byte of the file at path
// that is not zero. (It reads the file from the end, without the store's
// own code, so that it works on any version of it.)
func DataEnd(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return 0, err
	}
	end := info.Size()
	// Skip the holes of a sparse file where the system tells (SEEK_DATA 3,
	// SEEK_HOLE 4): Badger's logs are mostly holes.
	if last, ok := lastData(f, end); ok {
		end = last
	}
	buf := make([]byte, 1<<20)
	zero := make([]byte, len(buf))
	for end > 0 {
		n := min(end, int64(len(buf)))
		if _, err := f.ReadAt(buf[:n], end-n); err != nil && err != io.EOF {
			return 0, err
		}
		if !bytes.Equal(buf[:n], zero[:n]) {
			return end - n + int64(len(bytes.TrimRight(buf[:n], "\x00"))), nil
		}
		end -= n
	}
	return 0, nil
}

// lastData returns where the last stretch of data of f ends.
func lastData(f *os.File, size int64) (int64, bool) {
	var end int64
	for off := int64(0); off < size; {
		d, err := f.Seek(off, 3)
		if err != nil {
			return end, errors.Is(err, syscall.ENXIO)
		}
		h, err := f.Seek(d, 4)
		if err != nil || h <= d {
			return 0, false
		}
		end, off = h, h
	}
	return min(end, size), true
}

// Dump returns every key of the open workspace s with its value.
func Dump(s *Store) (map[string]string, error) {
	kv := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			kv[string(it.Item().Key())] = string(v)
		}
		return nil
	})
	return kv, err
}

// Plain returns o with compression off, so that tests can search the
// database files for text.
func Plain(o Options) Options {
	o.plain = true
	return o
}

// CrashBeforeSwap makes the next encryption stop, as a crash would, once
// its new database is written and the swap recorded, until restore.
func CrashBeforeSwap() (restore func()) {
	swapHook = func() error { return errors.New("crashed") }
	return func() { swapHook = nil }
}

// SummaryProblems lists what is wrong with the summary rows of the
// workspace (summary.go): a person without its summary or with an
// outdated one, a summary without its person. A closed store has none.
func (s *Store) SummaryProblems() ([]string, error) {
	if s.db.IsClosed() {
		return nil, nil
	}
	var out []string
	err := s.db.View(func(txn *badger.Txn) error {
		values := func(p []byte) (map[string][]byte, error) {
			m := map[string][]byte{}
			it := txn.NewIterator(badger.DefaultIteratorOptions)
			defer it.Close()
			for it.Seek(p); it.ValidForPrefix(p); it.Next() {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					return nil, err
				}
				m[string(it.Item().Key())] = v
			}
			return m, nil
		}
		people, err := values(kPerson.prefix())
		if err != nil {
			return err
		}
		sums, err := values(summaryPrefix)
		if err != nil {
			return err
		}
		for k, v := range people {
			want, err := summaryOf([]byte(k), v)
			if err != nil {
				return err
			}
			have, ok := sums[string(summaryKey([]byte(k)))]
			switch {
			case !ok:
				out = append(out, k+" has no summary")
			case !bytes.Equal(have, want):
				out = append(out, k+" has an outdated summary: "+string(have))
			}
		}
		for k := range sums {
			if _, ok := people[strings.TrimPrefix(k, string(summaryPrefix))]; !ok {
				out = append(out, k+" is the summary of no person")
			}
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// summaryFaults are the summary problems of every workspace the tests
// closed: whatever a test wrote, the summaries must be in step.
var summaryFaults struct {
	sync.Mutex
	list []string
}

// WaitForSweep waits until the sweep of unused files that the open
// started has ended.
func (s *Store) WaitForSweep() { s.sweeping.Wait() }

// HoldSweep makes the sweeps of the opens that follow, until the end of
// t, wait until release is called; started receives as each begins to
// wait. The stores t opens must be closed by its end.
func HoldSweep(t testing.TB) (started <-chan struct{}, release func()) {
	return holdAt(t, &beforeSweep)
}

// holdAt sets the test hook *hook to wait until release (or the end of
// t), telling reached as it begins to wait.
func holdAt(t testing.TB, hook *func(*Store)) (reached <-chan struct{}, release func()) {
	at, gate := make(chan struct{}, 1), make(chan struct{})
	*hook = func(*Store) {
		select {
		case at <- struct{}{}:
		default:
		}
		<-gate
	}
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	t.Cleanup(func() {
		release()
		*hook = nil
	})
	return at, release
}

// SkipSummaryCheck turns the check at close off until restore, for
// benchmarks that time Close.
func SkipSummaryCheck() (restore func()) {
	old := beforeClose
	beforeClose = nil
	return func() { beforeClose = old }
}

func init() {
	beforeClose = func(s *Store) {
		problems, err := s.SummaryProblems()
		if err != nil {
			problems = append(problems, "reading the summaries: "+err.Error())
		}
		summaryFaults.Lock()
		defer summaryFaults.Unlock()
		for _, p := range problems {
			summaryFaults.list = append(summaryFaults.list, s.dir+": "+p)
		}
	}
}

// SummaryFaults returns the summary problems of the workspaces closed so
// far (SummaryProblems, checked as each closed).
func SummaryFaults() []string {
	summaryFaults.Lock()
	defer summaryFaults.Unlock()
	return slices.Clone(summaryFaults.list)
}

// CheckedFully tells whether the checks before opening s read every
// file, rather than trusting the note of a clean close (closed.go).
func (s *Store) CheckedFully() bool { return s.checked }

// DeleteRawKeys deletes keys from the database of s as they are, without
// the store's own checks: a record gone that others still name.
func DeleteRawKeys(s *Store, keys ...string) error {
	return s.db.Update(func(txn *badger.Txn) error {
		for _, k := range keys {
			if err := txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetBackupCheck makes an open workspace see whether a backup is due
// every d until the returned function puts the hour back.
func SetBackupCheck(d time.Duration) (restore func()) {
	old := backupCheck
	backupCheck = d
	return func() { backupCheck = old }
}

// KeysOf lists every key of the closed workspace in dir, in order, each
// with the SHA-256 of its value: "key" (quoted as Go does) and 16 hex
// digits a line. Two workspaces whose lists are equal hold the same keys
// and values, record by record. It reads the database with Badger
// directly, writing nothing of kamdesk's.
func KeysOf(dir string, passphrase []byte) ([]string, error) {
	key, err := workspaceKey(dir, passphrase)
	if err != nil {
		return nil, err
	}
	db, err := badger.Open(cryptOptions(badgerOptions(filepath.Join(dir, "db"), io.Discard), key))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []string
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(v)
			out = append(out, fmt.Sprintf("%q %x", it.Item().Key(), sum[:8]))
		}
		return nil
	})
	return out, err
}

// SetRawValue writes value under key in the database of s as it is,
// without the store's own checks: a record damaged in place.
func SetRawValue(s *Store, key string, value []byte) error {
	return s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(key), value) })
}

// HoldSweepBeforeDelete holds the sweep of unused files once it has
// found what to delete, until release (or the test's end).
func HoldSweepBeforeDelete(t testing.TB) (reached <-chan struct{}, release func()) {
	return holdAt(t, &beforeSweepDelete)
}

// NotifyClose makes Close call f as it begins (with the store's lock
// held, where the check of the summaries runs too), until the test's end.
func NotifyClose(t testing.TB, f func()) {
	old := beforeClose
	beforeClose = func(s *Store) {
		f()
		if old != nil {
			old(s)
		}
	}
	t.Cleanup(func() { beforeClose = old })
}
