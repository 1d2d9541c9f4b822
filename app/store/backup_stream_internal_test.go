package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"

	"kamdesk/dossier"
)

// TestBackupBodyIsBadgersStream: the body of a backup is the stream
// DB.Backup writes of the same database, each key's newest version
// there KV for KV (but their stream_id
// and the value-log bit of their meta, which DB.Load does not read), and
// byte for byte once those are left out and the KVs are in the order of
// their keys; DB.Load of it gives back every key with its value. The
// database holds records, a key with three versions, a deleted key, one
// whose earlier versions are discarded and a value Badger keeps in its
// value log; plain and encrypted.
func TestBackupBodyIsBadgersStream(t *testing.T) {
	for _, pass := range []string{"", "correct horse battery"} {
		t.Run(fmt.Sprintf("passphrase %q", pass), func(t *testing.T) {
			dir := t.TempDir()
			o := Options{NoGC: true, NoBackup: true}
			if pass != "" {
				s, err := Open(dir, o)
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
				if err := Encrypt(dir, []byte(pass)); err != nil {
					t.Fatal(err)
				}
				o.Passphrase = []byte(pass)
			}
			s, err := Open(dir, o)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			fillForStream(t, s)

			path := filepath.Join(t.TempDir(), "b.backup")
			if _, err := s.BackUpTo(path); err != nil {
				t.Fatal(err)
			}
			fr, h, err := openBackup(path, s.key)
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(fr)
			fr.close()
			if err != nil || h.Version != 2 || fr.end == nil {
				t.Fatalf("reading the body: %v (version %d, manifest %v)", err, h.Version, fr.end)
			}
			var theirs bytes.Buffer
			if _, err := s.db.Backup(&theirs, 0); err != nil {
				t.Fatal(err)
			}

			got, want := decodeStream(t, body), decodeStream(t, theirs.Bytes())
			var inValueLog, versions, deletions, discards int
			for _, kv := range want {
				if kv.Meta[0]&2 != 0 { // Badger's bitValuePointer
					inValueLog++
				}
				kv.Meta[0] &^= 2
				kv.StreamId = 0
				if kv.Meta[0]&badgerDelete != 0 {
					deletions++
				}
				if kv.Meta[0]&badgerDiscardEarlier != 0 {
					discards++
				}
			}
			slices.SortStableFunc(want, func(a, b *pb.KV) int {
				if c := bytes.Compare(a.Key, b.Key); c != 0 {
					return c
				}
				return -cmpUint(a.Version, b.Version)
			})
			for i := 1; i < len(want); i++ {
				if bytes.Equal(want[i].Key, want[i-1].Key) && want[i].Meta[0] == 0 {
					versions++
				}
			}
			if inValueLog == 0 || versions < 2 || deletions < 2 || discards == 0 {
				t.Fatalf("DB.Backup's stream has %d values in the value log, %d older versions, %d deletions, %d discards: the test does not test them", inValueLog, versions, deletions, discards)
			}
			// A backup holds the newest version of each key that is there
			// (and, as DB.Backup, the marker after one whose earlier
			// versions are discarded): no older version, no deleted key.
			var newest []*pb.KV
			for i := 0; i < len(want); {
				j := i + 1
				for j < len(want) && bytes.Equal(want[j].Key, want[i].Key) {
					j++
				}
				if first := want[i]; first.Meta[0]&badgerDelete == 0 {
					newest = append(newest, first)
					if next := i + 1; first.Meta[0]&badgerDiscardEarlier != 0 && next < j && want[next].Version == first.Version-1 {
						newest = append(newest, want[next])
					}
				}
				i = j
			}
			want = newest
			if len(got) != len(want) {
				t.Errorf("the backup's body holds %d KVs, DB.Backup's %d", len(got), len(want))
			}
			for i := range min(len(got), len(want)) {
				if !proto.Equal(got[i], want[i]) {
					t.Fatalf("KV %d of the body is\n%v\nDB.Backup's is\n%v", i, brief(got[i]), brief(want[i]))
				}
			}
			same, _ := proto.Marshal(&pb.KVList{Kv: want})
			same = append(binary.LittleEndian.AppendUint64(nil, uint64(len(same))), same...)
			if !bytes.Equal(body, same) {
				t.Errorf("the body (%d bytes) is not DB.Backup's KVs as one KVList (%d bytes)", len(body), len(same))
			}

			loaded, err := badger.Open(cryptOptions(badgerOptions(t.TempDir(), io.Discard), s.key))
			if err != nil {
				t.Fatal(err)
			}
			defer loaded.Close()
			if err := loaded.Load(bytes.NewReader(body), 16); err != nil {
				t.Fatal(err)
			}
			if got, want := allValues(t, loaded), allValues(t, s.db); got != want {
				t.Errorf("DB.Load of the body holds\n%s\nthe workspace\n%s", got, want)
			}
		})
	}
}

