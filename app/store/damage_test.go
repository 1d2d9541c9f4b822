package store_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/table"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/assets"
	"kamdesk/dossier"
)

// The damage matrix: a real workspace, closed properly or left by a kill,
// copied; in the copy one file is cut to half its data, has a byte
// flipped in the middle of its data, or is deleted; then opened. Each
// case must come out as the table says, and either way never panic:
//
//   - intact: the workspace opens and every key holds what it held
//     before the damage;
//   - refused: Open fails with ErrDamaged in one line, and every file but
//     kamdesk.log (which says why) is byte for byte what it was before.
//
// file                          cut     flip    delete   why
// MANIFEST                      refused refused refused  the list of tables: a record cut short, a checksum, gone
// table (*.sst)                 refused refused refused  block checksums, the index, a listed table gone
// value log with values         refused refused refused  each value a newest version points to: there, whole, its checksum
// value log, header only        intact  intact  intact   holds no value (the flip lands in the IV, unused)
// memtable log (*.mem)          refused refused refused  its size and the log's number are in LOCK; entries checked
// LOCK                          intact  intact  intact   names the process and the log in use: the checks know less
// KEYREGISTRY                   intact  intact  intact   no key without encryption: moved to salvage, Badger writes anew
// DISCARD                       intact  intact  intact   garbage-collection statistics only
//
// Not covered (and not detectable from the files alone): the older of two
// memtable logs deleted or cut between two entries after a crash; a flip
// that keeps a checksum right.

type outcome string

const (
	intact  outcome = "intact"
	refused outcome = "refused"
)

// damageRule is a row of the table above.
type damageRule struct {
	name               string
	match              func(name string, dataEnd int64) bool
	cut, flip, deleted outcome
}

var damageRules = []damageRule{
	{"MANIFEST", is("MANIFEST"), refused, refused, refused},
	{"table", ext(".sst"), refused, refused, refused},
	{"value log with values", func(n string, end int64) bool { return strings.HasSuffix(n, ".vlog") && end > 20 },
		refused, refused, refused},
	{"value log, header only", func(n string, end int64) bool { return strings.HasSuffix(n, ".vlog") && end <= 20 },
		intact, intact, intact},
	{"memtable log", ext(".mem"), refused, refused, refused},
	{"LOCK", is("LOCK"), intact, intact, intact},
	{"KEYREGISTRY", is("KEYREGISTRY"), intact, intact, intact},
	{"DISCARD", is("DISCARD"), intact, intact, intact},
}

func is(name string) func(string, int64) bool {
	return func(n string, _ int64) bool { return n == name }
}

func ext(e string) func(string, int64) bool {
	return func(n string, _ int64) bool { return strings.HasSuffix(n, e) }
}

// TestDamageChild is run by damagedBases: it opens the workspace, adds
// accounts and an attachment, says "ready" and waits to be killed.
func TestDamageChild(t *testing.T) {
	dir := os.Getenv("KAMDESK_DAMAGE_DIR")
	if dir == "" {
		t.Skip("run by TestDamageMatrix")
	}
	s, err := store.Open(dir, store.Options{NoGC: true, Now: func() time.Time { return fixedNow },
		Passphrase: []byte(os.Getenv("KAMDESK_DAMAGE_PASSPHRASE"))})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	addData(s, "crash", 40)
	fmt.Println("ready")
	time.Sleep(time.Minute)
}

// addData saves n accounts and an event with a 200 KB attachment (values
// that long go to the value log).
func addData(s *store.Store, tag string, n int) {
	var acct dossier.Account
	for i := range n {
		acct = dossier.Account{Name: fmt.Sprintf("%s account %d", tag, i), Tier: dossier.TierKey,
			Notes: strings.Repeat("notes ", i*10)}
		if err := s.SaveAccount(&acct); err != nil {
			panic(err)
		}
	}
	a, err := s.PutFile(tag+".bin", io.LimitReader(&counter{}, 200<<10))
	if err != nil {
		panic(err)
	}
	e := dossier.Event{AccountID: acct.ID, Kind: dossier.EventMeeting, Date: dossier.MustDate("2026-11-20"),
		Title: tag + " meeting", Attachments: []dossier.Attachment{a}}
	if err := s.SaveEvent(&e); err != nil {
		panic(err)
	}
}

