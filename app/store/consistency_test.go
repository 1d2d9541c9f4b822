package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/app/store"
)

// TestConsistencyPassAfterUncleanShutdown: after kamdesk stopped without
// closing (its LOCK file is left), Open checks the store's own keys. A
// record that does not decode or has lost its index entry is refused as
// damage; an index entry whose record is missing (an import cut short)
// is removed and the account's list works.
func TestConsistencyPassAfterUncleanShutdown(t *testing.T) {
	for _, c := range []struct {
		name    string
		keys    map[string]string // written behind the store's back
		refused string            // what the refusal names; "" opens
	}{
		{"record without its index entry", map[string]string{
			"person/ghost-aaaaaaaa": `{"id":"ghost-aaaaaaaa","account_id":"ACCT","name":"Ghost","type":"executive","level":"buyer"}`,
		}, "index entry of the record person/ghost-aaaaaaaa is missing"},
		{"record that does not decode", map[string]string{
			"acct/broken-aaaaaaaa": `{"id":"broken-aaaaaaaa","name":`,
		}, "record acct/broken-aaaaaaaa cannot be read"},
		{"index entry under another account", map[string]string{
			"ix/person/other-aaaaaaaa/PERSON": "",
		}, "points to a record of another account"},
		{"person whose photo is missing", map[string]string{
			"person/ghost-aaaaaaaa":         `{"id":"ghost-aaaaaaaa","account_id":"ACCT","name":"Ghost","type":"executive","level":"buyer","photo":{"file_id":"file-gone1234","name":"p.jpg","size":10,"sha256":"","type":"image/jpeg","width":1,"height":1}}`,
			"ix/person/ACCT/ghost-aaaaaaaa": "",
		}, "the photo of the person ghost-aaaaaaaa is missing"},
		{"index entry without its record", map[string]string{
			"ix/person/ACCT/gone-aaaaaaaa": "",
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			s := open(t, dir)
			acct := newAccount(t, s, "Northbridge")
			p := newPerson(t, s, acct.ID, "Elena Varga", "")
			s.Close()
			db, err := badger.Open(badger.DefaultOptions(filepath.Join(dir, "db")).WithLogger(nil))
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(txn *badger.Txn) error {
				for k, v := range c.keys {
					k = strings.ReplaceAll(strings.ReplaceAll(k, "ACCT", acct.ID), "PERSON", p.ID)
					v = strings.ReplaceAll(v, "ACCT", acct.ID)
					if err := txn.Set([]byte(k), []byte(v)); err != nil {
						return err
					}
				}
				return nil
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			// As a crash leaves it: the pid file stays.
			if err := os.WriteFile(filepath.Join(dir, "db", "LOCK"), []byte("4242\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			s, err = store.Open(dir, store.Options{NoGC: true})
			if c.refused != "" {
				if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), c.refused) {
					t.Fatalf("Open = %v, want ErrDamaged naming %q", err, c.refused)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			people, err := s.People(acct.ID)
			if err != nil || len(people) != 1 || people[0].ID != p.ID {
				t.Errorf("People = %v, %v; want Elena only", people, err)
			}
		})
	}
}