// fillForStream writes what TestBackupBodyIsBadgersStream needs into s.
func fillForStream(t *testing.T, s *Store) {
	t.Helper()
	a := dossier.Account{Name: "Northbridge Logistics", Tier: dossier.TierKey}
	if err := s.SaveAccount(&a); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Anna Berg", "Ole Dahl"} {
		p := dossier.Person{AccountID: a.ID, Name: name, Type: dossier.HR, Level: dossier.Doubter}
		if err := s.SavePerson(&p); err != nil {
			t.Fatal(err)
		}
	}
	set := func(fn func(txn *badger.Txn) error) {
		if err := s.db.Update(fn); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		set(func(txn *badger.Txn) error { return txn.Set([]byte("zz/versions"), fmt.Appendf(nil, "version %d", i)) })
	}
	set(func(txn *badger.Txn) error { return txn.Set([]byte("zz/deleted"), []byte("gone")) })
	set(func(txn *badger.Txn) error { return txn.Delete([]byte("zz/deleted")) })
	set(func(txn *badger.Txn) error { return txn.Set([]byte("zz/discard"), []byte("old")) })
	set(func(txn *badger.Txn) error {
		return txn.SetEntry(badger.NewEntry([]byte("zz/discard"), []byte("new")).WithDiscard())
	})
	set(func(txn *badger.Txn) error {
		return txn.Set([]byte("zz/large"), bytes.Repeat([]byte("in the value log "), valueThreshold/8))
	})
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// decodeStream reads the KVs of a Badger backup stream.
func decodeStream(t *testing.T, b []byte) []*pb.KV {
	t.Helper()
	var out []*pb.KV
	for len(b) > 0 {
		n := binary.LittleEndian.Uint64(b)
		var list pb.KVList
		if err := proto.Unmarshal(b[8:8+n], &list); err != nil {
			t.Fatal(err)
		}
		out = append(out, list.Kv...)
		b = b[8+n:]
	}
	return out
}

func brief(kv *pb.KV) string {
	return fmt.Sprintf("key %q version %d meta %v user meta %v expires %d stream %d value %d bytes", kv.Key, kv.Version, kv.Meta, kv.UserMeta, kv.ExpiresAt, kv.StreamId, len(kv.Value))
}

// allValues lists every key of db with its value.
func allValues(t *testing.T, db *badger.DB) string {
	t.Helper()
	var b strings.Builder
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "%q %q\n", it.Item().Key(), v[:min(len(v), 40)])
			if len(v) > 40 {
				fmt.Fprintf(&b, "  (%d bytes)\n", len(v))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestBackupRecordThatDoesNotRead: a backup whose frames and checksum
// check out but whose body is not Badger's backup stream is refused, and
// says so; one whose record runs past the body says it is cut short.
func TestBackupRecordThatDoesNotRead(t *testing.T) {
	for name, c := range map[string]struct {
		body []byte
		want string
	}{
		"not a KVList":        {append(binary.LittleEndian.AppendUint64(nil, 3), 0xff, 0xff, 0xff), "an entry of its database does not read"},
		"a KV without a key":  {append(binary.LittleEndian.AppendUint64(nil, 4), 0x0a, 2, 0x12, 0), "an entry of its database does not read"},
		"record past the end": {append(binary.LittleEndian.AppendUint64(nil, 100), 0x0a, 0), "it is cut short"},
		"length cut short":    {[]byte{1, 0, 0}, "it is cut short"},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "b.backup")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			h := backupHeader{Made: time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC), Schema: SchemaVersion}
			head := h.bytes()
			f.Write(head)
			fw := newFrameWriter(f, nil, head)
			fw.Write(c.body)
			if err := fw.close(backupEnd{}); err != nil {
				t.Fatal(err)
			}
			f.Close()
			_, _, err = checkBackup(path, nil)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("checking it: %v; want an error naming the file and saying %q", err, c.want)
			}
		})
	}
}

// TestLoadRefusesARecordLongerThanChecked: a backup whose record length
// changed after the restore checked it is refused with a clear error
// (Badger's DB.Load would make a buffer of that length and fail).
func TestLoadRefusesARecordLongerThanChecked(t *testing.T) {
	s, err := Open(t.TempDir(), Options{NoGC: true, NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	fillForStream(t, s)
	path := filepath.Join(t.TempDir(), "b.backup")
	_, err = s.BackUpTo(path)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, checked, err := checkBackup(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := bytes.IndexByte(data[len(backupMagic):], '\n') + len(backupMagic) + 1 + 4 // the header, the first frame's length
	binary.LittleEndian.PutUint64(data[body:], 1<<62)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	err = loadBackup(filepath.Join(t.TempDir(), "db"), path, nil, checked)
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "do not match their checksum") {
		t.Errorf("loading it: %v; want it refused as damaged", err)
	}
}