// counter reads as bytes that count up, so no two blocks of a file are alike.
type counter struct{ n byte }

func (c *counter) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = c.n
		c.n += 7
	}
	return len(p), nil
}

// damagedBases builds the two workspaces the matrix damages: one closed
// properly after a few sessions, and a copy of it that a process saving
// more was killed in.
func damagedBases(t *testing.T) map[string]string {
	t.Helper()
	closed := t.TempDir()
	for session := range 4 {
		s, err := store.Open(closed, store.Options{NoGC: true, Now: func() time.Time { return fixedNow }})
		if err != nil {
			t.Fatal(err)
		}
		if session == 0 {
			err := storetest.Generate(s, storetest.Options{Accounts: 25, PeoplePerAccount: 4,
				EventsPerAccount: 4, PromisesPerAccount: 2, Seed: 9})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.LoadSample(assets.Sample, dossier.MustDate("2026-11-25"), export.Snapshot); err != nil {
				t.Fatal(err)
			}
		}
		if session < 3 {
			addData(s, fmt.Sprint("session ", session), 20)
		} // the last session leaves a value log file with no value
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	crashed := killedCopy(t, closed, "")
	return map[string]string{"closed": closed, "crashed": crashed}
}

// TestDamageMatrix damages a copy of each base workspace in every file
// every way, opens it, and checks the outcome against damageRules.
func TestDamageMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and damages workspaces")
	}
	t.Parallel()
	damageMatrix(t, damagedBases(t), store.Options{NoGC: true}, nil)
}

