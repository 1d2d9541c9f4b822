package store_test

import (
	"fmt"
	"testing"
	"time"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
)

const damagePassphrase = "correct horse battery"

// encryptedBases are an encrypted workspace closed properly and a copy of
// it left by a kill, as damagedBases makes plain ones.
func encryptedBases(t *testing.T) map[string]string {
	t.Helper()
	closed := t.TempDir()
	o := store.Options{NoGC: true, NoBackup: true, Now: func() time.Time { return fixedNow }}
	s, err := store.Open(closed, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := storetest.Generate(s, storetest.Options{Accounts: 25, PeoplePerAccount: 4,
		EventsPerAccount: 4, PromisesPerAccount: 2, Seed: 9}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := store.Encrypt(closed, []byte(damagePassphrase)); err != nil {
		t.Fatal(err)
	}
	o.Passphrase = []byte(damagePassphrase)
	for session := range 3 {
		s, err := store.Open(closed, o)
		if err != nil {
			t.Fatal(err)
		}
		if session < 2 {
			addData(s, fmt.Sprint("session ", session), 20)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	crashed := killedCopy(t, closed, damagePassphrase)
	return map[string]string{"closed": closed, "crashed": crashed}
}

// TestEncryptedDamageMatrix damages an encrypted workspace in every file
// every way, as TestDamageMatrix does a plain one, with the same table,
// except that a damaged or missing KEYREGISTRY is refused: it holds the
// data keys. The checks before opening read an encrypted workspace's
// tables and logs with those keys. (Before they did, a table cut short
// panicked in a Badger goroutine.)
func TestEncryptedDamageMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and damages workspaces")
	}
	t.Parallel()
	o := store.Options{NoGC: true, NoBackup: true, Passphrase: []byte(damagePassphrase)}
	damageMatrix(t, encryptedBases(t), o, func(rule *damageRule) *damageRule {
		if rule.name == "KEYREGISTRY" {
			// It holds the data keys: without it nothing can be read.
			return &damageRule{rule.name, rule.match, refused, refused, refused}
		}
		return rule
	})
}
