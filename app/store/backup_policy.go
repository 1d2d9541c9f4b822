package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"kamdesk/dossier"
	"os"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// pruneBackups deletes the backups of the workspace its policy does not
// keep; just, the one just made (or ""), counts as the newest of its day
// and week even when others were made in the same second.
func (s *Store) pruneBackups(just string) {
	p, err := s.BackupPolicy()
	if err != nil {
		return
	}
	list, _ := Backups(s.dir)
	if i := slices.IndexFunc(list, func(b Backup) bool { return b.Path == just }); i > 0 {
		b := list[i]
		list = slices.Insert(slices.Delete(list, i, i+1), 0, b)
	}
	keep := map[string]bool{}
	for _, b := range keptBackups(list, p) {
		keep[b.Path] = true
	}
	for _, b := range list {
		if !keep[b.Path] {
			os.Remove(b.Path)
		}
	}
}

// BackupPolicy says which of a workspace's own backups (DIR/backups) are
// kept: the newest of each of the last Daily days that have one, and the
// newest of each of the last Weekly weeks (ISO weeks) that have one; the
// others are deleted when a backup is made.
type BackupPolicy struct {
	Daily  int `json:"daily"`
	Weekly int `json:"weekly"`
}

// DefaultBackupPolicy keeps a week of daily backups and a month of weekly
// ones.
var DefaultBackupPolicy = BackupPolicy{Daily: 7, Weekly: 4}

// Validate reports a policy that keeps no backup, or an unlikely number.
func (p BackupPolicy) Validate() error {
	var probs dossier.Problems
	if p.Daily < 1 || p.Daily > 366 {
		probs.Add("daily", "must be a whole number from 1 to 366", nil)
	}
	if p.Weekly < 0 || p.Weekly > 520 {
		probs.Add("weekly", "must be a whole number from 0 to 520", nil)
	}
	return probs.Err()
}

// BackupPolicy returns the workspace's policy for its backups.
func (s *Store) BackupPolicy() (BackupPolicy, error) {
	p := DefaultBackupPolicy
	err := s.view(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte("meta/backups"))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error { return json.Unmarshal(b, &p) })
	})
	if p.Validate() != nil {
		p = DefaultBackupPolicy
	}
	return p, err
}

// SetBackupPolicy changes which backups the workspace keeps, and deletes
// at once those it no longer keeps.
func (s *Store) SetBackupPolicy(p BackupPolicy) error {
	if err := p.Validate(); err != nil {
		return dossier.Err("backups", nil, err)
	}
	b, _ := json.Marshal(p)
	if err := s.update(func(txn *badger.Txn) error { return txn.Set([]byte("meta/backups"), b) }); err != nil {
		return err
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	s.pruneBackups("")
	return nil
}

// keptBackups are the backups of list (newest first) that policy p
// keeps, newest first. Days and weeks are the local ones.
func keptBackups(list []Backup, p BackupPolicy) []Backup {
	var kept []Backup
	days, weeks := map[string]bool{}, map[string]bool{}
	for _, b := range list {
		t := b.Made.Local()
		day := t.Format("2006-01-02")
		y, w := t.ISOWeek()
		week := fmt.Sprintf("%d-W%02d", y, w)
		keep := false
		if !days[day] && len(days) < p.Daily {
			days[day] = true
			keep = true
		}
		if !weeks[week] && len(weeks) < p.Weekly {
			weeks[week] = true
			keep = true
		}
		if keep {
			kept = append(kept, b)
		}
	}
	return kept
}