// killedCopy copies the workspace closed, opens the copy in a child
// process (with passphrase, if not ""), adds data and kills the child:
// the workspace a crash leaves.
func killedCopy(t *testing.T, closed, passphrase string) string {
	t.Helper()
	crashed := t.TempDir()
	copyWorkspace(t, closed, crashed)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDamageChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "KAMDESK_DAMAGE_DIR="+crashed, "KAMDESK_DAMAGE_PASSPHRASE="+passphrase)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "ready" {
		if strings.Contains(sc.Text(), "failed") {
			t.Fatalf("child: %s", sc.Text())
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	leaveEmptyTable(t, filepath.Join(crashed, "db"))
	return crashed
}

// leaveEmptyTable adds to the database dir an empty table file after the
// last one, as a kill while Badger creates a table can leave (CI saw one):
// every run of the matrix then damages such a file.
func leaveEmptyTable(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var last uint64
	for _, e := range entries {
		if id, ok := table.ParseFileID(e.Name()); ok {
			last = max(last, id)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, table.IDToFilename(last+1)), nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

// damageMatrix damages a copy of each base workspace in every file every
// way, opens it with o, and checks the outcome against damageRules,
// changed by override when it is not nil.
func damageMatrix(t *testing.T, bases map[string]string, o store.Options, override func(*damageRule) *damageRule) {
	t.Helper()
	counts := map[outcome]int{}
	for _, baseName := range []string{"closed", "crashed"} {
		base := bases[baseName]
		want := dumpOf(t, base, o)
		entries, err := os.ReadDir(filepath.Join(base, "db"))
		if err != nil {
			t.Fatal(err)
		}
		listed := listedTables(t, filepath.Join(base, "db"))
		for _, e := range entries {
			end, err := store.DataEnd(filepath.Join(base, "db", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			rule := ruleFor(e.Name(), end)
			if rule == nil {
				t.Errorf("%s: no rule for the file %s", baseName, e.Name())
				continue
			}
			if strings.HasSuffix(e.Name(), ".sst") && !listed[e.Name()] {
				rule = &orphanRule
			}
			if override != nil {
				rule = override(rule)
			}
			for _, how := range []struct {
				name   string
				want   outcome
				damage func(path string, end int64) error
			}{
				{"cut", rule.cut, cutFile},
				{"flip", rule.flip, flipByte},
				{"delete", rule.deleted, func(path string, _ int64) error { return os.Remove(path) }},
			} {
				name := fmt.Sprintf("%s/%s/%s", baseName, e.Name(), how.name)
				t.Run(name, func(t *testing.T) {
					dir := t.TempDir()
					copyWorkspace(t, base, dir)
					if err := how.damage(filepath.Join(dir, "db", e.Name()), end); err != nil {
						t.Fatal(err)
					}
					got := openDamaged(t, dir, want, o)
					counts[got]++
					if got != how.want {
						t.Errorf("%s (%s): %s, want %s", name, rule.name, got, how.want)
					}
				})
			}
		}
	}
	t.Logf("%d cases intact, %d refused", counts[intact], counts[refused])
}

// orphanRule is the row of a table the MANIFEST does not list, which a
// kill during a compaction can leave: garbage, moved aside on opening.
var orphanRule = damageRule{"table not in the MANIFEST", ext(".sst"), intact, intact, intact}

// listedTables are the table files the MANIFEST of the database dir lists.
func listedTables(t *testing.T, dir string) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, badger.ManifestFilename))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, _, err := badger.ReplayManifestFile(f, 0, badger.DefaultOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for id := range m.Tables {
		out[table.IDToFilename(id)] = true
	}
	return out
}

func ruleFor(name string, end int64) *damageRule {
	for i := range damageRules {
		if damageRules[i].match(name, end) {
			return &damageRules[i]
		}
	}
	return nil
}

// cutFile cuts the file at path to half its data.
func cutFile(path string, end int64) error { return os.Truncate(path, end/2) }

// flipByte inverts the byte in the middle of the file's data. A file with
// no data (a table a kill left empty as it was being written) has no byte
// to flip: it stays as it is, as cutFile leaves it.
func flipByte(path string, end int64) error {
	if end == 0 {
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	b := make([]byte, 1)
	if _, err := f.ReadAt(b, end/2); err != nil {
		return err
	}
	b[0] ^= 0xff
	_, err = f.WriteAt(b, end/2)
	return err
}

// openDamaged opens the damaged workspace dir and tells what came out,
// failing the test if it is neither outcome.
func openDamaged(t *testing.T, dir string, want map[string]string, o store.Options) outcome {
	t.Helper()
	before := digests(t, dir)
	s, err := store.Open(dir, o)
	if err != nil {
		if !errors.Is(err, store.ErrDamaged) {
			t.Errorf("refused with %v, want ErrDamaged", err)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("the refusal is not one line: %q", err)
		}
		if after := digests(t, dir); !equalMaps(before, after) {
			t.Errorf("the refused open changed files: %s", diffMaps(before, after))
		}
		t.Logf("refused: %v", err)
		return refused
	}
	defer s.Close()
	got, err := store.Dump(s)
	if err != nil {
		t.Errorf("opened, then reading failed: %v", err)
		return intact
	}
	if !equalMaps(want, got) {
		t.Errorf("opened with data missing or altered: %s", diffMaps(want, got))
	}
	return intact
}

// dumpOf opens a copy of the workspace dir and returns all its keys.
func dumpOf(t *testing.T, dir string, o store.Options) map[string]string {
	t.Helper()
	cp := t.TempDir()
	copyWorkspace(t, dir, cp)
	s, err := store.Open(cp, o)
	if err != nil {
		t.Fatalf("opening the undamaged workspace: %v", err)
	}
	defer s.Close()
	kv, err := store.Dump(s)
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

// copyWorkspace copies the files of the workspace from into to, keeping
// sparse files sparse.
func copyWorkspace(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o700)
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		end, err := store.DataEnd(path)
		if err != nil {
			return err
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, info.Mode().Perm())
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, io.LimitReader(src, end)); err != nil {
			out.Close()
			return err
		}
		if err := out.Truncate(info.Size()); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
}

// digests returns the size and a hash of the data of every file under
// dir, by path.
func digests(t *testing.T, dir string) map[string]string {
	t.Helper()
	d := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		end, err := store.DataEnd(path)
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, io.LimitReader(f, end)); err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if rel == "kamdesk.log" {
			return nil // where the refusal is explained
		}
		d[rel] = fmt.Sprintf("%d %x", info.Size(), h.Sum(nil))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// diffMaps names the keys that differ between want and got, a few.
func diffMaps(want, got map[string]string) string {
	var diffs []string
	for k, v := range want {
		if w, ok := got[k]; !ok {
			diffs = append(diffs, "missing "+k)
		} else if !bytes.Equal([]byte(v), []byte(w)) {
			diffs = append(diffs, "changed "+k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, "added "+k)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 5 {
		diffs = append(diffs[:5], fmt.Sprintf("and %d more", len(diffs)-5))
	}
	return fmt.Sprintf("%d differences: %s", len(diffs), strings.Join(diffs, "; "))
}
