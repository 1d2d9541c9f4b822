package store

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Automatic backups. The first open of a writable workspace after
// backupEvery, and every hour while it stays open after that, writes
// the workspace, as it is at that moment, through Badger's own backup
// stream (the records DB.Backup writes, from one read transaction of
// Badger: never a copy of its files; backup_stream.go) to
// DIR/backups/kamdesk-YYYYMMDD-HHMMSS.backup, on a goroutine of its own,
// reads the file back to check it, and keeps what the workspace's
// BackupPolicy keeps (the newest of each of the last 7 days and 4 weeks
// by default). A damaged workspace that cannot be opened names its latest
// backup, and Restore loads a backup with Badger's own loader (DB.Load)
// into a new database that takes the place of the old one, kept aside.
//
// The stream is carried in kamdesk's own file (backup_file.go): a
// header with the date and schema, frames each checked (and sealed when
// the workspace is encrypted), and a manifest with the count of keys, of
// the records of each kind, and the checksum of it all.
//
// A backup holds what the workspace held when it was made: erasing a
// person or changing the encryption deletes every backup (an old one
// would keep the erased person, or the data without its new passphrase),
// and the next open makes a new one.

const (
	backupEvery  = 20 * time.Hour
	backupMargin = 256 << 20       // free space an automatic backup leaves at least
	backupFrame  = 1 << 20         // bytes of the body a frame holds (sealed: 16 more)
	maxFrameSize = 64<<20 + 1<<10  // larger frames are damage, not data
	lastFrameBit = uint32(1) << 31 // in a frame's length: the last frame
)

// backupCheck is how often an open workspace sees whether a backup is
// due (a variable for the tests).
var backupCheck = time.Hour

// Backup is one backup file of a workspace.
type Backup struct {
	Path      string
	Made      time.Time
	Encrypted bool
	Size      int64
}

func backupsDir(dir string) string { return filepath.Join(dir, "backups") }

// Backups lists the backups of the workspace in dir, newest first. Files
// whose first lines cannot be read are left out.
func Backups(dir string) ([]Backup, error) {
	entries, err := os.ReadDir(backupsDir(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".backup") {
			continue
		}
		path := filepath.Join(backupsDir(dir), e.Name())
		h, err := readBackupHeader(path)
		if err != nil {
			continue
		}
		b := Backup{Path: path, Made: h.Made, Encrypted: h.Encryption != nil}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b Backup) int { return b.Made.Compare(a.Made) })
	return out, nil
}

// LatestBackup is the newest backup of the workspace in dir, if it has one.
func LatestBackup(dir string) (Backup, bool) {
	list, err := Backups(dir)
	if err != nil || len(list) == 0 {
		return Backup{}, false
	}
	return list[0], true
}

// BackUp writes a backup of the workspace now into its backups folder,
// checks it, and deletes the backups its BackupPolicy does not keep.
func (s *Store) BackUp() (Backup, error) {
	if err := s.writable(); err != nil {
		return Backup{}, err
	}
	return s.backUp(s.now())
}

func (s *Store) backUp(now time.Time) (Backup, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	h, err := s.newBackupHeader(now)
	if err != nil {
		return Backup{}, err
	}
	made := h.Made
	if err := os.MkdirAll(backupsDir(s.dir), 0o700); err != nil {
		return Backup{}, err
	}
	if err := s.room(s.dbSize()); err != nil {
		return Backup{}, err
	}
	path := filepath.Join(backupsDir(s.dir), "kamdesk-"+made.Format("20060102-150405")+".backup")
	for i := 2; ; i++ { // two backups in one second keep both
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		path = filepath.Join(backupsDir(s.dir), fmt.Sprintf("kamdesk-%s-%d.backup", made.Format("20060102-150405"), i))
	}
	// A backup a crash cut short is of no use: no other process writes
	// here while this one has the workspace open.
	if stale, _ := filepath.Glob(filepath.Join(backupsDir(s.dir), "*.backup.tmp")); len(stale) > 0 {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	b, err := s.writeBackupFile(path+".tmp", path, h)
	if err != nil {
		return Backup{}, dossier.Err("backing up {{.Path}}", map[string]any{"Path": s.dir}, err)
	}
	s.pruneBackups(path)
	return b, nil
}

// newBackupHeader is the header of a backup of the workspace made at now.
func (s *Store) newBackupHeader(now time.Time) (backupHeader, error) {
	h := backupHeader{Made: now.UTC().Truncate(time.Second), Schema: SchemaVersion}
	if s.key != nil {
		p, _, err := readKeyParams(s.dir)
		if err != nil {
			return h, err
		}
		h.Encryption = &p
	}
	return h, nil
}

// writeBackupFile writes a backup with header h to tmp, reads it back
// whole, and renames it to path; tmp is gone after a failure.
func (s *Store) writeBackupFile(tmp, path string, h backupHeader) (Backup, error) {
	keys, err := s.writeBackup(tmp, h)
	if err == nil {
		var got backupEnd
		if _, got, err = checkBackup(tmp, s.key); err == nil && got.Keys != keys {
			err = dossier.Err("the backup holds {{.Got}} keys, the workspace {{.Want}}", map[string]any{"Got": got.Keys, "Want": keys}, nil)
		}
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return Backup{}, err
	}
	syncDir(filepath.Dir(path))
	b := Backup{Path: path, Made: h.Made, Encrypted: s.key != nil}
	if info, err := os.Stat(path); err == nil {
		b.Size = info.Size()
	}
	return b, nil
}

// BackUpTo writes a backup of the workspace, as it is now, to path (a
// file of the user's choosing: it is not one of the workspace's own
// backups, which BackUp writes), replacing a file there only once the new
// one is whole and checked. An open workspace can be backed up so while
// it is in use, read-only too.
func (s *Store) BackUpTo(path string) (Backup, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	h, err := s.newBackupHeader(s.now())
	if err == nil {
		var tmp *os.File
		if tmp, err = os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp"); err == nil {
			tmp.Close()
			var b Backup
			if b, err = s.writeBackupFile(tmp.Name(), path, h); err == nil {
				return b, nil
			}
		}
	}
	return Backup{}, dossier.Err("backing up to {{.Path}}", map[string]any{"Path": path}, err)
}

// dbSize is about how many bytes the database holds.
func (s *Store) dbSize() int64 {
	lsm, vlog := s.db.Size()
	return lsm + vlog
}

// writeBackup writes a backup of the workspace with header h to path
// and returns how many keys it holds.
func (s *Store) writeBackup(path string, h backupHeader) (int, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	seal, err := newBackupSealer(s.key, backupVersion)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	head := h.bytes()
	w.Write(head)
	fw := newFrameWriter(w, seal, head)
	end, err := s.streamBackup(fw, h.Made)
	if err == nil {
		err = fw.close(end)
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		return 0, err
	}
	return end.Keys, f.Close()
}

// dropBackups deletes every backup of the workspace in dir.
func dropBackups(dir string) error {
	entries, err := os.ReadDir(backupsDir(dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".backup") || strings.HasSuffix(e.Name(), ".backup.tmp") {
			if err := os.Remove(filepath.Join(backupsDir(dir), e.Name())); err != nil {
				return err
			}
		}
	}
	syncDir(backupsDir(dir))
	return nil
}

// autoBackup makes the backup of the day, when the latest is older than
// backupEvery and the workspace holds something.
// now is the time of the open (read there, not here: s.now may be a
// test's clock that moves on).
// backupDue tells whether the automatic backup of the workspace dir is
// due at now.
func backupDue(dir string, now time.Time) bool {
	b, ok := LatestBackup(dir)
	return !ok || now.Sub(b.Made) >= backupEvery
}

// backupLoop makes the backup of the day at the open, then sees every
// backupCheck whether one is due, while the workspace is open: a desktop
// left open for days keeps its daily backups. It runs on a goroutine of
// its own: typing and saving go on while a backup is written.
func (s *Store) backupLoop(opened time.Time, logline func(string, ...any)) {
	defer s.stopped.Done()
	s.autoBackup(opened, logline)
	s.every(backupCheck, func() { s.autoBackup(s.now(), logline) })
}

func (s *Store) autoBackup(now time.Time, logline func(string, ...any)) {
	if !backupDue(s.dir, now) {
		return
	}
	if s.empty() {
		return
	}
	// A backup must not take the room the next saves need: it is left
	// out while the disk would keep less than backupMargin after it.
	if free, ok := freeSpace(s.dir); ok && free < 2*s.dbSize()+backupMargin {
		logline("no automatic backup: %d MB free, %d MB would be left after it", free>>20, (free-s.dbSize())>>20)
		return
	}
	if _, err := s.backUp(now); err != nil {
		logline("%v", err)
	}
}

// Empty reports whether the workspace holds no record (only its schema
// version, or nothing).
func (s *Store) Empty() bool { return s.empty() }

func (s *Store) empty() bool {
	n := 0
	s.db.View(func(txn *badger.Txn) error {
		opt := badger.DefaultIteratorOptions
		opt.PrefetchValues = false
		it := txn.NewIterator(opt)
		defer it.Close()
		for it.Rewind(); it.Valid() && n < 2; it.Next() {
			n++
		}
		return nil
	})
	return n < 2
}
